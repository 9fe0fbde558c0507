//! A placement: one application of a person to work abroad, from registration to departure and
//! return, or cancellation. The stage machine lives here.

use chrono::NaiveDate;

use super::recommendation::Recommendation;
use super::record::{parse_uid, Timestamp};
use super::version::Versions;
use super::{CancelReason, CountryCode, Scheme, Sector, Stage};
use crate::error::Invalid;
use crate::i18n::{Msg, Said};
use crate::said;

crate::record! {
    /// One application of a person to work abroad (placements.csv).
    pub struct Placement in "placements" as "placement", version updated_at {
        uid: String => "uid" as "placement_uid" via parse_uid,
        person_uid: String => "person_uid" as "person_uid" via parse_uid,
        scheme: Scheme => "scheme" as "scheme",
        p3mi_name: Option<String> => "p3mi_name" as "p3mi_name",
        employer_name: Option<String> => "employer_name" as "employer_name",
        country: CountryCode => "country" as "country",
        sector: Option<Sector> => "sector" as "sector",
        occupation: Option<String> => "occupation" as "occupation",
        /// From the departure, return and cancellation and the placement's letters
        /// (`derive_stage`), never written on its own.
        stage: Stage => "stage" as "stage" [derived],
        registered_on: NaiveDate => "registered_on" as "registered_on",
        departed_on: Option<NaiveDate> => "departed_on" as "departed_on",
        returned_on: Option<NaiveDate> => "returned_on" as "returned_on",
        cancel_reason: Option<CancelReason> => "cancel_reason" as "cancel_reason",
        cancel_note: Option<String> => "cancel_note",
        passport_number: Option<String> => "passport_number" as "passport_number",
        office_code: String => "office_code" as "office_code",
        created_at: Timestamp => "created_at" as "created_at",
        updated_at: Timestamp => "updated_at" as "updated_at",
        /// Given by the office that registers it, with its code, and the same at every office:
        /// `BP3MI-SB-REG-2023-00042`.
        registration_number: Option<String> => "registration_number" as "registration_number",
        /// The number this office gave a placement it received before numbers travelled
        /// (`REG-2023-00042`): still found by it.
        legacy_number: Option<String> => "legacy_number",
        versions: Versions => "versions" as "versions",
    }
}

impl Placement {
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

    /// The stage after `event`, or `None` where the stage machine forbids it.
    pub fn after(self, event: StageEvent) -> Option<Stage> {
        use Stage::*;
        use StageEvent::*;
        match (self, event) {
            (Registered, Recommend) => Some(Recommended),
            (Recommended, VoidRecommendation) => Some(Registered),
            (Recommended, Depart) => Some(Departed),
            (Registered | Recommended, Cancel) => Some(Cancelled),
            (Departed, Return) => Some(Returned),
            _ => None,
        }
    }
}

/// What can happen to a placement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageEvent {
    Recommend,
    VoidRecommendation,
    Depart,
    Cancel,
    Return,
}

impl StageEvent {
    fn describe(self) -> Msg {
        match self {
            StageEvent::Recommend => Msg::EventRecommend,
            StageEvent::VoidRecommendation => Msg::EventVoid,
            StageEvent::Depart => Msg::EventDepart,
            StageEvent::Cancel => Msg::EventCancel,
            StageEvent::Return => Msg::EventReturn,
        }
    }
}

impl Placement {
    /// Moves the placement through `event` on date `on`, checking the stage machine and the dates:
    /// nothing in the future, nothing before registration, no return before departure.
    pub fn apply(
        &mut self,
        event: StageEvent,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), Invalid> {
        let next = self.stage.after(event).ok_or_else(|| {
            Invalid(said!(
                Msg::StageForbidden,
                self.reference(),
                self.stage,
                said!(event.describe())
            ))
        })?;
        super::date::not_after_today(on, today)?;
        if on < self.registered_on {
            return Err(Invalid(said!(
                Msg::DateBeforeRegistration,
                on,
                self.registered_on
            )));
        }
        match event {
            StageEvent::Depart => self.departed_on = Some(on),
            StageEvent::Return => {
                if let Some(departed) = self.departed_on.filter(|d| on < *d) {
                    return Err(Invalid(said!(Msg::ReturnBeforeDeparture, on, departed)));
                }
                self.returned_on = Some(on);
            }
            _ => {}
        }
        self.stage = next;
        Ok(())
    }
}

