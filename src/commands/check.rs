//! `check`: where the database is, its schema version, integrity, foreign keys, record counts and
//! the audit log's hash chain; and `backup`, a consistent copy of the whole database.

use anyhow::Result;

use crate::context::Ctx;
use crate::db;
use crate::db::audit_chain::{self, Verdict};
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::t;
use clap::Args;

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Also require this earlier audit head (an export manifest's "audit_head") to be in the
    /// audit log's chain
    #[arg(long, value_name = "HASH")]
    pub head: Option<String>,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "check",
    &[
        ex(
            "Periksa basis data yang biasa dipakai",
            "Check the usual database",
            "pmi-desk check",
        ),
        ex(
            "Periksa berkas lain, hasil sebagai JSON",
            "Check another file, as JSON",
            "pmi-desk --db salinan.db check --format json",
        ),
    ],
)];

impl crate::commands::Run for CheckArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "check"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, args: CheckArgs) -> Result<()> {
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
        rows: health_rows(store.path(), &health),
    };
    records.rows.extend(chain_rows(&chain, known.as_deref()));
    let (record_rows, mut problems) = integrity_rows(store.conn())?;
    records.rows.extend(record_rows);
    if let Some(stored_records) = records_without_log(&health) {
        problems.insert(0, t!(Msg::AuditLogEmpty, stored_records));
    }
    records.rows.extend(site_rows(store.conn())?);
    let left = leftovers(store.conn(), store.path())?;
    records.rows.push(vec![
        Cell::text("leftovers"),
        Cell::number(left.len() as i64),
    ]);
    records
        .rows
        .push(vec![Cell::text("access"), access(ctx, store.path())]);
    // Each line in the clerk's language; CSV and JSON keep the codes.
    for row in &mut records.rows {
        row[0] = item(row[0].value.as_str().unwrap_or_default());
    }
    records.print(ctx.format, &mut std::io::stdout().lock())?;
    if !left.is_empty() {
        let shown: Vec<String> = left.iter().map(|p| p.display().to_string()).collect();
        ctx.warn(&t!(Msg::CheckLeftoversHint, shown.join(" ")));
    }
    if !integrity_ok || health.foreign_key_problems > 0 {
        return Err(refused(t!(Msg::CheckFailed)));
    }
    // The sentence names the first bad entry (or the missing head); the table above only its place.
    chain_outcome?;
    match problems.is_empty() {
        true => Ok(()),
        false => Err(refused(problems.join("; "))),
    }
}

