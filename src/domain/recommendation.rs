//! A passport recommendation decision: issued (with a numbered letter), refused (with reason codes),
//! later voided or used. Letter numbers come from a template and a per-year counter.

use chrono::{Datelike, NaiveDate};

use super::record::{parse_uid, FieldValue, Scalar, Timestamp};
use super::version::Versions;
use super::{RecommendationStatus, RefusalReason};
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::said;

crate::record! {
    /// A passport recommendation decision (recommendations.csv).
    pub struct Recommendation in "recommendations" as "recommendation", version updated_at {
        uid: String => "uid" as "recommendation_uid" via parse_uid,
        placement_uid: String => "placement_uid" as "placement_uid" via parse_uid,
        letter_number: Option<String> => "letter_number" as "letter_number",
        /// From the decision, its void and its use (`derived_status`).
        status: RecommendationStatus => "status" as "status" [derived],
        decided_on: NaiveDate => "decided_on" as "decided_on",
        valid_until: Option<NaiveDate> => "valid_until" as "valid_until",
        immigration_office: Option<String> => "immigration_office" as "immigration_office",
        refusal_reasons: Reasons => "refusal_reasons" as "refusal_reasons",
        refusal_details: Option<String> => "refusal_details",
        void_reason: Option<String> => "void_reason" as "void_reason",
        reprints: i64 => "reprints",
        clerk: Option<String> => "clerk" as "clerk",
        office_code: String => "office_code" as "office_code",
        created_at: Timestamp => "created_at" as "created_at",
        updated_at: Timestamp => "updated_at" as "updated_at",
        /// The passport issued on this letter (`recommendation used`): the letter is then USED.
        passport_number: Option<String> => "passport_number" as "passport_number",
        passport_issued_on: Option<NaiveDate> => "passport_issued_on" as "passport_issued_on",
        versions: Versions => "versions" as "versions",
    }
}

impl Recommendation {
    /// The status the decision and its facts give: a refusal stays a refusal, a void is final
    /// (a passport recorded on a voided letter does not revive it), a passport issued uses it.
    pub fn derived_status(&self) -> RecommendationStatus {
        if !self.refusal_reasons.is_empty() {
            RecommendationStatus::Refused
        } else if self.void_reason.is_some() {
            RecommendationStatus::Void
        } else if self.passport_issued_on.is_some() || self.passport_number.is_some() {
            RecommendationStatus::Used
        } else {
            RecommendationStatus::Issued
        }
    }
}

/// Refusal reasons, written `DOCS_INCOMPLETE|UNDER_AGE`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reasons(pub Vec<RefusalReason>);

impl std::ops::Deref for Reasons {
    type Target = Vec<RefusalReason>;
    fn deref(&self) -> &Vec<RefusalReason> {
        &self.0
    }
}

impl FieldValue for Reasons {
    type Inner = Reasons;
    const REQUIRED: bool = false;
    fn store(&self) -> Scalar<'_> {
        match self.0.is_empty() {
            true => Scalar::Null,
            false => Scalar::Text(join_reasons(&self.0).into()),
        }
    }
    fn load(value: Scalar<'_>) -> Result<Self, Invalid> {
        Self::parse(&value.text())
    }
    fn parse_with(
        text: &str,
        parse: impl Fn(&str) -> Result<Reasons, Invalid>,
    ) -> Result<Self, Invalid> {
        parse(text)
    }
    fn parse(text: &str) -> Result<Self, Invalid> {
        parse_reasons(text).map(Reasons)
    }
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
        return Err(Invalid(said!(Msg::TemplateInvalid, t)));
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
                .ok_or_else(|| Invalid(said!(Msg::RouteInvalid, route)))?;
            let codes = codes
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::parse)
                .collect::<Result<Vec<_>, _>>()?;
            let office = office.trim();
            if office.is_empty() || codes.is_empty() {
                return Err(Invalid(said!(Msg::RouteInvalid, route)));
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
