//! SQL for every record kind, written once from its declaration (`domain::record`): the select
//! list, reading a row, inserting, and the conditional replace that refuses to overwrite a version
//! another clerk changed meanwhile. Every insert and update stamps the next change sequence.

use anyhow::{Context, Result};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, Params, Row, ToSql};

use super::audit::{self, Actor};
use super::constraint::{broken_unique, constraint_or, Unique};
use super::Tx;
use crate::domain::record::{self, Merge, Record, Scalar, Timestamp};
use crate::domain::version::{Dot, Versions};
use crate::error::{refused, Invalid};
use crate::i18n::Msg;
use crate::t;

impl ToSql for Scalar<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Scalar::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Scalar::Text(text) => ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())),
            Scalar::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
        })
    }
}

/// A stored value as the declarations read it.
pub fn scalar(value: ValueRef<'_>) -> Result<Scalar<'_>, Invalid> {
    match value {
        ValueRef::Null => Ok(Scalar::Null),
        ValueRef::Integer(i) => Ok(Scalar::Int(i)),
        ValueRef::Real(r) => Ok(Scalar::Text(r.to_string().into())),
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => std::str::from_utf8(bytes)
            .map(|s| Scalar::Text(s.into()))
            .map_err(|_| Invalid(crate::said!(Msg::StoredValueInvalid))),
    }
}

thread_local! {
    /// SQL texts built from the declarations, once per record kind and statement.
    static TEXTS: std::cell::RefCell<std::collections::HashMap<(&'static str, &'static str), std::rc::Rc<str>>> =
        Default::default();
}

/// The SQL text `what` of a record kind's `table`, built by `build` the first time only.
fn text(
    table: &'static str,
    what: &'static str,
    build: impl FnOnce() -> String,
) -> std::rc::Rc<str> {
    TEXTS.with(|texts| {
        texts
            .borrow_mut()
            .entry((table, what))
            .or_insert_with(|| build().into())
            .clone()
    })
}

/// `a.uid, a.nik, ...`: the record's columns for a SELECT, with a table alias.
pub fn select_list<R: Record>(alias: &str) -> String {
    R::columns()
        .iter()
        .map(|c| format!("{alias}.{}", c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The record from the columns of `row` starting at `offset` (as `select_list` names them).
pub fn from_row<R: Record>(row: &Row, offset: usize) -> rusqlite::Result<R> {
    R::from_values(|i| {
        let value = row
            .get_ref(offset + i)
            .map_err(|e| Invalid::verbatim(e.to_string()))?;
        scalar(value)
    })
    .map_err(|(column, e)| {
        rusqlite::Error::FromSqlConversionFailure(
            offset,
            rusqlite::types::Type::Text,
            Box::new(Invalid::verbatim(format!("{}.{column}: {e}", R::TABLE))),
        )
    })
}

/// Records of a kind: `SELECT <columns> FROM <table> r <tail>`, where `tail` may join and filter
/// (the record's table is aliased `r`).
pub fn query<R: Record, P: Params>(conn: &Connection, tail: &str, params: P) -> Result<Vec<R>> {
    let sql = format!(
        "SELECT {} FROM {} r {tail}",
        select_list::<R>("r"),
        R::TABLE
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params, |row| from_row::<R>(row, 0))?;
    rows.collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| format!("reading {}", R::TABLE))
}

/// The first record `query` finds, if any.
pub fn query_one<R: Record, P: Params>(
    conn: &Connection,
    tail: &str,
    params: P,
) -> Result<Option<R>> {
    let sql = format!(
        "SELECT {} FROM {} r {tail}",
        select_list::<R>("r"),
        R::TABLE
    );
    conn.prepare_cached(&sql)?
        .query_row(params, |row| from_row::<R>(row, 0))
        .optional()
        .with_context(|| format!("reading {}", R::TABLE))
}

/// One record by its uid.
pub fn get<R: Record>(conn: &Connection, uid: &str) -> Result<Option<R>> {
    query_one(conn, "WHERE r.uid = ?1", [uid])
}

fn insert_sql<R: Record>(record: &R) -> String {
    let mut names: Vec<&str> = R::columns().iter().map(|c| c.name).collect();
    names.extend(record.derived().iter().map(|(name, _)| *name));
    names.push("seq");
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        R::TABLE,
        names.join(", "),
        marks.join(", ")
    )
}

/// The values to store for a new record, with the change sequence it takes: a record made here
/// (its versions not set yet) is versioned as this site's write at that sequence.
fn values_to_insert<'r, R: Record>(tx: &Tx, record: &'r R) -> Vec<Scalar<'r>> {
    let seq = tx.next_seq();
    let mut values = record.values();
    if let Some(at) = versions_column::<R>() {
        if values[at].text().is_empty() {
            values[at] = Scalar::Text(Dot::new(tx.site(), seq).to_string().into());
        }
    }
    values.extend(record.derived().into_iter().map(|(_, v)| v));
    values.push(Scalar::Int(seq));
    values
}

