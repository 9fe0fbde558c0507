//! SQL for the `cases` and `case_events` tables. Events are only ever inserted.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::records::{from_row, query, query_one, select_list};
use crate::domain::case::{Case, CaseEvent};
use crate::domain::record::{Record, Text};
use crate::domain::{CaseCategory, CaseStatus, CountryCode};

pub fn by_number_or_uid(conn: &Connection, key: &str) -> Result<Option<Case>> {
    query_one(
        conn,
        "WHERE r.case_number = ?1 OR r.case_number = upper(?1) OR r.uid = lower(?1)",
        [key.trim()],
    )
}

pub fn of_person(conn: &Connection, person_uid: &str) -> Result<Vec<Case>> {
    query(
        conn,
        "WHERE r.person_uid = ?1 ORDER BY r.reported_on DESC, r.case_number",
        [person_uid],
    )
}

#[derive(Default, Debug)]
pub struct Filter {
    pub status: Option<CaseStatus>,
    pub category: Option<CaseCategory>,
    pub country: Option<CountryCode>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub clerk: Option<String>,
    pub open_only: bool,
    /// At most this many cases; `None`: all.
    pub limit: Option<i64>,
}

/// The cases `case list` shows, from `FROM` on; `?8` is the limit.
const LISTED: &str = "FROM cases r LEFT JOIN persons p ON p.uid = r.person_uid
         WHERE (?1 IS NULL OR r.status = ?1) AND (?2 IS NULL OR r.category = ?2) AND (?3 IS NULL OR r.country = ?3)
           AND (?4 IS NULL OR r.reported_on >= ?4) AND (?5 IS NULL OR r.reported_on <= ?5) AND (?6 IS NULL OR r.clerk = ?6)
           AND (?7 = 0 OR r.status IN ('NEW', 'IN_PROGRESS', 'REFERRED'))";

fn list_params(f: &Filter) -> [rusqlite::types::Value; 8] {
    use rusqlite::types::Value;
    let text = |v: Option<String>| v.map(Value::Text).unwrap_or(Value::Null);
    [
        text(f.status.map(|s| s.code().to_string())),
        text(f.category.map(|s| s.code().to_string())),
        text(f.country.as_ref().map(|c| c.as_str().to_string())),
        text(f.from.map(|d| d.as_text().into_owned())),
        text(f.to.map(|d| d.as_text().into_owned())),
        text(f.clerk.clone()),
        Value::Integer(f.open_only as i64),
        Value::Integer(f.limit.unwrap_or(-1)),
    ]
}

/// How many cases the filter finds, whatever its limit (for "N more").
pub fn count(conn: &Connection, f: &Filter) -> Result<i64> {
    let sql = format!("SELECT count(*) {LISTED}");
    let mut values = list_params(f).to_vec();
    values.pop();
    Ok(conn.query_row(&sql, rusqlite::params_from_iter(values), |r| r.get(0))?)
}

/// Cases with the person's name, oldest report first.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<(Case, Option<String>)>> {
    let n = Case::columns().len();
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, p.full_name {LISTED}
         ORDER BY r.reported_on, r.case_number LIMIT ?8",
        select_list::<Case>("r")
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(list_params(f)), |r| {
        Ok((from_row(r, 0)?, r.get(n)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A case's timeline, oldest first.
pub fn events(conn: &Connection, case_uid: &str) -> Result<Vec<CaseEvent>> {
    query(
        conn,
        "WHERE r.case_uid = ?1 ORDER BY r.occurred_on, r.created_at, r.rowid",
        [case_uid],
    )
}

/// A stored case's uid (found by uid or number) and report date.
pub fn uid_and_reported_on(conn: &Connection, key: &str) -> Result<Option<(String, NaiveDate)>> {
    let row: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT uid, reported_on FROM cases WHERE uid = lower(?1) OR case_number = upper(?1) LIMIT 1",
        )?
        .query_row([key.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.and_then(|(uid, d)| d.parse().ok().map(|d| (uid, d))))
}
