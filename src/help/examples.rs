//! The examples shown at the end of each command's help: 2 to 4 real command lines per command, each
//! with a caption in both languages, kept in the command's file (`commands::Run::EXAMPLES`). A test
//! parses every one of them against the command line, so an example cannot name an option that does
//! not exist.

/// One example: what it does (Indonesian, English) and the command line, unwrapped.
pub struct Example {
    pub id: &'static str,
    pub en: &'static str,
    pub command: &'static str,
}

pub const fn ex(id: &'static str, en: &'static str, command: &'static str) -> Example {
    Example { id, en, command }
}

/// The examples of `pmi-desk` itself; each command's are in its file (`commands::Run::EXAMPLES`).
const TOP: &[Example] = &[
    ex(
        "Coba dulu dengan basis data contoh",
        "Try it first on a demo database",
        "pmi-desk demo",
    ),
    ex(
        "Siapkan kantor baru",
        "Set up a new office",
        "pmi-desk init --office-code BP3MI-SB --office-name \"BP3MI Sumatera Barat\"",
    ),
    ex(
        "Bantuan satu perintah, dengan contohnya",
        "The help of one command, with its examples",
        "pmi-desk register --help",
    ),
    ex(
        "Semua bantuan dan pesan dalam bahasa Indonesia",
        "Help and messages in Indonesian",
        "pmi-desk --lang id --help",
    ),
];

/// The examples of every command, by its path below `pmi-desk` ("" for `pmi-desk` itself).
pub type Examples = &'static [(&'static str, &'static [Example])];

/// Every command's examples: `pmi-desk`'s own here, each command's from its file.
pub(super) fn all() -> Vec<(&'static str, &'static [Example])> {
    let mut all = vec![("", TOP)];
    all.extend(crate::cli::examples());
    all
}

/// The examples of the command at `path`, if it has any.
pub(super) fn of(path: &str) -> Option<&'static [Example]> {
    all()
        .into_iter()
        .find(|(p, _)| *p == path)
        .map(|(_, examples)| examples)
}

/// Splits a command line into words: spaces separate, double quotes group.
#[cfg(test)]
pub(super) fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            _ => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// The command line in lines of at most `width` columns, continued with `\`; an option stays on
/// the line of its value.
pub(super) fn wrap(command: &str, indent: usize, width: usize) -> Vec<String> {
    // Shell tokens as written (quotes kept), then options joined with their values.
    let mut tokens: Vec<String> = Vec::new();
    let mut token = String::new();
    let mut quoted = false;
    for c in command.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == ' ' && !quoted {
            if !token.is_empty() {
                tokens.push(std::mem::take(&mut token));
            }
        } else {
            token.push(c);
        }
    }
    if !token.is_empty() {
        tokens.push(token);
    }
    let mut units: Vec<String> = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    while let Some(token) = iter.next() {
        let joins = token.starts_with("--") || token == ">" || token == "|";
        match iter.peek() {
            Some(next) if joins && !next.starts_with('-') => {
                let next = iter.next().unwrap_or_default();
                units.push(format!("{token} {next}"));
            }
            _ => units.push(token),
        }
    }
    let mut lines = Vec::new();
    let mut line = " ".repeat(indent);
    let mut empty = true;
    for unit in units {
        // Room for the unit, a space before it and " \" after it.
        if !empty && line.chars().count() + 1 + unit.chars().count() + 2 > width {
            lines.push(format!("{line} \\"));
            line = " ".repeat(indent + 4);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&unit);
        empty = false;
    }
    lines.push(line);
    lines
}
