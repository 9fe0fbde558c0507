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

/// A value that would clear the screen and print "Import done" over the refusal.
#[test]
fn escapes_in_a_refused_file_are_shown_never_run() {
    let office = Office::new();
    let file = office.path("persons.csv");
    std::fs::write(
        &file,
        format!(
            "{HEADER}\n0a5d3c1e-1111-4c1e-8a11-000000000001,1371021508900001,Budi,\u{1b}[2J\u{1b}[HImport done,1990-08-15,AGAM,2023-11-01T00:00:00Z,2023-11-01T00:00:00Z\n"
        ),
    )
    .unwrap();
    let run = office.run(&["import", file.to_str().unwrap(), "--unsigned"]);
    let err = run.fails(1);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("<U+001B>[2J"), "{err}");
    // An unknown column's name is quoted the same way.
    std::fs::write(
        &file,
        format!("{HEADER},\u{1b}]0;owned\u{7}\n{}\n", row(1) + ","),
    )
    .unwrap();
    let run = office.run(&["import", file.to_str().unwrap(), "--unsigned", "--dry-run"]);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
}

#[test]
fn a_clerk_name_with_escapes_never_reaches_the_audit_log() {
    let office = Office::new();
    let run = office.run_with(
        &[
            "register",
            "--nik",
            "1371021508900001",
            "--name",
            "Budi",
            "--sex",
            "L",
            "--birth-place",
            "Padang",
            "--birth-date",
            "15-08-1990",
            "--regency",
            "1371",
            "--scheme",
            "MANDIRI",
            "--country",
            "JP",
        ],
        &[("PMI_DESK_CLERK", "ani\u{1b}[31m")],
    );
    assert!(run.fails(2).contains("PMI_DESK_CLERK"), "{}", run.stderr);
    assert_eq!(office.count("persons"), 0);
    office
        .run(&["--clerk", "x\u{202E}y", "worker", "list"])
        .fails(2);
}

/// U+202E turns the rest of a line around: "Budi Santoso" followed by a reversed "Valid to".
#[test]
fn direction_overrides_and_invisible_characters_are_refused_and_never_printed_raw() {
    let office = Office::with_letterhead();
    let run = office.register(
        "1371021508900001",
        "Budi Santoso\u{202E}0002 yraunaJ :ot dilaV",
        &[],
    );
    assert!(run.fails(1).contains("U+202E"), "{}", run.stderr);
    let run = office.register("1371021508900001", "Bu\u{200B}di", &[]);
    assert!(run.fails(1).contains("U+200B"), "{}", run.stderr);
    // A name stored before this rule (or by hand) is shown, not obeyed, in a letter.
    let number = office.ready_for_passport(
        "1306025508900002",
        "Siti Rahmah",
        &["--sex", "P", "--accept-warnings"],
    );
    office.run(&["recommend-passport", &number]).ok();
    office.sql(
        "UPDATE persons SET full_name = 'Siti' || char(8238) || 'hamhaR', seq = seq + 1000000",
    );
    office
        .run(&["letter", "B.0001/BP3MI-SB/XI/2023", "--out", "surat.html"])
        .ok();
    let html = std::fs::read_to_string(office.path("surat.html")).unwrap();
    assert!(!html.contains('\u{202E}'), "raw override in the letter");
    assert!(
        html.contains("<bdi>Siti&lt;U+202E&gt;hamhaR</bdi>"),
        "{html}"
    );
    let text = office.run(&["letter", "B.0001/BP3MI-SB/XI/2023"]);
    assert!(!text.ok().contains('\u{202E}'));
    let shown = office.run(&["worker", "show", "1306025508900002"]);
    assert!(!shown.ok().contains('\u{202E}'), "{}", shown.stdout);
}

