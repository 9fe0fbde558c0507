//! The power fails, or a clerk closes the laptop: a process killed (`kill -9`) in the middle of a
//! registration, an import, an export or a letter leaves the database consistent (`check` passes)
//! and the work all done or not done at all.
//!
//! Most of these kills land inside the command's write transaction, proved: the test hook
//! `PMI_DESK_TEST_PAUSE_IN_TX` (`src/db/mod.rs`) makes the transaction, its rows all written,
//! create a marker file and wait before it commits; the test waits for the marker, sees the
//! database's write lock held, and only then kills the process.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::util::Office;

const NOW: [(&str, &str); 1] = [("PMI_DESK_NOW", "2026-11-28")];

/// Starts the command, kills it after `after`, and waits for it (a kill wherever it lands).
fn killed(office: &Office, args: &[&str], after: Duration) {
    let mut child = office
        .command()
        .args(args)
        .envs(NOW)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

/// Starts the command with the test hook, waits until its write transaction has written its rows
/// and waits to commit, checks that it holds the database's write lock, kills it (`SIGKILL`) and
/// waits for it. Returns how many rows the command had changed when it was killed (what the hook
/// wrote in its marker).
fn killed_in_transaction(office: &Office, args: &[&str], env: &[(&str, &str)]) -> u64 {
    let marker = office.path("in-transaction");
    let errors = office.path("killed.stderr");
    let _ = std::fs::remove_file(&marker);
    let mut child = office
        .command()
        .args(args)
        .envs(env.iter().copied())
        .env("PMI_DESK_TEST_PAUSE_IN_TX", &marker)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&errors).expect("stderr file"))
        .spawn()
        .expect("start");
    // Generous: only so that a command that never gets there does not hang the tests.
    let deadline = Instant::now() + Duration::from_secs(300);
    let changed = loop {
        // The hook creates the marker, then writes the number in it.
        if let Some(n) = std::fs::read_to_string(&marker)
            .ok()
            .and_then(|text| text.parse::<u64>().ok())
        {
            break n;
        }
        if let Some(status) = child.try_wait().expect("wait") {
            panic!(
                "{args:?} ended ({status}) without reaching a commit:\n{}",
                std::fs::read_to_string(&errors).unwrap_or_default()
            );
        }
        assert!(Instant::now() < deadline, "{args:?} never reached a commit");
        std::thread::sleep(Duration::from_millis(20));
    };
    // Inside the transaction: no one else can start writing.
    let other = rusqlite::Connection::open(&office.db).expect("open db");
    other.busy_timeout(Duration::ZERO).unwrap();
    let begun = other.execute_batch("BEGIN IMMEDIATE");
    assert_eq!(
        begun.map_err(|e| e.sqlite_error_code()),
        Err(Some(rusqlite::ErrorCode::DatabaseBusy)),
        "{args:?} holds the write lock while it waits to commit"
    );
    drop(other);
    child.kill().expect("kill");
    let status = child.wait().expect("wait");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "killed, not ended: {status}");
    }
    #[cfg(not(unix))]
    assert!(!status.success());
    changed
}

/// Every row of every table, read directly (after a kill: what a new connection sees).
fn contents(db: &Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut statement = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let width = statement.column_count();
            let mut rows: Vec<String> = statement
                .query_map([], |r| {
                    (0..width)
                        .map(|i| r.get::<_, rusqlite::types::Value>(i))
                        .collect::<Result<Vec<_>, _>>()
                })
                .unwrap()
                .map(|row| format!("{:?}", row.unwrap()))
                .collect();
            rows.sort();
            (table, rows)
        })
        .collect()
}

/// Asserts that no table differs from what `contents` read `before`.
#[track_caller]
fn unchanged(office: &Office, before: &[(String, Vec<String>)], what: &str) {
    let after = contents(&office.db);
    let differing: Vec<&str> = after
        .iter()
        .filter(|table| !before.contains(table))
        .map(|(name, _)| name.as_str())
        .chain(
            before
                .iter()
                .filter(|(name, _)| !after.iter().any(|(n, _)| n == name))
                .map(|(name, _)| name.as_str()),
        )
        .collect();
    assert!(differing.is_empty(), "{what}: {differing:?} changed");
}

fn consistent(office: &Office) {
    let check = office.run(&["check", "--format", "csv"]);
    assert!(check.ok().contains("integrity,ok"), "{}", check.stdout);
}

fn registration_number(run: &crate::util::Run) -> String {
    run.json()["registration_number"]
        .as_str()
        .expect("a registration number")
        .to_string()
}

