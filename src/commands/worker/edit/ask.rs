//! `worker edit` on a terminal with no field named: the clerk picks a field, sees its value
//! pre-filled and types the correction, as often as needed; `worker edit` then shows the changes
//! and asks before saving.

use anyhow::Result;

use super::WorkerEditArgs;
use crate::commands::form::ask::placement;
use crate::commands::form::{day_first, Form};
use crate::context::Ctx;
use crate::domain::contact::parse_phone;
use crate::domain::date::parse_date;
use crate::domain::person::{opt, parse_name, Person};
use crate::domain::placement::Placement;
use crate::domain::text;
use crate::domain::*;
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::prompt::{Prompter, Terminal};
use crate::t;

/// The fields a clerk may correct: option, label, value now.
fn fields(person: &Person, placement: &Placement) -> Vec<(&'static str, Msg, String)> {
    vec![
        ("--nik", Msg::AskNik, opt(&person.nik)),
        ("--name", Msg::AskName, person.full_name.clone()),
        ("--sex", Msg::AskSex, opt(&person.sex)),
        (
            "--birth-place",
            Msg::AskBirthPlace,
            opt(&person.birth_place),
        ),
        (
            "--birth-date",
            Msg::AskBirthDate,
            person.birth_date.map(day_first).unwrap_or_default(),
        ),
        ("--regency", Msg::AskRegency, opt(&person.regency)),
        ("--address", Msg::AskAddress, opt(&person.address)),
        ("--phone", Msg::AskPhone, opt(&person.phone)),
        ("--education", Msg::AskEducation, opt(&person.education)),
        (
            "--marital-status",
            Msg::AskMaritalStatus,
            opt(&person.marital_status),
        ),
        ("--scheme", Msg::AskScheme, placement.scheme.to_string()),
        ("--p3mi", Msg::AskP3mi, opt(&placement.p3mi_name)),
        (
            "--employer",
            Msg::AskEmployer,
            opt(&placement.employer_name),
        ),
        ("--country", Msg::AskCountry, placement.country.to_string()),
        ("--sector", Msg::AskSector, opt(&placement.sector)),
        (
            "--occupation",
            Msg::AskOccupation,
            opt(&placement.occupation),
        ),
        (
            "--registered-on",
            Msg::AskRegisteredOn,
            day_first(placement.registered_on),
        ),
    ]
}

fn slot<'a>(args: &'a mut WorkerEditArgs, flag: &str) -> Option<&'a mut Option<String>> {
    let (p, pl) = (&mut args.person, &mut args.placement_fields);
    Some(match flag {
        "--nik" => &mut p.nik,
        "--name" => &mut p.name,
        "--sex" => &mut p.sex,
        "--birth-place" => &mut p.birth_place,
        "--birth-date" => &mut p.birth_date,
        "--regency" => &mut p.regency,
        "--address" => &mut p.address,
        "--phone" => &mut p.phone,
        "--education" => &mut p.education,
        "--marital-status" => &mut p.marital_status,
        "--scheme" => &mut pl.scheme,
        "--p3mi" => &mut pl.p3mi,
        "--employer" => &mut pl.employer,
        "--country" => &mut pl.country,
        "--sector" => &mut pl.sector,
        "--occupation" => &mut pl.occupation,
        "--registered-on" => &mut pl.registered_on,
        _ => return None,
    })
}

fn line(s: &str) -> Result<Option<String>, Invalid> {
    text::line(Some(s))
}

fn done<T>(_: T) {}

fn parsed<C: std::str::FromStr>(now: &Option<String>) -> Option<C> {
    now.as_deref().and_then(|s| s.parse().ok())
}

/// Asks the new value of one field, the current one pre-filled.
fn ask_field(
    form: &mut Form,
    slot: &mut Option<String>,
    flag: &'static str,
    label: Msg,
    now: String,
) -> Result<()> {
    let now = Some(now).filter(|s| !s.is_empty());
    match flag {
        "--sex" => form.code::<Sex>(slot, flag, label, parsed(&now)).map(done),
        "--education" => form
            .code::<Education>(slot, flag, label, parsed(&now))
            .map(done),
        "--marital-status" => form
            .code::<MaritalStatus>(slot, flag, label, parsed(&now))
            .map(done),
        "--scheme" => form
            .code::<Scheme>(slot, flag, label, parsed(&now))
            .map(done),
        "--sector" => form
            .code::<Sector>(slot, flag, label, parsed(&now))
            .map(done),
        "--nik" => form
            .need(slot, flag, label, now, |s| s.parse::<Nik>())
            .map(done),
        "--name" => form.need(slot, flag, label, now, parse_name).map(done),
        "--birth-date" | "--registered-on" => {
            form.need(slot, flag, label, now, parse_date).map(done)
        }
        "--regency" => form
            .need(slot, flag, label, now, |s| s.parse::<RegencyCode>())
            .map(done),
        "--country" => form
            .need(slot, flag, label, now, |s| s.parse::<CountryCode>())
            .map(done),
        "--phone" => form.need(slot, flag, label, now, parse_phone).map(done),
        _ => form.need(slot, flag, label, now, line).map(done),
    }
}

pub fn ask(ctx: &Ctx, args: &mut WorkerEditArgs) -> Result<()> {
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let mut terminal = Terminal;
    let mut form = Form::new(Some(&mut terminal as &mut dyn Prompter));
    let (found, person) = placement(&mut form, &mut args.placement, conn, |_| Ok(()))?;
    let all = fields(&person, &found);
    if all
        .iter()
        .any(|(flag, _, _)| slot(args, flag).is_some_and(|s| s.is_some()))
    {
        return Ok(());
    }
    loop {
        let mut items: Vec<String> = all
            .iter()
            .map(|(flag, label, now)| {
                let value = slot(args, flag)
                    .and_then(|s| s.clone())
                    .unwrap_or(now.clone());
                let label = t!(*label);
                let label = label.split(" (").next().unwrap_or_default().to_string();
                t!(Msg::EditFieldItem, label, value)
            })
            .collect();
        items.push(t!(Msg::EditDone));
        let index = form.choose(&t!(Msg::AskEditWhich), &items, items.len() - 1)?;
        let Some((flag, label, now)) = all.get(index).cloned() else {
            return Ok(());
        };
        if let Some(s) = slot(args, flag) {
            let now = s.take().unwrap_or(now);
            ask_field(&mut form, s, flag, label, now)?;
        }
    }
}
