//! The end of a form: the summary of what will be saved, the warnings, the question; on "no",
//! the field to correct (or cancel); and a refusal found before saving, with the same choice.

use anyhow::Result;

use super::{Form, Review, Seen};
use crate::domain::Warning;
use crate::error::refused;
use crate::i18n::Msg;
use crate::prompt::{note, Prompter};
use crate::t;

impl Form<'_> {
    /// The summary, the warnings, and the question before saving. Off a terminal: warnings need
    /// `--accept-warnings`. On a terminal: saving despite warnings accepts them; answering no offers
    /// to correct one field (its answer kept and pre-filled) or to cancel.
    pub(crate) fn review(&mut self, warnings: &[Warning], accepted: &mut bool) -> Result<Review> {
        let Some(p) = self.prompter.as_deref_mut() else {
            for w in warnings {
                eprintln!("! {}", w.message);
            }
            if !warnings.is_empty() && !*accepted {
                return Err(refused(t!(Msg::WarningsNeedAcceptance, warnings.len())));
            }
            return Ok(Review::Save);
        };
        eprintln!("{}", t!(Msg::ReviewTitle));
        let lines: Vec<(&str, &str)> = self
            .seen
            .iter()
            .map(|s| (s.label.as_str(), s.shown.as_str()))
            .collect();
        eprintln!("{}", summary(&lines, crate::prompt::width()));
        for w in warnings {
            crate::prompt::warn(&w.message.to_string());
        }
        let pending = !warnings.is_empty() && !*accepted;
        let question = if pending {
            Msg::ConfirmWarnings
        } else {
            Msg::ConfirmSave
        };
        if p.confirm(&t!(question))? {
            if pending {
                *accepted = true;
                note("--accept-warnings", None);
            }
            return Ok(Review::Save);
        }
        self.choose_correction()
    }

    /// A refusal found before saving (under 18, say): off a terminal the error; on a terminal it
    /// is shown and the clerk may correct one field or cancel.
    pub(crate) fn refused(&mut self, error: anyhow::Error) -> Result<Review> {
        if !self.asks() {
            return Err(error);
        }
        crate::prompt::warn(&format!("{error:#}"));
        self.choose_correction()
    }

    /// Which field to correct, or cancel (the last choice).
    fn choose_correction(&mut self) -> Result<Review> {
        let fields: Vec<&Seen> = self.seen.iter().filter(|s| !s.name.is_empty()).collect();
        let mut items: Vec<String> = fields
            .iter()
            .map(|s| t!(Msg::CorrectField, s.label, s.shown))
            .collect();
        items.push(t!(Msg::CancelNothingSaved));
        let chosen = fields
            .get(p_select(&mut self.prompter, &items)?)
            .map(|s| (s.name, s.raw.clone()));
        let Some((name, raw)) = chosen else {
            return Err(refused(t!(Msg::NothingSaved)));
        };
        self.asked.remove(name);
        if !raw.is_empty() {
            self.earlier.insert(name, raw);
        }
        Ok(Review::Correct(name))
    }
}

/// `label : value` lines, the labels in a column (at most 30 wide), each value broken to fit and
/// its next lines standing under its first.
fn summary(lines: &[(&str, &str)], width: usize) -> String {
    let column = lines
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0)
        .min(30);
    let indent = column + 5;
    let room = width.saturating_sub(indent).max(20);
    let mut out = Vec::new();
    for (label, value) in lines {
        let pad = column.saturating_sub(label.chars().count());
        let value =
            crate::prompt::fit(value, room).replace('\n', &format!("\n{}", " ".repeat(indent)));
        out.push(format!("  {label}{} : {value}", " ".repeat(pad)));
    }
    out.join("\n")
}

fn p_select(prompter: &mut Option<&mut dyn Prompter>, items: &[String]) -> Result<usize> {
    match prompter.as_deref_mut() {
        Some(p) => p.select(&t!(Msg::AskCorrectWhich), items, 0),
        None => Err(refused(t!(Msg::NothingSaved))),
    }
}
