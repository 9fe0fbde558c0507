//! SQL for the `repatriations` table.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, Connection};

use super::records::{from_row, query, query_one, select_list};
use crate::domain::record::{Record, Text};
use crate::domain::repatriation::Repatriation;
use crate::domain::{RegencyCode, RepatriationCategory};

pub fn by_number_or_uid(conn: &Connection, key: &str) -> Result<Option<Repatriation>> {
    query_one(
        conn,
        "WHERE r.repatriation_number = ?1 OR r.repatriation_number = upper(?1) OR r.uid = lower(?1)",
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
}

/// The repatriations `repatriation list` shows, from `FROM` on; `?6` is the limit.
const LISTED: &str = "FROM repatriations r LEFT JOIN persons p ON p.uid = r.person_uid
         WHERE (?1 IS NULL OR r.category = ?1) AND (?2 IS NULL OR r.arrived_on >= ?2) AND (?3 IS NULL OR r.arrived_on <= ?3)
           AND (?4 IS NULL OR r.origin_regency_code = ?4)
           AND (?5 IS NULL OR (?5 = 1) = (r.handed_over_to IS NOT NULL))";

fn list_params(f: &Filter) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value;
    let text = |v: Option<String>| v.map(Value::Text).unwrap_or(Value::Null);
    vec![
        text(f.category.map(|c| c.code().to_string())),
        text(f.from.map(|d| d.as_text().into_owned())),
        text(f.to.map(|d| d.as_text().into_owned())),
        text(f.regency.as_ref().map(|r| r.as_str().to_string())),
        f.handed_over
            .map(|h| Value::Integer(h as i64))
            .unwrap_or(Value::Null),
    ]
}

/// How many repatriations the filter finds, whatever its limit (for "N more").
pub fn count(conn: &Connection, f: &Filter) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT count(*) {LISTED}"),
        params_from_iter(list_params(f)),
        |r| r.get(0),
    )?)
}

/// Repatriations with the person's name, oldest arrival first.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<(Repatriation, Option<String>)>> {
    let n = Repatriation::columns().len();
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, p.full_name {LISTED}
         ORDER BY r.arrived_on, r.repatriation_number LIMIT ?6",
        select_list::<Repatriation>("r")
    ))?;
    let mut values = list_params(f);
    values.push(rusqlite::types::Value::Integer(f.limit.unwrap_or(-1)));
    let rows = stmt.query_map(params_from_iter(values), |r| {
        Ok((from_row(r, 0)?, r.get(n)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
