//! Indonesian phone numbers (normalised to `+62...`) and passport numbers: both validated leniently,
//! with a warning rather than a refusal when unusual.

use super::warning::Warning;
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::said;

/// A phone number, normalised; with a warning when it does not look like an Indonesian mobile number.
pub fn parse_phone(input: &str) -> Result<(String, Option<Warning>), Invalid> {
    let s = input.trim();
    if s.chars().any(|c| c.is_alphabetic()) || s.is_empty() {
        return Err(Invalid(said!(Msg::PhoneInvalid, s)));
    }
    let plus = s.starts_with('+');
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    if let Some(bad) = s
        .chars()
        .find(|c| !c.is_ascii_digit() && !" -().+".contains(*c))
    {
        return Err(Invalid(said!(Msg::PhoneInvalid, bad)));
    }
    let national = if let Some(rest) = digits.strip_prefix("62") {
        Some(rest.to_string())
    } else if plus {
        None
    } else {
        digits.strip_prefix('0').map(str::to_string)
    };
    match national {
        Some(n) => {
            let normalised = format!("+62{n}");
            let usual = n.starts_with('8') && (9..=12).contains(&n.len());
            let warning = (!usual).then(|| {
                Warning::new(
                    crate::domain::warning::WarningCode::PhoneUnusual,
                    said!(Msg::PhoneUnusual, normalised),
                )
            });
            Ok((normalised, warning))
        }
        None => {
            let kept = if plus { format!("+{digits}") } else { digits };
            Ok((
                kept.clone(),
                Some(Warning::new(
                    crate::domain::warning::WarningCode::PhoneUnusual,
                    said!(Msg::PhoneUnusual, kept),
                )),
            ))
        }
    }
}

/// A passport number: 1-2 letters then 6-8 digits; anything but one letter and 7 digits is a warning.
pub fn parse_passport(input: &str) -> Result<(String, Option<Warning>), Invalid> {
    let s: String = input
        .trim()
        .chars()
        .filter(|c| *c != ' ')
        .collect::<String>()
        .to_ascii_uppercase();
    let letters = s.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    let rest = &s[letters..];
    let digits = rest.chars().filter(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&letters) || digits != rest.len() || !(6..=8).contains(&digits) {
        return Err(Invalid(said!(Msg::PassportInvalid, input.trim())));
    }
    let warning = (letters != 1 || digits != 7).then(|| {
        Warning::new(
            crate::domain::warning::WarningCode::PassportUnusual,
            said!(Msg::PassportUnusual, s),
        )
    });
    Ok((s, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_normalised_to_plus_62() {
        assert_eq!(
            parse_phone("0812-3456-7890").unwrap(),
            ("+6281234567890".into(), None)
        );
        assert_eq!(
            parse_phone("+62 812 3456 7890").unwrap().0,
            "+6281234567890"
        );
        assert_eq!(parse_phone("6281234567890").unwrap().0, "+6281234567890");
        assert!(
            parse_phone("0751-123456").unwrap().1.is_some(),
            "landline is unusual"
        );
        assert!(
            parse_phone("+60 12 345 6789").unwrap().1.is_some(),
            "foreign is unusual"
        );
        assert!(parse_phone("call me").is_err());
    }

    #[test]
    fn passports_are_lenient_with_warnings() {
        assert_eq!(
            parse_passport("c1234567").unwrap(),
            ("C1234567".into(), None)
        );
        assert!(parse_passport("AB123456").unwrap().1.is_some());
        assert!(parse_passport("1234567").is_err());
        assert!(parse_passport("C12").is_err());
        assert!(parse_passport("ABC1234567").is_err());
    }
}
