//! SQL for the `cases` and `case_events` tables. Events are only ever inserted.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use super::filter::{count_rows, text, Conditions};
use super::records::{from_row, query, query_one, select_list};
use crate::domain::audit::Action;
use crate::domain::case::{reached_complainant, Awaiting, Case, CaseEvent, Step, Timeline};
use crate::domain::record::{Record, Text};
use crate::domain::{CaseCategory, CaseEventKind, CaseStatus, CountryCode};

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
    /// The oldest report first (`--oldest-first`); else the newest.
    pub oldest_first: bool,
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

/// The cases the filter finds (whatever its limit), oldest report first, each by uid with its
/// timeline: one statement reading only the columns the deadlines need, so that every open case
/// can be weighed at once (`case list --overdue`).
pub fn timelines(conn: &Connection, f: &Filter) -> Result<Vec<(String, Timeline)>> {
    let c = f.conditions();
    let mut stmt = conn.prepare(&format!(
        "SELECT r.uid, r.reported_on, e.occurred_on, e.awaiting, e.contacted, e.kind
         FROM cases r LEFT JOIN case_events e ON e.case_uid = r.uid {}
         ORDER BY r.reported_on, r.case_number, e.occurred_on, e.created_at, e.rowid",
        c.clause()
    ))?;
    let mut rows = stmt.query(params_from_iter(c.values()))?;
    let mut found: Vec<(String, Timeline)> = Vec::new();
    let date = |text: &str| -> Result<NaiveDate> {
        text.parse()
            .map_err(|_| anyhow::anyhow!("cases: stored date {text:?} unreadable"))
    };
    while let Some(row) = rows.next()? {
        let uid = row.get_ref(0)?.as_str()?;
        if found.last().is_none_or(|(last, _)| last != uid) {
            let reported_on = date(row.get_ref(1)?.as_str()?)?;
            found.push((
                uid.to_string(),
                Timeline {
                    reported_on,
                    steps: Vec::new(),
                },
            ));
        }
        let Some(on) = row.get_ref(2)?.as_str_or_null()? else {
            continue;
        };
        let awaiting = row
            .get_ref(3)?
            .as_str_or_null()?
            .map(str::parse::<Awaiting>)
            .transpose()?;
        let kind: CaseEventKind = row.get_ref(5)?.as_str()?.parse()?;
        let step = Step {
            on: date(on)?,
            awaiting,
            reached: reached_complainant(kind, row.get::<_, bool>(4)?),
        };
        if let Some((_, timeline)) = found.last_mut() {
            timeline.steps.push(step);
        }
    }
    Ok(found)
}

/// The stored cases these uids name, in one statement (the uids as a JSON array, each looked up
/// in the primary key).
pub fn by_uids<'a>(
    conn: &Connection,
    uids: impl Iterator<Item = &'a str>,
) -> Result<std::collections::HashMap<String, Case>> {
    let uids: Vec<&str> = uids.collect();
    let found: Vec<Case> = query(
        conn,
        "WHERE r.uid IN (SELECT value FROM json_each(?1))",
        [serde_json::to_string(&uids)?],
    )?;
    Ok(found.into_iter().map(|c| (c.uid.clone(), c)).collect())
}

/// Cases with the person's name, the newest report first unless `oldest_first`.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<(Case, Option<String>)>> {
    let n = Case::columns().len();
    let c = f.conditions();
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, p.full_name FROM cases r LEFT JOIN persons p ON p.uid = r.person_uid {} {}
         LIMIT ?",
        select_list::<Case>("r"),
        c.clause(),
        super::filter::newest_first(&["r.reported_on", "r.case_number"], f.oldest_first)
    ))?;
    let rows = stmt.query_map(params_from_iter(c.values_and_limit(f.limit)), |r| {
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

/// A case's status, closure and what to look at, as its events give them (whichever offices
/// recorded them): stored when they differ, and the review codes kept with the case.
pub fn refresh_state(tx: &super::Tx, actor: &super::audit::Actor, uid: &str) -> Result<()> {
    let Some(case) = super::records::get::<Case>(tx, uid)? else {
        return Ok(());
    };
    let events = events(tx, uid)?;
    let state = crate::domain::case::case_state(&events);
    if (state.status, state.closure_reason, state.closed_on)
        != (case.status, case.closure_reason, case.closed_on)
    {
        let mut next = case.clone();
        next.status = state.status;
        next.closure_reason = state.closure_reason;
        next.closed_on = state.closed_on;
        super::records::change(tx, actor, Action::Update.as_str(), &case, next)?;
    }
    let review: Vec<&str> = state.review.iter().map(|r| r.code()).collect();
    super::merge::set_case_review(
        tx,
        uid,
        (!review.is_empty()).then(|| review.join("|")).as_deref(),
    )
}
