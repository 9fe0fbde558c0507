//! The schema's history as data: forward-only migrations (`migrations/NNNN_name.sql`, embedded),
//! each with the steps SQL alone cannot take (`upgrade`), applied in order, one `IMMEDIATE`
//! transaction each; and the schema they make, built in memory, that `check` compares a file with.

use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::{Connection, TransactionBehavior};

use super::{audit_chain, busy_or, upgrade, APPLICATION_ID};

/// One migration. Never edit one that has landed: add the next.
pub struct Migration {
    pub name: &'static str,
    pub sql: &'static str,
    /// Run in the migration's transaction before its script (what the script reads).
    pub before: Option<fn(&Connection) -> Result<()>>,
    /// Run in the migration's transaction after its script (what needs the domain's rules).
    pub after: Option<fn(&Connection) -> Result<()>>,
}

macro_rules! migration {
    ($name:literal) => {
        migration!($name, None, None)
    };
    ($name:literal, $before:expr, $after:expr) => {
        Migration {
            name: $name,
            sql: include_str!(concat!("../../migrations/", $name, ".sql")),
            before: $before,
            after: $after,
        }
    };
}

/// Every migration, in order: a database's `user_version` is how many it has applied.
pub const MIGRATIONS: &[Migration] = &[
    migration!("0001_initial"),
    migration!("0002_case_followup"),
    migration!("0003_query_views"),
    migration!("0004_change_sequence"),
    migration!("0005_audit_chain"),
    migration!("0006_document_removal"),
    migration!("0007_interactive_speed", None, Some(upgrade::index_names)),
    migration!(
        "0008_convergence",
        Some(super::site::prepare),
        Some(upgrade::convergence)
    ),
    migration!("0009_record_digest"),
    migration!("0010_import_digests"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

impl Migration {
    /// The hook before, the script, the hook after, on `conn` (inside the caller's transaction).
    fn apply(&self, conn: &Connection) -> Result<()> {
        let name = self.name;
        if let Some(before) = self.before {
            before(conn).with_context(|| format!("migration {name}: before its script"))?;
        }
        conn.execute_batch(self.sql)
            .with_context(|| format!("migration {name}"))?;
        if let Some(after) = self.after {
            after(conn).with_context(|| format!("migration {name}: after its script"))?;
        }
        Ok(())
    }
}

/// Applies the migrations this database lacks, each in its own IMMEDIATE transaction that reads
/// the schema version inside it: two processes opening an older database at once take turns, and
/// the second finds the work done instead of failing on "already exists".
pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    // Tables are rebuilt with their rows (SQLite's way to change a column's rules): foreign keys
    // are off meanwhile, and checked before each migration commits.
    conn.pragma_update(None, "foreign_keys", false)
        .context("turning references off for the migrations")?;
    let result = migrate_all(conn, path);
    conn.pragma_update(None, "foreign_keys", true)
        .context("turning references back on after the migrations")?;
    result
}

fn migrate_all(conn: &mut Connection, path: &Path) -> Result<()> {
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| busy_or(e, path))?;
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .context("reading the schema version")?;
        let Some(migration) = MIGRATIONS.get(version as usize) else {
            return Ok(());
        };
        let name = migration.name;
        migration.apply(&tx)?;
        let checking = || format!("migration {name}: checking the references");
        let broken = {
            let mut stmt = tx
                .prepare("PRAGMA foreign_key_check")
                .with_context(checking)?;
            let rows = stmt.query_map([], |_| Ok(())).with_context(checking)?;
            rows.count()
        };
        if broken > 0 {
            anyhow::bail!("migration {name}: {broken} references broken");
        }
        audit_chain::after_migration(&tx, version + 1)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .and_then(|_| tx.pragma_update(None, "user_version", version + 1))
            .and_then(|_| tx.commit())
            .with_context(|| format!("migration {name}: saving the schema version"))?;
    }
}

/// Builds the whole schema on an empty connection (an in-memory one), the way `migrate` builds it:
/// what `check` compares a file's schema with, and what the tests read the schema from.
pub fn build_schema(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", false)
        .context("turning references off for the migrations")?;
    for migration in MIGRATIONS {
        migration.apply(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Record;
    use crate::exchange::FileKind;

    /// A kind's columns missing from the migrated schema, or stored there under another type.
    fn mismatches<R: Record>(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name, upper(type) FROM pragma_table_info(?1) ORDER BY cid")
            .unwrap();
        let stored: Vec<(String, String)> = stmt
            .query_map([R::TABLE], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut wrong = Vec::new();
        for column in R::columns() {
            let expected = if column.integer { "INTEGER" } else { "TEXT" };
            match stored.iter().find(|(name, _)| name == column.name) {
                None => wrong.push(format!("{}.{}: not in the schema", R::TABLE, column.name)),
                Some((_, ty)) if ty != expected => wrong.push(format!(
                    "{}.{}: {ty} in the schema, {expected} declared",
                    R::TABLE,
                    column.name
                )),
                Some(_) => {}
            }
        }
        wrong
    }

    /// Every column of every record kind's declaration (`record!`) is a column of its table in the
    /// migrated schema, of the type its values are stored as.
    #[test]
    fn every_declared_column_is_in_the_schema() {
        let conn = Connection::open_in_memory().unwrap();
        build_schema(&conn).unwrap();
        let wrong: Vec<String> = FileKind::ALL
            .into_iter()
            .flat_map(|kind| crate::by_kind!(kind, mismatches, &conn))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// A store opened for reading on an older schema is migrated first (a read command on an old
    /// database works as before), and then writes nothing.
    #[test]
    fn a_reading_store_migrates_then_only_reads() {
        use crate::db::{OpenMode, Store};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "foreign_keys", false).unwrap();
            for migration in &MIGRATIONS[..7] {
                migration.apply(&conn).unwrap();
            }
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .unwrap();
            conn.pragma_update(None, "user_version", 7).unwrap();
        }
        let store = Store::open(&path, OpenMode::Reading).unwrap();
        let version: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let write = store
            .conn()
            .execute("INSERT INTO settings (key, value) VALUES ('x', 'y')", []);
        assert!(write.is_err(), "a reading store wrote");
    }
}
