//! Workbooks: `export --xlsx`, `import FILE.xlsx` (also after a spreadsheet edited it),
//! `report --out FILE.xlsx` and `query --out FILE.xlsx`.

use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::util::Office;

/// An office with records of every kind, a removed document among them.
fn busy_office() -> Office {
    let office = Office::new();
    let number = office.ready_for_passport(
        "1371021508900001",
        "Budi Santoso",
        &[
            "--registered-on",
            "2023-03-01",
            "--phone",
            "081234567890",
            "--address",
            "=HYPERLINK(\"x\") Jl. Sawahan",
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
        .run(&[
            "docs",
            "remove",
            &number,
            "--kind",
            "DIPLOMA",
            "--reason",
            "Salah jenis",
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
            "Dijanjikan kerja,\nlalu ditahan; '=1+2'",
        ])
        .ok();
    office
        .run(&[
            "case",
            "act",
            "BP3MI-SB-K-2023-0001",
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

fn other_office(code: &str) -> Office {
    let office = Office::empty();
    office
        .run(&["init", "--office-code", code, "--office-name", "Kantor"])
        .ok();
    office
}

fn csv_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    book.worksheet_range(name).unwrap()
}

fn column(range: &Range<Data>, name: &str) -> usize {
    (0..range.width())
        .find(|c| range.get((0, *c)) == Some(&Data::String(name.into())))
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// The files of a folder without what only signed folders carry: the versions column (a workbook
/// nobody vouches for becomes the receiver's own writes) and the letters (only the office that
/// issued them sends them, signed).
fn records_without_versions(dir: &Path) -> Vec<(String, String)> {
    csv_files(dir)
        .into_iter()
        .filter(|(name, _)| {
            ["persons.csv", "documents.csv", "repatriations.csv"].contains(&name.as_str())
        })
        .map(|(name, text)| {
            let kept: Vec<String> = text
                .lines()
                .map(|line| match line.rfind(",\"") {
                    Some(at) if line.ends_with('"') => line[..at].to_string(),
                    _ => line
                        .rsplit_once(',')
                        .map(|(a, _)| a.to_string())
                        .unwrap_or_default(),
                })
                .collect();
            (name, kept.join("\n"))
        })
        .collect()
}

#[test]
fn workbook_round_trip_gives_the_senders_records_but_never_a_letter() {
    let sender = busy_office();
    sender.run(&["export", "--xlsx", "first.xlsx"]).ok();
    sender.run(&["export", "--out", "sent"]).ok();
    let receiver = other_office("DISNAKER-AGAM");
    let run = receiver.run(&[
        "import",
        sender.path("first.xlsx").to_str().unwrap(),
        "--unsigned",
    ]);
    assert!(
        run.fails(4)
            .contains("only taken from a folder signed by the office that issued them"),
        "a workbook is nobody's signed word: {}",
        run.stderr
    );
    assert_eq!(receiver.count("recommendations"), 0);
    receiver.run(&["export", "--xlsx", "second.xlsx"]).ok();
    receiver.run(&["export", "--out", "received"]).ok();
    let sent = records_without_versions(&sender.path("sent"));
    assert_eq!(sent.len(), 3);
    assert_eq!(sent, records_without_versions(&receiver.path("received")));
    // The receiver's own workbook carries the same again to a third office.
    let third = other_office("DISNAKER-PADANG");
    third
        .run(&[
            "import",
            receiver.path("second.xlsx").to_str().unwrap(),
            "--unsigned",
        ])
        .ok();
    third.run(&["export", "--out", "third"]).ok();
    assert_eq!(sent, records_without_versions(&third.path("third")));
    // Importing the same workbook twice changes nothing the second time.
    let again = receiver.run(&[
        "import",
        sender.path("first.xlsx").to_str().unwrap(),
        "--format",
        "csv",
        "--unsigned",
    ]);
    assert!(
        again.stdout.contains("first.xlsx#persons,0,0,3,0,0"),
        "{}",
        again.stdout
    );
}

#[test]
fn workbook_nik_codes_and_phones_are_text_and_dates_are_dates() {
    let office = busy_office();
    let run = office.run(&["export", "--xlsx", "data.xlsx"]);
    assert!(run.ok().contains("data.xlsx"), "{}", run.stdout);
    let path = office.path("data.xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "persons",
            "placements",
            "documents",
            "recommendations",
            "cases",
            "case_events",
            "repatriations",
            "manifest"
        ]
    );
    let persons = sheet(&path, "persons");
    let budi = (1..persons.height())
        .find(|r| {
            persons.get((*r, column(&persons, "full_name")))
                == Some(&Data::String("Budi Santoso".into()))
        })
        .unwrap();
    assert_eq!(
        persons.get((budi, column(&persons, "nik"))),
        Some(&Data::String("1371021508900001".into()))
    );
    assert_eq!(
        persons.get((budi, column(&persons, "phone"))),
        Some(&Data::String("+6281234567890".into()))
    );
    assert_eq!(
        persons.get((budi, column(&persons, "regency_code"))),
        Some(&Data::String("1371".into()))
    );
    assert_eq!(
        persons.get((budi, column(&persons, "address"))),
        Some(&Data::String("=HYPERLINK(\"x\") Jl. Sawahan".into())),
        "a text cell, never a formula"
    );
    match persons.get((budi, column(&persons, "birth_date"))) {
        Some(Data::DateTime(d)) => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            assert_eq!((year, month, day), (1990, 8, 15));
        }
        other => panic!("birth_date is {other:?}"),
    }
    assert!(
        matches!(persons.get((budi, column(&persons, "updated_at"))), Some(Data::String(s)) if s.ends_with('Z')),
        "timestamps stay text"
    );
    let formulas = book.worksheet_formula("persons").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let placements = sheet(&path, "placements");
    assert_eq!(
        placements.get((1, column(&placements, "scheme"))),
        Some(&Data::String("MANDIRI".into()))
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let leftovers: Vec<_> = std::fs::read_dir(office.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

const PERSON: &str = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const STAMP: &str = "2023-11-01T00:00:00.000Z";

/// A workbook as a clerk's spreadsheet saves it: NIKs retyped into number cells, a birth date as a
/// date cell, a registration date as a serial number, another as `dd/mm/yyyy` text.
fn edited_workbook(path: &Path, nik: f64, scheme: &str) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let persons = book.add_worksheet();
    persons.set_name("persons").unwrap();
    for (c, name) in [
        "person_uid",
        "nik",
        "full_name",
        "sex",
        "birth_date",
        "regency_code",
        "office_code",
        "created_at",
        "updated_at",
    ]
    .iter()
    .enumerate()
    {
        persons.write_string(0, c as u16, *name).unwrap();
    }
    persons.write_string(1, 0, PERSON).unwrap();
    persons.write_number(1, 1, nik).unwrap();
    persons.write_string(1, 2, "Rizki Saputra").unwrap();
    persons.write_string(1, 3, "L").unwrap();
    persons
        .write_datetime_with_format(1, 4, ExcelDateTime::from_ymd(1990, 8, 15).unwrap(), &date)
        .unwrap();
    persons.write_number(1, 5, 1371).unwrap();
    persons.write_string(1, 6, "BP3MI-SB").unwrap();
    persons.write_string(1, 7, STAMP).unwrap();
    persons.write_string(1, 8, STAMP).unwrap();
    let placements = book.add_worksheet();
    placements.set_name("placements").unwrap();
    for (c, name) in [
        "placement_uid",
        "person_uid",
        "scheme",
        "country",
        "stage",
        "registered_on",
        "office_code",
        "created_at",
        "updated_at",
    ]
    .iter()
    .enumerate()
    {
        placements.write_string(0, c as u16, *name).unwrap();
    }
    let row = [
        "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
        PERSON,
        scheme,
        "Malaysia",
        "REGISTERED",
    ];
    for (c, value) in row.iter().enumerate() {
        placements.write_string(1, c as u16, *value).unwrap();
    }
    // 2023-11-01 as a serial day number without a date format.
    placements.write_number(1, 5, 45231).unwrap();
    placements.write_string(1, 6, "BP3MI-SB").unwrap();
    placements.write_string(1, 7, STAMP).unwrap();
    placements.write_string(1, 8, STAMP).unwrap();
    let notes = book.add_worksheet();
    notes.set_name("catatan").unwrap();
    notes.write_string(0, 0, "dicek Bu Siti").unwrap();
    book.save(path).unwrap();
}

#[test]
fn workbook_edited_in_a_spreadsheet_is_refused_with_sheet_and_cell() {
    let office = Office::new();
    let path = office.path("edited.xlsx");
    edited_workbook(&path, 1371010000000000.0, "XYZ");
    let run = office.run(&[
        "import",
        path.to_str().unwrap(),
        "--errors",
        "errors.csv",
        "--unsigned",
    ]);
    let stderr = run.fails(1);
    assert!(
        stderr.contains("edited.xlsx#persons!B2: nik '1.3710…'")
            && stderr.contains("spreadsheet turned it into a number"),
        "{stderr}"
    );
    assert!(
        stderr.contains("edited.xlsx#placements!C2: scheme 'XYZ'"),
        "{stderr}"
    );
    assert!(stderr.contains("Sheet catatan ignored"), "{stderr}");
    assert!(stderr.contains("without a manifest sheet"), "{stderr}");
    let report = std::fs::read_to_string(office.path("errors.csv")).unwrap();
    assert!(
        report.contains("error,edited.xlsx#persons,B2,nik,1.37101E+15,"),
        "{report}"
    );
    assert_eq!(office.count("persons"), 0);
}

#[test]
fn workbook_edited_in_a_spreadsheet_imports_a_whole_nik_number_and_dates() {
    let office = Office::new();
    let path = office.path("edited.xlsx");
    edited_workbook(&path, 1371021508900001.0, "perseorangan");
    office
        .run(&["import", path.to_str().unwrap(), "--unsigned"])
        .ok();
    let person = office
        .run(&["worker", "show", "1371021508900001", "--format", "json"])
        .json()
        .to_string();
    assert!(
        person.contains("1990-08-15")
            && person.contains("2023-11-01")
            && person.contains("MANDIRI"),
        "{person}"
    );
}

#[test]
fn workbook_export_force_replaces_only_an_earlier_export() {
    let office = busy_office();
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "anggaran").unwrap();
    book.save(office.path("mine.xlsx")).unwrap();
    let before = std::fs::read(office.path("mine.xlsx")).unwrap();
    assert!(office
        .run(&["export", "--xlsx", "mine.xlsx"])
        .fails(1)
        .contains("--force"));
    assert!(office
        .run(&["export", "--xlsx", "mine.xlsx", "--force"])
        .fails(1)
        .contains("not a pmi-desk export workbook"));
    assert_eq!(std::fs::read(office.path("mine.xlsx")).unwrap(), before);
    office.run(&["export", "--out", "data.xlsx"]).ok();
    let replaced = office.run(&[
        "export",
        "--xlsx",
        "data.xlsx",
        "--force",
        "--only",
        "persons",
    ]);
    assert!(replaced.ok().contains("Replaced"), "{}", replaced.stdout);
    let book: Xlsx<_> = calamine::open_workbook(office.path("data.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["persons", "manifest"]);
    // A masked workbook says so, and import refuses it.
    office
        .run(&["export", "--xlsx", "masked.xlsx", "--mask"])
        .ok();
    let other = other_office("DISNAKER-AGAM");
    assert!(other
        .run(&[
            "import",
            office.path("masked.xlsx").to_str().unwrap(),
            "--unsigned",
        ])
        .fails(1)
        .contains("masked"));
}

#[test]
fn workbook_reports_and_queries_are_readable_sheets() {
    let office = busy_office();
    office
        .run(&[
            "report",
            "placements",
            "--year",
            "2023",
            "--by",
            "country",
            "--out",
            "r.xlsx",
        ])
        .ok();
    let report = sheet(&office.path("r.xlsx"), "placements");
    let rows: Vec<Vec<String>> = report
        .rows()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[0][0], "Period");
    assert!(rows.iter().any(|r| r[0] == "Definition"));
    let header = rows.iter().position(|r| r[0] == "Country").unwrap();
    assert_eq!(rows[header][1], "Count");
    assert!(
        rows.iter().any(|r| r[0] == "Malaysia" && r[1] == "1"),
        "{rows:?}"
    );
    assert!(rows.last().unwrap()[0] == "Total" && rows.last().unwrap()[1] == "1");
    office
        .run(&["report", "summary", "--year", "2023", "--out", "s.xlsx"])
        .ok();
    assert!(sheet(&office.path("s.xlsx"), "summary").height() > 5);
    office
        .run(&[
            "query",
            "SELECT nik, full_name, 7 AS n FROM persons WHERE nik IS NOT NULL ORDER BY nik",
            "--out",
            "q.xlsx",
        ])
        .ok();
    let query = sheet(&office.path("q.xlsx"), "query");
    assert_eq!(query.get((0, 0)), Some(&Data::String("nik".into())));
    assert_eq!(
        query.get((1, 0)),
        Some(&Data::String("1371021508900001".into()))
    );
    assert_eq!(query.get((1, 2)), Some(&Data::Float(7.0)));
    office
        .run(&["query", "SELECT 1", "--out", "q.doc"])
        .fails(2);
}

#[test]
fn workbook_names_end_in_xlsx_and_a_renamed_workbook_is_still_recognised() {
    let office = busy_office();
    assert!(office
        .run(&["export", "--xlsx", "data"])
        .fails(2)
        .contains(".xlsx"));
    assert!(!office.path("data").exists());
    office.run(&["export", "--xlsx", "data.XLSX"]).ok();
    std::fs::rename(office.path("data.XLSX"), office.path("kiriman")).unwrap();
    let other = other_office("DISNAKER-AGAM");
    let run = other.run(&[
        "import",
        office.path("kiriman").to_str().unwrap(),
        "--unsigned",
        "--dry-run",
        "--format",
        "csv",
    ]);
    assert!(
        run.ok().contains("kiriman#persons,3,0,0,0,0"),
        "{}",
        run.stdout
    );
}
