//! `open-case` and `case`: a case from opening to closure, the status machine and the deadlines.

use crate::util::Office;

/// Opens a case reported on 1 September 2023 (an unpaid-wages case unless `extra` says otherwise).
fn open(office: &Office, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["open-case", "--format", "json"];
    if !extra.contains(&"--reported-on") {
        args.extend(["--reported-on", "2023-09-01"]);
    }
    if !extra.contains(&"--category") {
        args.extend(["--category", "UNPAID_WAGES"]);
    }
    args.extend_from_slice(extra);
    office.run(&args).json()
}

#[test]
fn a_case_from_opening_to_resolution() {
    let office = Office::new();
    office
        .register("1371021508900001", "Budi Santoso", &[])
        .ok();
    let case = open(
        &office,
        &[
            "--nik",
            "1371021508900001",
            "--country",
            "Malaysia",
            "--channel",
            "langsung",
            "--complainant-name",
            "Rina",
            "--complainant-relation",
            "istri",
            "--summary",
            "Gaji 4 bulan belum dibayar",
        ],
    );
    assert_eq!(case["case_number"], "BP3MI-SB-K-2023-0001");
    assert_eq!(case["status"], "NEW");
    assert_eq!(
        case["full_name"], "Budi Santoso",
        "linked to the registered worker"
    );
    assert_eq!(office.count("persons"), 1);
    let number = case["case_number"].as_str().unwrap();

    office
        .run(&[
            "case",
            "act",
            number,
            "--kind",
            "MEDIATION",
            "--partner",
            "P3MI",
            "--on",
            "2023-09-10",
        ])
        .ok();
    office
        .run(&[
            "case",
            "refer",
            number,
            "--partner",
            "KBRI",
            "--letter-number",
            "B.12/BP3MI-SB/IX/2023",
        ])
        .ok();
    office
        .run(&["case", "note", number, "KBRI menghubungi majikan"])
        .ok();
    office
        .run(&["case", "resolve", number, "--outcome", "Gaji dibayar penuh"])
        .ok();
    let shown = office
        .run(&["case", "show", number, "--format", "json"])
        .json();
    assert_eq!(shown["record"]["status"], "RESOLVED");
    assert_eq!(shown["record"]["outcome"], "Gaji dibayar penuh");
    let kinds: Vec<&str> = shown["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "STATUS_CHANGE",
            "MEDIATION",
            "REFERRAL",
            "NOTE",
            "STATUS_CHANGE"
        ]
    );
    assert_eq!(
        shown["placements"].as_array().unwrap().len(),
        1,
        "the worker's placements are shown"
    );

    let worker = office
        .run(&["worker", "show", "1371021508900001", "--format", "json"])
        .json();
    assert_eq!(
        worker["cases"][0]["case_number"], number,
        "worker show lists the worker's cases"
    );

    let refused = office.run(&["case", "act", number, "--kind", "CONSULTATION"]);
    assert!(refused.fails(1).contains("reopen"), "{}", refused.stderr);
    office
        .run(&["case", "reopen", number, "--note", "majikan ingkar"])
        .ok();
    office
        .run(&["case", "close", number, "--reason", "HANDED_TO_AGENCY"])
        .ok();
    let closed = office
        .run(&["case", "show", number, "--format", "json"])
        .json();
    assert_eq!(closed["record"]["closure_reason"], "HANDED_TO_AGENCY");
    assert_eq!(
        closed["events"].as_array().unwrap().len(),
        7,
        "nothing is ever deleted"
    );
}

