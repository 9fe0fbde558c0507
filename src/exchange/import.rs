//! Merging imported rows into the database, inside the import's one transaction: a new uid is
//! inserted, a known uid with a newer `updated_at` replaces the stored record, an older or equal one
//! is left alone; a new person uid whose NIK is stored becomes an alias of the stored person. Every
//! reference must resolve to the database or to an earlier row of the same import.

use std::collections::{BTreeMap, HashSet};

use anyhow::Result;
use chrono::Datelike;
use rusqlite::Connection;

use super::read::{Cells, CsvFile, ImportError};
use super::FileKind;
use crate::db::{self, audit};
use crate::domain::case::{Case, CaseEvent};
use crate::domain::contact::parse_phone;
use crate::domain::date::parse_date;
use crate::domain::document::Document;
use crate::domain::person::{parse_name, Person};
use crate::domain::placement::{registration_number, Placement};
use crate::domain::recommendation::{parse_reasons, Recommendation};
use crate::domain::repatriation::{repatriation_number, Repatriation};
use crate::i18n::Msg;
use crate::t;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub merged: usize,
}

enum Outcome {
    Inserted,
    Updated,
    Unchanged,
    Merged,
}

pub struct Importer<'a> {
    tx: &'a Connection,
    actor: audit::Actor,
    office_code: String,
    pub counts: BTreeMap<FileKind, Counts>,
    pub errors: Vec<ImportError>,
    /// Same NIK, different name or birth date: worth a clerk's eye.
    pub conflicts: Vec<String>,
    /// Uids of rows that had errors, so rows referring to them say so.
    rejected: HashSet<String>,
}

fn text(value: &str) -> Result<String, crate::error::Invalid> {
    Ok(value.to_string())
}

impl<'a> Importer<'a> {
    pub fn new(tx: &'a Connection, actor: audit::Actor, office_code: &str) -> Importer<'a> {
        Importer {
            tx,
            actor,
            office_code: office_code.to_string(),
            counts: BTreeMap::new(),
            errors: Vec::new(),
            conflicts: Vec::new(),
            rejected: HashSet::new(),
        }
    }

    pub fn file(&mut self, file: &mut CsvFile) -> Result<()> {
        let missing = file.missing_columns();
        if !missing.is_empty() {
            for column in missing {
                self.errors.push(ImportError {
                    file: file.name.clone(),
                    line: 1,
                    column: column.into(),
                    value: String::new(),
                    reason: t!(Msg::ImportColumnMissing),
                });
            }
            return Ok(());
        }
        self.counts.entry(file.kind).or_default();
        let mut record = csv::StringRecord::new();
        loop {
            let read = file.reader.read_record(&mut record);
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            match read {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    self.errors.push(ImportError {
                        file: file.name.clone(),
                        line,
                        column: String::new(),
                        value: String::new(),
                        reason: e.to_string(),
                    });
                    continue;
                }
            }
            if record.iter().all(|v| v.trim().is_empty()) {
                continue;
            }
            let mut cells = Cells {
                file: &file.name,
                line,
                record: &record,
                columns: &file.columns,
                errors: Vec::new(),
            };
            let outcome = match file.kind {
                FileKind::Persons => self.person(&mut cells)?,
                FileKind::Placements => self.placement(&mut cells)?,
                FileKind::Documents => self.document(&mut cells)?,
                FileKind::Recommendations => self.recommendation(&mut cells)?,
                FileKind::Cases => self.case(&mut cells)?,
                FileKind::CaseEvents => self.event(&mut cells)?,
                FileKind::Repatriations => self.repatriation(&mut cells)?,
            };
            let key = file.kind.columns()[0];
            match outcome {
                Some(o) if cells.errors.is_empty() => {
                    let c = self.counts.entry(file.kind).or_default();
                    match o {
                        Outcome::Inserted => c.inserted += 1,
                        Outcome::Updated => c.updated += 1,
                        Outcome::Unchanged => c.unchanged += 1,
                        Outcome::Merged => c.merged += 1,
                    }
                }
                _ => {
                    if let Some(uid) = cells.raw(key) {
                        self.rejected.insert(uid.to_lowercase());
                    }
                    self.errors.append(&mut cells.errors);
                }
            }
        }
        Ok(())
    }

