//! Facilitated returns: who arrived, from where, in what condition, and to whom they were handed
//! over (with the numbered handover record witnessed by the local government).

use chrono::NaiveDate;

use super::person::{date, opt};
use super::{CountryCode, HandoverTo, RegencyCode, RepatriationCategory};
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::t;

#[derive(Clone, Debug, PartialEq)]
pub struct Repatriation {
    pub uid: String,
    pub repatriation_number: String,
    pub person_uid: Option<String>,
    pub case_uid: Option<String>,
    pub category: RepatriationCategory,
    pub from_country: Option<CountryCode>,
    pub debarkation: Option<String>,
    pub arrived_on: NaiveDate,
    pub origin_regency: Option<RegencyCode>,
    pub escort: Option<String>,
    pub fit_to_travel_letter: Option<String>,
    pub cause_of_death: Option<String>,
    pub airway_bill: Option<String>,
    pub handed_over_to: Option<HandoverTo>,
    pub handed_over_on: Option<NaiveDate>,
    pub handover_record_number: Option<String>,
    pub receiver_name: Option<String>,
    pub receiver_relation: Option<String>,
    pub witness: Option<String>,
    pub notes: Option<String>,
    pub office_code: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Repatriation {
    /// The repatriation's columns in the exchange format's order (repatriations.csv).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("repatriation_uid", self.uid.clone()),
            ("person_uid", opt(&self.person_uid)),
            ("case_uid", opt(&self.case_uid)),
            ("category", self.category.to_string()),
            ("from_country", opt(&self.from_country)),
            ("debarkation", opt(&self.debarkation)),
            ("arrived_on", self.arrived_on.to_string()),
            ("origin_regency_code", opt(&self.origin_regency)),
            ("handed_over_to", opt(&self.handed_over_to)),
            ("handed_over_on", date(&self.handed_over_on)),
            ("handover_record_number", opt(&self.handover_record_number)),
            ("notes", opt(&self.notes)),
            ("office_code", self.office_code.clone()),
            ("created_at", self.created_at.clone()),
            ("updated_at", self.updated_at.clone()),
        ]
    }
}

/// `BP3MI-SB-R-2023-0006`.
pub fn repatriation_number(office: &str, year: i32, seq: i64) -> String {
    format!("{office}-R-{year}-{seq:04}")
}

/// What each category needs recorded: a sick worker travels only with a fit-to-travel letter.
pub fn category_refusals(
    category: RepatriationCategory,
    fit_to_travel: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    if category == RepatriationCategory::Sick && fit_to_travel.is_none() {
        out.push(t!(Msg::FitToTravelRequired));
    }
    out
}

/// Checks a handover: not twice, not before arrival, not in the future; a family handover names
/// the receiver and their relation.
pub fn check_handover(
    r: &Repatriation,
    to: HandoverTo,
    on: NaiveDate,
    today: NaiveDate,
    receiver: Option<&str>,
    relation: Option<&str>,
) -> Result<(), Invalid> {
    if r.handed_over_to.is_some() {
        return Err(Invalid(t!(
            Msg::AlreadyHandedOver,
            r.repatriation_number,
            date(&r.handed_over_on)
        )));
    }
    if on < r.arrived_on {
        return Err(Invalid(t!(Msg::HandoverBeforeArrival, on, r.arrived_on)));
    }
    if on > today {
        return Err(Invalid(t!(Msg::DateInFuture, on)));
    }
    if matches!(to, HandoverTo::Family | HandoverTo::FamilyProxy)
        && (receiver.is_none() || relation.is_none())
    {
        return Err(Invalid(t!(Msg::ReceiverRequired)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sick_workers_need_a_fit_to_travel_letter() {
        assert_eq!(category_refusals(RepatriationCategory::Sick, None).len(), 1);
        assert!(category_refusals(RepatriationCategory::Sick, Some("RS/123")).is_empty());
        assert!(category_refusals(RepatriationCategory::Deceased, None).is_empty());
    }

    #[test]
    fn numbers() {
        assert_eq!(
            repatriation_number("BP3MI-SB", 2023, 6),
            "BP3MI-SB-R-2023-0006"
        );
    }
}
