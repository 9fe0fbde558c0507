//! SQL for the `recommendations` table.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, Connection};

use super::filter::{count_rows, newest_first, text, Conditions};
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
    /// The oldest first (`--oldest-first`); else the newest.
    pub oldest_first: bool,
}

impl Filter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        c.when("r.status = ?", text(self.status.map(|s| s.code())))
            .when(
                "r.decided_on >= ?",
                text(self.from.map(|d| d.as_text().into_owned())),
            )
            .when(
                "r.decided_on <= ?",
                text(self.to.map(|d| d.as_text().into_owned())),
            );
        c
    }
}

/// How many decisions the filter finds, whatever its limit (up to `filter::COUNTED_UP_TO + 1`).
pub fn count(conn: &Connection, f: &Filter) -> Result<i64> {
    let c = f.conditions();
    count_rows(
        conn,
        &format!("recommendations r {}", c.clause()),
        c.values(),
    )
}

/// The decisions the filter finds, the newest first (then in the order stored, as the indexes
/// keep them).
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Listed>> {
    let n = Recommendation::columns().len();
    let (sql, values) = list_sql(f);
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), |r| {
        Ok(Listed {
            recommendation: from_row(r, 0)?,
            full_name: r.get(n)?,
            nik: r.get(n + 1)?,
            registration_number: r.get(n + 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The statement `list` runs, and its values.
pub(super) fn list_sql(f: &Filter) -> (String, Vec<rusqlite::types::Value>) {
    let c = f.conditions();
    let sql = format!(
        "SELECT {}, pe.full_name, pe.nik, p.registration_number
         FROM recommendations r JOIN placements p ON p.uid = r.placement_uid
         JOIN persons pe ON pe.uid = p.person_uid {} {} LIMIT ?",
        select_list::<Recommendation>("r"),
        c.clause(),
        newest_first(&["r.decided_on", "r.rowid"], f.oldest_first)
    );
    (sql, c.values_and_limit(f.limit))
}
