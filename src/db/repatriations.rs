//! SQL for the `repatriations` table.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::columns::{date_text, opt, opt_date, req, req_date};
use crate::domain::repatriation::Repatriation;
use crate::domain::{RegencyCode, RepatriationCategory};

const COLUMNS: &str = "uid, repatriation_number, person_uid, case_uid, category, from_country, debarkation, arrived_on, \
    origin_regency_code, escort, fit_to_travel_letter, cause_of_death, airway_bill, handed_over_to, handed_over_on, \
    handover_record_number, receiver_name, receiver_relation, witness, notes, office_code, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Repatriation> {
    Ok(Repatriation {
        uid: r.get(0)?,
        repatriation_number: r.get(1)?,
        person_uid: r.get(2)?,
        case_uid: r.get(3)?,
        category: req(r, 4)?,
        from_country: opt(r, 5)?,
        debarkation: r.get(6)?,
        arrived_on: req_date(r, 7)?,
        origin_regency: opt(r, 8)?,
        escort: r.get(9)?,
        fit_to_travel_letter: r.get(10)?,
        cause_of_death: r.get(11)?,
        airway_bill: r.get(12)?,
        handed_over_to: opt(r, 13)?,
        handed_over_on: opt_date(r, 14)?,
        handover_record_number: r.get(15)?,
        receiver_name: r.get(16)?,
        receiver_relation: r.get(17)?,
        witness: r.get(18)?,
        notes: r.get(19)?,
        office_code: r.get(20)?,
        created_at: r.get(21)?,
        updated_at: r.get(22)?,
    })
}

fn save(conn: &Connection, sql: &str, x: &Repatriation) -> Result<()> {
    conn.execute(
        sql,
        params![
            x.uid,
            x.repatriation_number,
            x.person_uid,
            x.case_uid,
            x.category.code(),
            x.from_country.as_ref().map(|c| c.as_str()),
            x.debarkation,
            date_text(Some(x.arrived_on)),
            x.origin_regency.as_ref().map(|r| r.as_str()),
            x.escort,
            x.fit_to_travel_letter,
            x.cause_of_death,
            x.airway_bill,
            x.handed_over_to.map(|h| h.code()),
            date_text(x.handed_over_on),
            x.handover_record_number,
            x.receiver_name,
            x.receiver_relation,
            x.witness,
            x.notes,
            x.office_code,
            x.created_at,
            x.updated_at,
        ],
    )
    .context("saving a repatriation")?;
    Ok(())
}

pub fn insert(conn: &Connection, x: &Repatriation) -> Result<()> {
    let marks: Vec<String> = (1..=23).map(|i| format!("?{i}")).collect();
    save(
        conn,
        &format!(
            "INSERT INTO repatriations ({COLUMNS}) VALUES ({})",
            marks.join(",")
        ),
        x,
    )
}

pub fn update(conn: &Connection, x: &Repatriation) -> Result<()> {
    let assignments = super::assignments(COLUMNS);
    save(
        conn,
        &format!("UPDATE repatriations SET {} WHERE uid = ?1", assignments),
        x,
    )
}

pub fn by_number_or_uid(conn: &Connection, key: &str) -> Result<Option<Repatriation>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM repatriations WHERE repatriation_number = ?1 OR repatriation_number = upper(?1) OR uid = lower(?1)"),
        [key.trim()],
        from_row,
    )
    .optional()
    .context("reading a repatriation")
}

pub fn of_person(conn: &Connection, person_uid: &str) -> Result<Vec<Repatriation>> {
    let mut stmt =
        conn.prepare(&format!("SELECT {COLUMNS} FROM repatriations WHERE person_uid = ?1 ORDER BY arrived_on DESC, repatriation_number"))?;
    let rows = stmt.query_map([person_uid], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
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
    let cols: String = COLUMNS
        .split(", ")
        .map(|c| format!("r.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {cols}, p.full_name FROM repatriations r LEFT JOIN persons p ON p.uid = r.person_uid
         WHERE (?1 IS NULL OR r.category = ?1) AND (?2 IS NULL OR r.arrived_on >= ?2) AND (?3 IS NULL OR r.arrived_on <= ?3)
           AND (?4 IS NULL OR r.origin_regency_code = ?4)
           AND (?5 IS NULL OR (?5 = 1) = (r.handed_over_to IS NOT NULL))
         ORDER BY r.arrived_on, r.repatriation_number"
    ))?;
    let rows = stmt.query_map(
        params![
            f.category.map(|c| c.code()),
            date_text(f.from),
            date_text(f.to),
            f.regency.as_ref().map(|r| r.as_str()),
            f.handed_over.map(|h| h as i64),
        ],
        |r| Ok((from_row(r)?, r.get(23)?)),
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every record changed after `since` (all when `None`), in uid order, one at a time.
pub fn each(
    conn: &Connection,
    since: Option<&str>,
    f: impl FnMut(Repatriation) -> Result<()>,
) -> Result<()> {
    super::each_row(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM repatriations WHERE ?1 IS NULL OR updated_at > ?1 ORDER BY uid"
        ),
        since,
        from_row,
        f,
    )
}
