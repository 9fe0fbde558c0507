//! `depart`, `cancel`, `return`: the stage machine enforced from the command line.

use crate::util::Office;

fn recommended(office: &Office) -> String {
    let number = office.ready_for_passport(
        "1371021508900001",
        "Budi",
        &["--registered-on", "2023-06-01"],
    );
    office
        .run(&["recommend-passport", &number, "--on", "2023-06-10"])
        .ok();
    number
}

#[test]
fn departure_needs_a_recommendation_and_a_passport() {
    let office = Office::new();
    let registered = office
        .register("1371021508900002", "Andi", &["--format", "json"])
        .json();
    let number = registered["registration_number"].as_str().unwrap();
    let run = office.run(&[
        "depart",
        number,
        "--on",
        "2023-11-01",
        "--passport",
        "C1234567",
        "--accept-warnings",
    ]);
    assert!(
        run.fails(1).contains("Registered and cannot depart"),
        "{}",
        run.stderr
    );

    let recommended = recommended(&office);
    let run = office.run(&["depart", &recommended, "--on", "2023-07-01"]);
    assert!(run.fails(1).contains("passport"), "{}", run.stderr);
    office
        .run(&[
            "depart",
            &recommended,
            "--on",
            "2023-07-01",
            "--passport",
            "C1234567",
            "--accept-warnings",
        ])
        .ok();
    let shown = office
        .run(&["worker", "show", &recommended, "--format", "json"])
        .json();
    assert_eq!(shown["record"]["stage"], "DEPARTED");
    assert_eq!(shown["record"]["departed_on"], "2023-07-01");
}

#[test]
fn dates_must_make_sense() {
    let office = Office::new();
    let number = recommended(&office);
    let early = office.run(&[
        "depart",
        &number,
        "--on",
        "2023-05-30",
        "--passport",
        "C1234567",
        "--accept-warnings",
    ]);
    assert!(
        early.fails(1).contains("before the registration date"),
        "{}",
        early.stderr
    );
    let future = office.run(&[
        "depart",
        &number,
        "--on",
        "2023-12-01",
        "--passport",
        "C1234567",
        "--accept-warnings",
    ]);
    assert!(future.fails(1).contains("future"), "{}", future.stderr);
    office
        .run(&[
            "depart",
            &number,
            "--on",
            "2023-07-01",
            "--passport",
            "C1234567",
            "--accept-warnings",
        ])
        .ok();
    let back = office.run(&["return", &number, "--on", "2023-06-30"]);
    assert!(
        back.fails(1).contains("before the departure date"),
        "{}",
        back.stderr
    );
    office.run(&["return", &number, "--on", "2023-10-01"]).ok();
    let cancel = office.run(&["cancel", &number, "--reason", "WITHDRAWN"]);
    assert!(
        cancel.fails(1).contains("Returned and cannot be cancelled"),
        "{}",
        cancel.stderr
    );
}

#[test]
fn cancelling_voids_the_issued_letter_and_frees_the_person() {
    let office = Office::new();
    let number = recommended(&office);
    office
        .run(&[
            "cancel",
            &number,
            "--reason",
            "mengundurkan diri",
            "--note",
            "family reasons",
        ])
        .ok();
    let rec = office
        .run(&[
            "recommendation",
            "show",
            "B.0001/BP3MI-SB/VI/2023",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(rec["status"], "VOID");
    let shown = office
        .run(&["worker", "show", &number, "--format", "json"])
        .json();
    assert_eq!(shown["record"]["stage"], "CANCELLED");
    assert_eq!(shown["record"]["cancel_reason"], "WITHDRAWN");
    office.register("1371021508900001", "Budi", &[]).ok();
}

/// Issue 20: a departure with most of the checklist missing, or before its passport was issued,
/// is not recorded without the clerk accepting the warnings; accepted, they are in the audit log.
#[test]
fn a_departure_with_documents_lacking_or_before_its_passport_warns() {
    let office = Office::new();
    let number = recommended(&office);
    let letters = office
        .run(&["recommendation", "list", "--format", "json"])
        .json();
    let letter = letters[0]["letter_number"].as_str().unwrap().to_string();
    office
        .run(&[
            "recommendation",
            "used",
            &letter,
            "--passport",
            "C1234567",
            "--issued",
            "2023-06-20",
        ])
        .ok();
    let early = office.run(&["--lang", "id", "depart", &number, "--on", "2023-06-15"]);
    let stderr = early.fails(1);
    assert!(stderr.contains("belum lengkap untuk berangkat"), "{stderr}");
    assert!(stderr.contains("Visa kerja"), "names what lacks: {stderr}");
    assert!(stderr.contains("sebelum paspor terbit"), "{stderr}");
    assert!(stderr.contains("--accept-warnings"), "{stderr}");
    let shown = office.run(&["worker", "show", &number, "--format", "json"]);
    assert!(!shown.ok().contains("DEPARTED"), "nothing saved");
    office
        .run(&["depart", &number, "--on", "2023-06-21", "--accept-warnings"])
        .ok();
    let log = office.run(&["log", "--format", "csv"]).ok().to_string();
    assert!(log.contains("DEPARTURE_DOCUMENTS_LACKING"), "{log}");
    assert!(
        !log.contains("DEPARTURE_BEFORE_PASSPORT"),
        "not on the 21st: {log}"
    );
}
