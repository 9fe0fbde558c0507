//! Merging a signed folder of version 2 (docs/exchange-format.md, "Version 2"): every row is a copy
//! of a record with its versions; a record new here is stored as it came, a stored one is merged
//! field by field with the copy (`domain::version::merge`), so that offices that received the same
//! writes hold the same record whatever the order. Nothing another office validly recorded blocks
//! the folder: a clash with a record here is stored beside it for review (`db::clash`), a row whose
//! record refers to one not received yet is held until it arrives, and only a row that would create
//! or change another office's decision (a letter of someone else's series) is refused, on its own.
//! A malformed folder (a value that fails its type, a missing column, bad versions) is refused
//! whole: nothing is written.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use anyhow::Result;

mod kinds;
mod persons;

pub use persons::merge_persons;

use super::read::{quoted, ErrorList, ImportError, Row, Table};
use super::FileKind;
use crate::db::{self, audit, kept, records, Tx};
use crate::domain::audit::Action;
use crate::domain::case::{Case, CaseEvent};
use crate::domain::document::Document;
use crate::domain::identity::PersonMerge;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::recommendation::Recommendation;
use crate::domain::record::{self, Merge, Record, Timestamp};
use crate::domain::repatriation::Repatriation;
use crate::domain::version::{self, KeptWrite, Site, State, Versions};
use crate::i18n::Msg;
use crate::progress::Progress;
use crate::t;

/// What happened to the rows of one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Persons found to be one person with a person stored here.
    pub merged: usize,
    /// Rows held until the record they refer to arrives.
    pub held: usize,
    /// Rows refused on their own (another office's decision).
    pub refused: usize,
}

/// Where a row came from, for messages.
#[derive(Clone, Debug)]
pub struct Place {
    pub file: String,
    pub line: u64,
}

pub struct Merger<'a> {
    tx: &'a Tx<'a>,
    actor: audit::Actor,
    /// This office's code and site.
    office: String,
    own: Site,
    /// Every site known, with its office (this database's and the folder's list).
    offices: HashMap<Site, String>,
    /// The losing writes the folder carries, by record uid (conflicts.csv, read first).
    kept_in: HashMap<String, Vec<KeptWrite>>,
    /// Kinds whose table held no row when the import began.
    fresh: HashSet<FileKind>,
    /// Aliases exist here (else a person uid is never one).
    aliases: bool,
    /// Uids this import stored, by kind (references to them need no query).
    stored: HashMap<FileKind, UidSet>,
    /// The greatest version counter seen: this office's changes continue after it.
    max_counter: i64,
    pub counts: BTreeMap<FileKind, Counts>,
    /// Malformed rows: the folder is refused.
    pub errors: ErrorList,
    /// Rows refused on their own, with why.
    /// Rows refused on their own: the first `read::LISTED` kept, the rest counted.
    pub refused: ErrorList,
    /// Rows held for a record not received, with which (the first 1,000 listed, all counted).
    pub held: ErrorList,
    /// Placements whose stage may follow from what arrived (their letters), and cases whose
    /// status may (their events).
    placements: BTreeSet<String>,
    /// Placements this import stored whose facts leave them open (their letters decide).
    open: UidSet,
    cases: BTreeSet<String>,
    /// Where the folder came from, for held rows.
    source: String,
    pub progress: Progress,
}

fn key(uid: &str) -> Option<u128> {
    uuid::Uuid::parse_str(uid).ok().map(|u| u.as_u128())
}

/// Uids as numbers in one sorted vector: 16 bytes each (a hash set takes about three times that),
/// which keeps a national load inside its memory budget. Folders list rows in uid order, so an
/// insert is an append.
#[derive(Default)]
pub(crate) struct UidSet(Vec<u128>);

impl UidSet {
    pub(crate) fn insert(&mut self, k: u128) {
        match self.0.last() {
            Some(last) if *last >= k => {
                if let Err(at) = self.0.binary_search(&k) {
                    self.0.insert(at, k);
                }
            }
            _ => self.0.push(k),
        }
    }

