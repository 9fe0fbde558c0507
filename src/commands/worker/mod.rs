//! `worker show|find|list|edit`: finding registered workers again and correcting them.

mod edit;
pub(crate) mod merge;

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::lookup;
use crate::context::Ctx;
use crate::db;
use crate::domain::date::parse_date;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::output::{row_limit, Format};
use crate::views;
use crate::{pager, t};
use clap::{Args, Subcommand};

use crate::cli::Limit;
use edit::WorkerEditArgs;

#[derive(Subcommand, Debug)]
pub enum WorkerCommand {
    /// A worker, their placements, documents and cases
    Show {
        /// Registration number, placement uid or NIK
        placement: String,
    },
    /// Find workers by any part of the name (3 letters or more, any case or accents) or the start of the NIK
    Find {
        /// Parts of the name (siti rah), or the first digits of the NIK
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        #[command(flatten)]
        rows: Limit,
    },
    /// List placements
    List(WorkerListArgs),
    /// Correct a person or a placement (audited)
    Edit(Box<WorkerEditArgs>),
    /// Merge two records of one person (registered twice, here or at another office); the merge
    /// travels to every office
    Merge(merge::MergeArgs),
}

#[derive(Args, Debug)]
pub struct WorkerListArgs {
    /// REGISTERED, RECOMMENDED, DEPARTED, RETURNED or CANCELLED
    #[arg(long, value_name = "CODE")]
    pub stage: Option<String>,
    /// G2G, P3MI, UKPS or MANDIRI
    #[arg(long, value_name = "CODE")]
    pub scheme: Option<String>,
    /// Destination country (code or name)
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// Home regency (code or name)
    #[arg(long, value_name = "REGENCY")]
    pub regency: Option<String>,
    /// Registered on or after this date
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Registered on or before this date
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[command(flatten)]
    pub rows: Limit,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "worker",
        &[
            ex(
                "Cari pekerja dengan namanya",
                "Find a worker by name",
                "pmi-desk worker find rahmah",
            ),
            ex(
                "Semua data satu pekerja",
                "Everything about one worker",
                "pmi-desk worker show REG-2023-00002",
            ),
            ex(
                "Yang masih menunggu rekomendasi",
                "Those still waiting for a recommendation",
                "pmi-desk worker list --stage REGISTERED",
            ),
        ],
    ),
    (
        "worker show",
        &[
            ex(
                "Dengan nomor pendaftaran",
                "By registration number",
                "pmi-desk worker show REG-2023-00002",
            ),
            ex(
                "Dengan NIK",
                "By NIK",
                "pmi-desk worker show 1371021508900001",
            ),
        ],
    ),
    (
        "worker find",
        &[
            ex(
                "Bagian-bagian nama, tanpa tanda kutip",
                "Parts of a name, no quotes needed",
                "pmi-desk worker find siti rah",
            ),
            ex(
                "Awal NIK",
                "The start of a NIK",
                "pmi-desk worker find 137102",
            ),
        ],
    ),
    (
        "worker list",
        &[
            ex(
                "Terdaftar melalui P3MI",
                "Registered through a P3MI",
                "pmi-desk worker list --stage REGISTERED --scheme P3MI",
            ),
            ex(
                "Tujuan Malaysia, didaftarkan semester pertama 2023",
                "To Malaysia, registered in the first half of 2023",
                "pmi-desk worker list --country MY --from 2023-01-01 --to 2023-06-30",
            ),
            ex(
                "Dari Kota Padang, sebagai CSV",
                "From Kota Padang, as CSV",
                "pmi-desk worker list --regency \"Kota Padang\" --format csv > padang.csv",
            ),
        ],
    ),
    (
        "worker edit",
        &[
            ex(
                "Perbaiki nomor telepon",
                "Correct the phone number",
                "pmi-desk worker edit REG-2023-00002 --phone 081234567890",
            ),
            ex(
                "Lengkapi alamat dan jabatan",
                "Add the address and the job",
                "pmi-desk worker edit REG-2023-00002 --address \"Jl. Sudirman No. 5, Padang\" --occupation Caregiver",
            ),
            ex(
                "Perbaiki NIK yang salah ketik",
                "Correct a mistyped NIK",
                "pmi-desk worker edit REG-2023-00002 --nik 1371021508900002 --yes",
            ),
        ],
    ),
    (
        "worker merge",
        &[
            ex(
                "Dua pendaftaran satu orang",
                "Two registrations of one person",
                "pmi-desk worker merge BP3MI-SB-REG-2023-00002 AGAM-REG-2023-00017",
            ),
            ex(
                "Tanpa bertanya, dengan alasan",
                "Without asking, with the reason",
                "pmi-desk worker merge REG-2023-00002 REG-2023-00005 --note \"KTP sama\" --yes",
            ),
        ],
    ),
];

