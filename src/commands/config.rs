//! `config list|get|set`: the office settings, each checked before it is saved and audited.

use std::io::Write;

use anyhow::Result;

use crate::cli::ConfigCommand;
use crate::context::Ctx;
use crate::db::{self, audit};
use crate::domain::audit::{Action, RecordKind};
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::settings::{self, SETTINGS};
use crate::t;

pub fn run(ctx: &Ctx, command: ConfigCommand) -> Result<()> {
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
