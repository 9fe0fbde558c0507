//! Tables as a clerk sees them in an 80x50 terminal (a pseudo-terminal sized with `stty`): short
//! column sets, NIKs and numbers whole, 50 rows and "N more", `--wide`, the pager; and CSV/JSON,
//! which always carry every row and column.

use std::process::Command;

use crate::util::{binary, Office};

/// The demo's records are dated relative to its today.
const NOW: (&str, &str) = ("PMI_DESK_NOW", "2026-11-28");

/// An office whose database is the demo, with one long edit in its audit log.
fn demo() -> Office {
    let office = Office::empty();
    office
        .run_with(&["demo", "--db", office.db.to_str().unwrap()], &[NOW])
        .ok();
    office
        .run_with(
            &[
                "worker",
                "edit",
                "REG-2021-00001",
                "--address",
                "Jorong Koto Tuo, Nagari Balingka, Kecamatan IV Koto, Kabupaten Agam, Sumatera Barat",
                "--occupation",
                "Perawat lansia (caregiver) di panti wreda swasta",
            ],
            &[NOW],
        )
        .ok();
    office
}

/// Runs pmi-desk on a pseudo-terminal of 80 columns and 50 lines; returns what the screen got.
fn on_terminal(office: &Office, args: &[&str], env: &[(&str, &str)]) -> String {
    let template = office.terminal_command();
    let mut sh = Command::new("sh");
    sh.env_clear().current_dir(office.dir.path());
    for (key, value) in template.get_envs() {
        if let Some(value) = value {
            sh.env(key, value);
        }
    }
    sh.env(NOW.0, NOW.1);
    for (key, value) in env {
        sh.env(key, value);
    }
    sh.arg("-c")
        .arg("stty cols 80 rows 50; exec \"$0\" \"$@\"")
        .arg(binary())
        .args(args);
    let mut session = rexpect::session::spawn_command(sh, Some(30_000)).expect("pty");
    let screen = session.exp_eof().expect("the command ends");
    // rexpect hands back each byte as one char: decode the UTF-8 the terminal received.
    let bytes: Vec<u8> = screen.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8_lossy(&bytes).replace('\r', "")
}

