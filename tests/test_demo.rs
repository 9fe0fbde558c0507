//! `demo`: a realistic office that is never replaced silently.

use crate::util::Office;

#[test]
fn demo_is_written_once_and_replaced_only_with_force() {
    let office = Office::empty();
    // The demo's recent applications and open cases are dated relative to today.
    let now = [("PMI_DESK_NOW", "2026-11-28")];
    let run = office.run_with(&["demo"], &now);
    assert!(run.ok().contains("office.db"), "{}", run.stdout);
    assert!(
        office.db.exists(),
        "PMI_DESK_DB is followed, like every command"
    );
    let demo = office.db.clone();
    let again = office.run(&["demo"]);
    assert!(again.fails(1).contains("--force"), "{}", again.stderr);
    office.run_with(&["demo", "--force"], &now).ok();

    let demo_db = demo.to_str().unwrap();
    let check = office.run(&["--db", demo_db, "check", "--format", "csv"]);
    assert!(check.ok().contains("integrity,ok"), "{}", check.stdout);
    let waiting = office.run(&[
        "--db",
        demo_db,
        "worker",
        "list",
        "--stage",
        "REGISTERED",
        "--format",
        "csv",
    ]);
    assert!(waiting.ok().lines().count() > 50, "{}", waiting.stdout);
    let decisions = office.run(&["--db", demo_db, "recommendation", "list", "--format", "csv"]);
    let decisions = decisions.ok();
    for status in [",USED,", ",REFUSED,", ",VOID,", ",ISSUED,"] {
        assert!(
            decisions.contains(status),
            "demo has {status} recommendations"
        );
    }
    let cases = office.run(&["--db", demo_db, "case", "list", "--format", "csv"]);
    for status in [
        ",NEW,",
        ",IN_PROGRESS,",
        ",REFERRED,",
        ",RESOLVED,",
        ",CLOSED,",
    ] {
        assert!(cases.ok().contains(status), "demo has {status} cases");
    }
    let returns = office.run(&["--db", demo_db, "repatriation", "list", "--format", "csv"]);
    for category in ["TROUBLED", "DEPORTED", "SICK", "DECEASED", "CPMI", "FAMILY"] {
        assert!(
            returns.ok().contains(category),
            "demo has {category} returns"
        );
    }
    let padang = office
        .run(&[
            "--db",
            demo_db,
            "worker",
            "list",
            "--regency",
            "1371",
            "--format",
            "json",
        ])
        .json();
    assert!(padang
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["regency_code"] == "1371"));
}

/// The demo office passes the rules every import applies: its export goes into an empty office
/// and comes out byte-identical (a demo decision dated after today once broke this).
#[test]
fn the_demo_travels_through_the_exchange_unchanged() {
    let office = Office::empty();
    let now = [("PMI_DESK_NOW", "2026-11-28")];
    office.run_with(&["demo", "--db", "demo.db"], &now).ok();
    office
        .run_with(&["--db", "demo.db", "export", "--out", "sent"], &now)
        .ok();
    office
        .run_with(
            &["init", "--office-code", "BP2MI", "--office-name", "Pusat"],
            &now,
        )
        .ok();
    office
        .run_with(&["import", office.path("sent").to_str().unwrap()], &now)
        .ok();
    office.run_with(&["export", "--out", "again"], &now).ok();
    for file in [
        "persons",
        "placements",
        "documents",
        "recommendations",
        "cases",
        "case_events",
        "repatriations",
    ] {
        let name = format!("{file}.csv");
        assert!(
            crate::util::read(&office.path("sent").join(&name))
                == crate::util::read(&office.path("again").join(&name)),
            "{name} differs after the round trip"
        );
    }
}

#[test]
fn without_a_chosen_database_the_demo_goes_to_a_file_here() {
    let office = Office::empty();
    let mut demo = office.command();
    demo.env_remove("PMI_DESK_DB")
        .env("PMI_DESK_NOW", "2026-11-28")
        .args(["demo", "--scale", "1"]);
    let out = demo.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(office.path("pmi-desk-demo.db").exists());
    assert!(!office.db.exists());
}

#[test]
fn demo_never_replaces_an_office_database_not_even_with_force() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    for args in [vec!["demo"], vec!["demo", "--force"]] {
        let run = office.run(&args);
        let err = run.fails(1);
        assert!(
            err.contains("is an office database")
                && err.contains("BP3MI-SB")
                && !err.contains("demo database"),
            "{err}"
        );
    }
    assert_eq!(
        office.count("persons"),
        1,
        "the office's records are untouched"
    );
    std::fs::write(office.path("notes.txt"), "my own notes").unwrap();
    let run = office.run(&["--db", "notes.txt", "demo", "--force"]);
    assert!(
        run.fails(1).contains("not a pmi-desk database"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(office.path("notes.txt")).unwrap(),
        "my own notes"
    );
}
