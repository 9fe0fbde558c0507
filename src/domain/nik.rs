//! The national ID number (NIK): 16 digits = region code (6), birth date DDMMYY with 40 added to the
//! day for women (6), serial (4). Hard errors refuse the value; mismatches with what the clerk entered
//! are warnings, because a NIK is never corrected when its embedded data is wrong.

use chrono::{Datelike, NaiveDate};

use super::warning::Warning;
use super::Sex;
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::reference::reference;
use crate::said;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nik(String);

impl Nik {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn province_code(&self) -> &str {
        &self.0[..2]
    }

    pub fn regency_code(&self) -> &str {
        &self.0[..4]
    }

    pub fn district_code(&self) -> &str {
        &self.0[..6]
    }

    /// The sex encoded by the day field (women have 40 added).
    pub fn embedded_sex(&self) -> Sex {
        if self.raw_day() > 40 {
            Sex::P
        } else {
            Sex::L
        }
    }

    fn raw_day(&self) -> u32 {
        self.0[6..8].parse().unwrap_or(0)
    }

    /// Day, month and two-digit year of birth as encoded.
    pub fn embedded_birth(&self) -> (u32, u32, u32) {
        let day = self.raw_day();
        let day = if day > 40 { day - 40 } else { day };
        let month = self.0[8..10].parse().unwrap_or(0);
        let yy = self.0[10..12].parse().unwrap_or(0);
        (day, month, yy)
    }

    /// The birth date the NIK carries, its century guessed: the latest one not after `on`.
    pub fn birth_date_by(&self, on: NaiveDate) -> Option<NaiveDate> {
        use chrono::Datelike;
        let (day, month, yy) = self.embedded_birth();
        let century = on.year() - on.year().rem_euclid(100);
        [century, century - 100]
            .into_iter()
            .filter_map(|c| NaiveDate::from_ymd_opt(c + yy as i32, month, day))
            .find(|d| *d <= on)
    }

    /// The first twelve digits (region and birth date), as masked exports show it.
    pub fn masked(&self) -> &str {
        &self.0[..12]
    }

    /// Warnings against what the clerk entered: birth date, sex, home regency; unknown district code.
    pub fn warnings(
        &self,
        birth_date: Option<NaiveDate>,
        sex: Option<Sex>,
        home_regency: Option<&str>,
    ) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let district = self.district_code();
        if reference().district(district).is_none() && !reference().is_legacy(district) {
            warnings.push(Warning::new(
                crate::domain::warning::WarningCode::NikDistrictUnknown,
                said!(Msg::NikDistrictUnknown, district),
            ));
        }
        if let Some(date) = birth_date {
            let (d, m, yy) = self.embedded_birth();
            if (date.day(), date.month(), date.year().rem_euclid(100) as u32) != (d, m, yy) {
                warnings.push(Warning::new(
                    crate::domain::warning::WarningCode::NikBirthDateMismatch,
                    said!(
                        Msg::NikBirthDateMismatch,
                        format!("{d:02}-{m:02}-{yy:02}"),
                        date.format("%d-%m-%Y").to_string()
                    ),
                ));
            }
        }
        if let Some(sex) = sex {
            if sex != self.embedded_sex() {
                warnings.push(Warning::new(
                    crate::domain::warning::WarningCode::NikSexMismatch,
                    said!(Msg::NikSexMismatch, self.embedded_sex(), sex),
                ));
            }
        }
        if let Some(home) = home_regency {
            if home != self.regency_code() {
                warnings.push(Warning::new(
                    crate::domain::warning::WarningCode::NikRegencyDiffers,
                    said!(Msg::NikRegencyDiffers, self.regency_code(), home),
                ));
            }
        }
        warnings
    }
}

