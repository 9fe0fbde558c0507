//! Protection cases: the status machine (new, in progress, referred, resolved, closed), the
//! append-only events that move it, and the closure deadlines of Perban 6/2024 Art. 30.

use chrono::{Months, NaiveDate};

use super::calendar::working_days_between;
use super::codes::CodeList;
use super::person::{date, opt};
use super::{
    CaseCategory, CaseEventKind, CaseStatus, Channel, ClosureReason, CountryCode, Partner,
    ProceduralStatus,
};
use crate::error::Invalid;
use crate::i18n::{Lang, Msg};
use crate::t;

#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub uid: String,
    pub case_number: String,
    pub person_uid: Option<String>,
    pub category: CaseCategory,
    pub channel: Option<Channel>,
    pub procedural_status: Option<ProceduralStatus>,
    pub country: Option<CountryCode>,
    pub reported_on: NaiveDate,
    pub complainant_name: Option<String>,
    pub complainant_relation: Option<String>,
    pub summary: Option<String>,
    pub status: CaseStatus,
    pub closure_reason: Option<ClosureReason>,
    pub closed_on: Option<NaiveDate>,
    pub outcome: Option<String>,
    pub clerk: Option<String>,
    pub office_code: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Case {
    /// The case's columns in the exchange format's order (cases.csv).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("case_uid", self.uid.clone()),
            ("case_number", self.case_number.clone()),
            ("person_uid", opt(&self.person_uid)),
            ("category", self.category.to_string()),
            ("channel", opt(&self.channel)),
            ("procedural_status", opt(&self.procedural_status)),
            ("country", opt(&self.country)),
            ("reported_on", self.reported_on.to_string()),
            ("complainant_name", opt(&self.complainant_name)),
            ("complainant_relation", opt(&self.complainant_relation)),
            ("summary", opt(&self.summary)),
            ("status", self.status.to_string()),
            ("closure_reason", opt(&self.closure_reason)),
            ("closed_on", date(&self.closed_on)),
            ("office_code", self.office_code.clone()),
            ("created_at", self.created_at.clone()),
            ("updated_at", self.updated_at.clone()),
        ]
    }

    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            CaseStatus::New | CaseStatus::InProgress | CaseStatus::Referred
        )
    }
}

/// `BP3MI-SB-K-2023-0005`.
pub fn case_number(office: &str, year: i32, seq: i64) -> String {
    format!("{office}-K-{year}-{seq:04}")
}

code_list!(
    /// What the office waits for from the complainant after an event.
    Awaiting, "awaiting" {
    Documents = "DOCUMENTS", "Kelengkapan dokumen", "Documents";
    Clarification = "CLARIFICATION", "Klarifikasi", "Clarification";
    Response = "RESPONSE", "Tanggapan atas pemberitahuan tidak dapat diselesaikan", "Response after being told the case cannot be resolved";
    Nothing = "NOTHING", "Tidak menunggu", "Nothing";
});

#[derive(Clone, Debug, PartialEq)]
pub struct CaseEvent {
    pub uid: String,
    pub case_uid: String,
    pub occurred_on: NaiveDate,
    pub kind: CaseEventKind,
    pub partner: Option<Partner>,
    pub letter_number: Option<String>,
    pub note: Option<String>,
    pub status_from: Option<CaseStatus>,
    pub status_to: Option<CaseStatus>,
    pub awaiting: Option<Awaiting>,
    pub contacted: bool,
    pub clerk: Option<String>,
    pub created_at: String,
}

impl CaseEvent {
    /// The event's columns in the exchange format's order (case_events.csv).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("event_uid", self.uid.clone()),
            ("case_uid", self.case_uid.clone()),
            ("occurred_on", self.occurred_on.to_string()),
            ("kind", self.kind.to_string()),
            ("partner", opt(&self.partner)),
            ("letter_number", opt(&self.letter_number)),
            ("note", opt(&self.note)),
            ("clerk", opt(&self.clerk)),
            ("created_at", self.created_at.clone()),
        ]
    }

    /// Consultations, clarifications and mediations are held with the complainant.
    pub fn reached_complainant(&self) -> bool {
        self.contacted
            || matches!(
                self.kind,
                CaseEventKind::Consultation
                    | CaseEventKind::Clarification
                    | CaseEventKind::Mediation
            )
    }
}

/// What a clerk does to a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseAction {
    Note,
    Act,
    Refer,
    Resolve,
    Close,
    Reopen,
}