/// Where a kind's `versions` column is among its columns.
pub fn versions_column<R: Record>() -> Option<usize> {
    R::columns().iter().position(|c| c.merge == Merge::Versions)
}

/// Inserts a new record like `insert`, but a uniqueness rule of the schema it breaks is an answer,
/// not an error: `Some(index)` names the unique index of the clash (the primary key when the record
/// is stored already), and nothing was written. For bulk imports, which learn this way what a query
/// per row would otherwise have told them.
pub fn insert_or_clash<R: Record>(tx: &Tx, record: &R) -> Result<Option<&'static Unique>> {
    let values = values_to_insert(tx, record);
    let result = tx
        .prepare_cached(&text(R::TABLE, "insert", || insert_sql(record)))
        .with_context(|| format!("saving {}", R::KIND))?
        .execute(rusqlite::params_from_iter(values.iter()));
    match result {
        Ok(_) => {
            // A new row of an import gets no audit entry of its own (one per record doubled the
            // import's time and grew the database by four fifths): its digest joins the batch
            // the import's one entry vouches for (docs/data.md).
            tx.imported::<R>(record.uid(), &values[..R::columns().len()])?;
            index_words(tx, record, false)?;
            Ok(None)
        }
        Err(e) => match broken_unique(&e) {
            Some(index) if index.table == R::TABLE => Ok(Some(index)),
            _ => Err(constraint_or(e, R::TABLE)).with_context(|| format!("saving {}", R::KIND)),
        },
    }
}

/// Inserts a record another office sent: where it meets a uniqueness rule that tolerates clashes
/// (one open placement per person, one NIK...), the records already holding the value are marked
/// as in a clash and the new one is stored beside them (`db::clash`). Returns whether it clashed.
pub fn insert_beside<R: Record>(tx: &Tx, record: &R) -> Result<bool> {
    let mut clashed = false;
    for _ in 0..8 {
        match insert_or_clash(tx, record)? {
            None => return Ok(clashed),
            Some(index) => {
                if !make_room::<R>(tx, record, index)? {
                    anyhow::bail!(
                        "{} {}: {} already stored",
                        R::KIND,
                        record.uid(),
                        index.columns.join(", ")
                    );
                }
                clashed = true;
            }
        }
    }
    anyhow::bail!("{} {}: too many clashes", R::KIND, record.uid())
}

/// Replaces a stored record by another office's version, beside whatever it now clashes with
/// (see `insert_beside`).
pub fn replace_beside<R: Record>(tx: &Tx, record: &R, expected: &Timestamp) -> Result<bool> {
    for _ in 0..8 {
        let seq = tx.next_seq();
        match replace_raw(tx, record, expected, seq) {
            Ok(done) => {
                if done {
                    index_words(tx, record, true)?;
                }
                return Ok(done);
            }
            Err(e) => match broken_unique(&e) {
                Some(index) if index.table == R::TABLE && make_room::<R>(tx, record, index)? => {
                    continue
                }
                _ => {
                    return Err(constraint_or(e, R::TABLE))
                        .with_context(|| format!("saving {}", R::KIND))
                }
            },
        }
    }
    anyhow::bail!("{} {}: too many clashes", R::KIND, record.uid())
}

