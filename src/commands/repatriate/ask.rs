//! The fields of `repatriate`, and the record they make. On a terminal: the category and arrival
//! first, then who (the NIK first, a name when it is unknown or not on record), with the country,
//! the home regency and the debarkation point pre-filled from the record and the settings; the
//! fit-to-travel letter for a sick worker, the cause of death and airway bill for remains.

use anyhow::Result;
use rusqlite::Connection;

use super::RepatriateArgs;
use crate::commands::form::ask::until;
use crate::commands::form::{day_first, Form};
use crate::commands::subject::{self, Subject};
use crate::context::{new_uid, Ctx};
use crate::db;
use crate::domain::person::{opt, parse_name};
use crate::domain::record::Timestamp;
use crate::domain::repatriation::{category_refusals, Repatriation};
use crate::domain::text;
use crate::domain::{CountryCode, Nik, RegencyCode, RepatriationCategory, Stage};
use crate::error::{refused, Invalid};
use crate::i18n::{lang, Msg};
use crate::t;

fn line(s: &str) -> Result<Option<String>, Invalid> {
    text::line(Some(s))
}

/// The repatriation as entered (not yet numbered), who it is about, and the case it belongs to.
pub(super) struct Entered {
    pub repatriation: Repatriation,
    pub subject: Option<Subject>,
}

