//! What a clerk reads before any command runs, in the clerk's language: the help of every command,
//! the parser's errors, the man page and the short help of `pmi-desk` alone.
//!
//! clap's derive text is English (it feeds the shell completions). `command(lang)` builds the tree,
//! then walks it: every argument gets a heading (Arguments, Options, Global options), every command
//! its examples (kept in its file, see `examples.rs`); in Indonesian every about and help text is
//! looked up by its English text in `id.rs`, value names too (`<DATE>` becomes `<TANGGAL>`), and clap's English fragments
//! (`Usage:`, `[OPTIONS]`, `[default: ...]`, `[possible values: ...]`) are replaced by ours from the
//! message table. Parser errors are rendered anew from clap's error context (`errors.rs`).

mod errors;
pub mod examples;
mod id;
mod start;

pub use start::no_command;

use std::ffi::OsString;

use clap::builder::{Str, StyledStr};
use clap::error::ErrorKind;
use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::cli::Cli;
use crate::i18n::{fill, Lang, Msg};

/// Where examples and usage lines wrap: help must read well on an 80-column terminal.
const HELP_WIDTH: usize = 80;
/// `man` indents its sections by 7 columns.
const MAN_EXAMPLE_WIDTH: usize = 72;

/// The language for help and parser errors, known before clap runs: `--lang`/`--lang=` on the
/// command line, else `PMI_DESK_LANG`, else the locale. `true` when it came from the command line
/// (a hint to run `--help` then repeats it).
pub fn lang_of(args: &[OsString]) -> (Lang, bool) {
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            iter.next().map(|v| v.into_owned())
        } else {
            arg.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(lang) = value.as_deref().and_then(parse_lang) {
            return (lang, true);
        }
    }
    let env = std::env::var("PMI_DESK_LANG").ok();
    let explicit = env.as_deref().and_then(parse_lang);
    (Lang::choose(explicit), false)
}

