//! `completions`: shell completions generated from the command-line definition, never written by
//! hand; they carry the English help of the `///` comments.

use std::io::Write;

use anyhow::Result;

use crate::context::Ctx;
use clap::{Args, CommandFactory};

use crate::cli::Cli;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

impl crate::commands::Run for CompletionsArgs {
    fn name(&self) -> &'static str {
        "completions"
    }

    fn run(self, _: &Ctx) -> Result<()> {
        run(self)
    }
}

pub fn run(args: CompletionsArgs) -> Result<()> {
    let shell = args.shell;
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "pmi-desk", &mut out);
    out.flush()?;
    Ok(())
}