    pub(crate) fn contains(&self, k: &u128) -> bool {
        self.0.binary_search(k).is_ok()
    }
}

/// What each shared kind needs beyond its declaration (implemented in `kinds`).
trait Shared: Record {
    const FILE: FileKind;
    /// The records it refers to, `(column, table, uid)`, after persons merged here are resolved.
    fn references(&mut self, m: &Merger) -> Result<Vec<(&'static str, &'static str, String)>>;
    /// Why this row may not be applied here: it would create or change a decision that belongs
    /// to another office.
    fn ownership(&self, _stored: Option<&Self>, _m: &Merger) -> Option<String> {
        None
    }
    /// Columns that follow from the others.
    fn derive(&mut self, _m: &Merger) -> Result<()> {
        Ok(())
    }
    /// Notes what the stored record may change elsewhere (a letter, its placement's stage).
    fn stored(&self, _m: &mut Merger) {}
    /// A kind that settles its rows its own way (persons, their merges) does it here and returns
    /// `None`; the others are given back to the common way.
    fn arrive(
        self,
        _m: &mut Merger,
        kept: Vec<KeptWrite>,
        _place: &Place,
    ) -> Result<Option<(Self, Vec<KeptWrite>)>> {
        Ok(Some((self, kept)))
    }
}

/// A record's versions.
pub fn versions_of<R: Record>(r: &R) -> Versions {
    match records::versions_column::<R>() {
        Some(at) => Versions::load(&r.values()[at].text()).unwrap_or_default(),
        None => Versions::unset(),
    }
}

/// A record's shared fields as a merge state, with the values of its kept writes.
pub fn state_of<R: Record>(r: &R, kept: &[KeptWrite]) -> Option<State> {
    let fields = record::registers::<R>();
    let values: HashMap<&str, String> = record::exchange_fields(r).into_iter().collect();
    State::of(
        &versions_of(r),
        &fields,
        |f| values.get(f).cloned().unwrap_or_default(),
        |f, dot| {
            kept.iter()
                .find(|k| k.field == f && k.version.0 == dot)
                .map(|k| k.value.clone().unwrap_or_default())
        },
    )
}

/// The record `state` describes, on the frame of `base` (its key, derived and local fields), the
/// later of the two `updated_at`.
pub fn record_of<R: Record>(base: &R, other: &R, state: &State) -> Result<R> {
    let base_values: HashMap<&str, String> = record::exchange_fields(base).into_iter().collect();
    let other_values: HashMap<&str, String> = record::exchange_fields(other).into_iter().collect();
    let versions = state.versions().to_string();
    let mut cells: HashMap<&str, String> = HashMap::new();
    for c in record::exchange_columns::<R>() {
        let name = c.exchange.unwrap_or(c.name);
        let value = match c.merge {
            Merge::Register => state.value(name).unwrap_or_default().to_string(),
            Merge::Versions => versions.clone(),
            Merge::Union => union(
                base_values.get(name).map(String::as_str),
                other_values.get(name).map(String::as_str),
            ),
            Merge::Latest => {
                let a = base_values.get(name).cloned().unwrap_or_default();
                let b = other_values.get(name).cloned().unwrap_or_default();
                a.max(b)
            }
            _ => base_values.get(name).cloned().unwrap_or_default(),
        };
        cells.insert(name, value);
    }
    let mut problems = Vec::new();
    let mut merged = R::from_exchange(
        |c| cells.get(c).map(String::as_str).unwrap_or(""),
        &mut problems,
    )
    .filter(|_| problems.is_empty())
    .ok_or_else(|| {
        anyhow::anyhow!(
            "{} {}: merged values do not parse: {}",
            R::KIND,
            base.uid(),
            problems
                .iter()
                .map(|(c, e)| format!("{c}: {e}"))
                .collect::<Vec<_>>()
                .join("; ")
        )
    })?;
    merged.keep_local(base);
    Ok(merged)
}

