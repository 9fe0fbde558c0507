//! SQL for importing and merging another office's folder (`exchange::import`, `exchange::merge`):
//! whether a record is stored, what decides a placement's stage, moving a merged person's records
//! to the person that stays, and the rows held until the records they refer to arrive
//! (`sync_pending`).

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};

use super::Tx;
use crate::domain::identity::{AliasUid, StoredPersonUid};

/// References are checked again when the transaction commits rather than after every insert (which
/// would cost a statement journal per row): for an import or merge, which checks them row by row.
pub fn defer_references(tx: &Tx) -> Result<()> {
    tx.pragma_update(None, "defer_foreign_keys", true)
        .context("deferring the reference checks")
}

/// Whether a record of `table` with this uid is stored.
pub fn exists(conn: &Connection, table: &str, uid: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE uid = ?1"))?
        .query_row([uid], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Whether a placement has a letter still in force (issued or used, not void or refused).
pub fn live_letter(conn: &Connection, placement_uid: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM recommendations WHERE placement_uid = ?1 AND status IN ('ISSUED', 'USED')
             LIMIT 1",
        )?
        .query_row([placement_uid], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The stored person a merged uid now names, if it is one.
pub fn alias_of(conn: &Connection, uid: &str) -> Result<Option<String>> {
    super::persons::alias_target(conn, uid)
}

/// Whether any alias is stored (an import with none skips looking them up).
pub fn any_alias(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM person_aliases LIMIT 1", [], |_| Ok(()))
        .optional()?
        .is_some())
}

/// After `member` was merged into `survivor`: every record naming `member` names `survivor`
/// (each with a new change sequence, so the move travels), and so do the aliases of `member`.
/// Returns the placements moved.
pub fn move_person(
    tx: &Tx,
    AliasUid(member): AliasUid,
    StoredPersonUid(survivor): StoredPersonUid,
) -> Result<Vec<String>> {
    let mut moved = Vec::new();
    for table in ["placements", "cases", "repatriations"] {
        let uids: Vec<String> = {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT uid FROM {table} WHERE person_uid = ?1 ORDER BY uid"
            ))?;
            let rows = stmt.query_map([member], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<Vec<String>>>()?
        };
        for uid in uids {
            // Two open placements of one person now: kept beside each other, for review.
            if table == "placements" {
                super::clash::make_room(
                    tx,
                    "placements_one_open",
                    &[rusqlite::types::Value::Text(survivor.to_string())],
                )?;
            }
            tx.prepare_cached(&format!(
                "UPDATE {table} SET person_uid = ?1, seq = ?2 WHERE uid = ?3"
            ))?
            .execute(params![survivor, tx.next_seq(), uid])?;
            tx.wrote(table, &uid);
            if table == "placements" {
                moved.push(uid);
            }
        }
    }
    tx.prepare_cached("UPDATE person_aliases SET person_uid = ?1 WHERE person_uid = ?2")?
        .execute(params![survivor, member])?;
    tx.prepare_cached(
        "INSERT OR REPLACE INTO person_aliases (alias_uid, person_uid) VALUES (?1, ?2)",
    )?
    .execute(params![member, survivor])?;
    Ok(moved)
}

/// Removes a merged person's own row (its name from the name index too): its uid is an alias now.
pub fn remove_person(tx: &Tx, uid: &str) -> Result<()> {
    let rowid: Option<i64> = tx
        .prepare_cached("SELECT rowid FROM persons WHERE uid = ?1")?
        .query_row([uid], |r| r.get(0))
        .optional()?;
    if let Some(rowid) = rowid {
        tx.prepare_cached("DELETE FROM persons_words WHERE rowid = ?1")?
            .execute([rowid])?;
        tx.prepare_cached("DELETE FROM persons WHERE rowid = ?1")?
            .execute([rowid])?;
        // Its entry says it was removed (`db::digest::REMOVED`), not lost.
        tx.wrote("persons", uid);
    }
    Ok(())
}

/// A row held because the record it refers to has not arrived.
pub struct Pending {
    pub uid: String,
    pub kind: String,
    pub waits_for: String,
    pub row: String,
    pub source: String,
    pub received_at: String,
}

pub fn hold(conn: &Connection, p: &Pending) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_pending (uid, kind, waits_for, row, source, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        p.uid,
        p.kind,
        p.waits_for,
        p.row,
        p.source,
        p.received_at
    ])?;
    Ok(())
}

/// Every held row, oldest first.
pub fn pending(conn: &Connection) -> Result<Vec<Pending>> {
    let mut stmt = conn.prepare(
        "SELECT uid, kind, waits_for, row, source, received_at FROM sync_pending
         ORDER BY received_at, uid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Pending {
            uid: r.get(0)?,
            kind: r.get(1)?,
            waits_for: r.get(2)?,
            row: r.get(3)?,
            source: r.get(4)?,
            received_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn release(conn: &Connection, uid: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM sync_pending WHERE uid = ?1")?
        .execute([uid])?;
    Ok(())
}

/// What a case's events say must be looked at (`CaseReview` codes), stored with the case.
pub fn set_case_review(tx: &Tx, uid: &str, review: Option<&str>) -> Result<()> {
    tx.prepare_cached(
        "UPDATE cases SET review = ?1, seq = ?2 WHERE uid = ?3 AND review IS NOT ?1",
    )?
    .execute(params![review, tx.next_seq(), uid])?;
    Ok(())
}

/// The stage columns of a stored placement: `(stage, open by its facts)`.
pub fn placement_open(conn: &Connection, uid: &str) -> Result<Option<bool>> {
    Ok(conn
        .prepare_cached(
            "SELECT departed_on IS NULL AND returned_on IS NULL AND cancel_reason IS NULL
             FROM placements WHERE uid = ?1",
        )?
        .query_row([uid], |r| r.get(0))
        .optional()?)
}

/// Whether a table holds any row.
pub fn any_row(conn: &Connection, table: &str) -> Result<bool> {
    Ok(conn
        .query_row(&format!("SELECT 1 FROM {table} LIMIT 1"), [], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The change sequence a stored record was last written at.
pub fn seq_of(conn: &Connection, table: &str, uid: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached(&format!("SELECT seq FROM {table} WHERE uid = ?1"))?
        .query_row([uid], |r| r.get(0))?)
}
