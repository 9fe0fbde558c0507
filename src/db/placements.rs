//! SQL for the `placements` table.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::records::{from_row, query, query_one, select_list};
use crate::domain::placement::Placement;
use crate::domain::record::{Record, Text};
use crate::domain::{CountryCode, RegencyCode, Scheme, Stage};

pub fn by_uid_or_number(conn: &Connection, key: &str) -> Result<Option<Placement>> {
    query_one(
        conn,
        "WHERE r.uid = ?1 OR r.registration_number = ?2",
        params![key.to_ascii_lowercase(), key.to_ascii_uppercase()],
    )
}

/// A person's placements, the latest registration first.
pub fn of_person(conn: &Connection, person_uid: &str) -> Result<Vec<Placement>> {
    query(
        conn,
        "WHERE r.person_uid = ?1 ORDER BY r.registered_on DESC, r.created_at DESC, r.uid",
        [person_uid],
    )
}

/// The person's open placement (registered or recommended), if any: at most one, by the schema.
pub fn open_of_person(conn: &Connection, person_uid: &str) -> Result<Option<Placement>> {
    query_one(
        conn,
        "WHERE r.person_uid = ?1 AND r.stage IN ('REGISTERED', 'RECOMMENDED')",
        [person_uid],
    )
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

/// The placements `worker list` shows, from `FROM` on; `?7` is the limit.
const LISTED: &str = "FROM placements r JOIN persons pe ON pe.uid = r.person_uid
         WHERE (?1 IS NULL OR r.stage = ?1) AND (?2 IS NULL OR r.scheme = ?2)
           AND (?3 IS NULL OR r.country = ?3) AND (?4 IS NULL OR pe.regency_code = ?4)
           AND (?5 IS NULL OR r.registered_on >= ?5) AND (?6 IS NULL OR r.registered_on <= ?6)";

fn list_params(f: &Filter) -> [Option<String>; 6] {
    [
        f.stage.map(|s| s.code().to_string()),
        f.scheme.map(|s| s.code().to_string()),
        f.country.as_ref().map(|c| c.as_str().to_string()),
        f.regency.as_ref().map(|r| r.as_str().to_string()),
        f.registered_from.map(|d| d.as_text().into_owned()),
        f.registered_to.map(|d| d.as_text().into_owned()),
    ]
}

/// How many placements the filter finds, whatever its limit (for "N more").
pub fn count(conn: &Connection, f: &Filter) -> Result<i64> {
    let [a, b, c, d, e, g] = list_params(f);
    Ok(conn.query_row(
        &format!("SELECT count(*) {LISTED}"),
        params![a, b, c, d, e, g],
        |r| r.get(0),
    )?)
}

pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Listed>> {
    let n = Placement::columns().len();
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, pe.full_name, pe.nik, pe.regency_code {LISTED}
         ORDER BY r.registered_on, r.registration_number, r.uid
         LIMIT ?7",
        select_list::<Placement>("r")
    ))?;
    let [a, b, c, d, e, g] = list_params(f);
    let rows = stmt.query_map(params![a, b, c, d, e, g, f.limit.unwrap_or(-1)], |r| {
        Ok(Listed {
            placement: from_row(r, 0)?,
            full_name: r.get(n)?,
            nik: r.get(n + 1)?,
            regency_code: r.get(n + 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A stored placement's registration date, if the placement is stored.
pub fn registered_on(conn: &Connection, uid: &str) -> Result<Option<NaiveDate>> {
    let date: Option<String> = conn
        .prepare_cached("SELECT registered_on FROM placements WHERE uid = ?1")?
        .query_row([uid], |r| r.get(0))
        .optional()?;
    Ok(date.and_then(|d| d.parse().ok()))
}
