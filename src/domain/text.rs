//! Text as clerks type it and paste it from chat apps and spreadsheets: trimmed, no control
//! characters (an ANSI escape stored today is printed raw tomorrow), line breaks only where a note
//! may hold them, a sensible length. Names may not begin like a spreadsheet formula. And the one
//! rule for text leaving pmi-desk in a CSV file: a value a spreadsheet would run as a formula gets a
//! leading apostrophe, which import removes again.

use crate::error::Invalid;
use crate::i18n::Msg;
use crate::t;

/// The longest free text accepted (a note, an address): long enough for any real narrative.
pub const MAX_TEXT: usize = 10_000;
/// The longest name.
pub const MAX_NAME: usize = 200;

/// What a spreadsheet reads as the start of a formula (and the apostrophe that escapes it).
pub const FORMULA_LEADS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The first control character, with its position (1-based, in characters).
fn control(text: &str, allow_line_breaks: bool) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !(allow_line_breaks && *c == '\n'))
        .map(|(i, c)| (i + 1, c))
}

fn checked(text: String, allow_line_breaks: bool, max: usize) -> Result<String, Invalid> {
    if let Some((position, c)) = control(&text, allow_line_breaks) {
        return Err(Invalid(t!(
            Msg::TextControlCharacter,
            format!("U+{:04X}", c as u32),
            position
        )));
    }
    let length = text.chars().count();
    if length > max {
        return Err(Invalid(t!(Msg::TextTooLong, length, max)));
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
        return Err(Invalid(t!(Msg::NameEmpty)));
    }
    let length = name.chars().count();
    if length > MAX_NAME {
        return Err(Invalid(t!(Msg::NameTooLong, length, MAX_NAME)));
    }
    if let Some(lead) = name.chars().next().filter(|c| FORMULA_LEADS.contains(c)) {
        return Err(Invalid(t!(Msg::NameFormula, lead)));
    }
    Ok(name)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_with_their_position() {
        let e = parse_line("Jl. \u{1b}[31mMerah").unwrap_err();
        assert!(e.0.contains("U+001B") && e.0.contains('5'), "{}", e.0);
        assert!(parse_line("two\nlines").is_err());
        assert_eq!(
            parse_note("two\r\nlines\rthree").unwrap(),
            "two\nlines\nthree"
        );
        assert!(parse_note("bell\u{7}").is_err());
    }

    #[test]
    fn names_are_tidied_and_never_formulas() {
        assert_eq!(parse_name("  Siti   Rahmah ").unwrap(), "Siti Rahmah");
        assert!(parse_name("   ").is_err());
        assert!(parse_name("=10+20+cmd|' /C calc'!A0").is_err());
        assert!(parse_name("@SUM(A1)").is_err());
        let long = "a".repeat(201);
        assert!(parse_name(&long).unwrap_err().0.contains("201"));
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
