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

pub fn base(conn: &Connection, uid: &str, office: &str) -> Result<Option<Base>> {
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
/// of its exchange fields.
pub fn keep_base<R: Record>(conn: &Connection, old: &R) -> Result<()> {
    let fields: Vec<String> = record::exchange_fields(old)
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    conn.prepare_cached(
        "UPDATE sync_base SET fields = ?3 WHERE record_uid = ?1 AND version = ?2 AND fields IS NULL",
    )?
    .execute(params![
        old.uid(),
        old.version().as_str(),
        serde_json::to_string(&fields)?
    ])?;
    Ok(())
}
