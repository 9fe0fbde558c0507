//! SQL for the `recommendations` table.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::records::{from_row, query, query_one, select_list};
use crate::domain::recommendation::Recommendation;
use crate::domain::record::{Record, Text};
use crate::domain::RecommendationStatus;

/// By letter number (any case) or uid.
pub fn by_letter_or_uid(conn: &Connection, key: &str) -> Result<Option<Recommendation>> {
    query_one(
        conn,
        "WHERE r.letter_number = ?1 OR r.letter_number = upper(?1) OR r.uid = lower(?1)",
        [key.trim()],
    )
}

/// Every decision about a person's placements, newest first.
pub fn of_person(conn: &Connection, person_uid: &str) -> Result<Vec<Recommendation>> {
    query(
        conn,
        "JOIN placements p ON p.uid = r.placement_uid
         WHERE p.person_uid = ?1 ORDER BY r.decided_on DESC, r.created_at DESC, r.uid",
        [person_uid],
    )
}

/// The placement's issued letter (at most one, by the schema), expired or not.
pub fn issued_of_placement(
    conn: &Connection,
    placement_uid: &str,
) -> Result<Option<Recommendation>> {
    query_one(
        conn,
        "WHERE r.placement_uid = ?1 AND r.status = 'ISSUED'",
        [placement_uid],
    )
}

/// A recommendation with its worker's name and NIK and the placement's registration number.
pub struct Listed {
    pub recommendation: Recommendation,
    pub full_name: String,
    pub nik: Option<String>,
    pub registration_number: Option<String>,
}

/// Filters of `recommendation list`; `None` means any.
#[derive(Default, Debug)]
pub struct Filter {
    pub status: Option<RecommendationStatus>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// At most this many; `None`: all.
    pub limit: Option<i64>,
}

/// The decisions `recommendation list` shows, from `FROM` on; `?4` is the limit.
const LISTED: &str = "FROM recommendations r JOIN placements p ON p.uid = r.placement_uid JOIN persons pe ON pe.uid = p.person_uid
         WHERE (?1 IS NULL OR r.status = ?1) AND (?2 IS NULL OR r.decided_on >= ?2) AND (?3 IS NULL OR r.decided_on <= ?3)";

/// How many decisions the filter finds, whatever its limit (for "N more").
pub fn count(conn: &Connection, f: &Filter) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT count(*) {LISTED}"),
        params![
            f.status.map(|s| s.code()),
            f.from.map(|d| d.as_text().into_owned()),
            f.to.map(|d| d.as_text().into_owned())
        ],
        |r| r.get(0),
    )?)
}

pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Listed>> {
    let n = Recommendation::columns().len();
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, pe.full_name, pe.nik, p.registration_number {LISTED}
         ORDER BY r.decided_on, r.letter_number, r.uid LIMIT ?4",
        select_list::<Recommendation>("r")
    ))?;
    let rows = stmt.query_map(
        params![
            f.status.map(|s| s.code()),
            f.from.map(|d| d.as_text().into_owned()),
            f.to.map(|d| d.as_text().into_owned()),
            f.limit.unwrap_or(-1)
        ],
        |r| {
            Ok(Listed {
                recommendation: from_row(r, 0)?,
                full_name: r.get(n)?,
                nik: r.get(n + 1)?,
                registration_number: r.get(n + 2)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
