//! `export` and `import`: the exchange contract between offices.

use crate::util::Office;

/// An office with at least one record of every kind.
fn busy_office(code: &str) -> Office {
    let office = Office::empty();
    office
        .run(&["init", "--office-code", code, "--office-name", "Kantor"])
        .ok();
    let number = office.ready_for_passport(
        "1371021508900001",
        "Budi Santoso",
        &[
            "--registered-on",
            "2023-03-01",
            "--address",
            "Jl. Sawahan, \"Padang\"; blok 5",
        ],
    );
    office
        .run(&["recommend-passport", &number, "--on", "2023-03-10"])
        .ok();
    office
        .run(&[
            "depart",
            &number,
            "--on",
            "2023-04-01",
            "--passport",
            "C1234567",
            "--accept-warnings",
        ])
        .ok();
    office
        .register(
            "1371025508900002",
            "Siti Rahmah",
            &["--sex", "P", "--accept-warnings"],
        )
        .ok();
    office
        .run(&[
            "open-case",
            "--category",
            "TPPO",
            "--reported-on",
            "2023-09-01",
            "--person-name",
            "Korban",
            "--summary",
            "Dijanjikan kerja,\nlalu ditahan",
        ])
        .ok();
    office
        .run(&[
            "case",
            "act",
            &format!("{code}-K-2023-0001"),
            "--kind",
            "COORDINATION",
            "--partner",
            "POLICE",
        ])
        .ok();
    office
        .run(&[
            "repatriate",
            "--category",
            "DEPORTED",
            "--arrived-on",
            "2023-10-05",
            "--nik",
            "1371021508900001",
            "--mark-returned",
        ])
        .ok();
    office
}

