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