/// Where the database is, its schema version, integrity, foreign keys, and the rows of each table.
fn health_rows(path: &std::path::Path, health: &db::Health) -> Vec<Vec<Cell>> {
    let mut rows = vec![
        vec![
            Cell::text("database"),
            Cell::text(path.display().to_string()),
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
    ];
    for (table, count) in &health.counts {
        rows.push(vec![Cell::text(*table), Cell::number(*count)]);
    }
    rows
}

/// The records stored when the audit log is empty. An emptied log is a chain intact with nothing
/// in it: only the records give it away.
fn records_without_log(health: &db::Health) -> Option<i64> {
    let stored_records: i64 = health
        .counts
        .iter()
        .filter(|(table, _)| *table != "audit_log")
        .map(|(_, n)| n)
        .sum();
    let log_entries = health
        .counts
        .iter()
        .find(|(table, _)| *table == "audit_log")
        .map_or(0, |(_, n)| *n);
    (log_entries == 0 && stored_records > 0).then_some(stored_records)
}

/// This database as a site of the exchange, and what waits from it.
fn site_rows(conn: &rusqlite::Connection) -> Result<Vec<Vec<Cell>>> {
    let own = db::site::own(conn)?;
    Ok(vec![
        vec![Cell::text("site"), Cell::text(own.site.to_string())],
        vec![
            Cell::text("review_items"),
            Cell::number(db::review::count(conn)? as i64),
        ],
        vec![
            Cell::text("holes"),
            Cell::number(db::site::holes(conn)?.len() as i64),
        ],
        vec![
            Cell::text("held_rows"),
            Cell::number(db::merge::pending(conn)?.len() as i64),
        ],
    ])
}

/// Who else may read the file: a warning, not a failure (the office decides who shares it).
fn access(ctx: &Ctx, path: &std::path::Path) -> Cell {
    let open = db::readable_by_others(path);
    match open.is_empty() {
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
    }
}

/// The records against their digests, the schema against the migrations', and the name index
/// against the names: the rows of the report, and what is wrong, in the clerk's words.
fn integrity_rows(conn: &rusqlite::Connection) -> Result<(Vec<Vec<Cell>>, Vec<String>)> {
    let mut problems = Vec::new();
    let verdicts = db::digest::verify_records(conn)?;
    let verified: i64 = verdicts.iter().map(|v| v.verified).sum();
    let uncovered: i64 = verdicts.iter().map(|v| v.uncovered).sum();
    let mut wrong = Vec::new();
    for v in &verdicts {
        let kind = crate::views::record_kind_label(v.kind);
        let more = |count: i64, listed: &[String]| match count as usize > listed.len() {
            true => format!("{} …", listed.join(", ")),
            false => listed.join(", "),
        };
        if v.altered_count > 0 {
            let uids = more(v.altered_count, &v.altered);
            wrong.push(t!(Msg::CheckRecordsAltered, kind, v.altered_count, uids));
        }
        if v.missing_count > 0 {
            let uids = more(v.missing_count, &v.missing);
            wrong.push(t!(Msg::CheckRecordsMissing, kind, v.missing_count, uids));
        }
    }
    let (batches, batch_count) = db::digest::verify_batches(conn)?;
    if batch_count > 0 {
        let list: Vec<String> = batches.iter().map(i64::to_string).collect();
        let list = match batch_count as usize > list.len() {
            true => format!("{} …", list.join(", ")),
            false => list.join(", "),
        };
        wrong.push(t!(Msg::CheckBatchesAltered, batch_count, list));
    }
    let summary = t!(Msg::CheckRecordsSummary, verified, uncovered);
    let state = match wrong.is_empty() {
        true => Cell::code("intact", &summary),
        false => {
            problems.push(t!(Msg::CheckRecordsFailed, wrong.join("; ")));
            Cell::code("altered", &format!("{}; {summary}", wrong.join("; ")))
        }
    };
    let mut rows = vec![vec![Cell::text("records"), state]];
    let drift = db::schema_drift(conn)?;
    let schema = match drift.is_empty() {
        true => Cell::code("intact", &t!(Msg::CheckSchemaIntact)),
        false => {
            let none = || "-".to_string();
            let list = |l: &[String]| match l.is_empty() {
                true => none(),
                false => l.join(", "),
            };
            let text = t!(
                Msg::CheckSchemaDrift,
                list(&drift.missing),
                list(&drift.changed),
                list(&drift.added)
            );
            problems.push(t!(Msg::CheckSchemaFailed, text));
            Cell::code("changed", &text)
        }
    };
    rows.push(vec![Cell::text("schema"), schema]);
    let stale = db::stale_name_index(conn)?;
    let index = match stale {
        0 => Cell::code("in_step", &t!(Msg::CheckNameIndexOk)),
        n => {
            problems.push(t!(Msg::CheckNameIndexStale, n));
            Cell::code("stale", &t!(Msg::CheckNameIndexStale, n))
        }
    };
    rows.push(vec![Cell::text("name_index"), index]);
    Ok((rows, problems))
}

/// What interrupted writes left beside the database and in the folders exports went to.
fn leftovers(
    conn: &rusqlite::Connection,
    db_path: &std::path::Path,
) -> Result<Vec<std::path::PathBuf>> {
    let mut dirs: Vec<std::path::PathBuf> = vec![db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."))
        .to_path_buf()];
    for out in db::audit::export_paths(conn)? {
        let parent = std::path::Path::new(&out)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."))
            .to_path_buf();
        if !dirs.contains(&parent) {
            dirs.push(parent);
        }
    }
    let mut found: Vec<std::path::PathBuf> = dirs
        .iter()
        .flat_map(|d| crate::outfile::leftovers(d, None))
        .collect();
    found.dedup();
    Ok(found)
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
        "leftovers" => t!(Msg::CheckItemLeftovers),
        "access" => t!(Msg::CheckItemAccess),
        "records" => t!(Msg::CheckItemRecords),
        "schema" => t!(Msg::CheckItemSchema),
        "name_index" => t!(Msg::CheckItemNameIndex),
        table => t!(Msg::CheckItemCount, crate::views::table_label(table)),
    };
    Cell::code(code, &label)
}
