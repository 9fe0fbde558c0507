//! Text as clerks type it and paste it from chat apps and spreadsheets: trimmed, no control
//! characters (an ANSI escape stored today is printed raw tomorrow), line breaks only where a note
//! may hold them, a sensible length. Names may not begin like a spreadsheet formula. And the one
//! rule for text leaving pmi-desk in a CSV file: a value a spreadsheet would run as a formula gets a
//! leading apostrophe, which import removes again.

use crate::error::Invalid;
use crate::i18n::Msg;
use crate::said;

/// The longest free text accepted (a note, an address): long enough for any real narrative.
pub const MAX_TEXT: usize = 10_000;
/// The longest name.
pub const MAX_NAME: usize = 200;

/// What a spreadsheet reads as the start of a formula (and the apostrophe that escapes it).
pub const FORMULA_LEADS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// An invisible character that changes how text is shown or compared: direction overrides and
/// isolates (U+202E can make a name show "Valid to: 2000" in a letter), zero-width spaces and
/// joiners that make look-alike names, the soft hyphen, byte-order marks, tags, line and paragraph
/// separators. The zero-width joiner and non-joiner stay: some scripts need them.
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}')
}

/// The first control character, with its position (1-based, in characters).
fn control(text: &str, allow_line_breaks: bool) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !(allow_line_breaks && *c == '\n'))
        .map(|(i, c)| (i + 1, c))
}

fn checked(text: String, allow_line_breaks: bool, max: usize) -> Result<String, Invalid> {
    if let Some((position, c)) = control(&text, allow_line_breaks) {
        return Err(Invalid(said!(
            Msg::TextControlCharacter,
            format!("U+{:04X}", c as u32),
            position
        )));
    }
    if let Some((position, c)) = text.chars().enumerate().find(|(_, c)| is_hidden(*c)) {
        return Err(Invalid(said!(
            Msg::TextHiddenCharacter,
            format!("U+{:04X}", c as u32),
            position + 1
        )));
    }
    let length = text.chars().count();
    if length > max {
        return Err(Invalid(said!(Msg::TextTooLong, length, max)));
    }
    Ok(text)
}

/// One line of free text (an address, a place, an employer); may be empty.
pub fn parse_line(input: &str) -> Result<String, Invalid> {
    checked(input.trim().to_string(), false, MAX_TEXT)
}

/// A note or a narrative: line breaks kept (Windows and old Mac ones made `\n`); may be empty.
pub fn parse_note(input: &str) -> Result<String, Invalid> {
    let text = input.trim().replace("\r\n", "\n").replace('\r', "\n");
    checked(text, true, MAX_TEXT)
}

/// An optional line of free text: `None` when absent or blank.
pub fn line(input: Option<&str>) -> Result<Option<String>, Invalid> {
    input
        .map(parse_line)
        .transpose()
        .map(|t| t.filter(|s| !s.is_empty()))
}

/// An optional note: `None` when absent or blank.
pub fn note(input: Option<&str>) -> Result<Option<String>, Invalid> {
    input
        .map(parse_note)
        .transpose()
        .map(|t| t.filter(|s| !s.is_empty()))
}

/// A person's name: inner spaces collapsed, not empty, no control characters, at most 200
/// characters, not starting like a formula.
pub fn parse_name(input: &str) -> Result<String, Invalid> {
    let name = checked(input.trim().to_string(), false, usize::MAX)?;
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Invalid(said!(Msg::NameEmpty)));
    }
    let length = name.chars().count();
    if length > MAX_NAME {
        return Err(Invalid(said!(Msg::NameTooLong, length, MAX_NAME)));
    }
    if let Some(lead) = name.chars().next().filter(|c| FORMULA_LEADS.contains(c)) {
        return Err(Invalid(said!(Msg::NameFormula, lead)));
    }
    Ok(name)
}

/// Text from outside as it may be printed on a terminal: every control character (but a line
/// break where `lines` allows) and every hidden character shown as `<U+001B>`, so that no value
/// can move the cursor, clear the screen or turn a line around.
pub fn visible(text: &str, lines: bool) -> std::borrow::Cow<'_, str> {
    let shown = |c: char| !(c.is_control() && !(lines && c == '\n')) && !is_hidden(c);
    if text.chars().all(shown) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if shown(c) {
            out.push(c);
        } else {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
    }
    out.into()
}

