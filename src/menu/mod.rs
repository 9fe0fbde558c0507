//! The guided menu: `pmi-desk` alone on a terminal, the way in for a clerk starting from zero. Each
//! task runs the real command line (`pmi-desk register`, `pmi-desk docs add`...) through the same
//! parser and the same code as when it is typed, so the command asks for what is missing; then the
//! menu shows that command line with every answer, so the clerk learns it, and comes back.

mod tasks;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use crate::i18n::{self, Lang, Msg};
use crate::prompt::{self, Prompter, Terminal};
use crate::t;

/// Whether `pmi-desk` alone opens the menu: only for a clerk at a terminal (standard input and
/// output), and not with `--no-input`, which asks for nothing.
pub fn can_start() -> bool {
    std::io::stdin().is_terminal()
        && std::io::stdout().is_terminal()
        && !std::env::args_os().any(|a| a == "--no-input")
}

/// Runs the menu until the clerk quits; returns the exit code.
pub fn run(lang: Lang) -> i32 {
    i18n::set_lang(lang);
    crate::interrupt::install();
    let mut base: Vec<OsString> = std::env::args_os().collect();
    let mut terminal = Terminal;
    eprintln!("{}", t!(Msg::MenuTitle));
    loop {
        let db = database(&base);
        let ready = db.exists();
        eprintln!("{}", t!(Msg::MenuDatabase, db.display()));
        if !ready {
            eprintln!("{}", t!(Msg::MenuNoDatabase));
        }
        let list = tasks::list(ready);
        let items: Vec<String> = list.iter().map(|task| t!(task.label)).collect();
        let Ok(chosen) = terminal.select(&t!(Msg::MenuQuestion), &items, 0) else {
            return 0;
        };
        let task = &list[chosen];
        match tasks::words_of(task, &mut terminal, &mut base) {
            Ok(Some(words)) if words.is_empty() => return 0,
            Ok(Some(words)) => {
                if let Some(answers) = run_answered(&base, &words) {
                    next_steps(&base, &words, &answers, &mut terminal);
                }
            }
            Ok(None) => {}
            Err(e) if crate::interrupt::is_interrupt(&e) => {
                eprintln!("{}", t!(Msg::NothingSaved));
                return crate::interrupt::EXIT;
            }
            Err(e) => eprintln!("pmi-desk: {e:#}"),
        }
        eprintln!();
    }
}

/// The database the commands will use, from `--db`, `PMI_DESK_DB` or the default.
fn database(base: &[OsString]) -> PathBuf {
    let mut args = base.to_vec();
    args.push("check".into());
    crate::parse(args)
        .ok()
        .and_then(|(cli, _)| cli.global.db)
        .unwrap_or_else(crate::context::default_db_path)
}

/// What usually comes next, offered at once: the next document of the same worker after one is
/// recorded (the one its checklist lacks first is the default), the handover record after a
/// handover.
fn next_steps(
    base: &[OsString],
    words: &[String],
    answers: &[(String, Option<String>)],
    terminal: &mut Terminal,
) {
    let answer = |name: &str| {
        answers
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.clone())
    };
    match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["docs", "add"] => {
            let Some(placement) = answer("<PLACEMENT>") else {
                return;
            };
            while terminal
                .confirm(&t!(Msg::MenuNextDocument))
                .unwrap_or(false)
            {
                let again = ["docs".into(), "add".into(), placement.clone()];
                if run_answered(base, &again).is_none() {
                    return;
                }
            }
        }
        ["handover"] => {
            let Some(repatriation) = answer("<REPATRIATION>") else {
                return;
            };
            if terminal
                .confirm(&t!(Msg::MenuPrintHandover))
                .unwrap_or(false)
            {
                let file: String = repatriation
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                let out = format!("berita-acara-{file}.pdf");
                run_task(base, &["letter".into(), repatriation, "--out".into(), out]);
            }
        }
        _ => {}
    }
}

/// Runs `pmi-desk [global options] WORDS` as if typed, then shows the command line it amounted to.
pub fn run_task(base: &[OsString], words: &[String]) -> bool {
    run_answered(base, words).is_some()
}