/// Marks the stored holders of `record`'s value on the unique `index` as clashing.
fn make_room<R: Record>(tx: &Tx, record: &R, index: &Unique) -> Result<bool> {
    let Some(key_columns) = super::clash::key_columns(index.name) else {
        return Ok(false);
    };
    let values = record.values();
    let key: Vec<rusqlite::types::Value> = key_columns
        .iter()
        .map(|k| {
            R::columns()
                .iter()
                .position(|c| c.name == *k)
                .map(|i| match &values[i] {
                    Scalar::Null => rusqlite::types::Value::Null,
                    Scalar::Int(n) => rusqlite::types::Value::Integer(*n),
                    Scalar::Text(t) => rusqlite::types::Value::Text(t.to_string()),
                })
                .unwrap_or(rusqlite::types::Value::Null)
        })
        .collect();
    super::clash::make_room(tx, index.name, &key)
}

/// Inserts a new record, stamped with the next change sequence.
pub fn insert<R: Record>(tx: &Tx, record: &R) -> Result<()> {
    let values = values_to_insert(tx, record);
    tx.prepare_cached(&text(R::TABLE, "insert", || insert_sql(record)))?
        .execute(rusqlite::params_from_iter(values.iter()))
        .map_err(|e| constraint_or(e, R::TABLE))
        .with_context(|| format!("saving {}", R::KIND))?;
    tx.wrote(R::TABLE, record.uid());
    index_words(tx, record, false)
}

/// Fills a kind's full-text index (`<table>_words`) from every stored record, with the same
/// words the commands keep (run by the migration that creates the index).
pub fn index_all_words<R: Record>(conn: &Connection) -> Result<()> {
    let mut insert = conn.prepare(&format!(
        "INSERT INTO {}_words (rowid, words) VALUES (?1, ?2)",
        R::TABLE
    ))?;
    let mut stmt = conn.prepare(&format!(
        "SELECT r.rowid, {} FROM {} r",
        select_list::<R>("r"),
        R::TABLE
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let record = from_row::<R>(row, 1)?;
        if let Some(words) = record.words() {
            insert.execute(rusqlite::params![row.get::<_, i64>(0)?, words])?;
        }
    }
    Ok(())
}

/// Keeps the full-text index of a kind's words (`<table>_words`) in step: the words of a record
/// just inserted (the last row written) or changed.
fn index_words<R: Record>(tx: &Tx, record: &R, changed: bool) -> Result<()> {
    let Some(words) = record.words() else {
        return Ok(());
    };
    let rowid: i64 = match changed {
        false => tx.last_insert_rowid(),
        true => tx
            .prepare_cached(&text(R::TABLE, "rowid", || {
                format!("SELECT rowid FROM {} WHERE uid = ?1", R::TABLE)
            }))?
            .query_row([record.uid()], |r| r.get(0))?,
    };
    if changed {
        tx.prepare_cached(&text(R::TABLE, "words delete", || {
            format!("DELETE FROM {}_words WHERE rowid = ?1", R::TABLE)
        }))?
        .execute([rowid])?;
    }
    tx.prepare_cached(&text(R::TABLE, "words", || {
        format!(
            "INSERT INTO {}_words (rowid, words) VALUES (?1, ?2)",
            R::TABLE
        )
    }))?
    .execute(rusqlite::params![rowid, words])?;
    Ok(())
}

/// Replaces the stored record whose version is `expected` by `record`, stamped with the next change
/// sequence. False when the stored version is no longer `expected` (changed meanwhile) or gone.
pub fn replace<R: Record>(tx: &Tx, record: &R, expected: &Timestamp) -> Result<bool> {
    replace_at(tx, record, expected, tx.next_seq())
}

/// `replace`, stamped with `seq` (taken by the caller, who versioned the change with it).
pub fn replace_at<R: Record>(tx: &Tx, record: &R, expected: &Timestamp, seq: i64) -> Result<bool> {
    let changed = replace_raw(tx, record, expected, seq)
        .map_err(|e| constraint_or(e, R::TABLE))
        .with_context(|| format!("saving {}", R::KIND))?;
    if changed {
        index_words(tx, record, true)?;
    }
    Ok(changed)
}

/// The UPDATE of `replace_at`, its error as SQLite gave it.
fn replace_raw<R: Record>(
    tx: &Tx,
    record: &R,
    expected: &Timestamp,
    seq: i64,
) -> rusqlite::Result<bool> {
    let derived = record.derived();
    let sql = text(R::TABLE, "replace", || {
        let columns = R::columns();
        let mut sets: Vec<String> = columns
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, c)| format!("{} = ?{}", c.name, i + 1))
            .collect();
        let mut n = columns.len();
        for (name, _) in &derived {
            n += 1;
            sets.push(format!("{name} = ?{n}"));
        }
        format!(
            "UPDATE {} SET {}, seq = ?{} WHERE uid = ?1 AND {} = ?{}",
            R::TABLE,
            sets.join(", "),
            n + 1,
            R::VERSION,
            n + 2
        )
    });
    let mut values = record.values();
    values.extend(derived.into_iter().map(|(_, v)| v));
    values.push(Scalar::Int(seq));
    values.push(Scalar::Text(expected.as_str().into()));
    let changed = tx
        .prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values.iter()))?;
    if changed == 1 {
        tx.wrote(R::TABLE, record.uid());
    }
    Ok(changed == 1)
}