fn csv_files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn round_trip_is_byte_identical() {
    let source = busy_office("BP3MI-SB");
    source.run(&["export", "--out", "first"]).ok();
    let target = Office::with_code("BP2MI");
    target
        .run(&["import", source.path("first").to_str().unwrap()])
        .ok();
    target.run(&["export", "--out", "second"]).ok();
    let first = csv_files(&source.path("first"));
    assert_eq!(first.len(), 9);
    assert_eq!(first, csv_files(&target.path("second")));
    let placements = String::from_utf8(
        first
            .iter()
            .find(|f| f.0 == "placements.csv")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    assert!(placements.starts_with(
        "placement_uid,person_uid,scheme,p3mi_name,employer_name,country,sector,occupation,stage,"
    ));
    assert!(!placements.contains('\r'));
    // The same database exports the same bytes every time.
    source.run(&["export", "--out", "again"]).ok();
    assert_eq!(first, csv_files(&source.path("again")));
    // Importing the same folder twice changes nothing the second time.
    let again = target.run(&[
        "import",
        source.path("first").to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(
        again.ok().contains("persons.csv,0,0,3,0,0,0"),
        "{}",
        again.stdout
    );
}

#[test]
fn export_refuses_to_overwrite_and_files_are_private() {
    let office = busy_office("BP3MI-SB");
    office.run(&["export", "--out", "x"]).ok();
    assert!(office
        .run(&["export", "--out", "x"])
        .fails(1)
        .contains("--force"));
    office.run(&["export", "--out", "x", "--force"]).ok();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for (name, _) in csv_files(&office.path("x")) {
            let mode = std::fs::metadata(office.path("x").join(&name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "{name}");
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(office.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn three_offices_merge_the_same_person_once() {
    let agam = Office::empty();
    agam.run(&[
        "init",
        "--office-code",
        "DISNAKER-AGAM",
        "--office-name",
        "Disnaker Agam",
    ])
    .ok();
    agam.register(
        "1306021508900001",
        "Rizki Saputra",
        &["--regency", "1306", "--accept-warnings"],
    )
    .ok();
    agam.register(
        "1306021508900002",
        "Andi",
        &["--regency", "1306", "--accept-warnings"],
    )
    .ok();
    let padang = Office::empty();
    padang
        .run(&[
            "init",
            "--office-code",
            "DISNAKER-PADANG",
            "--office-name",
            "Disnaker Padang",
        ])
        .ok();
    padang
        .register(
            "1306021508900001",
            "Rizky Saputra",
            &["--accept-warnings", "--registered-on", "2023-01-10"],
        )
        .ok();
    // Withdrawn there, so that he has one open placement in all (the database allows no more).
    padang
        .run(&["cancel", "1306021508900001", "--reason", "WITHDRAWN"])
        .ok();
    padang.register("1371021508900003", "Yoga", &[]).ok();
    agam.run(&["export", "--out", "agam"]).ok();
    padang.run(&["export", "--out", "padang"]).ok();

    let province = Office::new();
    province
        .run(&["import", agam.path("agam").to_str().unwrap()])
        .ok();
    let merged = province.run(&[
        "import",
        padang.path("padang").to_str().unwrap(),
        "--format",
        "csv",
    ]);
    // Registered with one NIK at two offices: one person, merged field by field; the two
    // spellings of the name wait for a clerk, both kept.
    assert!(merged.fails(4).contains("review"), "{}", merged.stderr);
    assert!(
        merged.stdout.contains("persons.csv,1,0,0,1,0,0"),
        "{}",
        merged.stdout
    );
    let review = province
        .run(&["review", "list", "--format", "csv"])
        .ok()
        .to_string();
    assert!(
        review.contains("FIELD_CONFLICT,full_name") && review.contains("Rizky Saputra"),
        "the name conflict waits for review: {review}"
    );
    assert_eq!(province.count("persons"), 3);
    let report = province
        .run(&[
            "report",
            "registrations",
            "--year",
            "2023",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(report["total"], 4);
    let rizki = province
        .run(&["worker", "show", "1306021508900001", "--format", "json"])
        .json();
    assert_eq!(
        rizki["placements"].as_array().unwrap().len(),
        2,
        "both placements attach to one person"
    );
}

#[test]
fn a_folder_saved_by_a_spreadsheet_imports() {
    let office = Office::new();
    let dir = office.path("sheet");
    std::fs::create_dir(&dir).unwrap();
    let persons = "\u{feff} PERSON_UID ; NIK ; Full_Name ; sex ; birth_date ; regency_code ; office_code ; created_at ; updated_at ; remarks\r\n\
        0a5d3c1e-1111-4c1e-8a11-000000000001;1371021508900001;\"Budi; Santoso\";l;15/08/1990;1371;DISNAKER-PADANG;2023-11-01T08:00:00+07:00;2023-11-01T08:00:00+07:00;ok\r\n";
    let placements = "placement_uid;person_uid;scheme;country;stage;registered_on;office_code;created_at;updated_at\r\n\
        0a5d3c1e-2222-4c1e-8a11-000000000001;0a5d3c1e-1111-4c1e-8a11-000000000001;perseorangan;Malaysia;registered;01-11-2023;DISNAKER-PADANG;2023-11-01T01:00:00Z;2023-11-01T01:00:00Z\r\n";
    std::fs::write(dir.join("persons.csv"), persons).unwrap();
    std::fs::write(dir.join("Placements.CSV"), placements).unwrap();
    let run = office.run(&["import", dir.to_str().unwrap(), "--unsigned"]);
    run.ok();
    assert!(
        run.stderr.contains("manifest.json"),
        "a missing manifest is a warning: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("remarks"),
        "unknown columns are a warning: {}",
        run.stderr
    );
    let shown = office
        .run(&["worker", "show", "1371021508900001", "--format", "json"])
        .json();
    assert_eq!(shown["record"]["full_name"], "Budi; Santoso");
    assert_eq!(shown["record"]["birth_date"], "1990-08-15");
    assert_eq!(shown["record"]["scheme"], "MANDIRI");
    assert_eq!(shown["record"]["registered_on"], "2023-11-01");
    let single = office.path("one.csv");
    std::fs::write(
        &single,
        placements
            .replace("perseorangan", "P3MI;PT Maju")
            .replace("scheme;", "scheme;p3mi_name;")
            .replace(
                "2023-11-01T01:00:00Z;2023-11-01T01:00:00Z",
                "2023-11-01T01:00:00Z;2023-11-02T01:00:00Z",
            ),
    )
    .unwrap();
    office
        .run(&["import", single.to_str().unwrap(), "--unsigned"])
        .ok();
    let shown = office
        .run(&["worker", "show", "1371021508900001", "--format", "json"])
        .json();
    assert_eq!(
        shown["record"]["scheme"], "P3MI",
        "a single file is recognised from its header and its newer version replaces the stored one"
    );
}

const PERSON_HEADER: &str =
    "person_uid,nik,full_name,sex,birth_date,office_code,created_at,updated_at\n";

fn person_row(uid_tail: &str, nik: &str, extra: &str) -> String {
    format!("0a5d3c1e-1111-4c1e-8a11-{uid_tail},{nik},Budi,L,{extra},X,2023-11-01T00:00:00Z,2023-11-01T00:00:00Z\n")
}

#[test]
fn every_error_is_reported_and_nothing_is_written() {
    let office = Office::new();
    let file = office.path("persons.csv");
    let content = [
        PERSON_HEADER.to_string(),
        person_row("000000000001", "1371021508900001", "1990-08-15"),
        person_row("000000000002", "1.37102E+15", "1990-08-15"),
        person_row("000000000003", "1371023208900001", "1990-08-15"),
        person_row("000000000004", "1371021508900004", "08/31/1990"),
        "not-a-uid,,Budi,X,,X,yesterday,2023-11-01T00:00:00Z\n".to_string(),
    ]
    .concat();
    std::fs::write(&file, content).unwrap();
    let run = office.run(&[
        "import",
        file.to_str().unwrap(),
        "--errors",
        "errors.csv",
        "--unsigned",
    ]);
    let err = run.fails(1);
    assert!(
        err.contains("persons.csv:3: nik '1.3710…'") && err.contains("spreadsheet"),
        "{err}"
    );
    assert!(err.contains("persons.csv:4: nik"), "{err}");
    assert!(
        err.contains("persons.csv:5: birth_date '08/31/1990'"),
        "{err}"
    );
    assert!(err.contains("persons.csv:6: person_uid"), "{err}");
    assert!(err.contains("persons.csv:6: sex 'X'"), "{err}");
    assert!(
        err.contains("persons.csv:6: created_at 'yesterday'"),
        "{err}"
    );
    assert!(err.contains("Nothing was written"), "{err}");
    assert_eq!(office.count("persons"), 0, "not even the valid first row");
    let report = std::fs::read_to_string(office.path("errors.csv")).unwrap();
    assert!(
        report.starts_with("kind,file,line,column,value,reason\n"),
        "{report}"
    );
    assert_eq!(report.lines().count(), 1 + 6, "{report}");
    // Off a terminal (a nightly script's mail) the NIKs are masked; the file holds them whole.
    assert!(!err.contains("1371023208900001"), "{err}");
    assert!(err.contains("persons.csv:4: nik '137102…'"), "{err}");
    assert!(err.contains("import --errors FILE"), "{err}");
    assert!(report.contains("1371023208900001"), "{report}");
}

#[test]
fn missing_columns_unknown_references_and_bad_manifests_are_refused() {
    let office = Office::new();
    let no_name = office.path("persons.csv");
    std::fs::write(
        &no_name,
        "person_uid,nik,office_code,created_at,updated_at\n",
    )
    .unwrap();
    assert!(office
        .run(&["import", no_name.to_str().unwrap(), "--unsigned"])
        .fails(1)
        .contains("full_name"));

    let orphan = office.path("placements.csv");
    std::fs::write(&orphan, "placement_uid,person_uid,scheme,country,stage,registered_on,office_code,created_at,updated_at\n\
        0a5d3c1e-2222-4c1e-8a11-000000000001,0a5d3c1e-1111-4c1e-8a11-0000000000ff,G2G,JP,REGISTERED,2023-01-01,X,2023-01-01T00:00:00Z,2023-01-01T00:00:00Z\n").unwrap();
    let run = office.run(&["import", orphan.to_str().unwrap(), "--unsigned"]);
    assert!(
        run.fails(1)
            .contains("neither in the database nor in this import"),
        "{}",
        run.stderr
    );

    let source = busy_office("BP3MI-SB");
    source.run(&["export", "--out", "cut"]).ok();
    let cases = source.path("cut").join("cases.csv");
    let text = std::fs::read_to_string(&cases).unwrap();
    std::fs::write(&cases, &text[..text.len() - 10]).unwrap();
    let run = office.run(&["import", source.path("cut").to_str().unwrap()]);
    assert!(run.fails(1).contains("truncated"), "{}", run.stderr);
    source.run(&["export", "--out", "masked", "--mask"]).ok();
    let masked = std::fs::read_to_string(source.path("masked").join("persons.csv")).unwrap();
    assert!(
        masked.contains(",137102150890,B. S.,") && !masked.contains("Sawahan"),
        "{masked}"
    );
    let run = office.run(&["import", source.path("masked").to_str().unwrap()]);
    assert!(run.fails(1).contains("masked"), "{}", run.stderr);
    assert_eq!(office.count("persons"), 0);
}

#[test]
fn dry_run_writes_nothing_and_newer_records_replace_older_ones() {
    let source = busy_office("BP3MI-SB");
    source.run(&["export", "--out", "v1"]).ok();
    let target = Office::with_code("BP2MI");
    let dry = target.run(&[
        "import",
        source.path("v1").to_str().unwrap(),
        "--dry-run",
        "--format",
        "csv",
    ]);
    assert!(
        dry.ok().contains("persons.csv,3,0,0,0,0,0"),
        "{}",
        dry.stdout
    );
    assert_eq!(target.count("persons"), 0);
    target
        .run(&["import", source.path("v1").to_str().unwrap()])
        .ok();
    source
        .run_with(
            &[
                "worker",
                "edit",
                "1371025508900002",
                "--address",
                "Jl. Baru 7",
            ],
            &[("PMI_DESK_NOW", "2023-11-09")],
        )
        .ok();
    source
        .run_with(
            &["export", "--out", "v2"],
            &[("PMI_DESK_NOW", "2023-11-09")],
        )
        .ok();
    let run = target.run(&[
        "import",
        source.path("v2").to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(
        run.ok().contains("persons.csv,0,1,2,0,0,0"),
        "{}",
        run.stdout
    );
    let siti = target
        .run(&["worker", "show", "1371025508900002", "--format", "json"])
        .json();
    assert_eq!(siti["record"]["address"], "Jl. Baru 7");
}

#[test]
fn since_last_exports_only_what_changed() {
    let office = busy_office("BP3MI-SB");
    office
        .run(&["export", "--out", "night1", "--since-last", "--to", "BP2MI"])
        .ok();
    let later = [("PMI_DESK_NOW", "2023-11-09T01:00:00Z")];
    office
        .run_with(
            &[
                "register",
                "--nik",
                "1371021508900009",
                "--name",
                "Baru",
                "--sex",
                "L",
                "--birth-place",
                "Padang",
                "--birth-date",
                "1990-08-15",
                "--regency",
                "1371",
                "--scheme",
                "MANDIRI",
                "--country",
                "MY",
            ],
            &later,
        )
        .ok();
    office
        .run_with(
            &["export", "--out", "night2", "--since-last", "--to", "BP2MI"],
            &[("PMI_DESK_NOW", "2023-11-09T02:00:00Z")],
        )
        .ok();
    let persons = std::fs::read_to_string(office.path("night2").join("persons.csv")).unwrap();
    assert_eq!(persons.lines().count(), 2, "{persons}");
    assert!(persons.contains("Baru"));
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(office.path("night2").join("manifest.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        manifest["since"],
        serde_json::Value::Null,
        "not by the clock"
    );
    assert!(
        manifest["seq_from"].as_i64().unwrap() > 1,
        "after what night1 covered: {manifest}"
    );
    assert!(manifest["seq_to"].as_i64() >= manifest["seq_from"].as_i64());
    office
        .run(&["export", "--out", "only", "--only", "cases,case_events"])
        .ok();
    assert_eq!(csv_files(&office.path("only")).len(), 2);
}
