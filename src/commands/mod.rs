//! One module per command, named after it: a file, or a folder when it has parts (its questions
//! on a terminal are then in `ask.rs`). Each holds the command's clap arguments, its questions and
//! its `run`, and implements `Run`, through which src/cli.rs lists it once. A command is glue: it
//! parses what was typed into domain types, asks what is missing, calls the domain rules and the
//! database functions, and hands the result to `views`/`output`.
//!
//! Shared by the commands: `lookup` (the record named on the command line), `form` (asking on a
//! terminal), `stage` (moving a placement), `subject` (who a case or a return is about),
//! `warnings` (accepting warnings) and `print_listing`. The SQL is in `crate::db`.

pub(crate) mod backup;
pub(crate) mod cancel;
pub(crate) mod case;
pub(crate) mod check;
pub(crate) mod completions;
pub(crate) mod config;
pub(crate) mod demo;
pub(crate) mod depart;
pub(crate) mod docs;
pub(crate) mod exchange;
pub(crate) mod export;
mod form;
pub(crate) mod handover;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod letter;
pub(crate) mod log;
mod lookup;
pub(crate) mod man;
pub(crate) mod open_case;
pub(crate) mod query;
pub(crate) mod recommend_passport;
pub(crate) mod recommendation;
pub(crate) mod r#ref;
pub(crate) mod register;
pub(crate) mod repatriate;
pub(crate) mod repatriation;
pub(crate) mod report;
pub(crate) mod r#return;
pub(crate) mod review;
mod stage;
mod subject;
pub(crate) mod warnings;
pub(crate) mod worker;

use anyhow::Result;

use crate::context::Ctx;
use crate::domain::audit::{Action, RecordKind};

/// A command of the tree in src/cli.rs: its arguments, parsed, know the command's name and how to
/// run it.
pub trait Run {
    /// The paths of the commands here (e.g. `"depart"`, `"case note"`) that ask on a terminal for
    /// a required argument left out: there `cli::asking` lets clap pass without it.
    const ASKS: &'static [&'static str] = &[];

    /// The examples at the end of the help of the commands here, by path (`"case note"`).
    const EXAMPLES: crate::help::examples::Examples = &[];

    /// The command's name as the audit log records it.
    fn name(&self) -> &'static str;

    fn run(self, ctx: &Ctx) -> Result<()>;
}

/// Large argument structs are boxed in the command tree (clippy's `large_enum_variant`).
impl<T: Run> Run for Box<T> {
    const ASKS: &'static [&'static str] = T::ASKS;
    const EXAMPLES: crate::help::examples::Examples = T::EXAMPLES;

    fn name(&self) -> &'static str {
        T::name(self)
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        T::run(*self, ctx)
    }
}

/// Rows a listing sends to a program (CSV or JSON) from which the audit log records it.
const READ_OUT_ROWS: usize = 100;

/// A listing, printed (through the pager on a terminal); rows that leave in bulk for a program or
/// a file (CSV or JSON, 100 rows or more) are recorded in the audit log: which command with which
/// options, how many rows, by whom. Personal data read out leaves a trace.
pub fn print_listing(ctx: &Ctx, records: &crate::output::Records, total: i64) -> Result<()> {
    records.print_cut(ctx.format, &mut crate::pager::start(ctx.format), total)?;
    if ctx.format == crate::output::Format::Table || records.rows.len() < READ_OUT_ROWS {
        return Ok(());
    }
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let format = match ctx.format {
        crate::output::Format::Csv => "csv",
        _ => "json",
    };
    let changes = vec![
        ("arguments".to_string(), None, Some(arguments.join(" "))),
        (
            "rows".to_string(),
            None,
            Some(records.rows.len().to_string()),
        ),
        ("format".to_string(), None, Some(format.to_string())),
    ];
    let actor = ctx.actor();
    let mut store = ctx.open()?;
    store.write(|tx| {
        crate::db::audit::note(
            tx,
            &actor,
            RecordKind::Listing,
            &ctx.command,
            Action::ReadOut,
            &changes,
        )
    })
}
