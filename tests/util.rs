//! A temporary office: a folder with a database path, and a runner for the real executable with a
//! fixed clock, English messages, a named clerk and no terminal.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub(crate) const TODAY: &str = "2023-11-08";

pub(crate) struct Office {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

#[derive(Debug)]
pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts success and returns standard output.
    #[track_caller]
    pub(crate) fn ok(&self) -> &str {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        &self.stdout
    }

    /// Asserts the exit code and returns standard error.
    #[track_caller]
    pub(crate) fn fails(&self, code: i32) -> &str {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        &self.stderr
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.ok())
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

pub(crate) fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_pmi-desk")
}

impl Office {
    /// A folder with no database yet.
    pub(crate) fn empty() -> Office {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("office.db");
        Office { dir, db }
    }

    /// An initialised West Sumatra office.
    pub(crate) fn new() -> Office {
        Office::with_code("BP3MI-SB")
    }

    /// An initialised office with this code (a regency office, the centre...).
    pub(crate) fn with_code(code: &str) -> Office {
        let office = Office::empty();
        let name = match code {
            "BP3MI-SB" => "BP3MI Sumatera Barat",
            other => other,
        };
        office
            .run(&["init", "--office-code", code, "--office-name", name])
            .ok();
        office
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub(crate) fn command(&self) -> Command {
        let mut cmd = self.terminal_command();
        cmd.stdin(Stdio::null());
        cmd
    }

    /// The command with the test environment, its standard input left for a pseudo-terminal.
    pub(crate) fn terminal_command(&self) -> Command {
        let mut cmd = Command::new(binary());
        cmd.current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("PMI_DESK_DB", &self.db)
            .env("PMI_DESK_NOW", TODAY)
            .env("PMI_DESK_LANG", "en")
            .env("PMI_DESK_CLERK", "tester")
            .env("TERM", "xterm");
        cmd
    }

    /// `pmi-desk ARGS` for a pseudo-terminal of 80 columns and 50 lines (a pseudo-terminal starts
    /// with no size; `stty` gives it one before pmi-desk starts).
    pub(crate) fn terminal_80x50(&self, args: &[&str]) -> Command {
        let cmd = self.terminal_command();
        let mut shell = Command::new("sh");
        shell
            .arg("-c")
            .arg("stty cols 80 rows 50 && exec \"$0\" \"$@\"")
            .arg(binary())
            .args(args)
            .current_dir(self.dir.path())
            .env_clear();
        for (key, value) in cmd.get_envs() {
            if let Some(value) = value {
                shell.env(key, value);
            }
        }
        shell
    }

    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    pub(crate) fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = self.command();
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let Output {
            status,
            stdout,
            stderr,
        } = cmd.output().expect("run pmi-desk");
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    /// Registers a worker with every required option; `extra` adds options or overrides defaults.
    pub(crate) fn register(&self, nik: &str, name: &str, extra: &[&str]) -> Run {
        let mut defaults = vec![
            ("--nik", nik),
            ("--name", name),
            ("--sex", "L"),
            ("--birth-place", "Padang"),
            ("--birth-date", "1990-08-15"),
            ("--regency", "1371"),
            ("--scheme", "MANDIRI"),
            ("--country", "MY"),
        ];
        defaults.retain(|(flag, _)| !extra.contains(flag));
        let mut args = vec!["register"];
        for (flag, value) in &defaults {
            args.push(flag);
            args.push(value);
        }
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// The number of rows in a table, read directly.
    pub(crate) fn count(&self, table: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.db).expect("open db");
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("count")
    }

    /// The one integer a query reads, directly.
    pub(crate) fn sql_number(&self, query: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.db).expect("open db");
        conn.query_row(query, [], |r| r.get(0)).expect("query")
    }
}

pub(crate) fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

/// The documents a MANDIRI placement needs for a passport recommendation (default checklist).
pub(crate) const PASSPORT_DOCS: &[&str] = &[
    "KTP",
    "KK",
    "DIPLOMA",
    "FAMILY_PERMISSION",
    "MARITAL_STATUS_LETTER",
];

impl Office {
    /// An office with its letterhead and signatory set, as the letter tests expect.
    pub(crate) fn with_letterhead() -> Office {
        let office = Office::new();
        for (key, value) in [
            (
                "letterhead.line1",
                "BADAN PELINDUNGAN PEKERJA MIGRAN INDONESIA",
            ),
            ("letterhead.line2", "BP3MI SUMATERA BARAT"),
            ("letterhead.line3", "Jl. Contoh No. 1, Padang"),
            ("signatory.name", "Drs. Contoh Nama"),
            ("signatory.title", "Kepala Balai"),
            ("signatory.nip", "197001012000031001"),
        ] {
            office.run(&["config", "set", key, value]).ok();
        }
        office
    }

    /// Registers a worker and records, verified, every document the passport checklist asks for.
    /// Remains arrived from Malaysia on 5 October 2023, with `extra` (the person at least); returns
    /// the repatriation number.
    pub(crate) fn remains(&self, extra: &[&str]) -> String {
        let defaults = [
            "repatriate",
            "--category",
            "JENAZAH",
            "--arrived-on",
            "2023-10-05",
            "--from-country",
            "MY",
            "--format",
            "json",
        ];
        let record = self.run(&[&defaults[..], extra].concat()).json();
        record["repatriation_number"].as_str().unwrap().to_string()
    }

