//! SQL for the `recommendations` table.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::columns::{date_text, opt_date, req, req_date};
use crate::domain::recommendation::{join_reasons, parse_reasons, Recommendation};
use crate::domain::RecommendationStatus;
use crate::error::Invalid;

const COLUMNS: &str = "uid, placement_uid, letter_number, status, decided_on, valid_until, immigration_office, \
    refusal_reasons, refusal_details, void_reason, passport_number, passport_issued_on, reprints, clerk, office_code, \
    created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Recommendation> {
    let reasons: Option<String> = r.get(7)?;
    Ok(Recommendation {
        uid: r.get(0)?,
        placement_uid: r.get(1)?,
        letter_number: r.get(2)?,
        status: req(r, 3)?,
        decided_on: req_date(r, 4)?,
        valid_until: opt_date(r, 5)?,
        immigration_office: r.get(6)?,
        refusal_reasons: parse_reasons(reasons.as_deref().unwrap_or("")).map_err(
            |e: Invalid| {
                rusqlite::Error::FromSqlConversionFailure(
                    7,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            },
        )?,
        refusal_details: r.get(8)?,
        void_reason: r.get(9)?,
        passport_number: r.get(10)?,
        passport_issued_on: opt_date(r, 11)?,
        reprints: r.get(12)?,
        clerk: r.get(13)?,
        office_code: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
    })
}

fn values(r: &Recommendation) -> [Box<dyn rusqlite::ToSql + '_>; 17] {
    let reasons = join_reasons(&r.refusal_reasons);
    [
        Box::new(&r.uid),
        Box::new(&r.placement_uid),
        Box::new(&r.letter_number),
        Box::new(r.status.code()),
        Box::new(date_text(Some(r.decided_on))),
        Box::new(date_text(r.valid_until)),
        Box::new(&r.immigration_office),
        Box::new((!reasons.is_empty()).then_some(reasons)),
        Box::new(&r.refusal_details),
        Box::new(&r.void_reason),
        Box::new(&r.passport_number),
        Box::new(date_text(r.passport_issued_on)),
        Box::new(r.reprints),
        Box::new(&r.clerk),
        Box::new(&r.office_code),
        Box::new(&r.created_at),
        Box::new(&r.updated_at),
    ]
}

pub fn insert(conn: &Connection, r: &Recommendation) -> Result<()> {
    let values = values(r);
    conn.execute(
        &format!("INSERT INTO recommendations ({COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)"),
        rusqlite::params_from_iter(values.iter()),
    )
    .context("saving a recommendation")?;
    Ok(())
}

pub fn update(conn: &Connection, r: &Recommendation) -> Result<()> {
    let values = values(r);
    let assignments = super::assignments(COLUMNS);
    conn.execute(
        &format!("UPDATE recommendations SET {} WHERE uid = ?1", assignments),
        rusqlite::params_from_iter(values.iter()),
    )
    .context("updating a recommendation")?;
    Ok(())
}

/// By letter number (any case) or uid.
pub fn by_letter_or_uid(conn: &Connection, key: &str) -> Result<Option<Recommendation>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM recommendations WHERE letter_number = ?1 OR letter_number = upper(?1) OR uid = lower(?1)"),
        [key.trim()],
        from_row,
    )
    .optional()
    .context("reading a recommendation")
}

/// Every decision about a person's placements, newest first.
pub fn of_person(conn: &Connection, person_uid: &str) -> Result<Vec<Recommendation>> {
    let cols: String = COLUMNS
        .split(", ")
        .map(|c| format!("r.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {cols} FROM recommendations r JOIN placements p ON p.uid = r.placement_uid
         WHERE p.person_uid = ?1 ORDER BY r.decided_on DESC, r.created_at DESC, r.uid"
    ))?;
    let rows = stmt.query_map([person_uid], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A recommendation with its worker's name and NIK and the placement's registration number.
pub struct Listed {
    pub recommendation: Recommendation,
    pub full_name: String,
    pub nik: Option<String>,
    pub registration_number: Option<String>,
}

pub fn list(
    conn: &Connection,
    status: Option<RecommendationStatus>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<Listed>> {
    let cols: String = COLUMNS
        .split(", ")
        .map(|c| format!("r.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {cols}, pe.full_name, pe.nik, p.registration_number
         FROM recommendations r JOIN placements p ON p.uid = r.placement_uid JOIN persons pe ON pe.uid = p.person_uid
         WHERE (?1 IS NULL OR r.status = ?1) AND (?2 IS NULL OR r.decided_on >= ?2) AND (?3 IS NULL OR r.decided_on <= ?3)
         ORDER BY r.decided_on, r.letter_number, r.uid"
    ))?;
    let rows = stmt.query_map(
        params![status.map(|s| s.code()), date_text(from), date_text(to)],
        |r| {
            Ok(Listed {
                recommendation: from_row(r)?,
                full_name: r.get(17)?,
                nik: r.get(18)?,
                registration_number: r.get(19)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every record changed after `since` (all when `None`), in uid order, one at a time.
pub fn each(
    conn: &Connection,
    since: Option<&str>,
    f: impl FnMut(Recommendation) -> Result<()>,
) -> Result<()> {
    super::each_row(conn, &format!("SELECT {COLUMNS} FROM recommendations WHERE ?1 IS NULL OR updated_at > ?1 ORDER BY uid"), since, from_row, f)
}
