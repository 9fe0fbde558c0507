//! SQL for the published statistics: for each report kind, the records it counts, the date that
//! places a record in a period, and each dimension's grouping expression. A report is one indexed
//! query with GROUP BY, never a query per group.

use anyhow::{anyhow, Result};
use std::sync::LazyLock;

use rusqlite::{params_from_iter, Connection};

use crate::domain::codes::CodeList;
use crate::domain::group::{decision, Handling, AGE_GROUPS};
use crate::domain::RecommendationStatus;

/// Age in whole years on the ISO date expression `on` of a person born on `birth`.
fn age_sql(on: &str, birth: &str) -> String {
    format!(
        "(CAST(strftime('%Y', {on}) AS INTEGER) - CAST(strftime('%Y', {birth}) AS INTEGER) - \
         (strftime('%m-%d', {on}) < strftime('%m-%d', {birth})))"
    )
}

/// The age group (`domain::group::AGE_GROUPS`) of the person `pe` on the date column `on`; NULL
/// without a birth date.
fn age_group_sql(on: &str) -> String {
    let age = age_sql(on, "pe.birth_date");
    let mut sql = String::from("CASE WHEN pe.birth_date IS NULL THEN NULL");
    for pair in AGE_GROUPS.windows(2) {
        sql += &format!(" WHEN {age} < {} THEN '{}'", pair[1].from, pair[0].code);
    }
    let last = AGE_GROUPS.last().expect("at least one age group");
    sql + &format!(" ELSE '{}' END", last.code)
}

/// The handling group (`domain::group::Handling`) of a case whose status and closure reason, as
/// `status|reason` (the reason empty when there is none), are `state`.
fn handling_sql(state: &str) -> String {
    let done: Vec<String> = Handling::Done
        .states()
        .iter()
        .map(|(s, r)| format!("'{}|{}'", s.code(), r.map(|r| r.code()).unwrap_or_default()))
        .collect();
    format!(
        "CASE WHEN {state} IN ({}) THEN '{}' ELSE '{}' END",
        done.join(", "),
        Handling::Done.code(),
        Handling::InProcess.code()
    )
}

/// A case's status as of the as-of date (?3): the last status its timeline reached by then.
/// Imported cases may have no status events: their stored status stands.
const CASE_STATUS_AS_OF: &str = "coalesce((SELECT e.status_to FROM case_events e WHERE e.case_uid = c.uid AND e.status_to IS NOT NULL \
     AND e.occurred_on <= ?3 ORDER BY e.occurred_on DESC, e.created_at DESC, e.rowid DESC LIMIT 1), c.status)";

/// A case's status and closure reason as of the as-of date (?3), as `status|reason`: those of the
/// last status change its timeline reached by then, else the stored ones. A closing recorded
/// without its reason (before events carried one, or by the demo) takes the case's stored reason
/// when the case still stands closed.
const CASE_STATE_AS_OF: &str = "coalesce((SELECT e.status_to || '|' || coalesce(e.closure_reason, \
     CASE WHEN e.status_to = c.status THEN c.closure_reason END, '') FROM case_events e \
     WHERE e.case_uid = c.uid AND e.status_to IS NOT NULL AND e.occurred_on <= ?3 \
     ORDER BY e.occurred_on DESC, e.created_at DESC, e.rowid DESC LIMIT 1), c.status || '|' || coalesce(c.closure_reason, ''))";

/// A recommendation's decision (`domain::group::decision`): a letter used or voided later was
/// issued.
fn decision_sql() -> &'static str {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let mut sql = String::from("CASE r.status");
        for s in RecommendationStatus::all() {
            sql += &format!(" WHEN '{}' THEN '{}'", s.code(), decision(*s).code());
        }
        sql + " END"
    });
    &SQL
}

fn age_group_at_departure() -> &'static str {
    static SQL: LazyLock<String> = LazyLock::new(|| age_group_sql("pl.departed_on"));
    &SQL
}

fn age_group_at_registration() -> &'static str {
    static SQL: LazyLock<String> = LazyLock::new(|| age_group_sql("pl.registered_on"));
    &SQL
}

fn case_handling_as_of() -> &'static str {
    static SQL: LazyLock<String> = LazyLock::new(|| handling_sql(CASE_STATE_AS_OF));
    &SQL
}

