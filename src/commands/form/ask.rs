//! On a terminal, the questions of the write commands that act on a stored record (a placement, a
//! letter, a case, a repatriation): each asks for what its options left out, checks the record
//! right after it is named (a placement that cannot depart is said at once, not after every other
//! question), and ends with a summary to confirm. The answers go into the command's arguments, so
//! the command then runs exactly as if they had been typed; off a terminal nothing here runs.

use crate::i18n::Label;
use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Form, Review};
use crate::commands::lookup;
use crate::domain::case::Case;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::Warning;
use crate::error::Invalid;
use crate::i18n::{lang, Msg};
use crate::prompt::{Prompter, Terminal};
use crate::t;

/// An error from a lookup as a prompt shows it.
pub(crate) fn invalid(error: anyhow::Error) -> Invalid {
    Invalid::verbatim(format!("{error:#}"))
}

/// Asks with `gather` until the clerk confirms the summary; a field they want to correct is
/// forgotten with `clear` and asked again, its earlier answer pre-filled. Returns whether the
/// warnings `gather` found were accepted.
pub(crate) fn confirmed<A>(
    args: &mut A,
    mut gather: impl FnMut(&mut A, &mut Form<'_>) -> Result<Vec<Warning>>,
    clear: impl Fn(&mut A, &str),
) -> Result<bool> {
    let mut terminal = Terminal;
    let mut form = Form::new(Some(&mut terminal as &mut dyn Prompter));
    let mut accepted = false;
    loop {
        form.restart();
        let warnings = gather(args, &mut form)?;
        match form.review(&warnings, &mut accepted)? {
            Review::Save => return Ok(accepted),
            Review::Correct(name) => clear(args, name),
        }
    }
}

/// The placement named in `slot` (asked for when missing), with its person; `fits` refuses one the
/// command cannot act on, while the clerk can still name another.
pub(crate) fn placement(
    form: &mut Form,
    slot: &mut Option<String>,
    conn: &Connection,
    fits: impl Fn(&Placement) -> Result<(), Invalid>,
) -> Result<(Placement, Person)> {
    let (placement, person) = form.need(slot, "<PLACEMENT>", Msg::AskPlacement, None, |s| {
        let found = lookup::placement(conn, s).map_err(invalid)?;
        fits(&found.0)?;
        Ok(found)
    })?;
    form.describe(
        "<PLACEMENT>",
        t!(
            Msg::PlacementShown,
            placement.reference(),
            person.full_name,
            placement.stage.label()
        ),
    );
    Ok((placement, person))
}

/// The case named in `slot` (asked for when missing), checked with `fits`.
pub(crate) fn case(
    form: &mut Form,
    slot: &mut Option<String>,
    conn: &Connection,
    fits: impl Fn(&Case) -> Result<(), Invalid>,
) -> Result<Case> {
    let case = form.need(slot, "<CASE>", Msg::AskCase, None, |s| {
        let found = lookup::case(conn, s).map_err(invalid)?;
        fits(&found)?;
        Ok(found)
    })?;
    form.describe(
        "<CASE>",
        t!(
            Msg::CaseShown,
            case.case_number,
            case.category.label(),
            case.status.label()
        ),
    );
    Ok(case)
}

/// Forgets the answer named `name` among `slots`.
pub(crate) fn clear_slot(slots: &mut [(&str, &mut Option<String>)], name: &str) {
    for (slot_name, slot) in slots.iter_mut() {
        if *slot_name == name {
            **slot = None;
        }
    }
}

/// Said right after the NIK is typed: who it is, and their latest placement.
pub(crate) fn say_on_record(person: &Person, placement: Option<&Placement>) {
    let text = match placement {
        Some(p) => t!(
            Msg::WorkerOnRecord,
            person.full_name,
            t!(
                Msg::PlacementShown,
                p.reference(),
                p.country.name(lang()),
                p.stage.label()
            )
        ),
        None => t!(Msg::WorkerOnRecord, person.full_name, "-"),
    };
    crate::prompt::say(&text);
}

/// A date not after `today`.
pub(crate) fn until(today: NaiveDate) -> impl Fn(&str) -> Result<NaiveDate, Invalid> {
    move |s| crate::domain::date::parse_past_date(s, today)
}
