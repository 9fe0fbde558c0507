//! Merging imported rows into the database, inside the import's one transaction. Every row is parsed
//! by its record declaration and checked by the same rules as a clerk's command (`domain::rules`);
//! then a new uid is inserted, a known uid with a newer `updated_at` replaces the stored record, an
//! older or equal one is left alone. When both sides changed since the two offices last agreed on a
//! record, the conflict is listed whichever side wins, and the losing values stay in the audit log.
//! A new person uid whose NIK is stored becomes an alias of the stored person.

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::Result;
use chrono::{NaiveDate, TimeDelta};

mod kinds;
mod known;

use known::Known;

use super::read::{quoted, ErrorList, ImportError, Row, Table};
use super::FileKind;
use crate::db::{self, audit, records, sync, Tx};
use crate::domain::audit::Action;
use crate::domain::case::{Case, CaseEvent};
use crate::domain::document::Document;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::recommendation::Recommendation;
use crate::domain::record::{self, FieldError, Record};
use crate::domain::repatriation::Repatriation;
use crate::domain::{rules, Warning};
use crate::i18n::Msg;
use crate::progress::Progress;
use crate::t;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub merged: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Inserted,
    Updated,
    Unchanged,
    Merged,
}

/// A field both offices changed since they last agreed on the record.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub file: String,
    pub line: u64,
    pub record_kind: &'static str,
    pub record_uid: String,
    pub field: &'static str,
    pub local: String,
    pub incoming: String,
    /// True when the incoming value was kept.
    pub incoming_won: bool,
}

/// A warning about an incoming row, to be accepted with `--accept-warnings`.
#[derive(Clone, Debug)]
pub struct RowWarning {
    pub file: String,
    pub line: u64,
    pub record_uid: String,
    pub warning: Warning,
}

/// How far ahead of this office's clock an incoming `updated_at` may be.
pub struct Settings {
    pub office_code: String,
    /// The office that sent the folder (its manifest), else the row's own office.
    pub sender: Option<String>,
    pub now: chrono::DateTime<chrono::Utc>,
    pub tolerance: TimeDelta,
    /// The change sequence up to which this office has exported (conflict detection without a base).
    pub last_export_seq: i64,
}

pub struct Importer<'a> {
    tx: &'a Tx<'a>,
    known: Known,
    actor: audit::Actor,
    settings: Settings,
    /// The latest date a row may carry: this office's today plus the clock tolerance.
    latest_date: NaiveDate,
    pub counts: BTreeMap<FileKind, Counts>,
    /// The first errors, and how many there are.
    pub errors: ErrorList,
    pub warnings: Vec<RowWarning>,
    pub conflicts: Vec<Conflict>,
    /// Rows not applied, on their own, with why (a letter: only its office issues or changes it).
    /// Rows refused on their own: the first `read::LISTED` kept, the rest counted (memory in
    /// proportion to what is shown, not to the folder).
    pub refused: ErrorList,
    /// Same NIK, different name or birth date: merged as one person, worth a clerk's eye.
    pub notes: Vec<String>,
    /// Uids of rows that had errors, so rows referring to them say so.
    rejected: HashSet<String>,
    /// Cases touched by this import, with where, for checking them against their events at the end.
    touched_cases: HashMap<String, (String, u64)>,
    /// The bytes read so far, on a bar (hidden unless the command shows it).
    pub progress: Progress,
}

