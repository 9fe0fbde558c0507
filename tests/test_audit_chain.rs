//! The audit log is tamper-evident: every entry's hash covers its content and the entry before it,
//! `check` and `log --verify` name the first altered, removed or reordered entry, and a head kept
//! from an earlier export catches even a chain rewritten from scratch.

use std::process::{Child, Stdio};

use crate::util::Office;

/// An office with a few dozen audit entries, and the `audit_head` of an export taken then.
fn office_with_history() -> (Office, String) {
    let office = Office::new();
    for (nik, name) in [
        ("1371021508900001", "Budi"),
        ("1371021508900002", "Andi"),
        ("1371021508900003", "Rudi"),
    ] {
        office.register(nik, name, &[]).ok();
    }
    office.run(&["export", "--out", "nightly"]).ok();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(office.path("nightly/manifest.json")).unwrap())
            .unwrap();
    let head = manifest["audit_head"]
        .as_str()
        .expect("audit_head")
        .to_string();
    (office, head)
}

/// Runs SQL on the database as someone with the file would, triggers out of the way.
fn tamper(office: &Office, sql: &str) {
    office.sql(&format!(
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; {sql}"
    ));
}

/// Both verifiers refuse, naming the entry.
#[track_caller]
fn caught(office: &Office, expected: &str) {
    let verify = office.run(&["log", "--verify"]);
    assert!(verify.fails(1).contains(expected), "{}", verify.stderr);
    let check = office.run(&["check"]);
    assert!(check.fails(1).contains(expected), "{}", check.stderr);
}

/// The chain recipe of docs/data.md, written again from the documentation: what an auditor
/// without pmi-desk would compute, and what someone rewriting the whole chain would.
fn rechain(office: &Office) {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    crate::util::rechain_entries(&conn, true);
}

#[test]
fn audit_chain_untouched_passes_with_its_head() {
    let (office, head) = office_with_history();
    let entries = office.count("audit_log");
    let verify = office.run(&["log", "--verify"]);
    let out = verify.ok();
    assert!(
        out.contains(&format!("chain intact: {entries} entries")),
        "{out}"
    );
    let with_head = office.run(&["log", "--verify", "--head", &head]);
    assert!(
        with_head
            .ok()
            .contains(&format!("Head {head} is in the chain")),
        "{}",
        with_head.stdout
    );
    let check = office.run(&["check", "--head", &head, "--format", "csv"]);
    assert!(
        check.ok().contains("audit_chain,intact"),
        "{}",
        check.stdout
    );
    let json = office.run(&["log", "--verify", "--format", "json"]).json();
    assert_eq!(json["intact"], true);
    assert_eq!(json["intact_entries"], entries);
}

