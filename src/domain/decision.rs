//! The passport recommendation rules as decisions: when a decision may be taken, what issuing or
//! refusing writes (the letter, the expired letter it replaces, the placement's stage), and what
//! voiding and using a letter change. The command loads the facts and writes what comes back, in
//! one transaction; nothing here reads the database or the clock.

use chrono::{Duration, NaiveDate};

use super::eligibility::{Detail, Finding};
use super::placement::{Placement, StageEvent};
use super::recommendation::{Reasons, Recommendation};
use super::record::Timestamp;
use super::version::Versions;
use super::{rules, RecommendationStatus, Stage};
use crate::error::Invalid;
use crate::i18n::{Msg, Said};
use crate::said;

/// A decision may be taken on `on` for this placement: its stage allows a recommendation, the date
/// has come and is not before the registration.
pub fn check_date(placement: &Placement, on: NaiveDate, today: NaiveDate) -> Result<(), Invalid> {
    if !matches!(placement.stage, Stage::Registered | Stage::Recommended) {
        placement.clone().apply(StageEvent::Recommend, on, today)?;
    }
    super::date::not_after_today(on, today)?;
    if on < placement.registered_on {
        return Err(Invalid(said!(
            Msg::DateBeforeRegistration,
            on,
            placement.registered_on
        )));
    }
    Ok(())
}

/// What the command has gathered for a decision: the findings of the eligibility rules (none: the
/// letter is issued), its number, and the facts the letter carries.
pub struct Decision<'a> {
    pub placement: &'a Placement,
    pub findings: &'a [Finding],
    pub decided_on: NaiveDate,
    pub today: NaiveDate,
    pub uid: String,
    pub number: String,
    pub addressee: &'a str,
    pub validity_days: i64,
    /// The placement's earlier letter still marked issued (it has expired, or the findings would
    /// name it as active).
    pub still_issued: Option<&'a Recommendation>,
    pub clerk: String,
    pub office_code: String,
    pub now: Timestamp,
}

/// What a decision writes.
#[derive(Debug)]
pub struct Decided {
    /// The new decision: an issued letter or a numbered refusal.
    pub letter: Recommendation,
    /// The expired letter the new one replaces, marked void, and why (in words at the edge: the
    /// void reason is part of the record, kept in the office's language).
    pub voided: Option<(Recommendation, Said)>,
    /// The placement moved to RECOMMENDED by an issued letter.
    pub placement: Option<Placement>,
}

/// Issue when nothing was found, else refuse with the reasons and their details (codes and data:
/// the refusal letter says them in Indonesian).
pub fn decide(d: Decision) -> Result<Decided, Invalid> {
    let issue = d.findings.is_empty();
    let letter = Recommendation {
        uid: d.uid,
        placement_uid: d.placement.uid.clone(),
        letter_number: Some(d.number),
        status: match issue {
            true => RecommendationStatus::Issued,
            false => RecommendationStatus::Refused,
        },
        decided_on: d.decided_on,
        valid_until: issue.then(|| d.decided_on + Duration::days(d.validity_days)),
        immigration_office: Some(d.addressee.to_string()).filter(|a| issue && !a.trim().is_empty()),
        refusal_reasons: Reasons(d.findings.iter().map(|f| f.reason).collect()),
        refusal_details: (!issue).then(|| {
            let details: Vec<Detail> = d.findings.iter().map(|f| f.detail.clone()).collect();
            Detail::to_stored(&details)
        }),
        void_reason: None,
        passport_number: None,
        passport_issued_on: None,
        reprints: 0,
        clerk: Some(d.clerk),
        office_code: d.office_code,
        created_at: d.now.clone(),
        updated_at: d.now,
        versions: Versions::unset(),
    };
    rules::refuse(rules::recommendation(
        &letter,
        Some(d.placement.registered_on),
        d.today,
    ))?;
    let voided = match (issue, d.still_issued) {
        (true, Some(expired)) => {
            let mut void = expired.clone();
            void.status = RecommendationStatus::Void;
            let number = letter.letter_number.clone().unwrap_or_default();
            Some((void, said!(Msg::ExpiredReplaced, number)))
        }
        _ => None,
    };
    let placement = match issue && d.placement.stage == Stage::Registered {
        true => {
            let mut p = d.placement.clone();
            p.apply(StageEvent::Recommend, d.decided_on, d.today)?;
            Some(p)
        }
        false => None,
    };
    Ok(Decided {
        letter,
        voided,
        placement,
    })
}

