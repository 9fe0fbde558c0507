//! `docs add|list|check`: documents checked for a placement, against the scheme's checklist;
//! `docs verify|edit|remove` are in `fix`, the questions of `docs add` in `ask`.

mod ask;
mod fix;

use crate::i18n::Label;
use std::io::Write;

use anyhow::Result;

use super::form::given;
use super::lookup;

use crate::context::{new_uid, Ctx};
use crate::db::{self, records};
use crate::domain::date::parse_date;
use crate::domain::document::{ktp_differs, Document, ItemState};
use crate::domain::rules;
use crate::domain::text;
use crate::domain::CodeList;
use crate::help::examples::{ex, Examples};
use crate::i18n::{lang, Msg};
use crate::output::{column, Cell, Records};
use crate::settings;
use crate::views;
use crate::{pager, t};
use clap::{Args, Subcommand};

pub(crate) use fix::{DocsEditArgs, DocsKindArgs, DocsRemoveArgs};

#[derive(Subcommand, Debug)]
pub enum DocsCommand {
    /// Record a document checked for a placement
    Add(DocsAddArgs),
    /// The documents of a placement
    List {
        /// Registration number, placement uid or NIK
        placement: String,
    },
    /// What the scheme's checklist still lacks
    Check {
        /// Registration number, placement uid or NIK
        placement: String,
    },
    /// Mark a placement's document verified: the clerk has seen and checked the original
    Verify(DocsKindArgs),
    /// Correct a placement's document: its number, issue or expiry date
    Edit(DocsEditArgs),
    /// Remove a document recorded by mistake: it is kept with the reason and no longer counts
    Remove(DocsRemoveArgs),
}

