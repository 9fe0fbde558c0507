//! `log`: the audit log found by a record's number or a NIK, in local time, with readable changes.

use crate::util::Office;

/// Regression: `log --record REG-2023-00001` found nothing; only the uid worked.
#[test]
fn log_finds_a_record_by_its_number_or_nik() {
    let office = Office::new();
    let budi = office
        .register("1371021508900001", "Budi", &["--format", "json"])
        .json();
    office.register("1371021508900002", "Andi", &[]).ok();
    office
        .run(&[
            "worker",
            "edit",
            "REG-2023-00001",
            "--address",
            "Jl. Baru 1",
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
    let case = office
        .run(&[
            "open-case",
            "--category",
            "UNPAID_WAGES",
            "--reported-on",
            "2023-09-01",
            "--nik",
            "1371021508900001",
            "--format",
            "json",
        ])
        .json();
    let case_number = case["case_number"].as_str().unwrap();
    office.run(&["case", "note", case_number, "Ditelepon"]).ok();

    let uids = |args: &[&str]| -> Vec<(String, String)> {
        let run = office.run(&[&["log", "--format", "csv"], args].concat());
        let mut reader = csv::Reader::from_reader(run.ok().as_bytes());
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[3].to_string(), r[4].to_string())
            })
            .collect()
    };
    let placement_uid = budi["placement_uid"].as_str().unwrap();
    let person_uid = budi["person_uid"].as_str().unwrap();
    let by_number = uids(&["--record", "REG-2023-00001"]);
    assert!(
        by_number.iter().any(|(_, uid)| uid == placement_uid),
        "{by_number:?}"
    );
    assert!(
        by_number.iter().any(|(kind, _)| kind == "document"),
        "{by_number:?}"
    );
    assert!(
        by_number.iter().any(|(_, uid)| uid == person_uid),
        "{by_number:?}"
    );
    assert!(
        !by_number.iter().any(|(kind, _)| kind == "case"),
        "only this placement's records: {by_number:?}"
    );
    assert_eq!(uids(&["--record", "reg-2023-00001"]), by_number, "any case");
    assert_eq!(
        uids(&["--record", placement_uid]),
        by_number,
        "the uid names the same placement"
    );
    let by_nik = uids(&["--record", "1371021508900001"]);
    assert!(
        by_nik.iter().any(|(_, uid)| uid == person_uid),
        "{by_nik:?}"
    );
    assert!(
        by_nik.iter().any(|(_, uid)| uid == placement_uid),
        "{by_nik:?}"
    );
    let by_case = uids(&["--record", case_number]);
    assert!(
        by_case.iter().any(|(kind, _)| kind == "case"),
        "{by_case:?}"
    );
    assert!(
        by_case.iter().any(|(kind, _)| kind == "case_event"),
        "{by_case:?}"
    );
    assert!(uids(&["--record", "REG-2023-00002"])
        .iter()
        .all(|(_, uid)| uid != placement_uid));
    let none = office.run(&["log", "--record", "REG-2099-00001"]);
    assert!(none.ok().contains("Nothing found"), "{}", none.stdout);
}

/// Regression: times were shown in UTC and changes as raw JSON.
#[test]
fn log_shows_local_times_and_changes_as_field_old_new() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let at = [
        ("PMI_DESK_NOW", "2023-11-08T10:00:00Z"),
        ("TZ", "Asia/Jakarta"),
    ];
    office
        .run_with(
            &[
                "worker",
                "edit",
                "REG-2023-00001",
                "--address",
                "Jl. Lama 1",
            ],
            &at,
        )
        .ok();
    let later = [
        ("PMI_DESK_NOW", "2023-11-08T10:05:00Z"),
        ("TZ", "Asia/Jakarta"),
    ];
    office
        .run_with(
            &[
                "worker",
                "edit",
                "REG-2023-00001",
                "--address",
                "Jl. Baru 2",
            ],
            &later,
        )
        .ok();
    let table = office.run_with(&["--lang", "id", "log", "--record", "REG-2023-00001"], &at);
    let table = table.ok();
    assert!(table.contains("2023-11-08 17:05"), "WIB, UTC+7: {table}");
    assert!(!table.contains("10:05"), "{table}");
    assert!(table.contains("alamat: Jl. Lama 1 → Jl. Baru 2"), "{table}");
    assert!(table.contains("alamat: Jl. Lama 1"), "{table}");
    assert!(
        table.contains("orang") && table.contains("diubah"),
        "{table}"
    );
    // CSV and JSON keep the stored UTC times and the stored changes.
    let csv = office.run_with(
        &["log", "--record", "REG-2023-00001", "--format", "csv"],
        &at,
    );
    assert!(csv.ok().contains("2023-11-08T10:05:00"), "{}", csv.stdout);
    assert!(
        csv.stdout
            .contains(r#""{""address"":[""Jl. Lama 1"",""Jl. Baru 2""]}""#),
        "{}",
        csv.stdout
    );
    assert!(
        csv.stdout.contains(",person,") && csv.stdout.contains(",update,"),
        "{}",
        csv.stdout
    );
}