/// What each record kind needs beyond its declaration (implemented in `kinds`): its references,
/// the rules that involve other records, and the numbers this office gives.
trait Incoming: Record {
    const FILE: FileKind;
    /// Resolves references to stored records and applies the record's rules.
    fn prepare(&mut self, im: &mut Importer, row: &Row) -> Result<Vec<FieldError>>;
    /// A rule against other stored records that a later row of the same file may still satisfy
    /// (one open placement per person, one issued letter per placement, one live document of a
    /// kind per placement).
    fn exclusive(&self, _im: &Importer) -> Result<Option<FieldError>> {
        Ok(None)
    }
    /// The column on which the schema's own index for that rule reports a clash: in a table that
    /// was empty the rule is not looked up first, the insert tells.
    const EXCLUSIVE_COLUMN: Option<&'static str> = None;
    /// Numbers this office gives a record it stores for the first time.
    fn number(&mut self, _im: &mut Importer) -> Result<()> {
        Ok(())
    }
    /// Warnings a clerk must accept before the record is stored.
    fn warnings(&self) -> Vec<Warning> {
        Vec::new()
    }
    /// Notes in the import's memory what later rows may refer to.
    fn remember(&self, _im: &mut Importer) {}
    /// Why the row may not be applied at all (a decision that belongs to an office that does not
    /// vouch for this folder).
    fn ownership(&self, _stored: Option<&Self>, _im: &Importer) -> Result<Option<String>> {
        Ok(None)
    }
    /// What a newer version from elsewhere may not take away from the stored record (a recorded
    /// departure), and the columns that follow from the rest.
    fn keep_facts(&mut self, _stored: &Self, _im: &Importer) -> Result<()> {
        Ok(())
    }
    /// Settles the row some other way than the merge rule (a person merged by NIK).
    fn settle(&self, _im: &mut Importer, _file: &str, _line: u64) -> Result<Option<Outcome>> {
        Ok(None)
    }
    /// A new record the schema refused for a clash on `column` (another record holds that
    /// value): an error on its row, unless the kind settles it otherwise.
    fn clash(
        &self,
        im: &mut Importer,
        file: &str,
        line: u64,
        column: &str,
    ) -> Result<Option<Outcome>> {
        let exchange = Self::columns()
            .iter()
            .find(|c| c.name == column)
            .and_then(|c| c.exchange)
            .unwrap_or("uid");
        let value = record::exchange_fields(self)
            .into_iter()
            .find(|(name, _)| *name == exchange)
            .map(|(_, v)| quoted(&v))
            .unwrap_or_default();
        im.reject_uid(self.uid().to_string());
        im.errors.push(ImportError {
            file: file.to_string(),
            line,
            column: exchange.to_string(),
            value,
            reason: t!(Msg::ImportValueTaken),
        });
        Ok(None)
    }
}

