//! SQL for the `placements` table.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::columns::{date_text, opt, opt_date, req, req_date};
use crate::domain::placement::Placement;
use crate::domain::{CountryCode, RegencyCode, Scheme, Stage};

const COLUMNS: &str = "uid, registration_number, person_uid, scheme, p3mi_name, employer_name, country, sector, \
    occupation, stage, registered_on, departed_on, returned_on, cancel_reason, cancel_note, passport_number, \
    office_code, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Placement> {
    Ok(Placement {
        uid: r.get(0)?,
        registration_number: r.get(1)?,
        person_uid: r.get(2)?,
        scheme: req(r, 3)?,
        p3mi_name: r.get(4)?,
        employer_name: r.get(5)?,
        country: req(r, 6)?,
        sector: opt(r, 7)?,
        occupation: r.get(8)?,
        stage: req(r, 9)?,
        registered_on: req_date(r, 10)?,
        departed_on: opt_date(r, 11)?,
        returned_on: opt_date(r, 12)?,
        cancel_reason: opt(r, 13)?,
        cancel_note: r.get(14)?,
        passport_number: r.get(15)?,
        office_code: r.get(16)?,
        created_at: r.get(17)?,
        updated_at: r.get(18)?,
    })
}

pub fn by_uid_or_number(conn: &Connection, key: &str) -> Result<Option<Placement>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM placements WHERE uid = ?1 OR registration_number = ?2"),
        params![key.to_ascii_lowercase(), key.to_ascii_uppercase()],
        from_row,
    )
    .optional()
    .context("reading a placement")
}

/// A person's placements, the latest registration first.
pub fn of_person(conn: &Connection, person_uid: &str) -> Result<Vec<Placement>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM placements WHERE person_uid = ?1 ORDER BY registered_on DESC, created_at DESC, uid"
    ))?;
    let rows = stmt.query_map([person_uid], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts or updates, with the same values in the order of `COLUMNS`.
fn save(conn: &Connection, sql: &str, p: &Placement) -> Result<()> {
    conn.execute(
        sql,
        params![
            p.uid,
            p.registration_number,
            p.person_uid,
            p.scheme.code(),
            p.p3mi_name,
            p.employer_name,
            p.country.as_str(),
            p.sector.map(|s| s.code()),
            p.occupation,
            p.stage.code(),
            date_text(Some(p.registered_on)),
            date_text(p.departed_on),
            date_text(p.returned_on),
            p.cancel_reason.map(|c| c.code()),
            p.cancel_note,
            p.passport_number,
            p.office_code,
            p.created_at,
            p.updated_at,
        ],
    )
    .context("saving a placement")?;
    Ok(())
}

pub fn insert(conn: &Connection, p: &Placement) -> Result<()> {
    let marks: Vec<String> = (1..=super::column_count(COLUMNS))
        .map(|i| format!("?{i}"))
        .collect();
    save(
        conn,
        &format!(
            "INSERT INTO placements ({COLUMNS}) VALUES ({})",
            marks.join(",")
        ),
        p,
    )
}

pub fn update(conn: &Connection, p: &Placement) -> Result<()> {
    let sql = format!(
        "UPDATE placements SET {} WHERE uid = ?1",
        super::assignments(COLUMNS)
    );
    save(conn, &sql, p)
}

/// Filters of `worker list`; `None` means any.
#[derive(Default, Debug)]
pub struct Filter {
    pub stage: Option<Stage>,
    pub scheme: Option<Scheme>,
    pub country: Option<CountryCode>,
    pub regency: Option<RegencyCode>,
    pub registered_from: Option<NaiveDate>,
    pub registered_to: Option<NaiveDate>,
    pub limit: Option<i64>,
}

/// A placement with its person's name, NIK and regency, for lists.
pub struct Listed {
    pub placement: Placement,
    pub full_name: String,
    pub nik: Option<String>,
    pub regency_code: Option<String>,
}

pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Listed>> {
    let cols: String = COLUMNS
        .split(", ")
        .map(|c| format!("pl.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {cols}, pe.full_name, pe.nik, pe.regency_code
         FROM placements pl JOIN persons pe ON pe.uid = pl.person_uid
         WHERE (?1 IS NULL OR pl.stage = ?1) AND (?2 IS NULL OR pl.scheme = ?2)
           AND (?3 IS NULL OR pl.country = ?3) AND (?4 IS NULL OR pe.regency_code = ?4)
           AND (?5 IS NULL OR pl.registered_on >= ?5) AND (?6 IS NULL OR pl.registered_on <= ?6)
         ORDER BY pl.registered_on, pl.registration_number, pl.uid
         LIMIT ?7"
    ))?;
    let rows = stmt.query_map(
        params![
            f.stage.map(|s| s.code()),
            f.scheme.map(|s| s.code()),
            f.country.as_ref().map(|c| c.as_str()),
            f.regency.as_ref().map(|r| r.as_str()),
            date_text(f.registered_from),
            date_text(f.registered_to),
            f.limit.unwrap_or(-1),
        ],
        |r| {
            Ok(Listed {
                placement: from_row(r)?,
                full_name: r.get(19)?,
                nik: r.get(20)?,
                regency_code: r.get(21)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every record changed after `since` (all when `None`), in uid order, one at a time.
pub fn each(
    conn: &Connection,
    since: Option<&str>,
    f: impl FnMut(Placement) -> Result<()>,
) -> Result<()> {
    super::each_row(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM placements WHERE ?1 IS NULL OR updated_at > ?1 ORDER BY uid"
        ),
        since,
        from_row,
        f,
    )
}

/// Saves a changed placement and records what changed in the audit log.
pub fn update_audited(
    conn: &Connection,
    actor: &super::audit::Actor,
    old: &Placement,
    new: &Placement,
) -> Result<()> {
    update(conn, new)?;
    super::audit::record(
        conn,
        actor,
        "placement",
        &new.uid,
        "update",
        &super::audit::diff(&old.fields(), &new.fields()),
    )
}
