//! `demo`: writes a demo office database to `--db`/`PMI_DESK_DB` (else `pmi-desk-demo.db` here),
//! only into a new file or over an earlier demo (`--force`), never over an office's database, and
//! says what to try next.

use anyhow::Result;

use crate::context::Ctx;
use crate::db::{self, OpenMode, Store};
use crate::demo;
use crate::domain::audit::{Action, RecordKind};
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::progress::Unit;
use crate::t;
use clap::Args;

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Replace an existing demo database
    #[arg(long)]
    pub force: bool,
    /// Multiply the departures, for benchmarks (100 gives about national scale)
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=500), value_name = "N")]
    pub scale: u16,
}

const DEMO_SETTINGS: &[(&str, &str)] = &[
    ("office.code", demo::OFFICE_CODE),
    ("office.name", "BP3MI Sumatera Barat"),
    ("office.province", "13"),
    ("office.city", "Padang"),
    (
        "letterhead.agency",
        "KEMENTERIAN PELINDUNGAN PEKERJA MIGRAN INDONESIA",
    ),
    (
        "letterhead.office",
        "BALAI PELAYANAN PELINDUNGAN PEKERJA MIGRAN INDONESIA SUMATERA BARAT",
    ),
    (
        "letterhead.address",
        "Jl. Contoh Raya No. 1, Padang (alamat demo)",
    ),
    ("letterhead.phone", "Telepon (0751) 000000 (demo)"),
    ("signatory.name", "Nama Kepala Balai (demo)"),
    ("signatory.title", "Kepala Balai"),
    ("signatory.nip", "197001012000031001"),
];

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "demo",
    &[
        ex(
            "Buat basis data contoh",
            "Write the demo database",
            "pmi-desk demo",
        ),
        ex(
            "Buat ulang di berkas tertentu",
            "Write it again to a chosen file",
            "pmi-desk demo --db latihan.db --force",
        ),
        ex(
            "Data sebesar skala nasional, untuk uji kecepatan",
            "National-scale data, for speed tests",
            "pmi-desk demo --db besar.db --scale 100",
        ),
    ],
)];

impl crate::commands::Run for DemoArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "demo"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, args: DemoArgs) -> Result<()> {
    // `--db` / `PMI_DESK_DB` like every command; else a demo file here, never the office's default.
    let path = if ctx.db_chosen() {
        ctx.db_path.clone()
    } else {
        std::path::PathBuf::from("pmi-desk-demo.db")
    };
    match db::found_at(&path) {
        db::Found::Nothing => {}
        db::Found::Database { demo: true, .. } if args.force => {
            for suffix in ["", "-wal", "-shm"] {
                let file = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
                if file.exists() {
                    std::fs::remove_file(&file).map_err(|e| {
                        crate::error::storage(t!(Msg::FileCreateFailed, file.display(), e))
                    })?;
                }
            }
        }
        db::Found::Database { demo: true, .. } => {
            return Err(refused(t!(Msg::DemoExists, path.display())))
        }
        // Whatever else is there was not made by `demo`: it is never replaced, even with --force.
        db::Found::Database {
            office, persons, ..
        } => {
            let (code, name) = office.unwrap_or_default();
            return Err(refused(t!(
                Msg::DemoRefusesOffice,
                path.display(),
                name,
                code,
                persons
            )));
        }
        db::Found::NotOurs => return Err(refused(t!(Msg::DemoRefusesFile, path.display()))),
    }
    let mut store = Store::open(&path, OpenMode::Create)?;
    let actor = ctx.actor();
    let summary = store.write(|tx| {
        for (key, value) in DEMO_SETTINGS {
            db::settings::set(tx, key, value)?;
        }
        db::settings::set(tx, db::DEMO_MARK, "1")?;
        let progress = ctx.progress(Unit::Rows, 0, &t!(Msg::ProgressDemo));
        let summary = demo::populate(tx, ctx.clock.today, args.scale as usize, &progress)?;
        db::audit::note(
            tx,
            &actor,
            RecordKind::Database,
            "demo",
            Action::Create,
            &[],
        )?;
        Ok(summary)
    })?;
    ctx.say(&t!(
        Msg::DemoDone,
        path.display(),
        summary.persons,
        summary.placements,
        summary.documents,
        summary.recommendations,
        summary.cases,
        summary.repatriations
    ))?;
    ctx.say(&t!(
        Msg::DemoNext,
        path.display(),
        path.display(),
        path.display(),
        path.display()
    ))
}