/// A dimension's grouping expression: written here, or built at first use from a declaration of
/// the domain.
#[derive(Clone, Copy)]
pub enum Grouping {
    Sql(&'static str),
    Built(fn() -> &'static str),
}
use Grouping::{Built, Sql};

impl Grouping {
    fn sql(self) -> &'static str {
        match self {
            Sql(sql) => sql,
            Built(build) => build(),
        }
    }
}

pub struct Source {
    /// The table counted (`placements pl`).
    from: &'static str,
    /// The persons joined to it, read only when a dimension needs them (`pe.`): a cut by
    /// scheme, country or sector then reads one index alone.
    persons: Option<&'static str>,
    /// The date column that places a record in the period.
    date: &'static str,
    /// Grouping expressions by dimension name.
    dimensions: &'static [(&'static str, Grouping)],
}

const PLACEMENT_DIMENSIONS: &[(&str, Grouping)] = &[
    ("scheme", Sql("pl.scheme")),
    ("country", Sql("pl.country")),
    ("sector", Sql("pl.sector")),
    ("regency", Sql("pe.regency_code")),
    ("sex", Sql("pe.sex")),
    ("occupation", Sql("pl.occupation")),
    ("education", Sql("pe.education")),
    ("p3mi", Sql("pl.p3mi_name")),
    ("age_group", Built(age_group_at_departure)),
];

/// Every placement has its person (a foreign key): the join never changes what is counted.
const PLACEMENT_PERSONS: Option<&str> = Some("JOIN persons pe ON pe.uid = pl.person_uid");

pub const PLACEMENTS: Source = Source {
    from: "placements pl",
    persons: PLACEMENT_PERSONS,
    date: "pl.departed_on",
    dimensions: PLACEMENT_DIMENSIONS,
};

pub const REGISTRATIONS: Source = Source {
    from: "placements pl",
    persons: PLACEMENT_PERSONS,
    date: "pl.registered_on",
    dimensions: &[
        ("scheme", Sql("pl.scheme")),
        ("country", Sql("pl.country")),
        ("sector", Sql("pl.sector")),
        ("regency", Sql("pe.regency_code")),
        ("sex", Sql("pe.sex")),
        ("occupation", Sql("pl.occupation")),
        ("education", Sql("pe.education")),
        ("p3mi", Sql("pl.p3mi_name")),
        ("stage", Sql("pl.stage")),
        ("cancel_reason", Sql("pl.cancel_reason")),
        ("age_group", Built(age_group_at_registration)),
    ],
};

pub const RECOMMENDATIONS: Source = Source {
    from: "recommendations r",
    persons: None,
    date: "r.decided_on",
    dimensions: &[
        ("status", Built(decision_sql)),
        ("office", Sql("r.immigration_office")),
        ("reason", Sql("rs.reason")),
    ],
};

pub const CASES: Source = Source {
    from: "cases c",
    persons: Some("LEFT JOIN persons pe ON pe.uid = c.person_uid"),
    date: "c.reported_on",
    dimensions: &[
        ("category", Sql("c.category")),
        ("status", Sql(CASE_STATUS_AS_OF)),
        ("channel", Sql("c.channel")),
        ("procedural_status", Sql("c.procedural_status")),
        ("country", Sql("c.country")),
        ("regency", Sql("pe.regency_code")),
        ("handling", Built(case_handling_as_of)),
    ],
};

pub const REPATRIATIONS: Source = Source {
    from: "repatriations x",
    persons: None,
    date: "x.arrived_on",
    dimensions: &[
        ("category", Sql("x.category")),
        ("country", Sql("x.from_country")),
        ("debarkation", Sql("x.debarkation")),
        ("regency", Sql("x.origin_regency_code")),
        ("handed_over", Sql("CASE WHEN x.handed_over_on IS NOT NULL AND x.handed_over_on <= ?3 THEN 'YES' ELSE 'NO' END")),
    ],
};

impl Source {
    pub fn has(&self, dimension: &str) -> bool {
        dimension == "month" || self.dimensions.iter().any(|(name, _)| *name == dimension)
    }

    pub fn dimension_names(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.dimensions.iter().map(|(n, _)| *n).collect();
        names.push("month");
        names
    }

    fn expression(&self, dimension: &str) -> Result<String> {
        if dimension == "month" {
            return Ok(format!("substr({}, 1, 7)", self.date));
        }
        self.dimensions
            .iter()
            .find(|(name, _)| *name == dimension)
            .map(|(_, grouping)| grouping.sql().to_string())
            .ok_or_else(|| anyhow!("unknown dimension {dimension}"))
    }
}

