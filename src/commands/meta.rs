//! `completions` and `man`: generated from the command-line definition, never written by hand.
//! Completions carry the English help of src/cli.rs; the man page follows the clerk's language.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "pmi-desk", &mut out);
    out.flush()?;
    Ok(())
}

/// The manual page in the clerk's language (see `crate::help::man_page`).
pub fn man() -> Result<()> {
    let page = crate::help::man_page(crate::i18n::lang())?;
    let mut out = std::io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(())
}