    /// The merge rule: a new uid is inserted (with `insert`, which may number it), a known uid with a
    /// newer `updated_at` replaces the stored record (keeping what only this office records), an
    /// older or equal one is left alone.
    fn upsert<T: Merged>(
        &self,
        kind: &str,
        mut incoming: T,
        stored: Option<T>,
        keep_local: impl FnOnce(T, &T) -> T,
        update: fn(&Connection, &T) -> Result<()>,
        insert: impl FnOnce(&Connection, &mut T) -> Result<()>,
    ) -> Result<Option<Outcome>> {
        match stored {
            Some(stored) if incoming.updated_at() <= stored.updated_at() => {
                Ok(Some(Outcome::Unchanged))
            }
            Some(stored) => {
                let merged = keep_local(incoming, &stored);
                update(self.tx, &merged)?;
                self.record(
                    kind,
                    merged.uid(),
                    "import",
                    Some(stored.fields()),
                    merged.fields(),
                )?;
                Ok(Some(Outcome::Updated))
            }
            None => {
                insert(self.tx, &mut incoming)?;
                self.record(kind, incoming.uid(), "import", None, incoming.fields())?;
                Ok(Some(Outcome::Inserted))
            }
        }
    }

    /// A reference that must resolve to a stored record (or an earlier row of this import).
    fn reference<T>(&self, cells: &mut Cells, column: &str, found: Option<T>) -> Option<T> {
        let uid = cells.raw(column)?.to_lowercase();
        if found.is_none() {
            let reason = if self.rejected.contains(&uid) {
                t!(Msg::ImportRefersToRejected)
            } else {
                t!(Msg::ImportUnknownReference)
            };
            cells.error(column, reason);
        }
        found
    }

