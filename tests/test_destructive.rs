//! A destructive flag destroys only what pmi-desk itself made: an earlier export, an earlier
//! backup, an earlier demo. An office's identity is set once.

use std::process::Stdio;

use crate::util::Office;

#[test]
fn export_force_replaces_only_an_earlier_export() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    office.run(&["export", "--out", "kirim"]).ok();
    let replaced = office.run(&["export", "--out", "kirim", "--force"]);
    assert!(
        replaced
            .ok()
            .contains("Replaced the earlier export in kirim (BP3MI-SB"),
        "{}",
        replaced.stdout
    );
    let own = office.path("laporan");
    std::fs::create_dir(&own).unwrap();
    std::fs::write(own.join("catatan.docx"), "a clerk's own file").unwrap();
    let refused = office.run(&["export", "--out", "laporan", "--force"]);
    assert!(
        refused.fails(1).contains("not a pmi-desk export folder"),
        "{}",
        refused.stderr
    );
    assert!(own.join("catatan.docx").exists(), "nothing deleted");
    // An export folder with a clerk's file added to it is not replaced either.
    std::fs::write(office.path("kirim").join("surat.pdf"), "x").unwrap();
    office
        .run(&["export", "--out", "kirim", "--force"])
        .fails(1);
    assert!(office.path("kirim").join("surat.pdf").exists());
}

