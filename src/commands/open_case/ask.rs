//! The fields of `open-case`. On a terminal the NIK comes first, so that a registered worker's
//! case is linked to the stored person (and what the record says is pre-filled: the country of
//! their placement); a name is asked only when the NIK is unknown or not on record.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::OpenCaseArgs;
use crate::commands::form::ask::{say_on_record, until};
use crate::commands::form::{day_first, Form};
use crate::db;
use crate::domain::person::{opt, parse_name};
use crate::domain::text;
use crate::domain::{CaseCategory, Channel, CountryCode, Nik, ProceduralStatus};
use crate::error::Invalid;
use crate::i18n::{lang, Msg};
use crate::t;

/// The case's own fields as entered.
pub(super) struct Asked {
    pub category: CaseCategory,
    pub reported_on: NaiveDate,
    pub country: Option<CountryCode>,
    pub channel: Option<Channel>,
    pub procedural_status: Option<ProceduralStatus>,
    pub complainant_name: Option<String>,
    pub complainant_relation: Option<String>,
    pub summary: Option<String>,
}

fn line(s: &str) -> Result<Option<String>, Invalid> {
    text::line(Some(s))
}

pub(super) fn ask(
    args: &mut OpenCaseArgs,
    form: &mut Form,
    conn: &Connection,
    today: NaiveDate,
) -> Result<Asked> {
    let s = &mut args.subject;
    let mut country = None;
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
    match &stored {
        Some(person) => {
            form.describe(
                "--nik",
                t!(Msg::NikShown, opt(&person.nik), person.full_name),
            );
            let placements = db::placements::of_person(conn, &person.uid)?;
            if typed && form.asks() {
                say_on_record(person, placements.first());
            }
            country = placements
                .first()
                .map(|p| p.country.name(lang()).to_string());
        }
        None if form.asks() => {
            form.need(
                &mut s.person_name,
                "--person-name",
                Msg::AskWorkerName,
                None,
                parse_name,
            )?;
        }
        None => {}
    }
    let category = form.code(&mut args.category, "--category", Msg::AskCategory, None)?;
    let reported_on = form.need(
        &mut args.reported_on,
        "--reported-on",
        Msg::AskReportedOn,
        Some(day_first(today)),
        until(today),
    )?;
    let country = form.offer(
        &mut args.country,
        "--country",
        Msg::AskCaseCountry,
        country,
        |t| t.parse::<CountryCode>(),
    )?;
    if let Some(c) = &country {
        form.describe("--country", format!("{} ({c})", c.name(lang())));
    }
    let channel = form.code_offer(
        &mut args.channel,
        "--channel",
        Msg::AskChannel,
        Some(Channel::InPerson),
    )?;
    let procedural_status = match &args.procedural_status {
        Some(given) => Some(given.parse()?),
        None => None,
    };
    let complainant_name = form
        .offer(
            &mut args.complainant_name,
            "--complainant-name",
            Msg::AskComplainant,
            None,
            line,
        )?
        .flatten();
    let complainant_relation = form
        .offer(
            &mut args.complainant_relation,
            "--complainant-relation",
            Msg::AskComplainantRelation,
            None,
            line,
        )?
        .flatten();
    let summary = form
        .offer(&mut args.summary, "--summary", Msg::AskSummary, None, |t| {
            text::note(Some(t))
        })?
        .flatten();
    Ok(Asked {
        category,
        reported_on,
        country,
        channel,
        procedural_status,
        complainant_name,
        complainant_relation,
        summary,
    })
}

/// Forgets one answer of `open-case`, so the next pass asks it again.
pub(super) fn clear(args: &mut OpenCaseArgs, flag: &str) {
    let slot = match flag {
        "--nik" => &mut args.subject.nik,
        "--person-name" => &mut args.subject.person_name,
        "--category" => &mut args.category,
        "--reported-on" => &mut args.reported_on,
        "--country" => &mut args.country,
        "--channel" => &mut args.channel,
        "--complainant-name" => &mut args.complainant_name,
        "--complainant-relation" => &mut args.complainant_relation,
        "--summary" => &mut args.summary,
        _ => return,
    };
    *slot = None;
}
