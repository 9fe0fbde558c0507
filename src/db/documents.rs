//! SQL for the `documents` table.

use anyhow::Result;
use rusqlite::Connection;

use super::records::query;
use crate::domain::document::Document;

pub fn of_placement(conn: &Connection, placement_uid: &str) -> Result<Vec<Document>> {
    query(
        conn,
        "WHERE r.placement_uid = ?1 ORDER BY r.kind, r.created_at, r.uid",
        [placement_uid],
    )
}
