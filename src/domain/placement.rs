//! A placement: one application of a person to work abroad, from registration to departure and
//! return, or cancellation. The stage machine lives here.

use chrono::NaiveDate;

use super::person::{date, opt};
use super::{CancelReason, CountryCode, Scheme, Sector, Stage};

#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub uid: String,
    pub registration_number: Option<String>,
    pub person_uid: String,
    pub scheme: Scheme,
    pub p3mi_name: Option<String>,
    pub employer_name: Option<String>,
    pub country: CountryCode,
    pub sector: Option<Sector>,
    pub occupation: Option<String>,
    pub stage: Stage,
    pub registered_on: NaiveDate,
    pub departed_on: Option<NaiveDate>,
    pub returned_on: Option<NaiveDate>,
    pub cancel_reason: Option<CancelReason>,
    pub cancel_note: Option<String>,
    pub passport_number: Option<String>,
    pub office_code: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Placement {
    /// The placement's columns in the exchange format's order (placements.csv).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("placement_uid", self.uid.clone()),
            ("person_uid", self.person_uid.clone()),
            ("scheme", self.scheme.to_string()),
            ("p3mi_name", opt(&self.p3mi_name)),
            ("employer_name", opt(&self.employer_name)),
            ("country", self.country.to_string()),
            ("sector", opt(&self.sector)),
            ("occupation", opt(&self.occupation)),
            ("stage", self.stage.to_string()),
            ("registered_on", self.registered_on.to_string()),
            ("departed_on", date(&self.departed_on)),
            ("returned_on", date(&self.returned_on)),
            ("cancel_reason", opt(&self.cancel_reason)),
            ("passport_number", opt(&self.passport_number)),
            ("office_code", self.office_code.clone()),
            ("created_at", self.created_at.clone()),
            ("updated_at", self.updated_at.clone()),
        ]
    }

    /// The number clerks use, or the uid for a placement imported without one.
    pub fn reference(&self) -> &str {
        self.registration_number.as_deref().unwrap_or(&self.uid)
    }
}

impl Stage {
    /// Open placements block a new registration for the same person.
    pub fn is_open(self) -> bool {
        matches!(self, Stage::Registered | Stage::Recommended)
    }
}

/// `REG-2023-00042`: the registration number for a year's sequence value.
pub fn registration_number(year: i32, seq: i64) -> String {
    format!("REG-{year}-{seq:05}")
}