impl Placement {
    /// A departure on `on`: the stage and date, and the passport it leaves on (given now, or
    /// recorded before with `recommendation used`; none refuses the departure).
    pub fn depart(
        &mut self,
        on: NaiveDate,
        passport: Option<String>,
        today: NaiveDate,
    ) -> Result<(), Invalid> {
        self.apply(StageEvent::Depart, on, today)?;
        if let Some(number) = passport {
            self.passport_number = Some(number);
        }
        match self.passport_number {
            Some(_) => Ok(()),
            None => Err(Invalid(said!(Msg::PassportNeeded))),
        }
    }

    /// A cancellation today, with its reason and note. The placement's letter in force is voided
    /// by its own office only (another office's letter stays as that office decided; the
    /// cancellation travels to it): returned marked void, with why.
    pub fn cancel(
        &mut self,
        reason: CancelReason,
        note: Option<String>,
        today: NaiveDate,
        letter_in_force: Option<&Recommendation>,
        own_office: &str,
    ) -> Result<Option<(Recommendation, Said)>, Invalid> {
        self.apply(StageEvent::Cancel, today, today)?;
        self.cancel_reason = Some(reason);
        self.cancel_note = note;
        Ok(letter_in_force
            .filter(|r| r.office_code == own_office)
            .map(|r| {
                let mut void = r.clone();
                void.status = super::RecommendationStatus::Void;
                (void, said!(Msg::CancelledPlacement, self.reference()))
            }))
    }
}

/// How long a passport must still be valid after departure, in months, before a warning.
pub const PASSPORT_MONTHS_AFTER_DEPARTURE: u32 = 6;

/// The facts a departure is checked against.
pub struct DepartureFacts<'a> {
    pub on: NaiveDate,
    pub documents: &'a [super::document::Document],
    pub checklist: &'a super::document::Checklist,
    pub medical_validity_days: i64,
    /// The passport's issue date as recorded with `recommendation used`.
    pub passport_issued_on: Option<NaiveDate>,
}

/// What the clerk should know before recording a departure, to accept or not: the placement's
/// checklist items not complete on the day (missing, unverified or expired), a departure before
/// the passport was issued, a passport that expires within `PASSPORT_MONTHS_AFTER_DEPARTURE`.
pub fn departure_warnings(f: &DepartureFacts) -> Vec<super::Warning> {
    use super::document::ItemState;
    use super::warning::WarningCode;
    use super::DocumentKind;
    use crate::i18n::IntoArg;
    let items = f
        .checklist
        .assess(f.documents, f.on, f.medical_validity_days);
    let lacking: Vec<Said> = items
        .iter()
        .filter(|(_, state)| !matches!(state, ItemState::Present(_)))
        .filter_map(|(kinds, _)| kinds.first())
        .map(|k| Said::new(Msg::Verbatim, vec![k.into_arg()]))
        .collect();
    let mut out = Vec::new();
    if !lacking.is_empty() {
        out.push(super::Warning::new(
            WarningCode::DepartureDocumentsLacking,
            said!(
                Msg::DepartureDocumentsLacking,
                lacking.len(),
                items.len(),
                Said::joined(lacking)
            ),
        ));
    }
    let passport = f
        .documents
        .iter()
        .filter(|d| d.kind == DocumentKind::Passport && d.removed_on.is_none())
        .max_by_key(|d| d.issued_on);
    let issued = f.passport_issued_on.or(passport.and_then(|d| d.issued_on));
    if let Some(issued) = issued.filter(|i| f.on < *i) {
        out.push(super::Warning::new(
            WarningCode::DepartureBeforePassport,
            said!(Msg::DepartureBeforePassport, f.on, issued),
        ));
    }
    let limit =
        f.on.checked_add_months(chrono::Months::new(PASSPORT_MONTHS_AFTER_DEPARTURE));
    if let (Some(expires), Some(limit)) = (passport.and_then(|d| d.expires_on), limit) {
        if expires < limit {
            out.push(super::Warning::new(
                WarningCode::PassportExpiresSoon,
                said!(
                    Msg::PassportExpiresSoon,
                    expires,
                    PASSPORT_MONTHS_AFTER_DEPARTURE
                ),
            ));
        }
    }
    out
}

