//! Exchange folders arrive by USB stick and e-mail: whatever is in them, pmi-desk opens only the
//! seven known files inside the folder, checks them against the bytes it parses, and says exactly
//! where a file is wrong, in the clerk's language, without writing anything.

use std::path::PathBuf;

use crate::util::Office;

const HEADER: &str = "person_uid,nik,full_name,sex,birth_date,office_code,created_at,updated_at";

fn row(n: u32) -> String {
    format!("0a5d3c1e-1111-4c1e-8a11-{n:012},13710215089{n:05},Budi {n},L,1990-08-15,AGAM,2023-11-01T00:00:00Z,2023-11-01T00:00:00Z")
}

/// A real export of one registration, to tamper with.
fn exported(office: &Office) -> PathBuf {
    office.register("1371021508900001", "Budi", &[]).ok();
    office.run(&["export", "--out", "sent"]).ok();
    office.path("sent")
}

fn manifest(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap()
}

#[test]
fn a_manifest_naming_a_file_outside_the_folder_is_refused_without_opening_it() {
    let office = Office::new();
    let dir = exported(&office);
    let mut m = manifest(&dir);
    m["files"][0]["name"] = "/etc/passwd".into();
    std::fs::write(dir.join("manifest.json"), m.to_string()).unwrap();
    let receiver = Office::new();
    let err = receiver
        .run(&["import", dir.to_str().unwrap(), "--unsigned"])
        .fails(1)
        .to_string();
    assert!(err.contains("unknown file '/etc/passwd'"), "{err}");
    assert!(
        !err.contains("rows"),
        "nothing about the file is revealed: {err}"
    );
    assert_eq!(receiver.count("persons"), 0);
}

#[test]
fn a_known_file_the_manifest_does_not_list_is_refused() {
    let office = Office::new();
    let dir = exported(&office);
    let mut m = manifest(&dir);
    let files = m["files"].as_array().unwrap().clone();
    m["files"] = files
        .into_iter()
        .filter(|f| f["name"] != "persons.csv")
        .collect();
    std::fs::write(dir.join("manifest.json"), m.to_string()).unwrap();
    let receiver = Office::new();
    let err = receiver
        .run(&["import", dir.to_str().unwrap(), "--unsigned"])
        .fails(1)
        .to_string();
    assert!(
        err.contains("persons.csv is in the folder but not listed"),
        "{err}"
    );
}

#[test]
fn the_bytes_parsed_are_the_bytes_the_manifest_vouches_for() {
    let office = Office::new();
    let dir = exported(&office);
    let persons = std::fs::read_to_string(dir.join("persons.csv")).unwrap();
    // Same number of rows, one name changed: only the checksum can tell.
    std::fs::write(dir.join("persons.csv"), persons.replace("Budi", "Bodi")).unwrap();
    let receiver = Office::new();
    let err = receiver
        .run(&["import", dir.to_str().unwrap(), "--unsigned"])
        .fails(1)
        .to_string();
    assert!(err.contains("checksum differs"), "{err}");
    assert_eq!(receiver.count("persons"), 0, "nothing written");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_device_is_never_read() {
    let office = Office::new();
    let dir = office.path("in");
    std::fs::create_dir(&dir).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("persons.csv")).unwrap();
    let err = office
        .run(&["import", dir.to_str().unwrap(), "--unsigned"])
        .fails(1)
        .to_string();
    assert!(err.contains("not a regular file"), "{err}");
}

fn import_file(office: &Office, content: &[u8], args: &[&str]) -> String {
    let file = office.path("persons.csv");
    std::fs::write(&file, content).unwrap();
    let mut all = vec!["import", file.to_str().unwrap(), "--unsigned"];
    all.extend_from_slice(args);
    let run = office.run(&all);
    run.fails(1).to_string()
}

#[test]
fn duplicated_and_misspelt_headers_are_errors_with_their_column() {
    let office = Office::new();
    let doubled = format!("{HEADER},full_name\n{},Budi\n", row(1));
    let err = import_file(&office, doubled.as_bytes(), &[]);
    assert!(
        err.contains("persons.csv:1: full_name ''") && err.contains("twice"),
        "{err}"
    );
    let misspelt = format!(
        "{}\n{}\n",
        HEADER.replace("birth_date", "Birth Dat"),
        row(1)
    );
    let err = import_file(&office, misspelt.as_bytes(), &[]);
    assert!(
        err.contains("persons.csv:1: birth dat") && err.contains("birth_date"),
        "{err}"
    );
    assert_eq!(office.count("persons"), 0);
}

#[test]
fn rows_longer_or_shorter_than_the_header_are_errors_on_the_right_line() {
    let office = Office::new();
    // CRLF, as Excel on Windows writes it: the errors are on lines 3 and 4.
    let content = format!(
        "{HEADER}\r\n{}\r\n{},extra\r\n{}\r\n",
        row(1),
        row(2),
        row(3).rsplit_once(',').unwrap().0
    );
    let err = import_file(&office, content.as_bytes(), &[]);
    assert!(err.contains("persons.csv:3: #9 'extra'"), "{err}");
    assert!(err.contains("persons.csv:4: updated_at ''"), "{err}");
    assert!(!err.contains("persons.csv:2:"), "{err}");
}

#[test]
fn a_file_saved_in_windows_1252_says_how_to_save_it() {
    let office = Office::new();
    let mut content = format!("{HEADER}\n").into_bytes();
    content.extend(row(1).replace("Budi 1", "Jos\u{e9}").as_bytes());
    // "é" as Windows-1252 writes it: one byte, 0xE9.
    let at = content.iter().position(|b| *b == 0xC3).unwrap();
    content.splice(at..at + 2, [0xE9]);
    content.push(b'\n');
    let file = office.path("persons.csv");
    std::fs::write(&file, &content).unwrap();
    let run = office.run(&[
        "--lang",
        "id",
        "import",
        file.to_str().unwrap(),
        "--unsigned",
    ]);
    let err = run.fails(1);
    assert!(
        err.contains("persons.csv:2:")
            && err.contains("CSV UTF-8")
            && err.contains("bukan teks UTF-8"),
        "{err}"
    );
}

#[test]
fn a_huge_value_is_quoted_short() {
    let office = Office::new();
    // Within a row's limit (1 MiB), far over a text's: an error that quotes a prefix only.
    let huge = "x".repeat(900 * 1024);
    let content = format!("{HEADER}\n{}\n", row(1).replace("Budi 1", &huge));
    let err = import_file(&office, content.as_bytes(), &[]);
    assert!(err.len() < 2_000, "{} bytes of message", err.len());
    assert!(
        err.contains("persons.csv:2: full_name"),
        "{}",
        &err[..200.min(err.len())]
    );
}

#[test]
fn a_masked_export_without_its_manifest_is_recognised() {
    let office = Office::new();
    exported(&office);
    office.run(&["export", "--out", "masked", "--mask"]).ok();
    let masked = office.path("masked");
    std::fs::remove_file(masked.join("manifest.json")).unwrap();
    let receiver = Office::new();
    let err = receiver
        .run(&["import", masked.to_str().unwrap(), "--unsigned"])
        .fails(1)
        .to_string();
    assert!(err.contains("masked export"), "{err}");
}
