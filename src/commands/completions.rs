//! `completions`: shell completions generated from the command-line definition, never written by
//! hand; they carry the English help of the `///` comments.

use std::io::Write;

use anyhow::Result;

use crate::context::Ctx;
use crate::help::examples::{ex, Examples};
use clap::{Args, CommandFactory};

use crate::cli::Cli;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "completions",
    &[
        ex(
            "Untuk bash",
            "For bash",
            "pmi-desk completions bash > ~/.local/share/bash-completion/completions/pmi-desk",
        ),
        ex(
            "Untuk PowerShell",
            "For PowerShell",
            "pmi-desk completions powershell > pmi-desk.ps1",
        ),
    ],
)];

impl crate::commands::Run for CompletionsArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "completions"
    }

    fn run(self, _: &Ctx) -> Result<()> {
        run(self)
    }
}

pub(crate) fn run(args: CompletionsArgs) -> Result<()> {
    let shell = args.shell;
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "pmi-desk", &mut out);
    out.flush()?;
    Ok(())
}
