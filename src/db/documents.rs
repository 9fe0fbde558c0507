//! SQL for the `documents` table.

use anyhow::Result;
use rusqlite::Connection;

use super::records::{query, query_one};
use crate::domain::document::Document;
use crate::domain::DocumentKind;

/// The documents that count for a placement: removed ones are left out.
pub fn of_placement(conn: &Connection, placement_uid: &str) -> Result<Vec<Document>> {
    query(
        conn,
        "WHERE r.placement_uid = ?1 AND r.removed_on IS NULL ORDER BY r.kind, r.created_at, r.uid",
        [placement_uid],
    )
}

/// Every document ever recorded for a placement, removed ones included (the audit log's view).
pub fn all_of_placement(conn: &Connection, placement_uid: &str) -> Result<Vec<Document>> {
    query(
        conn,
        "WHERE r.placement_uid = ?1 ORDER BY r.kind, r.created_at, r.uid",
        [placement_uid],
    )
}

/// The live (not removed) document of a kind for a placement: there is at most one.
pub fn live_of_kind(
    conn: &Connection,
    placement_uid: &str,
    kind: DocumentKind,
) -> Result<Option<Document>> {
    query_one(
        conn,
        "WHERE r.placement_uid = ?1 AND r.kind = ?2 AND r.removed_on IS NULL ORDER BY r.uid",
        [placement_uid, kind.code()],
    )
}
