//! The plans SQLite picks for what a clerk waits on: each listing filter, the name and NIK
//! search and each report cut reads the index that answers it and stops at the rows shown, never
//! every row of a table (see docs/performance.md). pmi-desk keeps no planner statistics, so the
//! plan on this empty database is the plan on a million records.

use rusqlite::Connection;

use super::{persons, placements, recommendations, stats, OpenMode, Store};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("plans.db"), OpenMode::Create).unwrap();
    (dir, store)
}

/// `EXPLAIN QUERY PLAN`, one line per step.
fn plan(conn: &Connection, sql: &str, values: Vec<rusqlite::types::Value>) -> String {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let rows = stmt
        .query_map(rusqlite::params_from_iter(values), |r| {
            r.get::<_, String>(3)
        })
        .unwrap();
    rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
}

/// A plan that reads each table through an index (a full-text index answering a MATCH: `:M`), sorts nothing it could read in order (when
/// `in_order`), and starts from `first`.
fn assert_indexed(plan: &str, first: &str, in_order: bool) {
    let full_scan = plan
        .lines()
        .any(|l| l.starts_with("SCAN ") && !l.contains(" USING ") && !l.contains(":M"));
    assert!(!full_scan, "a whole table read:\n{plan}");
    assert!(
        plan.lines().next().unwrap_or("").contains(first),
        "expected to start from {first}:\n{plan}"
    );
    if in_order {
        assert!(
            !plan.contains("TEMP B-TREE FOR ORDER BY"),
            "sorted:\n{plan}"
        );
    }
}

/// Sets a filter of `worker list`.
type SetFilter = fn(&mut placements::Filter);

#[test]
fn worker_list_reads_the_index_of_its_filter_in_order() {
    let (_dir, store) = store();
    let conn = store.conn();
    let filter = |f: fn(&mut placements::Filter)| {
        let mut filter = placements::Filter {
            limit: Some(50),
            ..Default::default()
        };
        f(&mut filter);
        placements::list_sql(&filter)
    };
    let cases: [(SetFilter, &str, bool); 7] = [
        (|_| {}, "placements_registered_on", true),
        (
            |f| f.stage = Some("REGISTERED".parse().unwrap()),
            "placements_stage",
            true,
        ),
        (
            |f| f.country = Some("JP".parse().unwrap()),
            "placements_country",
            true,
        ),
        (
            |f| f.scheme = Some("G2G".parse().unwrap()),
            "placements_scheme",
            true,
        ),
        (
            |f| f.registered_from = Some("2025-01-01".parse().unwrap()),
            "placements_registered_on",
            true,
        ),
        (
            |f| {
                f.registered_from = Some("2025-01-01".parse().unwrap());
                f.registered_to = Some("2025-01-31".parse().unwrap());
            },
            "placements_registered_on",
            true,
        ),
        // A regency's persons first, then their placements (a few thousand at most), sorted.
        (
            |f| f.regency = Some("1371".parse().unwrap()),
            "persons_regency",
            false,
        ),
    ];
    for (set, index, in_order) in cases {
        let (sql, values) = filter(set);
        assert_indexed(&plan(conn, &sql, values), index, in_order);
    }
}

#[test]
fn recommendation_list_reads_the_index_of_its_filter_in_order() {
    let (_dir, store) = store();
    let conn = store.conn();
    let any = recommendations::Filter {
        limit: Some(50),
        ..Default::default()
    };
    let (sql, values) = recommendations::list_sql(&any);
    assert_indexed(
        &plan(conn, &sql, values),
        "recommendations_decided_on",
        true,
    );
    let issued = recommendations::Filter {
        status: Some("ISSUED".parse().unwrap()),
        limit: Some(50),
        ..Default::default()
    };
    let (sql, values) = recommendations::list_sql(&issued);
    assert_indexed(&plan(conn, &sql, values), "recommendations_status", true);
}

#[test]
fn worker_find_reads_the_name_index_or_the_nik_index() {
    let (_dir, store) = store();
    let conn = store.conn();
    let (sql, a, b) = persons::search_sql_for("siti rah").unwrap();
    let by_name = plan(conn, &sql, vec![a.into(), b.into(), 50.into()]);
    assert!(by_name.contains(":M"), "a MATCH on the index: {by_name}");
    assert_indexed(&by_name, "SCAN w VIRTUAL TABLE", true);
    let (sql, a, b) = persons::search_sql_for("13710215").unwrap();
    let by_nik = plan(conn, &sql, vec![a.into(), b.into(), 50.into()]);
    assert!(by_nik.contains("(nik>? AND nik<?)"), "{by_nik}");
    assert!(persons::search_sql_for("si").is_none());
}

#[test]
fn report_cuts_read_the_departures_index_and_persons_only_when_needed() {
    let (_dir, store) = store();
    let conn = store.conn();
    let values = || {
        ["2025-01-01", "2025-12-31", "2026-11-28"]
            .map(|d| rusqlite::types::Value::Text(d.into()))
            .to_vec()
    };
    for dimension in ["scheme", "country", "sector"] {
        let sql = stats::grouped_sql(&stats::PLACEMENTS, &[dimension]).unwrap();
        let p = plan(conn, &sql, values());
        assert!(
            p.contains("COVERING INDEX placements_departures"),
            "{dimension}:\n{p}"
        );
        assert!(!p.contains("persons"), "{dimension}:\n{p}");
    }
    let sql = stats::grouped_sql(&stats::PLACEMENTS, &["sex"]).unwrap();
    let p = plan(conn, &sql, values());
    assert_indexed(&p, "placements_departures", false);
    assert!(p.contains("SEARCH pe"), "{p}");
}

/// Every commit looks for the records in a clash: through the partial index of them, whatever the
/// size of the table.
#[test]
fn the_clashing_rows_are_found_through_their_index_at_every_commit() {
    let (_dir, store) = store();
    for table in [
        "persons",
        "placements",
        "documents",
        "recommendations",
        "cases",
        "repatriations",
    ] {
        let sql = super::clash::clashing_sql(table, &["uid"]);
        let plan = plan(store.conn(), &sql, vec![]);
        assert_indexed(&plan, &format!("{table}_clashing"), false);
    }
}
