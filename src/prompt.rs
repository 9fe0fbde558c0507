//! Asking the clerk for what is missing, on a terminal. Commands ask through the `Prompter` trait so
//! the questions can be driven by a script in tests; on a terminal dialoguer asks them, with a theme
//! that speaks the clerk's language (no English `error:`, `[y/N]`, `yes`/`no`) and wraps its
//! messages to the terminal's width, so a redraw clears every line it wrote.
//!
//! Every answer is also noted in a transcript (option and value), from which the guided menu shows
//! the equivalent command line.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;

use anyhow::{anyhow, Result};
use dialoguer::console::Term;
use dialoguer::theme::Theme;

use crate::i18n::Msg;
use crate::t;

/// Validates an answer, returning the message to show when it is refused.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<(), String>;

pub trait Prompter {
    /// A required answer, asked again until `check` accepts it; Enter alone takes `default`.
    fn text(&mut self, label: &str, default: Option<&str>, check: Check) -> Result<String>;
    /// An answer that may be left empty; Enter alone takes `default` when there is one.
    fn optional(
        &mut self,
        label: &str,
        default: Option<&str>,
        check: Check,
    ) -> Result<Option<String>>;
    /// One of `items`; returns its index.
    fn select(&mut self, label: &str, items: &[String], default: usize) -> Result<usize>;
    /// Yes or no, typed as a word and Enter (y/ya/yes, n/t/tidak/no); Enter alone is no.
    fn confirm(&mut self, question: &str) -> Result<bool>;
}

/// `y`, `ya`, `yes` (and `iya`) are yes; `n`, `no`, `t`, `tidak` are no; anything else is neither.
pub fn yes_no(answer: &str) -> Option<bool> {
    match answer.trim().to_lowercase().as_str() {
        "y" | "ya" | "yes" | "iya" => Some(true),
        "n" | "no" | "t" | "tidak" => Some(false),
        _ => None,
    }
}

/// Asks on the terminal (standard error) with dialoguer.
pub struct Terminal;

/// dialoguer's text in the clerk's language, and messages that never overflow a line.
struct ClerkTheme;

impl Theme for ClerkTheme {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        match prompt.ends_with(['?', ':']) {
            true => write!(f, "{prompt}"),
            false => write!(f, "{prompt}:"),
        }
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        write!(f, "{}", fit(&format!("! {err}"), width()))
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.format_prompt(f, prompt)?;
        write!(f, " {sel}")
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        match default.filter(|d| !d.is_empty()) {
            Some(default) => write!(f, "{prompt} [{default}]: "),
            None => write!(f, "{prompt}: "),
        }
    }
}

/// The columns a message may use: one less than the terminal, so the cursor never wraps.
pub fn width() -> usize {
    (Term::stderr().size().1 as usize).saturating_sub(1).max(20)
}

/// A line for the clerk on standard error, broken to fit the terminal.
pub fn say(text: &str) {
    eprintln!("{}", fit(text, width()));
}

/// A refusal or a warning on standard error, `! ` first, broken to fit the terminal.
pub fn warn(text: &str) {
    eprintln!("{}", fit(&format!("! {text}"), width()));
}