#[test]
fn every_closure_reason_is_accepted_once_its_deadline_has_passed() {
    let office = Office::new();
    // Reported on 2023-09-01; today is 2023-11-08. Each case gets the follow-up its reason needs.
    let follow_ups: [(&str, &[&str]); 5] = [
        (
            "DOCS_NOT_COMPLETED_30D",
            &[
                "note",
                "Minta dokumen",
                "--awaiting",
                "DOCUMENTS",
                "--contacted",
                "--on",
                "2023-10-01",
            ],
        ),
        (
            "NO_CLARIFICATION_15WD",
            &[
                "act",
                "--kind",
                "CLARIFICATION",
                "--awaiting",
                "CLARIFICATION",
                "--on",
                "2023-10-02",
            ],
        ),
        (
            "UNREACHABLE_60D",
            &[
                "note",
                "Ditelepon, tidak diangkat",
                "--awaiting",
                "CONTACT",
                "--on",
                "2023-09-02",
            ],
        ),
        ("HANDED_TO_AGENCY", &["refer", "--partner", "POLICE"]),
        (
            "NO_RESPONSE_6M",
            &[
                "note",
                "Diberi tahu",
                "--awaiting",
                "RESPONSE",
                "--contacted",
                "--on",
                "2023-09-01",
            ],
        ),
    ];
    for (i, (reason, follow_up)) in follow_ups.iter().enumerate() {
        let reported = if *reason == "NO_RESPONSE_6M" {
            "2023-03-01"
        } else {
            "2023-09-01"
        };
        let case = open(
            &office,
            &[
                "--person-name",
                &format!("Korban {i}"),
                "--reported-on",
                reported,
            ],
        );
        let number = case["case_number"].as_str().unwrap();
        if !follow_up.is_empty() {
            let mut args = vec!["case", follow_up[0], number];
            args.extend_from_slice(&follow_up[1..]);
            if *reason == "NO_RESPONSE_6M" {
                let at = args.iter().position(|a| *a == "2023-09-01").unwrap();
                args[at] = "2023-03-10";
            }
            office.run(&args).ok();
        }
        office
            .run(&["case", "close", number, "--reason", reason])
            .ok();
        let shown = office
            .run(&["case", "show", number, "--format", "json"])
            .json();
        assert_eq!(shown["record"]["closure_reason"], *reason);
        assert_eq!(shown["record"]["closed_on"], crate::util::TODAY);
    }
    let case = open(&office, &["--person-name", "X"]);
    let run = office.run(&[
        "case",
        "close",
        case["case_number"].as_str().unwrap(),
        "--reason",
        "BORED",
    ]);
    assert!(
        run.fails(1).contains("DOCS_NOT_COMPLETED_30D"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_trafficking_victim_without_nik() {
    let office = Office::new();
    let case = open(
        &office,
        &[
            "--category",
            "TPPO",
            "--person-name",
            "Korban Tanpa Identitas",
            "--sex",
            "P",
            "--regency",
            "Kota Jambi",
            "--procedural-status",
            "NONPROCEDURAL",
        ],
    );
    assert_eq!(case["category"], "TRAFFICKING");
    assert!(case["nik"].is_null());
    let list = office.run(&[
        "case",
        "list",
        "--category",
        "TRAFFICKING",
        "--format",
        "csv",
    ]);
    assert!(
        list.ok().contains("Korban Tanpa Identitas"),
        "{}",
        list.stdout
    );
    let missing = office.run(&[
        "open-case",
        "--category",
        "TPPO",
        "--reported-on",
        "2023-09-01",
    ]);
    assert!(
        missing.fails(2).contains("--person-name"),
        "{}",
        missing.stderr
    );
    let new_nik = office.run(&[
        "open-case",
        "--category",
        "SICK",
        "--reported-on",
        "2023-09-01",
        "--nik",
        "1371021508900001",
    ]);
    assert!(
        new_nik.fails(1).contains("--person-name"),
        "{}",
        new_nik.stderr
    );
}

#[test]
fn overdue_cases_with_an_injected_clock() {
    let office = Office::new();
    let docs = open(&office, &["--person-name", "Docs"]);
    let clar = open(&office, &["--person-name", "Clarification"]);
    let fresh = open(&office, &["--person-name", "Fresh"]);
    let number = |v: &serde_json::Value| v["case_number"].as_str().unwrap().to_string();
    office
        .run(&[
            "case",
            "act",
            &number(&docs),
            "--kind",
            "CONSULTATION",
            "--awaiting",
            "DOCUMENTS",
            "--on",
            "2023-10-20",
        ])
        .ok();
    // Asked on Wednesday 1 Nov: the 15th working day is Wednesday 22 Nov, or Thursday 23 Nov with a holiday.
    office
        .run(&[
            "case",
            "act",
            &number(&clar),
            "--kind",
            "CLARIFICATION",
            "--awaiting",
            "CLARIFICATION",
            "--on",
            "2023-11-01",
        ])
        .ok();
    office
        .run(&[
            "case",
            "act",
            &number(&fresh),
            "--kind",
            "CONSULTATION",
            "--on",
            "2023-11-01",
        ])
        .ok();

    let overdue = |now: &str| {
        let run = office.run_with(
            &["case", "list", "--overdue", "--format", "csv"],
            &[("PMI_DESK_NOW", now)],
        );
        run.ok()
            .lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                format!("{}:{}", cells[0].rsplit('-').next().unwrap(), cells[7])
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        overdue("2023-11-19"),
        Vec::<String>::new(),
        "30 days are not over yet"
    );
    assert_eq!(overdue("2023-11-20"), ["0001:DOCS_NOT_COMPLETED_30D"]);
    assert_eq!(overdue("2023-11-22"), ["0001:DOCS_NOT_COMPLETED_30D"]);
    assert_eq!(
        overdue("2023-11-23"),
        ["0001:DOCS_NOT_COMPLETED_30D", "0002:NO_CLARIFICATION_15WD"]
    );
    office
        .run_with(&["config", "set", "holidays", "2023-11-10"], &[])
        .ok();
    assert_eq!(overdue("2023-11-23"), ["0001:DOCS_NOT_COMPLETED_30D"]);
    // Sixty days after an unanswered call on 2 November, the complainant is unreachable.
    office
        .run(&[
            "case",
            "note",
            &number(&fresh),
            "Ditelepon, tidak diangkat",
            "--awaiting",
            "CONTACT",
            "--on",
            "2023-11-02",
        ])
        .ok();
    assert!(!overdue("2024-01-01").contains(&"0003:UNREACHABLE_60D".to_string()));
    let late = overdue("2024-01-02");
    assert!(
        late.contains(&"0003:UNREACHABLE_60D".to_string()),
        "{late:?}"
    );
    office
        .run(&[
            "case",
            "note",
            &number(&docs),
            "dokumen diterima",
            "--awaiting",
            "NOTHING",
        ])
        .ok();
    assert_eq!(overdue("2023-11-23"), Vec::<String>::new());
}

#[test]
fn mine_lists_only_my_cases_and_dates_are_checked() {
    let office = Office::new();
    open(&office, &["--person-name", "A"]);
    office
        .run_with(
            &[
                "open-case",
                "--category",
                "SICK",
                "--reported-on",
                "2023-09-01",
                "--person-name",
                "B",
            ],
            &[("PMI_DESK_CLERK", "other")],
        )
        .ok();
    let mine = office.run(&["case", "list", "--mine", "--format", "csv"]);
    assert_eq!(mine.ok().lines().count(), 2, "{}", mine.stdout);
    let early = office.run(&[
        "case",
        "note",
        "BP3MI-SB-K-2023-0001",
        "x",
        "--on",
        "2023-08-01",
    ]);
    assert!(
        early.fails(1).contains("before the case was reported"),
        "{}",
        early.stderr
    );
    let future = office.run(&[
        "open-case",
        "--category",
        "SICK",
        "--reported-on",
        "2023-12-01",
        "--person-name",
        "C",
    ]);
    assert!(future.fails(1).contains("future"), "{}", future.stderr);
}

#[test]
fn a_case_cannot_be_closed_for_a_deadline_that_has_not_passed() {
    let office = Office::new();
    let case = open(
        &office,
        &["--person-name", "Baru", "--reported-on", crate::util::TODAY],
    );
    let number = case["case_number"].as_str().unwrap();
    for reason in [
        "UNREACHABLE_60D",
        "DOCS_NOT_COMPLETED_30D",
        "HANDED_TO_AGENCY",
    ] {
        let refused = office.run(&["case", "close", number, "--reason", reason]);
        assert!(
            refused.fails(1).contains(reason) || refused.stderr.contains("referral"),
            "{}",
            refused.stderr
        );
    }
    let shown = office
        .run(&["case", "show", number, "--format", "json"])
        .json();
    assert_eq!(shown["record"]["status"], "NEW", "nothing was changed");
}

/// Regression (issue 20): a case nobody tried to reach was listed as "unreachable for 60 days",
/// `case show` showed no deadline and an empty overdue list printed a bare header. Each deadline
/// runs from the event that starts it, is shown on the case, and an empty list says so.
#[test]
fn deadlines_run_from_the_events_that_start_them_and_are_shown() {
    let office = Office::new();
    // Reported 68 days before today, and nothing recorded since: no deadline runs.
    let untouched = open(&office, &["--person-name", "Untouched"]);
    let untouched = untouched["case_number"].as_str().unwrap();
    let list = office.run(&["case", "list", "--overdue"]);
    assert_eq!(
        list.ok(),
        "No open case is past a deadline.\n",
        "a sentence, not a bare header"
    );
    let id = office.run(&["--lang", "id", "case", "list", "--overdue"]);
    assert_eq!(
        id.ok(),
        "Tidak ada pengaduan terbuka yang lewat batas waktu.\n"
    );
    let csv = office.run(&["case", "list", "--overdue", "--format", "csv"]);
    assert_eq!(csv.ok().lines().count(), 1, "CSV keeps its header only");
    let shown = office.run(&["case", "show", untouched]);
    assert!(
        shown.ok().contains("No deadline is running."),
        "{}",
        shown.stdout
    );

    // A trafficking case asked for documents 48 days ago, and another case whose complainant
    // did not answer a call 64 days ago.
    let tppo = open(
        &office,
        &["--category", "TPPO", "--person-name", "Korban TPPO"],
    );
    let tppo = tppo["case_number"].as_str().unwrap();
    office
        .run(&[
            "case",
            "note",
            tppo,
            "Keluarga diminta menyerahkan paspor dan kontrak",
            "--awaiting",
            "DOCUMENTS",
            "--contacted",
            "--on",
            "2023-09-21",
        ])
        .ok();
    let silent = open(&office, &["--person-name", "Silent"]);
    let silent = silent["case_number"].as_str().unwrap();
    office
        .run(&[
            "case",
            "note",
            silent,
            "Ditelepon, nomor tidak aktif",
            "--awaiting",
            "CONTACT",
            "--on",
            "2023-09-05",
        ])
        .ok();
    let listed = office.run(&["case", "list", "--overdue", "--format", "csv"]);
    let rows: Vec<String> = listed
        .ok()
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            format!("{}:{}:{}", cells[0], cells[7], cells[9])
        })
        .collect();
    assert_eq!(
        rows,
        [
            format!("{tppo}:DOCS_NOT_COMPLETED_30D:48"),
            format!("{silent}:UNREACHABLE_60D:64"),
        ],
        "the untouched case is not unreachable: nobody tried"
    );
    let doc = office
        .run(&["case", "show", tppo, "--format", "json"])
        .json();
    let deadline = &doc["deadlines"][0];
    assert_eq!(deadline["closure_reason"], "DOCS_NOT_COMPLETED_30D");
    assert_eq!(deadline["since"], "2023-09-21");
    assert_eq!(deadline["due"], "2023-10-21");
    let table = office.run(&["case", "show", tppo]);
    for expected in [
        "Deadlines (Perban 6/2024 Art. 30)",
        "2023-10-21",
        "18 days past",
    ] {
        assert!(
            table.ok().contains(expected),
            "{expected}:\n{}",
            table.stdout
        );
    }
    let running = office.run_with(&["case", "show", silent], &[("PMI_DESK_NOW", "2023-10-31")]);
    assert!(
        running.ok().contains("4 days left"),
        "60 days from 5 September end on 4 November:\n{}",
        running.stdout
    );
}

/// Issue 20: a complaint about the time abroad dated before the worker left is warned of (a slip
/// in the date, or the wrong person), and saved only once accepted.
#[test]
fn a_complaint_dated_before_the_departure_is_warned_of() {
    let office = Office::new();
    office.departed("1371021508900001", "Budi", "2023-07-01");
    let early = office.run(&[
        "--lang",
        "id",
        "open-case",
        "--nik",
        "1371021508900001",
        "--category",
        "UNPAID_WAGES",
        "--reported-on",
        "2023-06-15",
    ]);
    let said = early.fails(1);
    assert!(said.contains("sebelum PMI ini berangkat"), "{said}");
    assert_eq!(office.count("cases"), 0, "nothing saved");
    let json = open(
        &office,
        &["--nik", "1371021508900001", "--reported-on", "2023-08-15"],
    );
    assert!(
        json["case_number"].is_string(),
        "after the departure: {json}"
    );
}