pub(super) fn ask(
    ctx: &Ctx,
    args: &mut RepatriateArgs,
    form: &mut Form,
    conn: &Connection,
    office_code: &str,
    now: &Timestamp,
) -> Result<Entered> {
    let today = ctx.clock.today;
    let category: RepatriationCategory = form.code(
        &mut args.category,
        "--category",
        Msg::AskRepatriationCategory,
        None,
    )?;
    let arrived_on = form.need(
        &mut args.arrived_on,
        "--arrived-on",
        Msg::AskArrivedOn,
        Some(day_first(today)),
        until(today),
    )?;
    let s = &mut args.subject;
    let typed = s.nik.is_none();
    if form.asks() && s.person_name.is_none() {
        form.offer(&mut s.nik, "--nik", Msg::AskWorkerNik, None, |t| {
            t.parse::<Nik>()
        })?;
    }
    let stored = match s.nik.as_deref().map(str::parse::<Nik>).transpose()? {
        Some(nik) => db::persons::by_nik(conn, &nik)?,
        None => None,
    };
    let placements = match &stored {
        Some(person) => {
            form.describe(
                "--nik",
                t!(Msg::NikShown, opt(&person.nik), person.full_name),
            );
            let placements = db::placements::of_person(conn, &person.uid)?;
            if typed && form.asks() {
                crate::commands::form::ask::say_on_record(person, placements.first());
            }
            placements
        }
        None => {
            if form.asks() {
                form.need(
                    &mut s.person_name,
                    "--person-name",
                    Msg::AskWorkerName,
                    None,
                    parse_name,
                )?;
            }
            Vec::new()
        }
    };
    let subject = subject::resolve(conn, &args.subject, office_code, now)?;
    let from_country = form.offer(
        &mut args.from_country,
        "--from-country",
        Msg::AskFromCountry,
        placements
            .first()
            .map(|p| p.country.name(lang()).to_string()),
        |t| t.parse::<CountryCode>(),
    )?;
    if let Some(c) = &from_country {
        form.describe("--from-country", format!("{} ({c})", c.name(lang())));
    }
    let person_regency = subject.as_ref().and_then(|s| s.person.regency.clone());
    let origin_regency = form
        .offer(
            &mut args.origin_regency,
            "--origin-regency",
            Msg::AskOriginRegency,
            person_regency.as_ref().map(|r| r.name().to_string()),
            |t| t.parse::<RegencyCode>(),
        )?
        .or(person_regency);
    let points: Vec<String> = crate::settings::text(conn, crate::settings::Key::DebarkationPoints)?
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let debarkation = form
        .offer(
            &mut args.debarkation,
            "--debarkation",
            Msg::AskDebarkation,
            points.first().cloned(),
            |given| {
                points
                    .iter()
                    .find(|p| p.eq_ignore_ascii_case(given.trim()))
                    .cloned()
                    .ok_or_else(|| {
                        Invalid(crate::said!(
                            Msg::DebarkationUnknown,
                            given,
                            points.join(", ")
                        ))
                    })
            },
        )?
        .or_else(|| points.first().cloned())
        .unwrap_or_else(|| "BIM".into());
    let fit_to_travel = match category {
        RepatriationCategory::Sick if form.asks() => Some(form.need(
            &mut args.fit_to_travel,
            "--fit-to-travel",
            Msg::AskFitToTravel,
            None,
            |t| text::line(Some(t))?.ok_or_else(|| Invalid(crate::said!(Msg::ValueEmpty))),
        )?),
        _ => text::line(args.fit_to_travel.as_deref())?,
    };
    let (cause_of_death, airway_bill) = match category {
        RepatriationCategory::Deceased => (
            form.offer(
                &mut args.cause_of_death,
                "--cause-of-death",
                Msg::AskCauseOfDeath,
                None,
                line,
            )?
            .flatten(),
            form.offer(
                &mut args.airway_bill,
                "--airway-bill",
                Msg::AskAirwayBill,
                None,
                line,
            )?
            .flatten(),
        ),
        _ => (
            text::line(args.cause_of_death.as_deref())?,
            text::line(args.airway_bill.as_deref())?,
        ),
    };
    let escort = form
        .offer(&mut args.escort, "--escort", Msg::AskEscort, None, line)?
        .flatten();
    let case = form.offer(&mut args.case, "--case", Msg::AskRelatedCase, None, |t| {
        crate::commands::lookup::case(conn, t).map_err(|e| Invalid::verbatim(format!("{e:#}")))
    })?;
    let notes = form
        .offer(&mut args.notes, "--notes", Msg::AskNotes, None, |t| {
            text::note(Some(t))
        })?
        .flatten();
    if placements.iter().any(|p| p.stage == Stage::Departed) {
        form.switch(
            &mut args.mark_returned,
            "--mark-returned",
            Msg::AskMarkReturned,
            Msg::LabelMarkReturned,
        )?;
    }
    let reasons = category_refusals(category, fit_to_travel.as_deref());
    if !reasons.is_empty() {
        return Err(refused(crate::i18n::Said::joined(reasons).to_string()));
    }
    let repatriation = Repatriation {
        uid: new_uid(),
        repatriation_number: None,
        person_uid: subject.as_ref().map(|s| s.person.uid.clone()),
        case_uid: case.as_ref().map(|c| c.uid.clone()),
        category,
        from_country,
        debarkation: Some(debarkation),
        arrived_on,
        origin_regency,
        escort,
        fit_to_travel_letter: fit_to_travel,
        cause_of_death,
        airway_bill,
        handed_over_to: None,
        handed_over_on: None,
        handover_record_number: None,
        receiver_name: None,
        receiver_relation: None,
        witness: None,
        notes,
        office_code: office_code.to_string(),
        created_at: now.clone(),
        updated_at: now.clone(),
        legacy_number: None,
        versions: crate::domain::version::Versions::unset(),
    };
    Ok(Entered {
        repatriation,
        subject,
    })
}

/// Forgets one answer of `repatriate`, so the next pass asks it again.
pub(super) fn clear(args: &mut RepatriateArgs, flag: &str) {
    let slot = match flag {
        "--mark-returned" => {
            args.mark_returned = false;
            return;
        }
        "--category" => &mut args.category,
        "--arrived-on" => &mut args.arrived_on,
        "--nik" => &mut args.subject.nik,
        "--person-name" => &mut args.subject.person_name,
        "--from-country" => &mut args.from_country,
        "--origin-regency" => &mut args.origin_regency,
        "--debarkation" => &mut args.debarkation,
        "--fit-to-travel" => &mut args.fit_to_travel,
        "--cause-of-death" => &mut args.cause_of_death,
        "--airway-bill" => &mut args.airway_bill,
        "--escort" => &mut args.escort,
        "--case" => &mut args.case,
        "--notes" => &mut args.notes,
        _ => return,
    };
    *slot = None;
}
