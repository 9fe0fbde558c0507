//! `report`: the published statistics for a period, as of a date, optionally compared with an
//! earlier period; to the terminal, or to a file whose extension chooses the format (`.csv`,
//! `.json`, `.txt` for the table, `.xlsx` for a workbook, `.pdf` for the summary).

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use crate::context::Ctx;
use crate::domain::date::parse_date;
use crate::error::usage;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::letter::{self, Paper};
use crate::outfile::{self, OutFormat, OutKind, Output};
use crate::output::Format;
use crate::report::period::{Period, PeriodArgs};
use crate::report::{self, summary, Kind};
use crate::settings;
use crate::t;
use crate::xlsx::Book;
use clap::Args;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// What to count
    #[arg(value_enum)]
    pub kind: Kind,
    /// First day of the period (inclusive)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the period (inclusive) [default: today]
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// A calendar year, e.g. 2023
    #[arg(long, value_name = "YYYY")]
    pub year: Option<String>,
    /// A month, e.g. 2023-11 or 11-2023
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,
    /// From 1 January to today (the default period)
    #[arg(long)]
    pub ytd: bool,
    /// Dimensions, e.g. scheme or country,sex (see `report KIND --help` in docs/reports.md)
    #[arg(long, value_delimiter = ',', value_name = "DIMS")]
    pub by: Vec<String>,
    /// The date the figures are as of: what is open, what was handed over [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Add the earlier figure and the change
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub compare: Option<report::Compare>,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Replace a report pmi-desk wrote to that file before (never any other file)
    #[arg(long, requires = "out")]
    pub force: bool,
}

/// What `--out` may write.
const FILES: &[OutFormat] = &[
    OutFormat::Csv,
    OutFormat::Json,
    OutFormat::Text,
    OutFormat::Xlsx,
];
const SUMMARY_FILES: &[OutFormat] = &[
    OutFormat::Csv,
    OutFormat::Json,
    OutFormat::Text,
    OutFormat::Xlsx,
    OutFormat::Pdf,
];

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "report",
    &[
        ex(
            "Penempatan tahun 2023 menurut skema",
            "2023's placements by scheme",
            "pmi-desk report placements --year 2023 --by scheme",
        ),
        ex(
            "Pengaduan bulan November menurut kategori, dibanding tahun lalu",
            "November's cases by category, against the year before",
            "pmi-desk report cases --month 2023-11 --by category --compare previous-year",
        ),
        ex(
            "Penempatan menurut negara dan jenis kelamin, sebagai CSV",
            "Placements by country and sex, as CSV",
            "pmi-desk report placements --ytd --by country,sex --format csv --out penempatan.csv",
        ),
        ex(
            "Ringkasan tahunan",
            "The year's summary",
            "pmi-desk report summary --year 2023",
        ),
    ],
)];

impl crate::commands::Run for ReportArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "report"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, args: ReportArgs) -> Result<()> {
    // The file's format, from its extension; refused before anything is computed or written.
    let (file, format) = formats(&args, ctx.format)?;
    let mut store = ctx.open()?;
    store.reading_much()?;
    let mut output = args
        .out
        .as_deref()
        .map(|path| {
            Output::prepare(
                store.conn(),
                &ctx.db_path,
                path,
                OutKind::Report,
                args.force,
            )
        })
        .transpose()?;
    let conn = store.conn();
    let (period, as_of) = period(&args, ctx.clock.today)?;
    let dims = report::dimensions(args.kind, &args.by)?;
    let bytes = if let (Some(OutFormat::Xlsx), Some(path)) = (file, &args.out) {
        // A workbook: the report as a sheet.
        let mut book = Book::new(path, &ctx.clock.timestamp())?;
        if args.kind == Kind::Summary {
            let office = settings::office(conn)?;
            let figures = summary::build_summary(conn, period, as_of, args.compare)?;
            report::write_summary_xlsx(&figures, &office.name, &mut book)?;
        } else {
            let built = report::build(conn, args.kind, &dims, period, as_of, args.compare)?;
            report::write_xlsx(&built, &mut book)?;
        }
        book.into_bytes()?
    } else if args.kind == Kind::Summary {
        summary_bytes(conn, file, format, period, as_of, args.compare)?
    } else {
        report::render(
            &report::build(conn, args.kind, &dims, period, as_of, args.compare)?,
            format,
        )?
    };
    match output.as_mut() {
        None => crate::pager::start(ctx.format).write_all(&bytes)?,
        Some(output) => {
            // Written aside, recorded (which report, to which file), then put in place.
            output.write(&bytes)?;
            let actor = ctx.actor();
            store.write(|tx| output.record(tx, &actor))?;
        }
    }
    if let Some(output) = output {
        let path = output.path().to_path_buf();
        output.place()?;
        ctx.say(&t!(Msg::ReportWritten, path.display()))?;
    }
    Ok(())
}

/// The file's format, from the extension of `--out` (none without it), and the format the report
/// is rendered in: the run's, or the file's.
fn formats(args: &ReportArgs, run_format: Format) -> Result<(Option<OutFormat>, Format)> {
    let file = match &args.out {
        None => None,
        Some(path) => {
            let (allowed, command) = match args.kind {
                Kind::Summary => (SUMMARY_FILES, "report summary"),
                _ => (FILES, "report"),
            };
            Some(outfile::choose(path, allowed, command)?)
        }
    };
    let format = match file {
        None => run_format,
        Some(OutFormat::Csv) => Format::Csv,
        Some(OutFormat::Json) => Format::Json,
        Some(OutFormat::Text | OutFormat::Pdf | OutFormat::Xlsx) => Format::Table,
        Some(other @ (OutFormat::Html | OutFormat::Database)) => {
            return Err(usage(t!(
                Msg::OutExtensionUnknown,
                format!(".{}", other.extension()),
                "report",
                ".csv, .json, .txt, .xlsx"
            )))
        }
    };
    Ok((file, format))
}

/// The period the report counts and the date it is as of (`--as-of`, else today).
fn period(args: &ReportArgs, today: NaiveDate) -> Result<(Period, NaiveDate)> {
    let as_of = args
        .as_of
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(today);
    let period = Period::from_args(
        &PeriodArgs {
            from: args.from.as_deref(),
            to: args.to.as_deref(),
            year: args.year.as_deref(),
            month: args.month.as_deref(),
            ytd: args.ytd,
        },
        as_of,
    )?;
    Ok((period, as_of))
}

/// The summary as a PDF document or rendered in `format`.
fn summary_bytes(
    conn: &Connection,
    file: Option<OutFormat>,
    format: Format,
    period: Period,
    as_of: NaiveDate,
    compare: Option<report::Compare>,
) -> Result<Vec<u8>> {
    let office = settings::office(conn)?;
    let figures = summary::build_summary(conn, period, as_of, compare)?;
    if file == Some(OutFormat::Pdf) {
        let paper = Paper::load(conn, true)?;
        letter::pdf(&report::summary_document(
            &figures,
            &office.name,
            paper.letterhead,
        ))
    } else {
        report::render_summary(&figures, &office.name, format)
    }
}