/// The clerk's name as the audit log and the handover record keep it (`--clerk`,
/// `PMI_DESK_CLERK`, or the login name): one line of text, at most 100 characters.
pub fn parse_clerk(input: &str) -> Result<String, Invalid> {
    let name = checked(input.trim().to_string(), false, 100)?;
    Ok(name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A value as written into a CSV file: one starting like a formula (or with the apostrophe
/// itself) gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
pub fn csv_safe(value: &str) -> std::borrow::Cow<'_, str> {
    match value.chars().next() {
        Some(c) if FORMULA_LEADS.contains(&c) || c == '\'' => format!("'{value}").into(),
        _ => value.into(),
    }
}

/// A CSV cell as read back: the escaping apostrophe of `csv_safe` removed.
pub fn csv_unescape(value: &str) -> &str {
    value.strip_prefix('\'').unwrap_or(value)
}

/// How many letters must be typed, dropped, changed or swapped with their neighbour to turn `a`
/// into `b` (optimal string alignment distance), letter case ignored: "Malasya" is 2 from
/// "Malaysia", "regster" 1 from "register".
pub fn typing_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut rows = vec![(0..=b.len()).collect::<Vec<usize>>()];
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (rows[i - 1][j] + 1)
                .min(row[j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    rows[a.len()][b.len()]
}

/// The candidates nearest to what was typed, nearest first (ties in the candidates' order), at most
/// `max`, and only those near enough to be a slip: a third of the typed letters or fewer, at least 1.
pub fn nearest<'a, T>(
    typed: &str,
    candidates: impl IntoIterator<Item = (&'a str, T)>,
    max: usize,
) -> Vec<T> {
    let limit = (typed.chars().count() / 3).max(1);
    let mut near: Vec<(usize, usize, T)> = candidates
        .into_iter()
        .enumerate()
        .map(|(order, (name, value))| (typing_distance(typed, name), order, value))
        .filter(|(distance, _, _)| *distance <= limit)
        .collect();
    near.sort_by_key(|(distance, order, _)| (*distance, *order));
    near.into_iter()
        .take(max)
        .map(|(_, _, value)| value)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_slips_are_near_and_other_words_are_not() {
        assert_eq!(typing_distance("Malasya", "malaysia"), 2);
        assert_eq!(typing_distance("regster", "register"), 1);
        assert_eq!(typing_distance("regster", "letter"), 3);
        assert_eq!(typing_distance("ab", "ba"), 1);
        assert_eq!(typing_distance("", "abc"), 3);
        let names = [("letter", 1), ("return", 2), ("register", 3)];
        assert_eq!(nearest("regster", names, 3), vec![3]);
        assert_eq!(nearest("xyz", names, 3), Vec::<i32>::new());
    }

    #[test]
    fn control_characters_are_refused_with_their_position() {
        let e = parse_line("Jl. \u{1b}[31mMerah").unwrap_err();
        assert!(
            e.to_string().contains("U+001B") && e.to_string().contains('5'),
            "{}",
            e
        );
        assert!(parse_line("two\nlines").is_err());
        assert_eq!(
            parse_note("two\r\nlines\rthree").unwrap(),
            "two\nlines\nthree"
        );
        assert!(parse_note("bell\u{7}").is_err());
    }

    #[test]
    fn invisible_and_direction_characters_are_refused_but_joiners_kept() {
        let e = parse_name("Budi Santoso\u{202E}0002 yraunaJ").unwrap_err();
        assert!(
            e.to_string().contains("U+202E") && e.to_string().contains("13"),
            "{}",
            e
        );
        assert!(parse_name("Sit\u{200B}i").is_err());
        assert!(parse_line("Jl.\u{FEFF} Merdeka").is_err());
        assert!(parse_name("Siti\u{00AD}Rahmah").is_err());
        // Persian and Indic writing need the joiners.
        assert!(parse_name("\u{0645}\u{06CC}\u{200C}\u{0634}\u{0648}\u{062F}").is_ok());
        assert!(parse_name("\u{0915}\u{094D}\u{200D}\u{0937}").is_ok());
    }

    #[test]
    fn text_from_outside_is_printed_with_its_escapes_shown() {
        assert_eq!(
            visible("\u{1b}[2J\u{1b}[HImport done", false),
            "<U+001B>[2J<U+001B>[HImport done"
        );
        assert_eq!(visible("a\nb", true), "a\nb");
        assert_eq!(visible("a\nb", false), "a<U+000A>b");
        assert_eq!(visible("Budi\u{202E}", false), "Budi<U+202E>");
        assert_eq!(visible("Siti Rahmah", false), "Siti Rahmah");
        assert!(parse_clerk("ani\u{1b}[31m").is_err());
        assert_eq!(parse_clerk("  Ani   Lestari ").unwrap(), "Ani Lestari");
    }

    #[test]
    fn names_are_tidied_and_never_formulas() {
        assert_eq!(parse_name("  Siti   Rahmah ").unwrap(), "Siti Rahmah");
        assert!(parse_name("   ").is_err());
        assert!(parse_name("=10+20+cmd|' /C calc'!A0").is_err());
        assert!(parse_name("@SUM(A1)").is_err());
        let long = "a".repeat(201);
        assert!(parse_name(&long).unwrap_err().to_string().contains("201"));
    }

    #[test]
    fn the_formula_escape_is_reversible() {
        for value in ["=1+2", "+6281234567890", "-", "@x", "'quoted'", "Budi", ""] {
            let written = csv_safe(value);
            assert!(!written.starts_with(['=', '+', '-', '@']), "{written}");
            assert_eq!(csv_unescape(&written), value);
        }
    }
}