#[derive(Args, Debug)]
pub struct DocsAddArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// Document kind, e.g. KTP, KK, MEDICAL_CERTIFICATE (see `ref codes "document kind"`)
    #[arg(long, value_name = "CODE", required = true)]
    pub kind: Option<String>,
    /// Document number
    #[arg(long, value_name = "NUMBER")]
    pub number: Option<String>,
    /// Issue date
    #[arg(long, value_name = "DATE")]
    pub issued: Option<String>,
    /// Expiry date
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    /// The clerk has seen and checked the original
    #[arg(long)]
    pub verified: bool,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "docs",
        &[
            ex(
                "Catat KTP yang sudah diperiksa",
                "Record a checked ID card",
                "pmi-desk docs add REG-2023-00002 --kind KTP --verified",
            ),
            ex(
                "Dokumen yang masih kurang",
                "What is still missing",
                "pmi-desk docs check REG-2023-00002",
            ),
            ex(
                "Perbaiki nomor yang salah ketik",
                "Correct a mistyped number",
                "pmi-desk docs edit REG-2023-00002 --kind KTP --number 1371021508900001",
            ),
        ],
    ),
    (
        "docs add",
        &[
            ex(
                "KTP, aslinya sudah dilihat",
                "The ID card, original seen",
                "pmi-desk docs add REG-2023-00002 --kind KTP --verified",
            ),
            ex(
                "Surat keterangan sehat dengan masa berlakunya",
                "The medical certificate with its validity",
                "pmi-desk docs add REG-2023-00002 --kind MEDICAL_CERTIFICATE --number MCU-0912 --issued 01-11-2023 --expires 30-01-2024 --verified",
            ),
            ex(
                "Paspor",
                "The passport",
                "pmi-desk docs add REG-2023-00002 --kind PASSPORT --number C1234567 --issued 15-11-2023 --expires 14-11-2033",
            ),
        ],
    ),
    (
        "docs verify",
        &[
            ex(
                "Tandai KTP sudah diperiksa aslinya",
                "Mark the KTP checked against the original",
                "pmi-desk docs verify REG-2023-00002 --kind KTP",
            ),
            ex(
                "Lewat NIK pekerja",
                "By the worker's NIK",
                "pmi-desk docs verify 1371021508900001 --kind MEDICAL_CERTIFICATE",
            ),
        ],
    ),
    (
        "docs edit",
        &[
            ex(
                "Perbaiki nomor paspor yang salah ketik",
                "Correct a mistyped passport number",
                "pmi-desk docs edit REG-2023-00002 --kind PASSPORT --number C1234567",
            ),
            ex(
                "Perbaiki tanggal dan tandai sudah diverifikasi",
                "Correct the dates and mark it verified",
                "pmi-desk docs edit REG-2023-00002 --kind MEDICAL_CERTIFICATE --issued 01-11-2023 --expires 30-01-2024 --verified",
            ),
            ex(
                "Kosongkan tanggal berlaku",
                "Clear the expiry date",
                "pmi-desk docs edit REG-2023-00002 --kind KTP --expires \"\"",
            ),
        ],
    ),
    (
        "docs remove",
        &[
            ex(
                "Hapus dokumen yang salah dicatat (tetap disimpan)",
                "Remove a document recorded by mistake (it is kept)",
                "pmi-desk docs remove REG-2023-00002 --kind DIPLOMA --reason \"Salah pilih jenis: yang diserahkan akta kelahiran\"",
            ),
            ex(
                "Ganti surat keterangan sehat: hapus yang lama, catat yang baru",
                "Replace a medical certificate: remove the old one, add the new one",
                "pmi-desk docs remove REG-2023-00002 --kind MEDICAL_CERTIFICATE --reason \"Diganti hasil pemeriksaan baru\"",
            ),
        ],
    ),
    (
        "docs list",
        &[
            ex(
                "Dokumen satu penempatan",
                "The documents of a placement",
                "pmi-desk docs list REG-2023-00002",
            ),
            ex(
                "Dengan NIK",
                "By NIK",
                "pmi-desk docs list 1371021508900001",
            ),
        ],
    ),
    (
        "docs check",
        &[
            ex(
                "Yang masih kurang untuk skemanya",
                "What the scheme still needs",
                "pmi-desk docs check REG-2023-00002",
            ),
            ex(
                "Sebagai JSON",
                "As JSON",
                "pmi-desk docs check REG-2023-00002 --format json",
            ),
        ],
    ),
];

impl crate::commands::Run for DocsCommand {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["docs add", "docs verify", "docs remove"];

    fn name(&self) -> &'static str {
        "docs"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, command: DocsCommand) -> Result<()> {
    match command {
        DocsCommand::Add(args) => add(ctx, args),
        DocsCommand::List { placement } => {
            let store = ctx.open_reading()?;
            let (placement, _) = lookup::placement(store.conn(), &placement)?;
            let docs = db::documents::of_placement(store.conn(), &placement.uid)?;
            views::documents(&docs).print(ctx.format, &mut pager::start(ctx.format))
        }
        DocsCommand::Check { placement } => check(ctx, &placement),
        DocsCommand::Verify(args) => fix::verify(ctx, args),
        DocsCommand::Edit(args) => fix::edit(ctx, args),
        DocsCommand::Remove(args) => fix::remove(ctx, args),
    }
}

