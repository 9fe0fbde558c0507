//! Gathering a command's fields: from its options, or, on a terminal, by asking for each missing one
//! with the same parser; then a summary to confirm before saving. Each value lives in the command's
//! own argument (`Option<String>`), so what was asked is exactly what could have been typed: the
//! command goes on as if it had been given, and the guided menu shows it as a command line. Without
//! a terminal clap names every missing required option at once (exit 2: the arguments are
//! `required`, see `cli::asking`) and nothing is asked.

pub(super) mod ask;
mod review;

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use chrono::NaiveDate;

use crate::context::Ctx;
use crate::domain::date::parse_date;
use crate::domain::CodeList;
use crate::error::{usage, Invalid};
use crate::i18n::{lang, Msg};
use crate::prompt::{forget, note, Prompter, Terminal};
use crate::t;

/// One field as the summary shows it, and how to ask it again.
struct Seen {
    name: &'static str,
    label: String,
    raw: String,
    shown: String,
}

/// What the clerk decided after the summary.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Review {
    Save,
    /// Ask this field again (its earlier answer pre-filled), then show the summary again.
    Correct(&'static str),
}

pub(super) struct Form<'a> {
    prompter: Option<&'a mut dyn Prompter>,
    seen: Vec<Seen>,
    earlier: HashMap<&'static str, String>,
    /// The optional fields and switches already asked: one left empty, or answered no, is not
    /// asked again on the next pass unless the clerk chose to correct it.
    asked: HashSet<&'static str>,
}

/// The terminal, when the command may ask.
pub(super) fn terminal(ctx: &Ctx) -> Option<Terminal> {
    ctx.interactive.then_some(Terminal)
}

/// The value of a required argument: given (clap required it) or asked for.
pub(super) fn given(slot: &Option<String>) -> &str {
    slot.as_deref().unwrap_or_default()
}

