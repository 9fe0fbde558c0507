//! `recommend-passport` and `recommendation`: eligibility, numbering, decisions recorded.

use std::process::Stdio;

use crate::util::Office;

fn refusal_codes(office: &Office, placement: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "recommend-passport",
        placement,
        "--check",
        "--format",
        "csv",
    ];
    args.extend_from_slice(extra);
    let run = office.run(&args);
    run.fails(1);
    run.stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn each_refusal_reason_on_its_own() {
    let office = Office::new();
    let docs = office
        .register("1371021508900001", "Docs", &[])
        .json_number();
    assert_eq!(refusal_codes(&office, &docs, &[]), "DOCS_INCOMPLETE");

    let young = office.ready_for_passport("1371021508900002", "Young", &[]);
    office.sql(
        "UPDATE persons SET birth_date = '2006-01-10', seq = seq + 1000000 WHERE full_name = 'Young'",
    );
    assert_eq!(
        refusal_codes(&office, &young, &["--accept-warnings"]),
        "UNDER_AGE"
    );

    let saudi = office.ready_for_passport(
        "1371021508900003",
        "Saudi",
        &[
            "--country",
            "SA",
            "--sector",
            "INFORMAL",
            "--accept-warnings",
        ],
    );
    assert_eq!(refusal_codes(&office, &saudi, &[]), "DESTINATION_CLOSED");

    let mismatch = office.ready_for_passport("1371021508900004", "Mismatch", &[]);
    office.sql("UPDATE persons SET sex = 'P', seq = seq + 1000000 WHERE full_name = 'Mismatch'");
    assert_eq!(refusal_codes(&office, &mismatch, &[]), "IDENTITY_MISMATCH");
    office
        .run(&[
            "recommend-passport",
            &mismatch,
            "--check",
            "--accept-warnings",
        ])
        .ok();

    let interview = office.ready_for_passport("1371021508900005", "Interview", &[]);
    assert_eq!(
        refusal_codes(
            &office,
            &interview,
            &["--refuse", "TPPO", "--note", "no contract"]
        ),
        "TRAFFICKING_INDICATION"
    );

    let twice = office.ready_for_passport("1371021508900006", "Twice", &[]);
    office.run(&["recommend-passport", &twice]).ok();
    assert_eq!(
        refusal_codes(&office, &twice, &[]),
        "ACTIVE_RECOMMENDATION_EXISTS"
    );
}

#[test]
fn several_reasons_are_reported_together_and_the_refusal_is_recorded() {
    let office = Office::new();
    let number = office
        .register(
            "1371021508900001",
            "Budi",
            &[
                "--country",
                "SA",
                "--sector",
                "INFORMAL",
                "--accept-warnings",
            ],
        )
        .json_number();
    let run = office.run(&[
        "recommend-passport",
        &number,
        "--refuse",
        "P3MI_PERMIT_INVALID",
        "--format",
        "json",
    ]);
    run.fails(1);
    let record: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(record["status"], "REFUSED");
    assert_eq!(
        record["refusal_reasons"],
        "DOCS_INCOMPLETE|DESTINATION_CLOSED|P3MI_PERMIT_INVALID"
    );
    assert_eq!(
        record["letter_number"], "B.0001/BP3MI-SB/XI/2023",
        "a refusal is numbered too: the refusal letter"
    );
    assert!(
        run.stderr.contains("refused and recorded"),
        "{}",
        run.stderr
    );
    let list = office.run(&[
        "recommendation",
        "list",
        "--status",
        "REFUSED",
        "--format",
        "csv",
    ]);
    assert_eq!(list.ok().lines().count(), 2);
    let shown = office
        .run(&["worker", "show", &number, "--format", "json"])
        .json();
    assert_eq!(
        shown["record"]["stage"], "REGISTERED",
        "a refusal does not move the placement"
    );
}

#[test]
fn check_records_nothing() {
    let office = Office::new();
    let number = office.ready_for_passport("1371021508900001", "Budi", &[]);
    let before = office.count("audit_log");
    let run = office.run(&["recommend-passport", &number, "--check"]);
    assert!(run.ok().contains("Eligible"), "{}", run.stdout);
    assert_eq!(office.count("recommendations"), 0);
    assert_eq!(office.count("audit_log"), before);
}

#[test]
fn issuing_numbers_the_letter_and_routes_it_to_the_right_immigration_office() {
    let office = Office::new();
    let padang = office.ready_for_passport("1371021508900001", "Padang", &[]);
    let agam = office.ready_for_passport("1306021508900002", "Agam", &["--regency", "1306"]);
    let first = office
        .run(&["recommend-passport", &padang, "--format", "json"])
        .json();
    assert_eq!(first["letter_number"], "B.0001/BP3MI-SB/XI/2023");
    assert_eq!(first["status"], "ISSUED");
    assert_eq!(first["valid_until"], "2023-12-08");
    assert!(first["immigration_office"]
        .as_str()
        .unwrap()
        .contains("TPI Padang"));
    let second = office
        .run(&["recommend-passport", &agam, "--format", "json"])
        .json();
    assert_eq!(second["letter_number"], "B.0002/BP3MI-SB/XI/2023");
    assert!(second["immigration_office"]
        .as_str()
        .unwrap()
        .contains("Agam"));
    let shown = office
        .run(&["worker", "show", &padang, "--format", "json"])
        .json();
    assert_eq!(shown["record"]["stage"], "RECOMMENDED");
}