/// Runs pmi-desk and gives it 20 seconds: a hang is a failure, not a stuck test run.
fn within_20s(office: &Office, args: &[&str]) -> std::process::Output {
    let mut child = office
        .command()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("pmi-desk {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_pipe_or_a_device_is_refused_never_read_for_ever() {
    let office = Office::with_letterhead();
    let fifo = office.path("kiriman.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let out = within_20s(&office, &["import", fifo.to_str().unwrap(), "--unsigned"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    let fifo_logo = office.path("logo.png");
    std::process::Command::new("mkfifo")
        .arg(&fifo_logo)
        .status()
        .unwrap();
    for logo in [fifo_logo.to_str().unwrap(), "/dev/zero"] {
        let out = within_20s(&office, &["config", "set", "letterhead.logo", logo]);
        assert_ne!(out.status.code(), Some(0), "{logo}");
    }
}

#[test]
fn a_logo_grown_after_config_set_is_refused_at_print_time() {
    let office = Office::with_letterhead();
    let number = office.ready_for_passport(
        "1306025508900002",
        "Siti Rahmah",
        &["--sex", "P", "--accept-warnings"],
    );
    office.run(&["recommend-passport", &number]).ok();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(1000, 0);
    std::fs::write(office.path("logo.png"), &png).unwrap();
    office
        .run(&["config", "set", "letterhead.logo", "logo.png"])
        .ok();
    png.resize(300 * 1024 * 1024 / 100, 0);
    std::fs::write(office.path("logo.png"), &png).unwrap();
    let run = office.run(&["letter", "B.0001/BP3MI-SB/XI/2023", "--out", "surat.html"]);
    assert!(run.fails(1).contains("100 KB"), "{}", run.stderr);
    assert!(!office.path("surat.html").exists());
}

/// An unsigned folder of many passport letters (never taken unsigned): the first rows are named,
/// then how many more, not a line for each of thousands.
#[test]
fn many_rows_refused_on_their_own_are_summed_up_not_listed_one_by_one() {
    let office = Office::with_code("BP2MI");
    let dir = office.path("kiriman");
    std::fs::create_dir(&dir).unwrap();
    let stamp = "2023-11-01T00:00:00Z";
    let mut persons = format!("{HEADER}\n");
    let mut placements = "placement_uid,person_uid,scheme,country,stage,registered_on,office_code,created_at,updated_at\n".to_string();
    let mut letters = "recommendation_uid,placement_uid,letter_number,status,decided_on,valid_until,office_code,created_at,updated_at\n".to_string();
    for n in 1..=1030u32 {
        persons.push_str(&row(n));
        persons.push('\n');
        placements.push_str(&format!(
            "0a5d3c1e-2222-4c1e-8a11-{n:012},0a5d3c1e-1111-4c1e-8a11-{n:012},MANDIRI,JP,RECOMMENDED,2023-10-01,AGAM,{stamp},{stamp}\n"
        ));
        letters.push_str(&format!(
            "0a5d3c1e-3333-4c1e-8a11-{n:012},0a5d3c1e-2222-4c1e-8a11-{n:012},B.{n}/AGAM/X/2023,ISSUED,2023-10-02,2024-01-02,AGAM,{stamp},{stamp}\n"
        ));
    }
    std::fs::write(dir.join("persons.csv"), persons).unwrap();
    std::fs::write(dir.join("placements.csv"), placements).unwrap();
    std::fs::write(dir.join("recommendations.csv"), letters).unwrap();
    let run = office.run(&[
        "import",
        dir.to_str().unwrap(),
        "--unsigned",
        "--accept-warnings",
        "--errors",
        "ditolak.csv",
    ]);
    let err = run.fails(4);
    let listed = err
        .lines()
        .filter(|l| l.contains("recommendations.csv:"))
        .count();
    assert_eq!(listed, 20, "{err}");
    assert!(err.contains("and 1010 more rows refused"), "{err}");
    // Memory in proportion to what is shown: the first 1,000 are kept, the rest counted.
    let all = std::fs::read_to_string(office.path("ditolak.csv")).unwrap();
    assert_eq!(
        all.lines().filter(|l| l.starts_with("refused,")).count(),
        1000
    );
}