#[test]
fn audit_chain_the_recipe_in_the_docs_is_the_one_pmi_desk_uses() {
    let (office, head) = office_with_history();
    let stored = |office: &Office| -> Vec<(String, String)> {
        let conn = rusqlite::Connection::open(&office.db).unwrap();
        let mut stmt = conn
            .prepare("SELECT prev_hash, hash FROM audit_log ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let before = stored(&office);
    tamper(&office, "");
    rechain(&office);
    assert_eq!(stored(&office), before);
    assert!(before.iter().any(|(_, h)| *h == head));
}

#[test]
fn audit_chain_an_altered_entry_is_named() {
    let (office, _) = office_with_history();
    tamper(
        &office,
        "UPDATE audit_log SET changes = '{\"full_name\":[null,\"Someone Else\"]}' WHERE id = 3",
    );
    caught(&office, "entry 3 (");
    let stderr = office.run(&["log", "--verify"]).stderr;
    assert!(
        !stderr.contains("Someone Else"),
        "no personal data: {stderr}"
    );
    let json = office.run(&["log", "--verify", "--format", "json"]);
    json.fails(1);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["intact"], false);
    assert_eq!(json["broken_entry"], 3);
}

#[test]
fn audit_chain_a_removed_entry_is_caught() {
    let (office, _) = office_with_history();
    tamper(&office, "DELETE FROM audit_log WHERE id = 4");
    caught(&office, "entry 5 (");
    let stderr = office.run(&["log", "--verify"]).stderr;
    assert!(
        stderr.contains("(3)"),
        "names the entry before the gap: {stderr}"
    );
}

#[test]
fn audit_chain_swapped_entries_are_caught() {
    let (office, _) = office_with_history();
    tamper(
        &office,
        "CREATE TEMP TABLE a AS SELECT * FROM audit_log WHERE id IN (2, 6);
         UPDATE audit_log SET (at, clerk, command, record_kind, record_uid, action, changes, prev_hash, hash) =
             (SELECT at, clerk, command, record_kind, record_uid, action, changes, prev_hash, hash
              FROM a WHERE a.id = 8 - audit_log.id)
         WHERE id IN (2, 6);",
    );
    caught(&office, "entry 2 (");
}

#[test]
fn audit_chain_rewritten_whole_is_caught_only_by_an_earlier_head() {
    let (office, head) = office_with_history();
    tamper(
        &office,
        "UPDATE audit_log SET changes = '{}' WHERE id = 3; DELETE FROM audit_log WHERE id = 5",
    );
    caught(&office, "entry 3 (");
    rechain(&office);
    office.run(&["log", "--verify"]).ok();
    let verify = office.run(&["log", "--verify", "--head", &head]);
    assert!(
        verify.fails(1).contains("not in the audit log chain"),
        "{}",
        verify.stderr
    );
    office.run(&["check", "--head", &head]).fails(1);
}

#[test]
fn audit_chain_trimmed_at_the_end_is_caught_by_an_earlier_head() {
    let (office, head) = office_with_history();
    // The export's own entry comes after the head its manifest names: remove both.
    tamper(
        &office,
        "DELETE FROM audit_log WHERE id >= (SELECT max(id) - 1 FROM audit_log)",
    );
    office.run(&["log", "--verify"]).ok();
    office.run(&["log", "--verify", "--head", &head]).fails(1);
}

#[test]
fn audit_chain_entries_cannot_be_changed_through_sqlite_without_dropping_its_triggers() {
    let (office, _) = office_with_history();
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    assert!(conn
        .execute("UPDATE audit_log SET changes = '{}' WHERE id = 1", [])
        .is_err());
    assert!(conn.execute("DELETE FROM audit_log", []).is_err());
}

#[test]
fn audit_chain_a_head_that_is_not_a_hash_is_refused() {
    let (office, _) = office_with_history();
    let run = office.run(&["log", "--verify", "--head", "abc"]);
    assert!(run.fails(1).contains("'abc'"), "{}", run.stderr);
}

#[test]
fn audit_chain_an_upgraded_database_has_every_old_entry_chained() {
    let (office, _) = office_with_history();
    let undo = format!("{} {}", crate::util::UNDO_0008, crate::util::UNDO_0007);
    // The database as pmi-desk schema 4 left it: no chain, and an entry written in SQL by 0004
    // (nor the document columns of 0006).
    tamper(
        &office,
        &format!("{} DROP INDEX documents_one_live; ALTER TABLE documents DROP COLUMN removed_reason;
         ALTER TABLE documents DROP COLUMN removed_on;
         ALTER TABLE audit_log DROP COLUMN hash; ALTER TABLE audit_log DROP COLUMN prev_hash;
         INSERT INTO audit_log (at, clerk, command, record_kind, record_uid, action, changes)
         VALUES ('2023-11-08T00:00:00.000Z', 'pmi-desk', 'upgrade', 'placement', 'x', 'update', '{{}}');
         PRAGMA user_version = 4;", undo),
    );
    let entries = office.count("audit_log");
    let out = office.run(&["log", "--verify"]);
    assert!(
        out.ok()
            .contains(&format!("chain intact: {entries} entries")),
        "{}",
        out.stdout
    );
    office.register("1371021508900004", "Dodi", &[]).ok();
    office.run(&["log", "--verify"]).ok();
}

#[test]
fn audit_chain_clerks_writing_at_once_never_share_a_link() {
    let office = Office::new();
    let children: Vec<Child> = (1..=4)
        .map(|i| {
            office
                .command()
                .args([
                    "register",
                    "--nik",
                    &format!("137102150890000{i}"),
                    "--name",
                    "Budi",
                    "--sex",
                    "L",
                    "--birth-place",
                    "Padang",
                    "--birth-date",
                    "1990-08-15",
                    "--regency",
                    "1371",
                    "--scheme",
                    "MANDIRI",
                    "--country",
                    "MY",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start pmi-desk")
        })
        .collect();
    for child in children {
        assert!(child.wait_with_output().unwrap().status.success());
    }
    office.run(&["log", "--verify"]).ok();
    assert_eq!(office.count("persons"), 4);
}

/// `check` fails with this in its message (the chain itself may well be intact).
#[track_caller]
fn check_catches(office: &Office, expected: &str) {
    let check = office.run(&["check"]);
    assert!(check.fails(1).contains(expected), "{}", check.stderr);
}

/// Regression (hardening item 8): a direct `UPDATE persons SET full_name = ...` (seq raised so the
/// triggers pass) left `check` and `log --verify --head` saying intact.
#[test]
fn records_edited_behind_pmi_desk_are_named_by_kind_and_uid() {
    let (office, head) = office_with_history();
    let clean = office.run(&["check", "--format", "csv"]);
    assert!(clean.ok().contains("records,intact"), "{}", clean.stdout);
    let uid = {
        let conn = rusqlite::Connection::open(&office.db).unwrap();
        conn.query_row(
            "SELECT uid FROM persons WHERE full_name = 'Budi'",
            [],
            |r| r.get::<_, String>(0),
        )
        .unwrap()
    };
    office.sql(
        "UPDATE persons SET full_name = 'Mallory', seq = (SELECT max(seq) + 1 FROM persons)
         WHERE full_name = 'Budi'",
    );
    // The chain alone still says intact: the log was not touched.
    office.run(&["log", "--verify", "--head", &head]).ok();
    check_catches(
        &office,
        &format!("person changed outside pmi-desk: 1 ({uid})"),
    );
    // The name index was left behind too.
    check_catches(&office, "name index is out of step for 1 persons");
}

/// Regression (hardening item 8): an entry appended by someone with the chain's recipe but
/// without the record's digest went unnoticed.
#[test]
fn records_a_forged_entry_appended_to_the_chain_does_not_vouch_for_an_edit() {
    let (office, _) = office_with_history();
    office.sql(
        "UPDATE persons SET address = '=HYPERLINK(1)', seq = (SELECT max(seq) + 1 FROM persons)
         WHERE full_name = 'Andi';
         INSERT INTO audit_log (at, clerk, command, record_kind, record_uid, action, changes)
         SELECT '2023-11-08T12:00:00.000Z', 'tester', 'worker edit', 'person', uid, 'update',
                '{\"address\":[null,\"=HYPERLINK(1)\"]}' FROM persons WHERE full_name = 'Andi';",
    );
    tamper(&office, "");
    rechain(&office);
    office.run(&["log", "--verify"]).ok();
    check_catches(&office, "person changed outside pmi-desk: 1");
}

/// Regression (hardening item 8): dropped triggers went unnoticed.
#[test]
fn records_dropped_triggers_and_indexes_are_named() {
    let (office, _) = office_with_history();
    tamper(&office, "DROP INDEX persons_nik;");
    check_catches(
        &office,
        "missing: index persons_nik, trigger audit_log_no_delete, trigger audit_log_no_update",
    );
    office.sql("CREATE TRIGGER persons_quiet AFTER UPDATE ON persons BEGIN SELECT 1; END;");
    check_catches(&office, "added: trigger persons_quiet");
}

/// Regression (hardening item 8): an emptied log read "intact, 0 entries" on a database full of
/// records.
#[test]
fn records_an_emptied_log_on_a_database_with_records_is_refused() {
    let (office, _) = office_with_history();
    tamper(&office, "DELETE FROM audit_log;");
    check_catches(
        &office,
        "The audit log is empty although the database holds",
    );
    // The records lost their entries: none is vouched for any more.
    let check = office.run(&["check"]);
    assert!(
        check.stdout.contains("0 match their latest entry"),
        "{}",
        check.stdout
    );
}

/// A record removed behind pmi-desk's back is missed; one pmi-desk removed (a merge) is not.
#[test]
fn records_removed_without_a_trace_are_named() {
    let (office, _) = office_with_history();
    office.sql(
        "PRAGMA foreign_keys = OFF;
         DELETE FROM recommendations; DELETE FROM documents;
         DELETE FROM placements WHERE person_uid = (SELECT uid FROM persons WHERE full_name = 'Rudi');",
    );
    check_catches(&office, "placement gone without a trace: 1");
}

/// An office that imported two persons with their placements from another office, by a folder
/// signed or not, and how many records it held before.
fn office_with_an_import(signed: bool) -> (Office, i64) {
    let (office, _) = office_with_history();
    let before = office.count("persons") + office.count("placements");
    let other = Office::with_code("BP3MI-JT");
    for (nik, name) in [("3578015508900001", "Sari"), ("3578015508900002", "Wati")] {
        other
            .register(nik, name, &["--sex", "P", "--regency", "3578"])
            .ok();
    }
    other.run(&["export", "--out", "folder"]).ok();
    let folder = other.path("folder");
    let mut args = vec!["import", folder.to_str().unwrap(), "--accept-warnings"];
    if !signed {
        args.push("--unsigned");
    }
    office.run(&args).ok();
    (office, before)
}

/// Regression (hardening item 8): the new rows of an import carried no digest, so an edit to
/// them behind pmi-desk's back went unnoticed until they changed here. They are vouched for by
/// one entry per import (without an audit row each), signed folder or not.
#[test]
fn records_imported_are_vouched_for_and_an_edit_to_them_is_caught() {
    for signed in [false, true] {
        let (office, before) = office_with_an_import(signed);
        let check = office.run(&["check"]);
        let out = check.ok();
        assert!(
            out.contains(&format!(
                "{} match their latest entry; 0 without a digest",
                before + 4
            )),
            "{out}"
        );
        // One entry vouches for the import's four new records, not one each.
        let entries = office.sql_number(
            "SELECT count(*) FROM audit_log WHERE record_uid IN
                 (SELECT uid FROM persons WHERE full_name IN ('Sari', 'Wati'))",
        );
        assert_eq!(entries, 0, "signed: {signed}");
        office.sql(
            "UPDATE placements SET employer_name = 'X', seq = (SELECT max(seq) + 1 FROM placements)
             WHERE person_uid = (SELECT uid FROM persons WHERE full_name = 'Sari')",
        );
        check_catches(&office, "placement changed outside pmi-desk: 1");
    }
}

/// An imported record changed here is vouched for by its own entry from then on; one removed
/// behind pmi-desk's back is named; the digests kept for an import cannot be rewritten to match
/// an edit.
#[test]
fn records_imported_then_changed_removed_or_their_digests_rewritten() {
    let (office, _) = office_with_an_import(false);
    office
        .run(&[
            "worker",
            "edit",
            "3578015508900001",
            "--employer",
            "PT Baru",
        ])
        .ok();
    office.run(&["check"]).ok();
    office.sql(
        "UPDATE placements SET employer_name = 'X', seq = (SELECT max(seq) + 1 FROM placements)
         WHERE person_uid = (SELECT uid FROM persons WHERE full_name = 'Sari')",
    );
    check_catches(&office, "placement changed outside pmi-desk: 1");

    let (office, _) = office_with_an_import(false);
    office.sql(
        "PRAGMA foreign_keys = OFF;
         DELETE FROM placements WHERE person_uid = (SELECT uid FROM persons WHERE full_name = 'Wati')",
    );
    check_catches(&office, "placement gone without a trace: 1");

    // The kept digest rewritten to the edited record's: the import's entry no longer matches.
    let (office, _) = office_with_an_import(false);
    office.sql(
        "UPDATE persons SET address = 'elsewhere', seq = (SELECT max(seq) + 1 FROM persons)
         WHERE full_name = 'Wati';
         UPDATE record_digests SET digest = zeroblob(32)
         WHERE record_uid = (SELECT uid FROM persons WHERE full_name = 'Wati')",
    );
    check_catches(
        &office,
        "the digests of imported records differ from their log entry: 1",
    );
    // Removed from the kept digests altogether: the same.
    let (office, _) = office_with_an_import(false);
    office.sql(
        "DELETE FROM record_digests
         WHERE record_uid = (SELECT uid FROM persons WHERE full_name = 'Wati')",
    );
    check_catches(
        &office,
        "the digests of imported records differ from their log entry: 1",
    );
}
