//! `init`, `config`, `check`, `ref`: office settings and reference lists.

use crate::util::Office;

#[test]
fn config_set_checks_values_and_is_audited() {
    let office = Office::new();
    assert_eq!(
        office.run(&["config", "get", "office.code"]).ok().trim(),
        "BP3MI-SB"
    );
    office
        .run(&["config", "set", "signatory.name", "Drs. Contoh"])
        .ok();
    assert_eq!(
        office.run(&["config", "get", "signatory.name"]).ok().trim(),
        "Drs. Contoh"
    );
    let bad = office.run(&["config", "set", "checklist.MANDIRI", "KTP,VISA_ON_ARRIVAL"]);
    assert!(bad.fails(1).contains("VISA_ON_ARRIVAL"), "{}", bad.stderr);
    office.run(&["config", "set", "no.such.key", "x"]).fails(1);
    let log = office.run(&["log", "--record", "signatory.name", "--format", "csv"]);
    assert!(log.ok().contains("Drs. Contoh"), "{}", log.stdout);
}

#[test]
fn a_shorter_checklist_changes_what_docs_check_asks_for() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    office
        .run(&[
            "config",
            "set",
            "checklist.MANDIRI",
            "KTP,BIRTH_CERTIFICATE|DIPLOMA",
        ])
        .ok();
    office
        .run(&[
            "docs",
            "add",
            "REG-2023-00001",
            "--kind",
            "IJAZAH",
            "--verified",
        ])
        .ok();
    office
        .run(&[
            "docs",
            "add",
            "REG-2023-00001",
            "--kind",
            "KTP",
            "--verified",
        ])
        .ok();
    let check = office.run(&["docs", "check", "REG-2023-00001"]);
    assert!(
        check.ok().contains("All documents present"),
        "{}",
        check.stdout
    );
}

#[test]
fn init_refuses_to_change_the_office_code() {
    let office = Office::new();
    let run = office.run(&[
        "init",
        "--office-code",
        "BP3MI-JT",
        "--office-name",
        "Other",
    ]);
    assert!(run.fails(1).contains("BP3MI-SB"), "{}", run.stderr);
    // Renaming is `config set`, audited; `init` never renames an office silently.
    let rename = office.run(&[
        "init",
        "--office-code",
        "bp3mi-sb",
        "--office-name",
        "BP3MI Sumbar",
    ]);
    assert!(
        rename.fails(1).contains("config set office.name"),
        "{}",
        rename.stderr
    );
    office
        .run(&["config", "set", "office.name", "BP3MI Sumbar"])
        .ok();
    assert_eq!(
        office.run(&["config", "get", "office.name"]).ok().trim(),
        "BP3MI Sumbar"
    );
}

#[test]
fn check_reports_integrity_and_counts() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let out = office.run(&["check", "--format", "csv"]);
    let out = out.ok();
    assert!(out.contains("integrity,ok"), "{out}");
    assert!(out.contains("placements,1"), "{out}");
    assert!(
        out.contains(&format!("schema_version,{}", pmi_desk::db::SCHEMA_VERSION)),
        "{out}"
    );
}

#[test]
fn reference_lists() {
    let office = Office::empty();
    let regencies = office.run(&["ref", "regencies", "--province", "13", "--format", "csv"]);
    assert_eq!(regencies.ok().lines().count(), 1 + 19);
    let districts = office.run(&[
        "ref",
        "districts",
        "--regency",
        "Kota Padang",
        "--format",
        "csv",
    ]);
    assert!(
        districts.ok().contains("137102,Padang Timur"),
        "{}",
        districts.stdout
    );
    let codes = office.run(&["ref", "codes", "scheme", "--format", "csv"]);
    assert_eq!(codes.ok().lines().count(), 1 + 4);
    let all = office.run(&["ref", "codes", "--format", "json"]).json();
    assert!(all
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "TRAFFICKING"));
    let id = office.run(&["--lang", "id", "ref", "countries", "--format", "csv"]);
    assert!(
        id.ok().contains("KR,KOR,Korea Selatan,South Korea"),
        "{}",
        id.stdout
    );
    office.run(&["ref", "codes", "nonsense"]).fails(1);
}

/// Regression (hardening item 10): `init` run again with another `--province` changed the office's
/// province silently.
#[test]
fn init_refuses_to_change_the_province_and_keeps_it_without_the_flag() {
    let office = Office::empty();
    let init = |extra: &[&str]| {
        let mut args = vec![
            "init",
            "--office-code",
            "BP3MI-JT",
            "--office-name",
            "BP3MI Jawa Timur",
        ];
        args.extend_from_slice(extra);
        office.run(&args)
    };
    init(&["--province", "35"]).ok();
    let other = init(&["--province", "13"]);
    assert!(
        other.fails(1).contains("config set office.province"),
        "{}",
        other.stderr
    );
    // Without `--province` (whose value for a new office is 13) nothing moves either.
    init(&[]).ok();
    init(&["--province", "35"]).ok();
    let province = || office.run(&["config", "get", "office.province"]);
    assert_eq!(province().ok().trim(), "35");
    office.run(&["config", "set", "office.province", "13"]).ok();
    assert_eq!(province().ok().trim(), "13");
}

