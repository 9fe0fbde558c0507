//! The rules a stored record must satisfy, one function per record kind, used by the commands
//! before they save and by the importer for every incoming row: a record that arrives from another
//! office passes the same checks, with the same messages, as one a clerk typed. Each problem names
//! the exchange column it concerns, so an import can report file, line and column.

use chrono::NaiveDate;

use super::case::{Case, CaseEvent};
use super::document::Document;
use super::person::Person;
use super::placement::Placement;
use super::recommendation::Recommendation;
use super::record::FieldError;
use super::registration::age_problem;
use super::repatriation::Repatriation;
use super::{CaseEventKind, CaseStatus, RecommendationStatus, Scheme, Stage, Warning};
use crate::error::Invalid;
use crate::i18n::{Arg, Msg, Said};
use crate::said;

fn problem(column: &'static str, message: Said) -> FieldError {
    (column, Invalid(message))
}

fn not_after(
    column: &'static str,
    date: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<FieldError> {
    date.and_then(|d| super::date::not_after_today(d, today).err())
        .map(|e| problem(column, e.0))
}

/// A person: no birth date in the future. The NIK's agreement with sex, birth date and regency is
/// a warning (`person_warnings`), never a refusal: a NIK is not corrected when its date is wrong.
pub fn person(p: &Person, today: NaiveDate) -> Vec<FieldError> {
    not_after("birth_date", p.birth_date, today)
        .into_iter()
        .collect()
}

/// What a clerk must see and accept about a person: the NIK against sex, birth date and regency.
pub fn person_warnings(p: &Person) -> Vec<Warning> {
    match &p.nik {
        Some(nik) => nik.warnings(p.birth_date, p.sex, p.regency.as_ref().map(|r| r.as_str())),
        None => Vec::new(),
    }
}

/// A placement: its stage agrees with its dates, the dates are in order and not in the future, a
/// P3MI placement names its company, and the worker was 18 on the registration date.
/// `birth_date` is the worker's, when known.
pub fn placement(
    p: &Placement,
    birth_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<FieldError> {
    let mut out = Vec::new();
    let needs = |column: &'static str, present: bool, wanted: bool, out: &mut Vec<FieldError>| {
        if present != wanted {
            let message = match wanted {
                true => said!(Msg::StageNeedsValue, p.stage.code(), Arg::Field(column)),
                false => said!(Msg::StageForbidsValue, p.stage.code(), Arg::Field(column)),
            };
            out.push(problem(column, message));
        }
    };
    let (departed, returned, cancelled) = match p.stage {
        Stage::Registered | Stage::Recommended => (false, false, false),
        Stage::Departed => (true, false, false),
        Stage::Returned => (true, true, false),
        Stage::Cancelled => (false, false, true),
    };
    needs("departed_on", p.departed_on.is_some(), departed, &mut out);
    needs("returned_on", p.returned_on.is_some(), returned, &mut out);
    needs(
        "cancel_reason",
        p.cancel_reason.is_some(),
        cancelled,
        &mut out,
    );
    out.extend(not_after("registered_on", Some(p.registered_on), today));
    out.extend(not_after("departed_on", p.departed_on, today));
    out.extend(not_after("returned_on", p.returned_on, today));
    if let Some(d) = p.departed_on.filter(|d| *d < p.registered_on) {
        out.push(problem(
            "departed_on",
            said!(Msg::DateBeforeRegistration, d, p.registered_on),
        ));
    }
    if let (Some(r), Some(d)) = (p.returned_on, p.departed_on) {
        if r < d {
            out.push(problem(
                "returned_on",
                said!(Msg::ReturnBeforeDeparture, r, d),
            ));
        }
    }
    if let Some(r) = p.returned_on.filter(|r| *r < p.registered_on) {
        out.push(problem(
            "returned_on",
            said!(Msg::DateBeforeRegistration, r, p.registered_on),
        ));
    }
    if p.scheme == Scheme::P3mi && p.p3mi_name.is_none() {
        out.push(problem("p3mi_name", said!(Msg::P3miNameRequired)));
    }
    if let Some(birth) = birth_date {
        if let Some(reason) = age_problem(birth, p.registered_on) {
            out.push(problem("registered_on", reason));
        }
    }
    out
}

/// A document: not issued, verified or removed in the future, not expiring before it was issued,
/// a removal with its reason.
pub fn document(d: &Document, today: NaiveDate) -> Vec<FieldError> {
    let mut out: Vec<FieldError> = not_after("issued_on", d.issued_on, today)
        .into_iter()
        .chain(not_after("verified_on", d.verified_on, today))
        .chain(not_after("removed_on", d.removed_on, today))
        .collect();
    // A removal says when and why, both or neither.
    match (d.removed_on, &d.removed_reason) {
        (Some(_), None) => out.push(problem(
            "removed_reason",
            said!(Msg::DocumentRemovalNeedsReason),
        )),
        (None, Some(_)) => out.push(problem(
            "removed_on",
            said!(Msg::DocumentReasonNeedsRemoval),
        )),
        _ => {}
    }
    if let (Some(issued), Some(expires)) = (d.issued_on, d.expires_on) {
        if expires < issued {
            out.push(problem(
                "expires_on",
                said!(Msg::ExpiresBeforeIssued, expires, issued),
            ));
        }
    }
    out
}

/// A recommendation decision: an issued letter has a number and a validity, a refusal its
/// reasons, a voided letter the reason it was voided; decided on or after registration.
/// `registered_on` is the placement's, when known.
pub fn recommendation(
    r: &Recommendation,
    registered_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<FieldError> {
    let mut out: Vec<FieldError> = not_after("decided_on", Some(r.decided_on), today)
        .into_iter()
        .collect();
    let missing = |column: &'static str| {
        problem(
            column,
            said!(Msg::StatusNeedsValue, r.status.code(), Arg::Field(column)),
        )
    };
    match r.status {
        RecommendationStatus::Issued | RecommendationStatus::Used | RecommendationStatus::Void => {
            if r.letter_number.is_none() {
                out.push(missing("letter_number"));
            }
        }
        RecommendationStatus::Refused => {
            if r.refusal_reasons.is_empty() {
                out.push(missing("refusal_reasons"));
            }
        }
    }
    if r.status == RecommendationStatus::Void && r.void_reason.is_none() {
        out.push(missing("void_reason"));
    }
    if let Some(v) = r.valid_until.filter(|v| *v < r.decided_on) {
        out.push(problem(
            "valid_until",
            said!(Msg::ValidBeforeDecided, v, r.decided_on),
        ));
    }
    if let Some(registered) = registered_on.filter(|d| r.decided_on < *d) {
        out.push(problem(
            "decided_on",
            said!(Msg::DateBeforeRegistration, r.decided_on, registered),
        ));
    }
    out
}

/// A case: closed with a closure reason, resolved or closed with a closing date on or after the
/// report, an open case with neither.
pub fn case(c: &Case, today: NaiveDate) -> Vec<FieldError> {
    let mut out: Vec<FieldError> = not_after("reported_on", Some(c.reported_on), today)
        .into_iter()
        .chain(not_after("closed_on", c.closed_on, today))
        .collect();
    let closed = c.status == CaseStatus::Closed;
    let ended = matches!(c.status, CaseStatus::Closed | CaseStatus::Resolved);
    if c.closure_reason.is_some() != closed {
        out.push(problem(
            "closure_reason",
            match closed {
                true => said!(
                    Msg::StatusNeedsValue,
                    c.status.code(),
                    Arg::Field("closure_reason")
                ),
                false => said!(
                    Msg::StatusForbidsValue,
                    c.status.code(),
                    Arg::Field("closure_reason")
                ),
            },
        ));
    }
    if c.closed_on.is_some() != ended {
        out.push(problem(
            "closed_on",
            match ended {
                true => said!(
                    Msg::StatusNeedsValue,
                    c.status.code(),
                    Arg::Field("closed_on")
                ),
                false => said!(
                    Msg::StatusForbidsValue,
                    c.status.code(),
                    Arg::Field("closed_on")
                ),
            },
        ));
    }
    if let Some(d) = c.closed_on.filter(|d| *d < c.reported_on) {
        out.push(problem(
            "closed_on",
            said!(Msg::EventBeforeReport, d, c.reported_on),
        ));
    }
    out
}

/// An event: on or after its case was reported (`reported_on`, when known), not in the future.
pub fn case_event(
    e: &CaseEvent,
    reported_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<FieldError> {
    let mut out: Vec<FieldError> = not_after("occurred_on", Some(e.occurred_on), today)
        .into_iter()
        .collect();
    if let Some(reported) = reported_on.filter(|d| e.occurred_on < *d) {
        out.push(problem(
            "occurred_on",
            said!(Msg::EventBeforeReport, e.occurred_on, reported),
        ));
    }
    out
}

fn is_action(kind: CaseEventKind) -> bool {
    !matches!(kind, CaseEventKind::Note | CaseEventKind::StatusChange)
}

/// A case's status against its timeline: a new case has no actions yet, a referred case has a
/// referral, a resolved or closed case has no action after it ended.
pub fn case_with_events(c: &Case, events: &[CaseEvent]) -> Vec<FieldError> {
    let mut out = Vec::new();
    match c.status {
        CaseStatus::New => {
            if let Some(e) = events.iter().find(|e| is_action(e.kind)) {
                out.push(problem(
                    "status",
                    said!(Msg::CaseNewWithAction, e.kind.code(), e.occurred_on),
                ));
            }
        }
        CaseStatus::Referred => {
            if !events.iter().any(|e| e.kind == CaseEventKind::Referral) {
                out.push(problem("status", said!(Msg::CaseReferredWithoutReferral)));
            }
        }
        CaseStatus::Resolved | CaseStatus::Closed => {
            if let Some(end) = c.closed_on {
                if let Some(e) = events
                    .iter()
                    .find(|e| is_action(e.kind) && e.occurred_on > end)
                {
                    out.push(problem(
                        "status",
                        said!(
                            Msg::CaseActionAfterClosing,
                            e.kind.code(),
                            e.occurred_on,
                            end
                        ),
                    ));
                }
            }
        }
        CaseStatus::InProgress => {}
    }
    out
}

/// A repatriation: arrived not in the future; handed over with a date on or after arrival.
pub fn repatriation(r: &Repatriation, today: NaiveDate) -> Vec<FieldError> {
    let mut out: Vec<FieldError> = not_after("arrived_on", Some(r.arrived_on), today)
        .into_iter()
        .chain(not_after("handed_over_on", r.handed_over_on, today))
        .collect();
    if r.handed_over_to.is_some() != r.handed_over_on.is_some() {
        let column = match r.handed_over_to.is_some() {
            true => "handed_over_on",
            false => "handed_over_to",
        };
        out.push(problem(column, said!(Msg::HandoverIncomplete)));
    }
    if let Some(d) = r.handed_over_on.filter(|d| *d < r.arrived_on) {
        out.push(problem(
            "handed_over_on",
            said!(Msg::HandoverBeforeArrival, d, r.arrived_on),
        ));
    }
    out
}

/// A command's refusal when a record it is about to save breaks a rule.
pub fn refuse(problems: Vec<FieldError>) -> Result<(), Invalid> {
    match problems.is_empty() {
        true => Ok(()),
        false => Err(Invalid(messages(&problems))),
    }
}

/// The messages of `problems`, for a command's refusal.
pub fn messages(problems: &[FieldError]) -> Said {
    Said::joined(problems.iter().map(|(_, e)| e.0.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::fixtures::placement_in;

    fn columns(problems: Vec<FieldError>) -> Vec<&'static str> {
        problems.into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn stage_and_dates_agree() {
        let today = "2023-11-08".parse().unwrap();
        assert_eq!(
            columns(placement(&placement_in(Stage::Departed), None, today)),
            ["departed_on"],
            "departed without a departure date"
        );
        let mut returned = placement_in(Stage::Returned);
        returned.departed_on = Some("2023-04-01".parse().unwrap());
        returned.returned_on = Some("2023-02-01".parse().unwrap());
        assert_eq!(
            columns(placement(&returned, None, today)),
            ["returned_on", "returned_on"],
            "returned before departure and before registration"
        );
        let mut open = placement_in(Stage::Registered);
        open.departed_on = Some("2023-04-01".parse().unwrap());
        assert_eq!(columns(placement(&open, None, today)), ["departed_on"]);
        assert!(placement(&placement_in(Stage::Registered), None, today).is_empty());
    }
}