/// A new record made by a clerk's command: inserted and audited with all its fields.
pub fn create<R: Record>(tx: &Tx, actor: &Actor, record: &R) -> Result<()> {
    let mut record = record.clone();
    record.on_save(&actor.clerk, &Timestamp::from_datetime(actor.now));
    let record = &record;
    insert(tx, record)?;
    audit::record(
        tx,
        actor,
        R::KIND,
        record.uid(),
        "create",
        &audit::created(&record::fields(record)),
    )
}

/// A clerk's change to a stored record: stamped later than the stored version (never backwards),
/// written only if nobody changed it since `old` was read, and audited with old and new values.
/// Returns the record as saved; unchanged fields write nothing. `action` names the change in the
/// audit log (`update`, `void`, `print`...).
pub fn change<R: Record>(tx: &Tx, actor: &Actor, action: &str, old: &R, new: R) -> Result<R> {
    change_with(tx, actor, action, old, new, Vec::new())
}

/// `change`, with more to say in the same audit entry (where a letter was printed to).
pub fn change_with<R: Record>(
    tx: &Tx,
    actor: &Actor,
    action: &str,
    old: &R,
    mut new: R,
    also: Vec<audit::Change>,
) -> Result<R> {
    new.on_save(&actor.clerk, &Timestamp::from_datetime(actor.now));
    let mut changes = audit::diff(&record::fields(old), &record::fields(&new));
    if changes.is_empty() {
        return Ok(new);
    }
    // What only this office records (a reprint count) does not make a new version for others.
    let exchanged = R::columns()
        .iter()
        .any(|c| c.exchange.is_some() && changes.iter().any(|(f, _, _)| f == c.name));
    if exchanged {
        new.set_version(Timestamp::after(actor.now, old.version()));
    }
    super::sync::keep_base(tx, old)?;
    let seq = tx.next_seq();
    let written = version_write(tx, old, &mut new, seq)?;
    if !replace_at(tx, &new, old.version(), seq)? {
        return Err(refused(t!(
            Msg::ChangedMeanwhile,
            crate::views::record_kind_label(R::KIND),
            old.uid()
        )));
    }
    super::kept::after_write(tx, R::KIND, new.uid(), &written, seq)?;
    changes.extend(also);
    audit::record(tx, actor, R::KIND, new.uid(), action, &changes)?;
    Ok(new)
}

/// A clerk's decision on a field two offices wrote differently: `new` holds the chosen value, and
/// the field is written here even if the value is the one already shown, so that the decision
/// supersedes every office's write of it (the conflict ends everywhere).
pub fn decide<R: Record>(tx: &Tx, actor: &Actor, old: &R, mut new: R, field: &str) -> Result<()> {
    new.set_version(Timestamp::after(actor.now, old.version()));
    let seq = tx.next_seq();
    let mut written = version_write(tx, old, &mut new, seq)?;
    let field: &'static str = R::columns()
        .iter()
        .filter_map(|c| c.exchange)
        .find(|e| *e == field)
        .ok_or_else(|| anyhow::anyhow!("{} has no field {field}", R::KIND))?;
    if !written.contains(&field) {
        if let Some(at) = versions_column::<R>() {
            let mut versions = Versions::load(&new.values()[at].text())?;
            versions.write(&[field], Dot::new(tx.site(), seq));
            set_versions(&mut new, at, &versions.to_string())?;
        }
        written.push(field);
    }
    super::sync::keep_base(tx, old)?;
    if !replace_at(tx, &new, old.version(), seq)? {
        return Err(refused(t!(
            Msg::ChangedMeanwhile,
            crate::views::record_kind_label(R::KIND),
            old.uid()
        )));
    }
    super::kept::after_write(tx, R::KIND, new.uid(), &written, seq)?;
    let mut changes = audit::diff(&record::fields(old), &record::fields(&new));
    changes.push(("decided".into(), None, Some(field.to_string())));
    audit::record(tx, actor, R::KIND, new.uid(), "resolve", &changes)
}