/// Two texts of a grow-only set of versions joined (each already checked when its row was read).
fn union(a: Option<&str>, b: Option<&str>) -> String {
    let mut ctx = version::Context::load(a.unwrap_or("")).unwrap_or_default();
    ctx.join(&version::Context::load(b.unwrap_or("")).unwrap_or_default());
    ctx.to_text()
}

/// The kept writes a state holds, as stored: those already kept keep when they were.
pub fn kept_of<R: Record>(
    uid: &str,
    state: &State,
    before: &[KeptWrite],
    at: &Timestamp,
) -> Vec<KeptWrite> {
    let mut out = Vec::new();
    for (field, s) in &state.fields {
        // Only a value of its own is kept as a row (the same value or a blank is in the versions).
        for w in s
            .losers
            .iter()
            .filter(|w| !w.value.is_empty() && w.value != s.winner.value)
        {
            let key = KeptWrite::key(uid, field, w.dot);
            let at = before
                .iter()
                .find(|k| k.uid == key)
                .map(|k| k.at.clone())
                .unwrap_or_else(|| at.clone());
            out.push(KeptWrite {
                uid: key,
                record_kind: R::KIND.to_string(),
                record_uid: uid.to_string(),
                field: field.clone(),
                version: version::DotText(w.dot),
                value: Some(w.value.clone()),
                at,
            });
        }
    }
    out.sort_by(|a, b| a.uid.cmp(&b.uid));
    out
}

