//! Protection cases: the status machine (new, in progress, referred, resolved, closed), the
//! append-only events that move it, and the closure deadlines of Perban 6/2024 Art. 30.

use chrono::{Months, NaiveDate};

use super::calendar::working_days_between;
use super::codes::CodeList;
use super::record::{parse_uid, Timestamp};
use super::text::parse_note;
use super::version::{Context, Versions};
use super::{
    CaseCategory, CaseEventKind, CaseStatus, Channel, ClosureReason, CountryCode, Partner,
    ProceduralStatus,
};
use crate::error::Invalid;
use crate::i18n::{Lang, Msg};
use crate::said;

crate::record! {
    /// A protection case (cases.csv).
    pub struct Case in "cases" as "case", version updated_at {
        uid: String => "uid" as "case_uid" via parse_uid,
        case_number: String => "case_number" as "case_number",
        person_uid: Option<String> => "person_uid" as "person_uid" via parse_uid,
        category: CaseCategory => "category" as "category",
        channel: Option<Channel> => "channel" as "channel",
        procedural_status: Option<ProceduralStatus> => "procedural_status" as "procedural_status",
        country: Option<CountryCode> => "country" as "country",
        reported_on: NaiveDate => "reported_on" as "reported_on",
        complainant_name: Option<String> => "complainant_name" as "complainant_name",
        complainant_relation: Option<String> => "complainant_relation" as "complainant_relation",
        summary: Option<String> => "summary" as "summary" via parse_note,
        /// The status, closure reason and closing date follow from the case's status events
        /// (`case_state`), whichever office recorded them.
        status: CaseStatus => "status" as "status" [derived],
        closure_reason: Option<ClosureReason> => "closure_reason" as "closure_reason" [derived],
        closed_on: Option<NaiveDate> => "closed_on" as "closed_on" [derived],
        outcome: Option<String> => "outcome",
        clerk: Option<String> => "clerk",
        office_code: String => "office_code" as "office_code",
        created_at: Timestamp => "created_at" as "created_at",
        updated_at: Timestamp => "updated_at" as "updated_at",
        versions: Versions => "versions" as "versions",
    }
}

impl Case {
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
    Contact = "CONTACT", "Kabar dari pengadu yang tidak dapat dihubungi", "Word from a complainant who could not be reached";
    Nothing = "NOTHING", "Tidak menunggu", "Nothing";
});

crate::record! {
    /// An action, referral, note or status change on a case (case_events.csv); never changed.
    pub struct CaseEvent in "case_events" as "case_event", version created_at {
        uid: String => "uid" as "event_uid" via parse_uid,
        case_uid: String => "case_uid" as "case_uid" via parse_uid,
        occurred_on: NaiveDate => "occurred_on" as "occurred_on",
        kind: CaseEventKind => "kind" as "kind",
        partner: Option<Partner> => "partner" as "partner",
        letter_number: Option<String> => "letter_number" as "letter_number",
        note: Option<String> => "note" as "note" via parse_note,
        status_from: Option<CaseStatus> => "status_from",
        awaiting: Option<Awaiting> => "awaiting",
        contacted: bool => "contacted",
        clerk: Option<String> => "clerk" as "clerk",
        created_at: Timestamp => "created_at" as "created_at",
        /// The status the event moved the case to, and the closure reason of a closing.
        status_to: Option<CaseStatus> => "status_to" as "status_to",
        closure_reason: Option<ClosureReason> => "closure_reason" as "closure_reason",
        /// What the office that recorded it had seen of the case (its events' versions).
        seen: Context => "seen" as "seen" [union],
        versions: Versions => "versions" as "versions",
    }
}

impl CaseEvent {
    /// Consultations, clarifications and mediations are held with the complainant.
    pub fn reached_complainant(&self) -> bool {
        reached_complainant(self.kind, self.contacted)
    }
}

/// Whether an event of this kind (or one marked as a contact) reached the complainant.
pub fn reached_complainant(kind: CaseEventKind, contacted: bool) -> bool {
    contacted
        || matches!(
            kind,
            CaseEventKind::Consultation | CaseEventKind::Clarification | CaseEventKind::Mediation
        )
}

