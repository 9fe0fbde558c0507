//! Help, parser errors, the man page and `pmi-desk` alone, in the clerk's language: a clerk who
//! reads Indonesian never meets an English sentence before a command runs.

use clap::CommandFactory;
use pmi_desk::cli::Cli;
use pmi_desk::i18n::Lang;

use crate::util::{Office, Run};

/// English words that never appear in Indonesian prose. Codes, option names, value names, command
/// names, quoted text and example command lines are taken out before looking.
const ENGLISH: &[&str] = &[
    "the",
    "of",
    "and",
    "or",
    "to",
    "for",
    "with",
    "from",
    "by",
    "is",
    "are",
    "be",
    "this",
    "that",
    "which",
    "when",
    "only",
    "not",
    "an",
    "its",
    "their",
    "usage",
    "options",
    "option",
    "arguments",
    "argument",
    "commands",
    "command",
    "subcommand",
    "subcommands",
    "print",
    "help",
    "default",
    "required",
    "file",
    "files",
    "possible",
    "values",
    "value",
    "date",
    "number",
    "name",
    "list",
    "show",
    "record",
    "records",
    "placement",
    "placements",
    "worker",
    "workers",
    "case",
    "cases",
    "office",
    "letter",
    "error",
    "found",
    "unexpected",
    "unrecognized",
    "invalid",
    "similar",
    "exists",
    "tip",
    "provided",
    "information",
    "try",
    "more",
    "write",
    "set",
    "change",
    "every",
    "all",
    "each",
    "new",
    "before",
    "after",
    "since",
    "today",
    "issued",
    "passport",
    "document",
    "documents",
    "country",
    "regency",
    "home",
    "report",
    "see",
    "global",
    "version",
    "database",
    "examples",
    "example",
    "none",
    "supplied",
    "used",
    "times",
    "cannot",
];

