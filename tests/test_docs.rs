//! The documents stay true: every command of the clerk's guide (docs/panduan.md) and of the
//! README's tour runs, in order, with the shell, and succeeds.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{binary, Office};

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

/// The commands of the ```sh blocks of a Markdown text, a line ending in `\` joined to the next.
fn shell_commands(markdown: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut in_sh = false;
    let mut current = String::new();
    for line in markdown.lines() {
        if line.starts_with("```") {
            in_sh = !in_sh && line.trim() == "```sh";
            continue;
        }
        if !in_sh || (current.is_empty() && (line.trim().is_empty() || line.starts_with('#'))) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(head) => current.push_str(head),
            None => {
                current.push_str(line);
                commands.push(std::mem::take(&mut current));
            }
        }
    }
    commands
}

/// Runs `command` with `sh` in the office's folder, `pmi-desk` on the PATH.
fn run(office: &Office, command: &str, env: &[(&str, &str)]) {
    let bin_dir: PathBuf = Path::new(binary()).parent().unwrap().to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut shell = Command::new("sh");
    shell
        .arg("-c")
        .arg(command)
        .current_dir(office.dir.path())
        .env_clear()
        .env("PATH", path)
        .env("HOME", office.dir.path())
        .env("PMI_DESK_DB", &office.db)
        .env("PMI_DESK_CLERK", "rina")
        .stdin(std::process::Stdio::null());
    for (key, value) in env {
        shell.env(key, value);
    }
    let out = shell.output().unwrap();
    assert!(
        out.status.success(),
        "`{command}` failed ({:?})\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_command_of_the_clerks_guide_runs_on_a_fresh_office() {
    let guide = read("docs/panduan.md");
    let commands = shell_commands(&guide);
    assert!(commands.len() >= 30, "{commands:#?}");
    for needed in [
        "register",
        "docs add",
        "recommend-passport",
        "letter",
        "depart",
        "open-case",
        "case resolve",
        "repatriate",
        "handover",
        "report summary",
        "export",
    ] {
        assert!(
            commands.iter().any(|c| c.contains(needed)),
            "the guide shows `{needed}`"
        );
    }
    let office = Office::empty();
    for command in &commands {
        run(
            &office,
            command,
            &[("PMI_DESK_NOW", "2026-11-09"), ("PMI_DESK_LANG", "id")],
        );
    }
    assert!(office.path("surat-rekomendasi.pdf").exists());
    assert!(office
        .path("kirim-2026-11-09")
        .join("manifest.json")
        .exists());
}

/// Issue 12: the tour named REG-2023-00890, which a fresh demo does not have.
#[test]
fn every_command_of_the_readme_tour_runs_on_a_fresh_demo() {
    let readme = read("README.md");
    let tour = readme
        .split("## A short tour")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the tour");
    let commands: Vec<String> = shell_commands(tour)
        .into_iter()
        .filter(|c| c.starts_with("pmi "))
        .collect();
    assert!(commands.len() >= 10, "{commands:#?}");
    // The tour's `pmi` alias runs the demo database; the demo follows the clock, so the tour is
    // tried on today's and on a fixed date.
    for now in [None, Some("2026-11-08")] {
        let office = Office::empty();
        let env: Vec<(&str, &str)> = now.map(|n| ("PMI_DESK_NOW", n)).into_iter().collect();
        // As on a clerk's machine: no PMI_DESK_DB, so the demo goes to ./pmi-desk-demo.db.
        run(&office, "env -u PMI_DESK_DB pmi-desk demo", &env);
        for command in &commands {
            let command = format!(
                "pmi() {{ pmi-desk --db pmi-desk-demo.db \"$@\"; }}; {}",
                command.trim_end()
            );
            run(&office, &command, &env);
        }
    }
}

/// Every Markdown file a reader is sent to: README.md, ARCHITECTURE.md and docs/ (and below).
fn manuals() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md"), root.join("ARCHITECTURE.md")];
    let mut folders = vec![root.join("docs")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

/// Issue 20 (item 15): docs/cli.md was left with a merge's conflict markers.
#[test]
fn no_manual_holds_merge_conflict_markers() {
    let mut found = Vec::new();
    for (path, text) in manuals() {
        for (n, line) in text.lines().enumerate() {
            if line.starts_with("<<<<<<<") || line == "=======" || line.starts_with(">>>>>>>") {
                found.push(format!("{}:{}: {line}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "conflict markers:\n{}", found.join("\n"));
}

/// A conflict resolved by keeping both sides shows a command twice in one block (docs/cli.md's
/// `check` and `backup`, each with what it did before and after the merge).
#[test]
fn no_shell_block_of_a_manual_shows_a_command_twice() {
    let mut found = Vec::new();
    for (path, text) in manuals() {
        let mut in_sh = false;
        let mut seen = std::collections::HashSet::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with("```") {
                in_sh = !in_sh && line.trim() == "```sh";
                seen.clear();
                continue;
            }
            let command = line.split("  #").next().unwrap_or_default().trim();
            if in_sh && !command.is_empty() && !command.starts_with('#') && !seen.insert(command) {
                found.push(format!("{}:{}: {command}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "shown twice:\n{}", found.join("\n"));
}