/// The versions of a clerk's change: every shared field it changed is this site's write at `seq`
/// (superseding whatever was kept for it). Returns the fields written.
fn version_write<R: Record>(tx: &Tx, old: &R, new: &mut R, seq: i64) -> Result<Vec<&'static str>> {
    let Some(at) = versions_column::<R>() else {
        return Ok(Vec::new());
    };
    let before = old.values();
    let after = new.values();
    let written: Vec<&'static str> = R::columns()
        .iter()
        .enumerate()
        .filter(|(i, c)| c.merge == Merge::Register && before[*i] != after[*i])
        .filter_map(|(_, c)| c.exchange)
        .collect();
    // The stored versions: the copy the command read may predate its own insert's stamp.
    let stored: String = tx
        .prepare_cached(&text(R::TABLE, "versions", || {
            format!("SELECT versions FROM {} WHERE uid = ?1", R::TABLE)
        }))?
        .query_row([old.uid()], |r| r.get(0))
        .optional()?
        .unwrap_or_default();
    let mut versions = Versions::load(&stored)?;
    if !versions.is_set() {
        versions = Versions::created(Dot::new(tx.site(), seq));
    }
    if !written.is_empty() {
        versions.write(&written, Dot::new(tx.site(), seq));
    }
    set_versions(new, at, &versions.to_string())?;
    Ok(written)
}

/// Forgets a record's versions (a row nobody vouches for): stored, it is this office's write.
pub fn unstamp<R: Record>(record: &mut R) -> Result<()> {
    match versions_column::<R>() {
        Some(at) => set_versions(record, at, ""),
        None => Ok(()),
    }
}

/// Replaces a stored record by `new` (a newer version from a folder nobody vouches for): every
/// shared field it changes is this site's write, as a clerk's change would be. No audit entry (the
/// import writes its own).
pub fn overwrite<R: Record>(tx: &Tx, old: &R, new: &mut R) -> Result<()> {
    let seq = tx.next_seq();
    let written = version_write(tx, old, new, seq)?;
    if !replace_at(tx, new, old.version(), seq)? {
        anyhow::bail!("{} {} changed during the import", R::KIND, old.uid());
    }
    super::kept::after_write(tx, R::KIND, new.uid(), &written, seq)
}

