//! SQL for the `repatriations` table.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

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
}

/// Repatriations with the person's name, oldest arrival first.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<(Repatriation, Option<String>)>> {
    let n = Repatriation::columns().len();
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, p.full_name FROM repatriations r LEFT JOIN persons p ON p.uid = r.person_uid
         WHERE (?1 IS NULL OR r.category = ?1) AND (?2 IS NULL OR r.arrived_on >= ?2) AND (?3 IS NULL OR r.arrived_on <= ?3)
           AND (?4 IS NULL OR r.origin_regency_code = ?4)
           AND (?5 IS NULL OR (?5 = 1) = (r.handed_over_to IS NOT NULL))
         ORDER BY r.arrived_on, r.repatriation_number",
        select_list::<Repatriation>("r")
    ))?;
    let rows = stmt.query_map(
        params![
            f.category.map(|c| c.code()),
            f.from.map(|d| d.as_text().into_owned()),
            f.to.map(|d| d.as_text().into_owned()),
            f.regency.as_ref().map(|r| r.as_str()),
            f.handed_over.map(|h| h as i64),
        ],
        |r| Ok((from_row(r, 0)?, r.get(n)?)),
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
