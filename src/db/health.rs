//! What `check` and `backup` need: the schema the migrations make and how a file's differs from
//! it, the name index in step, integrity and reference checks, row counts, the bytes in use, and a
//! consistent private copy of the database.

use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::{Connection, OpenFlags};

use super::files::create_private_file;
use super::{build_schema, BACKUP_MARK};
use crate::error::storage;
use crate::i18n::Msg;
use crate::t;

/// A schema object: its type, name and SQL.
pub type SchemaObject = (String, String, Option<String>);

/// The schema objects (tables, indexes, triggers, views) the migrations make, from a database built
/// in memory the way `migrate` builds one: what `check` compares the file's schema with.
pub fn expected_schema() -> Result<Vec<SchemaObject>> {
    let conn = Connection::open_in_memory().context("opening a database in memory")?;
    build_schema(&conn)?;
    schema_of(&conn)
}

/// The schema objects of a database, by type and name.
pub fn schema_of(conn: &Connection) -> Result<Vec<SchemaObject>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_master
         WHERE type IN ('table', 'index', 'trigger', 'view') ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How a database's schema differs from the migrations': objects missing, changed, or added (by
/// type and name).
#[derive(Debug, Default)]
pub struct SchemaDrift {
    pub missing: Vec<String>,
    pub changed: Vec<String>,
    pub added: Vec<String>,
}

impl SchemaDrift {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.changed.is_empty() && self.added.is_empty()
    }
}

pub fn schema_drift(conn: &Connection) -> Result<SchemaDrift> {
    let expected = expected_schema()?;
    let actual = schema_of(conn)?;
    let label = |(kind, name, _): &SchemaObject| format!("{kind} {name}");
    let mut drift = SchemaDrift::default();
    for object in &expected {
        match actual.iter().find(|a| a.0 == object.0 && a.1 == object.1) {
            None => drift.missing.push(label(object)),
            Some(a) if same_sql(&a.2) != same_sql(&object.2) => drift.changed.push(label(object)),
            Some(_) => {}
        }
    }
    for object in &actual {
        if !expected.iter().any(|e| e.0 == object.0 && e.1 == object.1) {
            drift.added.push(label(object));
        }
    }
    Ok(drift)
}

/// SQL as compared: blanks between words do not matter.
fn same_sql(sql: &Option<String>) -> Option<String> {
    sql.as_ref()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Persons whose search key or name-index entry is not in step with their name (a name changed
/// behind pmi-desk's back): the key is recomputed, and every person must have an entry in the
/// trigram index (whose words cannot be read back: it keeps no copy of them).
pub fn stale_name_index(conn: &Connection) -> Result<i64> {
    let mut stmt = conn.prepare("SELECT full_name, name_key FROM persons ORDER BY rowid")?;
    let mut rows = stmt.query([])?;
    let mut stale = 0;
    while let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        let key: Option<String> = row.get(1)?;
        if key.as_deref() != Some(crate::domain::person::search_key(&name).as_str()) {
            stale += 1;
        }
    }
    let (persons, indexed): (i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM persons), (SELECT count(*) FROM persons_words)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(stale + (persons - indexed).abs())
}

/// A database integrity report, for `check`.
pub struct Health {
    pub schema_version: i64,
    pub integrity: Vec<String>,
    pub foreign_key_problems: i64,
    pub counts: Vec<(&'static str, i64)>,
}

/// The bytes of the database's pages in use (its size without free pages).
pub fn bytes_in_use(conn: &Connection) -> Result<u64> {
    let (pages, free, size): (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT page_count FROM pragma_page_count),
                (SELECT freelist_count FROM pragma_freelist_count),
                (SELECT page_size FROM pragma_page_size)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(((pages - free).max(0) * size) as u64)
}

/// A consistent copy of the database in a new private file (`VACUUM INTO`), marked as a backup
/// written at `marked_at` (so that `backup --force` replaces it, and nothing else, later).
pub fn backup(conn: &Connection, out: &Path, marked_at: &str) -> Result<()> {
    create_private_file(out)?;
    let copied = conn
        .execute("VACUUM INTO ?1", [out.to_string_lossy()])
        .and_then(|_| {
            let copy = Connection::open_with_flags(
                out,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            copy.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [BACKUP_MARK, marked_at],
            )
        });
    if let Err(e) = copied {
        let _ = std::fs::remove_file(out);
        return Err(storage(t!(Msg::FileCreateFailed, out.display(), e)));
    }
    Ok(())
}

pub const TABLES: &[&str] = &[
    "persons",
    "placements",
    "documents",
    "recommendations",
    "cases",
    "case_events",
    "repatriations",
    "audit_log",
];

pub fn health(conn: &Connection) -> Result<Health> {
    let schema_version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let integrity = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let foreign_key_problems = conn
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |_| Ok(()))?
        .count() as i64;
    let mut counts = Vec::new();
    for table in TABLES {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        counts.push((*table, n));
    }
    Ok(Health {
        schema_version,
        integrity,
        foreign_key_problems,
        counts,
    })
}
