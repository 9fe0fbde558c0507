//! `report` and `query`: figures that are right, say what they count, and match what was published.

use crate::util::{snapshot, Office};

/// Departs a worker on `departed` (registered and recommended a month before).
fn departed(office: &Office, nik: &str, extra: &[&str], departed: &str) -> String {
    let registered = format!("{}-01", &departed[..7]);
    let number = office.ready_for_passport(
        nik,
        &format!("W{}", &nik[12..]),
        &[extra, &["--registered-on", &registered]].concat(),
    );
    office
        .run(&["recommend-passport", &number, "--on", &registered])
        .ok();
    office
        .run(&[
            "depart",
            &number,
            "--on",
            departed,
            "--passport",
            "C1234567",
            "--accept-warnings",
        ])
        .ok();
    number
}

/// A small office with known numbers around the year 2022/2023 boundary.
fn fixture() -> Office {
    let office = Office::new();
    departed(&office, "1371021508900001", &[], "2022-01-01");
    departed(
        &office,
        "1371021508900002",
        &["--scheme", "G2G", "--country", "KR"],
        "2022-12-31",
    );
    let back = departed(
        &office,
        "1371025508900003",
        &["--sex", "P", "--accept-warnings"],
        "2022-12-15",
    );
    office.run(&["return", &back, "--on", "2023-01-20"]).ok();
    departed(
        &office,
        "1306021508900004",
        &["--regency", "1306", "--country", "JP"],
        "2023-01-01",
    );
    // Waiting and cancelled applications are not placements.
    office
        .register(
            "1371021508900005",
            "Waiting",
            &["--registered-on", "2022-06-01"],
        )
        .ok();
    office
        .register(
            "1371021508900006",
            "Cancelled",
            &["--registered-on", "2022-06-01"],
        )
        .ok();
    office
        .run(&["cancel", "1371021508900006", "--reason", "WITHDRAWN"])
        .ok();
    office
}

fn json_rows(office: &Office, args: &[&str]) -> (serde_json::Value, Vec<(String, i64)>) {
    let doc = office.run(&[args, &["--format", "json"]].concat()).json();
    let rows = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let obj = r.as_object().unwrap();
            let key: Vec<String> = obj
                .iter()
                .filter(|(k, _)| *k != "count")
                .map(|(_, v)| v.as_str().unwrap_or("").to_string())
                .collect();
            (key.join("/"), r["count"].as_i64().unwrap())
        })
        .collect();
    (doc, rows)
}

#[test]
fn placements_count_departures_in_the_inclusive_period_only() {
    let office = fixture();
    let (doc, rows) = json_rows(
        &office,
        &["report", "placements", "--year", "2022", "--by", "scheme"],
    );
    assert_eq!(
        doc["total"], 3,
        "1 Jan and 31 Dec count; the 2023 departure, the waiting and the cancelled do not"
    );
    assert_eq!(
        rows,
        [
            ("G2G".into(), 1),
            ("P3MI".into(), 0),
            ("UKPS".into(), 0),
            ("MANDIRI".into(), 2)
        ],
        "all four schemes appear"
    );
    assert_eq!(doc["period"]["from"], "2022-01-01");
    assert_eq!(doc["period"]["to"], "2022-12-31");
    assert!(doc["definition"].as_str().unwrap().contains("departed"));
    let (doc, _) = json_rows(
        &office,
        &[
            "report",
            "placements",
            "--from",
            "2022-01-02",
            "--to",
            "2022-12-30",
        ],
    );
    assert_eq!(doc["total"], 1, "both boundary days excluded");
    let (doc, _) = json_rows(&office, &["report", "placements", "--year", "2023"]);
    assert_eq!(
        doc["total"], 1,
        "the worker who came home in 2023 was placed in 2022"
    );
}

#[test]
fn two_dimensions_give_a_row_per_combination() {
    let office = fixture();
    let (_, rows) = json_rows(
        &office,
        &[
            "report",
            "placements",
            "--year",
            "2022",
            "--by",
            "country,sex",
        ],
    );
    assert_eq!(
        rows,
        [
            ("MY/L".into(), 1),
            ("MY/P".into(), 1),
            ("KR/L".into(), 1),
            ("KR/P".into(), 0)
        ]
    );
    let (_, months) = json_rows(
        &office,
        &["report", "placements", "--year", "2022", "--by", "month"],
    );
    assert_eq!(months.len(), 12, "every month of the year appears");
    assert_eq!(months[11], ("2022-12".into(), 2));
}

