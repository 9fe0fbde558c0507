//! Opening the database file: creating it private to the user, refusing files that are not ours or
//! come from a newer pmi-desk, pragmas, forward-only migrations, and the one-transaction-per-command
//! rule. Every SQL statement of the program lives in this module's children, by table.

pub mod audit;
pub mod audit_chain;
pub mod cases;
pub mod clash;

pub mod counters;
pub mod digest;
pub mod documents;
pub mod filter;
pub mod kept;
pub mod merge;
pub mod numbers;
pub mod persons;
pub mod placements;
pub mod query;
#[cfg(test)]
mod query_plans;
pub mod recommendations;
pub mod records;
pub mod repatriations;
pub mod review;
pub mod sync;

pub mod settings;
pub mod site;
pub mod stats;
mod upgrade;

use std::cell::Cell;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::storage;
use crate::i18n::Msg;
use crate::t;

/// `PRAGMA application_id` of every pmi-desk database ("PMID").
const APPLICATION_ID: i64 = 0x504D_4944;

/// Forward-only migrations, applied in order, one transaction each. Never edit one that has landed.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../../migrations/0001_initial.sql"),
    ),
    (
        "0002_case_followup",
        include_str!("../../migrations/0002_case_followup.sql"),
    ),
    (
        "0003_query_views",
        include_str!("../../migrations/0003_query_views.sql"),
    ),
    (
        "0004_change_sequence",
        include_str!("../../migrations/0004_change_sequence.sql"),
    ),
    (
        "0005_audit_chain",
        include_str!("../../migrations/0005_audit_chain.sql"),
    ),
    (
        "0006_document_removal",
        include_str!("../../migrations/0006_document_removal.sql"),
    ),
    (
        "0007_interactive_speed",
        include_str!("../../migrations/0007_interactive_speed.sql"),
    ),
    (
        "0008_convergence",
        include_str!("../../migrations/0008_convergence.sql"),
    ),
    (
        "0009_record_digest",
        include_str!("../../migrations/0009_record_digest.sql"),
    ),
    (
        "0010_import_digests",
        include_str!("../../migrations/0010_import_digests.sql"),
    ),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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
    /// The file must exist, and nothing may be written (query).
    ReadOnly,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Creates an empty file readable and writable by its owner only.
pub fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map_err(|e| storage(t!(Msg::FileCreateFailed, path.display(), e)))?;
    Ok(())
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

/// Makes a file readable and writable by its owner only.
fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let private = std::fs::Permissions::from_mode(0o600);
        std::fs::set_permissions(path, private)
            .map_err(|e| storage(t!(Msg::FileCreateFailed, path.display(), e)))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Who besides the owner may read the database: the file, its write-ahead log and the folder it