#[test]
fn backup_never_overwrites_without_force_and_never_a_foreign_file() {
    let office = Office::new();
    office.run(&["backup", "--out", "cadangan.db"]).ok();
    let again = office.run(&["backup", "--out", "cadangan.db"]);
    assert!(again.fails(1).contains("--force"), "{}", again.stderr);
    office
        .run(&["backup", "--out", "cadangan.db", "--force"])
        .ok();
    std::fs::write(office.path("tesis.db"), "not a database").unwrap();
    let run = office.run(&["backup", "--out", "tesis.db", "--force"]);
    assert!(
        run.fails(1).contains("not a pmi-desk database"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(office.path("tesis.db")).unwrap(),
        "not a database"
    );
    // Regression (hardening item 1): any name was taken; a backup is a database by its name.
    std::fs::write(office.path("tesis.docx"), "a thesis").unwrap();
    let run = office.run(&["backup", "--out", "tesis.docx", "--force"]);
    assert!(run.fails(2).contains(".db"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(office.path("tesis.docx")).unwrap(),
        "a thesis"
    );
    assert!(!office.path("laporan").exists());
    office.run(&["backup", "--out", "laporan"]).fails(2);
    assert!(!office.path("laporan").exists());
}

#[test]
fn init_on_an_existing_database_never_renames_the_office() {
    let office = Office::new();
    let run = office.run(&[
        "init",
        "--office-code",
        "BP3MI-SB",
        "--office-name",
        "Kantor Lain",
    ]);
    let err = run.fails(1);
    assert!(err.contains("config set office.name"), "{err}");
    let run = office.run(&[
        "init",
        "--office-code",
        "BP3MI-JT",
        "--office-name",
        "BP3MI Jawa Tengah",
    ]);
    run.fails(1);
    let name = office.run(&["config", "get", "office.name"]);
    assert!(
        name.ok().contains("BP3MI Sumatera Barat"),
        "{}",
        name.stdout
    );
    // The same code and name again is harmless.
    office
        .run(&[
            "init",
            "--office-code",
            "BP3MI-SB",
            "--office-name",
            "BP3MI Sumatera Barat",
        ])
        .ok();
}

#[test]
fn clerks_opening_a_new_database_at_once_all_succeed() {
    let office = Office::empty();
    let children: Vec<_> = (0..4)
        .map(|_| {
            office
                .command()
                .args([
                    "init",
                    "--office-code",
                    "BP3MI-SB",
                    "--office-name",
                    "BP3MI Sumatera Barat",
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let check = office.run(&["check", "--format", "csv"]);
    assert!(check.ok().contains("integrity,ok"), "{}", check.stdout);
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A folder of one persons.csv with a row that is refused (a NIK of 15 digits).
fn bad_folder(office: &Office) -> String {
    let dir = office.path("kiriman");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("persons.csv"),
        "person_uid,nik,full_name,sex,birth_place,birth_date,regency_code,address,phone,education,marital_status,office_code,created_at,updated_at\n\
         0b6c6f9e-8d1e-4c39-9b55-2f0f7f3a1a01,137102150890000,Budi,L,Padang,1990-08-15,1371,,,,,BP3MI-SB,2023-11-01T00:00:00Z,2023-11-01T00:00:00Z\n",
    )
    .unwrap();
    dir.display().to_string()
}

#[test]
fn import_errors_never_overwrites_the_database_or_any_file_it_did_not_write() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let folder = bad_folder(&office);
    let db = office.db.display().to_string();
    // The live database, its journal's name and a hard link to it: refused, with --force too.
    std::fs::hard_link(&office.db, office.path("link.csv")).unwrap();
    for target in [db.clone(), format!("{db}-wal"), "link.csv".into()] {
        for force in [false, true] {
            let mut args = vec!["import", &folder, "--unsigned", "--errors", &target];
            if force {
                args.push("--force");
            }
            let run = office.run(&args);
            let err = run.fails(if target.ends_with(".csv") { 1 } else { 2 });
            assert!(!err.is_empty(), "{target}");
        }
    }
    assert_eq!(office.count("persons"), 1, "the database is intact");
    // A clerk's own file: refused, and kept as it was, also with --force.
    std::fs::write(office.path("catatan.csv"), "my notes").unwrap();
    for force in [&[][..], &["--force"][..]] {
        let args = [
            &["import", &folder, "--unsigned", "--errors", "catatan.csv"][..],
            force,
        ]
        .concat();
        let run = office.run(&args);
        assert!(run.fails(1).contains("catatan.csv"), "{}", run.stderr);
    }
    assert_eq!(
        std::fs::read_to_string(office.path("catatan.csv")).unwrap(),
        "my notes"
    );
    // A new file: written private to the clerk; replaced later only with --force.
    office
        .run(&["import", &folder, "--unsigned", "--errors", "salah.csv"])
        .fails(1);
    assert_eq!(mode(&office.path("salah.csv")), 0o600);
    let first = std::fs::read_to_string(office.path("salah.csv")).unwrap();
    assert!(first.contains("persons.csv"), "{first}");
    let again = office.run(&["import", &folder, "--unsigned", "--errors", "salah.csv"]);
    assert!(again.fails(1).contains("--force"), "{}", again.stderr);
    office
        .run(&[
            "import",
            &folder,
            "--unsigned",
            "--errors",
            "salah.csv",
            "--force",
        ])
        .fails(1);
    // Once the clerk has changed it, it is theirs: not replaced.
    std::fs::write(office.path("salah.csv"), "edited by the clerk").unwrap();
    office
        .run(&[
            "import",
            &folder,
            "--unsigned",
            "--errors",
            "salah.csv",
            "--force",
        ])
        .fails(1);
    assert_eq!(
        std::fs::read_to_string(office.path("salah.csv")).unwrap(),
        "edited by the clerk"
    );
    // Nothing to report, nothing written.
    let good = office.path("baik");
    office.run(&["export", "--out", "baik"]).ok();
    office
        .run(&[
            "import",
            good.to_str().unwrap(),
            "--errors",
            "tidak-ada.csv",
        ])
        .ok();
    assert!(!office.path("tidak-ada.csv").exists());
    // The wrong extension for an error list is a usage error.
    office
        .run(&["import", &folder, "--unsigned", "--errors", "salah.pdf"])
        .fails(2);
}

#[test]
fn outputs_are_private_never_follow_links_and_replace_only_their_own_kind() {
    let office = Office::new();
    std::fs::write(office.path("rahasia.txt"), "not to be touched").unwrap();
    std::os::unix::fs::symlink(office.path("rahasia.txt"), office.path("laporan.txt")).unwrap();
    let run = office.run(&["report", "placements", "--out", "laporan.txt", "--force"]);
    assert!(run.fails(1).contains("link"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(office.path("rahasia.txt")).unwrap(),
        "not to be touched"
    );
    // An existing world-readable file is not taken over; a new one is private.
    std::fs::write(office.path("lama.txt"), "x").unwrap();
    office
        .run(&["report", "placements", "--out", "lama.txt"])
        .fails(1);
    office
        .run(&["report", "placements", "--out", "baru.txt"])
        .ok();
    assert_eq!(mode(&office.path("baru.txt")), 0o600);
    office
        .run(&["report", "placements", "--out", "baru.txt", "--force"])
        .ok();
    // A report's file is not a letter's: --force replaces only the same kind.
    let kind = office.run(&["exchange", "key", "--out", "baru.txt", "--force"]);
    assert!(kind.fails(1).contains("baru.txt"), "{}", kind.stderr);
    // The written file is in the audit log.
    let log = office.run(&["log", "--format", "json"]).json();
    assert!(
        log.as_array()
            .unwrap()
            .iter()
            .any(|e| e.to_string().contains("baru.txt")),
        "{log}"
    );
    // No file is left aside.
    let aside: Vec<_> = std::fs::read_dir(office.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".partial-"))
        .collect();
    assert!(aside.is_empty(), "{aside:?}");
}

#[test]
fn backup_force_replaces_only_its_own_backup_never_a_database_in_use() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let other = Office::with_code("BP3MI-JT");
    other.register("1371021508900009", "Siti", &[]).ok();
    let theirs = other.db.display().to_string();
    let run = office.run(&["backup", "--out", &theirs, "--force"]);
    assert!(run.fails(1).contains("not a backup"), "{}", run.stderr);
    assert_eq!(
        other.count("persons"),
        1,
        "another office's database intact"
    );
    // The source itself.
    let own = office.db.display().to_string();
    office.run(&["backup", "--out", &own, "--force"]).fails(1);
    assert_eq!(office.count("persons"), 1);
    // Its own backup is replaced, and the replacement holds the newer records.
    office.run(&["backup", "--out", "cadangan.db"]).ok();
    office.register("1371021508900002", "Andi", &[]).ok();
    office
        .run(&["backup", "--out", "cadangan.db", "--force"])
        .ok();
    let copy = rusqlite::Connection::open(office.path("cadangan.db")).unwrap();
    let n: i64 = copy
        .query_row("SELECT count(*) FROM persons", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
    assert_eq!(mode(&office.path("cadangan.db")), 0o600);
    // A backup copied elsewhere and used as an office's database is not "that backup" there.
    std::fs::copy(office.path("cadangan.db"), office.path("dipulihkan.db")).unwrap();
    office
        .run(&["backup", "--out", "dipulihkan.db", "--force"])
        .fails(1);
}

#[test]
fn init_on_a_demo_makes_it_an_office_that_demo_force_never_wipes() {
    let office = Office::empty();
    office.run(&["demo", "--scale", "1"]).ok();
    office
        .run(&[
            "init",
            "--office-code",
            "BP3MI-SB",
            "--office-name",
            "BP3MI Sumatera Barat",
        ])
        .ok();
    office.register("1371021508900001", "Budi Asli", &[]).ok();
    let wipe = office.run(&["demo", "--force"]);
    wipe.fails(1);
    office.run(&["worker", "show", "1371021508900001"]).ok();
}

#[test]
fn an_export_killed_midway_leaves_nothing_that_check_does_not_report_and_export_does_not_clear() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    // What a killed export leaves: a hidden folder holding personal data, its process gone.
    let stale = office.path(".kirim.partial-999999999");
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join("persons.csv"), "1371021508900001,Budi").unwrap();
    let check = office.run(&["check", "--format", "json"]).json();
    let left = check
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["item"] == "leftovers")
        .cloned()
        .unwrap();
    assert_eq!(left["value"], 1, "{check}");
    let run = office.run(&["export", "--out", "kirim"]);
    assert!(
        run.stderr.contains(".kirim.partial-999999999"),
        "{}",
        run.stderr
    );
    assert!(!stale.exists());
    assert!(office.path("kirim").join("persons.csv").exists());
}

#[test]
fn a_letter_written_while_the_database_is_busy_is_not_left_unrecorded() {
    let (office, _) = Office::with_first_letter();
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let run = office.run(&["letter", "B.0001/BP3MI-SB/XI/2023", "--out", "surat.pdf"]);
    run.fails(3);
    conn.execute_batch("ROLLBACK").unwrap();
    assert!(
        !office.path("surat.pdf").exists(),
        "no letter without its print entry"
    );
    let aside = std::fs::read_dir(office.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().contains(".partial-"));
    assert!(!aside);
}

#[test]
fn query_out_follows_the_rule_of_every_output() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let db = office.db.display().to_string();
    let sql = "SELECT full_name FROM v_placements";
    office
        .run(&["query", sql, "--out", &format!("{db}-wal"), "--force"])
        .fails(2);
    std::fs::write(office.path("mine.csv"), "clerk's").unwrap();
    office
        .run(&["query", sql, "--out", "mine.csv", "--force"])
        .fails(1);
    assert_eq!(
        std::fs::read_to_string(office.path("mine.csv")).unwrap(),
        "clerk's"
    );
    office.run(&["query", sql, "--out", "hasil.csv"]).ok();
    assert_eq!(mode(&office.path("hasil.csv")), 0o600);
    office.run(&["query", sql, "--out", "hasil.csv"]).fails(1);
    office
        .run(&["query", sql, "--out", "hasil.csv", "--force"])
        .ok();
    assert!(std::fs::read_to_string(office.path("hasil.csv"))
        .unwrap()
        .contains("Budi"));
}