impl CaseStatus {
    /// The status after `action`, or `None` where the status machine forbids it.
    pub fn after(self, action: CaseAction) -> Option<CaseStatus> {
        use CaseAction::*;
        use CaseStatus::*;
        match (self, action) {
            (status, Note) => Some(status),
            (New | InProgress, Act) => Some(InProgress),
            (Referred, Act) => Some(Referred),
            (New | InProgress | Referred, Refer) => Some(Referred),
            (New | InProgress | Referred, Resolve) => Some(Resolved),
            (New | InProgress | Referred, Close) => Some(Closed),
            (Resolved | Closed, Reopen) => Some(InProgress),
            _ => None,
        }
    }
}

pub fn forbidden(case: &Case, action: CaseAction) -> Invalid {
    let verb = match action {
        CaseAction::Note => Msg::CaseVerbNote,
        CaseAction::Act => Msg::CaseVerbAct,
        CaseAction::Refer => Msg::CaseVerbRefer,
        CaseAction::Resolve => Msg::CaseVerbResolve,
        CaseAction::Close => Msg::CaseVerbClose,
        CaseAction::Reopen => Msg::CaseVerbReopen,
    };
    Invalid(t!(
        Msg::CaseForbidden,
        case.case_number,
        case.status.label(),
        t!(verb)
    ))
}

/// An open case past one of the regulation's deadlines, with the closure reason it would take.
#[derive(Clone, Debug, PartialEq)]
pub struct Overdue {
    pub reason: ClosureReason,
    pub since: NaiveDate,
    /// Days (or working days for clarification) waited so far.
    pub waited: i64,
}

