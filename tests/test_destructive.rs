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
    std::fs::write(office.path("tesis.docx"), "not a database").unwrap();
    let run = office.run(&["backup", "--out", "tesis.docx", "--force"]);
    assert!(
        run.fails(1).contains("not a pmi-desk database"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(office.path("tesis.docx")).unwrap(),
        "not a database"
    );
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
