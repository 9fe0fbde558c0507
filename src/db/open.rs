//! Opening a database file: refusing a name SQLite would not keep in a file, a file that is not a
//! pmi-desk database or comes from a newer pmi-desk; the pragmas of every connection and of the
//! bulk load; migrating an older schema (`migrate`) and keeping the reference tables in step;
//! waiting for another clerk's lock, saying so. Also what is at a path, told without changing it.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::files::{create_private_file, make_private};
use super::{migrate, Store, SCHEMA_VERSION};
use crate::error::storage;
use crate::i18n::Msg;
use crate::t;

/// `PRAGMA application_id` of every pmi-desk database ("PMID").
pub(super) const APPLICATION_ID: i64 = 0x504D_4944;

/// How long a command waits for another clerk's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// SQLite's wait for a lock held by another clerk, as `busy_timeout` would do it, but saying so at
/// once on standard error: ten seconds of silence look like a hang.
fn wait_for_other_clerk() -> impl FnMut(i32) -> bool + Send + 'static {
    let mut started = None;
    move |attempt| {
        if attempt == 0 {
            started = Some(std::time::Instant::now());
            eprintln!("{}", t!(Msg::DbWaiting, BUSY_TIMEOUT.as_secs()));
        }
        if started.is_some_and(|s| s.elapsed() >= BUSY_TIMEOUT) {
            return false;
        }
        let pause = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50];
        let ms = pause.get(attempt as usize).copied().unwrap_or(100);
        std::thread::sleep(Duration::from_millis(ms));
        true
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file if it does not exist (init, demo).
    Create,
    /// The file must exist already.
    Existing,
    /// The file must exist, and nothing may be written (query): opened read-only, so an older
    /// schema is refused with the advice to open it once with another command.
    ReadOnly,
    /// The file must exist; an older schema is migrated first, as by every command, then the
    /// connection only reads (`PRAGMA query_only`): the listing and showing commands.
    Reading,
}

/// Refuses a database name SQLite would not keep in a file (`:memory:`, an empty name, a
/// `file:` URI): `init` would say the office is ready and nothing would be saved.
fn refuse_unsaved(path: &Path) -> Result<()> {
    let name = path.to_string_lossy();
    let uri = name
        .get(..5)
        .is_some_and(|lead| lead.eq_ignore_ascii_case("file:"));
    if name.trim().is_empty() || name.starts_with(':') || uri {
        return Err(crate::error::usage(t!(Msg::DbNotAFile, name)));
    }
    Ok(())
}

