//! Untrusted files cost memory and time in proportion to the work, not to what they claim: each
//! test crafts the attack of the hardening issue (items 3 and 4) and checks that it is refused, or
//! read, with a clear message, exit 1 and nothing written. Where a crafted file once took gigabytes,
//! the run is also held under a small address-space limit (`prlimit`, where it exists).

use std::process::{Command, Output};

use crate::util::{binary, Office, Run};

const HEADER: &str = "person_uid,nik,full_name,sex,birth_date,office_code,created_at,updated_at";

/// `pmi-desk ARGS` with at most `mib` MiB of address space (without the limit where `prlimit` is
/// missing: the behaviour is still checked).
pub(crate) fn run_limited(office: &Office, args: &[&str], mib: u64) -> Run {
    let plain = office.command();
    let limited = std::path::Path::new("/usr/bin/prlimit").exists();
    let mut cmd = match limited {
        true => {
            let mut c = Command::new("/usr/bin/prlimit");
            c.arg(format!("--as={}", mib << 20)).arg("--").arg(binary());
            c
        }
        false => Command::new(binary()),
    };
    cmd.args(args)
        .current_dir(office.dir.path())
        .env_clear()
        .stdin(std::process::Stdio::null());
    for (key, value) in plain.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("run pmi-desk");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

fn import_csv(office: &Office, content: &[u8], extra: &[&str]) -> Run {
    let file = office.path("persons.csv");
    std::fs::write(&file, content).unwrap();
    let mut args = vec!["import", file.to_str().unwrap(), "--unsigned"];
    args.extend_from_slice(extra);
    run_limited(office, &args, 400)
}

#[test]
fn line_breaks_without_a_row_are_refused_at_the_row_limit_not_remembered() {
    // The issue: 2 GiB of line breaks asked for 16 GiB (the start of every line kept).
    let office = Office::new();
    let mut content = format!("{HEADER}\n").into_bytes();
    content.resize(content.len() + (3 << 20), b'\n');
    let run = import_csv(&office, &content, &[]);
    let err = run.fails(1);
    assert!(
        err.contains("persons.csv line 2: more than 1024 KB without the end of a row")
            && err.contains("Nothing was written"),
        "{err}"
    );
    assert_eq!(office.count("persons"), 0);
}

#[test]
fn a_field_past_the_row_limit_is_refused_while_it_is_read() {
    // The issue: a 1 GiB field took 4.2 GB before being refused.
    let office = Office::new();
    let mut content = format!("{HEADER}\nx,\"").into_bytes();
    content.resize(content.len() + (3 << 20), b'a');
    content.extend_from_slice(b"\"\n");
    let err = import_csv(&office, &content, &[]).fails(1).to_string();
    assert!(
        err.contains("persons.csv line 2: more than 1024 KB"),
        "{err}"
    );
    // The header line too.
    let mut header = b"person_uid,\"".to_vec();
    header.resize(header.len() + (2 << 20), b'n');
    let err = import_csv(&office, &header, &[]).fails(1).to_string();
    assert!(
        err.contains("persons.csv line 1: more than 1024 KB"),
        "{err}"
    );
    assert_eq!(office.count("persons"), 0);
}

#[test]
fn line_numbers_stay_right_after_many_lines_and_every_kind_of_line_end() {
    // Only the line ends since the last row are remembered: the count must still be exact.
    let office = Office::new();
    let mut content = format!("{HEADER}\r\n");
    // A row whose quoted cell holds line breaks of every kind: 4 lines.
    content.push_str(",,\"a\nb\r\nc\rd\",,,,,\n");
    let empty = ",,,,,,,";
    for _ in 0..20_000 {
        content.push_str(&format!("{empty}\n{empty}\r\n{empty}\r"));
    }
    content.push_str("bad\r\n");
    let err = import_csv(&office, content.as_bytes(), &[])
        .fails(1)
        .to_string();
    // 1 header line, 4 lines of the first row, 20,000 x 3 empty rows, then the bad row.
    assert!(err.contains("persons.csv:2: "), "{err}");
    assert!(err.contains("persons.csv:60006: "), "{err}");
}

#[test]
fn errors_stop_listing_after_a_thousand_and_say_how_many_more() {
    // The issue: 15 M bad rows (29 KB gzipped) took over 3 GB and printed 15 M lines.
    let office = Office::new();
    let mut content = format!("{HEADER}\n");
    for n in 0..3_000 {
        content.push_str(&format!("uid-{n},x\n"));
    }
    let run = import_csv(&office, content.as_bytes(), &["--errors", "report.csv"]);
    let err = run.fails(1);
    let listed = err
        .lines()
        .filter(|l| l.starts_with("persons.csv:"))
        .count();
    assert_eq!(listed, 1_000, "{}", &err[err.len().saturating_sub(500)..]);
    assert!(
        err.contains("... and 2000 more errors (only the first 1000 are listed"),
        "{}",
        &err[err.len().saturating_sub(500)..]
    );
    assert!(err.contains("3000 error(s)"), "{err}");
    let report = std::fs::read_to_string(office.path("report.csv")).unwrap();
    assert_eq!(
        report.lines().count(),
        1 + 1_000 + 1,
        "header, listed, more"
    );
    assert!(report.lines().last().unwrap().contains("2000 more errors"));
    assert_eq!(office.count("persons"), 0);
}

#[test]
fn a_long_header_name_gets_no_suggestion_and_a_huge_one_is_refused() {
    // The issue: a 60 MB header name took 78 s in the misspelling suggestion.
    let office = Office::new();
    let long = format!("birth_date{}", "e".repeat(150));
    let content = format!("{HEADER},{long}\n");
    let run = import_csv(&office, content.as_bytes(), &[]);
    assert!(!run.stderr.contains("did you mean"), "{}", run.stderr);
    assert!(run.stderr.contains("birth_dateeeee"), "{}", run.stderr);
    let huge = format!("{HEADER},{}\n", "birth_date".repeat(50_000));
    let err = import_csv(&office, huge.as_bytes(), &[])
        .fails(1)
        .to_string();
    assert!(
        err.contains("persons.csv: header column 9 is 500000 characters long (at most 200)"),
        "{err}"
    );
    // A short misspelling is still recognised.
    let misspelt = format!("{}\n", HEADER.replace("birth_date", "birth_dat"));
    let err = import_csv(&office, misspelt.as_bytes(), &[])
        .fails(1)
        .to_string();
    assert!(err.contains("did you mean birth_date"), "{err}");
}

/// A real export of one registration as a workbook, its parts as text.
fn exported_workbook(office: &Office) -> Vec<(String, String)> {
    office.register("1371021508900001", "Budi", &[]).ok();
    office.run(&["export", "--xlsx", "sent.xlsx"]).ok();
    let file = std::fs::File::open(office.path("sent.xlsx")).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).unwrap();
            let mut text = String::new();
            std::io::Read::read_to_string(&mut part, &mut text).unwrap();
            (part.name().unwrap().to_string(), text)
        })
        .collect()
}

