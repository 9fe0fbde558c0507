//! On a terminal, the questions of the write commands that act on a stored record (a placement, a
//! letter, a case, a repatriation): each asks for what its options left out, checks the record
//! right after it is named (a placement that cannot depart is said at once, not after every other
//! question), and ends with a summary to confirm. The answers go into the command's arguments, so
//! the command then runs exactly as if they had been typed; off a terminal nothing here runs.

mod case;
mod edit;
mod open_case;
mod placement;
mod recommend;
mod repatriate;
mod repatriation;

pub use case::follow_up;
pub use edit::worker_edit;
pub use open_case::{clear_open_case, open_case, say_on_record, until};
pub use placement::{cancel, depart, docs_add, return_home};
pub use recommend::{recommend, recommendation_used, recommendation_void};
pub use repatriate::{clear_repatriate, repatriate};
pub use repatriation::handover;

use anyhow::Result;
use rusqlite::Connection;

use super::form::{Form, Review};
use super::lookup;
use crate::domain::case::Case;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::Warning;
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::prompt::{Prompter, Terminal};
use crate::t;

/// An error from a lookup as a prompt shows it.
fn invalid(error: anyhow::Error) -> Invalid {
    Invalid(format!("{error:#}"))
}

/// Asks with `gather` until the clerk confirms the summary; a field they want to correct is
/// forgotten with `clear` and asked again, its earlier answer pre-filled. Returns whether the
/// warnings `gather` found were accepted.
fn confirmed<A>(
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
fn placement(
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
fn case(
    form: &mut Form,
    slot: &mut Option<String>,
    conn: &Connection,
    fits: impl Fn(&Case) -> Result<(), Invalid>,
) -> Result<Case> {
    let case = form.need(slot, "<CASE>", Msg::AskCase, None, |s| {
        let found = super::case::find(conn, s).map_err(invalid)?;
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
fn clear_slot(slots: &mut [(&str, &mut Option<String>)], name: &str) {
    for (slot_name, slot) in slots.iter_mut() {
        if *slot_name == name {
            **slot = None;
        }
    }
}
