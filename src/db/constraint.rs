//! Which uniqueness rule of the schema a failed write broke, by the name of its index, and the
//! refusal a clerk gets for it. SQLite names the columns of a unique index in its message, never
//! the index (`UNIQUE constraint failed: placements.person_uid, placements.clash`), so the columns
//! it reports are looked up in `UNIQUE`, the schema's unique indexes by table and columns. A test
//! keeps `UNIQUE` equal to the migrated schema's unique indexes and checks that no two indexes of
//! one table cover the same columns (the lookup could not tell them apart).

use rusqlite::ffi;

use crate::i18n::Msg;
use crate::t;

/// A unique index of the schema: its name, its table and its key columns, in order.
#[derive(Debug, PartialEq, Eq)]
pub struct Unique {
    pub name: &'static str,
    pub table: &'static str,
    pub columns: &'static [&'static str],
}

const fn unique(
    name: &'static str,
    table: &'static str,
    columns: &'static [&'static str],
) -> Unique {
    Unique {
        name,
        table,
        columns,
    }
}

/// Every unique index of the migrated schema (primary keys under the names SQLite gives them).
pub const UNIQUE: &[Unique] = &[
    unique("sqlite_autoindex_persons_1", "persons", &["uid"]),
    unique("persons_nik", "persons", &["nik", "clash"]),
    unique("persons_seq", "persons", &["seq"]),
    unique("sqlite_autoindex_placements_1", "placements", &["uid"]),
    unique(
        "placements_number",
        "placements",
        &["registration_number", "clash"],
    ),
    unique(
        "placements_one_open",
        "placements",
        &["person_uid", "clash"],
    ),
    unique("placements_seq", "placements", &["seq"]),
    unique("sqlite_autoindex_documents_1", "documents", &["uid"]),
    unique(
        "documents_one_live",
        "documents",
        &["placement_uid", "kind", "clash"],
    ),
    unique("documents_seq", "documents", &["seq"]),
    unique(
        "sqlite_autoindex_recommendations_1",
        "recommendations",
        &["uid"],
    ),
    unique(
        "recommendations_number",
        "recommendations",
        &["letter_number", "clash"],
    ),
    unique(
        "recommendations_one_issued",
        "recommendations",
        &["placement_uid", "clash"],
    ),
    unique("recommendations_seq", "recommendations", &["seq"]),
    unique("sqlite_autoindex_cases_1", "cases", &["uid"]),
    unique("cases_number", "cases", &["case_number", "clash"]),
    unique("cases_seq", "cases", &["seq"]),
    unique("sqlite_autoindex_case_events_1", "case_events", &["uid"]),
    unique("case_events_seq", "case_events", &["seq"]),
    unique(
        "sqlite_autoindex_repatriations_1",
        "repatriations",
        &["uid"],
    ),
    unique(
        "repatriations_number",
        "repatriations",
        &["repatriation_number", "clash"],
    ),
    unique("repatriations_seq", "repatriations", &["seq"]),
    unique(
        "sqlite_autoindex_person_merges_1",
        "person_merges",
        &["uid"],
    ),
    unique("person_merges_seq", "person_merges", &["seq"]),
    unique(
        "sqlite_autoindex_person_aliases_1",
        "person_aliases",
        &["alias_uid"],
    ),
    unique("sqlite_autoindex_kept_writes_1", "kept_writes", &["uid"]),
    unique(
        "sqlite_autoindex_record_digests_1",
        "record_digests",
        &["batch", "pos"],
    ),
    unique("sqlite_autoindex_counters_1", "counters", &["name", "year"]),
    unique("sqlite_autoindex_settings_1", "settings", &["key"]),
    unique("sqlite_autoindex_sites_1", "sites", &["uid"]),
    unique(
        "sqlite_autoindex_sync_base_1",
        "sync_base",
        &["record_uid", "office_code"],
    ),
    unique(
        "sqlite_autoindex_sync_cursors_1",
        "sync_cursors",
        &["recipient"],
    ),
    unique(
        "sqlite_autoindex_sync_held_1",
        "sync_held",
        &["site", "seq_from"],
    ),
    unique("sqlite_autoindex_sync_pending_1", "sync_pending", &["uid"]),
    unique(
        "sqlite_autoindex_ref_countries_1",
        "ref_countries",
        &["alpha2"],
    ),
    unique(
        "sqlite_autoindex_ref_labels_1",
        "ref_labels",
        &["list", "code"],
    ),
    unique(
        "sqlite_autoindex_ref_regencies_1",
        "ref_regencies",
        &["code"],
    ),
];