/// Sets a record's versions from their text (through its stored form, as every field is set).
fn set_versions<R: Record>(record: &mut R, at: usize, text: &str) -> Result<()> {
    let values = record.values();
    let owned: Vec<Scalar<'static>> = values
        .into_iter()
        .enumerate()
        .map(|(i, v)| match i == at {
            true => Scalar::Text(text.to_string().into()),
            false => match v {
                Scalar::Null => Scalar::Null,
                Scalar::Int(n) => Scalar::Int(n),
                Scalar::Text(t) => Scalar::Text(t.into_owned().into()),
            },
        })
        .collect();
    *record = R::from_values(|i| Ok(owned[i].clone()))
        .map_err(|(column, e)| anyhow::anyhow!("{}.{column}: {e}", R::TABLE))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{OpenMode, Store};
    use crate::domain::case::{Awaiting, Case, CaseEvent};
    use crate::domain::document::Document;
    use crate::domain::person::Person;
    use crate::domain::placement::Placement;
    use crate::domain::recommendation::{Reasons, Recommendation};
    use crate::domain::repatriation::Repatriation;
    use crate::domain::version::{Context, Dot, Versions};
    use crate::domain::{
        CancelReason, CaseCategory, CaseEventKind, CaseStatus, Channel, ClosureReason,
        DocumentKind, Education, MaritalStatus, Partner, ProceduralStatus, RecommendationStatus,
        RefusalReason, RepatriationCategory, Scheme, Sector, Sex, Stage,
    };

    fn stamp(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    /// Every field of every kind, local ones included, comes back from the database as it was
    /// saved: each holds a value other than its default (no `None`, no zero, no `false`), so that a
    /// field missing from a declaration's columns, or a column left out of the insert or the
    /// select, would come back empty and fail here.
    #[test]
    fn every_field_survives_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
        store
            .conn()
            .execute_batch("PRAGMA foreign_keys = OFF")
            .unwrap();
        let r = Recommendation {
            uid: "r".into(),
            placement_uid: "p".into(),
            letter_number: Some("B.1".into()),
            status: RecommendationStatus::Used,
            decided_on: "2023-01-02".parse().unwrap(),
            valid_until: Some("2023-02-01".parse().unwrap()),
            immigration_office: Some("Imigrasi".into()),
            refusal_reasons: Reasons(vec![RefusalReason::Other]),
            refusal_details: Some("rincian".into()),
            void_reason: Some("alasan".into()),
            passport_number: Some("C1234567".into()),
            passport_issued_on: Some("2023-01-05".parse().unwrap()),
            reprints: 3,
            clerk: Some("siti".into()),
            office_code: "X".into(),
            created_at: stamp("2023-01-02T00:00:00Z"),
            updated_at: stamp("2023-01-03T00:00:00.5Z"),
            versions: Versions::parse("00000000000000a1.4").unwrap(),
        };
        let x = Repatriation {
            uid: "x".into(),
            repatriation_number: Some("X-R-2023-0001".into()),
            person_uid: Some("w".into()),
            case_uid: Some("k".into()),
            category: RepatriationCategory::Sick,
            from_country: Some("MY".parse().unwrap()),
            debarkation: Some("BIM".into()),
            arrived_on: "2023-01-02".parse().unwrap(),
            origin_regency: Some("1371".parse().unwrap()),
            escort: Some("e".into()),
            fit_to_travel_letter: Some("f".into()),
            cause_of_death: Some("c".into()),
            airway_bill: Some("a".into()),
            handed_over_to: Some(crate::domain::HandoverTo::Family),
            handed_over_on: Some("2023-01-03".parse().unwrap()),
            handover_record_number: Some("h".into()),
            receiver_name: Some("n".into()),
            receiver_relation: Some("r".into()),
            witness: Some("w".into()),
            notes: Some("line one\nline two".into()),
            office_code: "X".into(),
            created_at: stamp("2023-01-02T00:00:00Z"),
            updated_at: stamp("2023-01-02T00:00:00Z"),
            legacy_number: Some("R-2022-0009".into()),
            versions: Versions::parse(
                "00000000000000a1.5 notes@0000000000000b02.9 ~notes@00000000000000a1.7",
            )
            .unwrap(),
        };
        let d = Document {
            uid: "d".into(),
            placement_uid: "p".into(),
            kind: DocumentKind::MedicalCertificate,
            number: Some("MC-7".into()),
            issued_on: Some("2023-01-02".parse().unwrap()),
            expires_on: Some("2023-04-02".parse().unwrap()),
            verified_on: Some("2023-01-03".parse().unwrap()),
            verified_by: Some("siti".into()),
            created_at: stamp("2023-01-02T00:00:00Z"),
            updated_at: stamp("2023-01-04T00:00:00.25Z"),
            removed_on: Some("2023-01-05".parse().unwrap()),
            removed_reason: Some("salah unggah".into()),
            versions: Versions::parse("00000000000000a1.6").unwrap(),
        };
        let w = Person {
            uid: "w".into(),
            nik: Some("1371025508900002".parse().unwrap()),
            full_name: "Siti Rahmah".into(),
            sex: Some(Sex::P),
            birth_place: Some("Padang".into()),
            birth_date: Some("1990-08-15".parse().unwrap()),
            regency: Some("1371".parse().unwrap()),
            address: Some("Jl. Contoh No. 1\nPadang".into()),
            phone: Some("+6281234567890".into()),
            education: Some(Education::D3),
            marital_status: Some(MaritalStatus::Widowed),
            office_code: "X".into(),
            created_at: stamp("2023-01-02T00:00:00Z"),
            updated_at: stamp("2023-01-03T00:00:00.125Z"),
            accepted_warnings: Some("NIK_SEX siti 2023-01-03T00:00:00Z".into()),
            versions: Versions::parse("00000000000000a1.1 phone@0000000000000b02.3").unwrap(),
        };
        let p = Placement {
            uid: "p".into(),
            person_uid: "w".into(),
            scheme: Scheme::P3mi,
            p3mi_name: Some("PT Contoh".into()),
            employer_name: Some("Majikan Sdn Bhd".into()),
            country: "MY".parse().unwrap(),
            sector: Some(Sector::Informal),
            occupation: Some("Perawat".into()),
            stage: Stage::Cancelled,
            registered_on: "2023-01-02".parse().unwrap(),
            departed_on: Some("2023-02-02".parse().unwrap()),
            returned_on: Some("2023-03-02".parse().unwrap()),
            cancel_reason: Some(CancelReason::Withdrawn),
            cancel_note: Some("catatan".into()),
            passport_number: Some("C7654321".into()),
            office_code: "X".into(),
            created_at: stamp("2023-01-02T00:00:00Z"),
            updated_at: stamp("2023-01-04T00:00:00.75Z"),
            registration_number: Some("X-REG-2023-00001".into()),
            legacy_number: Some("REG-2023-00042".into()),
            versions: Versions::parse("00000000000000a1.2").unwrap(),
        };
        let k = Case {
            uid: "k".into(),
            case_number: "X-K-2023-0001".into(),
            person_uid: Some("w".into()),
            category: CaseCategory::UnpaidWages,
            channel: Some(Channel::Phone),
            procedural_status: Some(ProceduralStatus::Nonprocedural),
            country: Some("SG".parse().unwrap()),
            reported_on: "2023-01-02".parse().unwrap(),
            complainant_name: Some("Ani".into()),
            complainant_relation: Some("kakak".into()),
            summary: Some("gaji tiga bulan\nbelum dibayar".into()),
            status: CaseStatus::Closed,
            closure_reason: Some(ClosureReason::Unreachable60d),
            closed_on: Some("2023-03-05".parse().unwrap()),
            outcome: Some("hasil".into()),
            clerk: Some("siti".into()),
            office_code: "X".into(),
            created_at: stamp("2023-01-02T00:00:00Z"),
            updated_at: stamp("2023-01-05T00:00:00.5Z"),
            versions: Versions::parse("00000000000000a1.8").unwrap(),
        };
        let e = CaseEvent {
            uid: "e".into(),
            case_uid: "k".into(),
            occurred_on: "2023-01-03".parse().unwrap(),
            kind: CaseEventKind::StatusChange,
            partner: Some(Partner::Embassy),
            letter_number: Some("S-12".into()),
            note: Some("ditutup".into()),
            status_from: Some(CaseStatus::InProgress),
            awaiting: Some(Awaiting::Clarification),
            contacted: true,
            clerk: Some("siti".into()),
            created_at: stamp("2023-01-03T00:00:00.5Z"),
            status_to: Some(CaseStatus::Closed),
            closure_reason: Some(ClosureReason::Unreachable60d),
            seen: Context(
                ["00000000000000a1.8", "0000000000000b02.4"]
                    .iter()
                    .map(|d| Dot::parse(d).unwrap())
                    .collect(),
            ),
            versions: Versions::parse("00000000000000a1.9").unwrap(),
        };
        store
            .write(|tx| {
                insert(tx, &w)?;
                insert(tx, &p)?;
                insert(tx, &k)?;
                insert(tx, &e)?;
                insert(tx, &r)?;
                insert(tx, &x)?;
                insert(tx, &d)
            })
            .unwrap();
        assert_eq!(get::<Person>(store.conn(), "w").unwrap(), Some(w));
        assert_eq!(get::<Placement>(store.conn(), "p").unwrap(), Some(p));
        assert_eq!(get::<Case>(store.conn(), "k").unwrap(), Some(k));
        assert_eq!(get::<CaseEvent>(store.conn(), "e").unwrap(), Some(e));
        assert_eq!(get::<Recommendation>(store.conn(), "r").unwrap(), Some(r));
        assert_eq!(get::<Repatriation>(store.conn(), "x").unwrap(), Some(x));
        assert_eq!(get::<Document>(store.conn(), "d").unwrap(), Some(d));
    }
}
