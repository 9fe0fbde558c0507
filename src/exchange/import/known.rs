//! What an import knows without asking the database again: which tables were empty when it began
//! (so a uid it has not inserted itself is new, with no query), what it inserted (the dates its own
//! later rows are checked against: a worker's birth date, a placement's registration, a case's
//! report), the NIKs it stored, and the numbers it hands out, kept in memory and written once at
//! the end. This is what makes a national bulk load run at the speed of the SQLite shell, while an
//! incremental nightly import asks the database as before.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::db::{self, Tx};
use crate::exchange::FileKind;

/// A uid as a number: sixteen bytes instead of a 36-character string.
fn key(uid: &str) -> Option<u128> {
    uuid::Uuid::parse_str(uid).ok().map(|u| u.as_u128())
}

/// A NIK as a number.
fn nik_key(nik: &str) -> Option<u64> {
    nik.parse().ok()
}

#[derive(Default)]
pub struct Known {
    /// Kinds whose table held no row when the import began.
    fresh: HashSet<FileKind>,
    inserted: HashMap<FileKind, HashSet<u128>>,
    /// No person alias was stored when the import began.
    no_aliases: bool,
    /// NIKs of the persons this import inserted.
    niks: HashSet<u64>,
    /// Birth dates of the persons this import inserted.
    births: HashMap<u128, Option<NaiveDate>>,
    /// Registration dates of the placements this import inserted.
    registrations: HashMap<u128, NaiveDate>,
    /// Report dates of the cases this import inserted.
    reports: HashMap<u128, NaiveDate>,
    /// Letter numbers this import stored.
    letters: HashSet<String>,
    /// Counters handed out by this import: `(name, year) -> last value`.
    counters: HashMap<(&'static str, i32), i64>,
}

impl Known {
    pub fn new(conn: &Connection) -> Result<Known> {
        let mut known = Known::default();
        for kind in FileKind::ALL {
            let table = crate::by_kind!(kind, table_of);
            let any: Option<i64> = conn
                .query_row(&format!("SELECT 1 FROM {table} LIMIT 1"), [], |r| r.get(0))
                .optional()?;
            if any.is_none() {
                known.fresh.insert(kind);
            }
        }
        known.no_aliases = conn
            .query_row("SELECT 1 FROM person_aliases LIMIT 1", [], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .is_none();
        Ok(known)
    }

    /// Whether a record of `kind` with this uid may be stored: false when certainly not.
    pub fn may_be_stored(&self, kind: FileKind, uid: &str) -> bool {
        match key(uid) {
            Some(k) if self.fresh.contains(&kind) => self
                .inserted
                .get(&kind)
                .is_some_and(|seen| seen.contains(&k)),
            _ => true,
        }
    }

    /// The kind's table held no row when the import began.
    pub fn fresh(&self, kind: FileKind) -> bool {
        self.fresh.contains(&kind)
    }

    pub fn letter(&mut self, number: &str) {
        self.letters.insert(number.to_string());
    }

    pub fn letter_seen(&self, number: &str) -> bool {
        self.letters.contains(number)
    }

    pub fn no_aliases(&self) -> bool {
        self.no_aliases
    }

    /// Whether a person with this NIK may be stored: false when certainly not.
    pub fn nik_may_be_stored(&self, nik: &str) -> bool {
        !self.fresh.contains(&FileKind::Persons)
            || nik_key(nik).is_some_and(|n| self.niks.contains(&n))
    }

    pub fn inserted(&mut self, kind: FileKind, uid: &str) {
        if let Some(k) = key(uid) {
            self.inserted.entry(kind).or_default().insert(k);
        }
    }

    pub fn person(&mut self, uid: &str, nik: Option<&str>, birth: Option<NaiveDate>) {
        if let Some(k) = key(uid) {
            self.births.insert(k, birth);
        }
        if let Some(n) = nik.and_then(nik_key) {
            self.niks.insert(n);
        }
    }

    pub fn placement(&mut self, uid: &str, registered: NaiveDate) {
        if let Some(k) = key(uid) {
            self.registrations.insert(k, registered);
        }
    }

    pub fn case(&mut self, uid: &str, reported: NaiveDate) {
        if let Some(k) = key(uid) {
            self.reports.insert(k, reported);
        }
    }

    /// A person this import or the database holds: its stored uid (an alias resolved) and birth date.
    pub fn person_ref(
        &self,
        conn: &Connection,
        uid: &str,
    ) -> Result<Option<(String, Option<NaiveDate>)>> {
        if let Some(birth) = key(uid).and_then(|k| self.births.get(&k)) {
            return Ok(Some((uid.to_string(), *birth)));
        }
        if !self.may_be_stored(FileKind::Persons, uid) && self.no_aliases {
            return Ok(None);
        }
        db::persons::uid_and_birth(conn, uid)
    }

    /// A placement this import or the database holds: its registration date.
    pub fn placement_ref(&self, conn: &Connection, uid: &str) -> Result<Option<NaiveDate>> {
        if let Some(registered) = key(uid).and_then(|k| self.registrations.get(&k)) {
            return Ok(Some(*registered));
        }
        if !self.may_be_stored(FileKind::Placements, uid) {
            return Ok(None);
        }
        db::placements::registered_on(conn, uid)
    }

    /// A case this import or the database holds: its report date.
    pub fn case_ref(&self, conn: &Connection, uid: &str) -> Result<Option<(String, NaiveDate)>> {
        if let Some(reported) = key(uid).and_then(|k| self.reports.get(&k)) {
            return Ok(Some((uid.to_string(), *reported)));
        }
        if !self.may_be_stored(FileKind::Cases, uid) {
            return Ok(None);
        }
        db::cases::uid_and_reported_on(conn, uid)
    }

    /// The next number of a per-year counter, counted here and saved by `save_counters`.
    pub fn next_number(&mut self, conn: &Connection, name: &'static str, year: i32) -> Result<i64> {
        let value = match self.counters.get(&(name, year)) {
            Some(v) => *v,
            None => db::counters::current(conn, name, year)?,
        } + 1;
        self.counters.insert((name, year), value);
        Ok(value)
    }

    /// Writes the counters this import moved.
    pub fn save_counters(&self, tx: &Tx) -> Result<()> {
        for ((name, year), value) in &self.counters {
            db::counters::raise_to(tx, name, *year, *value)?;
        }
        Ok(())
    }
}

fn table_of<R: crate::domain::record::Record>() -> &'static str {
    R::TABLE
}
