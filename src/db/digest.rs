//! Record digests: a SHA-256 of each record's stored columns, written into the audit entry of every
//! change (migration 0009), and what `check` does with them: recompute every record's digest against
//! its latest entry, compare the schema's triggers, indexes and views with the ones the migrations
//! make, and see that the name index is in step. The recipe is in docs/data.md.

use std::cell::RefCell;
use std::collections::BTreeMap;

use anyhow::{Context, Result};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::domain::record::Record;

/// The digest an entry carries for a record it removed (a person merged into another).
pub const REMOVED: &str = "removed";

/// The record kinds whose every stored version is vouched for by an audit entry: kind, table,
/// and how to read and digest one of them.
pub struct Kind {
    pub kind: &'static str,
    pub table: &'static str,
    columns: fn() -> &'static [crate::domain::record::Column],
}

pub fn kind<R: Record>() -> Kind {
    Kind {
        kind: R::KIND,
        table: R::TABLE,
        columns: R::columns,
    }
}

impl Kind {
    fn names(&self) -> Vec<&'static str> {
        (self.columns)().iter().map(|c| c.name).collect()
    }
}

pub fn kinds() -> Vec<Kind> {
    use crate::domain::{case, document, identity, person, placement, recommendation};
    vec![
        kind::<person::Person>(),
        kind::<placement::Placement>(),
        kind::<document::Document>(),
        kind::<recommendation::Recommendation>(),
        kind::<case::Case>(),
        kind::<case::CaseEvent>(),
        kind::<crate::domain::repatriation::Repatriation>(),
        kind::<identity::PersonMerge>(),
    ]
}

/// SHA-256 (lower-case hex) of the record kind and each column as `<name>` then its value, as
/// netstrings (`<byte length>:<bytes>,`), a NULL written as `~,` so it differs from empty text.
pub fn of_values<'v>(kind: &str, columns: impl Iterator<Item = (&'v str, ValueRef<'v>)>) -> String {
    hex(&raw_of_values(kind, columns))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn netstring(hasher: &mut Sha256, bytes: &[u8]) {
    // The length in decimal, written without an allocation (this runs for every column of every
    // record an import stores).
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = bytes.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    hasher.update(&digits[at..]);
    hasher.update(b":");
    hasher.update(bytes);
    hasher.update(b",");
}

/// `of_values` as its 32 bytes.
fn raw_of_values<'v>(
    kind: &str,
    columns: impl Iterator<Item = (&'v str, ValueRef<'v>)>,
) -> [u8; 32] {
    let mut hasher = Sha256::new();
    netstring(&mut hasher, kind.as_bytes());
    for (name, value) in columns {
        netstring(&mut hasher, name.as_bytes());
        match value {
            ValueRef::Null => hasher.update(b"~,"),
            ValueRef::Integer(i) => netstring(&mut hasher, i.to_string().as_bytes()),
            ValueRef::Real(f) => netstring(&mut hasher, f.to_string().as_bytes()),
            ValueRef::Text(t) | ValueRef::Blob(t) => netstring(&mut hasher, t),
        }
    }
    hasher.finalize().into()
}

/// The digest of the stored record `uid` of `kind` (`REMOVED` when it is not stored).
pub fn stored(conn: &Connection, k: &Kind, uid: &str) -> Result<String> {
    Ok(stored_raw(conn, k, uid)?
        .map(|d| hex(&d))
        .unwrap_or_else(|| REMOVED.to_string()))
}

fn stored_raw(conn: &Connection, k: &Kind, uid: &str) -> Result<Option<[u8; 32]>> {
    let columns = k.names();
    let sql = format!(
        "SELECT {} FROM {} WHERE uid = ?1",
        columns.join(", "),
        k.table
    );
    stored_by(conn, &sql, k.kind, &columns, uid)
}

/// The digest of the record `uid` as `sql` (its kind's columns, by uid) reads it.
fn stored_by(
    conn: &Connection,
    sql: &str,
    kind: &str,
    columns: &[&str],
    uid: &str,
) -> Result<Option<[u8; 32]>> {
    conn.prepare_cached(sql)?
        .query_row([uid], |row| {
            let values = (0..columns.len())
                .map(|i| row.get_ref(i))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(raw_of_values(
                kind,
                columns.iter().copied().zip(values.iter().copied()),
            ))
        })
        .optional()
        .with_context(|| format!("reading {kind} for its digest"))
}

