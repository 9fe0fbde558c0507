//! The power fails, or a clerk closes the laptop: a process killed (`kill -9`) in the middle of an
//! import, an export or a letter leaves the database consistent (`check` passes) and the work
//! all done or not done at all.

use std::process::Stdio;
use std::time::Duration;

use crate::util::Office;

/// Starts the command, kills it after `after`, and waits for it.
fn killed(office: &Office, args: &[&str], after: Duration) {
    let mut child = office
        .command()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

fn consistent(office: &Office) {
    let check = office.run(&["check", "--format", "csv"]);
    assert!(check.ok().contains("integrity,ok"), "{}", check.stdout);
}

#[test]
fn an_import_killed_midway_leaves_nothing_or_everything() {
    let sender = Office::empty();
    let now = [("PMI_DESK_NOW", "2026-11-28")];
    sender.run_with(&["demo", "--db", "demo.db"], &now).ok();
    sender
        .run_with(&["--db", "demo.db", "export", "--out", "demo"], &now)
        .ok();
    let folder = sender.path("demo");
    let total = std::fs::read_to_string(folder.join("persons.csv"))
        .unwrap()
        .lines()
        .count() as i64
        - 1;
    let office = Office::with_code("BP2MI");
    for ms in [30, 250, 700] {
        killed(
            &office,
            &["import", folder.to_str().unwrap()],
            Duration::from_millis(ms),
        );
        consistent(&office);
        let persons = office.count("persons");
        assert!(
            persons == 0 || persons == total,
            "{persons} of {total} persons after a kill at {ms} ms"
        );
        if persons == total {
            break;
        }
    }
    office
        .run_with(&["import", folder.to_str().unwrap()], &now)
        .ok();
    assert_eq!(office.count("persons"), total);
    consistent(&office);
}

#[test]
fn an_export_killed_midway_leaves_no_half_folder() {
    let office = Office::empty();
    let now = [("PMI_DESK_NOW", "2026-11-28")];
    office.run_with(&["demo"], &now).ok();
    for ms in [5, 40, 120] {
        let name = format!("kirim-{ms}");
        killed(
            &office,
            &["export", "--out", &name],
            Duration::from_millis(ms),
        );
        consistent(&office);
        let out = office.path(&name);
        if out.exists() {
            // Whole: its manifest vouches for every file.
            let other = Office::with_code("BP2MI");
            other
                .run_with(&["import", out.to_str().unwrap(), "--dry-run"], &now)
                .ok();
        }
    }
}

#[test]
fn a_letter_killed_while_it_is_issued_is_issued_whole_or_not_at_all() {
    let office = Office::new();
    let number = office.ready_for_passport("1371021508900001", "Budi", &[]);
    for ms in [1, 8, 20] {
        killed(
            &office,
            &["recommend-passport", &number],
            Duration::from_millis(ms),
        );
        consistent(&office);
        let conn = rusqlite::Connection::open(&office.db).unwrap();
        let (letters, stage): (i64, String) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM recommendations), stage FROM placements",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        match letters {
            0 => assert_eq!(stage, "REGISTERED"),
            1 => {
                assert_eq!(stage, "RECOMMENDED", "the letter and the stage go together");
                return;
            }
            n => panic!("{n} letters"),
        }
    }
    office.run(&["recommend-passport", &number]).ok();
}