/// The parts packed again as a workbook (deflated, as a spreadsheet packs them).
fn pack(parts: &[(String, String)], path: &std::path::Path) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// The export with its persons sheet (and any other part) changed by `edit`, imported by another
/// office under a 400 MiB address-space limit.
fn import_crafted(edit: impl Fn(&str, &mut String), extra: &[(&str, &str)]) -> (Office, Run) {
    let sender = Office::new();
    let mut parts = exported_workbook(&sender);
    for (name, text) in parts.iter_mut() {
        edit(name, text);
    }
    for (name, text) in extra {
        parts.push((name.to_string(), text.to_string()));
    }
    let receiver = Office::new();
    let path = receiver.path("crafted.xlsx");
    pack(&parts, &path);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        size < 64 << 10,
        "crafted workbooks stay small: {size} bytes"
    );
    let run = run_limited(
        &receiver,
        &["import", path.to_str().unwrap(), "--unsigned"],
        400,
    );
    (receiver, run)
}

const PERSONS: &str = "xl/worksheets/sheet1.xml";

fn before_sheet_end(text: &mut String, rows: &str) {
    *text = text.replace("</sheetData>", &format!("{rows}</sheetData>"));
}

#[test]
fn a_workbook_claiming_four_billion_shared_texts_is_read_for_what_it_holds() {
    // The issue: `uniqueCount` trusted ("capacity overflow", exit 101).
    let sst = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4294967295" uniqueCount="4294967295"><si><t>unused</t></si></sst>"#;
    let (receiver, run) = import_crafted(
        |name, text| {
            if name == "xl/_rels/workbook.xml.rels" {
                *text = text.replace("</Relationships>", r#"<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#);
            }
        },
        &[("xl/sharedStrings.xml", sst)],
    );
    run.ok();
    assert_eq!(receiver.count("persons"), 1);
}

#[test]
fn a_cell_at_xfd1048576_is_refused_without_allocating_the_sheet() {
    // The issue: "memory allocation of 2400000000000 bytes failed" (exit 134).
    let (receiver, run) = import_crafted(
        |name, text| {
            if name == PERSONS {
                before_sheet_end(
                    text,
                    r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#,
                );
            }
        },
        &[],
    );
    let err = run.fails(1);
    assert!(
        err.contains("crafted.xlsx was not read: cell XFD1048576 of sheet 'persons' lies outside the 1048576 rows x 200 columns that are read. Nothing was written"),
        "{err}"
    );
    assert_eq!(receiver.count("persons"), 0);
}

#[test]
fn a_huge_cell_reference_or_dimension_is_refused_or_ignored() {
    let (receiver, run) = import_crafted(
        |name, text| {
            if name == PERSONS {
                *text = text.replace(r#"r="A2""#, r#"r="A99999999999999999999""#);
            }
        },
        &[],
    );
    let err = run.fails(1);
    assert!(
        err.contains("sheet 'persons': the cell reference 'A99999999999999999999' is not valid"),
        "{err}"
    );
    assert_eq!(receiver.count("persons"), 0);
    // What a sheet says of its size, and cells without a value anywhere, cost nothing.
    let (receiver, run) = import_crafted(
        |name, text| {
            if name == PERSONS {
                let at = text.find("<dimension ref=\"").unwrap() + 16;
                let end = at + text[at..].find('"').unwrap();
                text.replace_range(at..end, "A1:XFD1048576");
                before_sheet_end(text, r#"<row r="1048576"><c r="XFD1048576" s="1"/></row>"#);
            }
        },
        &[],
    );
    run.ok();
    assert_eq!(receiver.count("persons"), 1);
}

#[test]
fn a_sparse_sheet_a_million_rows_tall_is_read_row_by_row() {
    // The issue: a 1.4 MB workbook took 4.7 GB (the sheet read as one dense range).
    let (receiver, run) = import_crafted(
        |name, text| {
            if name == PERSONS {
                before_sheet_end(
                    text,
                    r#"<row r="1048000"><c r="GR1048000" t="inlineStr"><is><t>x</t></is></c></row>"#,
                );
            }
        },
        &[],
    );
    let err = run.fails(1);
    assert!(
        err.contains("crafted.xlsx#persons:1048000: #17 '': the row has 200 values"),
        "{err}"
    );
    assert_eq!(receiver.count("persons"), 0);
}

#[test]
fn rows_out_of_order_are_refused() {
    let (_, run) = import_crafted(
        |name, text| {
            if name == PERSONS {
                before_sheet_end(
                    text,
                    r#"<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>"#,
                );
            }
        },
        &[],
    );
    let err = run.fails(1);
    assert!(
        err.contains("sheet 'persons': row 1 comes after row 2"),
        "{err}"
    );
}
