//! The demo's protection work: cases of every category and state with their timelines, and
//! repatriations of every category, around the published figures for 1 January - 8 November 2023
//! (5 trafficking cases; returns facilitated: troubled 13, remains 6, sick 2).

use crate::db::{records, Tx};
use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDate};

use super::{date, day_between, stamp, Made, Maker, OFFICE_CODE};
use crate::db;
use crate::domain::case::{case_number, Awaiting, Case, CaseEvent};
use crate::domain::person::Person;
use crate::domain::placement::StageEvent;
use crate::domain::repatriation::{repatriation_number, Repatriation};
use crate::domain::*;

const CATEGORIES: &[(CaseCategory, u32)] = &[
    (CaseCategory::WantsRepatriation, 15),
    (CaseCategory::UnpaidWages, 14),
    (CaseCategory::Overstay, 8),
    (CaseCategory::Sick, 8),
    (CaseCategory::Deportation, 7),
    (CaseCategory::DiedAbroad, 6),
    (CaseCategory::ContractMismatch, 7),
    (CaseCategory::EmployerViolence, 5),
    (CaseCategory::LostContact, 6),
    (CaseCategory::FailedDeparture, 5),
    (CaseCategory::JobFraud, 5),
    (CaseCategory::DocumentsWithheld, 4),
    (CaseCategory::UnilateralDismissal, 4),
    (CaseCategory::SocialSecurity, 4),
    (CaseCategory::Overcharging, 3),
    (CaseCategory::Pregnancy, 2),
    (CaseCategory::MentalIllness, 2),
    (CaseCategory::SexualHarassment, 1),
    (CaseCategory::Other, 2),
];
const CHANNELS: &[(Channel, u32)] = &[
    (Channel::InPerson, 45),
    (Channel::Phone, 20),
    (Channel::SocialMedia, 10),
    (Channel::OnlineForm, 10),
    (Channel::Letter, 5),
    (Channel::Email, 5),
    (Channel::Sms, 5),
];
const RETURN_CATEGORIES: &[(RepatriationCategory, u32)] = &[
    (RepatriationCategory::Troubled, 40),
    (RepatriationCategory::Deported, 20),
    (RepatriationCategory::Deceased, 15),
    (RepatriationCategory::Sick, 10),
    (RepatriationCategory::Cpmi, 10),
    (RepatriationCategory::Family, 5),
];
/// Published window: 1 January - 8 November 2023.
fn in_window(day: NaiveDate) -> bool {
    (date(2023, 1, 1)..=date(2023, 11, 8)).contains(&day)
}

pub(super) struct Counts {
    pub cases: usize,
    pub repatriations: usize,
}

/// Someone known only by what a victim or a family could tell: no NIK.
fn unregistered(maker: &mut Maker, on: NaiveDate, regency: Option<&str>) -> Person {
    let mut person = maker.person(on);
    person.nik = None;
    person.phone = None;
    if let Some(code) = regency {
        person.regency = code.parse().ok();
    }
    person
}

