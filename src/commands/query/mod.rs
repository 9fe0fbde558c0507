//! `query`: ad-hoc statistics in SQL over a database opened read-only; see docs/queries.md for the
//! views (`v_placements`, `v_cases`, `v_repatriations`, `v_recommendations`). Rows are written as
//! SQLite produces them, to standard output or to `--out FILE`, so a query that never ends can still
//! be read with `| head`; a table on a terminal stops at a row limit, every query at its time limit.

mod out;
mod rows;
mod sheet;

use std::io::{BufWriter, IsTerminal, Write};
use std::time::{Duration, Instant};

use anyhow::Result;
use rusqlite::types::ValueRef;

use crate::context::Ctx;
use crate::db::query::{read_only_query, RowSink, TimeLimit};
use crate::db::{audit, OpenMode, Store};
use crate::domain::audit::{Action, RecordKind};
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::outfile::{OutKind, Output};
use crate::output::Format;
use crate::t;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct QueryArgs {
    /// One SELECT statement, e.g. "SELECT scheme, count(*) FROM v_placements GROUP BY scheme"
    #[arg(allow_hyphen_values = true)]
    pub sql: String,
    /// Stop the query after this many seconds of work (0: no limit)
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
    /// Print at most N rows [default: 200 for a table on a terminal, else every row]
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub limit: Option<u64>,
    /// Print every row, also in a table on a terminal
    #[arg(long)]
    pub all: bool,
    /// Write to this file; its extension chooses the format (.csv, .json, .txt, .xlsx)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace a query result pmi-desk wrote to that file before (never any other file)
    #[arg(long, requires = "out")]
    pub force: bool,
}

/// Rows a table on a terminal shows unless `--limit` or `--all` says otherwise.
const TERMINAL_TABLE_LIMIT: u64 = 200;

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "query",
        &[
            ex(
                "Jumlah penempatan per skema",
                "Placements per scheme",
                "pmi-desk query \"SELECT scheme, count(*) FROM v_placements GROUP BY scheme\"",
            ),
            ex(
                "Sebagai CSV",
                "As CSV",
                "pmi-desk query \"SELECT country, count(*) FROM v_placements GROUP BY country\" --format csv",
            ),
        ],
    ),
];

impl crate::commands::Run for QueryArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "query"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, args: QueryArgs) -> Result<()> {
    let xlsx = args.out.as_deref().filter(|path| out::is_xlsx(path));
    let format = match &args.out {
        // A workbook takes every row, as CSV does.
        Some(_) if xlsx.is_some() => Format::Csv,
        Some(path) => out::format_of(path)?,
        None => ctx.format,
    };
    let terminal = args.out.is_none() && std::io::stdout().is_terminal();
    let limit = row_limit(&args, terminal && format == Format::Table);
    let store = Store::open(&ctx.db_path, OpenMode::ReadOnly)?;
    // The file is checked before the query runs (never the database, never through a link, an
    // existing one only with --force when it is an earlier query result).
    let mut output = args
        .out
        .as_deref()
        .map(|path| Output::prepare(store.conn(), &ctx.db_path, path, OutKind::Query, args.force))
        .transpose()?;
    store.reading_much()?;
    let time_limit = (args.timeout > 0)
        .then(|| TimeLimit::start(store.conn(), Duration::from_secs(args.timeout)));
    let query = |out: &mut dyn Write| {
        let mut out = BufWriter::new(out::OffTheClock {
            inner: out,
            limit: time_limit.as_ref(),
        });
        let inner = match xlsx {
            Some(path) => sheet::writer(path, &ctx.clock.timestamp(), &mut out)?,
            None => rows::writer(format, terminal, &mut out),
        };
        let mut sink = Limited {
            inner,
            limit,
            rows: 0,
            more: false,
            every_row: terminal,
            flushed: Instant::now(),
        };
        read_only_query(store.conn(), &args.sql, time_limit.as_ref(), &mut sink)?;
        sink.inner.finish()?;
        Ok::<_, anyhow::Error>((sink.rows, sink.more))
    };
    let (rows, more) = match output.as_mut() {
        None => query(&mut std::io::stdout().lock())?,
        // Written aside; in place only once it is recorded (below).
        Some(output) => output.write_with(query)?,
    };
    if more {
        ctx.say(&t!(Msg::QueryMoreRows, rows))?;
    }
    // Rows that leave for a file or a program are recorded (what, how many, by whom): in a short
    // write of its own after the query, which itself ran read-only.
    if args.out.is_some() || (format != Format::Table && rows >= RECORDED_ROWS) {
        drop(store);
        let format_name = match (xlsx.is_some(), format) {
            (true, _) => "xlsx",
            (_, Format::Csv) => "csv",
            (_, Format::Json) => "json",
            (_, Format::Table) => "txt",
        };
        record_read_out(ctx, &args, output.as_ref(), format_name, rows)?;
    }
    if let (Some(output), Some(path)) = (output, &args.out) {
        output.place()?;
        ctx.say(&t!(Msg::QueryWritten, path.display(), rows))?;
    }
    Ok(())
}

/// The rows to print: every one with `--all`, `--limit`'s, else a terminal's table stops at
/// `TERMINAL_TABLE_LIMIT`.
fn row_limit(args: &QueryArgs, terminal_table: bool) -> Option<u64> {
    match (args.all, args.limit) {
        (true, _) => None,
        (false, Some(n)) => Some(n),
        (false, None) if terminal_table => Some(TERMINAL_TABLE_LIMIT),
        (false, None) => None,
    }
}

/// Records the rows read out (the query, how many, in which format, to which file or `-`) and the
/// file written, in a short write of its own.
fn record_read_out(
    ctx: &Ctx,
    args: &QueryArgs,
    output: Option<&Output>,
    format_name: &str,
    rows: u64,
) -> Result<()> {
    let target = args
        .out
        .as_ref()
        .map_or_else(|| "-".to_string(), |p| p.display().to_string());
    let changes = vec![
        ("sql".to_string(), None, Some(args.sql.clone())),
        ("rows".to_string(), None, Some(rows.to_string())),
        ("format".to_string(), None, Some(format_name.to_string())),
    ];
    let actor = ctx.actor();
    let mut store = Store::open(&ctx.db_path, OpenMode::Existing)?;
    store.write(|tx| {
        if let Some(output) = output {
            output.record(tx, &actor)?;
        }
        audit::note(
            tx,
            &actor,
            RecordKind::Query,
            &target,
            Action::ReadOut,
            &changes,
        )
    })
}

/// Rows to standard output in CSV or JSON from which a query is recorded in the audit log (a
/// file is recorded whatever its size).
const RECORDED_ROWS: u64 = 100;

/// Passes rows on until the limit, then reads one more only to learn that there are more.
struct Limited<'w> {
    inner: Box<dyn rows::Rows + 'w>,
    limit: Option<u64>,
    rows: u64,
    more: bool,
    /// A clerk is watching: show each row at once rather than when the buffer fills.
    every_row: bool,
    flushed: Instant,
}

impl RowSink for Limited<'_> {
    fn columns(&mut self, names: &[String]) -> Result<()> {
        self.inner.columns(names)
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> Result<bool> {
        if self.limit.is_some_and(|limit| self.rows >= limit) {
            self.more = true;
            return Ok(false);
        }
        self.inner.row(values)?;
        self.rows += 1;
        // Buffered for speed, but a slow query still shows its rows as they come.
        if self.every_row || self.flushed.elapsed() > Duration::from_millis(100) {
            self.inner.flush()?;
            self.flushed = Instant::now();
        }
        Ok(true)
    }
}
