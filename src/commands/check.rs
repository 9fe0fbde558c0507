//! `check`: where the database is, its schema version, integrity, foreign keys, record counts and
//! the audit log's hash chain; and `backup`, a consistent copy of the whole database.

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::context::Ctx;
use crate::db;
use crate::db::audit_chain::{self, Verdict};
use crate::error::refused;
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::progress::Unit;
use crate::t;

pub fn run(ctx: &Ctx, args: CheckArgs) -> Result<()> {
    let known = args
        .head
        .as_deref()
        .map(super::log::known_head)
        .transpose()?;
    let store = ctx.open()?;
    let health = db::health(store.conn())?;
    let integrity_ok = health.integrity == ["ok"];
    let chain = audit_chain::verify(store.conn(), known.as_deref())?;
    let chain_outcome = super::log::judge(&chain, known.as_deref());
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
    records.rows.extend(chain_rows(&chain, known.as_deref()));
    // This database as a site of the exchange, and what waits from it.
    let own = db::site::own(store.conn())?;
    records
        .rows
        .push(vec![Cell::text("site"), Cell::text(own.site.to_string())]);
    records.rows.push(vec![
        Cell::text("review_items"),
        Cell::number(db::review::count(store.conn())? as i64),
    ]);
    records.rows.push(vec![
        Cell::text("holes"),
        Cell::number(db::site::holes(store.conn())?.len() as i64),
    ]);
    records.rows.push(vec![
        Cell::text("held_rows"),
        Cell::number(db::merge::pending(store.conn())?.len() as i64),
    ]);
    // Who else may read the file: a warning, not a failure (the office decides who shares it).
    let open = db::readable_by_others(store.path());
    let access = match open.is_empty() {
        true => Cell::code("private", &t!(Msg::CheckAccessPrivate)),
        false => {
            let listed: Vec<String> = open
                .iter()
                .map(|(path, mode)| format!("{} {mode:04o}", path.display()))
                .collect();
            let text = t!(Msg::CheckAccessOpen, listed.join(", "));
            ctx.warn(&text);
            Cell::code("readable_by_others", &text)
        }
    };
    records.rows.push(vec![Cell::text("access"), access]);
    // Each line in the clerk's language; CSV and JSON keep the codes.
    for row in &mut records.rows {
        row[0] = item(row[0].value.as_str().unwrap_or_default());
    }
    records.print(ctx.format, &mut std::io::stdout().lock())?;
    if !integrity_ok || health.foreign_key_problems > 0 {
        return Err(refused(t!(Msg::CheckFailed)));
    }
    // The sentence names the first bad entry (or the missing head); the table above only its place.
    chain_outcome.map(|_| ())
}

/// The audit chain's place in the report: its state, its head, and a kept head if one was given.
fn chain_rows(chain: &Verdict, known: Option<&str>) -> Vec<Vec<Cell>> {
    let state = match &chain.broken {
        None => Cell::code("intact", &t!(Msg::AuditChainIntactShort, chain.entries)),
        Some(b) => Cell::code("broken", &t!(Msg::AuditChainBrokenShort, b.id, b.at)),
    };
    let mut rows = vec![
        vec![Cell::text("audit_chain"), state],
        vec![Cell::text("audit_head"), Cell::opt(chain.head.clone())],
    ];
    if let (Some(known), None) = (known, &chain.broken) {
        let found = match &chain.known {
            Some((id, at)) => t!(Msg::AuditKnownHeadFound, known, id, at),
            None => t!(Msg::AuditKnownHeadMissing, known),
        };
        rows.push(vec![Cell::text("audit_known_head"), Cell::text(found)]);
    }
    rows
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
        "site" => t!(Msg::CheckItemSite),
        "review_items" => t!(Msg::CheckItemReview),
        "holes" => t!(Msg::CheckItemHoles),
        "held_rows" => t!(Msg::CheckItemHeld),
        "access" => t!(Msg::CheckItemAccess),
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
    // The copy's size, as it grows, against the database's pages in use (what VACUUM INTO
    // writes): the only measure of its progress SQLite gives.
    let bar = ctx.progress(
        Unit::Bytes,
        db::bytes_in_use(store.conn())?,
        &t!(Msg::ProgressBackup),
    );
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        if bar.visible() {
            scope.spawn(|| {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    if let Ok(meta) = std::fs::metadata(out) {
                        bar.at(meta.len());
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
            });
        }
        let copied = db::backup(store.conn(), out);
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        copied
    })?;
    bar.finish();
    ctx.say(&t!(Msg::BackupDone, out.display()))
}