/// Only an issued letter is voided or used.
fn require_issued(r: &Recommendation, action: Msg) -> Result<(), Invalid> {
    match r.status {
        RecommendationStatus::Issued => Ok(()),
        _ => Err(Invalid(said!(
            Msg::RecommendationNotIssued,
            r.letter_number.clone().unwrap_or_else(|| r.uid.clone()),
            r.status,
            action
        ))),
    }
}

/// A letter voided by the office whose series holds it: marked void with the reason (its number is
/// never reused), and its placement back from RECOMMENDED (`None` when the stage stays).
pub fn void(
    letter: &Recommendation,
    placement: &Placement,
    own_office: &str,
    reason: String,
    today: NaiveDate,
) -> Result<(Recommendation, Option<Placement>), Invalid> {
    require_issued(letter, Msg::ActionVoid)?;
    if letter.office_code != own_office {
        return Err(Invalid(said!(
            Msg::VoidOnlyByIssuer,
            letter.letter_number.clone().unwrap_or(letter.uid.clone()),
            letter.office_code
        )));
    }
    let mut void = letter.clone();
    void.status = RecommendationStatus::Void;
    void.void_reason = Some(reason);
    let placement = match placement.stage == Stage::Recommended {
        true => {
            let mut p = placement.clone();
            p.apply(StageEvent::VoidRecommendation, today, today)?;
            Some(p)
        }
        false => None,
    };
    Ok((void, placement))
}

/// The passport issued on the strength of a letter: the letter USED, the passport number on the
/// placement. Not before the letter, not in the future.
pub fn used(
    letter: &Recommendation,
    placement: &Placement,
    passport: &str,
    issued: NaiveDate,
    today: NaiveDate,
) -> Result<(Recommendation, Placement), Invalid> {
    require_issued(letter, Msg::ActionUse)?;
    if issued < letter.decided_on {
        return Err(Invalid(said!(
            Msg::PassportIssuedBeforeLetter,
            issued,
            letter.decided_on
        )));
    }
    super::date::not_after_today(issued, today)?;
    let mut used = letter.clone();
    used.status = RecommendationStatus::Used;
    used.passport_number = Some(passport.to_string());
    used.passport_issued_on = Some(issued);
    let mut p = placement.clone();
    p.passport_number = Some(passport.to_string());
    Ok((used, p))
}

