//! `query`: rows stream as SQLite produces them, so a query that never ends still ends: at its time
//! limit, when its reader closes, or at a table's row limit on a terminal. SQLite's messages reach
//! the clerk in the clerk's language.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::util::Office;

/// Counts forever: without streaming it runs out of memory, without a limit it never ends.
const ENDLESS: &str =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c";

/// Waits for the process, killing it if it is still running after a generous bound, so that a
/// regression fails the test instead of hanging it.
fn wait_at_most(child: &mut Child, bound: Duration) -> i32 {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status.code().unwrap_or(-1);
        }
        if started.elapsed() > bound {
            let _ = child.kill();
            let _ = child.wait();
            panic!("pmi-desk query still running after {bound:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr_of(child: &mut Child) -> String {
    let mut text = String::new();
    if let Some(mut err) = child.stderr.take() {
        std::io::Read::read_to_string(&mut err, &mut text).expect("stderr");
    }
    text
}

#[test]
fn query_endless_with_timeout_stops_with_a_message() {
    let office = Office::new();
    let mut child = office
        .command()
        .args(["query", ENDLESS, "--timeout", "1", "--format", "csv"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pmi-desk");
    let code = wait_at_most(&mut child, Duration::from_secs(60));
    let stderr = stderr_of(&mut child);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--timeout"), "says which limit: {stderr}");
    assert!(
        !stderr.contains("interrupted"),
        "not SQLite's word: {stderr}"
    );
}

#[test]
fn query_endless_piped_into_a_reader_that_stops_exits_0() {
    let office = Office::new();
    // No time limit: only the closed pipe can end it.
    let mut child = office
        .command()
        .args(["query", ENDLESS, "--timeout", "0", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pmi-desk");
    let mut lines = Vec::new();
    {
        let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
        for _ in 0..4 {
            let mut line = String::new();
            reader.read_line(&mut line).expect("a line");
            lines.push(line.trim_end().to_string());
        }
        // Dropping the reader closes the pipe, as `head` does.
    }
    let code = wait_at_most(&mut child, Duration::from_secs(60));
    let stderr = stderr_of(&mut child);
    assert_eq!(
        lines,
        ["x", "1", "2", "3"],
        "the header, then rows as they come"
    );
    assert_eq!(code, 0, "a closed pipe is not an error: {stderr}");
    assert_eq!(stderr, "", "and says nothing");
}

#[test]
fn query_json_streams_one_document() {
    let office = Office::new();
    let rows = office
        .run(&[
            "query",
            "SELECT x, x * 0.5 AS half, 'r' || x AS label FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 450) SELECT x FROM c)",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(rows.as_array().map(Vec::len), Some(450));
    assert_eq!(rows[449]["x"], 450);
    assert_eq!(rows[1]["half"], 1.0);
    assert_eq!(rows[0]["label"], "r1");
    let empty = office.run(&["query", "SELECT 1 AS x WHERE 0", "--format", "json"]);
    assert_eq!(empty.json(), serde_json::json!([]));
}

#[test]
fn query_table_on_a_terminal_stops_at_its_limit_and_says_so() {
    let office = Office::new();
    let mut command = office.terminal_command();
    command.args(["query", ENDLESS]);
    let mut session = rexpect::session::spawn_command(command, Some(60_000)).expect("pty");
    // rexpect reads the table's UTF-8 frame byte by byte: look for the ASCII between.
    let shown = session.exp_eof().expect("the query ends by itself");
    assert!(shown.contains(" 200 "), "the first 200 rows: {shown}");
    assert!(!shown.contains(" 201 "), "and no more: {shown}");
    assert!(
        shown.contains("Only the first 200 rows are shown") && shown.contains("--all"),
        "{shown}"
    );
    let status = session.process().wait().expect("exit status");
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );

    let mut command = office.terminal_command();
    command.args(["query", ENDLESS, "--limit", "5"]);
    let mut session = rexpect::session::spawn_command(command, Some(60_000)).expect("pty");
    let shown = session.exp_eof().expect("the query ends by itself");
    assert!(shown.contains(" 5 ") && !shown.contains(" 6 "), "{shown}");
    assert!(shown.contains("Only the first 5 rows"), "{shown}");
}

#[test]
fn query_table_off_a_terminal_streams_every_row_in_one_frame() {
    let office = Office::new();
    let out = office.run(&[
        "query",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000) SELECT x FROM c",
    ]);
    let text = out.ok();
    assert!(text.contains("│ 1000"), "{text}");
    assert_eq!(text.matches('┌').count(), 1, "one table");
    assert_eq!(text.matches('└').count(), 1, "one table");
    assert!(!text.contains("Only the first"), "{text}");
}

#[test]
fn query_unknown_table_is_named_in_the_clerks_language() {
    let office = Office::new();
    let run = office.run(&["--lang", "id", "query", "SELECT * FROM pekerja"]);
    let stderr = run.fails(1);
    assert!(
        stderr.contains("Tabel 'pekerja' tidak ada") && stderr.contains("docs/queries.md"),
        "{stderr}"
    );
    let run = office.run(&["query", "SELECT nomor FROM v_placements"]);
    assert!(run.fails(1).contains("no column 'nomor'"), "{}", run.stderr);
    let run = office.run(&["query", "SELECT * FORM v_placements"]);
    assert!(run.fails(1).contains("near 'FORM'"), "{}", run.stderr);
    let run = office.run(&["query", "SELECT count(* FROM v_placements"]);
    assert!(!run.fails(1).contains("SQLITE"), "{}", run.stderr);
}

#[test]
fn query_out_chooses_the_format_by_extension() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let sql = "SELECT nik, full_name FROM v_placements ORDER BY nik";
    office.run(&["query", sql, "--out", "rows.csv"]).ok();
    assert_eq!(
        std::fs::read_to_string(office.path("rows.csv")).unwrap(),
        "nik,full_name\n1371021508900001,Budi\n"
    );
    office.run(&["query", sql, "--out", "rows.json"]).ok();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(office.path("rows.json")).unwrap()).unwrap();
    assert_eq!(json[0]["full_name"], "Budi");
    office.run(&["query", sql, "--out", "rows.TXT"]).ok();
    let text = std::fs::read_to_string(office.path("rows.TXT")).unwrap();
    assert!(text.contains("│ 1371021508900001"), "{text}");
}

#[test]
fn query_out_unknown_extension_is_a_usage_error_and_writes_nothing() {
    let office = Office::new();
    let before: Vec<_> = std::fs::read_dir(office.dir.path()).unwrap().collect();
    let run = office.run(&["query", "SELECT 1", "--out", "x.doc"]);
    assert!(run.fails(2).contains("x.doc"), "{}", run.stderr);
    let after: Vec<_> = std::fs::read_dir(office.dir.path()).unwrap().collect();
    assert_eq!(before.len(), after.len(), "nothing written");
    assert!(!office.path("x.doc").exists());
}

#[test]
fn query_out_that_times_out_leaves_no_file() {
    let office = Office::new();
    let run = office.run(&["query", ENDLESS, "--timeout", "1", "--out", "all.csv"]);
    run.fails(1);
    let left: Vec<String> = std::fs::read_dir(office.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("all.csv"))
        .collect();
    assert!(
        left.is_empty(),
        "neither the file nor a partial one: {left:?}"
    );
}

/// Regression (hardening item 7): an imported address `=HYPERLINK(...)` came out of `query` live,
/// unlike every other CSV pmi-desk writes.
#[test]
fn query_csv_escapes_text_a_spreadsheet_would_run_as_a_formula() {
    let office = Office::new();
    office
        .register("1371021508900001", "Budi", &["--address", "Jl. Merdeka 1"])
        .ok();
    office.sql(
        "UPDATE persons SET address = '=HYPERLINK(\"http://evil.example\",\"x\")', seq = seq + 1000",
    );
    let sql = "SELECT address, 2 AS n, -3 AS minus, '@SUM(1)' AS at FROM persons";
    let stdout = office.run(&["query", sql, "--format", "csv"]);
    let text = stdout.ok();
    assert!(
        text.contains("'=HYPERLINK"),
        "escaped on standard output: {text}"
    );
    assert!(
        text.contains(",2,-3,'@SUM(1)"),
        "numbers stay numbers: {text}"
    );
    office.run(&["query", sql, "--out", "rows.csv"]).ok();
    let file = String::from_utf8(crate::util::read(&office.path("rows.csv"))).unwrap();
    assert!(file.contains("'=HYPERLINK"), "escaped in --out: {file}");
    assert!(!file.lines().any(|l| l.starts_with('=')), "{file}");
}

/// Regression (hardening item 7): `VALUES(1)` reads nothing and writes nothing, but was refused.
#[test]
fn query_values_without_a_space_is_read_only_and_runs() {
    let office = Office::new();
    let out = office.run(&["query", "VALUES(1)", "--format", "csv"]);
    assert_eq!(out.ok(), "column1\n1\n");
    let select = office.run(&["query", "SELECT*FROM (VALUES(2))", "--format", "csv"]);
    assert!(select.ok().ends_with("2\n"), "{}", select.stdout);
    let write = office.run(&["query", "DELETE FROM persons"]);
    assert!(write.fails(1).contains("DELETE"), "{}", write.stderr);
}

/// Regression (hardening item 9, part): `query --out` and many rows of CSV or JSON left no trace.
/// Now the audit log says what was read out, how many rows and by whom; the query itself still
/// runs read-only (a write in it is refused).
#[test]
fn query_out_and_many_rows_for_a_program_are_recorded_in_the_log() {
    let office = Office::new();
    let entries = || office.count("audit_log WHERE action = 'read_out'");
    office
        .run(&["query", "SELECT 1 AS n", "--out", "one.csv"])
        .ok();
    assert_eq!(entries(), 1);
    let many = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 150) SELECT x FROM c";
    office.run(&["query", many, "--format", "json"]).ok();
    assert_eq!(entries(), 2);
    // A few rows on standard output, or a table, are not recorded.
    office.run(&["query", "SELECT 1", "--format", "csv"]).ok();
    office.run(&["query", many]).ok();
    assert_eq!(entries(), 2);
    let log = office.run(&["log", "--format", "json"]).json();
    // The newest first.
    let last = log.as_array().unwrap()[0].clone();
    assert_eq!(last["clerk"], "tester");
    assert_eq!(last["action"], "read_out");
    let changes = last["changes"].as_str().unwrap();
    assert!(changes.contains("\"rows\":[null,\"150\"]"), "{changes}");
    assert!(changes.contains("WITH RECURSIVE"), "{changes}");
    office.run(&["check"]).ok();
}