/// The stage a placement's facts give it, whichever offices recorded them: a return, a departure
/// (never erased by a cancellation recorded elsewhere), a cancellation, a live letter, else
/// registered.
pub fn derive_stage(p: &Placement, live_letter: bool) -> Stage {
    if p.returned_on.is_some() {
        Stage::Returned
    } else if p.departed_on.is_some() {
        Stage::Departed
    } else if p.cancel_reason.is_some() {
        Stage::Cancelled
    } else if live_letter {
        Stage::Recommended
    } else {
        Stage::Registered
    }
}

/// Facts about one placement that cannot all be true, recorded at different offices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contradiction {
    DepartedAndCancelled,
    ReturnWithoutDeparture,
    ReturnBeforeDeparture,
}

impl Contradiction {
    pub fn code(self) -> &'static str {
        match self {
            Contradiction::DepartedAndCancelled => "DEPARTED_AND_CANCELLED",
            Contradiction::ReturnWithoutDeparture => "RETURN_WITHOUT_DEPARTURE",
            Contradiction::ReturnBeforeDeparture => "RETURN_BEFORE_DEPARTURE",
        }
    }
}

/// The contradictions among a placement's facts.
pub fn contradictions(p: &Placement) -> Vec<Contradiction> {
    let mut out = Vec::new();
    if p.cancel_reason.is_some() && (p.departed_on.is_some() || p.returned_on.is_some()) {
        out.push(Contradiction::DepartedAndCancelled);
    }
    match (p.departed_on, p.returned_on) {
        (None, Some(_)) => out.push(Contradiction::ReturnWithoutDeparture),
        (Some(d), Some(r)) if r < d => out.push(Contradiction::ReturnBeforeDeparture),
        _ => {}
    }
    out
}

/// `BP3MI-SB-REG-2023-00042`: the registration number an office gives for a year's sequence
/// value. The office's code makes it the same record's number at every office.
pub fn registration_number(office: &str, year: i32, seq: i64) -> String {
    format!("{office}-REG-{year}-{seq:05}")
}

