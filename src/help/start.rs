//! `pmi-desk` with no command where the guided menu cannot start (off a terminal, or with
//! `--no-input`): the short help. `main` starts the menu itself on a terminal (src/menu/).

use crate::i18n::{Lang, Msg};

/// Prints the short help and returns the exit code: 2, a usage error for scripts.
pub fn no_command(lang: Lang) -> i32 {
    short_help(lang);
    2
}

/// A few lines: what pmi-desk is, the main commands, how to get more help.
pub(super) fn short_help(lang: Lang) {
    eprintln!("{}", Msg::StartHelp.text(lang));
}
