//! The database layer: every SQL statement of the program, in this module's children by table or
//! topic. This file holds the `Store` (one connection) and the one-transaction-per-command rule:
//! `write` runs a command's work in one `IMMEDIATE` transaction (`Tx`, which hands out the change
//! sequence), `read` runs an export's reads on one snapshot. Opening and pragmas are in `open`,
//! migrations in `migrate`, what `check` and `backup` need in `health`, private files in `files`.
//! The statements themselves only guard what the schema holds: the rules live in `domain`.

pub mod audit;
pub mod audit_chain;
pub mod cases;
pub mod clash;
pub mod constraint;
pub mod counters;
pub mod digest;
pub mod documents;
pub mod export;
pub mod files;
pub mod filter;
pub mod health;
pub mod kept;
pub mod merge;
pub mod migrate;
pub mod numbers;
pub mod open;
pub mod persons;
pub mod placements;
pub mod query;
#[cfg(test)]
mod query_plans;
pub mod recommendations;
pub mod records;
pub mod repatriations;
pub mod review;
pub mod settings;
pub mod site;
pub mod stats;
pub mod sync;
mod upgrade;

use std::cell::Cell;
use std::ops::Deref;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use files::{create_private_dir, create_private_file, readable_by_others, write_private_file};
pub use health::{
    backup, bytes_in_use, expected_schema, health, schema_drift, schema_of, stale_name_index,
    Health, SchemaDrift, SchemaObject, TABLES,
};
pub use migrate::{build_schema, Migration, MIGRATIONS, SCHEMA_VERSION};
use open::{busy_or, APPLICATION_ID};
pub use open::{found_at, Found, OpenMode, BACKUP_MARK, DEMO_MARK};

/// One connection to a pmi-desk database, opened by `Store::open` (`open`).
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
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
    /// Nothing can be written meanwhile (`PRAGMA query_only`, as it was before afterwards).
    pub fn read<T>(&mut self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let was_reading: bool = self
            .conn
            .pragma_query_value(None, "query_only", |r| r.get(0))
            .context("reading whether the connection only reads")?;
        self.conn
            .pragma_update(None, "query_only", true)
            .context("making the connection read only")?;
        let value = self.read_snapshot(work);
        self.conn
            .pragma_update(None, "query_only", was_reading)
            .context("making the connection writable again")?;
        value
    }

    fn read_snapshot<T>(&mut self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .context("starting a read snapshot")?;
        // The first read fixes the snapshot that every later read of this transaction sees.
        tx.query_row("SELECT value FROM change_sequence", [], |r| {
            r.get::<_, i64>(0)
        })
        .context("reading the change sequence")?;
        let value = work(&tx)?;
        tx.commit().context("ending a read snapshot")?;
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
        pause_before_commit(&self.tx);
        self.tx.commit()
    }
}

/// A test hook, nothing else: when `PMI_DESK_TEST_PAUSE_IN_TX` names a file, a write transaction
/// whose rows are all written writes into that file how many rows this connection has changed,
/// then waits (up to 30 seconds) before it commits, so that a test can kill the process inside the
/// transaction (`tests/test_kill.rs`). Unset, it does nothing.
fn pause_before_commit(conn: &Connection) {
    let Some(marker) = std::env::var_os("PMI_DESK_TEST_PAUSE_IN_TX") else {
        return;
    };
    let _ = std::fs::write(marker, conn.total_changes().to_string());
    for _ in 0..600 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The database's change sequence: the number of the latest committed change.
pub fn current_seq(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT value FROM change_sequence", [], |r| r.get(0))?)
}