pub(super) fn populate(
    tx: &Tx,
    maker: &mut Maker,
    made: &[Made],
    today: NaiveDate,
) -> Result<Counts> {
    let departed: Vec<&Made> = made
        .iter()
        .filter(|m| m.placement.departed_on.is_some())
        .collect();
    let mut new_persons: Vec<Person> = Vec::new();
    let mut cases: Vec<(Case, Vec<CaseEvent>)> = Vec::new();
    let mut trafficking_in_window = 0;
    for year in 2022..=today.year() {
        let first = date(year, 1, 2);
        let last = date(year, 12, 30).min(today - Duration::days(1));
        if last <= first {
            continue;
        }
        let n = 60 * ((last - first).num_days() as usize + 1) / 365;
        for i in 0..n {
            let reported = day_between(&mut maker.rng, first, last);
            let mut category = *maker.rng.weighted(CATEGORIES);
            if in_window(reported) && trafficking_in_window < 5 && i % 11 == 4 {
                category = CaseCategory::Trafficking;
                trafficking_in_window += 1;
            } else if !in_window(reported) && i % 23 == 7 {
                category = CaseCategory::Trafficking;
            }
            let linked = category != CaseCategory::Trafficking && maker.rng.chance(70);
            let (person_uid, country, procedural) = if linked {
                let m = departed[maker.rng.below(departed.len())];
                (
                    m.person.uid.clone(),
                    Some(m.placement.country.clone()),
                    ProceduralStatus::Procedural,
                )
            } else {
                let person = unregistered(maker, reported, None);
                let uid = person.uid.clone();
                new_persons.push(person);
                let country = *maker.rng.pick(&["MY", "KH", "MM", "SA", "MY"]);
                let procedural = if maker.rng.chance(70) {
                    ProceduralStatus::Nonprocedural
                } else {
                    ProceduralStatus::Unknown
                };
                (uid, country.parse().ok(), procedural)
            };
            cases.push(case_with_timeline(
                maker, category, reported, person_uid, country, procedural, today,
            ));
        }
    }
    cases.sort_by(|a, b| {
        a.0.reported_on
            .cmp(&b.0.reported_on)
            .then(a.0.uid.cmp(&b.0.uid))
    });

    let mut returns: Vec<Repatriation> = Vec::new();
    let mut returned_placements = Vec::new();
    let fixed = [
        (RepatriationCategory::Troubled, 13),
        (RepatriationCategory::Deceased, 6),
        (RepatriationCategory::Sick, 2),
    ];
    let mut plan: Vec<(RepatriationCategory, NaiveDate)> = Vec::new();
    for (category, n) in fixed {
        for _ in 0..n {
            plan.push((
                category,
                day_between(&mut maker.rng, date(2023, 1, 4), date(2023, 11, 8)),
            ));
        }
    }
    for (from, to, n) in [
        (date(2022, 1, 5), date(2022, 12, 28), 24),
        (date(2023, 11, 10), date(2023, 12, 28), 3),
        (date(2024, 1, 5), date(2024, 12, 28), 26),
        (date(2025, 1, 5), date(2025, 12, 28), 25),
        (date(2026, 1, 5), today - Duration::days(1), 20),
    ] {
        for _ in 0..n {
            if from > to {
                break;
            }
            plan.push((
                *maker.rng.weighted(RETURN_CATEGORIES),
                day_between(&mut maker.rng, from, to),
            ));
        }
    }
    plan.sort();
    for (category, arrived) in plan {
        if arrived >= today {
            continue;
        }
        let candidate = departed[maker.rng.below(departed.len())];
        let usable = category != RepatriationCategory::Cpmi
            && candidate
                .placement
                .departed_on
                .is_some_and(|d| d < arrived - Duration::days(60))
            && candidate.placement.stage == Stage::Departed
            && !returned_placements
                .iter()
                .any(|(uid, _): &(String, NaiveDate)| *uid == candidate.placement.uid)
            && maker.rng.chance(60);
        let person = if usable {
            returned_placements.push((candidate.placement.uid.clone(), arrived));
            candidate.person.clone()
        } else {
            let elsewhere = *maker.rng.pick(&["1571", "1771", "1471", "1371", "1305"]);
            let regency = (maker.rng.chance(25)).then_some(elsewhere);
            let person = unregistered(maker, arrived, regency);
            new_persons.push(person.clone());
            person
        };
        returns.push(repatriation(maker, category, arrived, &person, today));
    }

    for person in &new_persons {
        records::insert(tx, person)?;
    }
    for (case, events) in &mut cases {
        let year = case.reported_on.year();
        case.case_number = db::numbers::next(tx, db::numbers::Series::Case, year, |n| {
            case_number(OFFICE_CODE, year, n)
        })?;
        records::insert(tx, case)?;
        for e in events.iter_mut() {
            // Recorded one after another at this office: each has seen the ones before.
            e.seen = case::seen_by_new_event(&db::cases::events(tx, &case.uid)?);
            records::insert(tx, e)?;
        }
    }
    for r in &mut returns {
        let year = r.arrived_on.year();
        r.repatriation_number = Some(db::numbers::next(
            tx,
            db::numbers::Series::Repatriation,
            year,
            |n| repatriation_number(OFFICE_CODE, year, n),
        )?);
        records::insert(tx, r)?;
    }
    for (uid, arrived) in returned_placements {
        if let Some(old) = db::placements::by_uid_or_number(tx, &uid)? {
            let mut placement = old.clone();
            if placement.apply(StageEvent::Return, arrived, today).is_ok() {
                placement.updated_at = stamp(arrived);
                records::replace(tx, &placement, &old.updated_at)?;
            }
        }
    }
    Ok(Counts {
        cases: cases.len(),
        repatriations: returns.len(),
    })
}