/// A date as clerks write it, day first: the form of every pre-filled date.
pub(super) fn day_first(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// A code of a pick list as the clerk reads it: in Indonesian its name alone (codes are for
/// programs), in English the code and its name.
fn item<C: CodeList>(c: C) -> String {
    match lang() {
        crate::i18n::Lang::Id => c.label_in(lang()).to_string(),
        crate::i18n::Lang::En => format!("{} - {}", c.code(), c.label_in(lang())),
    }
}

/// A date as the summary shows it: as understood, written out ("2026-12-04" typed, "04-12-2026
/// (4 Desember 2026)" shown), so a day and a month swapped are seen before saving. Anything else
/// as typed.
fn understood(name: &str, text: &str) -> String {
    let is_date = name == "--on"
        || name.ends_with("-on")
        || name.ends_with("date")
        || matches!(name, "--issued" | "--expires");
    match (is_date, parse_date(text)) {
        (true, Ok(date)) => match lang() {
            crate::i18n::Lang::Id => {
                format!(
                    "{} ({})",
                    day_first(date),
                    crate::domain::date::indonesian_long(date)
                )
            }
            crate::i18n::Lang::En => format!("{} ({})", day_first(date), date.format("%-d %B %Y")),
        },
        _ => text.to_string(),
    }
}

fn shown<C: CodeList>(c: C) -> String {
    item(c)
}

impl<'a> Form<'a> {
    pub(super) fn new(prompter: Option<&'a mut dyn Prompter>) -> Form<'a> {
        Form {
            prompter,
            seen: Vec::new(),
            earlier: HashMap::new(),
            asked: HashSet::new(),
        }
    }

    pub(super) fn asks(&self) -> bool {
        self.prompter.is_some()
    }

    /// Starts a new pass over the fields (after a correction): the summary is built again.
    pub(super) fn restart(&mut self) {
        self.seen.clear();
    }

    fn see(&mut self, name: &'static str, label: Msg, raw: &str, shown: String) {
        self.seen.retain(|s| s.name.is_empty() || s.name != name);
        // The summary names the field without the prompt's hint: "Tanggal lahir", not
        // "Tanggal lahir (DD-MM-YYYY)".
        let label = t!(label);
        let label = label.split(" (").next().unwrap_or(&label).to_string();
        self.seen.push(Seen {
            name,
            label,
            raw: raw.to_string(),
            shown,
        });
    }

    /// A line of the summary that is not asked (a passport number already on record).
    pub(super) fn fact(&mut self, label: Msg, text: String) {
        self.see("", label, "", text);
    }

    /// On a terminal, a value given but refused is said and asked again (it stays the default);
    /// off a terminal it is the error.
    fn refuse_given(
        &mut self,
        slot: &mut Option<String>,
        name: &'static str,
        error: Invalid,
    ) -> Result<()> {
        if !self.asks() {
            return Err(error.into());
        }
        crate::prompt::warn(&error.to_string());
        self.asked.remove(name);
        if let Some(text) = slot.take() {
            self.earlier.insert(name, text);
        }
        Ok(())
    }

    /// Shows `text` for the field `name` in the summary instead of what was typed (a placement's
    /// number with the worker's name, say).
    pub(super) fn describe(&mut self, name: &str, text: String) {
        if let Some(seen) = self.seen.iter_mut().find(|s| s.name == name) {
            seen.shown = text;
        }
    }

    /// The earlier answer when the clerk asked to correct `name`, else `default`.
    fn default_of(&mut self, name: &'static str, default: Option<String>) -> Option<String> {
        self.earlier.remove(name).or(default)
    }

    fn prompter(&mut self, name: &str) -> Result<&mut (dyn Prompter + 'a)> {
        match self.prompter.as_deref_mut() {
            Some(p) => Ok(p),
            None => Err(usage(t!(Msg::MissingOptions, name))),
        }
    }

    /// A required value: parsed from the argument, else asked for (Enter takes `default`) until it
    /// parses, and kept in the argument.
    pub(super) fn need<T>(
        &mut self,
        slot: &mut Option<String>,
        name: &'static str,
        label: Msg,
        default: Option<String>,
        parse: impl Fn(&str) -> Result<T, Invalid>,
    ) -> Result<T> {
        if let Some(Err(e)) = slot.as_deref().map(&parse) {
            self.refuse_given(slot, name, e)?;
        }
        if slot.is_none() {
            let default = self.default_of(name, default);
            let check = |s: &str| parse(s).map(|_| ()).map_err(|e| e.to_string());
            let answer = self
                .prompter(name)?
                .text(&t!(label), default.as_deref(), &check)?;
            note(name, Some(&answer));
            *slot = Some(answer);
        }
        let text = given(slot).to_string();
        let value = parse(&text)?;
        self.see(name, label, &text, understood(name, &text));
        Ok(value)
    }

    /// An optional value: parsed from the argument if given; on a terminal asked for when missing
    /// (Enter alone leaves it empty, or takes `default`).
    pub(super) fn offer<T>(
        &mut self,
        slot: &mut Option<String>,
        name: &'static str,
        label: Msg,
        default: Option<String>,
        parse: impl Fn(&str) -> Result<T, Invalid>,
    ) -> Result<Option<T>> {
        if let Some(Err(e)) = slot.as_deref().filter(|s| !s.trim().is_empty()).map(&parse) {
            self.refuse_given(slot, name, e)?;
        }
        if slot.is_none() && self.asks() && self.asked.insert(name) {
            let default = self.default_of(name, default);
            let check = |s: &str| parse(s).map(|_| ()).map_err(|e| e.to_string());
            let answer = self
                .prompter(name)?
                .optional(&t!(label), default.as_deref(), &check)?;
            if let Some(answer) = &answer {
                note(name, Some(answer));
            }
            *slot = answer;
        }
        let Some(text) = slot.clone().filter(|s| !s.trim().is_empty()) else {
            self.see(name, label, "", "-".into());
            return Ok(None);
        };
        let value = parse(&text)?;
        self.see(name, label, &text, text.clone());
        Ok(Some(value))
    }

    /// A required date; `default` is pre-filled day first.
    pub(super) fn date(
        &mut self,
        slot: &mut Option<String>,
        name: &'static str,
        label: Msg,
        default: Option<NaiveDate>,
    ) -> Result<NaiveDate> {
        self.need(slot, name, label, default.map(day_first), parse_date)
    }

    /// A required code: parsed from the argument, else chosen from the list.
    pub(super) fn code<C: CodeList + PartialEq>(
        &mut self,
        slot: &mut Option<String>,
        name: &'static str,
        label: Msg,
        default: Option<C>,
    ) -> Result<C> {
        self.code_in(slot, name, label, C::all(), default)
    }

    /// A required code chosen among `choices` (a part of its list).
    pub(super) fn code_in<C: CodeList + PartialEq>(
        &mut self,
        slot: &mut Option<String>,
        name: &'static str,
        label: Msg,
        choices: &[C],
        default: Option<C>,
    ) -> Result<C> {
        if let Some(Err(e)) = slot.as_deref().map(C::parse) {
            self.refuse_given(slot, name, e)?;
        }
        if slot.is_none() {
            let default = self
                .default_of(name, None)
                .and_then(|s| C::parse(&s).ok())
                .or(default);
            let items: Vec<String> = choices.iter().map(|c| item(*c)).collect();
            let at = default
                .and_then(|d| choices.iter().position(|c| *c == d))
                .unwrap_or(0);
            let index = self.prompter(name)?.select(&t!(label), &items, at)?;
            note(name, Some(choices[index].code()));
            *slot = Some(choices[index].code().to_string());
        }
        let text = given(slot).to_string();
        let value = C::parse(&text)?;
        self.see(name, label, &text, shown(value));
        Ok(value)
    }

    /// An optional code: parsed if given; on a terminal chosen from the list, or left empty.
    pub(super) fn code_offer<C: CodeList + PartialEq>(
        &mut self,
        slot: &mut Option<String>,
        name: &'static str,
        label: Msg,
        default: Option<C>,
    ) -> Result<Option<C>> {
        if let Some(Err(e)) = slot
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(C::parse)
        {
            self.refuse_given(slot, name, e)?;
        }
        if slot.is_none() && self.asks() && self.asked.insert(name) {
            let default = self
                .default_of(name, None)
                .and_then(|s| C::parse(&s).ok())
                .or(default);
            let mut items = vec![t!(Msg::ChoiceNone)];
            items.extend(C::all().iter().map(|c| item(*c)));
            let at = default
                .and_then(|d| C::all().iter().position(|c| *c == d))
                .map_or(0, |i| i + 1);
            let index = self.prompter(name)?.select(&t!(label), &items, at)?;
            if index > 0 {
                let code = C::all()[index - 1].code();
                note(name, Some(code));
                *slot = Some(code.to_string());
            }
        }
        let Some(text) = slot.clone().filter(|s| !s.trim().is_empty()) else {
            self.see(name, label, "", "-".into());
            return Ok(None);
        };
        let value = C::parse(&text)?;
        self.see(name, label, &text, shown(value));
        Ok(Some(value))
    }

    /// A switch such as `--verified`: on a terminal asked as a yes/no question when not given.
    /// `label` names it in the summary.
    pub(super) fn switch(
        &mut self,
        slot: &mut bool,
        name: &'static str,
        question: Msg,
        label: Msg,
    ) -> Result<bool> {
        if !*slot && self.asks() && self.asked.insert(name) {
            if self.prompter(name)?.confirm(&t!(question))? {
                note(name, None);
                *slot = true;
            } else {
                forget(name);
            }
        }
        let answer = if *slot { Msg::AnswerYes } else { Msg::AnswerNo };
        self.see(name, label, "", t!(answer));
        Ok(*slot)
    }

    /// Chooses among `items` (nothing is noted): a menu, not a field.
    pub(super) fn choose(
        &mut self,
        label: &str,
        items: &[String],
        default: usize,
    ) -> Result<usize> {
        self.prompter("")?.select(label, items, default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Scheme, Warning};
    use crate::prompt::Scripted;

    /// Issue 20: the summary shows a date as understood, written out, whatever way it was typed.
    #[test]
    fn the_summary_shows_a_date_as_understood() {
        use crate::i18n::{with_lang, Lang};
        let id = |name, text| with_lang(Lang::Id, || understood(name, text));
        assert_eq!(
            id("--birth-date", "1990-08-15"),
            "15-08-1990 (15 Agustus 1990)"
        );
        assert_eq!(id("--on", "4/12/2026"), "04-12-2026 (4 Desember 2026)");
        assert_eq!(
            with_lang(Lang::En, || understood("--registered-on", "01-03-2023")),
            "01-03-2023 (1 March 2023)"
        );
        assert_eq!(
            id("--phone", "2023-11-08"),
            "2023-11-08",
            "not a date field"
        );
        assert_eq!(id("--on", "kemarin"), "kemarin");
    }

    #[test]
    fn a_declined_summary_asks_one_field_again_with_its_answer_pre_filled() -> Result<()> {
        let mut script = Scripted::new(&[
            "Budi",
            "MANDIRI",
            "tidak",
            "Correct Full",
            "Budi Santoso",
            "ya",
        ]);
        let mut form = Form::new(Some(&mut script));
        let (mut name, mut scheme) = (None, None);
        let mut accepted = false;
        let review = loop {
            form.restart();
            form.need(&mut name, "--name", Msg::AskName, None, |s| {
                Ok(s.to_string())
            })?;
            form.code::<Scheme>(&mut scheme, "--scheme", Msg::AskScheme, None)?;
            match form.review(&[], &mut accepted)? {
                Review::Save => break Review::Save,
                Review::Correct(flag) => {
                    assert_eq!(flag, "--name");
                    name = None;
                }
            }
        };
        drop(form);
        assert_eq!(review, Review::Save);
        assert_eq!(name.as_deref(), Some("Budi Santoso"));
        assert_eq!(scheme.as_deref(), Some("MANDIRI"));
        assert_eq!(
            script.defaults[4].as_deref(),
            Some("Budi"),
            "the earlier answer"
        );
        Ok(())
    }

    #[test]
    fn off_a_terminal_a_missing_value_is_a_usage_error_and_warnings_need_accepting() {
        let mut form = Form::new(None);
        let err = form
            .need(&mut None, "--on", Msg::AskName, None, |s| Ok(s.to_string()))
            .unwrap_err();
        assert_eq!(crate::error::exit_code(&err), 2);
        let warning = Warning::new(
            crate::domain::warning::WarningCode::PhoneUnusual,
            crate::i18n::Said::verbatim("x"),
        );
        let err = form.review(&[warning], &mut false).unwrap_err();
        assert_eq!(crate::error::exit_code(&err), 1);
        assert_eq!(form.review(&[], &mut false).unwrap(), Review::Save);
    }
}