impl std::fmt::Display for Nik {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A value such as `1.37102E+15`: what a spreadsheet makes of a 16-digit number.
fn looks_like_scientific_notation(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let Some((mantissa, exponent)) = lower.split_once('e') else {
        return false;
    };
    let exponent = exponent.trim_start_matches('+');
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

fn is_leap(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

impl std::str::FromStr for Nik {
    type Err = Invalid;

    fn from_str(input: &str) -> Result<Nik, Invalid> {
        let trimmed = input.trim();
        if looks_like_scientific_notation(trimmed) {
            return Err(Invalid(said!(Msg::NikSpreadsheet, trimmed)));
        }
        let digits: String = trimmed
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-'))
            .collect();
        if let Some(bad) = digits.chars().find(|c| !c.is_ascii_digit()) {
            return Err(Invalid(said!(Msg::NikNotDigits, trimmed, bad)));
        }
        if digits.len() != 16 {
            return Err(Invalid(said!(Msg::NikLength, trimmed, digits.len())));
        }
        let nik = Nik(digits);
        let r = reference();
        if r.province(nik.province_code()).is_none() {
            return Err(Invalid(said!(Msg::NikProvinceUnknown, nik.province_code())));
        }
        if r.regency(nik.regency_code()).is_none() && !r.is_legacy(nik.regency_code()) {
            return Err(Invalid(said!(Msg::NikRegencyUnknown, nik.regency_code())));
        }
        let raw_day = nik.raw_day();
        let (day, month, yy) = nik.embedded_birth();
        if !(1..=31).contains(&raw_day) && !(41..=71).contains(&raw_day) {
            return Err(Invalid(said!(Msg::NikDayImpossible, &nik.0[6..8])));
        }
        if !(1..=12).contains(&month) {
            return Err(Invalid(said!(Msg::NikMonthImpossible, &nik.0[8..10])));
        }
        // The century is not encoded: accept the date if it exists in either century (29 Feb 00).
        let exists = [1900 + yy as i32, 2000 + yy as i32]
            .into_iter()
            .any(|year| {
                NaiveDate::from_ymd_opt(year, month, day).is_some()
                    || (month == 2 && day == 29 && is_leap(year))
            });
        if !exists {
            return Err(Invalid(said!(
                Msg::NikDateImpossible,
                format!("{day:02}-{month:02}-{yy:02}")
            )));
        }
        if &nik.0[12..] == "0000" {
            return Err(Invalid(said!(Msg::NikSerialZero)));
        }
        Ok(nik)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Nik {
        s.parse().unwrap_or_else(|e: Invalid| panic!("{s}: {e}"))
    }

    fn err(s: &str) -> String {
        s.parse::<Nik>().expect_err(s).to_string()
    }

    #[test]
    fn valid_men_and_women() {
        let man = ok("1371021508900001");
        assert_eq!(man.embedded_sex(), Sex::L);
        assert_eq!(man.embedded_birth(), (15, 8, 90));
        let woman = ok("1371025508900002");
        assert_eq!(woman.embedded_sex(), Sex::P);
        assert_eq!(woman.embedded_birth(), (15, 8, 90));
        assert_eq!(ok("1371027112990003").embedded_birth(), (31, 12, 99));
    }

    #[test]
    fn separators_are_removed() {
        assert_eq!(ok("13.71.02 150890 0001").as_str(), "1371021508900001");
        assert_eq!(ok("137102-150890-0001").as_str(), "1371021508900001");
    }

    #[test]
    fn legacy_region_codes_are_accepted() {
        // 9101 (Merauke under the old Papua coding) is retired but NIKs issued then keep it.
        ok("9101011203850001");
    }

    #[test]
    fn hard_errors() {
        assert!(err("137102150890001").contains("15"), "length");
        assert!(err("13710215089000012").contains("17"), "length");
        assert!(err("13710215089O0001").contains('O'), "letter");
        assert!(err("9901021508900001").contains("99"), "province");
        assert!(err("1399021508900001").contains("1399"), "regency");
        assert!(err("1371023208900001").contains("32"), "day 32");
        assert!(err("1371027208900001").contains("72"), "day 72");
        assert!(err("1371020008900001").contains("00"), "day 0");
        assert!(err("1371021513900001").contains("13"), "month 13");
        assert!(err("1371023002900001").contains("30-02"), "30 February");
        assert!(!err("1371021508900000").is_empty(), "serial 0000");
    }

    #[test]
    fn leap_days_follow_the_two_digit_year() {
        ok("1371022902000001"); // 2000 was a leap year
        ok("1371026902960001"); // a woman born 29-02-96
        assert!(err("1371022902970001").contains("29-02-97"));
    }

    #[test]
    fn spreadsheet_numbers_are_explained() {
        for mangled in ["1.37102E+15", "1,37102E+15", "1.371021508900E15"] {
            let message = err(mangled);
            assert!(
                message.to_lowercase().contains("spreadsheet"),
                "{mangled}: {message}"
            );
        }
    }

    #[test]
    fn warnings_compare_with_what_was_entered() {
        let nik = ok("1371025508900002");
        let date = NaiveDate::from_ymd_opt(1990, 8, 15);
        assert!(nik.warnings(date, Some(Sex::P), Some("1371")).is_empty());
        let codes = |w: Vec<Warning>| w.into_iter().map(|w| w.code.as_str()).collect::<Vec<_>>();
        assert_eq!(
            codes(nik.warnings(
                NaiveDate::from_ymd_opt(1990, 8, 16),
                Some(Sex::L),
                Some("1306")
            )),
            [
                "NIK_BIRTH_DATE_MISMATCH",
                "NIK_SEX_MISMATCH",
                "NIK_REGENCY_DIFFERS"
            ]
        );
        // District 99 does not exist in Kota Padang.
        assert_eq!(
            codes(ok("1371991508900001").warnings(None, None, None)),
            ["NIK_DISTRICT_UNKNOWN"]
        );
    }
}