fn add(ctx: &Ctx, mut args: DocsAddArgs) -> Result<()> {
    ask::ask(ctx, &mut args)?;
    let mut store = ctx.open()?;
    let kind = given(&args.kind).parse()?;
    let number = text::line(args.number.as_deref())?;
    let issued_on = args.issued.as_deref().map(parse_date).transpose()?;
    let expires_on = args.expires.as_deref().map(parse_date).transpose()?;
    let actor = ctx.actor();
    let (document, placement, person) = store.write(|tx| {
        let (placement, person) = lookup::placement(tx, given(&args.placement))?;
        // One document of a kind per placement: a second one is a correction (`docs edit`).
        if let Some(existing) = db::documents::live_of_kind(tx, &placement.uid, kind)? {
            return Err(fix::already_recorded(&placement, &existing).into());
        }
        let now = ctx.clock.timestamp();
        let document = Document {
            uid: new_uid(),
            placement_uid: placement.uid.clone(),
            kind,
            number,
            issued_on,
            expires_on,
            verified_on: args.verified.then_some(ctx.clock.today),
            verified_by: args.verified.then(|| ctx.clerk.clone()),
            created_at: now.clone(),
            updated_at: now,
            removed_on: None,
            removed_reason: None,
            versions: crate::domain::version::Versions::unset(),
        };
        rules::refuse(rules::document(&document, ctx.clock.today))?;
        records::create(tx, &actor, &document)?;
        Ok((document, placement, person))
    })?;
    ctx.say(&t!(
        Msg::DocumentAdded,
        document.kind.label(),
        placement.reference()
    ))?;
    let medical_days = settings::medical_validity_days(store.conn())?;
    if document.expired(ctx.clock.today, medical_days) {
        ctx.warn(&t!(Msg::DocumentExpired, document.kind.label()));
    }
    if let Some(differs) = ktp_differs(&document, person.nik.as_ref()) {
        ctx.warn(&differs.to_string());
    }
    Ok(())
}

fn check(ctx: &Ctx, key: &str) -> Result<()> {
    let store = ctx.open_reading()?;
    let (placement, _) = lookup::placement(store.conn(), key)?;
    let docs = db::documents::of_placement(store.conn(), &placement.uid)?;
    let checklist = settings::checklist_for(store.conn(), placement.scheme)?;
    let medical_days = settings::medical_validity_days(store.conn())?;
    let assessed = checklist.assess(&docs, ctx.clock.today, medical_days);
    // "11 belum ada, 1 belum diverifikasi": each way a document is lacking, with its count.
    let lacking: Vec<String> = [
        (Msg::DocMissing, "MISSING"),
        (Msg::DocUnverified, "UNVERIFIED"),
        (Msg::DocExpired, "EXPIRED"),
    ]
    .into_iter()
    .filter_map(|(word, code)| {
        let count = assessed
            .iter()
            .filter(|(_, s)| state_code(s) == code)
            .count();
        (count > 0).then(|| format!("{count} {}", t!(word)))
    })
    .collect();
    let records = Records {
        columns: vec![
            column("item", t!(Msg::HeadDocument)),
            column("state", t!(Msg::HeadState)),
        ],
        rows: assessed
            .iter()
            .map(|(kinds, state)| {
                let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
                let labels: Vec<&str> = kinds
                    .iter()
                    .map(|k| CodeList::label_in(*k, lang()))
                    .collect();
                let code = state_code(state);
                let label = t!(match state {
                    ItemState::Present(_) => Msg::DocOk,
                    ItemState::Unverified(_) => Msg::DocUnverified,
                    ItemState::Expired(_) => Msg::DocExpired,
                    ItemState::Missing => Msg::DocMissing,
                });
                vec![
                    Cell::code(&codes.join("|"), &labels.join(" / ")),
                    Cell::code(code, &label),
                ]
            })
            .collect(),
    };
    let out = &mut pager::start(ctx.format);
    records.print(ctx.format, out)?;
    if ctx.format == crate::output::Format::Table {
        let summary = if lacking.is_empty() {
            t!(Msg::ChecklistComplete)
        } else {
            t!(Msg::ChecklistLacking, lacking.join(", "), assessed.len())
        };
        writeln!(out, "{summary}")?;
    }
    Ok(())
}

/// A checklist item's state as its code in CSV and JSON.
fn state_code(state: &ItemState) -> &'static str {
    match state {
        ItemState::Present(_) => "OK",
        ItemState::Unverified(_) => "UNVERIFIED",
        ItemState::Expired(_) => "EXPIRED",
        ItemState::Missing => "MISSING",
    }
}
