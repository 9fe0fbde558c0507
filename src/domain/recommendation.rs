//! A passport recommendation decision: issued (with a numbered letter), refused (with reason codes),
//! later voided or used. Letter numbers come from a template and a per-year counter.

use chrono::{Datelike, NaiveDate};

use super::person::{date, opt};
use super::{RecommendationStatus, RefusalReason};
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::t;

#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub uid: String,
    pub placement_uid: String,
    pub letter_number: Option<String>,
    pub status: RecommendationStatus,
    pub decided_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub immigration_office: Option<String>,
    pub refusal_reasons: Vec<RefusalReason>,
    pub refusal_details: Option<String>,
    pub void_reason: Option<String>,
    pub passport_number: Option<String>,
    pub passport_issued_on: Option<NaiveDate>,
    pub reprints: i64,
    pub clerk: Option<String>,
    pub office_code: String,
    pub created_at: String,
    pub updated_at: String,
}

/// `DOCS_INCOMPLETE|UNDER_AGE`, as the exchange format writes a list of reasons.
pub fn join_reasons(reasons: &[RefusalReason]) -> String {
    reasons
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join("|")
}

pub fn parse_reasons(text: &str) -> Result<Vec<RefusalReason>, Invalid> {
    text.split(['|', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect()
}

impl Recommendation {
    /// The recommendation's columns in the exchange format's order (recommendations.csv).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("recommendation_uid", self.uid.clone()),
            ("placement_uid", self.placement_uid.clone()),
            ("letter_number", opt(&self.letter_number)),
            ("status", self.status.to_string()),
            ("decided_on", self.decided_on.to_string()),
            ("valid_until", date(&self.valid_until)),
            ("immigration_office", opt(&self.immigration_office)),
            ("refusal_reasons", join_reasons(&self.refusal_reasons)),
            ("void_reason", opt(&self.void_reason)),
            ("clerk", opt(&self.clerk)),
            ("office_code", self.office_code.clone()),
            ("created_at", self.created_at.clone()),
            ("updated_at", self.updated_at.clone()),
        ]
    }

    /// Issued and still within its validity on `today`.
    pub fn is_active(&self, today: NaiveDate) -> bool {
        self.status == RecommendationStatus::Issued && self.valid_until.is_none_or(|v| v >= today)
    }

    /// Issued but past its validity: shown as expired.
    pub fn is_expired(&self, today: NaiveDate) -> bool {
        self.status == RecommendationStatus::Issued && self.valid_until.is_some_and(|v| v < today)
    }
}

const ROMAN_MONTHS: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

/// Checks a letter-number template: it must contain `{seq}` (so numbers differ) and `{year}` (since
/// the sequence restarts each year).
pub fn check_template(template: &str) -> Result<String, Invalid> {
    let t = template.trim();
    if !t.contains("{seq}") || !t.contains("{year}") {
        return Err(Invalid(t!(Msg::TemplateInvalid, t)));
    }
    Ok(t.to_string())
}

/// Fills a letter-number template: `{seq}` (4 digits), `{office}`, `{roman_month}`, `{month}`, `{year}`.
pub fn letter_number(template: &str, seq: i64, office: &str, on: NaiveDate) -> String {
    template
        .replace("{seq}", &format!("{seq:04}"))
        .replace("{office}", office)
        .replace("{roman_month}", ROMAN_MONTHS[on.month0() as usize])
        .replace("{month}", &format!("{:02}", on.month()))
        .replace("{year}", &on.year().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_numbers_follow_the_template() {
        let on = NaiveDate::from_ymd_opt(2023, 11, 8).unwrap();
        assert_eq!(
            letter_number("B.{seq}/{office}/{roman_month}/{year}", 42, "BP3MI-SB", on),
            "B.0042/BP3MI-SB/XI/2023"
        );
        assert_eq!(
            letter_number("{seq}/REK/{month}/{year}", 7, "X", on),
            "0007/REK/11/2023"
        );
        assert!(check_template("B.{seq}/{office}").is_err());
        assert!(check_template("B/{office}/{year}").is_err());
    }

    #[test]
    fn reasons_round_trip() {
        let reasons = parse_reasons("docs_incomplete|UNDER_AGE").unwrap();
        assert_eq!(join_reasons(&reasons), "DOCS_INCOMPLETE|UNDER_AGE");
        assert!(parse_reasons("NOPE").is_err());
    }
}

/// Which immigration office serves which regencies: `1306,1308=Kantor Imigrasi ...;...`.
pub fn parse_routes(text: &str) -> Result<Vec<(Vec<super::RegencyCode>, String)>, Invalid> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|route| {
            let (codes, office) = route
                .split_once('=')
                .ok_or_else(|| Invalid(t!(Msg::RouteInvalid, route)))?;
            let codes = codes
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::parse)
                .collect::<Result<Vec<_>, _>>()?;
            let office = office.trim();
            if office.is_empty() || codes.is_empty() {
                return Err(Invalid(t!(Msg::RouteInvalid, route)));
            }
            Ok((codes, office.to_string()))
        })
        .collect()
}

/// The immigration office for a home regency: its route, else the default.
pub fn office_for(
    routes: &[(Vec<super::RegencyCode>, String)],
    default: &str,
    regency: Option<&super::RegencyCode>,
) -> String {
    regency
        .and_then(|r| routes.iter().find(|(codes, _)| codes.contains(r)))
        .map(|(_, office)| office.clone())
        .unwrap_or_else(|| default.to_string())
}

#[cfg(test)]
mod route_tests {
    use super::*;

    #[test]
    fn agam_serves_its_regencies_and_padang_the_rest() {
        let routes = parse_routes("1306,1375=Kanim Agam").unwrap();
        let agam: super::super::RegencyCode = "1375".parse().unwrap();
        let padang: super::super::RegencyCode = "1371".parse().unwrap();
        assert_eq!(
            office_for(&routes, "Kanim Padang", Some(&agam)),
            "Kanim Agam"
        );
        assert_eq!(
            office_for(&routes, "Kanim Padang", Some(&padang)),
            "Kanim Padang"
        );
        assert!(parse_routes("1306 Kanim").is_err());
        assert!(parse_routes("9999=Kanim").is_err());
    }
}