#[test]
fn registrations_show_what_became_of_the_applications() {
    let office = fixture();
    let (doc, rows) = json_rows(
        &office,
        &["report", "registrations", "--year", "2022", "--by", "stage"],
    );
    assert_eq!(doc["total"], 5);
    let stage = |s: &str| rows.iter().find(|(k, _)| k == s).map(|(_, n)| *n);
    assert_eq!(stage("REGISTERED"), Some(1));
    assert_eq!(stage("DEPARTED"), Some(2));
    assert_eq!(stage("RETURNED"), Some(1));
    assert_eq!(stage("CANCELLED"), Some(1));
}

#[test]
fn case_handling_follows_the_as_of_date() {
    let office = Office::new();
    office
        .run(&[
            "open-case",
            "--category",
            "SICK",
            "--reported-on",
            "2023-03-01",
            "--person-name",
            "A",
        ])
        .ok();
    office
        .run(&[
            "case",
            "resolve",
            "BP3MI-SB-K-2023-0001",
            "--outcome",
            "dirawat",
            "--on",
            "2023-06-01",
        ])
        .ok();
    let handling = |as_of: &str| {
        json_rows(
            &office,
            &[
                "report", "cases", "--year", "2023", "--by", "handling", "--as-of", as_of,
            ],
        )
        .1
    };
    assert_eq!(
        handling("2023-05-31"),
        [("DONE".into(), 0), ("IN_PROCESS".into(), 1)]
    );
    assert_eq!(
        handling("2023-06-01"),
        [("DONE".into(), 1), ("IN_PROCESS".into(), 0)]
    );
}