/// The record kind of the entry that vouches for an import's batch of new rows.
pub const BATCH_KIND: &str = "digests";

/// The new rows an import wrote in one transaction: each one's digest is kept in
/// `record_digests`, and the SHA-256 of the batch's rows, in the order they were written, goes
/// into the one audit entry that vouches for them at the commit.
#[derive(Default)]
pub struct Batch(RefCell<Option<BatchState>>);

struct BatchState {
    number: i64,
    hasher: Sha256,
    count: i64,
}

/// What a batch's rows hash to: each row's kind, uid and digest as netstrings, in `pos` order.
fn batch_row(hasher: &mut Sha256, kind: &str, uid: &str, digest: &[u8]) {
    netstring(hasher, kind.as_bytes());
    netstring(hasher, uid.as_bytes());
    netstring(hasher, digest);
}

impl Batch {
    /// Adds the new record `uid` of `kind`, stored as `values` (its declared columns, `columns`,
    /// in order: what it was inserted with, so not read back), to batch `number`.
    pub fn add(
        &self,
        conn: &Connection,
        number: i64,
        kind: &'static str,
        columns: &[crate::domain::record::Column],
        values: &[crate::domain::record::Scalar],
        uid: &str,
    ) -> Result<()> {
        use crate::domain::record::Scalar;
        let digest = raw_of_values(
            kind,
            columns.iter().zip(values).map(|(c, v)| {
                let value = match v {
                    Scalar::Null => ValueRef::Null,
                    Scalar::Text(t) => ValueRef::Text(t.as_bytes()),
                    Scalar::Int(i) => ValueRef::Integer(*i),
                };
                (c.name, value)
            }),
        );
        let mut state = self.0.borrow_mut();
        let state = state.get_or_insert_with(|| BatchState {
            number,
            hasher: Sha256::new(),
            count: 0,
        });
        conn.prepare_cached(
            "INSERT INTO record_digests (record_kind, record_uid, batch, pos, digest)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(rusqlite::params![
            kind,
            uid,
            state.number,
            state.count,
            &digest[..]
        ])
        .context("keeping an imported record's digest")?;
        batch_row(&mut state.hasher, kind, uid, &digest);
        state.count += 1;
        Ok(())
    }

    /// At the commit: the batch's number, its digest and how many rows it holds, if any.
    pub fn finish(&self) -> Option<(i64, String, i64)> {
        let state = self.0.borrow_mut().take()?;
        (state.count > 0).then(|| (state.number, hex(&state.hasher.finalize()), state.count))
    }
}

/// The batches whose rows in `record_digests` no longer hash to what their entry recorded, or
/// that have rows but no entry, or an entry but no rows (batch numbers, first 10, and a count).
pub fn verify_batches(conn: &Connection) -> Result<(Vec<i64>, i64)> {
    let entries = batch_entries(conn)?;
    let mut bad = Vec::new();
    let mut bad_count = 0;
    let mut flag = |number: i64| {
        if bad.len() < 10 {
            bad.push(number);
        }
        bad_count += 1;
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut stmt = conn
        .prepare(
            "SELECT batch, record_kind, record_uid, digest FROM record_digests
             ORDER BY batch, pos",
        )
        .context("reading the imported records' digests")?;
    let mut rows = stmt.query([])?;
    let mut current: Option<(i64, Sha256)> = None;
    let close = |current: Option<(i64, Sha256)>, flag: &mut dyn FnMut(i64)| {
        if let Some((number, hasher)) = current {
            let digest = hex(&hasher.finalize());
            match entries.get(&number) {
                Some((_, expected)) if *expected == digest => {}
                _ => flag(number),
            }
        }
    };
    while let Some(row) = rows.next()? {
        let number: i64 = row.get(0)?;
        if current.as_ref().map(|c| c.0) != Some(number) {
            close(current.take(), &mut flag);
            seen.insert(number);
            current = Some((number, Sha256::new()));
        }
        let kind: String = row.get(1)?;
        let uid: String = row.get(2)?;
        let digest: Vec<u8> = row.get(3)?;
        if let Some((_, hasher)) = current.as_mut() {
            batch_row(hasher, &kind, &uid, &digest);
        }
    }
    close(current.take(), &mut flag);
    for number in entries.keys().filter(|n| !seen.contains(n)) {
        flag(*number);
    }
    Ok((bad, bad_count))
}

/// Each batch's entry: its id in the log and the digest it recorded, by batch number.
fn batch_entries(conn: &Connection) -> Result<BTreeMap<i64, (i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT record_uid, id, digest FROM audit_log
         WHERE record_kind = ?1 AND digest IS NOT NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([BATCH_KIND], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get(2)?))
    })?;
    let mut map = BTreeMap::new();
    for row in rows {
        let (uid, id, digest) = row?;
        if let Ok(number) = uid.parse::<i64>() {
            map.insert(number, (id, digest));
        }
    }
    Ok(map)
}