impl<'a> Importer<'a> {
    pub fn new(tx: &'a Tx<'a>, actor: audit::Actor, settings: Settings) -> Result<Importer<'a>> {
        let latest_date = (settings.now + settings.tolerance).date_naive();
        // References are checked row by row above; the database checks them again at commit.
        db::merge::defer_references(tx)?;
        // The importing clerk vouches for the rows it stores (their `stored` entries).
        tx.act_as(&actor);
        Ok(Importer {
            known: Known::new(tx)?,
            tx,
            actor,
            settings,
            latest_date,
            counts: BTreeMap::new(),
            errors: ErrorList::default(),
            warnings: Vec::new(),
            conflicts: Vec::new(),
            refused: Default::default(),
            notes: Vec::new(),
            rejected: HashSet::new(),
            touched_cases: HashMap::new(),
            progress: Progress::hidden(),
        })
    }

    pub fn file(&mut self, table: &mut Table) -> Result<()> {
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
        self.counts.entry(table.kind).or_default();
        self.progress.label(&table.name);
        match table.kind {
            FileKind::Persons => self.rows::<Person>(table),
            FileKind::Placements => self.rows::<Placement>(table),
            FileKind::Documents => self.rows::<Document>(table),
            FileKind::Recommendations => self.rows::<Recommendation>(table),
            FileKind::Cases => self.rows::<Case>(table),
            FileKind::CaseEvents => self.rows::<CaseEvent>(table),
            FileKind::Repatriations => self.rows::<Repatriation>(table),
            // What version 2 adds for the merge is not taken from a folder nobody vouches for.
            FileKind::PersonMerges | FileKind::Conflicts => Ok(()),
        }?;
        self.progress.at(table.rows.bytes_read());
        self.progress.next_part();
        Ok(())
    }

    fn rows<R: Incoming>(&mut self, table: &mut Table) -> Result<()> {
        let mut record = csv::StringRecord::new();
        // Rows held back by a rule a later row may satisfy, tried again at the end of the table.
        let mut deferred: Vec<(R, ImportError)> = Vec::new();
        let header: Vec<(&String, &usize)> = {
            let mut h: Vec<_> = table.columns.iter().collect();
            h.sort_by_key(|(_, i)| **i);
            h
        };
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
                // A row longer or shorter than its header: its values may sit under the wrong names.
                let column = match record.len() < table.width {
                    true => header
                        .iter()
                        .find(|(_, i)| **i >= record.len())
                        .map(|(name, _)| name.to_string())
                        .unwrap_or_default(),
                    false => format!("#{}", table.width + 1),
                };
                let mut error = row.error(&column, t!(Msg::RowWidth, record.len(), table.width));
                if record.len() > table.width {
                    error.value = quoted(record.get(table.width).unwrap_or(""));
                }
                self.errors.push(error);
                let key = record::exchange_columns::<R>()
                    .next()
                    .and_then(|c| c.exchange)
                    .unwrap_or("uid");
                let uid = row.cell(key).to_lowercase();
                self.reject_uid(uid);
                continue;
            }
            let Some(incoming) = self.checked::<R>(&row)? else {
                continue;
            };
            if let Some(outcome) = incoming.settle(self, row.file, row.line)? {
                self.count(table.kind, outcome);
                continue;
            }
            if !self.known.fresh(R::FILE) {
                if let Some((column, e)) = incoming.exclusive(self)? {
                    // A version older than the stored one changes nothing, so it cannot clash.
                    if !self.stored_is_newer(&incoming)? {
                        deferred.push((incoming, row.error(column, e.to_string())));
                        continue;
                    }
                }
            }
            if let Some(held) = self.merge(table.kind, &table.name, line, incoming)? {
                // The insert met the rule's index: held back, its error told by the rule itself.
                let error = match held.exclusive(self)? {
                    Some((column, e)) => row.error(column, e.to_string()),
                    None => row.error("uid", t!(Msg::ImportValueTaken)),
                };
                deferred.push((held, error));
            }
        }
        for (incoming, error) in deferred {
            let clash = match incoming.exclusive(self)? {
                None => self.merge(table.kind, &table.name, error.line, incoming)?,
                Some(_) => Some(incoming),
            };
            if let Some(incoming) = clash {
                self.reject_uid(incoming.uid().to_string());
                self.errors.push(error);
            }
        }
        Ok(())
    }

    fn stored_is_newer<R: Incoming>(&self, incoming: &R) -> Result<bool> {
        Ok(records::get::<R>(self.tx, incoming.uid())?
            .is_some_and(|stored| stored.version() >= incoming.version()))
    }

    /// The row as a record that passed every rule, or `None` with its errors recorded.
    fn checked<R: Incoming>(&mut self, row: &Row) -> Result<Option<R>> {
        let mut problems = Vec::new();
        let parsed = R::from_exchange(|column| row.cell(column), &mut problems);
        let key = record::exchange_columns::<R>()
            .next()
            .and_then(|c| c.exchange)
            .unwrap_or("uid");
        let mut incoming = match parsed {
            Some(r) if problems.is_empty() => r,
            _ => {
                // A NIK cut to 12 digits is what a masked export looks like without its manifest.
                let nik = row.cell("nik");
                for (column, e) in problems.iter_mut() {
                    if *column == "nik"
                        && nik.len() == 12
                        && nik.bytes().all(|b| b.is_ascii_digit())
                    {
                        e.0 = crate::said!(Msg::ImportLooksMasked);
                    }
                }
                self.reject(row, key, problems);
                return Ok(None);
            }
        };
        let mut problems = incoming.prepare(self, row)?;
        // Versions in a folder nobody vouches for are not taken: what it changes is this office's.
        if problems.is_empty() {
            records::unstamp(&mut incoming)?;
        }
        let latest = self.settings.now + self.settings.tolerance;
        if incoming.version().moment().is_some_and(|m| m > latest) {
            problems.push((
                R::VERSION,
                crate::error::Invalid(crate::said!(
                    Msg::ImportStampedAhead,
                    self.settings.tolerance.num_hours()
                )),
            ));
        }
        if !problems.is_empty() {
            self.reject(row, key, problems);
            return Ok(None);
        }
        Ok(Some(incoming))
    }

    /// Notes a uid whose row had errors, so that rows referring to it say so. Once no further error
    /// is listed the reason would never be shown: the set stops growing (memory follows the work
    /// listed, not the bad rows of a file).
    fn reject_uid(&mut self, uid: String) {
        if !self.errors.is_full() {
            self.rejected.insert(uid);
        }
    }

    fn reject(&mut self, row: &Row, key: &str, problems: Vec<FieldError>) {
        let uid = row.cell(key).to_lowercase();
        if !uid.is_empty() {
            self.reject_uid(uid);
        }
        for (column, e) in problems {
            self.errors.push(row.error(column, e.to_string()));
        }
    }

    /// The office whose version this is: the folder's sender, else the record's own office.
    fn sender<R: Record>(&self, incoming: &R) -> String {
        if let Some(sender) = &self.settings.sender {
            return sender.clone();
        }
        R::columns()
            .iter()
            .zip(incoming.values())
            .find(|(c, _)| c.name == "office_code")
            .map(|(_, v)| v.text().into_owned())
            .unwrap_or_else(|| "-".into())
    }

    /// The merge rule, for a row that passed every check.
    /// Returns the record when the insert met the index of its kind's exclusive rule (to be held
    /// back and tried again at the end of the file).
    fn merge<R: Incoming>(
        &mut self,
        kind: FileKind,
        file: &str,
        line: u64,
        mut incoming: R,
    ) -> Result<Option<R>> {
        let sender = self.sender(&incoming);
        let held = match self.known.fresh(R::FILE) {
            true => None,
            false => records::get::<R>(self.tx, incoming.uid())?,
        };
        if let Some(reason) = incoming.ownership(held.as_ref(), self)? {
            self.refused.push(ImportError {
                file: file.to_string(),
                line,
                column: R::KIND.to_string(),
                value: incoming.uid().to_string(),
                reason,
            });
            return Ok(None);
        }
        // In a table that was empty, a uid is new unless this import stored it already, which the
        // insert itself reports (a clash on `uid`): no query per row.
        let outcome = match held {
            None => {
                incoming.number(self)?;
                match records::insert_or_clash(self.tx, &incoming)? {
                    None => {
                        self.collect_warnings(file, line, &incoming);
                        // With one sender for the whole folder, the import's range says it once.
                        if self.settings.sender.is_none() {
                            sync::first(self.tx, incoming.uid(), &sender, incoming.version())?;
                        }
                        incoming.remember(self);
                        Outcome::Inserted
                    }
                    // The uid stored already (an earlier row of this import): the index that
                    // reports it may be another one of the same row's values (its NIK, say).
                    Some(index) => {
                        let column = index.columns[0];
                        if let Some(stored) = records::get::<R>(self.tx, incoming.uid())? {
                            self.merge_stored(kind, file, line, incoming, stored, &sender)?;
                            return Ok(None);
                        }
                        if R::EXCLUSIVE_COLUMN == Some(column) {
                            return Ok(Some(incoming));
                        }
                        if let Some(outcome) = incoming.clash(self, file, line, column)? {
                            self.count(kind, outcome);
                        }
                        return Ok(None);
                    }
                }
            }
            Some(stored) => {
                self.merge_stored(kind, file, line, incoming, stored, &sender)?;
                return Ok(None);
            }
        };
        self.count(kind, outcome);
        Ok(None)
    }

    /// The merge rule for an incoming record whose uid is stored.
    fn merge_stored<R: Incoming>(
        &mut self,
        kind: FileKind,
        file: &str,
        line: u64,
        mut incoming: R,
        stored: R,
        sender: &str,
    ) -> Result<()> {
        let outcome = {
            {
                let wins = incoming.version() > stored.version();
                let conflicts = self.conflicts_with(&stored, &incoming, sender)?;
                for (field, local, theirs) in &conflicts {
                    self.conflicts.push(Conflict {
                        file: file.to_string(),
                        line,
                        record_kind: R::KIND,
                        record_uid: stored.uid().to_string(),
                        field,
                        local: local.clone(),
                        incoming: theirs.clone(),
                        incoming_won: wins,
                    });
                }
                if wins {
                    incoming.keep_local(&stored);
                    incoming.keep_facts(&stored, self)?;
                    self.collect_warnings(file, line, &incoming);
                    sync::keep_base(self.tx, &stored)?;
                    // Every field it changes is this office's write now.
                    records::overwrite(self.tx, &stored, &mut incoming)?;
                    sync::set(self.tx, incoming.uid(), sender, incoming.version(), None)?;
                    incoming.remember(self);
                    // The stored values this version replaces: where the record came from.
                    audit::note(
                        self.tx,
                        &self.actor,
                        R::record_kind(),
                        stored.uid(),
                        Action::Import,
                        &audit::diff(&stored.fields(), &incoming.fields()),
                    )?;
                    Outcome::Updated
                } else {
                    if incoming.version() != stored.version() {
                        let fields: Vec<String> = record::exchange_fields(&incoming)
                            .into_iter()
                            .map(|(_, v)| v)
                            .collect();
                        sync::set(
                            self.tx,
                            stored.uid(),
                            sender,
                            incoming.version(),
                            Some(&fields),
                        )?;
                    } else {
                        sync::set(self.tx, stored.uid(), sender, stored.version(), None)?;
                    }
                    if !conflicts.is_empty() {
                        // The incoming values that lost are kept here.
                        let lost: Vec<audit::Change> = conflicts
                            .iter()
                            .map(|(f, local, theirs)| {
                                (f.to_string(), Some(theirs.clone()), Some(local.clone()))
                            })
                            .collect();
                        audit::note(
                            self.tx,
                            &self.actor,
                            R::record_kind(),
                            stored.uid(),
                            Action::ConflictKeptLocal,
                            &lost,
                        )?;
                    }
                    Outcome::Unchanged
                }
            }
        };
        self.count(kind, outcome);
        Ok(())
    }

    fn count(&mut self, kind: FileKind, outcome: Outcome) {
        let c = self.counts.entry(kind).or_default();
        match outcome {
            Outcome::Inserted => c.inserted += 1,
            Outcome::Updated => c.updated += 1,
            Outcome::Unchanged => c.unchanged += 1,
            Outcome::Merged => c.merged += 1,
        }
    }

    fn collect_warnings<R: Incoming>(&mut self, file: &str, line: u64, incoming: &R) {
        for warning in incoming.warnings() {
            self.warnings.push(RowWarning {
                file: file.to_string(),
                line,
                record_uid: incoming.uid().to_string(),
                warning,
            });
        }
    }

    /// A concurrent edit: both the stored record and the incoming one changed since the version the
    /// two offices last agreed on. Returns every field where they differ, as `(field, local,
    /// incoming)`; whichever side the merge rule keeps, the other side's values are what it loses.
    fn conflicts_with<R: Record>(
        &self,
        stored: &R,
        incoming: &R,
        sender: &str,
    ) -> Result<Vec<(&'static str, String, String)>> {
        let local = record::exchange_fields(stored);
        let theirs = record::exchange_fields(incoming);
        let compared = |i: usize| !matches!(local[i].0, "created_at" | "updated_at" | "versions");
        let differing: Vec<usize> = (0..local.len())
            .filter(|i| compared(*i) && local[*i].1 != theirs[*i].1)
            .collect();
        if differing.is_empty() {
            return Ok(Vec::new());
        }
        let concurrent =
            match sync::base_of(self.tx, R::TABLE, stored.uid(), sender, stored.version())? {
                // The stored record is still the version last received: only the sender changed it.
                Some(b) if b.fields.is_none() && &b.version == stored.version() => false,
                Some(b) => match b.fields {
                    Some(base) => {
                        let changed = |side: &[(&str, String)]| {
                            (0..side.len()).any(|i| compared(i) && base.get(i) != Some(&side[i].1))
                        };
                        changed(&local) && changed(&theirs)
                    }
                    None => true,
                },
                None => {
                    // Never received from this office: the stored record counts as changed only if
                    // this office changed it after its last export (which the sender may have seen).
                    db::merge::seq_of(self.tx, R::TABLE, stored.uid())?
                        > self.settings.last_export_seq
                }
            };
        if !concurrent {
            return Ok(Vec::new());
        }
        Ok(differing
            .into_iter()
            .map(|i| (local[i].0, local[i].1.clone(), theirs[i].1.clone()))
            .collect())
    }

    /// A reference that must resolve to a stored record (or an earlier row of this import).
    fn reference<T>(
        &self,
        problems: &mut Vec<FieldError>,
        column: &'static str,
        uid: &str,
        found: Option<T>,
    ) -> Option<T> {
        if found.is_none() {
            let reason = match self.rejected.contains(uid) {
                true => t!(Msg::ImportRefersToRejected),
                false => t!(Msg::ImportUnknownReference),
            };
            problems.push((column, crate::error::Invalid::verbatim(reason)));
        }
        found
    }

    /// After every file: the numbers handed out saved, and each case touched by the import checked
    /// against its whole timeline.
    pub fn finish(&mut self) -> Result<()> {
        self.known.save_counters(self.tx)?;
        if let (Some(sender), Some((from, to))) = (&self.settings.sender, self.tx.seq_range()) {
            sync::received_range(self.tx, sender, from, to)?;
        }
        let mut touched: Vec<_> = self.touched_cases.drain().collect();
        touched.sort();
        for (uid, (file, line)) in touched {
            let Some(case) = records::get::<Case>(self.tx, &uid)? else {
                continue;
            };
            let events = db::cases::events(self.tx, &uid)?;
            for (column, e) in rules::case_with_events(&case, &events) {
                self.errors.push(ImportError {
                    file: file.clone(),
                    line,
                    column: column.to_string(),
                    value: quoted(case.status.code()),
                    reason: e.to_string(),
                });
            }
            // A case's status follows from its status events everywhere: where this version's
            // status is not what the events give, this office records the change that gives it.
            let state = crate::domain::case::case_state(&events);
            if (state.status, state.closure_reason, state.closed_on)
                != (case.status, case.closure_reason, case.closed_on)
            {
                let event = CaseEvent {
                    uid: crate::context::new_uid(),
                    case_uid: case.uid.clone(),
                    occurred_on: case
                        .closed_on
                        .or_else(|| events.iter().map(|e| e.occurred_on).max())
                        .unwrap_or(case.reported_on),
                    kind: crate::domain::CaseEventKind::StatusChange,
                    partner: None,
                    letter_number: None,
                    note: None,
                    status_from: Some(state.status),
                    awaiting: None,
                    contacted: false,
                    clerk: Some(self.actor.clerk.clone()),
                    created_at: record::Timestamp::from_datetime(self.actor.now),
                    status_to: Some(case.status),
                    closure_reason: case.closure_reason,
                    seen: crate::domain::case::seen_by_new_event(&events),
                    versions: crate::domain::version::Versions::unset(),
                };
                records::insert(self.tx, &event)?;
            }
        }
        Ok(())
    }
}