/// `text` cut to `width` characters, an ellipsis marking the cut.
fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// `text` broken at spaces into lines of at most `width` characters. dialoguer counts the lines it
/// wrote by their newlines to clear them before asking again; a line the terminal wraps by itself
/// would be counted once and leave its tail on the screen.
pub fn fit(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let mut word = word.to_string();
            while word.chars().count() > width {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let head: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                lines.push(head);
            }
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
            if !line.is_empty() && needed > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// The prompt to give dialoguer for `label`: the label itself when the whole line fits the
/// terminal; else the label is said on lines of its own first, and the prompt is a mark. (A
/// prompt the terminal wraps is cleared only in part when dialoguer asks again.)
fn fitted(label: &str, rest: usize) -> String {
    if label.chars().count() + rest < width() {
        return label.to_string();
    }
    say(label);
    "»".to_string()
}

/// What dialoguer writes after a prompt: ` [default]: ` and room for a short answer.
fn room(default: Option<&str>) -> usize {
    default.map_or(0, |d| d.chars().count() + 3) + 12
}

impl Prompter for Terminal {
    fn text(&mut self, label: &str, default: Option<&str>, check: Check) -> Result<String> {
        let label = fitted(label, room(default));
        let mut input = dialoguer::Input::<String>::with_theme(&ClerkTheme).with_prompt(label);
        if let Some(default) = default.filter(|d| !d.is_empty()) {
            input = input.default(default.to_string());
        }
        let answer = input
            .validate_with(|s: &String| {
                if s.trim().is_empty() {
                    Err(t!(Msg::ValueEmpty))
                } else {
                    check(s.trim())
                }
            })
            .interact_text()?;
        Ok(answer.trim().to_string())
    }

    fn optional(
        &mut self,
        label: &str,
        default: Option<&str>,
        check: Check,
    ) -> Result<Option<String>> {
        let label = fitted(label, room(default));
        let mut input = dialoguer::Input::<String>::with_theme(&ClerkTheme)
            .with_prompt(label)
            .allow_empty(true);
        if let Some(default) = default.filter(|d| !d.is_empty()) {
            input = input.default(default.to_string());
        }
        let answer = input
            .validate_with(|s: &String| {
                if s.trim().is_empty() {
                    Ok(())
                } else {
                    check(s.trim())
                }
            })
            .interact_text()?;
        let answer = answer.trim();
        Ok((!answer.is_empty()).then(|| answer.to_string()))
    }

    fn select(&mut self, label: &str, items: &[String], default: usize) -> Result<usize> {
        // An item wider than the terminal would wrap and break the redraw: it is shortened.
        let room = width().saturating_sub(2);
        let items: Vec<String> = items.iter().map(|i| shorten(i, room)).collect();
        Ok(dialoguer::Select::with_theme(&ClerkTheme)
            .with_prompt(label)
            .items(&items)
            .default(default.min(items.len().saturating_sub(1)))
            .interact()?)
    }

    fn confirm(&mut self, question: &str) -> Result<bool> {
        let (yes, no) = (t!(Msg::AnswerYes), t!(Msg::AnswerNo));
        let question = fitted(question, format!(" ({yes}/{no}) [{no}]: ").len() + 6);
        let answer = dialoguer::Input::<String>::with_theme(&ClerkTheme)
            .with_prompt(format!("{question} ({yes}/{no})"))
            .default(no.clone())
            .report(false)
            .validate_with(|s: &String| yes_no(s).map(|_| ()).ok_or(t!(Msg::AnswerYesOrNo)))
            .interact_text()?;
        let answer = yes_no(&answer).unwrap_or(false);
        let echo = if answer { yes } else { no };
        Term::stderr().write_line(&format!("{question} {echo}"))?;
        Ok(answer)
    }
}

/// Answers from a list, for tests: a refused answer fails the script instead of asking again; an
/// empty answer takes the default.
pub struct Scripted {
    pub answers: VecDeque<String>,
    pub asked: Vec<String>,
    /// The default offered with each question, in order (None when there was none).
    pub defaults: Vec<Option<String>>,
}

impl Scripted {
    pub fn new(answers: &[&str]) -> Scripted {
        Scripted {
            answers: answers.iter().map(|s| s.to_string()).collect(),
            asked: Vec::new(),
            defaults: Vec::new(),
        }
    }

    fn next(&mut self, label: &str, default: Option<&str>) -> Result<String> {
        self.asked.push(label.to_string());
        self.defaults.push(default.map(str::to_string));
        self.answers
            .pop_front()
            .ok_or_else(|| anyhow!("script has no answer for '{label}'"))
    }
}

impl Prompter for Scripted {
    fn text(&mut self, label: &str, default: Option<&str>, check: Check) -> Result<String> {
        let mut answer = self.next(label, default)?;
        if answer.is_empty() {
            answer = default.unwrap_or_default().to_string();
        }
        check(&answer).map_err(|e| anyhow!("{label}: {e}"))?;
        Ok(answer)
    }

    fn optional(
        &mut self,
        label: &str,
        default: Option<&str>,
        check: Check,
    ) -> Result<Option<String>> {
        let mut answer = self.next(label, default)?;
        if answer.is_empty() {
            answer = default.unwrap_or_default().to_string();
        }
        if answer.trim().is_empty() {
            return Ok(None);
        }
        check(&answer).map_err(|e| anyhow!("{label}: {e}"))?;
        Ok(Some(answer))
    }

    fn select(&mut self, label: &str, items: &[String], default: usize) -> Result<usize> {
        let answer = self.next(label, items.get(default).map(String::as_str))?;
        if answer.is_empty() {
            return Ok(default);
        }
        items
            .iter()
            .position(|i| i.starts_with(&answer))
            .ok_or_else(|| anyhow!("{label}: no item starts with '{answer}'"))
    }

    fn confirm(&mut self, question: &str) -> Result<bool> {
        Ok(yes_no(&self.next(question, None)?).unwrap_or(false))
    }
}

thread_local! {
    static TRANSCRIPT: RefCell<Vec<(String, Option<String>)>> = const { RefCell::new(Vec::new()) };
}

/// Notes an answer: `--option value`, a switch (`--verified`, no value), or a positional argument
/// (named `<PLACEMENT>`). A corrected answer replaces the earlier one in its place.
pub fn note(name: &str, value: Option<&str>) {
    TRANSCRIPT.with(|t| {
        let mut t = t.borrow_mut();
        let value = value.map(str::to_string);
        match t.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 = value,
            None => t.push((name.to_string(), value)),
        }
    });
}

