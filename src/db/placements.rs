//! SQL for the `placements` table.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::filter::{count_rows, newest_first, text, Conditions};
use super::records::{from_row, query, query_one, select_list};
use crate::domain::placement::Placement;
use crate::domain::record::{Record, Text};
use crate::domain::{CountryCode, RegencyCode, Scheme, Stage};

/// By uid or registration number: the office's full number, this office's number written without
/// its code (`REG-2026-00001`), or the number this office gave before numbers travelled.
pub fn by_uid_or_number(conn: &Connection, key: &str) -> Result<Option<Placement>> {
    let own = super::settings::get(conn, "office.code")?
        .and_then(|office| crate::domain::placement::own_number(&office, key))
        .unwrap_or_default();
    query_one(
        conn,
        "WHERE r.uid = ?1 OR r.registration_number = ?2 OR r.registration_number = ?3
            OR r.legacy_number = ?2
         ORDER BY r.registration_number = ?2 DESC, r.uid = ?1 DESC LIMIT 1",
        params![key.to_ascii_lowercase(), key.to_ascii_uppercase(), own],
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
    /// The oldest first (`--oldest-first`); else the newest.
    pub oldest_first: bool,
}

/// A placement with its person's name, NIK and regency, for lists.
pub struct Listed {
    pub placement: Placement,
    pub full_name: String,
    pub nik: Option<String>,
    pub regency_code: Option<String>,
}

impl Filter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        c.when("r.stage = ?", text(self.stage.map(|s| s.code())))
            .when("r.scheme = ?", text(self.scheme.map(|s| s.code())))
            .when(
                "r.country = ?",
                text(self.country.as_ref().map(|c| c.as_str())),
            )
            .when(
                "pe.regency_code = ?",
                text(self.regency.as_ref().map(|r| r.as_str())),
            )
            .when(
                "r.registered_on >= ?",
                text(self.registered_from.map(|d| d.as_text().into_owned())),
            )
            .when(
                "r.registered_on <= ?",
                text(self.registered_to.map(|d| d.as_text().into_owned())),
            );
        c
    }
}

/// How many placements the filter finds, whatever its limit (up to `filter::COUNTED_UP_TO + 1`).
/// The persons table is read only when the filter is on the person's regency.
pub fn count(conn: &Connection, f: &Filter) -> Result<i64> {
    let from = match f.regency {
        Some(_) => "placements r JOIN persons pe ON pe.uid = r.person_uid",
        None => "placements r",
    };
    let c = f.conditions();
    count_rows(conn, &format!("{from} {}", c.clause()), c.values())
}

/// The placements the filter finds, the newest registration first (then in the order stored:
/// each index ends with the rowid, so the listing reads its rows in order from the index that
/// filters them and stops at the limit).
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Listed>> {
    let n = Placement::columns().len();
    let (sql, values) = list_sql(f);
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), |r| {
        Ok(Listed {
            placement: from_row(r, 0)?,
            full_name: r.get(n)?,
            nik: r.get(n + 1)?,
            regency_code: r.get(n + 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The statement `list` runs, and its values.
pub(super) fn list_sql(f: &Filter) -> (String, Vec<rusqlite::types::Value>) {
    let c = f.conditions();
    let sql = format!(
        "SELECT {}, pe.full_name, pe.nik, pe.regency_code
         FROM placements r JOIN persons pe ON pe.uid = r.person_uid {} {}
         LIMIT ?",
        select_list::<Placement>("r"),
        c.clause(),
        newest_first(&["r.registered_on", "r.rowid"], f.oldest_first)
    );
    (sql, c.values_and_limit(f.limit))
}

/// A stored placement's registration date, if the placement is stored.
pub fn registered_on(conn: &Connection, uid: &str) -> Result<Option<NaiveDate>> {
    let date: Option<String> = conn
        .prepare_cached("SELECT registered_on FROM placements WHERE uid = ?1")?
        .query_row([uid], |r| r.get(0))
        .optional()?;
    Ok(date.and_then(|d| d.parse().ok()))
}
