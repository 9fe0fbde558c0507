//! Record digests: a SHA-256 of each record's stored columns, written into the audit entry of every
//! change (migration 0009), and what `check` does with them: recompute every record's digest against
//! its latest entry, compare the schema's triggers, indexes and views with the ones the migrations
//! make, and see that the name index is in step. The recipe is in docs/data.md.

use std::cell::RefCell;
use std::collections::BTreeMap;

use anyhow::Result;
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
    columns: fn() -> Vec<&'static str>,
}

fn kind<R: Record>() -> Kind {
    Kind {
        kind: R::KIND,
        table: R::TABLE,
        columns: || R::columns().iter().map(|c| c.name).collect(),
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
    fn netstring(hasher: &mut Sha256, bytes: &[u8]) {
        hasher.update(format!("{}:", bytes.len()).as_bytes());
        hasher.update(bytes);
        hasher.update(b",");
    }
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
    format!("{:x}", hasher.finalize())
}

/// The digest of the stored record `uid` of `kind` (`REMOVED` when it is not stored).
pub fn stored(conn: &Connection, k: &Kind, uid: &str) -> Result<String> {
    let columns = (k.columns)();
    let sql = format!(
        "SELECT {} FROM {} WHERE uid = ?1",
        columns.join(", "),
        k.table
    );
    let digest = conn
        .prepare_cached(&sql)?
        .query_row([uid], |row| {
            let values = (0..columns.len())
                .map(|i| row.get_ref(i))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(of_values(
                k.kind,
                columns.iter().copied().zip(values.iter().copied()),
            ))
        })
        .optional()?;
    Ok(digest.unwrap_or_else(|| REMOVED.to_string()))
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
    let mut verdicts = Vec::new();
    for k in kinds() {
        verdicts.push(verify_kind(conn, &k)?);
    }
    Ok(verdicts)
}

fn note(list: &mut Vec<String>, count: &mut i64, uid: &str) {
    if list.len() < 10 {
        list.push(uid.to_string());
    }
    *count += 1;
}

fn verify_kind(conn: &Connection, k: &Kind) -> Result<KindVerdict> {
    let mut v = KindVerdict {
        kind: k.kind,
        ..Default::default()
    };
    let columns = (k.columns)();
    let latest = "SELECT a.digest FROM audit_log a
         WHERE a.record_uid = r.uid AND a.record_kind = ?1 AND a.digest IS NOT NULL
         ORDER BY a.id DESC LIMIT 1";
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, ({latest}) FROM {} r ORDER BY r.uid",
        columns
            .iter()
            .map(|c| format!("r.{c}"))
            .collect::<Vec<_>>()
            .join(", "),
        k.table
    ))?;
    let mut rows = stmt.query([k.kind])?;
    while let Some(row) = rows.next()? {
        let uid: String = row.get(0)?;
        let values = (0..columns.len())
            .map(|i| row.get_ref(i))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let expected: Option<String> = row.get(columns.len())?;
        match expected {
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
    Ok(v)
}