impl crate::commands::Run for WorkerCommand {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["worker edit"];

    fn name(&self) -> &'static str {
        match self {
            WorkerCommand::Edit(_) => "worker edit",
            WorkerCommand::Merge(_) => "worker merge",
            _ => "worker",
        }
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, command: WorkerCommand) -> Result<()> {
    match command {
        WorkerCommand::Show { placement } => show(ctx, &placement),
        WorkerCommand::Find { text, rows } => find(ctx, &text.join(" "), rows),
        WorkerCommand::List(args) => list(ctx, args),
        WorkerCommand::Edit(args) => edit::run(ctx, *args),
        WorkerCommand::Merge(args) => merge::run(ctx, args),
    }
}

fn show(ctx: &Ctx, key: &str) -> Result<()> {
    let store = ctx.open_reading()?;
    let (placement, person) = lookup::placement(store.conn(), key)?;
    let all = db::placements::of_person(store.conn(), &person.uid)?;
    let docs = db::documents::of_placement(store.conn(), &placement.uid)?;
    let main = views::person_placement(&person, &placement);
    let history = views::placements_of(&person, all);
    let documents = views::documents(&docs);
    let person_cases: Vec<_> = db::cases::of_person(store.conn(), &person.uid)?
        .into_iter()
        .map(|c| (c, Some(person.full_name.clone())))
        .collect();
    let cases = views::case_list(&person_cases);
    let person_returns: Vec<_> = db::repatriations::of_person(store.conn(), &person.uid)?
        .into_iter()
        .map(|r| (r, Some(person.full_name.clone())))
        .collect();
    let repatriations = views::repatriation_list(&person_returns);
    let out = &mut pager::start(ctx.format);
    match ctx.format {
        Format::Json => {
            let value = json!({
                "record": main.row_json(&main.rows[0]),
                "placements": history.to_json(),
                "documents": documents.to_json(),
                "cases": cases.to_json(),
                "repatriations": repatriations.to_json(),
            });
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)?;
        }
        Format::Csv => main.print_csv(out)?,
        Format::Table => {
            main.print_one(Format::Table, out)?;
            views::section(out, &t!(Msg::SectionPlacements), &history)?;
            views::section(out, &t!(Msg::SectionDocuments), &documents)?;
            views::section(out, &t!(Msg::SectionCases), &cases)?;
            views::section(out, &t!(Msg::SectionRepatriations), &repatriations)?;
        }
    }
    Ok(())
}

fn find(ctx: &Ctx, text: &str, limit: Limit) -> Result<()> {
    let store = ctx.open_reading()?;
    let limit = row_limit(ctx.format, limit.limit, limit.all);
    let (persons, total) = db::persons::search_workers(store.conn(), text, limit)?;
    let mut rows = Vec::new();
    for person in persons {
        let latest = db::placements::of_person(store.conn(), &person.uid)?
            .into_iter()
            .next();
        if let Some(p) = latest {
            let nik = person.nik.as_ref().map(|n| n.to_string());
            rows.push((
                p,
                person.full_name.clone(),
                nik,
                person.regency.as_ref().map(|r| r.to_string()),
            ));
        }
    }
    if rows.is_empty() && ctx.format == Format::Table {
        return ctx.say(&t!(Msg::NothingFound, text));
    }
    crate::commands::print_listing(ctx, &views::placement_list(rows.into_iter()), total)
}

fn list(ctx: &Ctx, args: WorkerListArgs) -> Result<()> {
    let store = ctx.open_reading()?;
    let filter = db::placements::Filter {
        stage: args.stage.as_deref().map(str::parse).transpose()?,
        scheme: args.scheme.as_deref().map(str::parse).transpose()?,
        country: args.country.as_deref().map(str::parse).transpose()?,
        regency: args.regency.as_deref().map(str::parse).transpose()?,
        registered_from: args.from.as_deref().map(parse_date).transpose()?,
        registered_to: args.to.as_deref().map(parse_date).transpose()?,
        limit: row_limit(ctx.format, args.rows.limit, args.rows.all),
        oldest_first: args.rows.oldest_first,
    };
    let rows = db::placements::list(store.conn(), &filter)?;
    let total = db::filter::total(rows.len(), filter.limit, || {
        db::placements::count(store.conn(), &filter)
    })?;
    crate::commands::print_listing(
        ctx,
        &views::placement_list(
            rows.into_iter()
                .map(|l| (l.placement, l.full_name, l.nik, l.regency_code)),
        ),
        total,
    )
}