impl Store {
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        refuse_unsaved(path)?;
        if !path.exists() {
            if mode != OpenMode::Create {
                return Err(storage(t!(Msg::DbMissing, path.display())));
            }
            // Two clerks opening a new database at once: the second finds it made, which is fine.
            if let Err(e) = create_private_file(path) {
                if !path.exists() {
                    return Err(e);
                }
            }
        }
        let flags = match mode {
            OpenMode::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
            _ => OpenFlags::SQLITE_OPEN_READ_WRITE,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)
            .map_err(|e| storage(t!(Msg::DbUnreadable, path.display(), e)))?;
        conn.busy_handler(Some(wait_for_other_clerk()))?;
        let not_ours = || storage(t!(Msg::DbNotOurs, path.display()));
        // The header read in one statement, so one snapshot: another clerk's first open may be
        // committing the first migration meanwhile, and a mix of before and after would look
        // like a foreign file.
        let header = conn.query_row(
            "SELECT (SELECT application_id FROM pragma_application_id),
                    (SELECT user_version FROM pragma_user_version),
                    (SELECT count(*) FROM sqlite_master)",
            [],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            },
        );
        let (application_id, version, tables) = match header {
            Ok(header) => header,
            Err(e) if is_busy(&e) => return Err(busy_or(e, path)),
            Err(_) => return Err(not_ours()),
        };
        if application_id != APPLICATION_ID && (tables > 0 || version != 0) {
            return Err(not_ours());
        }
        // A file pmi-desk makes a database (an empty one someone made, readable by everyone):
        // private from now on, like the files pmi-desk creates itself.
        if mode != OpenMode::ReadOnly && version == 0 && tables == 0 {
            make_private(path)?;
        }
        if version > SCHEMA_VERSION {
            return Err(storage(t!(
                Msg::DbTooNew,
                path.display(),
                version,
                SCHEMA_VERSION
            )));
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        // Statement journals and temporary indexes in memory, not in temporary files.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.set_prepared_statement_cache_capacity(64);
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        match mode {
            OpenMode::ReadOnly => {
                if version < SCHEMA_VERSION {
                    return Err(storage(t!(Msg::DbNeedsUpgrade, path.display())));
                }
                store.conn.pragma_update(None, "query_only", true)?;
            }
            _ => {
                store.use_wal()?;
                store.conn.pragma_update(None, "synchronous", "NORMAL")?;
                if version < SCHEMA_VERSION {
                    migrate::migrate(&mut store.conn, path)?;
                }
                store.refresh_reference()?;
                if mode == OpenMode::Reading {
                    store
                        .conn
                        .pragma_update(None, "query_only", true)
                        .context("making the connection read only")?;
                }
            }
        }
        Ok(store)
    }

    /// For a command that reads much of a large database (a report): pages are read through a
    /// memory map instead of one system call each (a fifth faster on a million placements). Not
    /// for every command: a short lookup pays more to set the map up than it saves.
    pub fn reading_much(&self) -> Result<()> {
        self.conn.pragma_update(None, "mmap_size", 1i64 << 30)?;
        Ok(())
    }

    /// Switches a new database to WAL. The switch needs the file to itself, and SQLite does
    /// not wait for that (its busy handler is skipped where waiting could deadlock), so it is
    /// tried again while another clerk's first open holds the file, up to the usual wait.
    fn use_wal(&mut self) -> Result<()> {
        let started = std::time::Instant::now();
        loop {
            let switched = self
                .conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()));
            match switched {
                Ok(()) => return Ok(()),
                Err(e) if is_busy(&e) && started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(busy_or(e, &self.path)),
            }
        }
    }

    /// Keeps the reference tables behind the query views in step with the embedded lists.
    fn refresh_reference(&mut self) -> Result<()> {
        let r = crate::reference::reference();
        let lists = crate::domain::codes::all_lists();
        let labels: i64 = lists.iter().map(|l| l.entries.len() as i64).sum();
        let current = |conn: &Connection| -> Result<bool> {
            let stored = |table: &str| -> Result<i64> {
                Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |x| x.get(0))?)
            };
            Ok(stored("ref_labels")? == labels
                && stored("ref_regencies")? == r.regencies.len() as i64
                && stored("ref_countries")? == r.countries.len() as i64)
        };
        if current(&self.conn)? {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| busy_or(e, &self.path))?;
        // Another process may have refreshed them while this one waited.
        if current(&tx)? {
            return Ok(());
        }
        tx.execute_batch(
            "DELETE FROM ref_labels; DELETE FROM ref_regencies; DELETE FROM ref_countries;",
        )?;
        for list in &lists {
            for (code, id, en) in &list.entries {
                tx.execute(
                    "INSERT INTO ref_labels VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![list.list, code, id, en],
                )?;
            }
        }
        for g in &r.regencies {
            tx.execute(
                "INSERT INTO ref_regencies VALUES (?1, ?2, ?3)",
                rusqlite::params![g.code, g.province_code, g.name],
            )?;
        }
        for c in &r.countries {
            tx.execute(
                "INSERT INTO ref_countries VALUES (?1, ?2, ?3)",
                rusqlite::params![c.alpha2, c.name_id, c.name_en],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// For a bulk load while no one else has the database open: the rollback journal instead of
    /// the write-ahead log, so that each page is written once rather than to the log and again at
    /// the checkpoint. Returns whether it switched (another connection keeps the log). A crash
    /// meanwhile is recovered from the rollback journal as always; every open sets the log again.
    /// The rollback journal is synced in full (`synchronous = FULL`): with it, `NORMAL` could lose
    /// the database to a power cut at the wrong moment.
    pub fn bulk_mode(&self) -> Result<bool> {
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
            .unwrap_or_else(|_| "wal".into());
        let switched = mode.eq_ignore_ascii_case("delete");
        if switched {
            self.conn.pragma_update(None, "synchronous", "FULL")?;
        }
        Ok(switched)
    }

    /// Back to the write-ahead log after `bulk_mode`.
    pub fn shared_mode(&self) -> Result<()> {
        self.conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    /// A larger page cache for one long piece of work (an import), so that fewer pages are written
    /// out to the log before the transaction commits.
    pub fn cache_mib(&self, mib: i64) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -mib * 1024)?;
        Ok(())
    }
}

pub(super) fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked)
    )
}

pub(super) fn busy_or(error: rusqlite::Error, path: &Path) -> anyhow::Error {
    if is_busy(&error) {
        storage(t!(Msg::DbBusy, path.display(), BUSY_TIMEOUT.as_secs()))
    } else {
        error.into()
    }
}

/// What is at a path, told without changing it: for the commands that replace or refuse a file.
#[derive(Debug, PartialEq)]
pub enum Found {
    Nothing,
    /// A file that is not a pmi-desk database.
    NotOurs,
    /// A pmi-desk database: its office (if set up), whether `demo` made it, how many persons.
    Database {
        office: Option<(String, String)>,
        demo: bool,
        /// Where `backup` wrote it, when it is a backup (`BACKUP_MARK`).
        backup_at: Option<String>,
        persons: i64,
    },
}

/// The setting that marks a database `demo` wrote (not an office's real records).
pub const DEMO_MARK: &str = "database.demo";
/// The setting that marks a copy `backup` wrote: the canonical path it was written to.
pub const BACKUP_MARK: &str = "database.backup_at";

pub fn found_at(path: &Path) -> Found {
    if std::fs::symlink_metadata(path).is_err() {
        return Found::Nothing;
    }
    let Ok(conn) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return Found::NotOurs;
    };
    let id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap_or(0);
    if id != APPLICATION_ID {
        return Found::NotOurs;
    }
    let setting = |key: &str| -> Option<String> {
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .ok()
    };
    let office =
        setting("office.code").map(|code| (code, setting("office.name").unwrap_or_default()));
    let demo = setting(DEMO_MARK).as_deref() == Some("1");
    let backup_at = setting(BACKUP_MARK);
    let persons = conn
        .query_row("SELECT count(*) FROM persons", [], |r| r.get(0))
        .unwrap_or(0);
    Found::Database {
        office,
        demo,
        backup_at,
        persons,
    }
}