/// is in, each with its mode (`0644`), for `check`.
pub fn readable_by_others(path: &Path) -> Vec<(PathBuf, u32)> {
    let mut open = Vec::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        // The folder by its whole name: "." tells the clerk nothing.
        let folder = match path.parent() {
            Some(p) if p.as_os_str().is_empty() => PathBuf::from("."),
            Some(p) => p.to_path_buf(),
            None => PathBuf::from("."),
        };
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        for candidate in [path.to_path_buf(), PathBuf::from(wal), folder] {
            if let Ok(meta) = std::fs::metadata(&candidate) {
                let mode = meta.permissions().mode() & 0o777;
                // Read for files; read or enter for the folder (listing it shows the names).
                if mode & 0o044 != 0 {
                    open.push((candidate, mode));
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    open
}

/// Writes (or replaces) a file readable by its owner only: letters and reports carry personal data.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let fail = |e: std::io::Error| storage(t!(Msg::FileCreateFailed, path.display(), e));
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    Ok(())
}

/// Creates a folder (and its parents) readable by its owner only.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| storage(t!(Msg::FileCreateFailed, dir.display(), e)))
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
                    store.migrate()?;
                }
                store.refresh_reference()?;
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

    /// Applies the migrations this database lacks, each in its own IMMEDIATE transaction that
    /// reads the schema version inside it: two processes opening an older database at once take
    /// turns, and the second finds the work done instead of failing on "already exists".
    fn migrate(&mut self) -> Result<()> {
        // Tables are rebuilt with their rows (SQLite's way to change a column's rules): foreign
        // keys are off meanwhile, and checked before each migration commits.
        self.conn.pragma_update(None, "foreign_keys", false)?;
        let result = self.migrate_all();
        self.conn.pragma_update(None, "foreign_keys", true)?;
        result
    }

    fn migrate_all(&mut self) -> Result<()> {
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| busy_or(e, &self.path))?;
            let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
            let Some((name, sql)) = MIGRATIONS.get(version as usize) else {
                return Ok(());
            };
            upgrade::before(&tx, name).with_context(|| format!("migration {name}"))?;
            tx.execute_batch(sql)
                .with_context(|| format!("migration {name}"))?;
            upgrade::after(&tx, name).with_context(|| format!("migration {name}"))?;
            let broken = tx
                .prepare("PRAGMA foreign_key_check")?
                .query_map([], |_| Ok(()))?
                .count();
            if broken > 0 {
                anyhow::bail!("migration {name}: {broken} references broken");
            }
            audit_chain::after_migration(&tx, version + 1)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
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

    pub fn path(&self) -> &Path {
        &self.path
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

    /// For reads outside a writing command.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs one writing command in one `IMMEDIATE` transaction: everything or nothing is written.
    /// The work loads, checks and writes inside it, so no other clerk's change can slip between.
    pub fn write<T>(&mut self, work: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.write_if(|tx| work(tx).map(|value| (value, true)))
    }

    /// Like `write`, but `work` decides whether to commit (an import with errors, a dry run: not).
    pub fn write_if<T>(&mut self, work: impl FnOnce(&Tx) -> Result<(T, bool)>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| busy_or(e, &self.path))?;
        let first: i64 = tx
            .query_row("SELECT value FROM change_sequence", [], |r| r.get(0))
            .map_err(|e| busy_or(e, &self.path))?;
        let site = site::own_site(&tx)?;
        let tx = Tx {
            tx,
            first,
            last: Cell::new(first),
            site,
            touched: Default::default(),
            batch: Default::default(),
            actor: Default::default(),
        };
        let (value, commit) = work(&tx)?;
        if commit {
            // The new rows of an import are vouched for by one entry; every other record written
            // without an entry of its own gets one with its digest.
            audit::vouch_for_the_batch(&tx)?;
            audit::vouch_for_the_rest(&tx)?;
            // A change may have ended a clash between offices' records (or made one visible).
            clash::settle(&tx)?;
            tx.commit().map_err(|e| busy_or(e, &self.path))?;
        }
        Ok(value)
    }

    /// Runs reads on one snapshot of the database (an export: every file from the same moment).
    pub fn read<T>(&mut self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        // The first read fixes the snapshot that every later read of this transaction sees.
        tx.query_row("SELECT value FROM change_sequence", [], |r| {
            r.get::<_, i64>(0)
        })?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// A writing transaction. It hands out the change sequence: every insert and update takes the next
/// number, and the counter is saved when the transaction commits (or forgotten with it).
pub struct Tx<'c> {
    tx: Transaction<'c>,
    first: i64,
    last: Cell<i64>,
    /// This database's site: the writes of this transaction are its.
    site: crate::domain::version::Site,
    /// The records written since their last audit entry (`db::digest`).
    pub(crate) touched: digest::Touched,
    /// The new rows of an import, vouched for together at the commit (`db::digest::Batch`).
    pub(crate) batch: digest::Batch,
    /// Who wrote this transaction's latest audit entry: the one who vouches for the rest.
    pub(crate) actor: std::cell::RefCell<Option<audit::Actor>>,
}

impl Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.tx
    }
}

