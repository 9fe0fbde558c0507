//! `repatriation list|show`.

use anyhow::Result;

use super::lookup;
use crate::cli::Limit;
use crate::context::Ctx;
use crate::db;
use crate::domain::date::parse_date;
use crate::help::examples::{ex, Examples};
use crate::output::row_limit;
use crate::pager;
use crate::views;
use clap::{Subcommand, ValueEnum};

#[derive(Subcommand, Debug)]
pub enum RepatriationCommand {
    /// Repatriations by category, arrival dates, regency, handed over or not
    List {
        /// TROUBLED, DEPORTED, SICK, DECEASED (JENAZAH), CPMI, FAMILY, MIXED
        #[arg(long, value_name = "CODE")]
        category: Option<String>,
        /// Arrived on or after this date
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Arrived on or before this date
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Home regency (code or name)
        #[arg(long, value_name = "REGENCY")]
        regency: Option<String>,
        /// yes: only handed over; no: only those still waiting
        #[arg(long, value_name = "YES|NO")]
        handed_over: Option<YesNo>,
        #[command(flatten)]
        rows: Limit,
    },
    /// One repatriation
    Show {
        /// Repatriation number or uid
        repatriation: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    #[value(alias = "ya")]
    Yes,
    #[value(alias = "tidak")]
    No,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "repatriation",
        &[
            ex(
                "Yang belum diserahterimakan",
                "Those not yet handed over",
                "pmi-desk repatriation list --handed-over tidak",
            ),
            ex(
                "Satu pemulangan",
                "One repatriation",
                "pmi-desk repatriation show BP3MI-SB-R-2023-0001",
            ),
        ],
    ),
    (
        "repatriation list",
        &[
            ex(
                "Yang belum diserahterimakan",
                "Those not yet handed over",
                "pmi-desk repatriation list --handed-over tidak",
            ),
            ex(
                "Jenazah yang tiba tahun 2023",
                "Remains arrived in 2023",
                "pmi-desk repatriation list --category JENAZAH --from 2023-01-01 --to 2023-12-31",
            ),
            ex(
                "Ke Kabupaten Agam, sebagai CSV",
                "To Kabupaten Agam, as CSV",
                "pmi-desk repatriation list --regency \"Kabupaten Agam\" --format csv",
            ),
        ],
    ),
    (
        "repatriation show",
        &[
            ex(
                "Dengan nomor pemulangan",
                "By repatriation number",
                "pmi-desk repatriation show BP3MI-SB-R-2023-0001",
            ),
            ex(
                "Sebagai JSON",
                "As JSON",
                "pmi-desk repatriation show BP3MI-SB-R-2023-0001 --format json",
            ),
        ],
    ),
];

impl crate::commands::Run for RepatriationCommand {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "repatriation"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, command: RepatriationCommand) -> Result<()> {
    let store = ctx.open_reading()?;
    let conn = store.conn();
    match command {
        RepatriationCommand::List {
            category,
            from,
            to,
            regency,
            handed_over,
            rows,
        } => {
            let filter = db::repatriations::Filter {
                category: category.as_deref().map(str::parse).transpose()?,
                from: from.as_deref().map(parse_date).transpose()?,
                to: to.as_deref().map(parse_date).transpose()?,
                regency: regency.as_deref().map(str::parse).transpose()?,
                handed_over: handed_over.map(|h| h == YesNo::Yes),
                limit: row_limit(ctx.format, rows.limit, rows.all),
                oldest_first: rows.oldest_first,
            };
            let listed = db::repatriations::list(conn, &filter)?;
            let total = db::filter::total(listed.len(), filter.limit, || {
                db::repatriations::count(conn, &filter)
            })?;
            crate::commands::print_listing(ctx, &views::repatriation_list(&listed), total)
        }
        RepatriationCommand::Show { repatriation } => {
            let r = lookup::repatriation(conn, &repatriation)?;
            let person = match &r.person_uid {
                Some(uid) => db::persons::by_uid(conn, uid)?,
                None => None,
            };
            views::repatriation(&r, person.as_ref())
                .print_one(ctx.format, &mut pager::start(ctx.format))
        }
    }
}
