//! The rules of registering a placement: who may not be registered, and what about a returning
//! person differs from what is stored.

use chrono::NaiveDate;

use super::date::age_on;
use super::person::Person;
use super::placement::Placement;
use super::{Scheme, Warning};
use crate::i18n::Msg;
use crate::i18n::Said;
use crate::said;

/// Minimum age on the registration date (UU 18/2017).
pub const MINIMUM_AGE: i32 = 18;

pub struct Facts<'a> {
    pub birth_date: NaiveDate,
    pub registered_on: NaiveDate,
    pub today: NaiveDate,
    pub scheme: Scheme,
    pub p3mi_name: Option<&'a str>,
    pub open_placement: Option<&'a Placement>,
}

/// Why someone born on `birth` cannot be placed on `on`: a birth date in the future (a typo, not an
/// age of minus five), or under 18.
pub fn age_problem(birth: NaiveDate, on: NaiveDate) -> Option<Said> {
    if birth > on {
        return Some(said!(Msg::BirthDateInFuture, birth));
    }
    let age = age_on(birth, on);
    (age < MINIMUM_AGE).then(|| said!(Msg::UnderAge, age, on, MINIMUM_AGE))
}

/// Every reason the registration is refused, all at once.
pub fn refusals(f: &Facts) -> Vec<Said> {
    let mut reasons = Vec::new();
    if f.registered_on > f.today {
        reasons.push(said!(Msg::RegisteredInFuture, f.registered_on));
    }
    reasons.extend(age_problem(f.birth_date, f.registered_on));
    if f.scheme == Scheme::P3mi && f.p3mi_name.is_none() {
        reasons.push(said!(Msg::P3miNameRequired));
    }
    if let Some(open) = f.open_placement {
        reasons.push(said!(
            Msg::OpenPlacementExists,
            open.reference(),
            open.stage
        ));
    }
    reasons
}

/// Identity fields of a stored person that differ from what the clerk entered (shown as warnings;
/// the stored identity is kept and can be corrected with `worker edit`).
pub fn identity_differences(stored: &Person, entered: &Person) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut compare = |field: &str, old: String, new: String| {
        if !new.is_empty() && old.to_lowercase() != new.to_lowercase() {
            out.push(Warning::new(
                crate::domain::warning::WarningCode::PersonDiffers,
                said!(Msg::PersonDiffers, field, old, new),
            ));
        }
    };
    compare(
        "full_name",
        stored.full_name.clone(),
        entered.full_name.clone(),
    );
    compare(
        "sex",
        super::person::opt(&stored.sex),
        super::person::opt(&entered.sex),
    );
    compare(
        "birth_place",
        super::person::opt(&stored.birth_place),
        super::person::opt(&entered.birth_place),
    );
    compare(
        "birth_date",
        super::person::date(&stored.birth_date),
        super::person::date(&entered.birth_date),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12: a birth date after the registration said "berumur -5 tahun".
    #[test]
    fn a_birth_date_in_the_future_is_called_so_not_a_negative_age() {
        let reasons = refusals(&facts("2028-01-01", "2023-11-08"));
        assert_eq!(reasons.len(), 1, "{reasons:?}");
        assert!(reasons[0].to_string().contains("2028-01-01"), "{reasons:?}");
        assert!(!reasons[0].to_string().contains("aged -"), "{reasons:?}");
        assert_eq!(
            age_problem("2028-01-01".parse().unwrap(), "2023-11-08".parse().unwrap())
                .map(|said| said.render(crate::i18n::Lang::Id)),
            Some("tanggal lahir 2028-01-01 belum terjadi".to_string())
        );
    }

    fn facts(birth: &str, on: &str) -> Facts<'static> {
        Facts {
            birth_date: birth.parse().unwrap(),
            registered_on: on.parse().unwrap(),
            today: "2023-12-31".parse().unwrap(),
            scheme: Scheme::Mandiri,
            p3mi_name: None,
            open_placement: None,
        }
    }

    #[test]
    fn eighteenth_birthday_is_old_enough() {
        assert!(refusals(&facts("2005-11-08", "2023-11-08")).is_empty());
        assert_eq!(refusals(&facts("2005-11-09", "2023-11-08")).len(), 1);
    }

    #[test]
    fn all_reasons_at_once() {
        let mut f = facts("2010-01-01", "2024-01-05");
        f.scheme = Scheme::P3mi;
        assert_eq!(
            refusals(&f).len(),
            3,
            "future date, under age, no P3MI name"
        );
    }
}