#[test]
fn numbers_restart_each_year_and_a_voided_number_is_never_reused() {
    let office = Office::new();
    let a = office.ready_for_passport("1371021508900001", "A", &["--registered-on", "2023-10-01"]);
    let b = office.ready_for_passport("1371021508900002", "B", &["--registered-on", "2023-10-01"]);
    let c = office.ready_for_passport("1371021508900003", "C", &["--registered-on", "2023-10-01"]);
    let new_year = [("PMI_DESK_NOW", "2024-01-03")];
    let first = office
        .run_with(
            &[
                "recommend-passport",
                &a,
                "--on",
                "2023-12-29",
                "--format",
                "json",
            ],
            &new_year,
        )
        .json();
    assert_eq!(first["letter_number"], "B.0001/BP3MI-SB/XII/2023");
    office
        .run_with(
            &[
                "recommendation",
                "void",
                "B.0001/BP3MI-SB/XII/2023",
                "--reason",
                "salah nama",
            ],
            &new_year,
        )
        .ok();
    let again = office
        .run_with(
            &[
                "recommend-passport",
                &a,
                "--on",
                "2023-12-30",
                "--format",
                "json",
            ],
            &new_year,
        )
        .json();
    assert_eq!(
        again["letter_number"], "B.0002/BP3MI-SB/XII/2023",
        "the voided 0001 is not reused"
    );
    let january = office
        .run_with(&["recommend-passport", &b, "--format", "json"], &new_year)
        .json();
    assert_eq!(january["letter_number"], "B.0001/BP3MI-SB/I/2024");
    let later = office
        .run_with(&["recommend-passport", &c, "--format", "json"], &new_year)
        .json();
    assert_eq!(later["letter_number"], "B.0002/BP3MI-SB/I/2024");
}

#[test]
fn two_clerks_issuing_at_once_get_different_numbers() {
    let office = Office::new();
    let placements: Vec<String> = (1..=6)
        .map(|i| office.ready_for_passport(&format!("137102150890000{i}"), &format!("W{i}"), &[]))
        .collect();
    let children: Vec<_> = placements
        .iter()
        .map(|p| {
            office
                .command()
                .args(["recommend-passport", p, "--format", "json"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut numbers: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            v["letter_number"].as_str().unwrap().to_string()
        })
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=6)
        .map(|i| format!("B.000{i}/BP3MI-SB/XI/2023"))
        .collect();
    assert_eq!(numbers, expected);
}

#[test]
fn void_returns_the_placement_and_used_stores_the_passport() {
    let office = Office::new();
    let number = office.ready_for_passport("1371021508900001", "Budi", &[]);
    office.run(&["recommend-passport", &number]).ok();
    let letter = "B.0001/BP3MI-SB/XI/2023";
    office
        .run(&["recommendation", "void", letter, "--reason", "salah ketik"])
        .ok();
    assert_eq!(
        office
            .run(&["worker", "show", &number, "--format", "json"])
            .json()["record"]["stage"],
        "REGISTERED"
    );
    let again = office.run(&["recommendation", "void", letter, "--reason", "x"]);
    assert!(again.fails(1).contains("Void"), "{}", again.stderr);

    office.run(&["recommend-passport", &number]).ok();
    let used = office.run(&[
        "recommendation",
        "used",
        "b.0002/bp3mi-sb/xi/2023",
        "--passport",
        "C1234567",
        "--issued",
        "2023-11-08",
    ]);
    used.ok();
    let shown = office
        .run(&["worker", "show", &number, "--format", "json"])
        .json();
    assert_eq!(shown["record"]["passport_number"], "C1234567");
    let rec = office
        .run(&[
            "recommendation",
            "show",
            "B.0002/BP3MI-SB/XI/2023",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(rec["status"], "USED");
}

#[test]
fn an_issued_letter_past_its_validity_shows_as_expired_and_no_longer_blocks() {
    let office = Office::new();
    let number = office.ready_for_passport("1371021508900001", "Budi", &[]);
    office.run(&["recommend-passport", &number]).ok();
    let later = [("PMI_DESK_NOW", "2024-01-15")];
    let list = office.run_with(&["recommendation", "list", "--format", "csv"], &later);
    assert!(list.ok().contains(",EXPIRED,"), "{}", list.stdout);
    let renewed = office
        .run_with(&["recommend-passport", &number, "--format", "json"], &later)
        .json();
    assert_eq!(renewed["letter_number"], "B.0001/BP3MI-SB/I/2024");
}

trait JsonNumber {
    fn json_number(&self) -> String;
}

impl JsonNumber for crate::util::Run {
    fn json_number(&self) -> String {
        let _ = self.ok();
        self.stdout
            .split_whitespace()
            .find(|w| w.contains("-REG-"))
            .map(|w| w.trim_end_matches(':').to_string())
            .expect("registration number printed")
    }
}