fn parse_lang(value: &str) -> Option<Lang> {
    match value {
        "id" => Some(Lang::Id),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The whole command line, built, with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    localize(cmd, lang, "")
}

/// Why parsing stopped before a command could run: help or version asked for, a usage error, or
/// no command at all. `report` prints it and gives the exit code.
#[derive(Debug)]
pub enum Stop {
    /// Printed by clap itself: help and version (standard output, exit 0), and in English its errors.
    Clap(clap::Error),
    /// A parser error in the clerk's language: standard error, exit 2.
    Usage(String),
    /// `pmi-desk` with no command: on a terminal `main` opens the menu instead of reporting it.
    NoCommand(Lang),
}

impl Stop {
    /// Prints what stopped the parse and returns the exit code.
    pub fn report(self) -> i32 {
        match self {
            Stop::Clap(error) => {
                let _ = error.print();
                error.exit_code()
            }
            Stop::Usage(text) => {
                eprint!("{text}");
                2
            }
            Stop::NoCommand(lang) => no_command(lang),
        }
    }
}

/// Turns clap's error into what the clerk sees, in the language of `args`.
pub fn stop(mut error: clap::Error, args: &[OsString]) -> Stop {
    let (lang, lang_on_command_line) = lang_of(args);
    if error.kind() == ErrorKind::InvalidSubcommand {
        nearest_commands_first(&mut error, lang, args);
    }
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return Stop::Clap(error),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand
            if names_no_command(lang, args) =>
        {
            return Stop::NoCommand(lang)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return Stop::Clap(error),
        _ => {}
    }
    if lang == Lang::En {
        return Stop::Clap(error);
    }
    let root = command(lang);
    let path = command_path(&root, args);
    let named = path
        .iter()
        .fold(&root, |cmd, name| cmd.find_subcommand(name).unwrap_or(cmd));
    let mut help = vec!["pmi-desk".to_string()];
    if lang_on_command_line {
        help.push("--lang id".to_string());
    }
    help.extend(path.iter().cloned());
    help.push("--help".to_string());
    match errors::render(&error, lang, &help.join(" "), named) {
        Some(text) => Stop::Usage(text),
        None => Stop::Clap(error),
    }
}

/// clap ranks the commands like a mistyped one by a likeness that puts `letter` before `register`
/// for `regster`: the ones a slip or two of typing away come first, nearest first, then clap's
/// others, most alike first.
fn nearest_commands_first(error: &mut clap::Error, lang: Lang, args: &[OsString]) {
    use clap::error::{ContextKind, ContextValue};
    let Some(ContextValue::String(typed)) = error.get(ContextKind::InvalidSubcommand).cloned()
    else {
        return;
    };
    let root = command(lang);
    let path = command_path(&root, args);
    let named = path
        .iter()
        .fold(&root, |cmd, name| cmd.find_subcommand(name).unwrap_or(cmd));
    let names = named
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .flat_map(|sub| std::iter::once(sub.get_name()).chain(sub.get_visible_aliases()))
        .map(|name| (name, name.to_string()));
    let mut ranked = crate::domain::text::nearest(&typed, names, 3);
    if let Some(ContextValue::Strings(clap_ranked)) = error.get(ContextKind::SuggestedSubcommand) {
        for name in clap_ranked.iter().rev() {
            if !ranked.contains(name) {
                ranked.push(name.clone());
            }
        }
    }
    if !ranked.is_empty() {
        error.insert(
            ContextKind::SuggestedSubcommand,
            ContextValue::Strings(ranked),
        );
    }
}

/// True when the command line names no command at all (`pmi-desk`, `pmi-desk --lang id`).
fn names_no_command(lang: Lang, args: &[OsString]) -> bool {
    command(lang)
        .subcommand_required(false)
        .arg_required_else_help(false)
        .try_get_matches_from(args)
        .is_ok_and(|matches| matches.subcommand().is_none())
}

/// The commands named on the command line, e.g. ["worker", "list"], as far as they are known.
fn command_path(root: &Command, args: &[OsString]) -> Vec<String> {
    let mut path = Vec::new();
    let mut current = root;
    for arg in args.iter().skip(1) {
        let arg = arg.to_string_lossy();
        if arg == "--" {
            break;
        }
        if arg.starts_with('-') || arg == "help" {
            continue;
        }
        if let Some(sub) = current.find_subcommand(arg.as_ref()) {
            path.push(sub.get_name().to_string());
            current = sub;
        }
    }
    path
}

/// The manual page (roff) in `lang`: clap_mangen renders the translated command; its section
/// titles are replaced here.
pub fn man_page(lang: Lang) -> std::io::Result<Vec<u8>> {
    let mut cmd = command(lang);
    if let Some(list) = examples::of("") {
        let plain: Vec<String> = list
            .iter()
            .flat_map(|example| example_lines(example, lang, MAN_EXAMPLE_WIDTH))
            .collect();
        cmd = cmd.after_long_help(plain.join("\n"));
    }
    let mut roff = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut roff)?;
    let sections = [
        ("NAME", Msg::ManName),
        ("SYNOPSIS", Msg::ManSynopsis),
        ("DESCRIPTION", Msg::ManDescription),
        ("EXTRA", Msg::HelpExamples),
        ("VERSION", Msg::ManVersion),
        ("AUTHORS", Msg::ManAuthors),
        (Msg::HelpCommands.text(lang), Msg::HelpCommands),
    ];
    let text = String::from_utf8_lossy(&roff);
    let mut page = String::with_capacity(text.len());
    // The examples keep their lines (no filling): `.nf` after their title, `.fi` at the next one.
    let mut in_examples = false;
    for line in text.lines() {
        let heading = line.strip_prefix(".SH ");
        if heading.is_some() && in_examples {
            page.push_str(".fi\n");
            in_examples = false;
        }
        let title = heading.and_then(|heading| {
            sections
                .iter()
                .find(|(from, _)| *from == heading)
                .map(|(from, to)| (*from, to.text(lang).to_uppercase()))
        });
        match title {
            Some((from, title)) => {
                page.push_str(&format!(".SH {title}\n"));
                if from == "EXTRA" {
                    page.push_str(".nf\n");
                    in_examples = true;
                }
            }
            None => {
                page.push_str(line);
                page.push('\n');
            }
        }
    }
    if in_examples {
        page.push_str(".fi\n");
    }
    Ok(page.into_bytes())
}

/// Where an argument is listed in help.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Heading {
    Arguments,
    Options,
    Global,
}

