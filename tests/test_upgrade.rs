//! An office's database of the schema before convergence (7) upgrades with nothing lost: its
//! records get versions of this site, its registration numbers take the office's code (the old
//! ones still find them), numbers it gave to other offices' records stay as lookups, a letter used
//! before passports travelled stays used, a case's status is what its events give, and what it
//! exports converges at another office.

use crate::util::Office;

/// Schema 7, built by its own migrations, holding what a West Sumatra office of then held.
fn schema_7(office: &Office) {
    schema_7_at(office, "BP3MI-SB");
}

/// The same records, held by the office whose code is `code` (each received the others' then).
fn schema_7_at(office: &Office, code: &str) {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    for sql in [
        include_str!("../migrations/0001_initial.sql"),
        include_str!("../migrations/0002_case_followup.sql"),
        include_str!("../migrations/0003_query_views.sql"),
        include_str!("../migrations/0004_change_sequence.sql"),
        include_str!("../migrations/0005_audit_chain.sql"),
        include_str!("../migrations/0006_document_removal.sql"),
        include_str!("../migrations/0007_interactive_speed.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    let t = "2023-11-01T01:00:00.000Z";
    conn.execute_batch(&format!(
        "INSERT INTO settings VALUES ('office.code', '{code}'), ('office.name', 'BP3MI Sumatera Barat');
         INSERT INTO persons (uid, nik, full_name, name_key, sex, birth_place, birth_date, regency_code,
             office_code, created_at, updated_at, seq) VALUES
           ('0a5d3c1e-1111-4c1e-8a11-000000000001', '1371021508900001', 'Budi Santoso', 'budi santoso',
            'L', 'Padang', '1990-08-15', '1371', 'BP3MI-SB', '{t}', '{t}', 1),
           ('0a5d3c1e-1111-4c1e-8a11-000000000002', '1306025508900002', 'Siti Rahmah', 'siti rahmah',
            'P', 'Agam', '1990-08-15', '1306', 'DISNAKER-AGAM', '{t}', '{t}', 2);
         INSERT INTO persons_words (rowid, words)
           SELECT rowid, replace(name_key, ' ', '') FROM persons;
         INSERT INTO placements (uid, registration_number, person_uid, scheme, country, stage,
             registered_on, departed_on, passport_number, office_code, created_at, updated_at, seq) VALUES
           ('0a5d3c1e-2222-4c1e-8a11-000000000001', 'REG-2023-00001',
            '0a5d3c1e-1111-4c1e-8a11-000000000001', 'MANDIRI', 'MY', 'DEPARTED', '2023-03-01',
            '2023-04-01', 'C1234567', 'BP3MI-SB', '{t}', '{t}', 3),
           ('0a5d3c1e-2222-4c1e-8a11-000000000002', 'REG-2023-00002',
            '0a5d3c1e-1111-4c1e-8a11-000000000002', 'MANDIRI', 'JP', 'REGISTERED', '2023-05-01',
            NULL, NULL, 'DISNAKER-AGAM', '{t}', '{t}', 4);
         INSERT INTO recommendations (uid, placement_uid, letter_number, status, decided_on, valid_until,
             office_code, created_at, updated_at, seq) VALUES
           ('0a5d3c1e-3333-4c1e-8a11-000000000001', '0a5d3c1e-2222-4c1e-8a11-000000000001',
            'B.0001/BP3MI-SB/III/2023', 'USED', '2023-03-10', '2023-04-09', 'BP3MI-SB', '{t}', '{t}', 5);
         INSERT INTO cases (uid, case_number, person_uid, category, reported_on, status, closure_reason,
             closed_on, office_code, created_at, updated_at, seq) VALUES
           ('0a5d3c1e-4444-4c1e-8a11-000000000001', 'BP3MI-SB-K-2023-0001',
            '0a5d3c1e-1111-4c1e-8a11-000000000001', 'UNPAID_WAGES', '2023-05-01', 'CLOSED',
            'HANDED_TO_AGENCY', '2023-06-01', 'BP3MI-SB', '{t}', '{t}', 6);
         INSERT INTO case_events (uid, case_uid, occurred_on, kind, status_to, created_at, seq) VALUES
           ('0a5d3c1e-5555-4c1e-8a11-000000000001', '0a5d3c1e-4444-4c1e-8a11-000000000001',
            '2023-05-01', 'STATUS_CHANGE', 'NEW', '{t}', 7),
           ('0a5d3c1e-5555-4c1e-8a11-000000000002', '0a5d3c1e-4444-4c1e-8a11-000000000001',
            '2023-05-20', 'REFERRAL', NULL, '2023-11-01T02:00:00.000Z', 8);
         INSERT INTO repatriations (uid, repatriation_number, person_uid, category, arrived_on,
             office_code, created_at, updated_at, seq) VALUES
           ('0a5d3c1e-6666-4c1e-8a11-000000000001', 'BP3MI-SB-R-2023-0001',
            '0a5d3c1e-1111-4c1e-8a11-000000000002', 'DEPORTED', '2023-07-10', 'DISNAKER-AGAM',
            '{t}', '{t}', 9);
         INSERT INTO counters VALUES ('registration', 2023, 2), ('letter', 2023, 1), ('case', 2023, 1),
             ('repatriation', 2023, 1);
         UPDATE change_sequence SET value = 9;
         PRAGMA application_id = 1347242308; PRAGMA user_version = 7;"
    ))
    .unwrap();
}

fn one(office: &Office, sql: &str) -> String {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    conn.query_row(sql, [], |r| {
        Ok(match r.get_ref(0)? {
            rusqlite::types::ValueRef::Integer(n) => n.to_string(),
            rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            _ => String::new(),
        })
    })
    .unwrap()
}

/// A command that only reads still works on an older database: it upgrades the schema first, as
/// every command does, and then reads through a connection that cannot write. `query` opens the
/// file read-only and says what to run first.
#[test]
fn read_commands_on_an_older_schema_upgrade_it_or_say_what_to_run() {
    let office = Office::empty();
    schema_7(&office);
    let refused = office
        .run(&["query", "SELECT count(*) FROM v_placements"])
        .fails(3)
        .to_string();
    assert!(refused.contains("pmi-desk check"), "{refused}");
    let listed = office.run(&["worker", "list", "--format", "json"]).json();
    assert_eq!(listed.as_array().map(Vec::len), Some(2), "{listed}");
    assert_eq!(
        one(&office, "SELECT user_version FROM pragma_user_version"),
        pmi_desk::db::SCHEMA_VERSION.to_string()
    );
    office
        .run(&["query", "SELECT count(*) FROM v_placements"])
        .ok();
}

#[test]
fn a_database_of_schema_7_upgrades_with_nothing_lost() {
    let office = Office::empty();
    schema_7(&office);
    office.run(&["check"]).ok();
    assert_eq!(
        one(&office, "SELECT count(*) FROM persons WHERE versions = ''"),
        "0",
        "every record has its versions"
    );
    // This office's number takes its code; the old one still finds it.
    let budi = office
        .run(&["worker", "show", "REG-2023-00001", "--format", "json"])
        .json();
    assert_eq!(
        budi["record"]["registration_number"],
        "BP3MI-SB-REG-2023-00001"
    );
    assert_eq!(budi["record"]["full_name"], "Budi Santoso");
    // A number it gave another office's placement is a lookup, no longer that placement's number.
    let siti = office
        .run(&["worker", "show", "REG-2023-00002", "--format", "json"])
        .json();
    assert_eq!(siti["record"]["full_name"], "Siti Rahmah");
    assert_eq!(
        one(
            &office,
            "SELECT count(*) FROM placements WHERE registration_number IS NULL"
        ),
        "1"
    );
    office
        .run(&["repatriation", "show", "BP3MI-SB-R-2023-0001"])
        .ok();
    // A letter used before passports travelled stays used; the case stays closed, now by its
    // events; nothing waits for review.
    assert_eq!(one(&office, "SELECT status FROM recommendations"), "USED");
    assert_eq!(
        one(&office, "SELECT status || ' ' || closure_reason FROM cases"),
        "CLOSED HANDED_TO_AGENCY"
    );
    assert_eq!(
        one(&office, "SELECT count(*) FROM case_events"),
        "3",
        "the closing, recorded by the upgrade"
    );
    assert!(office
        .run(&["review", "list"])
        .ok()
        .contains("Nothing waits"));
    office.run(&["log", "--verify"]).ok();
    // Numbering goes on after the old numbers, and what it sends converges elsewhere.
    let next = office
        .register("1371021508900003", "Andi", &["--format", "json"])
        .json();
    assert_eq!(next["registration_number"], "BP3MI-SB-REG-2023-00003");
    office.run(&["export", "--out", "sent"]).ok();
    let centre = Office::with_code("BP2MI");
    centre
        .run(&["import", office.path("sent").to_str().unwrap()])
        .ok();
    centre.run(&["export", "--out", "again"]).ok();
    for file in [
        "persons",
        "placements",
        "recommendations",
        "cases",
        "case_events",
        "repatriations",
    ] {
        let name = format!("{file}.csv");
        assert_eq!(
            std::fs::read_to_string(office.path("sent").join(&name)).unwrap(),
            std::fs::read_to_string(centre.path("again").join(&name)).unwrap(),
            "{name}"
        );
    }
}

/// Two offices that held the same records before version 2, each upgraded on its own, agree once
/// they exchange: nothing waits for review, the next nightly folders are taken, and a letter one
/// office issued travels on from the other as that office's (it was refused at the centre when
/// the upgrade made it the relaying office's write).
#[test]
fn two_offices_upgraded_apart_converge_and_relay_each_others_letters() {
    let province = Office::empty();
    let agam = Office::empty();
    schema_7_at(&province, "BP3MI-SB");
    schema_7_at(&agam, "DISNAKER-AGAM");
    for office in [&province, &agam] {
        let conn = rusqlite::Connection::open(&office.db).unwrap();
        conn.execute_batch(
            "UPDATE change_sequence SET value = 11;
             UPDATE placements SET stage = 'RECOMMENDED', seq = 11
               WHERE uid = '0a5d3c1e-2222-4c1e-8a11-000000000002';
             INSERT INTO recommendations (uid, placement_uid, letter_number, status, decided_on,
                 valid_until, office_code, created_at, updated_at, seq) VALUES
               ('0a5d3c1e-3333-4c1e-8a11-000000000002', '0a5d3c1e-2222-4c1e-8a11-000000000002',
                'B.0001/DISNAKER-AGAM/V/2023', 'ISSUED', '2023-05-02', '2023-06-01',
                'DISNAKER-AGAM', '2023-11-01T01:00:00.000Z', '2023-11-01T01:00:00.000Z', 10);",
        )
        .unwrap();
        office.run(&["check"]).ok();
    }
    province
        .run(&[
            "export",
            "--out",
            "p1",
            "--since-last",
            "--to",
            "DISNAKER-AGAM",
        ])
        .ok();
    agam.run(&["export", "--out", "a1", "--since-last", "--to", "BP3MI-SB"])
        .ok();
    agam.run(&["import", province.path("p1").to_str().unwrap()])
        .ok();
    province
        .run(&["import", agam.path("a1").to_str().unwrap()])
        .ok();
    for office in [&province, &agam] {
        assert!(
            office
                .run(&["review", "list"])
                .ok()
                .contains("Nothing waits"),
            "{}",
            office.run(&["review", "list"]).stdout
        );
    }
    // The next nightly folders, each way, are taken whole.
    province
        .run(&[
            "export",
            "--out",
            "p2",
            "--since-last",
            "--to",
            "DISNAKER-AGAM",
        ])
        .ok();
    agam.run(&["export", "--out", "a2", "--since-last", "--to", "BP3MI-SB"])
        .ok();
    agam.run(&["import", province.path("p2").to_str().unwrap()])
        .ok();
    province
        .run(&["import", agam.path("a2").to_str().unwrap()])
        .ok();
    province.run(&["export", "--out", "pf"]).ok();
    agam.run(&["export", "--out", "af"]).ok();
    for file in [
        "persons",
        "placements",
        "recommendations",
        "cases",
        "case_events",
    ] {
        let name = format!("{file}.csv");
        assert_eq!(
            std::fs::read_to_string(province.path("pf").join(&name)).unwrap(),
            std::fs::read_to_string(agam.path("af").join(&name)).unwrap(),
            "{name}"
        );
    }
    // The centre takes Agam's letter from the province.
    let centre = Office::with_code("BP2MI");
    centre
        .run(&["import", province.path("pf").to_str().unwrap()])
        .ok();
    assert_eq!(
        one(
            &centre,
            "SELECT status FROM recommendations WHERE office_code = 'DISNAKER-AGAM'"
        ),
        "ISSUED"
    );
}