fn case_with_timeline(
    maker: &mut Maker,
    category: CaseCategory,
    reported: NaiveDate,
    person_uid: String,
    country: Option<CountryCode>,
    procedural: ProceduralStatus,
    today: NaiveDate,
) -> (Case, Vec<CaseEvent>) {
    let uid = maker.uid();
    let mut events = Vec::new();
    let mut event = |maker: &mut Maker,
                     on: NaiveDate,
                     kind: CaseEventKind,
                     to: Option<CaseStatus>,
                     partner: Option<Partner>,
                     awaiting: Option<Awaiting>,
                     note: &str| {
        let on = on.min(today - Duration::days(1)).max(reported);
        events.push(CaseEvent {
            uid: maker.uid(),
            case_uid: uid.clone(),
            occurred_on: on,
            kind,
            partner,
            letter_number: None,
            note: Some(note.to_string()),
            status_from: None,
            status_to: to,
            awaiting,
            contacted: true,
            clerk: Some("demo".into()),
            created_at: stamp(on),
            closure_reason: None,
            seen: Default::default(),
            versions: version::Versions::unset(),
        });
    };
    event(
        maker,
        reported,
        CaseEventKind::StatusChange,
        Some(CaseStatus::New),
        None,
        None,
        "Pengaduan diterima",
    );
    let age = (today - reported).num_days();
    let partner = if category == CaseCategory::Trafficking {
        Partner::Police
    } else {
        Partner::Embassy
    };
    let roll = maker.rng.below(100);
    let (status, closure, closed_on) = if age > 120 {
        let end = reported + Duration::days(30 + maker.rng.below(60) as i64);
        event(
            maker,
            reported + Duration::days(2),
            CaseEventKind::Consultation,
            Some(CaseStatus::InProgress),
            None,
            None,
            "Konsultasi dengan pengadu",
        );
        if roll < 75 {
            event(
                maker,
                end,
                CaseEventKind::StatusChange,
                Some(CaseStatus::Resolved),
                None,
                None,
                "Selesai",
            );
            (CaseStatus::Resolved, None, Some(end))
        } else if roll < 95 {
            let reason = *maker.rng.pick(&[
                ClosureReason::Unreachable60d,
                ClosureReason::HandedToAgency,
                ClosureReason::DocsNotCompleted30d,
            ]);
            event(
                maker,
                end,
                CaseEventKind::StatusChange,
                Some(CaseStatus::Closed),
                None,
                None,
                "Ditutup",
            );
            (CaseStatus::Closed, Some(reason), Some(end))
        } else {
            event(
                maker,
                reported + Duration::days(10),
                CaseEventKind::Referral,
                Some(CaseStatus::Referred),
                Some(partner),
                None,
                "Dirujuk",
            );
            (CaseStatus::Referred, None, None)
        }
    } else if roll < 25 {
        (CaseStatus::New, None, None)
    } else if roll < 70 {
        let awaiting = maker.rng.chance(40).then_some(Awaiting::Documents);
        event(
            maker,
            reported + Duration::days(2),
            CaseEventKind::Consultation,
            Some(CaseStatus::InProgress),
            None,
            awaiting,
            "Konsultasi; pengadu diminta melengkapi dokumen",
        );
        (CaseStatus::InProgress, None, None)
    } else {
        event(
            maker,
            reported + Duration::days(2),
            CaseEventKind::Consultation,
            Some(CaseStatus::InProgress),
            None,
            None,
            "Konsultasi dengan pengadu",
        );
        event(
            maker,
            reported + Duration::days(9),
            CaseEventKind::Referral,
            Some(CaseStatus::Referred),
            Some(partner),
            None,
            "Dirujuk ke mitra",
        );
        (CaseStatus::Referred, None, None)
    };
    let case = Case {
        uid,
        case_number: String::new(),
        person_uid: Some(person_uid),
        category,
        channel: Some(*maker.rng.weighted(CHANNELS)),
        procedural_status: Some(procedural),
        country,
        reported_on: reported,
        complainant_name: Some("Keluarga PMI".into()),
        complainant_relation: Some(
            (*maker
                .rng
                .pick(&["istri", "suami", "orang tua", "saudara", "diri sendiri"]))
            .into(),
        ),
        summary: Some(category.label_id().to_string()),
        status,
        closure_reason: closure,
        closed_on,
        outcome: (status == CaseStatus::Resolved).then(|| "Hak PMI dipenuhi".to_string()),
        clerk: Some("demo".into()),
        office_code: OFFICE_CODE.into(),
        created_at: stamp(reported),
        updated_at: stamp(events.last().map(|e| e.occurred_on).unwrap_or(reported)),
        versions: version::Versions::unset(),
    };
    // The closing says why, so that every office closes the case for that reason.
    if let Some(e) = events
        .iter_mut()
        .rev()
        .find(|e| e.status_to == Some(CaseStatus::Closed))
    {
        e.closure_reason = case.closure_reason;
    }
    (case, events)
}