impl<'a> Merger<'a> {
    pub fn new(
        tx: &'a Tx<'a>,
        actor: audit::Actor,
        office: &str,
        sites: &[(Site, String)],
        source: &str,
    ) -> Result<Merger<'a>> {
        db::merge::defer_references(tx)?;
        let mut offices = db::site::offices(tx)?;
        for (site, office) in sites {
            offices.entry(*site).or_insert_with(|| office.clone());
        }
        let own = tx.site();
        offices.insert(own, office.to_string());
        let mut fresh = HashSet::new();
        for kind in FileKind::ALL {
            let table = crate::by_kind!(kind, table_of);
            if !db::merge::any_row(tx, table)? {
                fresh.insert(kind);
            }
        }
        Ok(Merger {
            tx,
            actor,
            office: office.to_string(),
            own,
            offices,
            kept_in: HashMap::new(),
            fresh,
            aliases: db::merge::any_alias(tx)?,
            stored: HashMap::new(),
            max_counter: 0,
            counts: BTreeMap::new(),
            errors: ErrorList::default(),
            refused: Default::default(),
            held: Default::default(),
            placements: BTreeSet::new(),
            open: UidSet::default(),
            cases: BTreeSet::new(),
            source: source.to_string(),
            progress: Progress::hidden(),
        })
    }

    /// The folder's tables, merged in the order references need: the kept writes first (they
    /// belong to the records after them), persons and their merges, then the rest.
    pub fn folder(&mut self, tables: &mut [Table]) -> Result<()> {
        let order = [
            FileKind::Conflicts,
            FileKind::Persons,
            FileKind::PersonMerges,
            FileKind::Placements,
            FileKind::Documents,
            FileKind::Recommendations,
            FileKind::Cases,
            FileKind::CaseEvents,
            FileKind::Repatriations,
        ];
        for kind in order {
            for table in tables.iter_mut().filter(|t| t.kind == kind) {
                self.file(table)?;
                super::read::check_against_manifest(table)?;
            }
        }
        Ok(())
    }

    fn file(&mut self, table: &mut Table) -> Result<()> {
        self.errors.append(&mut table.problems);
        let missing = table.missing_columns();
        if !missing.is_empty() {
            for column in missing {
                self.errors.push(ImportError {
                    file: table.name.clone(),
                    line: 1,
                    column: column.into(),
                    value: String::new(),
                    reason: t!(Msg::ImportColumnMissing),
                });
            }
            return Ok(());
        }
        if table.kind != FileKind::Conflicts {
            self.counts.entry(table.kind).or_default();
        }
        self.progress.label(&table.name);
        match table.kind {
            FileKind::Conflicts => self.conflicts(table)?,
            FileKind::Persons => self.rows::<Person>(table)?,
            FileKind::PersonMerges => self.rows::<PersonMerge>(table)?,
            FileKind::Placements => self.rows::<Placement>(table)?,
            FileKind::Documents => self.rows::<Document>(table)?,
            FileKind::Recommendations => self.rows::<Recommendation>(table)?,
            FileKind::Cases => self.rows::<Case>(table)?,
            FileKind::CaseEvents => self.rows::<CaseEvent>(table)?,
            FileKind::Repatriations => self.rows::<Repatriation>(table)?,
        }
        self.progress.at(table.rows.bytes_read());
        self.progress.next_part();
        Ok(())
    }

    /// Reads every row of a table as a record, each malformed row an error; `each` takes the rest.
    fn read<R: Record>(
        &mut self,
        table: &mut Table,
        mut each: impl FnMut(&mut Self, R, Place) -> Result<()>,
    ) -> Result<()> {
        let mut record = csv::StringRecord::new();
        let mut read = 0u32;
        while let Some((line, problem)) = table.rows.next_row(&table.name, &mut record)? {
            read = read.wrapping_add(1);
            if read.is_multiple_of(2048) {
                self.progress.at(table.rows.bytes_read());
            }
            if let Some(e) = problem {
                self.errors.push(e);
                continue;
            }
            if record.iter().all(|v| v.trim().is_empty()) {
                continue;
            }
            let row = Row {
                file: &table.name,
                line,
                record: &record,
                columns: &table.columns,
            };
            if record.len() != table.width {
                self.errors
                    .push(row.error("", t!(Msg::RowWidth, record.len(), table.width)));
                continue;
            }
            let mut problems = Vec::new();
            let parsed = R::from_exchange(|c| row.cell(c), &mut problems);
            let parsed = match parsed {
                Some(r) if problems.is_empty() => r,
                _ => {
                    for (column, e) in problems {
                        self.errors.push(row.error(column, e.to_string()));
                    }
                    continue;
                }
            };
            if records::versions_column::<R>().is_some() {
                let v = versions_of(&parsed);
                if !v.is_set() {
                    self.errors
                        .push(row.error("versions", t!(Msg::ImportVersionsMissing)));
                    continue;
                }
                if let Some(c) = v.max_counter() {
                    self.max_counter = self.max_counter.max(c);
                }
            }
            let place = Place {
                file: table.name.clone(),
                line,
            };
            if !self.errors.is_empty() {
                // A malformed folder is refused whole: only its errors matter now.
                continue;
            }
            each(self, parsed, place)?;
        }
        Ok(())
    }

    fn conflicts(&mut self, table: &mut Table) -> Result<()> {
        let at = self.timestamp();
        self.read::<KeptWrite>(table, |m, mut k, _| {
            k.at = at.clone();
            m.kept_in.entry(k.record_uid.clone()).or_default().push(k);
            Ok(())
        })
    }

    fn rows<R: Shared>(&mut self, table: &mut Table) -> Result<()> {
        self.read::<R>(table, |m, r, place| m.apply(r, &place, false))
    }

    fn count(&mut self, kind: FileKind) -> &mut Counts {
        self.counts.entry(kind).or_default()
    }

    /// Whether a record of `table` with this uid is stored (this import's own first).
    fn has(&self, kind: FileKind, table: &str, uid: &str) -> Result<bool> {
        if key(uid).is_some_and(|k| self.stored.get(&kind).is_some_and(|s| s.contains(&k))) {
            return Ok(true);
        }
        if self.fresh.contains(&kind) {
            return Ok(false);
        }
        db::merge::exists(self.tx, table, uid)
    }

    /// The person a uid names here: itself, or the person it was merged into.
    fn canonical_person(&self, uid: &str) -> Result<String> {
        if !self.aliases {
            return Ok(uid.to_string());
        }
        Ok(db::merge::alias_of(self.tx, uid)?.unwrap_or_else(|| uid.to_string()))
    }

    /// One incoming record: held, refused, stored or merged.
    fn apply<R: Shared>(&mut self, mut incoming: R, place: &Place, retry: bool) -> Result<()> {
        let kept_in = self.kept_in.remove(incoming.uid()).unwrap_or_default();
        // Every kept write the versions name must come with its value.
        let v = versions_of(&incoming);
        for (field, dots) in &v.losers {
            for (dot, kept) in dots {
                if *kept != version::Kept::Value {
                    continue;
                }
                if !kept_in
                    .iter()
                    .any(|k| &k.field == field && k.version.0 == *dot)
                {
                    self.errors.push(ImportError {
                        file: place.file.clone(),
                        line: place.line,
                        column: "versions".into(),
                        value: quoted(&format!("~{field}@{dot}")),
                        reason: t!(Msg::ImportKeptMissing),
                    });
                    return Ok(());
                }
            }
        }
        for (column, table, uid) in incoming.references(self)? {
            let kind = kind_of_table(table);
            if !self.has(kind, table, &uid)? {
                self.hold(&incoming, &kept_in, place, column, &uid, retry)?;
                return Ok(());
            }
        }
        let (incoming, kept_in) = match incoming.arrive(self, kept_in, place)? {
            Some(rest) => rest,
            None => return Ok(()),
        };
        let mut incoming = incoming;
        let stored = match self.fresh.contains(&R::FILE) && !self.has_stored::<R>(incoming.uid()) {
            true => None,
            false => records::get::<R>(self.tx, incoming.uid())?,
        };
        if let Some(reason) = incoming.ownership(stored.as_ref(), self) {
            self.refuse(R::FILE, place, R::KIND, incoming.uid(), reason);
            return Ok(());
        }
        match stored {
            None => {
                incoming.derive(self)?;
                self.insert(&incoming, &kept_in)?;
                self.count(R::FILE).inserted += 1;
            }
            Some(stored) => {
                let stored_kept = match versions_of(&stored).has_losers() {
                    true => kept::of_record(self.tx, stored.uid())?,
                    false => Vec::new(),
                };
                match self.merged(&stored, &stored_kept, &incoming, &kept_in)? {
                    None => self.count(R::FILE).unchanged += 1,
                    Some((mut merged, kept)) => {
                        merged.derive(self)?;
                        self.replace(&stored, &merged, &kept)?;
                        self.count(R::FILE).updated += 1;
                    }
                }
            }
        }
        Ok(())
    }

    fn has_stored<R: Record>(&self, uid: &str) -> bool {
        key(uid).is_some_and(|k| {
            self.stored
                .get(&kind_of_table(R::TABLE))
                .is_some_and(|s| s.contains(&k))
        })
    }

    /// The merge of a stored record and an incoming copy: `None` when the copy brings nothing new.
    fn merged<R: Record>(
        &self,
        stored: &R,
        stored_kept: &[KeptWrite],
        incoming: &R,
        incoming_kept: &[KeptWrite],
    ) -> Result<Option<(R, Vec<KeptWrite>)>> {
        let (Some(a), Some(b)) = (
            state_of(stored, stored_kept),
            state_of(incoming, incoming_kept),
        ) else {
            anyhow::bail!("{} {}: versions not set", R::KIND, stored.uid());
        };
        let m = version::merge(&a, &b);
        let later = record::exchange_fields(incoming)
            .iter()
            .zip(record::exchange_fields(stored).iter())
            .zip(record::exchange_columns::<R>())
            .any(|((i, s), c)| c.merge == Merge::Latest && i.1 > s.1);
        let grown = record::exchange_fields(incoming)
            .iter()
            .zip(record::exchange_fields(stored).iter())
            .zip(record::exchange_columns::<R>())
            .any(|((i, s), c)| c.merge == Merge::Union && union(Some(&s.1), Some(&i.1)) != s.1);
        if m == a && !later && !grown {
            return Ok(None);
        }
        let merged = record_of(stored, incoming, &m)?;
        let kept = kept_of::<R>(stored.uid(), &m, stored_kept, &self.timestamp());
        Ok(Some((merged, kept)))
    }

    fn timestamp(&self) -> Timestamp {
        Timestamp::from_datetime(self.actor.now)
    }

    /// Stores a new record (beside any it clashes with) and its kept writes. Returns whether it
    /// clashed with a record here.
    fn insert<R: Shared>(&mut self, record: &R, kept: &[KeptWrite]) -> Result<bool> {
        let clashed = records::insert_beside(self.tx, record)?;
        if !kept.is_empty() {
            kept::replace(self.tx, record.uid(), kept, self.tx.next_seq())?;
        }
        if let Some(k) = key(record.uid()) {
            self.stored.entry(R::FILE).or_default().insert(k);
        }
        record.stored(self);
        Ok(clashed)
    }

    /// Replaces a stored record by its merge, audited with the values it replaced.
    fn replace<R: Shared>(&mut self, stored: &R, merged: &R, kept: &[KeptWrite]) -> Result<()> {
        if !records::replace_beside(self.tx, merged, stored.version())? {
            anyhow::bail!("{} {} changed during the import", R::KIND, stored.uid());
        }
        let seq = db::merge::seq_of(self.tx, R::TABLE, merged.uid())?;
        kept::replace(self.tx, merged.uid(), kept, seq)?;
        let changes = audit::diff(&stored.fields(), &merged.fields());
        if !changes.is_empty() {
            audit::note(
                self.tx,
                &self.actor,
                R::record_kind(),
                stored.uid(),
                Action::Import,
                &changes,
            )?;
        }
        merged.stored(self);
        Ok(())
    }

    fn refuse(
        &mut self,
        kind: FileKind,
        place: &Place,
        record_kind: &str,
        uid: &str,
        reason: String,
    ) {
        self.count(kind).refused += 1;
        self.refused.push(ImportError {
            file: place.file.clone(),
            line: place.line,
            column: record_kind.to_string(),
            value: uid.to_string(),
            reason,
        });
    }

    /// Holds a row whose record refers to one not received yet, with its kept writes.
    fn hold<R: Shared>(
        &mut self,
        record: &R,
        kept: &[KeptWrite],
        place: &Place,
        column: &str,
        waits_for: &str,
        retry: bool,
    ) -> Result<()> {
        if retry {
            return Ok(());
        }
        let row = serde_json::json!({
            "file": R::FILE.name(),
            "record": record::exchange_fields(record).into_iter().collect::<BTreeMap<_, _>>(),
            "kept": kept.iter().map(|k| record::exchange_fields(k).into_iter().collect::<BTreeMap<_, _>>()).collect::<Vec<_>>(),
        });
        db::merge::hold(
            self.tx,
            &db::merge::Pending {
                uid: record.uid().to_string(),
                kind: R::FILE.name().to_string(),
                waits_for: waits_for.to_string(),
                row: row.to_string(),
                source: self.source.clone(),
                received_at: self.timestamp().to_string(),
            },
        )?;
        self.count(R::FILE).held += 1;
        self.held.push(ImportError {
            file: place.file.clone(),
            line: place.line,
            column: column.to_string(),
            value: waits_for.to_string(),
            reason: t!(Msg::ImportHeld),
        });
        Ok(())
    }

    /// Rows held by earlier imports whose records have arrived now: applied, in file order.
    fn release_held(&mut self) -> Result<()> {
        loop {
            let mut progress = false;
            for p in db::merge::pending(self.tx)? {
                let Ok(row) = serde_json::from_str::<serde_json::Value>(&p.row) else {
                    continue;
                };
                let Some(kind) = FileKind::parse(&p.kind) else {
                    continue;
                };
                let place = Place {
                    file: p.source.clone(),
                    line: 0,
                };
                let before = self.counts.get(&kind).copied().unwrap_or_default();
                self.counts.entry(kind).or_default();
                let applied = match kind {
                    FileKind::Persons => self.release::<Person>(&row, &place)?,
                    FileKind::PersonMerges => self.release::<PersonMerge>(&row, &place)?,
                    FileKind::Placements => self.release::<Placement>(&row, &place)?,
                    FileKind::Documents => self.release::<Document>(&row, &place)?,
                    FileKind::Recommendations => self.release::<Recommendation>(&row, &place)?,
                    FileKind::Cases => self.release::<Case>(&row, &place)?,
                    FileKind::CaseEvents => self.release::<CaseEvent>(&row, &place)?,
                    FileKind::Repatriations => self.release::<Repatriation>(&row, &place)?,
                    FileKind::Conflicts => false,
                };
                if applied {
                    db::merge::release(self.tx, &p.uid)?;
                    progress = true;
                } else if let Some(c) = self.counts.get_mut(&kind) {
                    *c = before;
                }
            }
            if !progress {
                return Ok(());
            }
        }
    }

    /// Applies a held row if nothing it refers to is missing any more.
    fn release<R: Shared>(&mut self, row: &serde_json::Value, place: &Place) -> Result<bool> {
        let cell = |v: &serde_json::Value, c: &str| v[c].as_str().unwrap_or("").to_string();
        let fields = &row["record"];
        let mut problems = Vec::new();
        let values: HashMap<String, String> = record::exchange_columns::<R>()
            .filter_map(|c| c.exchange)
            .map(|c| (c.to_string(), cell(fields, c)))
            .collect();
        let Some(mut record) = R::from_exchange(
            |c| values.get(c).map(String::as_str).unwrap_or(""),
            &mut problems,
        ) else {
            return Ok(false);
        };
        for (column, table, uid) in record.references(self)? {
            let _ = column;
            if !self.has(kind_of_table(table), table, &uid)? {
                return Ok(false);
            }
        }
        let mut kept = Vec::new();
        for k in row["kept"].as_array().cloned().unwrap_or_default() {
            let values: HashMap<String, String> = record::exchange_columns::<KeptWrite>()
                .filter_map(|c| c.exchange)
                .map(|c| (c.to_string(), cell(&k, c)))
                .collect();
            if let Some(kw) = KeptWrite::from_exchange(
                |c| values.get(c).map(String::as_str).unwrap_or(""),
                &mut problems,
            ) {
                kept.push(kw);
            }
        }
        if !kept.is_empty() {
            self.kept_in.insert(record.uid().to_string(), kept);
        }
        self.apply(record, place, true)?;
        Ok(true)
    }

    /// After every file: held rows whose records arrived applied, each placement's stage and each
    /// case's status derived again from what arrived, the version counter moved past the folder's.
    pub fn finish(&mut self) -> Result<()> {
        if !self.errors.is_empty() {
            return Ok(());
        }
        self.release_held()?;
        for uid in std::mem::take(&mut self.placements) {
            kinds::settle_stage(self, &uid)?;
        }
        for uid in std::mem::take(&mut self.cases) {
            kinds::settle_case(self, &uid)?;
        }
        self.tx.raise_seq(self.max_counter);
        Ok(())
    }
}

fn table_of<R: Record>() -> &'static str {
    R::TABLE
}

fn kind_of_table(table: &str) -> FileKind {
    FileKind::ALL
        .into_iter()
        .find(|k| crate::by_kind!(*k, table_of) == table)
        .unwrap_or(FileKind::Persons)
}