/// As `run_task`, with the answers the clerk gave when it succeeded.
fn run_answered(base: &[OsString], words: &[String]) -> Option<Vec<(String, Option<String>)>> {
    prompt::take_transcript();
    let mut args = base.to_vec();
    args.extend(words.iter().map(OsString::from));
    let (cli, db_on_command_line) = match crate::parse(args) {
        Ok(parsed) => parsed,
        Err(stop) => {
            stop.report();
            return None;
        }
    };
    match crate::run(cli, db_on_command_line) {
        Ok(()) => {
            let answers = prompt::take_transcript();
            let units = command_units(base, words, &answers);
            eprintln!("{}", t!(Msg::MenuSameCommand));
            eprintln!("{}", wrap(&units, prompt::width()));
            Some(answers)
        }
        Err(e) => {
            eprintln!("pmi-desk: {e:#}");
            None
        }
    }
}

/// `pmi-desk`, the global options the menu was started with, the command's words, then every
/// answer as the option that gives it (positional values as they are): each an unbreakable unit.
pub fn command_units(
    base: &[OsString],
    words: &[String],
    answers: &[(String, Option<String>)],
) -> Vec<String> {
    let mut units = vec!["pmi-desk".to_string()];
    units.extend(base.iter().skip(1).map(|a| quote(&a.to_string_lossy())));
    units.extend(words.iter().map(|w| quote(w)));
    for (name, value) in answers {
        units.push(match (name.starts_with("--"), value) {
            (true, Some(value)) => format!("{name} {}", quote(value)),
            (true, None) => name.clone(),
            (false, value) => quote(value.as_deref().unwrap_or_default()),
        });
    }
    units
}

/// The command as lines that fit `width`, continued with a backslash so it can be pasted whole.
pub fn wrap(units: &[String], width: usize) -> String {
    let mut lines: Vec<String> = vec!["  ".to_string()];
    for unit in units {
        let line = lines.last_mut().expect("one line at least");
        let start = line.trim().is_empty();
        if !start && line.chars().count() + 1 + unit.chars().count() + 2 > width {
            line.push_str(" \\");
            lines.push(format!("    {unit}"));
        } else {
            if !start {
                line.push(' ');
            }
            line.push_str(unit);
        }
    }
    lines.join("\n")
}

/// A word as a POSIX shell reads it back unchanged: as it is when it is plain, in double quotes
/// when it has spaces or an apostrophe (`"Nur'aini"`), else in single quotes.
pub fn quote(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return word.to_string();
    }
    if !word.chars().any(|c| "\"\\$`!\n".contains(c)) {
        return format!("\"{word}\"");
    }
    format!("'{}'", word.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_only_when_the_shell_needs_it() {
        assert_eq!(quote("1371021508900001"), "1371021508900001");
        assert_eq!(quote("REG-2023-00001"), "REG-2023-00001");
        assert_eq!(quote("Budi Santoso"), "\"Budi Santoso\"");
        assert_eq!(quote("Nur'aini"), "\"Nur'aini\"");
        assert_eq!(quote("Rp 5.000.000 $ucapan"), "'Rp 5.000.000 $ucapan'");
        assert_eq!(quote("it's \"x\""), "'it'\\''s \"x\"'");
        assert_eq!(quote(""), "\"\"");
    }

    #[test]
    fn the_command_line_names_every_answer_and_fits_the_terminal() {
        let base: Vec<OsString> = vec!["pmi-desk".into(), "--lang".into(), "id".into()];
        let answers = vec![
            (
                "<PLACEMENT>".to_string(),
                Some("REG-2023-00001".to_string()),
            ),
            ("--kind".to_string(), Some("KTP".to_string())),
            ("--verified".to_string(), None),
        ];
        let units = command_units(&base, &["docs".into(), "add".into()], &answers);
        assert_eq!(
            wrap(&units, 80),
            "  pmi-desk --lang id docs add REG-2023-00001 --kind KTP --verified"
        );
        let answers = vec![
            (
                "--name".to_string(),
                Some("Siti Rahmah binti Abdullah".to_string()),
            ),
            (
                "--address".to_string(),
                Some("Jl. Sudirman No. 5, Padang".to_string()),
            ),
        ];
        let text = wrap(&command_units(&base, &["register".into()], &answers), 44);
        assert!(text.lines().all(|l| l.chars().count() <= 44), "{text}");
        assert!(
            text.contains("--name \"Siti Rahmah binti Abdullah\""),
            "{text}"
        );
        assert!(text.lines().next().unwrap().ends_with(" \\"), "{text}");
    }
}