    fn record(
        &self,
        kind: &str,
        uid: &str,
        action: &str,
        old: Option<Vec<(&'static str, String)>>,
        new: Vec<(&'static str, String)>,
    ) -> Result<()> {
        let changes = match old {
            Some(old) => audit::diff(&old, &new),
            None => audit::created(&new),
        };
        audit::record(self.tx, &self.actor, kind, uid, action, &changes)
    }

    fn uid(cells: &mut Cells, column: &str) -> Option<String> {
        cells.required(column, |s| {
            uuid::Uuid::parse_str(s)
                .map(|u| u.to_string())
                .map_err(|_| crate::error::Invalid(t!(Msg::UidInvalid, s)))
        })
    }

    fn person(&mut self, c: &mut Cells) -> Result<Option<Outcome>> {
        let uid = Self::uid(c, "person_uid");
        let p = Person {
            uid: uid.clone().unwrap_or_default(),
            nik: c.parse("nik", str::parse),
            full_name: c.required("full_name", parse_name).unwrap_or_default(),
            sex: c.parse("sex", str::parse),
            birth_place: c.text("birth_place"),
            birth_date: c.parse("birth_date", parse_date),
            regency: c.parse("regency_code", str::parse),
            address: c.text("address"),
            phone: c.parse("phone", |s| parse_phone(s).map(|(p, _)| p)),
            education: c.parse("education", str::parse),
            marital_status: c.parse("marital_status", str::parse),
            office_code: c.required_text("office_code").unwrap_or_default(),
            created_at: c.timestamp("created_at").unwrap_or_default(),
            updated_at: c.timestamp("updated_at").unwrap_or_default(),
        };
        if !c.errors.is_empty() || uid.is_none() {
            return Ok(None);
        }
        if let Some(stored) = db::persons::by_uid(self.tx, &p.uid)? {
            if p.updated_at <= stored.updated_at {
                return Ok(Some(Outcome::Unchanged));
            }
            let mut newer = Person {
                uid: stored.uid.clone(),
                ..p
            };
            if let Some(other) = newer
                .nik
                .as_ref()
                .map(|n| db::persons::by_nik(self.tx, n))
                .transpose()?
                .flatten()
                .filter(|o| o.uid != stored.uid)
            {
                c.error(
                    "nik",
                    t!(
                        Msg::NikBelongsToOther,
                        other.nik.map(|n| n.to_string()).unwrap_or_default(),
                        other.full_name
                    ),
                );
                return Ok(None);
            }
            newer.uid = stored.uid.clone();
            db::persons::update(self.tx, &newer)?;
            self.record(
                "person",
                &newer.uid,
                "import",
                Some(stored.fields()),
                newer.fields(),
            )?;
            return Ok(Some(Outcome::Updated));
        }
        if let Some(stored) = p
            .nik
            .as_ref()
            .map(|n| db::persons::by_nik(self.tx, n))
            .transpose()?
            .flatten()
        {
            let differs = stored.full_name.to_lowercase() != p.full_name.to_lowercase()
                || (p.birth_date.is_some() && stored.birth_date != p.birth_date);
            if differs {
                self.conflicts.push(t!(
                    Msg::ImportConflict,
                    stored
                        .nik
                        .as_ref()
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    stored.full_name,
                    p.full_name,
                    c.file,
                    c.line
                ));
            }
            db::persons::insert_alias(self.tx, &p.uid, &stored.uid)?;
            audit::record(
                self.tx,
                &self.actor,
                "person",
                &stored.uid,
                "alias",
                &[("alias_uid".into(), None, Some(p.uid.clone()))],
            )?;
            return Ok(Some(Outcome::Merged));
        }
        db::persons::insert(self.tx, &p)?;
        self.record("person", &p.uid, "import", None, p.fields())?;
        Ok(Some(Outcome::Inserted))
    }

    fn placement(&mut self, c: &mut Cells) -> Result<Option<Outcome>> {
        let uid = Self::uid(c, "placement_uid");
        let person = match c.raw("person_uid").map(str::to_lowercase) {
            Some(puid) => db::persons::by_uid(self.tx, &puid)?,
            None => None,
        };
        let person = self.reference(c, "person_uid", person);
        let p = Placement {
            uid: uid.clone().unwrap_or_default(),
            registration_number: None,
            person_uid: person.map(|p| p.uid).unwrap_or_default(),
            scheme: c
                .required("scheme", str::parse)
                .unwrap_or(crate::domain::Scheme::Mandiri),
            p3mi_name: c.text("p3mi_name"),
            employer_name: c.text("employer_name"),
            country: c
                .required("country", str::parse)
                .unwrap_or_else(|| "ID".parse().expect("ID is a country")),
            sector: c.parse("sector", str::parse),
            occupation: c.text("occupation"),
            stage: c
                .required("stage", str::parse)
                .unwrap_or(crate::domain::Stage::Registered),
            registered_on: c.required("registered_on", parse_date).unwrap_or_default(),
            departed_on: c.parse("departed_on", parse_date),
            returned_on: c.parse("returned_on", parse_date),
            cancel_reason: c.parse("cancel_reason", str::parse),
            cancel_note: None,
            passport_number: c.text("passport_number"),
            office_code: c.required_text("office_code").unwrap_or_default(),
            created_at: c.timestamp("created_at").unwrap_or_default(),
            updated_at: c.timestamp("updated_at").unwrap_or_default(),
        };
        c.required("person_uid", text);
        if !c.errors.is_empty() || uid.is_none() {
            return Ok(None);
        }
        let stored = db::placements::by_uid_or_number(self.tx, &p.uid)?;
        let keep_local = |new: Placement, old: &Placement| Placement {
            registration_number: old.registration_number.clone(),
            cancel_note: old.cancel_note.clone(),
            ..new
        };
        self.upsert(
            "placement",
            p,
            stored,
            keep_local,
            db::placements::update,
            |tx, p| {
                let year = p.registered_on.year();
                p.registration_number = Some(registration_number(
                    year,
                    db::counters::next(tx, "registration", year)?,
                ));
                db::placements::insert(tx, p)
            },
        )
    }

    fn placement_ref(&self, c: &mut Cells) -> Result<Option<Placement>> {
        let found = match c.raw("placement_uid").map(str::to_lowercase) {
            Some(uid) => db::placements::by_uid_or_number(self.tx, &uid)?,
            None => None,
        };
        Ok(self.reference(c, "placement_uid", found))
    }

    fn document(&mut self, c: &mut Cells) -> Result<Option<Outcome>> {
        let uid = Self::uid(c, "document_uid");
        let placement = self.placement_ref(c)?;
        c.required("placement_uid", text);
        let updated_at = c.timestamp("updated_at").unwrap_or_default();
        let d = Document {
            uid: uid.clone().unwrap_or_default(),
            placement_uid: placement.map(|p| p.uid).unwrap_or_default(),
            kind: c
                .required("kind", str::parse)
                .unwrap_or(crate::domain::DocumentKind::Ktp),
            number: c.text("number"),
            issued_on: c.parse("issued_on", parse_date),
            expires_on: c.parse("expires_on", parse_date),
            verified_on: c.parse("verified_on", parse_date),
            verified_by: c.text("verified_by"),
            created_at: updated_at.clone(),
            updated_at,
        };
        if !c.errors.is_empty() || uid.is_none() {
            return Ok(None);
        }
        let stored = db::documents::by_uid(self.tx, &d.uid)?;
        let keep_local = |new: Document, old: &Document| Document {
            created_at: old.created_at.clone(),
            ..new
        };
        self.upsert(
            "document",
            d,
            stored,
            keep_local,
            db::documents::update,
            |tx, d| db::documents::insert(tx, d),
        )
    }

    fn recommendation(&mut self, c: &mut Cells) -> Result<Option<Outcome>> {
        let uid = Self::uid(c, "recommendation_uid");
        let placement = self.placement_ref(c)?;
        c.required("placement_uid", text);
        let r = Recommendation {
            uid: uid.clone().unwrap_or_default(),
            placement_uid: placement.map(|p| p.uid).unwrap_or_default(),
            letter_number: c.text("letter_number"),
            status: c
                .required("status", str::parse)
                .unwrap_or(crate::domain::RecommendationStatus::Issued),
            decided_on: c.required("decided_on", parse_date).unwrap_or_default(),
            valid_until: c.parse("valid_until", parse_date),
            immigration_office: c.text("immigration_office"),
            refusal_reasons: c
                .parse("refusal_reasons", parse_reasons)
                .unwrap_or_default(),
            refusal_details: None,
            void_reason: c.text("void_reason"),
            passport_number: None,
            passport_issued_on: None,
            reprints: 0,
            clerk: c.text("clerk"),
            office_code: c.required_text("office_code").unwrap_or_default(),
            created_at: c.timestamp("created_at").unwrap_or_default(),
            updated_at: c.timestamp("updated_at").unwrap_or_default(),
        };
        if let Some(number) = &r.letter_number {
            if let Some(other) =
                db::recommendations::by_letter_or_uid(self.tx, number)?.filter(|o| o.uid != r.uid)
            {
                c.error("letter_number", t!(Msg::ImportNumberTaken, other.uid));
            }
        }
        if !c.errors.is_empty() || uid.is_none() {
            return Ok(None);
        }
        let stored = db::recommendations::by_letter_or_uid(self.tx, &r.uid)?;
        let keep_local = |new: Recommendation, old: &Recommendation| Recommendation {
            refusal_details: old.refusal_details.clone(),
            passport_number: old.passport_number.clone(),
            passport_issued_on: old.passport_issued_on,
            reprints: old.reprints,
            ..new
        };
        self.upsert(
            "recommendation",
            r,
            stored,
            keep_local,
            db::recommendations::update,
            |tx, r| db::recommendations::insert(tx, r),
        )
    }

    fn case(&mut self, c: &mut Cells) -> Result<Option<Outcome>> {
        let uid = Self::uid(c, "case_uid");
        let person = match c.raw("person_uid").map(str::to_lowercase) {
            Some(puid) => self.reference(c, "person_uid", db::persons::by_uid(self.tx, &puid)?),
            None => None,
        };
        let k = Case {
            uid: uid.clone().unwrap_or_default(),
            case_number: c.required_text("case_number").unwrap_or_default(),
            person_uid: person.map(|p| p.uid),
            category: c
                .required("category", str::parse)
                .unwrap_or(crate::domain::CaseCategory::Other),
            channel: c.parse("channel", str::parse),
            procedural_status: c.parse("procedural_status", str::parse),
            country: c.parse("country", str::parse),
            reported_on: c.required("reported_on", parse_date).unwrap_or_default(),
            complainant_name: c.text("complainant_name"),
            complainant_relation: c.text("complainant_relation"),
            summary: c.text("summary"),
            status: c
                .required("status", str::parse)
                .unwrap_or(crate::domain::CaseStatus::New),
            closure_reason: c.parse("closure_reason", str::parse),
            closed_on: c.parse("closed_on", parse_date),
            outcome: None,
            clerk: None,
            office_code: c.required_text("office_code").unwrap_or_default(),
            created_at: c.timestamp("created_at").unwrap_or_default(),
            updated_at: c.timestamp("updated_at").unwrap_or_default(),
        };
        if let Some(other) =
            db::cases::by_number_or_uid(self.tx, &k.case_number)?.filter(|o| o.uid != k.uid)
        {
            c.error("case_number", t!(Msg::ImportNumberTaken, other.uid));
        }
        if !c.errors.is_empty() || uid.is_none() {
            return Ok(None);
        }
        self.raise_counter("case", &format!("{}-K-", self.office_code), &k.case_number)?;
        let stored = db::cases::by_number_or_uid(self.tx, &k.uid)?;
        let keep_local = |new: Case, old: &Case| Case {
            outcome: old.outcome.clone(),
            clerk: old.clerk.clone(),
            ..new
        };
        self.upsert("case", k, stored, keep_local, db::cases::update, |tx, k| {
            db::cases::insert(tx, k)
        })
    }

    /// Keeps this office's own sequence above a number that came back from elsewhere.
    fn raise_counter(&self, counter: &str, prefix: &str, number: &str) -> Result<()> {
        if let Some((year, seq)) = number
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once('-'))
        {
            if let (Ok(year), Ok(seq)) = (year.parse::<i32>(), seq.parse::<i64>()) {
                db::counters::raise_to(self.tx, counter, year, seq)?;
            }
        }
        Ok(())
    }

    fn event(&mut self, c: &mut Cells) -> Result<Option<Outcome>> {
        let uid = Self::uid(c, "event_uid");
        let case = match c.raw("case_uid").map(str::to_lowercase) {
            Some(cuid) => db::cases::by_number_or_uid(self.tx, &cuid)?,
            None => None,
        };
        let case = self.reference(c, "case_uid", case);
        c.required("case_uid", text);
        let e = CaseEvent {
            uid: uid.clone().unwrap_or_default(),
            case_uid: case.map(|k| k.uid).unwrap_or_default(),
            occurred_on: c.required("occurred_on", parse_date).unwrap_or_default(),
            kind: c
                .required("kind", str::parse)
                .unwrap_or(crate::domain::CaseEventKind::Note),
            partner: c.parse("partner", str::parse),
            letter_number: c.text("letter_number"),
            note: c.text("note"),
            status_from: None,
            status_to: None,
            awaiting: None,
            contacted: false,
            clerk: c.text("clerk"),
            created_at: c.timestamp("created_at").unwrap_or_default(),
        };
        if !c.errors.is_empty() || uid.is_none() {
            return Ok(None);
        }
        // Events are never changed once recorded: a known one is left alone.
        if db::cases::event_exists(self.tx, &e.uid)? {
            return Ok(Some(Outcome::Unchanged));
        }
        db::cases::insert_event(self.tx, &e)?;
        self.record("case_event", &e.uid, "import", None, e.fields())?;
        Ok(Some(Outcome::Inserted))
    }

    fn repatriation(&mut self, c: &mut Cells) -> Result<Option<Outcome>> {
        let uid = Self::uid(c, "repatriation_uid");
        let person = match c.raw("person_uid").map(str::to_lowercase) {
            Some(puid) => self.reference(c, "person_uid", db::persons::by_uid(self.tx, &puid)?),
            None => None,
        };
        let case = match c.raw("case_uid").map(str::to_lowercase) {
            Some(cuid) => {
                self.reference(c, "case_uid", db::cases::by_number_or_uid(self.tx, &cuid)?)
            }
            None => None,
        };
        let r = Repatriation {
            uid: uid.clone().unwrap_or_default(),
            repatriation_number: String::new(),
            person_uid: person.map(|p| p.uid),
            case_uid: case.map(|k| k.uid),
            category: c
                .required("category", str::parse)
                .unwrap_or(crate::domain::RepatriationCategory::Mixed),
            from_country: c.parse("from_country", str::parse),
            debarkation: c.text("debarkation"),
            arrived_on: c.required("arrived_on", parse_date).unwrap_or_default(),
            origin_regency: c.parse("origin_regency_code", str::parse),
            escort: None,
            fit_to_travel_letter: None,
            cause_of_death: None,
            airway_bill: None,
            handed_over_to: c.parse("handed_over_to", str::parse),
            handed_over_on: c.parse("handed_over_on", parse_date),
            handover_record_number: c.text("handover_record_number"),
            receiver_name: None,
            receiver_relation: None,
            witness: None,
            notes: c.text("notes"),
            office_code: c.required_text("office_code").unwrap_or_default(),
            created_at: c.timestamp("created_at").unwrap_or_default(),
            updated_at: c.timestamp("updated_at").unwrap_or_default(),
        };
        if !c.errors.is_empty() || uid.is_none() {
            return Ok(None);
        }
        let stored = db::repatriations::by_number_or_uid(self.tx, &r.uid)?;
        let office = self.office_code.clone();
        self.upsert(
            "repatriation",
            r,
            stored,
            keep_local_repatriation,
            db::repatriations::update,
            move |tx, r| {
                let year = r.arrived_on.year();
                r.repatriation_number = repatriation_number(
                    &office,
                    year,
                    db::counters::next(tx, "repatriation", year)?,
                );
                db::repatriations::insert(tx, r)
            },
        )
    }
}

fn keep_local_repatriation(new: Repatriation, old: &Repatriation) -> Repatriation {
    Repatriation {
        repatriation_number: old.repatriation_number.clone(),
        escort: old.escort.clone(),
        fit_to_travel_letter: old.fit_to_travel_letter.clone(),
        cause_of_death: old.cause_of_death.clone(),
        airway_bill: old.airway_bill.clone(),
        receiver_name: old.receiver_name.clone(),
        receiver_relation: old.receiver_relation.clone(),
        witness: old.witness.clone(),
        ..new
    }
}

/// What the merge rule needs of a record.
trait Merged {
    fn uid(&self) -> &str;
    fn updated_at(&self) -> &str;
    fn fields(&self) -> Vec<(&'static str, String)>;
}

macro_rules! merged {
    ($($t:ty),+) => {$(
        impl Merged for $t {
            fn uid(&self) -> &str {
                &self.uid
            }
            fn updated_at(&self) -> &str {
                &self.updated_at
            }
            fn fields(&self) -> Vec<(&'static str, String)> {
                <$t>::fields(self)
            }
        }
    )+};
}
merged!(Placement, Document, Recommendation, Case, Repatriation);