/// Regression: `log --lang id` showed `setting`, `set`, `print`, `refusal_details` raw.
#[test]
fn every_kind_and_action_of_the_log_reads_in_indonesian() {
    let (office, _) = Office::with_first_letter();
    office
        .run(&["letter", "B.0001/BP3MI-SB/XI/2023", "--out", "surat.pdf"])
        .ok();
    office
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
        .ok();
    office
        .run(&["recommend-passport", "REG-2023-00002"])
        .fails(1);
    let csv = office
        .run(&["log", "--format", "csv", "--limit", "1000"])
        .ok()
        .to_string();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (kind, action) = (at("record_kind"), at("action"));
    let mut pairs: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[kind].to_string(), r[action].to_string())
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    let table = office
        .run(&["--lang", "id", "--wide", "log", "--limit", "1000"])
        .ok()
        .to_string();
    for (kind, action) in &pairs {
        for code in [kind, action] {
            let raw = table.split_whitespace().any(|w| w == code.as_str());
            assert!(!raw, "'{code}' shown raw in:\n{table}");
        }
    }
    assert!(pairs.len() >= 6, "{pairs:?}");
}

/// Regression: a listing of hundreds of workers as CSV or JSON left no trace.
#[test]
fn a_listing_read_out_in_bulk_is_recorded_and_a_glance_is_not() {
    let office = Office::empty();
    office.run(&["demo"]).ok();
    let csv = office
        .run(&["worker", "list", "--all", "--format", "csv"])
        .ok()
        .to_string();
    let rows = csv.lines().count() - 1;
    assert!(rows >= 100, "{rows}");
    office
        .run(&["worker", "list", "--limit", "5", "--format", "json"])
        .ok();
    let log = office.run(&["log", "--format", "json", "--all"]).json();
    let read_outs: Vec<&serde_json::Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "read_out")
        .collect();
    assert_eq!(read_outs.len(), 1, "{read_outs:?}");
    let entry = read_outs[0].to_string();
    assert!(entry.contains("worker list --all --format csv"), "{entry}");
    assert!(entry.contains(&rows.to_string()), "{entry}");
}

/// Regression: a query written out, a listing read out and a trusted key showed `query`,
/// `listing` and `trust` raw in `log --lang id`.
#[test]
fn a_query_a_read_out_and_a_trusted_key_read_in_indonesian() {
    let office = Office::new();
    office
        .run(&["query", "SELECT 1 AS x", "--out", "x.csv"])
        .ok();
    let other = Office::with_code("PADANG");
    other.run(&["exchange", "key", "--out", "padang.json"]).ok();
    office
        .run(&[
            "exchange",
            "trust",
            other.path("padang.json").to_str().unwrap(),
        ])
        .ok();
    let table = office
        .run(&["--lang", "id", "log", "--limit", "1000"])
        .ok()
        .to_string();
    for label in [
        "kueri",
        "dibaca keluar",
        "kunci dipercaya",
        "situs pertukaran",
    ] {
        assert!(table.contains(label), "'{label}' missing in:\n{table}");
    }
    for raw in ["query", "read_out", "trust", "site"] {
        let shown = table.split_whitespace().any(|w| w == raw);
        assert!(!shown, "'{raw}' shown raw in:\n{table}");
    }
}

