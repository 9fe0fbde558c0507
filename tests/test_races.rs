//! Two clerks (or a script and a clerk) at once: every decision is taken inside the writing
//! transaction, so exactly one of two conflicting commands wins and the other is refused. Real
//! processes, started together.

use std::process::{Child, Stdio};

use crate::util::Office;

/// Starts the same kind of command several times at once and waits for all of them.
fn all_at_once(office: &Office, commands: &[Vec<&str>]) -> Vec<(i32, String)> {
    let children: Vec<Child> = commands
        .iter()
        .map(|args| {
            office
                .command()
                .args(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start pmi-desk")
        })
        .collect();
    children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().expect("wait");
            (
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
        .collect()
}

fn stored(office: &Office, sql: &str) -> String {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    conn.query_row(sql, [], |r| r.get::<_, String>(0)).unwrap()
}

#[test]
fn four_recommendations_at_once_issue_exactly_one_letter() {
    let office = Office::new();
    let number = office.ready_for_passport("1371021508900001", "Budi", &[]);
    let run = vec!["recommend-passport", number.as_str()];
    let outcomes = all_at_once(&office, &[run.clone(), run.clone(), run.clone(), run]);
    let issued: Vec<_> = outcomes.iter().filter(|(code, _)| *code == 0).collect();
    assert_eq!(issued.len(), 1, "{outcomes:?}");
    for (code, stderr) in outcomes.iter().filter(|(code, _)| *code != 0) {
        assert_eq!(*code, 1, "a refusal, not a storage failure: {stderr}");
        assert!(
            stderr.contains("ACTIVE_RECOMMENDATION_EXISTS"),
            "refused because the first letter is active: {stderr}"
        );
    }
    assert_eq!(
        stored(
            &office,
            "SELECT count(*) || '' FROM recommendations WHERE status = 'ISSUED'"
        ),
        "1"
    );
    let numbers = stored(
        &office,
        "SELECT count(DISTINCT letter_number) || '/' || count(*) FROM recommendations",
    );
    assert_eq!(numbers, "4/4", "no number is ever given twice");
}

#[test]
fn depart_and_cancel_at_once_one_wins_and_the_record_says_which() {
    let office = Office::new();
    let number = office.ready_for_passport(
        "1371021508900001",
        "Budi",
        &["--registered-on", "2023-06-01"],
    );
    office
        .run(&["recommend-passport", &number, "--on", "2023-06-10"])
        .ok();
    let outcomes = all_at_once(
        &office,
        &[
            vec![
                "depart",
                &number,
                "--on",
                "2023-07-01",
                "--passport",
                "C1234567",
                "--accept-warnings",
            ],
            vec!["cancel", &number, "--reason", "WITHDRAWN"],
        ],
    );
    let winners: Vec<usize> = (0..2).filter(|i| outcomes[*i].0 == 0).collect();
    assert_eq!(winners.len(), 1, "{outcomes:?}");
    let loser = &outcomes[1 - winners[0]];
    assert_eq!(loser.0, 1, "{loser:?}");
    let stage = stored(&office, "SELECT stage FROM placements");
    let expected = if winners[0] == 0 {
        "DEPARTED"
    } else {
        "CANCELLED"
    };
    assert_eq!(stage, expected);
    let command = stored(
        &office,
        "SELECT command FROM audit_log WHERE record_kind = 'placement' ORDER BY id DESC LIMIT 1",
    );
    assert_eq!(
        command,
        if winners[0] == 0 { "depart" } else { "cancel" },
        "the audit log names the command that won"
    );
}

#[test]
fn an_edit_confirmed_after_a_concurrent_cancel_is_refused() {
    let office = Office::new();
    let registered = office
        .register("1371021508900001", "Budi", &["--format", "json"])
        .json();
    let number = registered["registration_number"].as_str().unwrap();
    // The clerk changes the NIK on a terminal; pmi-desk asks for confirmation.
    let mut edit = office.terminal_command();
    edit.args(["worker", "edit", number, "--nik", "1371021508900002"]);
    let mut session = rexpect::session::spawn_command(edit, Some(20_000)).expect("pty");
    session
        .exp_string("1371021508900002")
        .expect("the question");
    // Meanwhile another clerk cancels the placement.
    office
        .run(&["cancel", number, "--reason", "WITHDRAWN"])
        .ok();
    session.send("y").unwrap();
    session.send_line("").unwrap();
    let rest = session.exp_eof().expect("the edit ends");
    assert!(
        rest.contains("changed by another clerk"),
        "the edit is refused: {rest}"
    );
    let shown = office
        .run(&["worker", "show", number, "--format", "json"])
        .json();
    assert_eq!(
        shown["record"]["stage"], "CANCELLED",
        "the cancellation stays"
    );
    assert_eq!(
        shown["record"]["nik"], "1371021508900001",
        "nothing of the edit"
    );
}

#[test]
fn two_clerks_registering_one_nik_at_once_one_is_refused() {
    let office = Office::new();
    let register = |name: &'static str| -> Vec<&'static str> {
        vec![
            "register",
            "--nik",
            "1371021508900001",
            "--name",
            name,
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
        ]
    };
    let outcomes = all_at_once(&office, &[register("Budi"), register("Budi")]);
    let codes: Vec<i32> = outcomes.iter().map(|(c, _)| *c).collect();
    assert!(codes.contains(&0), "{outcomes:?}");
    assert!(
        codes.iter().all(|c| *c == 0 || *c == 1),
        "a refusal, never a raw storage error: {outcomes:?}"
    );
    assert_eq!(office.count("persons"), 1);
    assert_eq!(office.count("placements"), 1, "one open placement at most");
}

#[test]
fn the_database_itself_refuses_a_second_issued_letter_and_a_second_open_placement() {
    let office = Office::new();
    let number = office.ready_for_passport("1371021508900001", "Budi", &[]);
    office.run(&["recommend-passport", &number]).ok();
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    let second_letter = conn.execute_batch(
        "INSERT INTO recommendations (uid, placement_uid, letter_number, status, decided_on, reprints,
             office_code, created_at, updated_at, seq)
         SELECT 'x', placement_uid, 'B.9999', 'ISSUED', decided_on, 0, office_code, created_at,
             updated_at, 999999 FROM recommendations",
    );
    assert!(
        second_letter.is_err(),
        "two issued letters for one placement"
    );
    let second_open = conn.execute_batch(
        "INSERT INTO placements (uid, person_uid, scheme, country, stage, registered_on, office_code,
             created_at, updated_at, seq)
         SELECT 'y', person_uid, scheme, country, 'REGISTERED', registered_on, office_code,
             created_at, updated_at, 999998 FROM placements",
    );
    assert!(second_open.is_err(), "two open placements for one person");
    let unstamped = conn.execute_batch("UPDATE persons SET phone = '+628111'");
    assert!(unstamped.is_err(), "a change without a new sequence number");
}
