//! SQL for the `repatriations` table.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, Connection};

use super::filter::{count_rows, newest_first, text, Conditions};
use super::records::{from_row, query, query_one, select_list};
use crate::domain::record::{Record, Text};
use crate::domain::repatriation::Repatriation;
use crate::domain::{RegencyCode, RepatriationCategory};

pub fn by_number_or_uid(conn: &Connection, key: &str) -> Result<Option<Repatriation>> {
    query_one(
        conn,
        "WHERE r.repatriation_number = ?1 OR r.repatriation_number = upper(?1) OR r.uid = lower(?1)
            OR r.legacy_number = upper(?1)",
        [key.trim()],
    )
}

pub fn of_person(conn: &Connection, person_uid: &str) -> Result<Vec<Repatriation>> {
    query(
        conn,
        "WHERE r.person_uid = ?1 ORDER BY r.arrived_on DESC, r.repatriation_number",
        [person_uid],
    )
}

#[derive(Default, Debug)]
pub struct Filter {
    pub category: Option<RepatriationCategory>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub regency: Option<RegencyCode>,
    pub handed_over: Option<bool>,
    /// At most this many; `None`: all.
    pub limit: Option<i64>,
    /// The oldest first (`--oldest-first`); else the newest.
    pub oldest_first: bool,
}

impl Filter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        c.when("r.category = ?", text(self.category.map(|c| c.code())))
            .when(
                "r.arrived_on >= ?",
                text(self.from.map(|d| d.as_text().into_owned())),
            )
            .when(
                "r.arrived_on <= ?",
                text(self.to.map(|d| d.as_text().into_owned())),
            )
            .when(
                "r.origin_regency_code = ?",
                text(self.regency.as_ref().map(|r| r.as_str())),
            )
            .when_true(
                "r.handed_over_to IS NOT NULL",
                self.handed_over == Some(true),
            )
            .when_true("r.handed_over_to IS NULL", self.handed_over == Some(false));
        c
    }
}

/// How many repatriations the filter finds, whatever its limit (up to
/// `filter::COUNTED_UP_TO + 1`).
pub fn count(conn: &Connection, f: &Filter) -> Result<i64> {
    let c = f.conditions();
    count_rows(conn, &format!("repatriations r {}", c.clause()), c.values())
}

/// Repatriations with the person's name, the newest arrival first.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<(Repatriation, Option<String>)>> {
    let n = Repatriation::columns().len();
    let c = f.conditions();
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, p.full_name FROM repatriations r LEFT JOIN persons p ON p.uid = r.person_uid {} {}
         LIMIT ?",
        select_list::<Repatriation>("r"),
        c.clause(),
        newest_first(&["r.arrived_on", "r.repatriation_number"], f.oldest_first)
    ))?;
    let rows = stmt.query_map(params_from_iter(c.values_and_limit(f.limit)), |r| {
        Ok((from_row(r, 0)?, r.get(n)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