/// The records a transaction wrote that no audit entry has vouched for since (by uid, with their
/// kind), so that the entry that follows the write, or one at the commit, carries its digest.
#[derive(Default)]
pub struct Touched(RefCell<BTreeMap<String, &'static str>>);

impl Touched {
    pub fn add(&self, table: &str, uid: &str) {
        if let Some(k) = kinds().iter().find(|k| k.table == table) {
            self.0.borrow_mut().insert(uid.to_string(), k.kind);
        }
    }

    /// Whether at least `n` records wait for their entry.
    pub fn at_least(&self, n: usize) -> bool {
        self.0.borrow().len() >= n
    }

    /// The digest for an entry about `uid` of `kind`, if this transaction wrote it since its last
    /// entry (the record is then vouched for).
    pub fn take(&self, conn: &Connection, kind: &str, uid: &str) -> Result<Option<String>> {
        let written = self.0.borrow().get(uid).copied();
        match written {
            Some(k) if k == kind => {
                self.0.borrow_mut().remove(uid);
                let k = kinds().into_iter().find(|x| x.kind == kind);
                k.map(|k| stored(conn, &k, uid)).transpose()
            }
            _ => Ok(None),
        }
    }

    /// What is left at the commit: records written without an entry of their own (an import's
    /// new rows, the records a merge moved), by kind and uid.
    pub fn rest(&self) -> Vec<(&'static str, String)> {
        std::mem::take(&mut *self.0.borrow_mut())
            .into_iter()
            .map(|(uid, kind)| (kind, uid))
            .collect()
    }
}

/// What `check` found of one kind's records against their latest digests.
#[derive(Debug, Default, Clone)]
pub struct KindVerdict {
    pub kind: &'static str,
    /// Records whose digest matches their latest entry's.
    pub verified: i64,
    /// Records no entry vouches for (written before digests, or behind pmi-desk's back).
    pub uncovered: i64,
    /// Records whose stored columns differ from what their latest entry recorded (uids, first 10).
    pub altered: Vec<String>,
    pub altered_count: i64,
    /// Records an entry vouches for that are not stored (and were not removed by pmi-desk).
    pub missing: Vec<String>,
    pub missing_count: i64,
}

/// Every record of every kind against its latest digest (each record's entries found through
/// the log's index by uid), and the records entries vouch for that are not stored.
pub fn verify_records(conn: &Connection) -> Result<Vec<KindVerdict>> {
    let batches = batch_entries(conn)?;
    let mut verdicts = Vec::new();
    for k in kinds() {
        verdicts.push(verify_kind(conn, &k, &batches)?);
    }
    Ok(verdicts)
}

fn note(list: &mut Vec<String>, count: &mut i64, uid: &str) {
    if list.len() < 10 {
        list.push(uid.to_string());
    }
    *count += 1;
}

fn verify_kind(
    conn: &Connection,
    k: &Kind,
    batches: &BTreeMap<i64, (i64, String)>,
) -> Result<KindVerdict> {
    let mut v = KindVerdict {
        kind: k.kind,
        ..Default::default()
    };
    let columns = k.names();
    let latest = |what: &str| {
        format!(
            "(SELECT a.{what} FROM audit_log a
              WHERE a.record_uid = r.uid AND a.record_kind = ?1 AND a.digest IS NOT NULL
              ORDER BY a.id DESC LIMIT 1)"
        )
    };
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {}, {}, {} FROM {} r ORDER BY r.uid",
            columns
                .iter()
                .map(|c| format!("r.{c}"))
                .collect::<Vec<_>>()
                .join(", "),
            latest("digest"),
            latest("id"),
            k.table
        ))
        .context("reading the records for their digests")?;
    // The kind's imported digests in the same uid order, the latest batch first: read beside the
    // records, as a merge (the table is kept in the order of writing, with no index by uid).
    let mut kept = conn
        .prepare(
            "SELECT record_uid, batch, digest FROM record_digests
             WHERE record_kind = ?1 ORDER BY record_uid, batch DESC",
        )
        .context("reading the imported records' digests")?;
    let mut kept = kept.query([k.kind])?;
    let mut next_kept: Option<(String, i64, Vec<u8>)> = None;
    let mut kept_done = false;
    let mut rows = stmt.query([k.kind])?;
    let n = columns.len();
    while let Some(row) = rows.next()? {
        let uid: String = row.get(0)?;
        // The latest batch row of this uid, if any (rows of uids before it are passed).
        let mut batch_row: Option<(i64, Vec<u8>)> = None;
        loop {
            if next_kept.is_none() && !kept_done {
                match kept.next()? {
                    Some(r) => next_kept = Some((r.get(0)?, r.get(1)?, r.get(2)?)),
                    None => kept_done = true,
                }
            }
            match &next_kept {
                Some((u, _, _)) if *u < uid => next_kept = None,
                Some((u, b, d)) if *u == uid => {
                    if batch_row.is_none() {
                        batch_row = Some((*b, d.clone()));
                    }
                    next_kept = None;
                }
                _ => break,
            }
        }
        let values = (0..n)
            .map(|i| row.get_ref(i))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let entry: Option<String> = row.get(n)?;
        let entry_id: Option<i64> = row.get(n + 1)?;
        // The batch row counts when its batch has an entry later than the record's own latest.
        let from_batch = batch_row.and_then(|(b, d)| {
            batches
                .get(&b)
                .filter(|(id, _)| entry_id.is_none_or(|e| *id > e))
                .map(|_| hex(&d))
        });
        match from_batch.or(entry) {
            None => v.uncovered += 1,
            Some(expected) => {
                if of_values(k.kind, columns.iter().copied().zip(values)) == expected {
                    v.verified += 1;
                } else {
                    note(&mut v.altered, &mut v.altered_count, &uid);
                }
            }
        }
    }
    let mut gone = conn.prepare(&format!(
        "SELECT g.record_uid FROM (SELECT DISTINCT record_uid FROM audit_log
             WHERE record_kind = ?1 AND digest IS NOT NULL) g
         WHERE NOT EXISTS (SELECT 1 FROM {} r WHERE r.uid = g.record_uid)
           AND (SELECT a.digest FROM audit_log a WHERE a.record_uid = g.record_uid
                  AND a.record_kind = ?1 AND a.digest IS NOT NULL ORDER BY a.id DESC LIMIT 1) <> ?2
         ORDER BY g.record_uid",
        k.table
    ))?;
    let mut rows = gone.query(rusqlite::params![k.kind, REMOVED])?;
    while let Some(row) = rows.next()? {
        let uid: String = row.get(0)?;
        note(&mut v.missing, &mut v.missing_count, &uid);
    }
    // Imported records whose only voucher is their batch row, no longer stored.
    let mut gone = conn.prepare(&format!(
        "SELECT d.record_uid FROM record_digests d
         WHERE d.record_kind = ?1
           AND NOT EXISTS (SELECT 1 FROM {} r WHERE r.uid = d.record_uid)
           AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.record_uid = d.record_uid
                  AND a.record_kind = ?1 AND a.digest IS NOT NULL)
         ORDER BY d.record_uid",
        k.table
    ))?;
    let mut rows = gone.query([k.kind])?;
    while let Some(row) = rows.next()? {
        let uid: String = row.get(0)?;
        note(&mut v.missing, &mut v.missing_count, &uid);
    }
    Ok(v)
}