/// `REG-2023-00042` typed at `BP3MI-SB`: the office's own number written without its code.
pub fn own_number(office: &str, typed: &str) -> Option<String> {
    let t = typed.trim().to_ascii_uppercase();
    t.starts_with("REG-").then(|| format!("{office}-{t}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CodeList;

    #[test]
    fn stage_machine_table() {
        use Stage::*;
        use StageEvent::*;
        let events = [Recommend, VoidRecommendation, Depart, Cancel, Return];
        let expected: [(Stage, [Option<Stage>; 5]); 5] = [
            (
                Registered,
                [Some(Recommended), None, None, Some(Cancelled), None],
            ),
            (
                Recommended,
                [
                    None,
                    Some(Registered),
                    Some(Departed),
                    Some(Cancelled),
                    None,
                ],
            ),
            (Departed, [None, None, None, None, Some(Returned)]),
            (Returned, [None; 5]),
            (Cancelled, [None; 5]),
        ];
        assert_eq!(expected.len(), Stage::all().len());
        for (stage, outcomes) in expected {
            for (event, outcome) in events.iter().zip(outcomes) {
                assert_eq!(stage.after(*event), outcome, "{stage:?} + {event:?}");
            }
        }
    }

    fn placement() -> Placement {
        crate::domain::fixtures::placement_in(Stage::Recommended)
    }

    #[test]
    fn a_departure_warns_of_lacking_documents_and_passport_dates() {
        use crate::domain::document::{Checklist, Document};
        use crate::domain::warning::WarningCode;
        use crate::domain::DocumentKind;
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let doc = |kind, issued: &str, expires: Option<&str>| Document {
            uid: "d".into(),
            placement_uid: "u".into(),
            kind,
            number: None,
            issued_on: Some(day(issued)),
            expires_on: expires.map(day),
            verified_on: Some(day(issued)),
            verified_by: None,
            created_at: Default::default(),
            updated_at: Default::default(),
            removed_on: None,
            removed_reason: None,
            versions: Versions::unset(),
        };
        let checklist: Checklist = "PASSPORT,WORK_VISA,EMPLOYMENT_CONTRACT".parse().unwrap();
        let codes = |documents: &[Document], issued: Option<&str>, on: &str| {
            departure_warnings(&DepartureFacts {
                on: day(on),
                documents,
                checklist: &checklist,
                medical_validity_days: 90,
                passport_issued_on: issued.map(day),
            })
            .into_iter()
            .map(|w| w.code)
            .collect::<Vec<_>>()
        };
        let all = [
            doc(DocumentKind::Passport, "2023-06-01", Some("2028-06-01")),
            doc(DocumentKind::WorkVisa, "2023-06-10", None),
            doc(DocumentKind::EmploymentContract, "2023-06-10", None),
        ];
        assert!(codes(&all, None, "2023-07-01").is_empty(), "complete");
        assert_eq!(
            codes(&all[..1], None, "2023-07-01"),
            [WarningCode::DepartureDocumentsLacking]
        );
        assert_eq!(
            codes(&all, Some("2023-07-05"), "2023-07-01"),
            [WarningCode::DepartureBeforePassport],
            "the passport recorded with the letter"
        );
        let short = [doc(
            DocumentKind::Passport,
            "2019-01-01",
            Some("2023-12-31"),
        )];
        assert_eq!(
            codes(&short, None, "2023-07-01"),
            [
                WarningCode::DepartureDocumentsLacking,
                WarningCode::PassportExpiresSoon
            ]
        );
    }

    #[test]
    fn a_departure_needs_a_passport_given_now_or_recorded_before() {
        let today = "2023-11-08".parse().unwrap();
        let on = "2023-11-01".parse().unwrap();
        let mut p = placement();
        assert!(p.clone().depart(on, None, today).is_err());
        p.clone()
            .depart(on, Some("C1234567".into()), today)
            .unwrap();
        p.passport_number = Some("C7654321".into());
        p.depart(on, None, today).unwrap();
        assert_eq!(p.stage, Stage::Departed);
        assert_eq!(p.departed_on, Some(on));
    }

    #[test]
    fn a_cancellation_voids_only_this_offices_letter_in_force() {
        let today = "2023-11-08".parse().unwrap();
        let mut letter = crate::domain::decision::tests_letter();
        letter.office_code = "SB".into();
        let mut p = placement();
        let voided = p
            .clone()
            .cancel(CancelReason::Withdrawn, None, today, Some(&letter), "SB")
            .unwrap();
        let (void, why) = voided.unwrap();
        assert_eq!(void.status, crate::domain::RecommendationStatus::Void);
        assert!(why.render(crate::i18n::Lang::Id).contains("REG-2023-00001"));
        let kept = p
            .cancel(
                CancelReason::Withdrawn,
                Some("x".into()),
                today,
                Some(&letter),
                "JT",
            )
            .unwrap();
        assert!(kept.is_none(), "another office's letter stays");
        assert_eq!(p.stage, Stage::Cancelled);
        assert_eq!(p.cancel_reason, Some(CancelReason::Withdrawn));
    }

    #[test]
    fn dates_are_checked() {
        let today = "2023-11-08".parse().unwrap();
        let mut p = placement();
        assert!(
            p.apply(StageEvent::Depart, "2023-02-28".parse().unwrap(), today)
                .is_err(),
            "before registration"
        );
        assert!(
            p.apply(StageEvent::Depart, "2023-11-09".parse().unwrap(), today)
                .is_err(),
            "future"
        );
        p.apply(StageEvent::Depart, "2023-04-01".parse().unwrap(), today)
            .unwrap();
        assert!(
            p.apply(StageEvent::Return, "2023-03-31".parse().unwrap(), today)
                .is_err(),
            "before departure"
        );
        p.apply(StageEvent::Return, "2023-10-01".parse().unwrap(), today)
            .unwrap();
        assert_eq!(p.stage, Stage::Returned);
        assert!(
            p.apply(StageEvent::Cancel, today, today).is_err(),
            "returned cannot be cancelled"
        );
    }
}