#[test]
fn a_registration_killed_before_its_commit_leaves_no_trace_and_its_number_free() {
    // What the second registration gets when nothing goes wrong.
    let control = Office::new();
    control
        .register("1371021508900001", "Budi", &["--format", "json"])
        .ok();
    let expected = registration_number(&control.register(
        "1371025508900002",
        "Siti",
        &["--sex", "P", "--format", "json"],
    ));

    let office = Office::new();
    office
        .register("1371021508900001", "Budi", &["--format", "json"])
        .ok();
    let before = contents(&office.db);
    let audit_before = office.count("audit_log");
    let changed = killed_in_transaction(
        &office,
        &[
            "register",
            "--nik",
            "1371025508900002",
            "--name",
            "Siti",
            "--sex",
            "P",
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
        ],
        &[],
    );
    // A person, a placement and their audit entries were written when the process died.
    assert!(changed >= 3, "{changed} rows written before the kill");
    unchanged(&office, &before, "the database is as it was");
    assert_eq!(office.count("persons"), 1, "no person");
    assert_eq!(office.count("placements"), 1, "no placement");
    assert_eq!(office.count("audit_log"), audit_before, "no audit entry");
    let listed = office.run(&["worker", "list", "--format", "csv"]);
    assert!(!listed.ok().contains("Siti"), "{}", listed.stdout);
    consistent(&office);

    // Her registration, done again, gets the number the killed one would have had.
    let again = office.register(
        "1371025508900002",
        "Siti",
        &["--sex", "P", "--format", "json"],
    );
    assert_eq!(registration_number(&again), expected);
    assert_eq!(office.count("persons"), 2);
    consistent(&office);
}

#[test]
fn an_import_killed_before_its_commit_imports_nothing_and_a_rerun_imports_all() {
    let sender = Office::empty();
    sender.run_with(&["demo", "--db", "demo.db"], &NOW).ok();
    sender
        .run_with(&["--db", "demo.db", "export", "--out", "demo"], &NOW)
        .ok();
    let folder = sender.path("demo");
    let total = std::fs::read_to_string(folder.join("persons.csv"))
        .unwrap()
        .lines()
        .count() as u64
        - 1;
    assert!(total > 50, "{total} persons: a folder worth killing");
    let office = Office::with_code("BP2MI");
    let before = contents(&office.db);
    let changed = killed_in_transaction(&office, &["import", folder.to_str().unwrap()], &NOW);
    assert!(
        changed >= total,
        "every person was written before the kill ({changed} rows)"
    );
    unchanged(&office, &before, "nothing imported");
    assert_eq!(office.count("persons"), 0);
    consistent(&office);

    office
        .run_with(&["import", folder.to_str().unwrap()], &NOW)
        .ok();
    assert_eq!(office.count("persons") as u64, total, "all imported");
    consistent(&office);
}

#[test]
fn an_export_killed_midway_leaves_no_half_folder() {
    let office = Office::empty();
    office.run_with(&["demo"], &NOW).ok();
    // Most of an export is writing its files, outside any transaction: these kills land anywhere.
    for ms in [5, 40, 120] {
        let name = format!("kirim-{ms}");
        killed(
            &office,
            &["export", "--out", &name],
            Duration::from_millis(ms),
        );
        consistent(&office);
        let out = office.path(&name);
        if out.exists() {
            // Whole: its manifest vouches for every file.
            let other = Office::with_code("BP2MI");
            other
                .run_with(&["import", out.to_str().unwrap(), "--dry-run"], &NOW)
                .ok();
        }
    }
}

#[test]
fn an_export_killed_while_it_is_recorded_leaves_no_folder_in_place() {
    let office = Office::empty();
    office.run_with(&["demo"], &NOW).ok();
    let before = contents(&office.db);
    killed_in_transaction(&office, &["export", "--out", "kirim"], &NOW);
    unchanged(&office, &before, "no half entry");
    consistent(&office);
    // The folder is put in place only after its entry is committed: personal data never leaves
    // unrecorded.
    assert!(!office.path("kirim").exists(), "a folder without its entry");
    // The next export of that name removes what the killed one left aside, and succeeds.
    let again = office.run_with(&["export", "--out", "kirim"], &NOW);
    assert!(again.ok().contains("kirim"), "{}", again.stdout);
    let other = Office::with_code("BP2MI");
    other
        .run_with(
            &[
                "import",
                office.path("kirim").to_str().unwrap(),
                "--dry-run",
            ],
            &NOW,
        )
        .ok();
}

#[test]
fn a_letter_killed_before_its_commit_is_not_issued_and_its_number_is_free() {
    let office = Office::new();
    let number = office.ready_for_passport("1371021508900001", "Budi", &[]);
    let before = contents(&office.db);
    let changed = killed_in_transaction(&office, &["recommend-passport", &number], &[]);
    assert!(changed >= 2, "{changed} rows written before the kill");
    unchanged(&office, &before, "the database is as it was");
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    let (letters, stage): (i64, String) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM recommendations), stage FROM placements",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((letters, stage.as_str()), (0, "REGISTERED"), "no letter");
    consistent(&office);

    // Issued again, it takes the office's first number.
    office.run(&["recommend-passport", &number]).ok();
    let first: String = conn
        .query_row("SELECT letter_number FROM recommendations", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(first, "B.0001/BP3MI-SB/XI/2023");
    consistent(&office);
}