fn repatriation(
    maker: &mut Maker,
    category: RepatriationCategory,
    arrived: NaiveDate,
    person: &Person,
    today: NaiveDate,
) -> Repatriation {
    let handed = arrived < today - Duration::days(3) && maker.rng.chance(92);
    let to = match category {
        RepatriationCategory::Sick if maker.rng.chance(50) => HandoverTo::Hospital,
        _ if maker.rng.chance(8) => HandoverTo::SocialServices,
        _ => HandoverTo::Family,
    };
    let family = to == HandoverTo::Family;
    let deceased = category == RepatriationCategory::Deceased;
    Repatriation {
        uid: maker.uid(),
        repatriation_number: None,
        person_uid: Some(person.uid.clone()),
        case_uid: None,
        category,
        from_country: (*maker.rng.pick(&["MY", "MY", "SA", "JP", "TW", "HK"]))
            .parse()
            .ok(),
        debarkation: Some("BIM".into()),
        arrived_on: arrived,
        origin_regency: person.regency.clone(),
        escort: Some("Petugas BP3MI".into()),
        fit_to_travel_letter: (category == RepatriationCategory::Sick)
            .then(|| "Surat layak terbang RS setempat".into()),
        cause_of_death: deceased.then(|| {
            (*maker
                .rng
                .pick(&["sakit", "kecelakaan kerja", "tidak diketahui"]))
            .to_string()
        }),
        airway_bill: deceased.then(|| format!("AWB-{:08}", maker.rng.below(100_000_000))),
        handed_over_to: handed.then_some(to),
        handed_over_on: handed.then_some(arrived + Duration::days(1)),
        handover_record_number: handed
            .then(|| format!("BA-{:03}/{}", maker.rng.below(999), arrived.year())),
        receiver_name: (handed && family).then(|| "Keluarga PMI".into()),
        receiver_relation: (handed && family)
            .then(|| (*maker.rng.pick(&["istri", "orang tua", "saudara"])).into()),
        witness: (handed && family).then(|| "Wali Nagari setempat".into()),
        notes: None,
        office_code: OFFICE_CODE.into(),
        created_at: stamp(arrived),
        updated_at: stamp(if handed {
            arrived + Duration::days(1)
        } else {
            arrived
        }),
        legacy_number: None,
        versions: version::Versions::unset(),
    }
}