    /// A placement registered on 1 June 2023, recommended on 10 June and departed on `on` with
    /// passport C1234567 (the departure's warnings accepted); returns its registration number.
    pub(crate) fn departed(&self, nik: &str, name: &str, on: &str) -> String {
        let number = self.ready_for_passport(nik, name, &["--registered-on", "2023-06-01"]);
        self.run(&["recommend-passport", &number, "--on", "2023-06-10"])
            .ok();
        let depart = ["depart", &number, "--on", on, "--passport", "C1234567"];
        self.run(&[&depart[..], &["--accept-warnings"]].concat())
            .ok();
        number
    }

    pub(crate) fn ready_for_passport(&self, nik: &str, name: &str, extra: &[&str]) -> String {
        let record = self
            .register(nik, name, &[extra, &["--format", "json"]].concat())
            .json();
        let number = record["registration_number"].as_str().unwrap().to_string();
        for kind in PASSPORT_DOCS {
            self.run(&["docs", "add", &number, "--kind", kind, "--verified"])
                .ok();
        }
        number
    }

    /// An office with its letterhead whose first letter, `B.0001/BP3MI-SB/XI/2023`, went to Siti
    /// Rahmah; returns her registration number.
    pub(crate) fn with_first_letter() -> (Office, String) {
        let office = Office::with_letterhead();
        let number = office.ready_for_passport(
            "1306025508900002",
            "Siti Rahmah",
            &["--sex", "P", "--accept-warnings"],
        );
        office.run(&["recommend-passport", &number]).ok();
        (office, number)
    }

    /// Changes stored data directly, as an import from another office could have left it.
    pub(crate) fn sql(&self, statement: &str) {
        let conn = rusqlite::Connection::open(&self.db).expect("open db");
        conn.execute_batch(statement).expect("sql");
    }
}

/// Compares with `tests/snapshots/NAME`; `UPDATE_SNAPSHOTS=1` rewrites it.
pub(crate) fn snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        actual, expected,
        "snapshot {name} differs (UPDATE_SNAPSHOTS=1 to accept)"
    );
}

/// Undoes migration 0007 (for tests that rebuild an older database): to be kept in step with every
/// later migration's changes.
pub(crate) const UNDO_0007: &str = "DROP TABLE persons_words; DROP INDEX placements_departures;
    DROP INDEX placements_country; DROP INDEX placements_scheme; DROP INDEX persons_regency;
    DROP INDEX recommendations_status; CREATE INDEX persons_name_key ON persons(name_key);
    CREATE INDEX placements_departed_on ON placements(departed_on) WHERE departed_on IS NOT NULL;";

/// Takes a database of this schema back to what schema 7 left (the import digests of 0010, the
/// digests of 0009 and the tables 0008 added dropped, the columns it added to documents and case
/// events too), so that a test can upgrade it again.
pub(crate) const UNDO_0008: &str = "DROP TABLE record_digests; ALTER TABLE audit_log DROP COLUMN digest; DROP TABLE site_self; DROP TABLE kept_writes; DROP TABLE person_merges;
    DROP TABLE sites; DROP TABLE sync_held; DROP TABLE sync_carried; DROP TABLE sync_cursors;
    DROP TABLE sync_pending; DROP INDEX documents_clashing; DROP INDEX documents_one_live;
    CREATE UNIQUE INDEX documents_one_live ON documents(placement_uid, kind) WHERE removed_on IS NULL;
    ALTER TABLE documents DROP COLUMN versions; ALTER TABLE documents DROP COLUMN clash;
    ALTER TABLE case_events DROP COLUMN closure_reason; ALTER TABLE case_events DROP COLUMN seen;
    ALTER TABLE case_events DROP COLUMN versions;";

/// Recomputes every entry's chain hash by the recipe of docs/data.md, written again from the
/// documentation (what an auditor without pmi-desk would compute, and what someone rewriting the
/// whole chain would): with each entry's digest as its eighth field, or (`with_digests` false)
/// for a schema before 0009, whose entries had none.
pub(crate) fn rechain_entries(conn: &rusqlite::Connection, with_digests: bool) {
    use sha2::{Digest, Sha256};
    let digest = if with_digests { "digest" } else { "NULL" };
    let rows: Vec<(i64, Vec<String>)> = conn
        .prepare(&format!(
            "SELECT id, at, clerk, command, record_kind, record_uid, action, changes, {digest}
             FROM audit_log ORDER BY id"
        ))
        .unwrap()
        .query_map([], |r| {
            // The digest, when the entry has one, is the eighth field.
            let mut fields: Vec<String> = (1..=7).map(|i| r.get(i)).collect::<Result<_, _>>()?;
            fields.extend(r.get::<_, Option<String>>(8)?);
            Ok((r.get(0)?, fields))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut prev = "0".repeat(64);
    for (id, fields) in rows {
        let mut hasher = Sha256::new();
        hasher.update(prev.as_bytes());
        for field in std::iter::once(id.to_string()).chain(fields) {
            hasher.update(format!("{}:{field},", field.len()).as_bytes());
        }
        let hash = format!("{:x}", hasher.finalize());
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
            rusqlite::params![prev, hash, id],
        )
        .unwrap();
        prev = hash;
    }
}

/// Recomputes every entry's chain hash after a test took a database back to a schema before
/// 0009, whose entries had no digest to hash.
pub(crate) fn rechain_without_digests(db: &Path) {
    let conn = rusqlite::Connection::open(db).expect("open db");
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;",
    )
    .expect("triggers");
    rechain_entries(&conn, false);
    conn.execute_batch(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
    )
    .expect("triggers back");
}