/// The English words in `text` a clerk reads as prose, with the line each is on. Example command
/// lines, quoted and bracketed values, option and value names, codes and the names of commands
/// are taken out first.
fn english_in(text: &str) -> Vec<String> {
    let names = command_names();
    // Example lines: a command line and its `\` continuations.
    let mut kept = Vec::new();
    let mut continued = false;
    let mut in_usage = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let example = continued || trimmed.starts_with("pmi-desk ");
        continued = example && trimmed.ends_with('\\');
        // A usage line, and the lines it is wrapped onto, names commands and options only.
        in_usage = in_usage && line.starts_with(' ') && !trimmed.is_empty();
        if in_usage {
            continue;
        }
        let line = match line.split_once("Penggunaan:") {
            Some((before, _)) => {
                in_usage = true;
                before
            }
            None => line,
        };
        if !example {
            kept.push(line);
        }
    }
    // Quoted text, value names and lists of values ("[pilihan: table|tabel, csv, json]", which may run
    // over two lines).
    let mut prose = String::new();
    let mut skip_until: Option<char> = None;
    let mut rest = kept.join("\n");
    while let Some(start) = rest
        .find("[pilihan:")
        .or_else(|| rest.find("[bawaan: table"))
    {
        let end = rest[start..]
            .find(']')
            .map_or(rest.len(), |e| start + e + 1);
        rest.replace_range(start..end, "");
    }
    for c in rest.chars() {
        match skip_until {
            Some(_) if c == '\n' => {
                skip_until = None;
                prose.push(c);
            }
            Some(end) if c == end => skip_until = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' | '`' => skip_until = Some(c),
                '<' => skip_until = Some('>'),
                _ => prose.push(c),
            },
        }
    }
    let mut found = Vec::new();
    for line in prose.lines() {
        let mut tokens = line.split_whitespace().peekable();
        // The first word of a line in a list of commands is the command's name.
        if let Some(first) = tokens.peek() {
            if names.iter().any(|name| name == first) {
                tokens.next();
            }
        }
        for token in tokens {
            // Option names (`-h,`, `--receiver-name`), file names and lists of codes
            // (`persons,placements`) are not prose.
            let list = token.trim_end_matches(',').contains(',');
            if token.starts_with('-') || token.contains(['_', '.', '/', '=']) || list {
                continue;
            }
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            // Codes and numbers (TPPO, L, 1371) have no lower-case letter.
            if !token.chars().any(char::is_lowercase) {
                continue;
            }
            for word in token.split(|c: char| !c.is_alphabetic()) {
                if ENGLISH.contains(&word.to_lowercase().as_str()) {
                    found.push(format!("{word:?} in {line:?}"));
                }
            }
        }
    }
    found
}

/// Every command's path below `pmi-desk`, from the command-line definition itself, so a new
/// command is covered without touching this test.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            let mut sub_path = path.to_vec();
            sub_path.push(sub.get_name().to_string());
            out.push(sub_path.clone());
            walk(sub, &sub_path, out);
        }
    }
    let mut out = vec![Vec::new()];
    walk(&Cli::command(), &[], &mut out);
    out
}

fn command_names() -> Vec<String> {
    let mut names: Vec<String> = command_paths().into_iter().flatten().collect();
    names.push("help".to_string());
    names.sort();
    names.dedup();
    names
}

fn help_of(office: &Office, path: &[String], lang: &str) -> Run {
    let mut args = vec!["--lang".to_string(), lang.to_string()];
    args.extend(path.iter().cloned());
    args.push("--help".to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    office.run_with(&args, &[("COLUMNS", "80")])
}

#[test]
fn help_every_command_reads_in_indonesian_at_80_columns() {
    let office = Office::empty();
    let mut problems = Vec::new();
    for path in command_paths() {
        let shown = format!("pmi-desk {} --help", path.join(" "));
        let run = help_of(&office, &path, "id");
        if run.code != 0 || run.stdout.is_empty() || !run.stderr.is_empty() {
            problems.push(format!(
                "{shown}: exit {}, stderr {:?}",
                run.code, run.stderr
            ));
            continue;
        }
        let help = &run.stdout;
        for heading in ["Penggunaan: pmi-desk", "Opsi umum:", "Contoh:"] {
            if !help.contains(heading) {
                problems.push(format!("{shown}: no {heading:?}"));
            }
        }
        for line in help.lines() {
            if line.chars().count() > 80 {
                problems.push(format!("{shown}: line over 80 columns: {line:?}"));
            }
        }
        for english in english_in(help) {
            problems.push(format!("{shown}: English {english}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn help_global_options_stand_apart_from_a_commands_own() {
    let office = Office::empty();
    let path = ["handover".to_string()];
    let help = help_of(&office, &path, "id").ok().to_string();
    let own = help.find("\nOpsi:\n").expect("own options");
    let global = help.find("\nOpsi umum:\n").expect("global options");
    let arguments = help.find("\nArgumen:\n").expect("arguments");
    assert!(arguments < own && own < global, "{help}");
    let own_section = &help[own..global];
    assert!(own_section.contains("--receiver-name <NAMA>"), "{help}");
    assert!(own_section.contains("Nama penerima"), "{help}");
    for global_option in ["--db", "--format", "--lang", "--clerk", "--no-input"] {
        assert!(!own_section.contains(global_option), "{help}");
        assert!(help[global..].contains(global_option), "{help}");
    }

    let english = help_of(&office, &path, "en").ok().to_string();
    let own = english.find("\nOptions:\n").expect("own options");
    let global = english.find("\nGlobal options:\n").expect("global options");
    assert!(own < global, "{english}");
    assert!(english[own..global].contains("--receiver-relation <TEXT>"));
    assert!(english.contains("Examples:"), "{english}");
}

#[test]
fn help_every_option_is_explained_in_both_languages() {
    fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        if cmd
            .get_about()
            .is_none_or(|about| about.to_string().trim().is_empty())
        {
            out.push(format!("`{path}` has no about"));
        }
        for arg in cmd.get_arguments() {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            if help.trim().is_empty() {
                out.push(format!("`{path}` {} has no help", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut problems = Vec::new();
    let indonesian = pmi_desk::help::command(Lang::Id);
    let english = pmi_desk::help::command(Lang::En);
    walk(&indonesian, "pmi-desk", &mut problems);
    walk(&english, "pmi-desk", &mut problems);
    // The Indonesian help of each option is not its English one left untranslated.
    fn pairs(id: &clap::Command, en: &clap::Command, path: &str, out: &mut Vec<String>) {
        for arg in en.get_arguments() {
            let en_help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            let id_help = id
                .get_arguments()
                .find(|a| a.get_id() == arg.get_id())
                .and_then(|a| a.get_help().map(ToString::to_string))
                .unwrap_or_default();
            if id_help.starts_with(&en_help) {
                out.push(format!(
                    "`{path}` {}: {en_help:?} untranslated",
                    arg.get_id()
                ));
            }
        }
        for sub in en.get_subcommands() {
            if let Some(id_sub) = id.find_subcommand(sub.get_name()) {
                pairs(id_sub, sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
    }
    pairs(&indonesian, &english, "pmi-desk", &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn help_stays_english_in_english_and_fits_80_columns() {
    let office = Office::empty();
    for path in command_paths() {
        let run = help_of(&office, &path, "en");
        let help = run.ok();
        assert!(help.contains("Usage: pmi-desk"), "{help}");
        for line in help.lines() {
            assert!(line.chars().count() <= 80, "{path:?}: {line:?}");
        }
    }
    let help = office.run(&["register", "--help"]).ok().to_string();
    assert!(help.contains("National ID number (16 digits)"), "{help}");
    assert!(
        help.contains("pmi-desk register --nik 1371021508900001"),
        "{help}"
    );
}

#[test]
fn help_short_flag_help_command_and_version_in_indonesian() {
    let office = Office::empty();
    let short = office.run(&["--lang", "id", "depart", "-h"]);
    assert!(short.ok().contains("Tanggal berangkat"), "{}", short.stdout);
    let by_command = office.run(&["--lang", "id", "help", "depart"]);
    assert_eq!(by_command.ok(), short.stdout);
    let version = office.run(&["--lang", "id", "-V"]);
    assert!(version.ok().starts_with("pmi-desk "), "{}", version.stdout);
    // The environment chooses the language too.
    let env = office.run_with(&["depart", "--help"], &[("PMI_DESK_LANG", "id")]);
    assert_eq!(env.ok(), short.stdout);
}

#[test]
fn help_follows_the_locale_when_nothing_else_is_said() {
    let office = Office::empty();
    let output = office
        .command()
        .env_remove("PMI_DESK_LANG")
        .env("LANG", "id_ID.UTF-8")
        .args(["return", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("Tanggal pulang"), "{help}");
}

/// Runs a command line that clap refuses and returns standard error, checking exit 2 and that
/// nothing went to standard output.
fn usage_error(office: &Office, args: &[&str]) -> String {
    let run = office.run(args);
    let stderr = run.fails(2).to_string();
    assert!(run.stdout.is_empty(), "{args:?}: stdout {:?}", run.stdout);
    stderr
}

#[test]
fn parser_errors_in_indonesian_keep_clap_suggestions() {
    let office = Office::new();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--lang", "id", "registr"],
            &["kesalahan: perintah 'registr' tidak dikenal", "'register'"],
        ),
        (
            &["--lang", "id", "worker", "lst"],
            &[
                "perintah 'lst' tidak dikenal",
                "saran: perintah yang mirip: 'list'",
                "Penggunaan: pmi-desk worker [OPSI] <PERINTAH>",
                "'pmi-desk --lang id worker --help'",
            ],
        ),
        (
            &["--lang", "id", "daftar"],
            &["perintah 'daftar' tidak dikenal", "Penggunaan: pmi-desk"],
        ),
        (
            &["--lang", "id", "worker", "list", "--limt", "5"],
            &[
                "opsi '--limt' tidak dikenal",
                "saran: opsi yang mirip: '--limit'",
            ],
        ),
        (
            &["--lang", "id", "handover", "BP3MI-SB-R-2023-0001"],
            &[
                "yang wajib diisi belum diberikan:",
                "--to <KODE>",
                "--on <TANGGAL>",
            ],
        ),
        (
            &["--lang", "id", "worker", "list", "--limit", "abc"],
            &[
                "nilai 'abc' tidak valid untuk '--limit <JUMLAH>'",
                "harus berupa bilangan bulat",
            ],
        ),
        (
            &["--lang", "id", "--format", "xml", "check"],
            &[
                "nilai 'xml' tidak valid untuk '--format <FORMAT>'",
                "[pilihan: table|tabel, csv, json]",
            ],
        ),
        (
            &["--lang", "id", "worker", "show", "REG-2023-00001", "lagi"],
            &["argumen 'lagi' tidak diharapkan"],
        ),
        (
            &[
                "--lang",
                "id",
                "repatriation",
                "list",
                "--handed-over",
                "mungkin",
            ],
            &["[pilihan: yes|ya, no|tidak]"],
        ),
        (
            &["--lang", "id", "demo", "--scale", "0"],
            &["harus antara 1 dan 500"],
        ),
    ];
    for (args, expected) in cases {
        let stderr = usage_error(&office, args);
        for text in *expected {
            assert!(stderr.contains(text), "{args:?}: no {text:?} in\n{stderr}");
        }
        assert!(stderr.contains("Keterangan lebih lanjut: '"), "{stderr}");
        let english = english_in(&stderr);
        assert!(
            english.is_empty(),
            "{args:?}: English {english:?} in\n{stderr}"
        );
    }
}

#[test]
fn parser_errors_follow_the_environment_and_stay_english_in_english() {
    let office = Office::new();
    let run = office.run_with(&["worker", "lst"], &[("PMI_DESK_LANG", "id")]);
    let stderr = run.fails(2);
    assert!(stderr.contains("perintah 'lst' tidak dikenal"), "{stderr}");
    // The language came from the environment: the hint need not repeat it.
    assert!(stderr.contains("'pmi-desk worker --help'"), "{stderr}");

    let stderr = usage_error(&office, &["worker", "lst"]);
    assert!(stderr.contains("unrecognized subcommand 'lst'"), "{stderr}");
    assert!(stderr.contains("'list'"), "{stderr}");
}

#[test]
fn no_arguments_off_a_terminal_prints_short_help_and_exits_2() {
    let office = Office::empty();
    for (args, env, expected) in [
        (&[][..], "en", "The day's work:"),
        (&[][..], "id", "Tugas sehari-hari:"),
        (&["--lang", "id"][..], "en", "Tugas sehari-hari:"),
    ] {
        let run = office.run_with(args, &[("PMI_DESK_LANG", env)]);
        let stderr = run.fails(2);
        assert!(stderr.contains(expected), "{stderr}");
        assert!(stderr.contains("pmi-desk register"), "{stderr}");
        assert!(stderr.contains("pmi-desk --help"), "{stderr}");
        assert!(stderr.lines().count() <= 20, "{stderr}");
        assert!(stderr.lines().all(|l| l.chars().count() <= 80), "{stderr}");
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        if expected.starts_with("Tugas") {
            assert_eq!(english_in(stderr), Vec::<String>::new(), "{stderr}");
        }
    }
}

#[test]
fn man_page_follows_the_language() {
    let office = Office::empty();
    let page = office.run(&["--lang", "id", "man"]).ok().to_string();
    for text in [
        ".SH NAMA",
        ".SH SINOPSIS",
        "OPSI UMUM",
        ".SH PERINTAH",
        ".SH CONTOH",
        "Berkas basis data",
        "Catat serah terima",
    ] {
        assert!(page.contains(text), "no {text:?} in the man page");
    }
    for english in [
        ".SH NAME",
        ".SH OPTIONS",
        "Database file",
        "[default:",
        "[env:",
    ] {
        assert!(
            !page.contains(english),
            "{english:?} in the Indonesian man page"
        );
    }
    let page = office.run(&["man"]).ok().to_string();
    assert!(page.contains(".SH NAME") && page.contains("Database file"));
}

/// Issue 20: `regster` was told "'letter', 'return', 'register'": the command a slip away comes
/// first, in both languages.
#[test]
fn a_mistyped_command_suggests_the_nearest_command_first() {
    let office = Office::new();
    let id = usage_error(&office, &["--lang", "id", "regster"]);
    assert!(
        id.contains("saran: perintah yang mirip: 'register'"),
        "{id}"
    );
    let en = usage_error(&office, &["--lang", "en", "regster"]);
    assert!(en.contains("similar subcommand"), "{en}");
    assert!(en.contains(": 'register'"), "{en}");
    let en = usage_error(&office, &["--lang", "en", "worker", "lsit"]);
    assert!(en.contains(": 'list'"), "{en}");
}

/// Issue 20 (item 4): `--format tabel`, the Indonesian word, is a table.
#[test]
fn format_tabel_is_the_table() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let tabel = office.run(&["--lang", "id", "worker", "list", "--format", "tabel"]);
    let table = office.run(&["--lang", "id", "worker", "list", "--format", "table"]);
    assert_eq!(tabel.ok(), table.ok());
}
