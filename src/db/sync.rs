//! SQL for `sync_base`: per record and per office, the version last received from that office (the
//! point where both offices last agreed on the record). An import compares the incoming record and
//! the stored one against it to tell a concurrent edit (both changed) from an ordinary update.
//! While the stored record is still that version its fields are not copied (`fields` NULL); they
//! are kept when the stored record changes (`keep_base`).

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};

use crate::domain::record::{self, Record, Timestamp};

/// The version both offices last agreed on, with its exchange fields in exchange order.
pub struct Base {
    pub version: Timestamp,
    /// `None`: the stored record is still this version.
    pub fields: Option<Vec<String>>,
}

/// The base for `office` of the stored record `uid` of `table`: its own row, else the record's
/// current version when an import from that office stored it as it is now.
pub fn base_of(
    conn: &Connection,
    table: &str,
    uid: &str,
    office: &str,
    current: &Timestamp,
) -> Result<Option<Base>> {
    if let Some(own) = base(conn, uid, office)? {
        return Ok(Some(own));
    }
    let seq = seq_of(conn, table, uid)?;
    Ok(received(conn, office, seq)?.then(|| Base {
        version: current.clone(),
        fields: None,
    }))
}

fn seq_of(conn: &Connection, table: &str, uid: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached(&format!("SELECT seq FROM {table} WHERE uid = ?1"))?
        .query_row([uid], |r| r.get(0))?)
}

/// Whether the change `seq` was stored by an import from `office`.
fn received(conn: &Connection, office: &str, seq: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM sync_received WHERE office_code = ?1 AND seq_to >= ?2 AND seq_from <= ?2 LIMIT 1",
        )?
        .query_row(params![office, seq], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Remembers that the changes `from..=to` of an import were received from `office`.
pub fn received_range(conn: &Connection, office: &str, from: i64, to: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_received (office_code, seq_from, seq_to) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![office, from, to])?;
    Ok(())
}

fn base(conn: &Connection, uid: &str, office: &str) -> Result<Option<Base>> {
    let row: Option<(String, Option<String>)> = conn
        .prepare_cached(
            "SELECT version, fields FROM sync_base WHERE record_uid = ?1 AND office_code = ?2",
        )?
        .query_row(params![uid, office], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match row {
        None => None,
        Some((version, fields)) => Some(Base {
            version: Timestamp::parse(&version)?,
            fields: fields.map(|f| serde_json::from_str(&f)).transpose()?,
        }),
    })
}

/// Remembers the version of a record received for the first time (just inserted): no earlier
/// base can exist, so a plain insert.
pub fn first(conn: &Connection, uid: &str, office: &str, version: &Timestamp) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_base (record_uid, office_code, version, fields) VALUES (?1, ?2, ?3, NULL)",
    )?
    .execute(params![uid, office, version.as_str()])?;
    Ok(())
}

/// Remembers `version` as the one last received from `office`; `fields` when the stored record
/// is not that version (the incoming one lost).
pub fn set(
    conn: &Connection,
    uid: &str,
    office: &str,
    version: &Timestamp,
    fields: Option<&[String]>,
) -> Result<()> {
    let fields = fields.map(serde_json::to_string).transpose()?;
    conn.prepare_cached(
        "INSERT INTO sync_base (record_uid, office_code, version, fields) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (record_uid, office_code) DO UPDATE SET version = excluded.version, fields = excluded.fields",
    )?
    .execute(params![uid, office, version.as_str(), fields])?;
    Ok(())
}

/// Before a stored record changes: the bases that still point at its current version keep a copy
/// of its exchange fields, its own row or one made from an import's range.
pub fn keep_base<R: Record>(conn: &Connection, old: &R) -> Result<()> {
    let fields: Vec<String> = record::exchange_fields(old)
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    let fields = serde_json::to_string(&fields)?;
    conn.prepare_cached(
        "UPDATE sync_base SET fields = ?3 WHERE record_uid = ?1 AND version = ?2 AND fields IS NULL",
    )?
    .execute(params![old.uid(), old.version().as_str(), fields])?;
    let seq = seq_of(conn, R::TABLE, old.uid())?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO sync_base (record_uid, office_code, version, fields)
         SELECT ?1, office_code, ?2, ?3 FROM sync_received WHERE seq_to >= ?4 AND seq_from <= ?4",
    )?
    .execute(params![old.uid(), old.version().as_str(), fields, seq])?;
    Ok(())
}
