//! Exit codes (0 done, 1 refused, 2 usage, 3 storage) and the database-file safety rules.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::util::{read, Office};

#[test]
fn usage_errors_exit_2() {
    let office = Office::new();
    office.run(&["no-such-command"]).fails(2);
    office.run(&["worker", "list", "--no-such-option"]).fails(2);
    office.run(&["--format", "xml", "check"]).fails(2);
    office.run(&["--help"]).ok();
}

#[test]
fn refusals_exit_1_and_storage_failures_exit_3() {
    let office = Office::new();
    office.run(&["worker", "show", "REG-2023-99999"]).fails(1);
    let missing = Office::empty();
    let run = missing.run(&["worker", "list"]);
    assert!(run.fails(3).contains("pmi-desk init"), "{}", run.stderr);
    assert!(!missing.db.exists(), "a read command creates no database");
}

#[test]
fn errors_are_one_line_without_backtrace() {
    let office = Office::new();
    let run = office.run_with(&["worker", "show", "nobody"], &[("RUST_BACKTRACE", "1")]);
    let err = run.fails(1);
    assert!(err.starts_with("pmi-desk: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(!err.contains("Stack backtrace"), "{err}");
}

#[test]
fn commands_needing_an_office_say_how_to_set_it_up() {
    let office = Office::empty();
    // An empty pmi-desk database (e.g. made by a failed init) has no office yet.
    std::fs::write(&office.db, b"").unwrap();
    let run = office.register("1371021508900001", "Budi", &[]);
    assert!(
        run.fails(1).contains("pmi-desk init --office-code"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let office = Office::new();
    {
        let conn = rusqlite::Connection::open(&office.db).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = read(&office.db);
    let run = office.run(&["worker", "list"]);
    assert!(run.fails(3).contains("newer pmi-desk"), "{}", run.stderr);
    assert_eq!(before, read(&office.db));
}

#[test]
fn files_that_are_not_ours_are_refused_untouched() {
    let office = Office::empty();
    std::fs::write(&office.db, "name,nik\nBudi,1371021508900001\n").unwrap();
    let run = office.run(&["init", "--office-code", "X", "--office-name", "Y"]);
    assert!(
        run.fails(3).contains("not a pmi-desk database"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&office.db), b"name,nik\nBudi,1371021508900001\n");

    let other = Office::empty();
    {
        let conn = rusqlite::Connection::open(&other.db).unwrap();
        conn.execute_batch("CREATE TABLE contacts(name TEXT); PRAGMA journal_mode=DELETE;")
            .unwrap();
    }
    let before = read(&other.db);
    let run = other.run(&["check"]);
    assert!(
        run.fails(3).contains("not a pmi-desk database"),
        "{}",
        run.stderr
    );
    assert_eq!(before, read(&other.db));
}

#[test]
fn the_database_file_is_private_to_its_owner() {
    let office = Office::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&office.db).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "mode {mode:o}");
    }
    assert!(office.db.exists());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let office = Office::empty();
    office
        .run(&["demo", "--db", office.db.to_str().unwrap()])
        .ok();
    // More than a pipe holds (64 KiB), so that pmi-desk is still writing when the reader goes.
    let args = ["worker", "list", "--all", "--format", "csv"];
    let whole = office.run(&args).ok().len();
    assert!(whole > (64 + 8) * 1024, "{whole} bytes");
    let mut child = office
        .command()
        .args(args)
        .args(["--db", office.db.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here: the pipe is closed while pmi-desk may still be writing.
    let out = child.wait_with_output().unwrap();
    assert!(
        first.starts_with("registration_number") || first.contains(','),
        "{first}"
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

/// Runs `args` on `office` piped to a reader that takes 16 bytes and goes, as `head -c 16` does:
/// the listing (well over what a pipe holds, 64 KiB, so pmi-desk is still writing when the reader
/// goes) ends soon with exit 0 and nothing on standard error: no panic, no "Broken pipe".
fn ends_quietly_when_its_reader_goes(office: &Office, args: &[&str]) {
    use std::io::Read;
    use std::time::{Duration, Instant};
    let whole = office.run(args).ok().len();
    assert!(whole > (64 + 8) * 1024, "{args:?}: {whole} bytes");
    let mut child = office
        .command()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader was dropped with the line above: the pipe is closed.
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        // Generous: only so that a pmi-desk that never notices does not hang the tests.
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("{args:?} still running two minutes after its reader went");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{args:?}: {status}: {stderr}");
    assert_eq!(stderr, "", "{args:?} says nothing");
}

/// Long listings as a table, as CSV rows, and a query's rows as SQLite streams them (CSV or JSON).
#[test]
fn a_long_listing_piped_to_a_reader_that_closes_early_ends_quietly() {
    let office = Office::empty();
    office
        .run(&["demo", "--db", office.db.to_str().unwrap()])
        .ok();
    for args in [
        &["worker", "list", "--all"][..],
        &["worker", "list", "--all", "--format", "csv"],
        &["log", "--format", "csv"],
        &["query", "SELECT * FROM persons", "--format", "csv"],
        &["query", "SELECT * FROM persons", "--format", "json"],
    ] {
        ends_quietly_when_its_reader_goes(&office, args);
    }
}

/// Record listings as JSON. Regression: they exited 1 with "pmi-desk: Broken pipe (os error 32)",
/// since serde_json's error hides the `io::Error` it wraps from a walk of the error's sources.
#[test]
fn a_long_json_listing_piped_to_a_reader_that_closes_early_ends_quietly() {
    let office = Office::empty();
    office
        .run(&["demo", "--db", office.db.to_str().unwrap()])
        .ok();
    for args in [
        &["worker", "list", "--all", "--format", "json"][..],
        &["log", "--format", "json"],
    ] {
        ends_quietly_when_its_reader_goes(&office, args);
    }
}

#[test]
fn an_older_database_is_migrated_on_open_with_its_records_kept() {
    let office = Office::empty();
    {
        let conn = rusqlite::Connection::open(&office.db).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_initial.sql"))
            .unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 1347242308; PRAGMA user_version = 1;
             INSERT INTO settings VALUES ('office.code', 'BP3MI-SB');",
        )
        .unwrap();
    }
    let out = office.run(&["check", "--format", "csv"]);
    let latest = format!("schema_version,{}", pmi_desk::db::SCHEMA_VERSION);
    assert!(out.ok().contains(&latest), "{}", out.stdout);
    assert_eq!(
        office.run(&["config", "get", "office.code"]).ok().trim(),
        "BP3MI-SB"
    );
}

#[test]
fn backup_is_a_complete_private_copy_and_never_overwrites() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    office.run(&["backup", "--out", "copy.db"]).ok();
    let copy = office.path("copy.db");
    let run = office.run_with(
        &["worker", "show", "1371021508900001", "--format", "json"],
        &[("PMI_DESK_DB", copy.to_str().unwrap())],
    );
    assert_eq!(run.json()["record"]["full_name"], "Budi");
    assert!(office
        .run(&["backup", "--out", "copy.db"])
        .fails(1)
        .contains("already exists"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&copy).unwrap().permissions().mode() & 0o077,
            0
        );
    }
}
