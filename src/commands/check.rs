//! `check`: where the database is, its schema version, integrity, foreign keys and record counts;
//! and `backup`, a consistent copy of the whole database.

use anyhow::Result;

use crate::context::Ctx;
use crate::db;
use crate::error::refused;
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::t;

pub fn run(ctx: &Ctx) -> Result<()> {
    let store = ctx.open()?;
    let health = db::health(store.conn())?;
    let integrity_ok = health.integrity == ["ok"];
    let mut records = Records {
        columns: vec![
            column("item", t!(Msg::HeadItem)),
            column("value", t!(Msg::HeadValue)),
        ],
        rows: vec![
            vec![
                Cell::text("database"),
                Cell::text(store.path().display().to_string()),
            ],
            vec![
                Cell::text("schema_version"),
                Cell::number(health.schema_version),
            ],
            vec![
                Cell::text("integrity"),
                Cell::text(health.integrity.join("; ")),
            ],
            vec![
                Cell::text("foreign_key_problems"),
                Cell::number(health.foreign_key_problems),
            ],
        ],
    };
    for (table, count) in &health.counts {
        records
            .rows
            .push(vec![Cell::text(*table), Cell::number(*count)]);
    }
    // Each line in the clerk's language; CSV and JSON keep the codes.
    for row in &mut records.rows {
        row[0] = item(row[0].value.as_str().unwrap_or_default());
    }
    records.print(ctx.format, &mut std::io::stdout().lock())?;
    if !integrity_ok || health.foreign_key_problems > 0 {
        return Err(refused(t!(Msg::CheckFailed)));
    }
    Ok(())
}

/// A line of the check: its code (CSV and JSON) and what a clerk reads.
fn item(code: &str) -> Cell {
    let label = match code {
        "database" => t!(Msg::CheckItemDatabase),
        "schema_version" => t!(Msg::CheckItemSchemaVersion),
        "integrity" => t!(Msg::CheckItemIntegrity),
        "foreign_key_problems" => t!(Msg::CheckItemForeignKeys),
        "audit_chain" => t!(Msg::CheckItemAuditChain),
        "audit_head" => t!(Msg::CheckItemAuditHead),
        table => t!(Msg::CheckItemCount, crate::views::table_label(table)),
    };
    Cell::code(code, &label)
}

pub fn backup(ctx: &Ctx, out: &std::path::Path, force: bool) -> Result<()> {
    let store = ctx.open()?;
    match db::found_at(out) {
        db::Found::Nothing => {}
        // Only what pmi-desk made (an earlier backup) is replaced, and only when asked.
        db::Found::Database { .. } if force => {
            std::fs::remove_file(out)
                .map_err(|e| crate::error::storage(t!(Msg::FileCreateFailed, out.display(), e)))?;
        }
        db::Found::Database { .. } => return Err(refused(t!(Msg::BackupExists, out.display()))),
        db::Found::NotOurs => return Err(refused(t!(Msg::BackupRefusesFile, out.display()))),
    }
    db::backup(store.conn(), out)?;
    ctx.say(&t!(Msg::BackupDone, out.display()))
}
