//! A placement: one application of a person to work abroad, from registration to departure and
//! return, or cancellation. The stage machine lives here.

use chrono::NaiveDate;

use super::person::{date, opt};
use super::{CancelReason, CountryCode, Scheme, Sector, Stage};
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::t;

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
            Invalid(t!(
                Msg::StageForbidden,
                self.reference(),
                self.stage.label(),
                t!(event.describe())
            ))
        })?;
        if on > today {
            return Err(Invalid(t!(Msg::DateInFuture, on)));
        }
        if on < self.registered_on {
            return Err(Invalid(t!(
                Msg::DateBeforeRegistration,
                on,
                self.registered_on
            )));
        }
        match event {
            StageEvent::Depart => self.departed_on = Some(on),
            StageEvent::Return => {
                if let Some(departed) = self.departed_on.filter(|d| on < *d) {
                    return Err(Invalid(t!(Msg::ReturnBeforeDeparture, on, departed)));
                }
                self.returned_on = Some(on);
            }
            _ => {}
        }
        self.stage = next;
        Ok(())
    }
}

/// `REG-2023-00042`: the registration number for a year's sequence value.
pub fn registration_number(year: i32, seq: i64) -> String {
    format!("REG-{year}-{seq:05}")
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
        Placement {
            uid: "u".into(),
            registration_number: Some("REG-2023-00001".into()),
            person_uid: "p".into(),
            scheme: Scheme::Mandiri,
            p3mi_name: None,
            employer_name: None,
            country: "MY".parse().unwrap(),
            sector: None,
            occupation: None,
            stage: Stage::Recommended,
            registered_on: "2023-03-01".parse().unwrap(),
            departed_on: None,
            returned_on: None,
            cancel_reason: None,
            cancel_note: None,
            passport_number: None,
            office_code: "X".into(),
            created_at: String::new(),
            updated_at: String::new(),
        }
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