/// Regression (hardening item 10): `--db :memory:` and SQLite URIs were accepted; `init` said the
/// office was ready and nothing was saved.
#[test]
fn init_refuses_a_database_that_would_not_be_saved() {
    let office = Office::empty();
    for db in [":memory:", "file:office.db?mode=memory", "FILE:x.db"] {
        let run = office.run(&[
            "--db",
            db,
            "init",
            "--office-code",
            "BP3MI-SB",
            "--office-name",
            "X",
        ]);
        assert!(
            run.fails(2).contains("not a file name"),
            "{db}: {}",
            run.stderr
        );
        assert!(!run.stdout.contains("ready"), "{}", run.stdout);
    }
    let names: Vec<_> = std::fs::read_dir(office.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(names.is_empty(), "nothing created: {names:?}");
}

/// Regression (hardening item 10): an empty 0644 file given as the database became the database
/// and stayed world-readable; `check` said nothing about it.
#[cfg(unix)]
#[test]
fn init_makes_an_existing_empty_file_private_and_check_warns_about_readable_files() {
    use std::os::unix::fs::PermissionsExt;
    let office = Office::empty();
    std::fs::set_permissions(office.dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::write(&office.db, b"").unwrap();
    std::fs::set_permissions(&office.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    office
        .run(&["init", "--office-code", "BP3MI-SB", "--office-name", "X"])
        .ok();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&office.db), 0o600);
    let check = office.run(&["check", "--format", "csv"]);
    assert!(check.ok().contains("access,private"), "{}", check.stderr);
    assert!(!check.stderr.contains("readable"), "{}", check.stderr);
    // Someone opens it up later (a copy, a shared folder): check warns, naming file and mode.
    std::fs::set_permissions(&office.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(office.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let check = office.run(&["check", "--format", "csv"]);
    let out = check.ok();
    assert!(out.contains("access,readable_by_others"), "{out}");
    assert!(check.stderr.contains("office.db 0644"), "{}", check.stderr);
    assert!(check.stderr.contains("0755"), "{}", check.stderr);
}

/// Regression (hardening item 10): `PMI_DESK_NOW` past 9999 stored a stamp that never read back,
/// and the record could no longer be shown or changed.
#[test]
fn a_clock_past_year_9999_is_refused_before_anything_is_written() {
    let office = Office::new();
    let before = office.count("audit_log");
    for now in ["+10000-01-01", "+10000-01-01T00:00:00Z"] {
        let run = office.run_with(
            &[
                "register",
                "--nik",
                "1371021508900001",
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
            ],
            &[("PMI_DESK_NOW", now)],
        );
        assert!(
            run.fails(2).contains("PMI_DESK_NOW"),
            "{now}: {}",
            run.stderr
        );
    }
    assert_eq!(office.count("persons"), 0);
    assert_eq!(office.count("audit_log"), before);
}

/// Regression: a stored `recommendation.validity_days` that was not a number gave letters a
/// silent 30 days; a legal deadline read from a corrupt setting is an error naming the key.
#[test]
fn a_corrupt_stored_deadline_is_an_error_naming_the_key() {
    let office = Office::with_letterhead();
    let number = office.ready_for_passport(
        "1306025508900002",
        "Siti Rahmah",
        &["--sex", "P", "--accept-warnings"],
    );
    office.sql(
        "INSERT INTO settings (key, value) VALUES ('recommendation.validity_days', 'tiga puluh')
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
    let run = office.run(&["--lang", "en", "recommend-passport", &number]);
    let said = run.fails(1).to_string();
    assert!(said.contains("recommendation.validity_days"), "{said}");
    assert!(said.contains("tiga puluh"), "{said}");
    assert!(
        said.contains("config set recommendation.validity_days"),
        "{said}"
    );
    assert_eq!(office.count("recommendations"), 0);
    // The case deadlines count working days without the holidays only when those are readable.
    office.sql("INSERT INTO settings (key, value) VALUES ('holidays', '2023-13-45')");
    let said = office
        .run(&["--lang", "en", "case", "list", "--overdue"])
        .fails(1)
        .to_string();
    assert!(said.contains("holidays"), "{said}");
    office.sql("UPDATE settings SET value = 'x' WHERE key = 'holidays'; INSERT INTO settings (key, value) VALUES ('medical.validity_days', '-5')");
    let said = office
        .run(&["--lang", "en", "docs", "check", &number])
        .fails(1)
        .to_string();
    assert!(said.contains("medical.validity_days"), "{said}");
}

/// Issue 20: an office named "Kantor Provinsi Uji" was told "Kantor Kantor Provinsi Uji ... siap".
#[test]
fn init_never_doubles_the_word_the_office_name_begins_with() {
    let office = Office::empty();
    let init = |name: &str| {
        office.run(&[
            "--lang",
            "id",
            "init",
            "--office-code",
            "BP3MI-UJ",
            "--office-name",
            name,
        ])
    };
    let done = init("Kantor Provinsi Uji");
    let said = done.ok();
    assert!(
        said.starts_with("Kantor Provinsi Uji (BP3MI-UJ) siap"),
        "{said}"
    );
    let again = init("Kantor Lain");
    let refused = again.fails(1);
    assert!(
        refused.contains("sudah milik Kantor Provinsi Uji (BP3MI-UJ)"),
        "{refused}"
    );
    assert!(
        !refused.to_lowercase().contains("kantor kantor"),
        "{refused}"
    );
    // A name without the word still gets it.
    let other = Office::empty();
    let run = other.run(&[
        "--lang",
        "id",
        "init",
        "--office-code",
        "BP3MI-SB",
        "--office-name",
        "BP3MI Sumatera Barat",
    ]);
    assert!(
        run.ok()
            .starts_with("Kantor BP3MI Sumatera Barat (BP3MI-SB) siap"),
        "{}",
        run.stdout
    );
}
