//! One module per command: each gathers its input, calls the domain rules and the database
//! functions, and hands the result to the output module. No SQL here, no formatting of tables.

mod ask;
mod case;
mod check;
mod config;
mod demo;
mod docs;
mod docs_fix;
pub(crate) mod exchange;
mod export;
mod form;
mod import;
mod init;
mod letter;
mod log;
mod lookup;
mod meta;
mod open_case;
mod query;
mod recommend;
mod recommendation;
mod reference;
mod register;
mod repatriate;
mod repatriation;
mod report;
pub(crate) mod review;
mod stage;
mod subject;
pub(crate) mod warnings;
mod workbook;
pub(crate) mod worker;

use anyhow::Result;

use crate::cli::Command;
use crate::context::Ctx;
use crate::domain::audit::{Action, RecordKind};

/// The command's name as the audit log records it.
pub fn name(command: &Command) -> String {
    let name = match command {
        Command::Init(_) => "init",
        Command::Config(_) => "config",
        Command::Check(_) => "check",
        Command::Demo(_) => "demo",
        Command::Ref(_) => "ref",
        Command::Register(_) => "register",
        Command::Worker(sub) => match sub {
            crate::cli::WorkerCommand::Edit(_) => "worker edit",
            crate::cli::WorkerCommand::Merge(_) => "worker merge",
            _ => "worker",
        },
        Command::Docs(_) => "docs",
        Command::RecommendPassport(_) => "recommend-passport",
        Command::Recommendation(_) => "recommendation",
        Command::Review(_) => "review",
        Command::Exchange(_) => "exchange",
        Command::Letter(_) => "letter",
        Command::Depart(_) => "depart",
        Command::Cancel(_) => "cancel",
        Command::Return(_) => "return",
        Command::OpenCase(_) => "open-case",
        Command::Case(_) => "case",
        Command::Repatriate(_) => "repatriate",
        Command::Handover(_) => "handover",
        Command::Repatriation(_) => "repatriation",
        Command::Report(_) => "report",
        Command::Query(_) => "query",
        Command::Export(_) => "export",
        Command::Import(_) => "import",
        Command::Backup { .. } => "backup",
        Command::Log(_) => "log",
        Command::Completions { .. } => "completions",
        Command::Man => "man",
    };
    name.to_string()
}

pub fn dispatch(ctx: &Ctx, command: Command) -> Result<()> {
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::Config(sub) => config::run(ctx, sub),
        Command::Check(args) => check::run(ctx, args),
        Command::Demo(args) => demo::run(ctx, args),
        Command::Ref(sub) => reference::run(ctx, sub),
        Command::Register(args) => register::run(ctx, *args),
        Command::Worker(sub) => worker::run(ctx, sub),
        Command::Docs(sub) => docs::run(ctx, sub),
        Command::RecommendPassport(args) => recommend::run(ctx, args),
        Command::Recommendation(sub) => recommendation::run(ctx, sub),
        Command::Review(sub) => review::run(ctx, sub),
        Command::Exchange(sub) => exchange::run(ctx, sub),
        Command::Letter(args) => letter::run(ctx, args),
        Command::Depart(args) => stage::depart(ctx, args),
        Command::Cancel(args) => stage::cancel(ctx, args),
        Command::Return(args) => stage::return_home(ctx, args),
        Command::OpenCase(args) => open_case::run(ctx, *args),
        Command::Case(sub) => case::run(ctx, sub),
        Command::Repatriate(args) => repatriate::run(ctx, *args),
        Command::Handover(args) => repatriation::handover(ctx, args),
        Command::Repatriation(sub) => repatriation::run(ctx, sub),
        Command::Report(args) => report::run(ctx, args),
        Command::Query(args) => query::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Backup { out, force } => check::backup(ctx, &out, force),
        Command::Log(args) => log::run(ctx, args),
        Command::Completions { shell } => meta::completions(shell),
        Command::Man => meta::man(),
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
