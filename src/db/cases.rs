//! SQL for the `cases` and `case_events` tables. Events are only ever inserted.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::columns::{date_text, opt, opt_date, req, req_date};
use crate::domain::case::{Case, CaseEvent};
use crate::domain::{CaseCategory, CaseStatus, CountryCode};

const COLUMNS: &str = "uid, case_number, person_uid, category, channel, procedural_status, country, reported_on, \
    complainant_name, complainant_relation, summary, status, closure_reason, closed_on, outcome, clerk, office_code, \
    created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Case> {
    Ok(Case {
        uid: r.get(0)?,
        case_number: r.get(1)?,
        person_uid: r.get(2)?,
        category: req(r, 3)?,
        channel: opt(r, 4)?,
        procedural_status: opt(r, 5)?,
        country: opt(r, 6)?,
        reported_on: req_date(r, 7)?,
        complainant_name: r.get(8)?,
        complainant_relation: r.get(9)?,
        summary: r.get(10)?,
        status: req(r, 11)?,
        closure_reason: opt(r, 12)?,
        closed_on: opt_date(r, 13)?,
        outcome: r.get(14)?,
        clerk: r.get(15)?,
        office_code: r.get(16)?,
        created_at: r.get(17)?,
        updated_at: r.get(18)?,
    })
}

fn save(conn: &Connection, sql: &str, c: &Case) -> Result<()> {
    conn.execute(
        sql,
        params![
            c.uid,
            c.case_number,
            c.person_uid,
            c.category.code(),
            c.channel.map(|x| x.code()),
            c.procedural_status.map(|x| x.code()),
            c.country.as_ref().map(|x| x.as_str()),
            date_text(Some(c.reported_on)),
            c.complainant_name,
            c.complainant_relation,
            c.summary,
            c.status.code(),
            c.closure_reason.map(|x| x.code()),
            date_text(c.closed_on),
            c.outcome,
            c.clerk,
            c.office_code,
            c.created_at,
            c.updated_at,
        ],
    )
    .context("saving a case")?;
    Ok(())
}

pub fn insert(conn: &Connection, c: &Case) -> Result<()> {
    save(conn, &format!("INSERT INTO cases ({COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)"), c)
}

pub fn update(conn: &Connection, c: &Case) -> Result<()> {
    let assignments = super::assignments(COLUMNS);
    save(
        conn,
        &format!("UPDATE cases SET {} WHERE uid = ?1", assignments),
        c,
    )
}

pub fn by_number_or_uid(conn: &Connection, key: &str) -> Result<Option<Case>> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM cases WHERE case_number = ?1 OR case_number = upper(?1) OR uid = lower(?1)"
        ),
        [key.trim()],
        from_row,
    )
    .optional()
    .context("reading a case")
}

pub fn of_person(conn: &Connection, person_uid: &str) -> Result<Vec<Case>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM cases WHERE person_uid = ?1 ORDER BY reported_on DESC, case_number"
    ))?;
    let rows = stmt.query_map([person_uid], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
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
}

/// Cases with the person's name, oldest report first.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<(Case, Option<String>)>> {
    let cols: String = COLUMNS
        .split(", ")
        .map(|c| format!("c.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {cols}, p.full_name FROM cases c LEFT JOIN persons p ON p.uid = c.person_uid
         WHERE (?1 IS NULL OR c.status = ?1) AND (?2 IS NULL OR c.category = ?2) AND (?3 IS NULL OR c.country = ?3)
           AND (?4 IS NULL OR c.reported_on >= ?4) AND (?5 IS NULL OR c.reported_on <= ?5) AND (?6 IS NULL OR c.clerk = ?6)
           AND (?7 = 0 OR c.status IN ('NEW', 'IN_PROGRESS', 'REFERRED'))
         ORDER BY c.reported_on, c.case_number"
    ))?;
    let rows = stmt.query_map(
        params![
            f.status.map(|s| s.code()),
            f.category.map(|s| s.code()),
            f.country.as_ref().map(|c| c.as_str()),
            date_text(f.from),
            date_text(f.to),
            f.clerk,
            f.open_only as i64,
        ],
        |r| Ok((from_row(r)?, r.get(19)?)),
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

const EVENT_COLUMNS: &str =
    "uid, case_uid, occurred_on, kind, partner, letter_number, note, status_from, status_to, \
    awaiting, contacted, clerk, created_at";

fn event_from_row(r: &Row) -> rusqlite::Result<CaseEvent> {
    Ok(CaseEvent {
        uid: r.get(0)?,
        case_uid: r.get(1)?,
        occurred_on: req_date(r, 2)?,
        kind: req(r, 3)?,
        partner: opt(r, 4)?,
        letter_number: r.get(5)?,
        note: r.get(6)?,
        status_from: opt(r, 7)?,
        status_to: opt(r, 8)?,
        awaiting: opt(r, 9)?,
        contacted: r.get(10)?,
        clerk: r.get(11)?,
        created_at: r.get(12)?,
    })
}

pub fn insert_event(conn: &Connection, e: &CaseEvent) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO case_events ({EVENT_COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"),
        params![
            e.uid,
            e.case_uid,
            date_text(Some(e.occurred_on)),
            e.kind.code(),
            e.partner.map(|p| p.code()),
            e.letter_number,
            e.note,
            e.status_from.map(|s| s.code()),
            e.status_to.map(|s| s.code()),
            e.awaiting.map(|a| a.code()),
            e.contacted,
            e.clerk,
            e.created_at,
        ],
    )
    .context("saving a case event")?;
    Ok(())
}

/// A case's timeline, oldest first.
pub fn events(conn: &Connection, case_uid: &str) -> Result<Vec<CaseEvent>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {EVENT_COLUMNS} FROM case_events WHERE case_uid = ?1 ORDER BY occurred_on, created_at, rowid"
    ))?;
    let rows = stmt.query_map([case_uid], event_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every case changed after `since` (all when `None`), in uid order.
pub fn each(
    conn: &Connection,
    since: Option<&str>,
    f: impl FnMut(Case) -> Result<()>,
) -> Result<()> {
    super::each_row(
        conn,
        &format!("SELECT {COLUMNS} FROM cases WHERE ?1 IS NULL OR updated_at > ?1 ORDER BY uid"),
        since,
        from_row,
        f,
    )
}

/// Every event recorded after `since` (all when `None`), in uid order.
pub fn each_event(
    conn: &Connection,
    since: Option<&str>,
    f: impl FnMut(CaseEvent) -> Result<()>,
) -> Result<()> {
    super::each_row(conn, &format!("SELECT {EVENT_COLUMNS} FROM case_events WHERE ?1 IS NULL OR created_at > ?1 ORDER BY uid"), since, event_from_row, f)
}

pub fn event_exists(conn: &Connection, uid: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) FROM case_events WHERE uid = ?1",
        [uid],
        |r| r.get::<_, i64>(0),
    )? > 0)
}
