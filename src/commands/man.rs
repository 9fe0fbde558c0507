//! `man`: the manual page (roff), generated from the command-line definition in the clerk's
//! language (see `crate::help::man_page`).

use std::io::Write;

use anyhow::Result;

use crate::context::Ctx;
use crate::help::examples::{ex, Examples};
use clap::Args;

#[derive(Args, Debug)]
pub struct ManArgs {}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "man",
    &[
        ex(
            "Baca manual dalam bahasa Indonesia",
            "Read the manual in Indonesian",
            "pmi-desk --lang id man | man -l -",
        ),
        ex(
            "Simpan halaman manual",
            "Save the manual page",
            "pmi-desk man > pmi-desk.1",
        ),
    ],
)];

impl crate::commands::Run for ManArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "man"
    }

    fn run(self, _: &Ctx) -> Result<()> {
        run(self)
    }
}

/// The manual page in the clerk's language (see `crate::help::man_page`).
pub(crate) fn run(_: ManArgs) -> Result<()> {
    let page = crate::help::man_page(crate::i18n::lang())?;
    let mut out = std::io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(())
}
