//! What an import knows without asking the database again: which tables were empty when it began
//! (so a uid is new unless the insert itself says otherwise, with no query), the dates its own
//! later rows are checked against (a worker's birth date, a placement's registration, a case's
//! report) in compact sorted tables, and the numbers it hands out, kept in memory and written once
//! at the end. This is what makes a national bulk load run at the speed of the SQLite shell, while
//! an incremental nightly import asks the database as before.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use crate::db::{self, Tx};
use crate::exchange::FileKind;

/// A uid as a number: sixteen bytes instead of a 36-character string.
fn key(uid: &str) -> Option<u128> {
    uuid::Uuid::parse_str(uid).ok().map(|u| u.as_u128())
}

#[derive(Default)]
pub(super) struct Known {
    /// Kinds whose table held no row when the import began.
    fresh: HashSet<FileKind>,
    /// Aliases this import recorded: another office's uid -> the stored person and birth date.
    aliases: HashMap<u128, (String, Option<NaiveDate>)>,
    /// No person alias was stored when the import began.
    no_aliases: bool,
    /// Birth dates of the persons this import inserted.
    births: DateIndex,
    /// Registration dates of the placements this import inserted.
    registrations: DateIndex,
    /// Report dates of the cases this import inserted.
    reports: DateIndex,
    /// Counters handed out by this import: `(name, year) -> last value`.
    counters: HashMap<(&'static str, i32), i64>,
}

impl Known {
    pub(super) fn new(conn: &Connection) -> Result<Known> {
        let mut known = Known::default();
        for kind in FileKind::ALL {
            let table = crate::by_kind!(kind, table_of);
            if !db::merge::any_row(conn, table)? {
                known.fresh.insert(kind);
            }
        }
        known.no_aliases = !db::merge::any_alias(conn)?;
        Ok(known)
    }

    /// The kind's table held no row when the import began.
    pub(super) fn fresh(&self, kind: FileKind) -> bool {
        self.fresh.contains(&kind)
    }

    pub(super) fn no_aliases(&self) -> bool {
        self.no_aliases
    }

    pub(super) fn person(&mut self, uid: &str, birth: Option<NaiveDate>) {
        if let Some(k) = key(uid) {
            self.births.insert(k, birth);
        }
    }

    /// Another office's uid for a stored person: later rows that name it attach to `stored`.
    pub(super) fn alias(&mut self, alias: &str, stored: &str, birth: Option<NaiveDate>) {
        if let Some(k) = key(alias) {
            self.aliases.insert(k, (stored.to_string(), birth));
        }
        self.no_aliases = false;
    }

    pub(super) fn placement(&mut self, uid: &str, registered: NaiveDate) {
        if let Some(k) = key(uid) {
            self.registrations.insert(k, Some(registered));
        }
    }

    pub(super) fn case(&mut self, uid: &str, reported: NaiveDate) {
        if let Some(k) = key(uid) {
            self.reports.insert(k, Some(reported));
        }
    }

    /// A person this import or the database holds: its stored uid (an alias resolved) and birth date.
    pub(super) fn person_ref(
        &mut self,
        conn: &Connection,
        uid: &str,
    ) -> Result<Option<(String, Option<NaiveDate>)>> {
        if let Some(k) = key(uid) {
            if let Some(birth) = self.births.get(k) {
                return Ok(Some((uid.to_string(), birth)));
            }
            if let Some((stored, birth)) = self.aliases.get(&k) {
                return Ok(Some((stored.clone(), *birth)));
            }
        }
        if self.fresh.contains(&FileKind::Persons) && self.no_aliases {
            return Ok(None);
        }
        db::persons::uid_and_birth(conn, uid)
    }

    /// A placement this import or the database holds: its registration date.
    pub(super) fn placement_ref(
        &mut self,
        conn: &Connection,
        uid: &str,
    ) -> Result<Option<NaiveDate>> {
        if let Some(registered) = key(uid).and_then(|k| self.registrations.get(k)) {
            return Ok(registered);
        }
        if self.fresh.contains(&FileKind::Placements) {
            return Ok(None);
        }
        db::placements::registered_on(conn, uid)
    }