impl Heading {
    fn of(arg: &Arg) -> Heading {
        if arg.is_global_set() || matches!(arg.get_action(), ArgAction::Help | ArgAction::Version) {
            Heading::Global
        } else if arg.is_positional() {
            Heading::Arguments
        } else {
            Heading::Options
        }
    }

    fn text(self, lang: Lang) -> &'static str {
        match self {
            Heading::Arguments => Msg::HelpArguments.text(lang),
            Heading::Options => Msg::HelpOptions.text(lang),
            Heading::Global => Msg::HelpGlobalOptions.text(lang),
        }
    }
}

/// Applies headings, examples and, in Indonesian, the translation to `cmd` and everything below it.
/// `path` is the command's path below `pmi-desk` ("" for `pmi-desk` itself).
fn localize(mut cmd: Command, lang: Lang, path: &str) -> Command {
    if lang == Lang::Id {
        if let Some(about) = cmd.get_about().map(ToString::to_string) {
            cmd = cmd.about(indonesian(&about));
        }
        if let Some(about) = cmd.get_long_about().map(ToString::to_string) {
            cmd = cmd.long_about(indonesian(&about));
        }
    }
    // Each heading is listed where its first argument stands, so the arguments are put in heading
    // order: `mut_arg` moves the argument it changes to the end.
    let mut args: Vec<(Heading, String)> = cmd
        .get_arguments()
        .map(|arg| (Heading::of(arg), arg.get_id().to_string()))
        .collect();
    args.sort_by_key(|(heading, _)| match heading {
        Heading::Arguments => 0,
        Heading::Options => 1,
        Heading::Global => 2,
    });
    for (heading, id) in args {
        cmd = cmd.mut_arg(id, |arg| localize_arg(arg, lang, heading));
    }
    if cmd.has_subcommands() {
        cmd = cmd
            .subcommand_help_heading(Msg::HelpCommands.text(lang))
            .subcommand_value_name(Msg::HelpCommandValue.text(lang));
    }
    if let Some(list) = examples::of(path) {
        let text = render_examples(&cmd, list, lang);
        cmd = cmd.after_help(text);
    }
    cmd = cmd.mut_subcommands(|sub| {
        let sub_path = if path.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{path} {}", sub.get_name())
        };
        localize(sub, lang, &sub_path)
    });
    if lang == Lang::Id {
        let usage = cmd.get_styles().get_usage();
        let template = format!(
            "{{before-help}}{{about-with-newline}}\n{usage}{}:{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
            Msg::HelpUsage.text(lang)
        );
        cmd = cmd.help_template(template);
    }
    // clap never wraps the usage line; at 80 columns a long one is wrapped here, after the heading.
    let rendered = cmd.render_usage().to_string();
    let usage = rendered
        .split_once(':')
        .map_or(rendered.as_str(), |(_, rest)| rest.trim_start())
        .replace("[OPTIONS]", Msg::HelpOptionsTag.text(lang));
    let heading = Msg::HelpUsage.text(lang).chars().count() + 2;
    if lang == Lang::Id || heading + usage.chars().count() > HELP_WIDTH {
        cmd = cmd.override_usage(wrap_usage(&usage, heading, HELP_WIDTH));
    }
    cmd
}

/// The usage in lines of at most `width` columns, the first after a heading of `indent` columns,
/// the others indented to stand under it; an option stays with its value name.
fn wrap_usage(usage: &str, indent: usize, width: usize) -> String {
    let mut units: Vec<String> = Vec::new();
    for word in usage.split_whitespace() {
        match units.last_mut() {
            Some(last) if word.starts_with('<') && last.starts_with('-') => {
                last.push(' ');
                last.push_str(word);
            }
            _ => units.push(word.to_string()),
        }
    }
    let mut lines = vec![String::new()];
    for unit in units {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && indent + line.chars().count() + 1 + unit.chars().count() > width {
            lines.push(unit);
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&unit);
        }
    }
    lines.join(&format!("\n{}", " ".repeat(indent)))
}