fn csv_rows(office: &Office, args: &[&str]) -> Vec<Vec<String>> {
    let run = office.run_with(&[args, &["--format", "csv"]].concat(), &[NOW]);
    let mut reader = csv::Reader::from_reader(run.ok().as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[track_caller]
fn fits(screen: &str, width: usize, what: &str) {
    assert!(!screen.trim().is_empty(), "{what}: nothing shown");
    for line in screen.lines() {
        assert!(
            line.chars().count() <= width,
            "{what}: a line of {} columns:\n{line}\n\n{screen}",
            line.chars().count()
        );
    }
}

#[test]
fn listings_fit_80_columns_with_niks_and_numbers_whole() {
    let office = demo();
    let listings: [&[&str]; 7] = [
        &["worker", "list"],
        &["case", "list", "--overdue"],
        &["case", "list"],
        &["recommendation", "list"],
        &["repatriation", "list"],
        &["log"],
        &["worker", "show", "REG-2021-00001"],
    ];
    for lang in ["id", "en"] {
        for args in listings {
            let screen = on_terminal(
                &office,
                &[&["--lang", lang, "--no-pager"], args].concat(),
                &[],
            );
            fits(&screen, 80, &format!("{lang} {args:?}"));
        }
    }
    // The first 50 placements, each NIK and registration number whole on its row (this office's
    // numbers shown without its code, which CSV and JSON carry).
    let screen = on_terminal(&office, &["worker", "list", "--no-pager"], &[]);
    let listed = csv_rows(&office, &["worker", "list"]);
    for row in &listed[..50] {
        let own = row[0]
            .strip_prefix("BP3MI-SB-")
            .expect("this office's number");
        let line = screen
            .lines()
            .find(|l| l.starts_with(own))
            .unwrap_or_else(|| panic!("{} not shown whole:\n{screen}", row[0]));
        assert!(line.contains(&row[1]), "NIK {} whole: {line}", row[1]);
    }
    // The log's long change is cut with an ellipsis, never wrapped onto more lines.
    // (The demo's records each have an entry of their own first: the edit is the record's.)
    let log = on_terminal(
        &office,
        &["log", "--no-pager", "--record", "REG-2021-00001"],
        &[],
    );
    let edit = log.lines().find(|l| l.contains("address")).expect("edit");
    assert!(edit.ends_with('…'), "{log}");
}

#[test]
fn a_table_shows_50_rows_then_how_many_more_and_csv_json_carry_all() {
    let office = demo();
    let listed = csv_rows(&office, &["worker", "list"]);
    let total = listed.len();
    assert!(total > 100, "the demo has many placements: {total}");
    for (lang, more) in [
        (
            "en",
            format!("{} more (of {total}): --limit N or --all", total - 50),
        ),
        (
            "id",
            format!(
                "{} lagi (dari {total}): --limit JUMLAH atau --all",
                total - 50
            ),
        ),
    ] {
        let screen = on_terminal(
            &office,
            &["--lang", lang, "worker", "list", "--no-pager"],
            &[],
        );
        let rows = screen.lines().filter(|l| l.starts_with("REG-")).count();
        assert_eq!(rows, 50, "{screen}");
        assert_eq!(screen.lines().last(), Some(more.as_str()), "{screen}");
    }
    // --limit and --all in a table.
    let five = office.run_with(&["worker", "list", "--limit", "5"], &[NOW]);
    assert_eq!(
        five.ok().lines().filter(|l| l.starts_with("REG-")).count(),
        5
    );
    assert!(five.stdout.contains(&format!("{} more", total - 5)));
    let all = office.run_with(&["worker", "list", "--all"], &[NOW]);
    assert_eq!(
        all.ok().lines().filter(|l| l.starts_with("REG-")).count(),
        total
    );
    assert!(!all.stdout.contains("more"), "nothing left");
    // CSV and JSON: every row and every column, as before; --limit cuts them without a note.
    let csv = office.run_with(&["worker", "list", "--format", "csv"], &[NOW]);
    assert_eq!(
        csv.ok().lines().next(),
        Some("registration_number,nik,full_name,regency_code,scheme,country,stage,registered_on,departed_on,placement_uid")
    );
    assert_eq!(csv.stdout.lines().count(), total + 1);
    let json = office
        .run_with(&["worker", "list", "--format", "json"], &[NOW])
        .json();
    assert_eq!(json.as_array().unwrap().len(), total);
    let cut = office.run_with(
        &["worker", "list", "--format", "csv", "--limit", "5"],
        &[NOW],
    );
    assert_eq!(cut.ok().lines().count(), 6, "{}", cut.stdout);
    for args in [
        &["case", "list"][..],
        &["recommendation", "list"],
        &["repatriation", "list"],
    ] {
        let rows = csv_rows(&office, args).len();
        let table = office.run_with(args, &[NOW]);
        let more = rows.saturating_sub(50);
        if more > 0 {
            assert!(
                table.ok().contains(&format!("{more} more (of {rows})")),
                "{args:?}: {}",
                table.stdout
            );
        }
    }
}

#[test]
fn wide_shows_every_column_and_the_uids() {
    let office = demo();
    let listed = csv_rows(&office, &["worker", "list", "--limit", "3"]);
    let narrow = on_terminal(
        &office,
        &["worker", "list", "--limit", "3", "--no-pager"],
        &[],
    );
    let wide = on_terminal(
        &office,
        &["worker", "list", "--limit", "3", "--wide", "--no-pager"],
        &[],
    );
    for row in &listed {
        let uid = row.last().unwrap();
        assert!(!narrow.contains(uid.as_str()), "{narrow}");
        assert!(wide.contains(uid.as_str()), "{wide}");
        assert!(wide.contains(&row[2]), "names whole with --wide: {wide}");
    }
    let show = on_terminal(
        &office,
        &["worker", "show", "REG-2021-00001", "--wide", "--no-pager"],
        &[],
    );
    assert!(
        show.contains("Placement uid") || show.contains("UID"),
        "{show}"
    );
}

#[test]
fn off_a_terminal_columns_is_honoured_else_lines_are_whole() {
    let office = demo();
    let whole = office.run_with(&["worker", "list", "--limit", "50"], &[NOW]);
    assert!(!whole.ok().contains('…'), "{}", whole.stdout);
    for row in csv_rows(&office, &["worker", "list", "--limit", "50"]) {
        assert!(whole.stdout.contains(&row[2]), "{} whole", row[2]);
    }
    let narrow = office.run_with(&["worker", "list"], &[NOW, ("COLUMNS", "80")]);
    fits(narrow.ok(), 80, "COLUMNS=80 in a pipe");
}

#[test]
fn a_long_table_goes_through_the_pager_on_a_terminal_only() {
    let office = demo();
    let paged = on_terminal(
        &office,
        &["case", "list", "--limit", "3"],
        &[("PAGER", "sed s/^/paged:/")],
    );
    assert!(
        paged
            .lines()
            .filter(|l| !l.is_empty())
            .all(|l| l.starts_with("paged:")),
        "{paged}"
    );
    for (args, env) in [
        (
            &["case", "list", "--limit", "3", "--no-pager"][..],
            ("PAGER", "sed s/^/paged:/"),
        ),
        (&["case", "list", "--limit", "3"], ("PAGER", "")),
        (
            &["case", "list", "--limit", "3", "--format", "csv"],
            ("PAGER", "sed s/^/paged:/"),
        ),
    ] {
        let screen = on_terminal(&office, args, &[env]);
        assert!(!screen.contains("paged:"), "{args:?}: {screen}");
        assert!(screen.contains("BP3MI-SB-K-"), "{args:?}: {screen}");
    }
    // A pager that cannot start: the table is printed all the same.
    let missing = on_terminal(
        &office,
        &["case", "list", "--limit", "3"],
        &[("PAGER", "no-such-pager-here")],
    );
    assert!(missing.contains("BP3MI-SB-K-"), "{missing}");
    // Off a terminal: never.
    let piped = office.run_with(
        &["case", "list", "--limit", "3"],
        &[NOW, ("PAGER", "sed s/^/paged:/")],
    );
    assert!(!piped.ok().contains("paged:"), "{}", piped.stdout);
}

#[test]
fn check_ref_and_the_export_summary_speak_indonesian() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let check = office.run(&["--lang", "id", "check"]);
    for words in [
        "Versi skema",
        "Jumlah orang",
        "Jumlah penempatan",
        "Rujukan antardata",
    ] {
        assert!(check.ok().contains(words), "{}", check.stdout);
    }
    for english in [
        "schema_version",
        "foreign_key_problems",
        "persons",
        "placements",
    ] {
        assert!(
            !check.stdout.contains(english),
            "{english}: {}",
            check.stdout
        );
    }
    let csv = office.run(&["--lang", "id", "check", "--format", "csv"]);
    assert!(
        csv.ok().contains("foreign_key_problems,0"),
        "{}",
        csv.stdout
    );
    assert!(csv.stdout.contains("persons,1"), "{}", csv.stdout);

    let codes = office.run(&["--lang", "id", "ref", "codes", "kategori pengaduan"]);
    assert!(
        codes.ok().contains("kategori pengaduan"),
        "{}",
        codes.stdout
    );
    assert!(!codes.stdout.contains("case category"), "{}", codes.stdout);
    let codes_csv = office.run(&["ref", "codes", "case category", "--format", "csv"]);
    assert!(
        codes_csv.ok().contains("case category,"),
        "{}",
        codes_csv.stdout
    );

    let out = office.path("out");
    let export = office.run(&["--lang", "id", "export", "--out", out.to_str().unwrap()]);
    assert!(
        export.ok().contains("orang 1, penempatan 1"),
        "{}",
        export.stdout
    );
}
