//! `worker edit` on a terminal with no field named: the clerk picks a field, sees its value
//! pre-filled and types the correction, as often as needed; `worker edit` then shows the changes
//! and asks before saving.

use anyhow::Result;

use super::WorkerEditArgs;
use crate::commands::form::ask::placement;
use crate::commands::form::{day_first, Form};
use crate::commands::register::{Typed, PERSON_TYPED, PLACEMENT_TYPED};
use crate::context::Ctx;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::record::Record;
use crate::domain::*;
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::prompt::{Prompter, Terminal};
use crate::t;

/// A field a clerk may correct: its flag, column, question, the record it belongs to.
struct Correctable {
    typed: &'static Typed,
    of_person: bool,
}

fn correctable() -> impl Iterator<Item = Correctable> {
    let person = PERSON_TYPED.iter().map(|typed| Correctable {
        typed,
        of_person: true,
    });
    let placement = PLACEMENT_TYPED.iter().map(|typed| Correctable {
        typed,
        of_person: false,
    });
    person.chain(placement)
}

/// A field's value now, as the clerk types it (dates day first).
fn now_of(record: Vec<(&'static str, String)>, column: &str) -> String {
    let value = record
        .into_iter()
        .find(|(c, _)| *c == column)
        .map(|(_, v)| v)
        .unwrap_or_default();
    match value.parse::<chrono::NaiveDate>() {
        Ok(date) => day_first(date),
        Err(_) => value,
    }
}

fn slot<'a>(args: &'a mut WorkerEditArgs, flag: &str) -> Option<&'a mut Option<String>> {
    if args.person.slot(flag).is_some() {
        return args.person.slot(flag);
    }
    args.placement_fields.slot(flag)
}

fn done<T>(_: T) {}

fn parsed<C: std::str::FromStr>(now: &Option<String>) -> Option<C> {
    now.as_deref().and_then(|s| s.parse().ok())
}

/// Asks the new value of one field, the current one pre-filled: a code from its list, anything
/// else checked by the record's own parser (an address keeps its line breaks).
fn ask_field(
    form: &mut Form,
    slot: &mut Option<String>,
    field: &Correctable,
    person: &Person,
    placement: &Placement,
    now: String,
) -> Result<()> {
    let now = Some(now).filter(|s| !s.is_empty());
    let Typed { flag, column, ask } = *field.typed;
    match column {
        "sex" => form.code::<Sex>(slot, flag, ask, parsed(&now)).map(done),
        "education" => form
            .code::<Education>(slot, flag, ask, parsed(&now))
            .map(done),
        "marital_status" => form
            .code::<MaritalStatus>(slot, flag, ask, parsed(&now))
            .map(done),
        "scheme" => form.code::<Scheme>(slot, flag, ask, parsed(&now)).map(done),
        "sector" => form.code::<Sector>(slot, flag, ask, parsed(&now)).map(done),
        _ => {
            let check = |s: &str| -> Result<(), Invalid> {
                match field.of_person {
                    true => person.clone().set_text(column, s).map(done),
                    false => placement.clone().set_text(column, s).map(done),
                }
            };
            form.need(slot, flag, ask, now, check)
        }
    }
}

pub(super) fn ask(ctx: &Ctx, args: &mut WorkerEditArgs) -> Result<()> {
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let mut terminal = Terminal;
    let mut form = Form::new(Some(&mut terminal as &mut dyn Prompter));
    let (found, person) = placement(&mut form, &mut args.placement, conn, |_| Ok(()))?;
    let all: Vec<(Correctable, String)> = correctable()
        .map(|c| {
            let now = match c.of_person {
                true => now_of(person.fields(), c.typed.column),
                false => now_of(found.fields(), c.typed.column),
            };
            (c, now)
        })
        .collect();
    if all
        .iter()
        .any(|(c, _)| slot(args, c.typed.flag).is_some_and(|s| s.is_some()))
    {
        return Ok(());
    }
    loop {
        let mut items: Vec<String> = all
            .iter()
            .map(|(c, now)| {
                let value = slot(args, c.typed.flag)
                    .and_then(|s| s.clone())
                    .unwrap_or(now.clone());
                let label = t!(c.typed.ask);
                let label = label.split(" (").next().unwrap_or_default().to_string();
                t!(Msg::EditFieldItem, label, value)
            })
            .collect();
        items.push(t!(Msg::EditDone));
        let index = form.choose(&t!(Msg::AskEditWhich), &items, items.len() - 1)?;
        let Some((field, now)) = all.get(index) else {
            return Ok(());
        };
        if let Some(s) = slot(args, field.typed.flag) {
            let now = s.take().unwrap_or(now.clone());
            ask_field(&mut form, s, field, &person, &found, now)?;
        }
    }
}