/// Counts records whose date lies in `[from, to]` (and not after `as_of`), grouped by `dimensions`.
/// Each row: the dimension values (NULL as `None`), then the count.
pub fn grouped_counts(
    conn: &Connection,
    source: &Source,
    dimensions: &[&str],
    from: &str,
    to: &str,
    as_of: &str,
) -> Result<Vec<(Vec<Option<String>>, i64)>> {
    let sql = grouped_sql(source, dimensions)?;
    let mut stmt = conn.prepare(&sql)?;
    let n = dimensions.len();
    let rows = stmt.query_map(params_from_iter([from, to, as_of]), |r| {
        let mut values = Vec::with_capacity(n);
        for i in 0..n {
            values.push(r.get::<_, Option<String>>(i)?);
        }
        Ok((values, r.get::<_, i64>(n)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The statement `grouped_counts` runs: `?1` to `?3` the period's first and last day and the
/// as-of date.
pub(super) fn grouped_sql(source: &Source, dimensions: &[&str]) -> Result<String> {
    let expressions: Vec<String> = dimensions
        .iter()
        .map(|d| source.expression(d))
        .collect::<Result<_>>()?;
    let select: Vec<String> = expressions
        .iter()
        .enumerate()
        .map(|(i, e)| format!("{e} AS d{i}"))
        .collect();
    let group: Vec<String> = (0..dimensions.len()).map(|i| format!("d{i}")).collect();
    // Refusal reasons are a list per decision: one row per reason when grouping by reason.
    let from_clause = if dimensions.contains(&"reason") {
        "recommendations r LEFT JOIN (WITH RECURSIVE split(uid, reason, rest) AS (
             SELECT uid, NULL, refusal_reasons || '|' FROM recommendations WHERE refusal_reasons IS NOT NULL
             UNION ALL SELECT uid, substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1)
             FROM split WHERE rest <> '')
           SELECT uid, reason FROM split WHERE reason IS NOT NULL) rs ON rs.uid = r.uid"
            .to_string()
    } else {
        match source.persons {
            Some(join) if expressions.iter().any(|e| e.contains("pe.")) => {
                format!("{} {join}", source.from)
            }
            _ => source.from.to_string(),
        }
    };
    let sql = format!(
        "SELECT {}{}count(*) FROM {from_clause} WHERE {date} >= ?1 AND {date} <= ?2 AND {date} <= ?3 {}{}",
        select.join(", "),
        if select.is_empty() { "" } else { ", " },
        if group.is_empty() { String::new() } else { format!("GROUP BY {}", group.join(", ")) },
        if group.is_empty() { String::new() } else { format!(" ORDER BY {}", group.join(", ")) },
        date = source.date,
    );
    Ok(sql)
}

#[cfg(test)]
mod tests {
    use chrono::{Months, NaiveDate};
    use rusqlite::params;

    use super::*;
    use crate::domain::date::age_on;
    use crate::domain::group::age_group;
    use crate::domain::{CaseStatus, ClosureReason};

    /// Both sources' age-group SQL, run on SQLite, puts a worker in the group `age_group` gives for
    /// the age `age_on` counts: at every age from 17 to 46, born on the date's day, the day before
    /// and the day after, on dates around the ends of the year and of February in leap and common
    /// years; and in no group without a birth date.
    #[test]
    fn the_age_group_sql_agrees_with_the_domain_at_every_boundary() {
        let conn = Connection::open_in_memory().unwrap();
        for (source, column) in [
            (&PLACEMENTS, "departed_on"),
            (&REGISTRATIONS, "registered_on"),
        ] {
            let sql = format!(
                "SELECT {} FROM (SELECT ?1 AS birth_date) pe, (SELECT ?2 AS {column}) pl",
                source.expression("age_group").unwrap()
            );
            let in_sql = |birth: Option<String>, on: NaiveDate| -> Option<String> {
                conn.query_row(&sql, params![birth, on.to_string()], |r| r.get(0))
                    .unwrap()
            };
            let mut ages = std::collections::BTreeSet::new();
            for on in [
                "2025-06-15",
                "2024-02-29",
                "2025-02-28",
                "2025-03-01",
                "2025-01-01",
                "2025-12-31",
            ] {
                let on: NaiveDate = on.parse().unwrap();
                assert_eq!(in_sql(None, on), None, "{column} {on}, no birth date");
                for years in 17..=47 {
                    let birthday = on.checked_sub_months(Months::new(12 * years)).unwrap();
                    for birth in [birthday.pred_opt(), Some(birthday), birthday.succ_opt()] {
                        let birth = birth.unwrap();
                        let age = age_on(birth, on);
                        if !(17..=46).contains(&age) {
                            continue;
                        }
                        ages.insert(age);
                        assert_eq!(
                            in_sql(Some(birth.to_string()), on).as_deref(),
                            Some(age_group(age)),
                            "{column}: born {birth}, on {on}, {age} years old"
                        );
                    }
                }
            }
            assert_eq!(ages, (17..=46).collect());
        }
    }

    /// The handling SQL, run on SQLite, puts a case in the group `Handling::of` gives for its
    /// status and closure reason as of the as-of date: for every status and reason, stored on the
    /// case without events, and reached by an event by then while the case stores a state of the
    /// other group and a later event reaches one too.
    #[test]
    fn the_handling_sql_agrees_with_the_domain_for_every_status_and_reason() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE case_events (case_uid TEXT, status_to TEXT, closure_reason TEXT, occurred_on TEXT, created_at TEXT)",
        )
        .unwrap();
        let sql = format!(
            "SELECT {} FROM (SELECT ?1 AS uid, ?2 AS status, ?4 AS closure_reason) c",
            CASES.expression("handling").unwrap()
        );
        let in_sql = |uid: &str, stored: (CaseStatus, Option<ClosureReason>)| -> String {
            let reason = stored.1.map(|r| r.code());
            // ?3: the as-of date, between the two events.
            conn.query_row(
                &sql,
                params![uid, stored.0.code(), "2025-02-01", reason],
                |r| r.get(0),
            )
            .unwrap()
        };
        type State = (CaseStatus, Option<ClosureReason>);
        let other = |state: State| -> State {
            match Handling::of(state.0, state.1) {
                Handling::Done => (CaseStatus::InProgress, None),
                Handling::InProcess => (CaseStatus::Resolved, None),
            }
        };
        let mut states: Vec<(CaseStatus, Option<ClosureReason>)> = Handling::Done.states();
        states.extend(Handling::InProcess.states());
        assert!(states.len() > CaseStatus::all().len());
        for (i, state) in states.into_iter().enumerate() {
            let expected = Handling::of(state.0, state.1).code();
            assert_eq!(in_sql("no-events", state), expected, "{state:?} stored");
            let uid = format!("case-{i}");
            let later = other(state);
            conn.execute(
                "INSERT INTO case_events VALUES (?1, ?2, ?3, '2025-01-10', '2025-01-10T08:00:00Z'), \
                 (?1, ?4, ?5, '2025-03-01', '2025-03-01T08:00:00Z')",
                params![
                    uid,
                    state.0.code(),
                    state.1.map(|r| r.code()),
                    later.0.code(),
                    later.1.map(|r| r.code())
                ],
            )
            .unwrap();
            assert_eq!(
                in_sql(&uid, other(state)),
                expected,
                "{state:?} reached by an event"
            );
        }
    }

    /// A closing event without its reason takes the reason the case stores while it stands closed.
    #[test]
    fn a_closing_without_its_reason_takes_the_stored_one() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE case_events (case_uid TEXT, status_to TEXT, closure_reason TEXT, occurred_on TEXT, created_at TEXT);
             INSERT INTO case_events VALUES ('c', 'CLOSED', NULL, '2025-01-10', '2025-01-10T08:00:00Z')",
        )
        .unwrap();
        let sql = format!(
            "SELECT {} FROM (SELECT 'c' AS uid, 'CLOSED' AS status, ?1 AS closure_reason) c \
             WHERE ?3 IS NOT NULL OR ?2 IS NULL",
            CASES.expression("handling").unwrap()
        );
        let handling = |stored: &str| -> String {
            conn.query_row(&sql, params![stored, None::<String>, "2025-02-01"], |r| {
                r.get(0)
            })
            .unwrap()
        };
        assert_eq!(handling("HANDED_TO_AGENCY"), Handling::InProcess.code());
        assert_eq!(handling("UNREACHABLE_60D"), Handling::Done.code());
    }

    /// The decision SQL gives every stored status the decision `group::decision` gives it.
    #[test]
    fn the_decision_sql_agrees_with_the_domain_for_every_status() {
        let conn = Connection::open_in_memory().unwrap();
        let sql = format!(
            "SELECT {} FROM (SELECT ?1 AS status) r",
            RECOMMENDATIONS.expression("status").unwrap()
        );
        for status in RecommendationStatus::all() {
            let got: String = conn.query_row(&sql, [status.code()], |r| r.get(0)).unwrap();
            assert_eq!(got, decision(*status).code(), "{status:?}");
        }
    }
}