/// The deadlines a case has passed on `today`, from its events (oldest first).
pub fn overdue(
    case: &Case,
    events: &[CaseEvent],
    today: NaiveDate,
    holidays: &[NaiveDate],
) -> Vec<Overdue> {
    if !case.is_open() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let waiting = events
        .iter()
        .rev()
        .find_map(|e| e.awaiting.map(|a| (a, e.occurred_on)));
    match waiting {
        Some((Awaiting::Documents, since)) if (today - since).num_days() > 30 => {
            found.push(Overdue {
                reason: ClosureReason::DocsNotCompleted30d,
                since,
                waited: (today - since).num_days(),
            })
        }
        Some((Awaiting::Clarification, since)) => {
            let waited = working_days_between(since, today, holidays);
            if waited > 15 {
                found.push(Overdue {
                    reason: ClosureReason::NoClarification15wd,
                    since,
                    waited,
                });
            }
        }
        Some((Awaiting::Response, since))
            if since
                .checked_add_months(Months::new(6))
                .is_some_and(|d| today > d) =>
        {
            found.push(Overdue {
                reason: ClosureReason::NoResponse6m,
                since,
                waited: (today - since).num_days(),
            })
        }
        _ => {}
    }
    let last_contact = events
        .iter()
        .filter(|e| e.reached_complainant())
        .map(|e| e.occurred_on)
        .max()
        .unwrap_or(case.reported_on)
        .max(case.reported_on);
    if (today - last_contact).num_days() > 60 {
        found.push(Overdue {
            reason: ClosureReason::Unreachable60d,
            since: last_contact,
            waited: (today - last_contact).num_days(),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(reported: &str) -> Case {
        Case {
            uid: "c".into(),
            case_number: "K-1".into(),
            person_uid: None,
            category: CaseCategory::UnpaidWages,
            channel: None,
            procedural_status: None,
            country: None,
            reported_on: reported.parse().unwrap(),
            complainant_name: None,
            complainant_relation: None,
            summary: None,
            status: CaseStatus::InProgress,
            closure_reason: None,
            closed_on: None,
            outcome: None,
            clerk: None,
            office_code: "X".into(),
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn event(on: &str, kind: CaseEventKind, awaiting: Option<Awaiting>) -> CaseEvent {
        CaseEvent {
            uid: "e".into(),
            case_uid: "c".into(),
            occurred_on: on.parse().unwrap(),
            kind,
            partner: None,
            letter_number: None,
            note: None,
            status_from: None,
            status_to: None,
            awaiting,
            contacted: false,
            clerk: None,
            created_at: String::new(),
        }
    }

    fn reasons(
        c: &Case,
        events: &[CaseEvent],
        today: &str,
        holidays: &[&str],
    ) -> Vec<ClosureReason> {
        let holidays: Vec<NaiveDate> = holidays.iter().map(|h| h.parse().unwrap()).collect();
        overdue(c, events, today.parse().unwrap(), &holidays)
            .into_iter()
            .map(|o| o.reason)
            .collect()
    }

    #[test]
    fn status_machine_table() {
        use CaseAction::*;
        use CaseStatus::*;
        let actions = [Note, Act, Refer, Resolve, Close, Reopen];
        let table: [(CaseStatus, [Option<CaseStatus>; 6]); 5] = [
            (
                New,
                [
                    Some(New),
                    Some(InProgress),
                    Some(Referred),
                    Some(Resolved),
                    Some(Closed),
                    None,
                ],
            ),
            (
                InProgress,
                [
                    Some(InProgress),
                    Some(InProgress),
                    Some(Referred),
                    Some(Resolved),
                    Some(Closed),
                    None,
                ],
            ),
            (
                Referred,
                [
                    Some(Referred),
                    Some(Referred),
                    Some(Referred),
                    Some(Resolved),
                    Some(Closed),
                    None,
                ],
            ),
            (
                Resolved,
                [Some(Resolved), None, None, None, None, Some(InProgress)],
            ),
            (
                Closed,
                [Some(Closed), None, None, None, None, Some(InProgress)],
            ),
        ];
        assert_eq!(table.len(), CaseStatus::all().len());
        for (status, outcomes) in table {
            for (action, outcome) in actions.iter().zip(outcomes) {
                assert_eq!(status.after(*action), outcome, "{status:?} + {action:?}");
            }
        }
    }

    #[test]
    fn documents_overdue_after_30_days() {
        let c = case("2023-09-01");
        let asked = [event(
            "2023-09-01",
            CaseEventKind::Consultation,
            Some(Awaiting::Documents),
        )];
        assert_eq!(reasons(&c, &asked, "2023-10-01", &[]), []);
        assert_eq!(
            reasons(&c, &asked, "2023-10-02", &[]),
            [ClosureReason::DocsNotCompleted30d]
        );
        let received = [
            asked[0].clone(),
            event("2023-09-20", CaseEventKind::Note, Some(Awaiting::Nothing)),
        ];
        assert_eq!(reasons(&c, &received, "2023-10-02", &[]), []);
    }

    #[test]
    fn clarification_counts_working_days_across_weekends_and_holidays() {
        let c = case("2023-11-01");
        // Asked on Wednesday 1 Nov; 15 working days end on Wednesday 22 Nov.
        let asked = [event(
            "2023-11-01",
            CaseEventKind::Clarification,
            Some(Awaiting::Clarification),
        )];
        assert_eq!(reasons(&c, &asked, "2023-11-22", &[]), []);
        assert_eq!(
            reasons(&c, &asked, "2023-11-23", &[]),
            [ClosureReason::NoClarification15wd]
        );
        // Saturday 25 Nov is still the 16th working day: not yet 17.
        assert_eq!(
            reasons(&c, &asked, "2023-11-25", &[]),
            [ClosureReason::NoClarification15wd]
        );
        // A holiday on Friday 10 Nov pushes the deadline to Thursday 23 Nov.
        assert_eq!(reasons(&c, &asked, "2023-11-23", &["2023-11-10"]), []);
        assert_eq!(
            reasons(&c, &asked, "2023-11-24", &["2023-11-10"]),
            [ClosureReason::NoClarification15wd]
        );
    }

    #[test]
    fn unreachable_after_60_days_without_contact() {
        let c = case("2023-01-01");
        assert_eq!(reasons(&c, &[], "2023-03-02", &[]), []);
        assert_eq!(
            reasons(&c, &[], "2023-03-03", &[]),
            [ClosureReason::Unreachable60d]
        );
        let met = [event("2023-02-01", CaseEventKind::Mediation, None)];
        assert_eq!(reasons(&c, &met, "2023-03-03", &[]), []);
        let referral_only = [event("2023-02-01", CaseEventKind::Referral, None)];
        assert_eq!(
            reasons(&c, &referral_only, "2023-03-03", &[]),
            [ClosureReason::Unreachable60d]
        );
    }

    #[test]
    fn no_response_six_months_after_being_told() {
        let c = case("2023-01-02");
        let mut told = event("2023-01-10", CaseEventKind::Note, Some(Awaiting::Response));
        told.contacted = true;
        let later = [told, event("2023-07-01", CaseEventKind::Consultation, None)];
        assert_eq!(reasons(&c, &later, "2023-07-10", &[]), []);
        assert_eq!(
            reasons(&c, &later, "2023-07-11", &[]),
            [ClosureReason::NoResponse6m]
        );
        let mut closed = case("2023-01-02");
        closed.status = CaseStatus::Closed;
        assert_eq!(reasons(&closed, &later, "2024-07-11", &[]), []);
    }

    #[test]
    fn language_of_labels() {
        assert_eq!(Awaiting::Documents.label_id(), "Kelengkapan dokumen");
        assert_eq!(CodeList::label(Awaiting::Nothing, Lang::En), "Nothing");
    }
}
