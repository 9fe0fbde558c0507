//! SQL for the `cases` and `case_events` tables. Events are only ever inserted.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use super::filter::{count_rows, text, Conditions};
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

impl Filter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        c.when("r.status = ?", text(self.status.map(|s| s.code())))
            .when("r.category = ?", text(self.category.map(|s| s.code())))
            .when(
                "r.country = ?",
                text(self.country.as_ref().map(|c| c.as_str())),
            )
            .when(
                "r.reported_on >= ?",
                text(self.from.map(|d| d.as_text().into_owned())),
            )
            .when(
                "r.reported_on <= ?",
                text(self.to.map(|d| d.as_text().into_owned())),
            )
            .when("r.clerk = ?", text(self.clerk.as_deref()))
            .when_true(
                "r.status IN ('NEW', 'IN_PROGRESS', 'REFERRED')",
                self.open_only,
            );
        c
    }
}

/// How many cases the filter finds, whatever its limit (up to `filter::COUNTED_UP_TO + 1`).
pub fn count(conn: &Connection, f: &Filter) -> Result<i64> {
    let c = f.conditions();
    count_rows(conn, &format!("cases r {}", c.clause()), c.values())
}

/// The cases the filter finds, without names, oldest report first (whatever the limit).
pub fn matching(conn: &Connection, f: &Filter) -> Result<Vec<Case>> {
    let c = f.conditions();
    query(
        conn,
        &format!("{} ORDER BY r.reported_on, r.case_number", c.clause()),
        params_from_iter(c.values()),
    )
}

/// Cases with the person's name, oldest report first.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<(Case, Option<String>)>> {
    let n = Case::columns().len();
    let c = f.conditions();
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, p.full_name FROM cases r LEFT JOIN persons p ON p.uid = r.person_uid {}
         ORDER BY r.reported_on, r.case_number LIMIT ?",
        select_list::<Case>("r"),
        c.clause()
    ))?;
    let rows = stmt.query_map(params_from_iter(c.values_and_limit(f.limit)), |r| {
        Ok((from_row(r, 0)?, r.get(n)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The timelines of the open cases, oldest event first, by case uid: read at once for
/// `case list --overdue` (one query instead of one per case).
pub fn events_of_open_cases(
    conn: &Connection,
) -> Result<std::collections::HashMap<String, Vec<CaseEvent>>> {
    let events: Vec<CaseEvent> = query(
        conn,
        "WHERE r.case_uid IN (SELECT uid FROM cases
                              WHERE status IN ('NEW', 'IN_PROGRESS', 'REFERRED'))
         ORDER BY r.case_uid, r.occurred_on, r.created_at, r.rowid",
        [],
    )?;
    let mut by_case: std::collections::HashMap<String, Vec<CaseEvent>> = Default::default();
    for event in events {
        by_case
            .entry(event.case_uid.clone())
            .or_default()
            .push(event);
    }
    Ok(by_case)
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