/// Regression: a printed letter's entry read `printed_to: ...; document: ...` in Indonesian.
#[test]
fn a_printed_letter_names_where_it_went_in_indonesian() {
    let (office, _) = Office::with_first_letter();
    office
        .run(&["letter", "B.0001/BP3MI-SB/XI/2023", "--out", "surat.txt"])
        .ok();
    let table = office
        .run(&["--lang", "id", "log", "--limit", "1000"])
        .ok()
        .to_string();
    assert!(table.contains("dicetak ke: "), "{table}");
    assert!(table.contains("dokumen: B.0001"), "{table}");
    assert!(!table.contains("printed_to"), "{table}");
}

/// Regression: `log --since 2026-12-03T13:35` (a time without seconds or zone) was refused with a
/// message about PMI_DESK_NOW, naming the wrong source.
#[test]
fn log_since_takes_a_time_without_seconds_and_a_bad_one_names_the_option() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let all = office.run(&["log", "--since", "2023-11-08T00:00", "--format", "csv"]);
    assert!(all.ok().contains("register"), "{}", all.stdout);
    let none = office.run(&["log", "--since", "2023-11-09 08:30", "--format", "csv"]);
    assert!(!none.ok().contains("register"), "{}", none.stdout);
    let bad = office.run(&["--lang", "id", "log", "--since", "kemarin"]);
    let err = bad.fails(2);
    assert!(err.contains("--since 'kemarin' tidak valid"), "{err}");
    assert!(!err.contains("PMI_DESK_NOW"), "{err}");
}

/// Issue 20: today's work first. `log --limit 3` gives the three newest entries, and the
/// listings of workers and recommendations the newest first; `--oldest-first` the other way.
#[test]
fn lists_show_the_newest_first_unless_asked_otherwise() {
    let office = Office::new();
    for (nik, name, on) in [
        ("1371021508900001", "Awal", "2023-01-10"),
        ("1371021508900002", "Tengah", "2023-05-10"),
        ("1371021508900003", "Akhir", "2023-11-01"),
    ] {
        office.register(nik, name, &["--registered-on", on]).ok();
    }
    let names = |args: &[&str]| -> Vec<String> {
        let listed = office.run(&[args, &["--format", "json"]].concat()).json();
        listed
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["full_name"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(names(&["worker", "list"]), ["Akhir", "Tengah", "Awal"]);
    assert_eq!(
        names(&["worker", "list", "--oldest-first"]),
        ["Awal", "Tengah", "Akhir"]
    );
    let log = office
        .run(&["log", "--limit", "1", "--format", "json"])
        .json();
    assert!(
        log[0]["changes"]
            .as_str()
            .unwrap()
            .contains("REG-2023-00003"),
        "the newest entry, the last placement: {log}"
    );
    let log = office
        .run(&["log", "--limit", "1", "--oldest-first", "--format", "json"])
        .json();
    assert!(
        log[0]["changes"].as_str().unwrap().contains("office.code"),
        "the oldest entry, the office set up at init: {log}"
    );
}

/// Issue 20 (item 4): in Indonesian the log says what codes mean: "Terdaftar → Batal",
/// not "REGISTERED → CANCELLED".
#[test]
fn the_log_says_codes_as_words_in_indonesian() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    office
        .run(&["cancel", "REG-2023-00001", "--reason", "WITHDRAWN"])
        .ok();
    let log = office.run(&[
        "--lang",
        "id",
        "log",
        "--record",
        "REG-2023-00001",
        "--wide",
    ]);
    let shown = log.ok();
    assert!(shown.contains("Terdaftar → Batal"), "{shown}");
    assert!(shown.contains("Mengundurkan diri"), "{shown}");
    assert!(!shown.contains("REGISTERED"), "{shown}");
    let created = office
        .run(&["--lang", "id", "log", "--wide"])
        .ok()
        .to_string();
    assert!(created.contains("Kota Padang (1371)"), "{created}");
    assert!(created.contains("Malaysia (MY)"), "{created}");
    let csv = office.run(&["log", "--record", "REG-2023-00001", "--format", "csv"]);
    assert!(csv.ok().contains("REGISTERED"), "programs keep the codes");
}
