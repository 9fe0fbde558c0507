//! Facilitated returns: who arrived, from where, in what condition, and to whom they were handed
//! over (with the numbered handover record witnessed by the local government).

use chrono::NaiveDate;

use super::record::{parse_uid, Timestamp};
use super::text::parse_note;
use super::version::Versions;
use super::{CountryCode, HandoverTo, RegencyCode, RepatriationCategory};
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::said;

crate::record! {
    /// A facilitated return (repatriations.csv).
    pub struct Repatriation in "repatriations" as "repatriation", version updated_at {
        uid: String => "uid" as "repatriation_uid" via parse_uid,
        person_uid: Option<String> => "person_uid" as "person_uid" via parse_uid,
        case_uid: Option<String> => "case_uid" as "case_uid" via parse_uid,
        category: RepatriationCategory => "category" as "category",
        from_country: Option<CountryCode> => "from_country" as "from_country",
        debarkation: Option<String> => "debarkation" as "debarkation",
        arrived_on: NaiveDate => "arrived_on" as "arrived_on",
        origin_regency: Option<RegencyCode> => "origin_regency_code" as "origin_regency_code",
        escort: Option<String> => "escort",
        fit_to_travel_letter: Option<String> => "fit_to_travel_letter",
        cause_of_death: Option<String> => "cause_of_death",
        airway_bill: Option<String> => "airway_bill",
        handed_over_to: Option<HandoverTo> => "handed_over_to" as "handed_over_to",
        handed_over_on: Option<NaiveDate> => "handed_over_on" as "handed_over_on",
        handover_record_number: Option<String> => "handover_record_number" as "handover_record_number",
        receiver_name: Option<String> => "receiver_name",
        receiver_relation: Option<String> => "receiver_relation",
        witness: Option<String> => "witness",
        notes: Option<String> => "notes" as "notes" via parse_note,
        office_code: String => "office_code" as "office_code",
        created_at: Timestamp => "created_at" as "created_at",
        updated_at: Timestamp => "updated_at" as "updated_at",
        /// Given by the office that records the return, with its code: `BP3MI-SB-R-2023-0006`.
        repatriation_number: Option<String> => "repatriation_number" as "repatriation_number",
        /// The number this office gave a return it received before numbers travelled.
        legacy_number: Option<String> => "legacy_number",
        versions: Versions => "versions" as "versions",
    }
}

impl Repatriation {
    /// The number clerks use: the office's number, this office's older one, else the uid.
    pub fn reference(&self) -> &str {
        self.repatriation_number
            .as_deref()
            .or(self.legacy_number.as_deref())
            .unwrap_or(&self.uid)
    }
}

/// `BP3MI-SB-R-2023-0006`.
pub fn repatriation_number(office: &str, year: i32, seq: i64) -> String {
    format!("{office}-R-{year}-{seq:04}")
}

/// `BP3MI-SB-BA-2023-0002`: the number of a handover record (berita acara serah terima).
pub fn handover_record_number(office: &str, year: i32, seq: i64) -> String {
    format!("{office}-BA-{year}-{seq:04}")
}

/// What each category needs recorded: a sick worker travels only with a fit-to-travel letter.
pub fn category_refusals(
    category: RepatriationCategory,
    fit_to_travel: Option<&str>,
) -> Vec<crate::i18n::Said> {
    let mut out = Vec::new();
    if category == RepatriationCategory::Sick && fit_to_travel.is_none() {
        out.push(said!(Msg::FitToTravelRequired));
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
        return Err(Invalid(said!(
            Msg::AlreadyHandedOver,
            r.reference(),
            crate::domain::person::date(&r.handed_over_on)
        )));
    }
    if on < r.arrived_on {
        return Err(Invalid(said!(Msg::HandoverBeforeArrival, on, r.arrived_on)));
    }
    super::date::not_after_today(on, today)?;
    if matches!(to, HandoverTo::Family | HandoverTo::FamilyProxy)
        && (receiver.is_none() || relation.is_none())
    {
        return Err(Invalid(said!(Msg::ReceiverRequired)));
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