/// An issued letter, for the domain's unit tests.
#[cfg(test)]
pub fn tests_letter() -> Recommendation {
    tests::issued()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::eligibility::Detail;
    use crate::domain::fixtures::placement_in;
    use crate::domain::RefusalReason;
    use crate::i18n::Lang;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn decision<'a>(
        placement: &'a Placement,
        findings: &'a [Finding],
        still_issued: Option<&'a Recommendation>,
    ) -> Decision<'a> {
        Decision {
            placement,
            findings,
            decided_on: day("2023-11-08"),
            today: day("2023-11-08"),
            uid: "00000000-0000-4000-8000-000000000001".into(),
            number: "B.0002/BP3MI-SB/XI/2023".into(),
            addressee: "Kantor Imigrasi Padang",
            validity_days: 30,
            still_issued,
            clerk: "rina".into(),
            office_code: "SB".into(),
            now: Timestamp::default(),
        }
    }

    pub(super) fn issued() -> Recommendation {
        decide(decision(&placement_in(Stage::Registered), &[], None))
            .unwrap()
            .letter
    }

    #[test]
    fn nothing_found_issues_a_letter_valid_for_the_set_days_and_recommends_the_placement() {
        let p = placement_in(Stage::Registered);
        let d = decide(decision(&p, &[], None)).unwrap();
        assert_eq!(d.letter.status, RecommendationStatus::Issued);
        assert_eq!(d.letter.valid_until, Some(day("2023-12-08")));
        assert_eq!(
            d.letter.immigration_office.as_deref(),
            Some("Kantor Imigrasi Padang")
        );
        assert_eq!(d.letter.refusal_details, None);
        assert_eq!(d.placement.unwrap().stage, Stage::Recommended);
        assert!(d.voided.is_none());
    }

    #[test]
    fn a_finding_refuses_with_codes_and_data_and_leaves_the_placement_where_it_was() {
        let p = placement_in(Stage::Registered);
        let findings = [Finding {
            reason: RefusalReason::DocsIncomplete,
            detail: Detail::NikMissing,
        }];
        let d = decide(decision(&p, &findings, None)).unwrap();
        assert_eq!(d.letter.status, RecommendationStatus::Refused);
        assert_eq!(d.letter.valid_until, None);
        assert_eq!(d.letter.immigration_office, None, "a refusal goes nowhere");
        let stored = d.letter.refusal_details.unwrap();
        assert!(
            stored.contains("NIK_MISSING") || stored.contains("nik_missing"),
            "{stored}"
        );
        assert!(d.placement.is_none());
    }

    #[test]
    fn a_new_letter_voids_the_expired_one_still_marked_issued_and_names_itself() {
        let p = placement_in(Stage::Recommended);
        let mut old = decide(decision(&placement_in(Stage::Registered), &[], None))
            .unwrap()
            .letter;
        old.letter_number = Some("B.0001/BP3MI-SB/IX/2023".into());
        let d = decide(decision(&p, &[], Some(&old))).unwrap();
        let (void, why) = d.voided.unwrap();
        assert_eq!(void.status, RecommendationStatus::Void);
        assert_eq!(void.letter_number, old.letter_number);
        assert!(why.render(Lang::Id).contains("B.0002/BP3MI-SB/XI/2023"));
        assert!(d.placement.is_none(), "already recommended");
        // A refusal replaces nothing.
        let findings = [Finding {
            reason: RefusalReason::UnderAge,
            detail: Detail::BirthDateUnknown,
        }];
        assert!(decide(decision(&p, &findings, Some(&old)))
            .unwrap()
            .voided
            .is_none());
    }

    #[test]
    fn a_decision_waits_for_its_day_and_follows_the_registration_and_the_stage() {
        let p = placement_in(Stage::Registered);
        let today = day("2023-11-08");
        assert!(check_date(&p, today, today).is_ok());
        assert!(check_date(&p, day("2023-11-09"), today).is_err(), "future");
        assert!(
            check_date(&p, day("2023-02-28"), today).is_err(),
            "before registration"
        );
        assert!(check_date(&placement_in(Stage::Departed), today, today).is_err());
        assert!(check_date(&placement_in(Stage::Recommended), today, today).is_ok());
    }

    #[test]
    fn only_the_issuer_voids_an_issued_letter_and_the_placement_steps_back() {
        let p = placement_in(Stage::Recommended);
        let today = day("2023-11-08");
        let letter = decide(decision(&placement_in(Stage::Registered), &[], None))
            .unwrap()
            .letter;
        let (void, back) = void(&letter, &p, "SB", "Salah ketik".into(), today).unwrap();
        assert_eq!(void.status, RecommendationStatus::Void);
        assert_eq!(void.void_reason.as_deref(), Some("Salah ketik"));
        assert_eq!(back.unwrap().stage, Stage::Registered);
        let elsewhere = super::void(&letter, &p, "JT", "x".into(), today).unwrap_err();
        assert!(elsewhere.0.render(Lang::En).contains("SB"), "{elsewhere:?}");
        assert!(super::void(&void, &p, "SB", "again".into(), today).is_err());
    }

    #[test]
    fn a_passport_is_recorded_on_an_issued_letter_not_before_it_nor_in_the_future() {
        let p = placement_in(Stage::Recommended);
        let today = day("2023-11-20");
        let letter = decide(decision(&placement_in(Stage::Registered), &[], None))
            .unwrap()
            .letter;
        let (used, p2) = used(&letter, &p, "C1234567", day("2023-11-15"), today).unwrap();
        assert_eq!(used.status, RecommendationStatus::Used);
        assert_eq!(p2.passport_number.as_deref(), Some("C1234567"));
        assert!(super::used(&letter, &p, "C1", day("2023-11-07"), today).is_err());
        assert!(super::used(&letter, &p, "C1", day("2023-11-21"), today).is_err());
        assert!(super::used(&used, &p, "C1", day("2023-11-15"), today).is_err());
    }
}