/// What a case's status events make of it, whichever offices recorded them (docs/exchange-format.md,
/// version 2): the latest status change wins, "latest" by what each event had seen (`seen`), so an
/// office that reopened a case it knew closed wins over the closing; two changes that had not seen
/// each other are ordered by their versions, the same at every office, and flagged for review.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseState {
    pub status: CaseStatus,
    pub closure_reason: Option<ClosureReason>,
    pub closed_on: Option<NaiveDate>,
    /// What a clerk must look at.
    pub review: Vec<CaseReview>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseReview {
    /// Two offices changed the status without knowing of each other's change.
    StatusClash,
    /// An office acted on the case while another, not knowing of it, closed or resolved it.
    ActedWhileClosed,
}

impl CaseReview {
    pub fn code(self) -> &'static str {
        match self {
            CaseReview::StatusClash => "STATUS_CLASH",
            CaseReview::ActedWhileClosed => "ACTED_WHILE_CLOSED",
        }
    }

    pub fn parse(code: &str) -> Option<CaseReview> {
        [CaseReview::StatusClash, CaseReview::ActedWhileClosed]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

fn dot_of(e: &CaseEvent) -> Option<super::version::Dot> {
    e.versions.origin
}

/// Whether `a` was recorded knowing of `b`.
fn saw(a: &CaseEvent, b: &CaseEvent) -> bool {
    match dot_of(b) {
        Some(dot) => a.seen.knows(dot) || dot_of(a) == Some(dot),
        None => true,
    }
}

/// The state a case's events give it.
pub fn case_state(events: &[CaseEvent]) -> CaseState {
    let changes: Vec<&CaseEvent> = events.iter().filter(|e| e.status_to.is_some()).collect();
    // The changes no other change had seen.
    let mut heads: Vec<&CaseEvent> = changes
        .iter()
        .copied()
        .filter(|c| !changes.iter().any(|o| o.uid != c.uid && saw(o, c)))
        .collect();
    heads.sort_by_key(|e| std::cmp::Reverse(dot_of(e)));
    let Some(winner) = heads.first().copied() else {
        return CaseState {
            status: CaseStatus::New,
            closure_reason: None,
            closed_on: None,
            review: Vec::new(),
        };
    };
    let status = winner.status_to.unwrap_or(CaseStatus::New);
    let mut review = Vec::new();
    if heads.iter().any(|h| h.status_to != winner.status_to) {
        review.push(CaseReview::StatusClash);
    }
    let ended = matches!(status, CaseStatus::Resolved | CaseStatus::Closed);
    if ended
        && events
            .iter()
            .any(|e| e.uid != winner.uid && !saw(winner, e) && !saw(e, winner))
    {
        review.push(CaseReview::ActedWhileClosed);
    }
    CaseState {
        status,
        closure_reason: match status {
            CaseStatus::Closed => winner.closure_reason,
            _ => None,
        },
        closed_on: ended.then_some(winner.occurred_on),
        review,
    }
}

/// What an event recorded now has seen of its case: every event the office holds.
pub fn seen_by_new_event(events: &[CaseEvent]) -> Context {
    let mut ctx = Context::default();
    for e in events {
        ctx.join(&e.seen);
        if let Some(dot) = dot_of(e) {
            ctx.add(dot);
        }
    }
    ctx
}

/// What the deadlines of an open case depend on: its report date and, oldest first, each
/// event's date, what it left the case waiting for, and whether it reached the complainant.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub reported_on: NaiveDate,
    pub steps: Vec<Step>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub on: NaiveDate,
    pub awaiting: Option<Awaiting>,
    pub reached: bool,
}