/// The unique index a failed statement broke, if it broke one (and not another rule: a NOT NULL
/// or CHECK failure names columns too, but under another code).
pub fn broken_unique(error: &rusqlite::Error) -> Option<&'static Unique> {
    let rusqlite::Error::SqliteFailure(failure, Some(message)) = error else {
        return None;
    };
    if !matches!(
        failure.extended_code,
        ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    ) {
        return None;
    }
    let reported = message.strip_prefix("UNIQUE constraint failed: ")?;
    let mut table = None;
    let mut columns = Vec::new();
    for part in reported.split(", ") {
        let (t, c) = part.split_once('.')?;
        if *table.get_or_insert(t) != t {
            return None;
        }
        columns.push(c);
    }
    let table = table?;
    UNIQUE
        .iter()
        .find(|u| u.table == table && u.columns == columns.as_slice())
}

/// A uniqueness rule of the schema turned into the refusal a clerk would get from the command's own
/// check (two clerks at once reach the database, not the check); any other error as it is.
pub(crate) fn constraint_or(error: rusqlite::Error, table: &str) -> anyhow::Error {
    let Some(index) = broken_unique(&error) else {
        return error.into();
    };
    let rule = |m: Msg| crate::error::refused(t!(m));
    match index.name {
        "placements_one_open" => rule(Msg::OpenPlacementConstraint),
        "recommendations_one_issued" => rule(Msg::IssuedLetterConstraint),
        "persons_nik" => rule(Msg::NikConstraint),
        "documents_one_live" => rule(Msg::DocumentOnceConstraint),
        _ => crate::error::refused(t!(Msg::NumberConstraint, table)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// The schema's unique indexes, as `UNIQUE` lists them: every one of them, and no other (the
    /// full-text indexes' own tables aside: SQLite writes them, never a command).
    #[test]
    fn the_list_of_unique_indexes_is_the_schema_s() {
        let conn = Connection::open_in_memory().unwrap();
        super::super::build_schema(&conn).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT m.name, l.name,
                        (SELECT group_concat(i.name, ',') FROM
                            (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno) i)
                 FROM pragma_table_list m, pragma_index_list(m.name) l
                 WHERE m.schema = 'main' AND m.type = 'table' AND l.\"unique\"
                 ORDER BY m.name, l.name",
            )
            .unwrap();
        let mut schema: Vec<(String, String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        schema.sort();
        let mut listed: Vec<(String, String, String)> = UNIQUE
            .iter()
            .map(|u| (u.table.into(), u.name.into(), u.columns.join(",")))
            .collect();
        listed.sort();
        assert_eq!(listed, schema);
        for u in UNIQUE {
            let same = UNIQUE
                .iter()
                .filter(|o| o.table == u.table && o.columns == u.columns)
                .count();
            assert_eq!(same, 1, "{}: another unique index has its columns", u.name);
        }
    }

    /// A write that breaks a unique index is recognised by the index, whatever other rule shares
    /// its columns' names; a NOT NULL failure on the same column is not a uniqueness clash.
    #[test]
    fn a_broken_index_is_known_by_its_name() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE placements (uid TEXT PRIMARY KEY, person_uid TEXT NOT NULL,
                 registration_number TEXT, clash INTEGER NOT NULL DEFAULT 0, stage TEXT);
             CREATE UNIQUE INDEX placements_one_open ON placements(person_uid, clash)
                 WHERE stage = 'REGISTERED';
             CREATE UNIQUE INDEX placements_number ON placements(registration_number, clash);
             INSERT INTO placements VALUES ('a', 'p', 'N1', 0, 'REGISTERED');",
        )
        .unwrap();
        let fail = |sql: &str| conn.execute(sql, []).unwrap_err();
        let name = |e: &rusqlite::Error| broken_unique(e).map(|u| u.name);
        let open = fail("INSERT INTO placements VALUES ('b', 'p', 'N2', 0, 'REGISTERED')");
        assert_eq!(name(&open), Some("placements_one_open"));
        let number = fail("INSERT INTO placements VALUES ('c', 'q', 'N1', 0, 'DEPARTED')");
        assert_eq!(name(&number), Some("placements_number"));
        let stored = fail("INSERT INTO placements VALUES ('a', 'q', 'N3', 0, 'DEPARTED')");
        assert_eq!(name(&stored), Some("sqlite_autoindex_placements_1"));
        let missing = fail("INSERT INTO placements VALUES ('d', NULL, 'N4', 0, 'DEPARTED')");
        assert_eq!(name(&missing), None);
        let refusal = constraint_or(open, "placements").to_string();
        assert_eq!(refusal, t!(Msg::OpenPlacementConstraint));
        let refusal = constraint_or(missing, "placements").to_string();
        assert!(refusal.contains("NOT NULL"), "{refusal}");
    }
}
