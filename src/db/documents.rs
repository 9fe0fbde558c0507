//! SQL for the `documents` table.

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::columns::{date_text, opt_date, req};
use crate::domain::document::Document;

const COLUMNS: &str =
    "uid, placement_uid, kind, number, issued_on, expires_on, verified_on, verified_by, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Document> {
    Ok(Document {
        uid: r.get(0)?,
        placement_uid: r.get(1)?,
        kind: req(r, 2)?,
        number: r.get(3)?,
        issued_on: opt_date(r, 4)?,
        expires_on: opt_date(r, 5)?,
        verified_on: opt_date(r, 6)?,
        verified_by: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

pub fn of_placement(conn: &Connection, placement_uid: &str) -> Result<Vec<Document>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM documents WHERE placement_uid = ?1 ORDER BY kind, created_at, uid"
    ))?;
    let rows = stmt.query_map([placement_uid], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn insert(conn: &Connection, d: &Document) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO documents ({COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"),
        params![
            d.uid,
            d.placement_uid,
            d.kind.code(),
            d.number,
            date_text(d.issued_on),
            date_text(d.expires_on),
            date_text(d.verified_on),
            d.verified_by,
            d.created_at,
            d.updated_at,
        ],
    )
    .context("saving a document")?;
    Ok(())
}

/// Every record changed after `since` (all when `None`), in uid order, one at a time.
pub fn each(
    conn: &Connection,
    since: Option<&str>,
    f: impl FnMut(Document) -> Result<()>,
) -> Result<()> {
    super::each_row(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM documents WHERE ?1 IS NULL OR updated_at > ?1 ORDER BY uid"
        ),
        since,
        from_row,
        f,
    )
}

pub fn by_uid(conn: &Connection, uid: &str) -> Result<Option<Document>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM documents WHERE uid = ?1"),
        [uid],
        from_row,
    )
    .optional()
    .context("reading a document")
}

pub fn update(conn: &Connection, d: &Document) -> Result<()> {
    conn.execute(
        "UPDATE documents SET placement_uid = ?2, kind = ?3, number = ?4, issued_on = ?5, expires_on = ?6,
            verified_on = ?7, verified_by = ?8, created_at = ?9, updated_at = ?10 WHERE uid = ?1",
        params![
            d.uid,
            d.placement_uid,
            d.kind.code(),
            d.number,
            date_text(d.issued_on),
            date_text(d.expires_on),
            date_text(d.verified_on),
            d.verified_by,
            d.created_at,
            d.updated_at,
        ],
    )
    .context("updating a document")?;
    Ok(())
}
