//! `config list|get|set`: the office settings, each checked before it is saved and audited.

use std::io::Write;

use anyhow::Result;

use crate::context::Ctx;
use crate::db::{self, audit};
use crate::domain::audit::{Action, RecordKind};
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::settings::{self, SETTINGS};
use crate::t;
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Every setting with its value and meaning
    List,
    /// One setting's value
    Get {
        /// Setting name, e.g. signatory.name (see `config list`)
        key: String,
    },
    /// Change a setting (checked before it is saved)
    Set {
        /// Setting name, e.g. signatory.name (see `config list`)
        key: String,
        /// The new value
        value: String,
    },
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "config",
        &[
            ex(
                "Lihat semua pengaturan",
                "See every setting",
                "pmi-desk config list",
            ),
            ex(
                "Ganti nama penanda tangan surat",
                "Change the name of the letters' signatory",
                "pmi-desk config set signatory.name \"Drs. Ahmad Fauzi\"",
            ),
        ],
    ),
    (
        "config list",
        &[
            ex(
                "Semua pengaturan dengan keterangannya",
                "Every setting with its meaning",
                "pmi-desk config list",
            ),
            ex(
                "Simpan sebagai CSV",
                "Save them as CSV",
                "pmi-desk config list --format csv > pengaturan.csv",
            ),
        ],
    ),
    (
        "config get",
        &[
            ex(
                "Format nomor surat rekomendasi",
                "The letter number template",
                "pmi-desk config get letter.template",
            ),
            ex(
                "Kantor imigrasi tujuan surat",
                "The immigration office letters go to",
                "pmi-desk config get immigration.default",
            ),
        ],
    ),
    (
        "config set",
        &[
            ex(
                "Nama penanda tangan surat",
                "The signatory's name",
                "pmi-desk config set signatory.name \"Drs. Ahmad Fauzi\"",
            ),
            ex(
                "Hari libur, untuk batas 15 hari kerja",
                "Public holidays, for the 15-working-day deadline",
                "pmi-desk config set holidays 2023-12-25,2023-12-26",
            ),
            ex(
                "Masa berlaku rekomendasi paspor (hari)",
                "How long a passport recommendation stays valid (days)",
                "pmi-desk config set recommendation.validity_days 30",
            ),
        ],
    ),
];

impl crate::commands::Run for ConfigCommand {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "config"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, command: ConfigCommand) -> Result<()> {
    let mut store = ctx.open()?;
    match command {
        ConfigCommand::List => {
            let mut records = Records {
                columns: vec![
                    column("key", t!(Msg::HeadKey)),
                    column("value", t!(Msg::HeadValue)),
                    column("meaning", t!(Msg::HeadMeaning)),
                ],
                rows: Vec::new(),
            };
            for setting in SETTINGS {
                let value = settings::value(store.conn(), setting.key)?;
                records.rows.push(vec![
                    Cell::text(setting.key),
                    Cell::text(value),
                    Cell::text(setting.about()),
                ]);
            }
            records.print(ctx.format, &mut std::io::stdout().lock())
        }
        ConfigCommand::Get { key } => {
            let value = settings::value(store.conn(), settings::find(&key)?.key)?;
            writeln!(std::io::stdout().lock(), "{value}")?;
            Ok(())
        }
        ConfigCommand::Set { key, value } => {
            let setting = settings::find(&key)?;
            let value = (setting.check)(&value)?;
            let actor = ctx.actor();
            store.write(|tx| {
                let old = db::settings::get(tx, setting.key)?;
                db::settings::set(tx, setting.key, &value)?;
                audit::note(
                    tx,
                    &actor,
                    RecordKind::Setting,
                    setting.key,
                    Action::Set,
                    &[(setting.key.to_string(), old, Some(value.clone()))],
                )
            })?;
            ctx.say(&t!(Msg::SettingSaved, setting.key, value))
        }
    }
}
