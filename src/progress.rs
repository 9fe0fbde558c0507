//! Progress of long work (import, export, demo, backup) on standard error: a bar with what is
//! done, the rate and the time left, shown only on a terminal and never with `--quiet`, and
//! cleared when the work ends so that only the command's own summary stays on screen.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::i18n::Msg;
use crate::t;

/// What a bar counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Rows,
    Bytes,
}

/// A bar, or nothing when no one is watching.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// Where the current part (one file of several) starts.
    base: u64,
}

impl Progress {
    pub fn hidden() -> Progress {
        Progress { bar: None, base: 0 }
    }

    /// A bar on standard error when it is a terminal and the clerk did not ask for quiet.
    pub fn new(quiet: bool, unit: Unit, total: u64, label: &str) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        Progress::drawn_to(ProgressDrawTarget::stderr(), unit, total, label)
    }

    fn drawn_to(target: ProgressDrawTarget, unit: Unit, total: u64, label: &str) -> Progress {
        let template = match unit {
            Unit::Rows => t!(Msg::ProgressRows),
            Unit::Bytes => t!(Msg::ProgressBytes),
        };
        let style = ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key(
                "rate",
                |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", state.per_sec());
                },
            )
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(Some(total), target)
            .with_style(style)
            .with_message(label.to_string());
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress {
            bar: Some(bar),
            base: 0,
        }
    }

    /// Whether a bar is shown (work done only for the bar, such as counting rows ahead, can be
    /// skipped when it is not).
    pub fn visible(&self) -> bool {
        self.bar.is_some()
    }

    pub fn set_total(&self, total: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(total);
        }
    }

    /// What is being done now (a file's name).
    pub fn label(&self, label: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(label.to_string());
        }
    }

    /// Done so far in the current part.
    pub fn at(&self, done: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.base + done);
        }
    }

    /// The current part is done: the next one counts on from here.
    pub fn next_part(&mut self) {
        if let Some(bar) = &self.bar {
            self.base = bar.position();
        }
    }

    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    /// The bar is taken off the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_bar_when_quiet() {
        assert!(!Progress::new(true, Unit::Rows, 10, "x").visible());
    }

    #[test]
    fn parts_count_on_from_where_the_last_one_ended() {
        let mut p = Progress::drawn_to(ProgressDrawTarget::hidden(), Unit::Rows, 100, "a");
        p.at(40);
        p.next_part();
        p.at(25);
        assert_eq!(p.bar.as_ref().unwrap().position(), 65);
        for lang in [crate::i18n::Lang::Id, crate::i18n::Lang::En] {
            for msg in [Msg::ProgressRows, Msg::ProgressBytes] {
                assert!(
                    ProgressStyle::with_template(msg.text(lang)).is_ok(),
                    "{msg:?} {lang:?}"
                );
            }
        }
    }
}