#[test]
fn compare_adds_the_earlier_figure_and_the_change() {
    let office = fixture();
    let doc = office
        .run(&[
            "report",
            "placements",
            "--year",
            "2023",
            "--compare",
            "previous-year",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(doc["total"], 1);
    assert_eq!(doc["compared"]["total"], 3);
    assert_eq!(doc["compared"]["period"]["from"], "2022-01-01");
    let csv = office.run(&[
        "report",
        "placements",
        "--year",
        "2023",
        "--by",
        "scheme",
        "--compare",
        "previous-year",
        "--format",
        "csv",
    ]);
    assert!(
        csv.ok().starts_with("scheme,count,previous,change\n"),
        "{}",
        csv.stdout
    );
    assert!(csv.stdout.contains("MANDIRI,1,2,-1"), "{}", csv.stdout);
}

#[test]
fn the_three_formats_match_their_snapshots() {
    let office = fixture();
    let args = [
        "report",
        "placements",
        "--year",
        "2022",
        "--by",
        "scheme",
        "--as-of",
        "2023-11-08",
    ];
    snapshot("report.txt", office.run(&args).ok());
    snapshot(
        "report.csv",
        office.run(&[&args[..], &["--format", "csv"]].concat()).ok(),
    );
    snapshot(
        "report.json",
        office
            .run(&[&args[..], &["--format", "json"]].concat())
            .ok(),
    );
    snapshot(
        "report_id.txt",
        office.run(&[&args[..], &["--lang", "id"]].concat()).ok(),
    );
}

#[test]
fn bad_periods_and_dimensions_are_refused() {
    let office = Office::new();
    office
        .run(&[
            "report",
            "placements",
            "--year",
            "2022",
            "--month",
            "2022-01",
        ])
        .fails(2);
    office
        .run(&["report", "placements", "--by", "colour"])
        .fails(2);
    office.run(&["report", "cases", "--by", "scheme"]).fails(2);
    office
        .run(&[
            "report",
            "placements",
            "--from",
            "2023-02-01",
            "--to",
            "2023-01-01",
        ])
        .fails(1);
    office
        .run(&["report", "placements", "--month", "2023-13"])
        .fails(1);
}

#[test]
fn report_out_writes_a_private_file() {
    let office = fixture();
    office
        .run(&[
            "report",
            "summary",
            "--year",
            "2022",
            "--out",
            "summary.txt",
        ])
        .ok();
    let text = std::fs::read_to_string(office.path("summary.txt")).unwrap();
    assert!(
        text.contains("Penempatan PMI (berangkat): 3 orang"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(office.path("summary.txt"))
                .unwrap()
                .permissions()
                .mode()
                & 0o077,
            0
        );
    }
}

#[test]
fn report_out_chooses_the_format_by_the_extension() {
    let office = fixture();
    let report = |file: &str| {
        office.run(&[
            "report",
            "placements",
            "--year",
            "2022",
            "--by",
            "scheme",
            "--out",
            file,
        ])
    };
    report("tempat.csv").ok();
    let csv = std::fs::read_to_string(office.path("tempat.csv")).unwrap();
    assert!(csv.starts_with("scheme,count\n"), "{csv}");
    assert!(
        csv.contains("G2G,1\n") && csv.contains("MANDIRI,2\n"),
        "{csv}"
    );
    report("tempat.json").ok();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(office.path("tempat.json")).unwrap())
            .unwrap();
    assert_eq!(json["total"], 3);
    assert_eq!(json["report"], "placements");
    report("tempat.txt").ok();
    let table = std::fs::read_to_string(office.path("tempat.txt")).unwrap();
    assert!(
        table.contains("Total") && table.contains("Period"),
        "{table}"
    );
    // Unknown extensions and a PDF of a report other than the summary.
    for file in ["tempat.doc", "tempat.pdf", "tempat"] {
        let run = report(file);
        assert!(
            run.fails(2).contains(".csv, .json, .txt, .xlsx"),
            "{}",
            run.stderr
        );
        assert!(!office.path(file).exists(), "{file} was written");
    }
}

#[test]
fn the_summary_is_written_as_a_pdf_with_its_figures() {
    let office = fixture();
    let summary = |file: &str| office.run(&["report", "summary", "--year", "2022", "--out", file]);
    summary("ringkasan.pdf").ok();
    let file = office.path("ringkasan.pdf");
    assert!(std::fs::read(&file).unwrap().starts_with(b"%PDF-"));
    let text = crate::pdf::text(&file);
    for expected in [
        "RINGKASAN DATA BP3MI SUMATERA BARAT",
        "Periode",
        "Penempatan PMI (berangkat): 3 orang",
        "G2G: 1",
        "MANDIRI: 2",
        "Pengaduan PMI: 0 kasus",
        "Definisi:",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    assert_eq!(crate::pdf::pages(&file), 1, "the summary is one page");
    summary("ringkasan.csv").ok();
    let csv = std::fs::read_to_string(office.path("ringkasan.csv")).unwrap();
    assert!(csv.starts_with("section,dimension,code,count\n"), "{csv}");
    assert!(csv.contains("placements,scheme,MANDIRI,2\n"), "{csv}");
    let run = summary("ringkasan.doc");
    assert!(run.fails(2).contains(".pdf"), "{}", run.stderr);
    assert!(!office.path("ringkasan.doc").exists());
}

#[test]
fn the_demo_reproduces_the_published_figures() {
    let office = Office::empty();
    let now = [("PMI_DESK_NOW", "2026-11-28")];
    office
        .run_with(&["demo", "--db", office.db.to_str().unwrap()], &now)
        .ok();
    let summary = office
        .run_with(
            &[
                "report",
                "summary",
                "--from",
                "2023-01-01",
                "--to",
                "2023-11-08",
                "--format",
                "json",
            ],
            &now,
        )
        .json();
    let placements = &summary["placements"]["scheme"];
    assert_eq!(placements["total"], 816);
    assert_eq!(placements["by"]["G2G"], 12);
    assert_eq!(placements["by"]["P3MI"], 497);
    assert_eq!(placements["by"]["MANDIRI"], 307);
    assert_eq!(summary["cases"]["category"]["by"]["TRAFFICKING"], 5);
    let returns = &summary["repatriations"]["category"]["by"];
    assert_eq!(
        (
            returns["TROUBLED"].as_i64(),
            returns["DECEASED"].as_i64(),
            returns["SICK"].as_i64()
        ),
        (Some(13), Some(6), Some(2))
    );
    let text = office.run_with(
        &[
            "report",
            "summary",
            "--from",
            "2023-01-01",
            "--to",
            "2023-11-08",
        ],
        &now,
    );
    assert!(
        text.ok().contains("Periode 1 Januari - 8 November 2023"),
        "{}",
        text.stdout
    );
    let y2022 = office
        .run_with(
            &["report", "placements", "--year", "2022", "--format", "json"],
            &now,
        )
        .json();
    assert_eq!(y2022["total"], 581);
    let y2025 = office
        .run_with(
            &[
                "report",
                "placements",
                "--year",
                "2025",
                "--by",
                "country",
                "--format",
                "json",
            ],
            &now,
        )
        .json();
    assert_eq!(y2025["total"], 522);
    assert_eq!(y2025["rows"][0]["country"], "JP");
    assert_eq!(y2025["rows"][0]["count"], 472);
}

#[test]
fn query_reads_views_and_refuses_anything_else() {
    let office = fixture();
    let rows = office.run(&["query", "SELECT regency_name, sex_label, count(*) AS n FROM v_placements WHERE departed_year = 2022 GROUP BY 1, 2 ORDER BY 1, 2", "--format", "json"]).json();
    assert_eq!(rows[0]["regency_name"], "Kota Padang");
    assert_eq!(rows[0]["sex_label"], "Laki-laki");
    assert_eq!(rows[0]["n"], 2);
    for statement in [
        "DELETE FROM persons",
        "UPDATE persons SET full_name = 'x'",
        "ATTACH DATABASE 'other.db' AS other",
        "PRAGMA journal_mode = DELETE",
        "SELECT 1; DROP TABLE persons",
        "WITH x AS (SELECT 1) DELETE FROM persons",
        "-- a comment\nINSERT INTO settings VALUES ('a', 'b')",
    ] {
        let run = office.run(&["query", statement]);
        assert!(!run.fails(1).is_empty(), "{statement}");
    }
    assert_eq!(office.count("persons"), 6);
    assert!(!office.path("other.db").exists());
}

/// Regression: `report cases --by category,status` printed ~100 rows, nearly all 0.
#[test]
fn a_two_dimension_table_leaves_out_zero_combinations_csv_keeps_them() {
    let office = Office::new();
    office
        .run(&[
            "open-case",
            "--category",
            "UNPAID_WAGES",
            "--reported-on",
            "2023-09-01",
            "--person-name",
            "Budi",
        ])
        .ok();
    let args = [
        "report",
        "cases",
        "--year",
        "2023",
        "--by",
        "category,status",
    ];
    let table = office.run(&args);
    let rows: Vec<&str> = table.ok().lines().filter(|l| l.starts_with('│')).collect();
    assert_eq!(
        rows.len(),
        3,
        "heading, the one case, total: {}",
        table.stdout
    );
    assert!(
        table.stdout.contains("Combinations of 0 not shown"),
        "{}",
        table.stdout
    );
    let csv = office.run(&[&args[..], &["--format", "csv"]].concat());
    assert!(
        csv.ok().lines().count() > 50,
        "every combination: {}",
        csv.stdout
    );
    assert!(csv.stdout.contains("UNPAID_WAGES,NEW,1"), "{}", csv.stdout);
    let json = office
        .run(&[&args[..], &["--format", "json"]].concat())
        .json();
    assert_eq!(
        json["rows"].as_array().unwrap().len(),
        csv.stdout.lines().count() - 1
    );
    // One dimension keeps its expected groups at zero, as before.
    let one = office.run(&["report", "cases", "--year", "2023", "--by", "status"]);
    assert!(one.ok().contains("Closed"), "{}", one.stdout);
}

/// Regression: issued letters were labelled "(unknown)" in the refusal-reason cut.
#[test]
fn issued_letters_are_labelled_as_not_refused_in_the_reason_cut() {
    let office = Office::new();
    let number = office.ready_for_passport(
        "1371021508900001",
        "Budi",
        &["--registered-on", "2023-06-01"],
    );
    office
        .run(&["recommend-passport", &number, "--on", "2023-06-10"])
        .ok();
    let args = [
        "report",
        "recommendations",
        "--year",
        "2023",
        "--by",
        "reason",
    ];
    let table = office.run(&args);
    assert!(
        table.ok().contains("(not refused: letter issued)"),
        "{}",
        table.stdout
    );
    assert!(!table.stdout.contains("unknown"), "{}", table.stdout);
    let id = office.run(&[&["--lang", "id"], &args[..]].concat());
    assert!(
        id.ok().contains("(tidak ditolak: surat diterbitkan)"),
        "{}",
        id.stdout
    );
    let csv = office.run(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(csv.ok(), "reason,count\n,1\n", "CSV keeps the empty code");
}

/// Issue 20 (item 12): `--month 11-2023` was refused; a month is written day first too, without
/// the day.
#[test]
fn a_month_may_be_written_month_first_like_a_date() {
    let office = fixture();
    let report = |month: &str| {
        let run = office.run(&["report", "placements", "--month", month, "--by", "country"]);
        run.ok().to_string()
    };
    let iso = report("2023-11");
    assert!(iso.contains("Period: 2023-11-01 to 2023-11-30"), "{iso}");
    assert_eq!(report("11-2023"), iso);
    assert_eq!(report("11/2023"), iso);
    assert_eq!(report("1-2023"), report("2023-01"));
    for bad in ["13-2023", "2023/11", "11-23", "2023-11-01"] {
        let run = office.run(&["--lang", "id", "report", "placements", "--month", bad]);
        let said = run.fails(1);
        assert!(said.contains("tulis YYYY-MM atau MM-YYYY"), "{bad}: {said}");
    }
}

/// Regression (issue 20): a letter whose passport was recorded (USED) or that was voided left
/// "Issued" at 0; issued letters count as issued in their period whatever became of them.
#[test]
fn letters_count_as_issued_in_their_period_whatever_became_of_them() {
    let office = Office::new();
    let mut letters = Vec::new();
    for (i, nik) in ["1371021508900001", "1371021508900002", "1371021508900003"]
        .iter()
        .enumerate()
    {
        let number =
            office.ready_for_passport(nik, &format!("W{i}"), &["--registered-on", "2023-06-01"]);
        let letter = office
            .run(&[
                "recommend-passport",
                &number,
                "--on",
                "2023-06-10",
                "--format",
                "json",
            ])
            .json();
        letters.push(letter["letter_number"].as_str().unwrap().to_string());
    }
    office
        .run(&[
            "recommendation",
            "used",
            &letters[0],
            "--passport",
            "C1234567",
            "--issued",
            "2023-06-20",
        ])
        .ok();
    office
        .run(&[
            "recommendation",
            "void",
            &letters[1],
            "--reason",
            "Salah ketik nama",
        ])
        .ok();
    let refused =
        office.ready_for_passport("1371021508900004", "W3", &["--registered-on", "2023-06-01"]);
    office
        .run(&[
            "recommend-passport",
            &refused,
            "--on",
            "2023-06-10",
            "--refuse",
            "TRAFFICKING_INDICATION",
            "--note",
            "Keterangan tidak sesuai",
        ])
        .fails(1);
    let by_status = [
        "report",
        "recommendations",
        "--year",
        "2023",
        "--by",
        "status",
    ];
    let (doc, rows) = json_rows(&office, &by_status);
    assert_eq!(
        rows,
        [("ISSUED".into(), 3), ("REFUSED".into(), 1)],
        "three letters were issued in June, one was refused"
    );
    assert_eq!(doc["total"], 4);
    assert!(
        doc["definition"]
            .as_str()
            .unwrap()
            .contains("even if it was used or voided later"),
        "{doc}"
    );
    let id = office.run(&[&["--lang", "id"], &by_status[..]].concat());
    let issued = id.ok().lines().find(|l| l.contains("Terbit")).unwrap_or("");
    assert!(issued.contains(" 3 "), "{}", id.stdout);
    // Without a cut the one figure is the total: no row with an empty label above it.
    let plain = office.run(&["report", "recommendations", "--year", "2023"]);
    let rows: Vec<&str> = plain.ok().lines().filter(|l| l.starts_with('│')).collect();
    assert_eq!(
        rows.len(),
        2,
        "the heading and the total:\n{}",
        plain.stdout
    );
    assert!(
        rows[1].contains("Total") && rows[1].contains('4'),
        "{}",
        plain.stdout
    );
}

/// Regression (issue 20): a trafficking case closed as handed to the police counted as done.
#[test]
fn a_case_handed_to_another_agency_is_still_in_process() {
    let office = Office::new();
    let open = |name: &str, category: &str| {
        office
            .run(&[
                "open-case",
                "--category",
                category,
                "--reported-on",
                "2023-09-01",
                "--person-name",
                name,
                "--format",
                "json",
            ])
            .json()["case_number"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let handed = open("Korban", "TPPO");
    office
        .run(&[
            "case",
            "refer",
            &handed,
            "--partner",
            "POLICE",
            "--on",
            "2023-09-05",
        ])
        .ok();
    office
        .run(&["case", "close", &handed, "--reason", "HANDED_TO_AGENCY"])
        .ok();
    let lapsed = open("Lapsed", "UNPAID_WAGES");
    office
        .run(&[
            "case",
            "note",
            &lapsed,
            "Diminta slip gaji",
            "--awaiting",
            "DOCUMENTS",
            "--contacted",
            "--on",
            "2023-09-02",
        ])
        .ok();
    office
        .run(&[
            "case",
            "close",
            &lapsed,
            "--reason",
            "DOCS_NOT_COMPLETED_30D",
        ])
        .ok();
    let resolved = open("Resolved", "SICK");
    office
        .run(&["case", "resolve", &resolved, "--outcome", "Dirawat"])
        .ok();
    let (doc, rows) = json_rows(
        &office,
        &["report", "cases", "--year", "2023", "--by", "handling"],
    );
    assert_eq!(
        rows,
        [("DONE".into(), 2), ("IN_PROCESS".into(), 1)],
        "resolved and lapsed are done; the police are still handling the trafficking case"
    );
    assert!(
        doc["definition"]
            .as_str()
            .unwrap()
            .contains("other than handed to another agency"),
        "{doc}"
    );
    let summary = office.run(&["report", "summary", "--year", "2023"]);
    assert!(
        summary
            .ok()
            .contains("Status penanganan: selesai 2, dalam proses 1"),
        "{}",
        summary.stdout
    );
}

/// Regression (issue 20): the summary ignored `--compare`, left out the counter's own work and
/// wrote its CSV without the period and as-of date. Hand-counted on the fixture: in 2023 one
/// departure, one registration and one letter issued (the letter since used for the passport);
/// in 2022 three, five and three.
#[test]
fn the_summary_compares_counts_the_counters_work_and_dates_its_csv() {
    let office = fixture();
    let text = office.run(&[
        "report",
        "summary",
        "--year",
        "2023",
        "--compare",
        "previous-period",
    ]);
    for expected in [
        "Periode 1 Januari - 31 Desember 2023 (data per 8 November 2023); dibandingkan dengan 1 Januari - 31 Desember 2022",
        "1. Penempatan PMI (berangkat): 1 orang (sebelumnya 3, -2)",
        "   - MANDIRI: 1 (sebelumnya 2, -1)",
        "2. Pendaftaran CPMI: 1 orang (sebelumnya 5, -4)",
        "   Rekomendasi paspor: terbit 1 (sebelumnya 3, -2), ditolak 0 (sebelumnya 0, +0)",
    ] {
        assert!(text.ok().contains(expected), "{expected} missing from:\n{}", text.stdout);
    }
    let plain = office.run(&["report", "summary", "--year", "2022"]);
    assert!(
        plain
            .ok()
            .contains("2. Pendaftaran CPMI: 5 orang\n   Rekomendasi paspor: terbit 3, ditolak 0\n"),
        "{}",
        plain.stdout
    );
    let doc = office
        .run(&[
            "report",
            "summary",
            "--year",
            "2023",
            "--compare",
            "previous-period",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(doc["registrations"]["scheme"]["total"], 1);
    assert_eq!(doc["registrations"]["scheme"]["previous"]["total"], 5);
    assert_eq!(doc["recommendations"]["status"]["by"]["ISSUED"], 1);
    assert_eq!(doc["compared"]["period"]["from"], "2022-01-01");
    office
        .run(&[
            "report",
            "summary",
            "--year",
            "2022",
            "--out",
            "ringkasan.csv",
        ])
        .ok();
    let csv = std::fs::read_to_string(office.path("ringkasan.csv")).unwrap();
    assert!(
        csv.starts_with(
            "section,dimension,code,count\n\
             report,period_from,2022-01-01,\n\
             report,period_to,2022-12-31,\n\
             report,as_of,2023-11-08,\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("registrations,scheme,MANDIRI,4\n"), "{csv}");
    assert!(csv.contains("recommendations,status,ISSUED,3\n"), "{csv}");
}