    /// A case this import or the database holds: its report date.
    pub(super) fn case_ref(
        &mut self,
        conn: &Connection,
        uid: &str,
    ) -> Result<Option<(String, NaiveDate)>> {
        if let Some(Some(reported)) = key(uid).and_then(|k| self.reports.get(k)) {
            return Ok(Some((uid.to_string(), reported)));
        }
        if self.fresh.contains(&FileKind::Cases) {
            return Ok(None);
        }
        db::cases::uid_and_reported_on(conn, uid)
    }

    /// The next number of a per-year counter, counted here and saved by `save_counters`.
    pub(super) fn next_number(
        &mut self,
        conn: &Connection,
        name: &'static str,
        year: i32,
    ) -> Result<i64> {
        let value = match self.counters.get(&(name, year)) {
            Some(v) => *v,
            None => db::counters::current(conn, name, year)?,
        } + 1;
        self.counters.insert((name, year), value);
        Ok(value)
    }

    /// The next number of a series not held by any record: in a table that was empty only this
    /// import's own numbers exist, which the counter already passed.
    pub(super) fn next_free(
        &mut self,
        conn: &Connection,
        series: db::numbers::Series,
        year: i32,
        make: impl Fn(i64) -> String,
    ) -> Result<String> {
        let (name, kind) = match series {
            db::numbers::Series::Registration => ("registration", FileKind::Placements),
            db::numbers::Series::Repatriation => ("repatriation", FileKind::Repatriations),
            db::numbers::Series::Letter => ("letter", FileKind::Recommendations),
            db::numbers::Series::Case => ("case", FileKind::Cases),
            db::numbers::Series::Handover => ("handover", FileKind::Repatriations),
        };
        loop {
            let number = make(self.next_number(conn, name, year)?);
            if self.fresh(kind) || !db::numbers::taken(conn, series, &number)? {
                return Ok(number);
            }
        }
    }

    /// Writes the counters this import moved.
    pub(super) fn save_counters(&self, tx: &Tx) -> Result<()> {
        for ((name, year), value) in &self.counters {
            db::counters::raise_to(tx, name, *year, *value)?;
        }
        Ok(())
    }
}

/// Dates by uid in two flat sorted vectors: 18 bytes a record (a hash map takes about 40), which
/// keeps a million-record import well inside its memory budget. Exports write rows in uid order,
/// so appends keep it sorted; anything else is sorted once, before the next lookup.
#[derive(Default)]
struct DateIndex {
    keys: Vec<u128>,
    /// Days since 1900-01-01; `u16::MAX` for no date.
    days: Vec<u16>,
    sorted: bool,
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("1900-01-01 exists"),
};

impl DateIndex {
    fn insert(&mut self, key: u128, date: Option<NaiveDate>) {
        let day = date
            .map(|d| (d - EPOCH).num_days())
            .filter(|n| (0..i64::from(u16::MAX)).contains(n))
            .map_or(u16::MAX, |n| n as u16);
        if self.keys.last().is_some_and(|last| *last >= key) {
            self.sorted = false;
        } else if self.keys.is_empty() {
            self.sorted = true;
        }
        self.keys.push(key);
        self.days.push(day);
    }

    /// `Some(date)` for a known key (`Some(None)` when its date is unknown), `None` otherwise.
    fn get(&mut self, key: u128) -> Option<Option<NaiveDate>> {
        if !self.sorted {
            let mut pairs: Vec<(u128, u16)> =
                self.keys.drain(..).zip(self.days.drain(..)).collect();
            pairs.sort_unstable_by_key(|(k, _)| *k);
            // A uid stored twice by one import keeps its last date.
            pairs.dedup_by(|later, earlier| {
                let same = later.0 == earlier.0;
                if same {
                    earlier.1 = later.1;
                }
                same
            });
            (self.keys, self.days) = pairs.into_iter().unzip();
            self.sorted = true;
        }
        let at = self.keys.binary_search(&key).ok()?;
        let day = self.days[at];
        Some((day != u16::MAX).then(|| EPOCH + chrono::Duration::days(i64::from(day))))
    }
}

fn table_of<R: crate::domain::record::Record>() -> &'static str {
    R::TABLE
}
