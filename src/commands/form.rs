//! Gathering a command's fields: from its options, or, on a terminal, by asking for each missing one
//! with the same parser. Without a terminal every missing required option is named at once (exit 2).

use anyhow::Result;

use crate::domain::CodeList;
use crate::error::{usage, Invalid};
use crate::i18n::Msg;
use crate::prompt::Prompter;
use crate::t;

pub struct Form<'a> {
    prompter: Option<&'a mut dyn Prompter>,
}

/// Refuses, naming every missing option, when nothing may be asked.
pub fn require(interactive: bool, fields: &[(&str, bool)]) -> Result<()> {
    let missing: Vec<&str> = fields
        .iter()
        .filter(|(_, given)| !given)
        .map(|(flag, _)| *flag)
        .collect();
    if !missing.is_empty() && !interactive {
        return Err(usage(t!(Msg::MissingOptions, missing.join(", "))));
    }
    Ok(())
}

impl<'a> Form<'a> {
    pub fn new(prompter: Option<&'a mut dyn Prompter>) -> Form<'a> {
        Form { prompter }
    }

    pub fn asks(&self) -> bool {
        self.prompter.is_some()
    }

    fn prompter(&mut self, flag: &str) -> Result<&mut (dyn Prompter + 'a)> {
        match self.prompter.as_deref_mut() {
            Some(p) => Ok(p),
            None => Err(usage(t!(Msg::MissingOptions, flag))),
        }
    }

    /// A required value: parsed from the option, else asked for until it parses.
    pub fn value<T>(
        &mut self,
        flag: &str,
        given: Option<&str>,
        label: Msg,
        parse: impl Fn(&str) -> Result<T, Invalid>,
    ) -> Result<T> {
        if let Some(text) = given {
            return Ok(parse(text)?);
        }
        let check = |s: &str| parse(s).map(|_| ()).map_err(|e| e.0);
        let answer = self.prompter(flag)?.text(&t!(label), &check)?;
        Ok(parse(&answer)?)
    }

    /// An optional value: parsed from the option if given; never asked.
    pub fn optional<T>(
        &mut self,
        given: Option<&str>,
        parse: impl Fn(&str) -> Result<T, Invalid>,
    ) -> Result<Option<T>> {
        Ok(given
            .filter(|s| !s.trim().is_empty())
            .map(parse)
            .transpose()?)
    }

    /// A required code: parsed from the option, else chosen from a list.
    pub fn code<C: CodeList>(&mut self, flag: &str, given: Option<&str>, label: Msg) -> Result<C> {
        if let Some(text) = given {
            return Ok(C::parse(text)?);
        }
        let items: Vec<String> = C::all()
            .iter()
            .map(|c| format!("{} - {}", c.code(), c.label(crate::i18n::lang())))
            .collect();
        let index = self.prompter(flag)?.select(&t!(label), &items)?;
        Ok(C::all()[index])
    }
}