fn localize_arg(arg: Arg, lang: Lang, heading: Heading) -> Arg {
    let arg = arg.help_heading(heading.text(lang));
    if lang == Lang::En {
        return arg;
    }
    let takes_values = arg.get_action().takes_values();
    let mut notes = Vec::new();
    if takes_values && !arg.is_hide_default_value_set() && !arg.get_default_values().is_empty() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        notes.push(fill(Msg::HelpDefault.text(lang), &[&defaults.join(", ")]));
    }
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        notes.push(fill(Msg::HelpEnv.text(lang), &[&env.to_string_lossy()]));
    }
    if takes_values && !arg.is_hide_possible_values_set() {
        let choices: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|value| !value.is_hide_set())
            .map(|value| value.get_name_and_aliases().collect::<Vec<_>>().join("|"))
            .collect();
        if !choices.is_empty() {
            notes.push(fill(Msg::HelpChoices.text(lang), &[&choices.join(", ")]));
        }
    }
    let with_notes = |text: String| {
        std::iter::once(text)
            .chain(notes.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let help = arg
        .get_help()
        .map(|help| with_notes(indonesian(&help.to_string())));
    let long_help = arg
        .get_long_help()
        .map(|help| with_notes(indonesian(&help.to_string())));
    let mut arg = arg
        .hide_default_value(true)
        .hide_env(true)
        .hide_possible_values(true);
    if let Some(help) = help {
        arg = arg.help(help);
    }
    if let Some(help) = long_help {
        arg = arg.long_help(help);
    }
    if takes_values {
        if let Some(names) = arg.get_value_names() {
            let names: Vec<Str> = names
                .iter()
                .map(|name| id::value_name(name).map_or_else(|| name.clone(), Str::from))
                .collect();
            arg = arg.value_names(names);
        }
    }
    arg
}

/// The Indonesian of an English help text; the English itself when the table lacks it (a test
/// fails then, see `tests::every_help_text_has_its_indonesian`).
fn indonesian(english: &str) -> String {
    id::text(english).unwrap_or(english).to_string()
}

fn render_examples(cmd: &Command, list: &[examples::Example], lang: Lang) -> StyledStr {
    let header = cmd.get_styles().get_header();
    let mut text = format!("{header}{}:{header:#}\n", Msg::HelpExamples.text(lang));
    let lines: Vec<String> = list
        .iter()
        .flat_map(|example| example_lines(example, lang, HELP_WIDTH - 2))
        .map(|line| format!("  {line}"))
        .collect();
    text.push_str(&lines.join("\n"));
    StyledStr::from(text)
}

/// One example as lines: its caption as a shell comment, then the command, wrapped.
fn example_lines(example: &examples::Example, lang: Lang, width: usize) -> Vec<String> {
    let caption = match lang {
        Lang::Id => example.id,
        Lang::En => example.en,
    };
    let mut lines = vec![format!("# {caption}")];
    lines.extend(examples::wrap(example.command, 0, width));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every English text of the command tree (abouts, argument help), with where it is used.
    fn english_texts() -> Vec<(String, String)> {
        fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
            for about in [cmd.get_about(), cmd.get_long_about()]
                .into_iter()
                .flatten()
            {
                out.push((path.to_string(), about.to_string()));
            }
            for arg in cmd.get_arguments() {
                for help in [arg.get_help(), arg.get_long_help()].into_iter().flatten() {
                    out.push((format!("{path} {}", arg.get_id()), help.to_string()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        walk(&cmd, "pmi-desk", &mut out);
        out
    }

    fn value_names() -> BTreeSet<(String, String)> {
        fn walk(cmd: &Command, path: &str, out: &mut BTreeSet<(String, String)>) {
            for arg in cmd.get_arguments() {
                if arg.get_action().takes_values() {
                    for name in arg.get_value_names().unwrap_or_default() {
                        out.insert((name.to_string(), format!("{path} {}", arg.get_id())));
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = BTreeSet::new();
        walk(&cmd, "pmi-desk", &mut out);
        out
    }

    #[test]
    fn every_help_text_has_its_indonesian() {
        let missing: BTreeSet<String> = english_texts()
            .into_iter()
            .filter(|(_, text)| id::text(text).is_none())
            .map(|(place, text)| format!("{place}: {text:?}"))
            .collect();
        assert!(
            missing.is_empty(),
            "add these English texts with their Indonesian to src/help/id.rs (TEXTS):\n{}",
            missing.into_iter().collect::<Vec<_>>().join("\n")
        );
    }

    #[test]
    fn every_value_name_has_its_indonesian() {
        let missing: Vec<String> = value_names()
            .into_iter()
            .filter(|(name, _)| id::value_name(name).is_none())
            .map(|(name, place)| format!("{place}: <{name}>"))
            .collect();
        assert!(
            missing.is_empty(),
            "set a value_name in src/cli.rs and add it to src/help/id.rs (VALUE_NAMES):\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn no_entry_is_left_unused() {
        let used: BTreeSet<String> = english_texts().into_iter().map(|(_, t)| t).collect();
        let stale: Vec<&str> = id::TEXTS
            .iter()
            .map(|(en, _)| *en)
            .filter(|en| !used.contains(*en))
            .collect();
        assert!(
            stale.is_empty(),
            "src/help/id.rs translates texts no longer in src/cli.rs: {stale:#?}"
        );
        let names: BTreeSet<String> = value_names().into_iter().map(|(n, _)| n).collect();
        let stale: Vec<&str> = id::VALUE_NAMES
            .iter()
            .map(|(en, _)| *en)
            .filter(|en| !names.contains(*en))
            .collect();
        assert!(stale.is_empty(), "unused value names: {stale:?}");
        let mut keys = BTreeSet::new();
        for (en, _) in id::TEXTS {
            assert!(keys.insert(*en), "translated twice: {en:?}");
        }
    }

    #[test]
    fn every_command_has_two_to_four_examples_that_parse() {
        fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let sub_path = format!("{path} {}", sub.get_name()).trim().to_string();
                out.push(sub_path.clone());
                walk(sub, &sub_path, out);
            }
        }
        let mut paths = vec![String::new()];
        walk(&Cli::command(), "", &mut paths);
        for path in &paths {
            let list = examples::of(path).unwrap_or_else(|| panic!("no examples for `{path}`"));
            assert!(
                (2..=4).contains(&list.len()),
                "`{path}` has {} examples",
                list.len()
            );
            for example in list {
                let words: Vec<String> = examples::words(example.command)
                    .into_iter()
                    .take_while(|w| w != ">" && w != "|")
                    .collect();
                // As typed on a terminal, where a command that asks may leave required values out
                // (`register --nik ...` asks for the rest).
                let matches = crate::cli::asking(command(Lang::En))
                    .try_get_matches_from(&words)
                    .or_else(|e| match e.kind() {
                        ErrorKind::DisplayHelp => Command::new("x").try_get_matches_from(["x"]),
                        _ => Err(e),
                    })
                    .unwrap_or_else(|e| panic!("example of `{path}` does not parse: {e}"));
                if words.iter().any(|w| w == "--help") {
                    continue;
                }
                let mut named = Vec::new();
                let mut current = &matches;
                while let Some((name, sub)) = current.subcommand() {
                    named.push(name);
                    current = sub;
                }
                assert!(
                    named.join(" ").starts_with(path.as_str()),
                    "an example of `{path}` runs `{}`",
                    named.join(" ")
                );
            }
        }
        let known: BTreeSet<&String> = paths.iter().collect();
        for (path, _) in examples::all() {
            assert!(
                known.contains(&path.to_string()),
                "examples for unknown `{path}`"
            );
        }
    }

    #[test]
    fn examples_fit_80_columns_and_keep_options_with_values() {
        let lines = examples::wrap(
            "pmi-desk register --nik 1371021508900001 --name \"Budi Santoso\" --sex L --birth-place Padang --birth-date 15-08-1990 --regency 1371 --scheme MANDIRI --country MY",
            2,
            80,
        );
        assert!(lines.len() > 1, "{lines:?}");
        for line in &lines {
            assert!(line.chars().count() <= 80, "{line:?}");
        }
        assert!(lines.iter().any(|l| l.contains("--name \"Budi Santoso\"")));
        assert!(lines[..lines.len() - 1].iter().all(|l| l.ends_with(" \\")));
    }

    #[test]
    fn the_language_comes_from_the_command_line_first() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_of(&args(&["pmi-desk", "--lang", "id", "x"])),
            (Lang::Id, true)
        );
        assert_eq!(
            lang_of(&args(&["pmi-desk", "x", "--lang=en"])),
            (Lang::En, true)
        );
        // After `--` it is a value, not an option.
        assert!(!lang_of(&args(&["pmi-desk", "--", "--lang", "id"])).1);
    }
}