/// Takes an answer back (a switch answered no after all).
pub fn forget(name: &str) {
    TRANSCRIPT.with(|t| t.borrow_mut().retain(|(n, _)| n != name));
}

/// The answers noted since the last call, in the order asked.
pub fn take_transcript() -> Vec<(String, Option<String>)> {
    TRANSCRIPT.with(|t| std::mem::take(&mut *t.borrow_mut()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_in_both_languages() {
        for yes in ["y", "ya", "YES", " Ya "] {
            assert_eq!(yes_no(yes), Some(true), "{yes}");
        }
        for no in ["n", "no", "tidak", "T"] {
            assert_eq!(yes_no(no), Some(false), "{no}");
        }
        assert_eq!(yes_no("yak"), None);
        assert_eq!(yes_no(""), None);
    }

    #[test]
    fn long_messages_are_broken_into_lines_that_fit() {
        let text =
            "! Kabupaten/kota 'Padangpanjangxyz' tidak dikenal (lihat `pmi-desk ref regencies`)";
        let fitted = fit(text, 30);
        assert!(fitted.lines().count() > 1);
        for line in fitted.lines() {
            assert!(line.chars().count() <= 30, "{line:?}");
        }
        assert_eq!(fitted.replace('\n', " "), text);
        assert_eq!(fit(&"x".repeat(45), 20).lines().count(), 3);
    }

    #[test]
    fn a_corrected_answer_replaces_the_earlier_one_in_place() {
        take_transcript();
        note("--nik", Some("1"));
        note("--name", Some("Budi"));
        note("--nik", Some("2"));
        note("--verified", None);
        assert_eq!(
            take_transcript(),
            vec![
                ("--nik".to_string(), Some("2".to_string())),
                ("--name".to_string(), Some("Budi".to_string())),
                ("--verified".to_string(), None),
            ]
        );
        assert!(take_transcript().is_empty());
    }
}
