//! Asking the clerk for what is missing, on a terminal. Commands ask through the `Prompter` trait so
//! the questions can be driven by a script in tests; on a terminal dialoguer asks them.

use std::collections::VecDeque;

use anyhow::{anyhow, Result};

/// Validates an answer, returning the message to show when it is refused.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<(), String>;

pub trait Prompter {
    /// A required answer, asked again until `check` accepts it.
    fn text(&mut self, label: &str, check: Check) -> Result<String>;
    /// An answer that may be left empty.
    fn optional(&mut self, label: &str, check: Check) -> Result<Option<String>>;
    /// One of `items`; returns its index.
    fn select(&mut self, label: &str, items: &[String]) -> Result<usize>;
    fn confirm(&mut self, question: &str) -> Result<bool>;
}

/// Asks on the terminal with dialoguer.
pub struct Terminal;

impl Prompter for Terminal {
    fn text(&mut self, label: &str, check: Check) -> Result<String> {
        Ok(dialoguer::Input::<String>::new()
            .with_prompt(label)
            .validate_with(|s: &String| check(s))
            .interact_text()?)
    }

    fn optional(&mut self, label: &str, check: Check) -> Result<Option<String>> {
        let answer = dialoguer::Input::<String>::new()
            .with_prompt(label)
            .allow_empty(true)
            .validate_with(|s: &String| {
                if s.trim().is_empty() {
                    Ok(())
                } else {
                    check(s)
                }
            })
            .interact_text()?;
        Ok((!answer.trim().is_empty()).then_some(answer))
    }

    fn select(&mut self, label: &str, items: &[String]) -> Result<usize> {
        Ok(dialoguer::Select::new()
            .with_prompt(label)
            .items(items)
            .default(0)
            .interact()?)
    }

    fn confirm(&mut self, question: &str) -> Result<bool> {
        Ok(dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()?)
    }
}

/// Answers from a list, for tests: a refused answer fails the script instead of asking again.
pub struct Scripted {
    pub answers: VecDeque<String>,
    pub asked: Vec<String>,
}

impl Scripted {
    pub fn new(answers: &[&str]) -> Scripted {
        Scripted {
            answers: answers.iter().map(|s| s.to_string()).collect(),
            asked: Vec::new(),
        }
    }

    fn next(&mut self, label: &str) -> Result<String> {
        self.asked.push(label.to_string());
        self.answers
            .pop_front()
            .ok_or_else(|| anyhow!("script has no answer for '{label}'"))
    }
}

impl Prompter for Scripted {
    fn text(&mut self, label: &str, check: Check) -> Result<String> {
        let answer = self.next(label)?;
        check(&answer).map_err(|e| anyhow!("{label}: {e}"))?;
        Ok(answer)
    }

    fn optional(&mut self, label: &str, check: Check) -> Result<Option<String>> {
        let answer = self.next(label)?;
        if answer.trim().is_empty() {
            return Ok(None);
        }
        check(&answer).map_err(|e| anyhow!("{label}: {e}"))?;
        Ok(Some(answer))
    }

    fn select(&mut self, label: &str, items: &[String]) -> Result<usize> {
        let answer = self.next(label)?;
        items
            .iter()
            .position(|i| i.starts_with(&answer))
            .ok_or_else(|| anyhow!("{label}: no item starts with '{answer}'"))
    }

    fn confirm(&mut self, question: &str) -> Result<bool> {
        Ok(matches!(self.next(question)?.as_str(), "y" | "yes" | "ya"))
    }
}
