//! Text is text: what a clerk types or pastes cannot carry terminal escapes, and nothing leaves
//! pmi-desk in a CSV file in a form a spreadsheet would run as a formula.

use crate::util::Office;

#[test]
fn a_name_that_a_spreadsheet_would_run_is_refused_at_entry() {
    let office = Office::new();
    let run = office.register("1371021508900001", "=10+20+cmd|' /C calc'!A0", &[]);
    assert!(run.fails(1).contains("formula"), "{}", run.stderr);
    assert_eq!(office.count("persons"), 0);
}

#[test]
fn control_characters_are_refused_with_their_position() {
    let office = Office::new();
    let run = office.register(
        "1371021508900001",
        "Budi",
        &["--address", "Jl. \u{1b}[31mMerah"],
    );
    let err = run.fails(1);
    assert!(
        err.contains("U+001B") && err.contains("position 5"),
        "{err}"
    );
    let run = office.register("1371021508900001", "Bu\u{7}di", &[]);
    assert!(run.fails(1).contains("U+0007"), "{}", run.stderr);
    assert_eq!(office.count("persons"), 0);
}

#[test]
fn formulas_leave_only_as_text_and_the_exchange_round_trip_is_unchanged() {
    let office = Office::new();
    office
        .register(
            "1371021508900001",
            "Budi",
            &[
                "--phone",
                "081234567890",
                "--address",
                "-",
                "--format",
                "json",
            ],
        )
        .ok();
    let case = office
        .run(&[
            "open-case",
            "--category",
            "UNPAID_WAGES",
            "--reported-on",
            "2023-09-01",
            "--nik",
            "1371021508900001",
            "--summary",
            "=HYPERLINK(\"http://x\",\"klik\")",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(
        case["summary"], "=HYPERLINK(\"http://x\",\"klik\")",
        "stored as typed"
    );
    office.run(&["export", "--out", "sent"]).ok();
    let persons = std::fs::read_to_string(office.path("sent").join("persons.csv")).unwrap();
    assert!(persons.contains(",'+6281234567890,"), "{persons}");
    assert!(persons.contains(",'-,"), "{persons}");
    let cases = std::fs::read_to_string(office.path("sent").join("cases.csv")).unwrap();
    assert!(cases.contains("\"'=HYPERLINK("), "{cases}");
    for line in persons.lines().chain(cases.lines()) {
        for cell in line.split(',') {
            assert!(
                !cell
                    .trim_start_matches('"')
                    .starts_with(['=', '+', '-', '@']),
                "a cell a spreadsheet would run: {cell}"
            );
        }
    }
    let other = Office::new();
    other
        .run(&["import", office.path("sent").to_str().unwrap()])
        .ok();
    other.run(&["export", "--out", "again"]).ok();
    for file in ["persons.csv", "cases.csv", "placements.csv"] {
        assert_eq!(
            crate::util::read(&office.path("sent").join(file)),
            crate::util::read(&other.path("again").join(file)),
            "{file}"
        );
    }
    let shown = other
        .run(&["worker", "show", "1371021508900001", "--format", "json"])
        .json();
    assert_eq!(
        shown["record"]["phone"], "+6281234567890",
        "the escape is removed on import"
    );
    let listed = office
        .run(&["worker", "show", "1371021508900001", "--format", "csv"])
        .ok()
        .to_string();
    assert!(
        listed.contains(",'+6281234567890,"),
        "listings as CSV too: {listed}"
    );
}
