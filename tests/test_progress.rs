//! Progress bars of long work: on a terminal the clerk sees what is done, the rate and the time
//! left; with `--quiet`, or when the output goes to a file or a program, nothing of it.

use crate::util::Office;

fn demo_office() -> Office {
    let office = Office::empty();
    office.run(&["demo"]).ok();
    office
}

/// Everything the command wrote to the pseudo-terminal, once it has ended.
fn on_terminal(office: &Office, args: &[&str]) -> String {
    let mut command = office.terminal_80x50(args);
    command.env("PMI_DESK_LANG", "en");
    let mut session = rexpect::session::spawn_command(command, Some(60_000)).expect("pty");
    session.exp_eof().expect("the command ends by itself")
}

#[test]
fn export_import_and_backup_show_a_bar_on_a_terminal_and_clear_it() {
    let office = demo_office();
    let shown = on_terminal(&office, &["export", "--out", "out"]);
    assert!(
        shown.contains("rows") && shown.contains("left") && shown.contains("/s"),
        "{shown}"
    );
    assert!(shown.contains("Exported to"), "the summary stays: {shown}");
    let backup = on_terminal(&office, &["backup", "--out", "copy.db"]);
    assert!(backup.contains("left"), "{backup}");
    let other = Office::new();
    let folder = office.path("out");
    let imported = on_terminal(&other, &["import", folder.to_str().unwrap()]);
    assert!(
        imported.contains("left") && imported.contains("B/s"),
        "{imported}"
    );
    let demo = on_terminal(&Office::empty(), &["demo"]);
    assert!(
        demo.contains("demo office") && demo.contains("left"),
        "{demo}"
    );
}

#[test]
fn no_bar_with_quiet_or_off_a_terminal() {
    let office = demo_office();
    let quiet = on_terminal(&office, &["--quiet", "export", "--out", "out"]);
    assert!(!quiet.contains("left"), "{quiet}");
    let piped = office.run(&["export", "--out", "out2"]);
    piped.ok();
    assert!(!piped.stderr.contains("left"), "{}", piped.stderr);
}