impl Tx<'_> {
    /// Notes that the record `uid` of `table` was written: its next audit entry (or one at the
    /// commit) carries its digest.
    pub fn wrote(&self, table: &str, uid: &str) {
        self.touched.add(table, uid);
    }

    /// Notes that an import stored the new record `uid` of `R`: its digest joins the batch that one
    /// entry vouches for at the commit.
    pub fn imported<R: crate::domain::record::Record>(
        &self,
        uid: &str,
        values: &[crate::domain::record::Scalar],
    ) -> Result<()> {
        self.batch
            .add(self, self.first + 1, R::KIND, R::columns(), values, uid)
    }

    /// Who vouches for the records this transaction writes without an entry of their own.
    pub fn act_as(&self, actor: &audit::Actor) {
        *self.actor.borrow_mut() = Some(actor.clone());
    }

    /// The next change sequence number.
    pub fn next_seq(&self) -> i64 {
        let next = self.last.get() + 1;
        self.last.set(next);
        next
    }

    /// This database's site.
    pub fn site(&self) -> crate::domain::version::Site {
        self.site
    }

    /// Moves the change sequence past `counter` (the greatest version a folder carries), so that
    /// every later write here is versioned after everything this office has seen (a Lamport clock).
    /// Never beyond `RAISE_LIMIT`: a forged counter cannot use up this office's.
    pub fn raise_seq(&self, counter: i64) {
        let counter = counter.min(crate::domain::version::RAISE_LIMIT);
        if counter > self.last.get() {
            self.last.set(counter);
        }
    }

    /// The change sequence before this transaction.
    pub fn first_seq(&self) -> i64 {
        self.first
    }

    /// The sequence numbers this transaction has taken so far, if any.
    pub fn seq_range(&self) -> Option<(i64, i64)> {
        (self.last.get() > self.first).then(|| (self.first + 1, self.last.get()))
    }

    fn commit(self) -> rusqlite::Result<()> {
        if self.last.get() > self.first {
            self.tx
                .execute("UPDATE change_sequence SET value = ?1", [self.last.get()])?;
        }
        self.tx.commit()
    }
}

/// The database's change sequence: the number of the latest committed change.
pub fn current_seq(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT value FROM change_sequence", [], |r| r.get(0))?)
}

/// A uniqueness rule of the schema turned into the refusal a clerk would get from the command's own
/// check (two clerks at once reach the database, not the check).
pub(crate) fn constraint_or(error: rusqlite::Error, table: &str) -> anyhow::Error {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        let message = error.to_string();
        let rule = |m: Msg| crate::error::refused(t!(m));
        if message.contains("placements.person_uid") {
            return rule(Msg::OpenPlacementConstraint);
        }
        if message.contains("recommendations.placement_uid") {
            return rule(Msg::IssuedLetterConstraint);
        }
        if message.contains("persons.nik") {
            return rule(Msg::NikConstraint);
        }
        if message.contains("documents.placement_uid") {
            return rule(Msg::DocumentOnceConstraint);
        }
        if message.contains("UNIQUE") {
            return crate::error::refused(t!(Msg::NumberConstraint, table));
        }
    }
    error.into()
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn busy_or(error: rusqlite::Error, path: &Path) -> anyhow::Error {
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

/// A schema object: its type, name and SQL.
pub type SchemaObject = (String, String, Option<String>);

/// The schema objects (tables, indexes, triggers, views) the migrations make, from a database built
/// in memory the way `migrate` builds one: what `check` compares the file's schema with.
pub fn expected_schema() -> Result<Vec<SchemaObject>> {
    let conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", false)?;
    for (name, sql) in MIGRATIONS {
        upgrade::before(&conn, name)?;
        conn.execute_batch(sql)
            .with_context(|| format!("migration {name}"))?;
        upgrade::after(&conn, name)?;
    }
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
