//! `pmi-desk` with no command: the way in for a clerk starting from zero.

use std::io::IsTerminal;

use crate::i18n::{Lang, Msg};

/// Runs `pmi-desk` alone and returns the exit code.
///
/// Off a terminal it prints the short help and exits 2 (a usage error for scripts); on a terminal
/// it opens the guided menu of the day's tasks.
pub fn no_command(lang: Lang) -> i32 {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return on_terminal(lang);
    }
    short_help(lang);
    2
}

/// The guided menu of the day's tasks (src/menu/); `--no-input` asks for none, so short help.
fn on_terminal(lang: Lang) -> i32 {
    if std::env::args_os().any(|a| a == "--no-input") {
        short_help(lang);
        return 2;
    }
    crate::menu::run(lang)
}

/// A few lines: what pmi-desk is, the main commands, how to get more help.
pub fn short_help(lang: Lang) {
    eprintln!("{}", Msg::StartHelp.text(lang));
}