impl Timeline {
    pub fn of(case: &Case, events: &[CaseEvent]) -> Timeline {
        Timeline {
            reported_on: case.reported_on,
            steps: events
                .iter()
                .map(|e| Step {
                    on: e.occurred_on,
                    awaiting: e.awaiting,
                    reached: e.reached_complainant(),
                })
                .collect(),
        }
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

impl CaseEventKind {
    /// Whether `case act` records an event of this kind: notes, referrals and status changes are
    /// recorded by their own commands.
    pub fn recorded_by_act(self) -> bool {
        !matches!(
            self,
            CaseEventKind::Note | CaseEventKind::Referral | CaseEventKind::StatusChange
        )
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
    Invalid(said!(
        Msg::CaseForbidden,
        case.case_number,
        case.status,
        said!(verb)
    ))
}

/// A deadline of the regulation running on an open case: the closure reason it gives, the event
/// that started it, the last day within it and the first day past it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Deadline {
    pub reason: ClosureReason,
    pub since: NaiveDate,
    /// The last day within the deadline (for clarification, the 15th working day).
    pub due: NaiveDate,
    /// The first day the case is past it.
    pub past_from: NaiveDate,
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
    deadlines_passed(&Timeline::of(case, events), today, holidays)
}

/// The deadlines running on an open case (none on a resolved or closed one).
pub fn case_deadlines(case: &Case, events: &[CaseEvent], holidays: &[NaiveDate]) -> Vec<Deadline> {
    if !case.is_open() {
        return Vec::new();
    }
    deadlines(&Timeline::of(case, events), holidays)
}

/// The `n`th working day after `from` (`n` of at least 1).
fn nth_working_day(from: NaiveDate, n: i64, holidays: &[NaiveDate]) -> NaiveDate {
    // A day is a working day when the one day up to it counts one (one pass, no recounting).
    from.iter_days()
        .skip(1)
        .filter(|d| {
            d.pred_opt()
                .is_some_and(|p| working_days_between(p, *d, holidays) == 1)
        })
        .nth((n - 1).max(0) as usize)
        .unwrap_or(from)
}

/// The deadlines running on an open case with this timeline (Perban 6/2024 Art. 30), each from
/// the event that starts it:
/// - documents, 30 days from the last request for them (`--awaiting DOCUMENTS`);
/// - clarification, 15 working days from the last request for it (`--awaiting CLARIFICATION`);
/// - no response, 6 months from telling the complainant it cannot be resolved (`--awaiting RESPONSE`);
/// - unreachable, 60 days from the first attempt to reach the complainant that failed
///   (`--awaiting CONTACT`) since they were last reached. A case nobody tried to reach is not
///   unreachable, however old.
///
/// The latest of DOCUMENTS, CLARIFICATION, RESPONSE and NOTHING is what the office waits for; an
/// unanswered attempt does not end that wait, and reaching the complainant (or waiting for
/// nothing) ends the attempts.
pub fn deadlines(timeline: &Timeline, holidays: &[NaiveDate]) -> Vec<Deadline> {
    let mut found = Vec::new();
    let waiting = timeline.steps.iter().rev().find_map(|e| match e.awaiting {
        Some(Awaiting::Contact) | None => None,
        Some(a) => Some((a, e.on)),
    });
    let days = |since: NaiveDate, n: i64| since + chrono::Duration::days(n);
    match waiting {
        Some((Awaiting::Documents, since)) => found.push(Deadline {
            reason: ClosureReason::DocsNotCompleted30d,
            since,
            due: days(since, 30),
            past_from: days(since, 31),
        }),
        Some((Awaiting::Clarification, since)) => found.push(Deadline {
            reason: ClosureReason::NoClarification15wd,
            since,
            due: nth_working_day(since, 15, holidays),
            past_from: nth_working_day(since, 16, holidays),
        }),
        Some((Awaiting::Response, since)) => {
            let due = since.checked_add_months(Months::new(6)).unwrap_or(since);
            found.push(Deadline {
                reason: ClosureReason::NoResponse6m,
                since,
                due,
                past_from: days(due, 1),
            })
        }
        _ => {}
    }
    let mut attempted: Option<NaiveDate> = None;
    for step in &timeline.steps {
        if step.reached || step.awaiting == Some(Awaiting::Nothing) {
            attempted = None;
        } else if step.awaiting == Some(Awaiting::Contact) && attempted.is_none() {
            attempted = Some(step.on);
        }
    }
    if let Some(since) = attempted {
        found.push(Deadline {
            reason: ClosureReason::Unreachable60d,
            since,
            due: days(since, 60),
            past_from: days(since, 61),
        });
    }
    found
}

/// The deadlines an open case with this timeline has passed on `today`.
pub fn deadlines_passed(
    timeline: &Timeline,
    today: NaiveDate,
    holidays: &[NaiveDate],
) -> Vec<Overdue> {
    deadlines(timeline, holidays)
        .into_iter()
        .filter(|d| today >= d.past_from)
        .map(|d| Overdue {
            reason: d.reason,
            since: d.since,
            waited: match d.reason {
                ClosureReason::NoClarification15wd => {
                    working_days_between(d.since, today, holidays)
                }
                _ => (today - d.since).num_days(),
            },
        })
        .collect()
}

/// Whether a case may be closed for `reason` on `on`: a deadline reason only once its deadline
/// has passed (Perban 6/2024 Art. 30), a handover to another agency only after a referral.
pub fn closure_allowed(
    case: &Case,
    events: &[CaseEvent],
    reason: ClosureReason,
    on: NaiveDate,
    holidays: &[NaiveDate],
) -> Result<(), Invalid> {
    if reason == ClosureReason::HandedToAgency {
        return match events.iter().any(|e| e.kind == CaseEventKind::Referral) {
            true => Ok(()),
            false => Err(Invalid(said!(Msg::ClosureNeedsReferral))),
        };
    }
    match overdue(case, events, on, holidays)
        .iter()
        .any(|o| o.reason == reason)
    {
        true => Ok(()),
        false => Err(Invalid(said!(
            Msg::ClosureDeadlineNotReached,
            reason.code(),
            reason,
            on
        ))),
    }
}

/// What a complaint of this category is about: the time abroad (unpaid wages, a death abroad...),
/// not the way there (a failed departure, overcharging, job fraud).
pub fn happens_abroad(category: CaseCategory) -> bool {
    use CaseCategory::*;
    matches!(
        category,
        WantsRepatriation
            | UnpaidWages
            | Deportation
            | DiedAbroad
            | EmployerViolence
            | SexualHarassment
            | LostContact
            | UnilateralDismissal
            | Overstay
    )
}

/// A complaint about the time abroad dated before the worker ever left (a slip in the date, or
/// the wrong person): said, for the clerk to check before saving.
pub fn reported_before_departure(
    category: CaseCategory,
    reported_on: NaiveDate,
    placements: &[super::placement::Placement],
) -> Option<super::Warning> {
    let departures: Vec<NaiveDate> = placements.iter().filter_map(|p| p.departed_on).collect();
    let first = departures.iter().min()?;
    (happens_abroad(category) && reported_on < *first).then(|| {
        super::Warning::new(
            super::warning::WarningCode::ReportedBeforeDeparture,
            said!(Msg::ReportedBeforeDeparture, reported_on, *first),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complaint_about_the_time_abroad_dated_before_the_departure_is_said() {
        use crate::domain::fixtures::placement_in;
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut abroad = placement_in(crate::domain::Stage::Departed);
        abroad.departed_on = Some(day("2023-06-01"));
        let placements = [abroad];
        let warned = |category, on: &str| {
            reported_before_departure(category, day(on), &placements).is_some()
        };
        assert!(warned(CaseCategory::UnpaidWages, "2023-05-01"));
        assert!(!warned(CaseCategory::UnpaidWages, "2023-07-01"), "after");
        assert!(
            !warned(CaseCategory::FailedDeparture, "2023-05-01"),
            "before by nature"
        );
        assert!(
            reported_before_departure(CaseCategory::UnpaidWages, day("2023-05-01"), &[]).is_none(),
            "no departure known"
        );
    }

    #[test]
    fn an_act_records_every_kind_but_notes_referrals_and_status_changes() {
        let by_act: Vec<CaseEventKind> = CaseEventKind::all()
            .iter()
            .copied()
            .filter(|k| k.recorded_by_act())
            .collect();
        assert_eq!(
            by_act,
            [
                CaseEventKind::Consultation,
                CaseEventKind::Clarification,
                CaseEventKind::Mediation,
                CaseEventKind::SocialSecurityClaim,
                CaseEventKind::LitigationAssistance,
                CaseEventKind::Coordination,
            ]
        );
    }

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
            created_at: Default::default(),
            updated_at: Default::default(),
            versions: Versions::unset(),
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
            created_at: Default::default(),
            closure_reason: None,
            seen: Default::default(),
            versions: Versions::unset(),
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

    fn tried(on: &str) -> CaseEvent {
        event(on, CaseEventKind::Note, Some(Awaiting::Contact))
    }

    #[test]
    fn unreachable_60_days_after_the_first_unanswered_attempt() {
        let c = case("2023-01-01");
        assert_eq!(
            reasons(&c, &[], "2024-01-01", &[]),
            [],
            "nobody tried to reach the complainant: not unreachable, however old"
        );
        let tried_twice = [tried("2023-02-01"), tried("2023-03-01")];
        assert_eq!(reasons(&c, &tried_twice, "2023-04-02", &[]), []);
        assert_eq!(
            reasons(&c, &tried_twice, "2023-04-03", &[]),
            [ClosureReason::Unreachable60d],
            "60 days from the first attempt, not the last"
        );
        let met = [
            tried("2023-02-01"),
            event("2023-02-10", CaseEventKind::Mediation, None),
        ];
        assert_eq!(reasons(&c, &met, "2023-06-01", &[]), [], "reached since");
        let again = [met[0].clone(), met[1].clone(), tried("2023-03-01")];
        assert_eq!(reasons(&c, &again, "2023-04-30", &[]), []);
        assert_eq!(
            reasons(&c, &again, "2023-05-01", &[]),
            [ClosureReason::Unreachable60d]
        );
        let referral_only = [event("2023-02-01", CaseEventKind::Referral, None)];
        assert_eq!(reasons(&c, &referral_only, "2024-01-01", &[]), []);
    }

    #[test]
    fn an_unanswered_attempt_leaves_the_documents_deadline_running() {
        let c = case("2023-09-01");
        let mut asked = event("2023-09-01", CaseEventKind::Note, Some(Awaiting::Documents));
        asked.contacted = true;
        let events = [asked, tried("2023-09-15")];
        assert_eq!(
            reasons(&c, &events, "2023-10-02", &[]),
            [ClosureReason::DocsNotCompleted30d]
        );
        let shown = case_deadlines(&c, &events, &[]);
        assert_eq!(
            shown,
            [
                Deadline {
                    reason: ClosureReason::DocsNotCompleted30d,
                    since: "2023-09-01".parse().unwrap(),
                    due: "2023-10-01".parse().unwrap(),
                    past_from: "2023-10-02".parse().unwrap(),
                },
                Deadline {
                    reason: ClosureReason::Unreachable60d,
                    since: "2023-09-15".parse().unwrap(),
                    due: "2023-11-14".parse().unwrap(),
                    past_from: "2023-11-15".parse().unwrap(),
                }
            ]
        );
    }

    #[test]
    fn the_clarification_deadline_ends_on_the_15th_working_day() {
        let c = case("2023-11-01");
        let asked = [event(
            "2023-11-01",
            CaseEventKind::Clarification,
            Some(Awaiting::Clarification),
        )];
        let d = case_deadlines(&c, &asked, &["2023-11-10".parse().unwrap()]);
        assert_eq!(d[0].due, "2023-11-23".parse::<NaiveDate>().unwrap());
        assert_eq!(d[0].past_from, "2023-11-24".parse::<NaiveDate>().unwrap());
        // Due on a Friday: past from the Monday after.
        let friday = [event(
            "2023-11-03",
            CaseEventKind::Clarification,
            Some(Awaiting::Clarification),
        )];
        let d = case_deadlines(&c, &friday, &[]);
        assert_eq!(d[0].due, "2023-11-24".parse::<NaiveDate>().unwrap());
        assert_eq!(d[0].past_from, "2023-11-27".parse::<NaiveDate>().unwrap());
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
        assert_eq!(CodeList::label_in(Awaiting::Nothing, Lang::En), "Nothing");
    }
}
