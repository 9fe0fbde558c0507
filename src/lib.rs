//! pmi-desk: the library behind the `pmi-desk` binary. `run` turns a parsed command line into a
//! context and hands it to the command; everything else lives in the modules below.

pub mod cli;
pub mod clock;
pub mod commands;
pub mod context;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod exchange;
pub mod help;
pub mod i18n;
pub mod image;
pub mod interrupt;
pub mod letter;
pub mod menu;
pub mod outfile;
pub mod output;
pub mod pager;
pub mod progress;
pub mod prompt;
pub mod reference;
pub mod report;
pub mod settings;
pub mod views;
pub mod xlsx;

use std::ffi::OsString;
use std::io::IsTerminal;

use anyhow::Result;
use clap::{parser::ValueSource, FromArgMatches};

use crate::cli::{Cli, LangArg};
use crate::clock::Clock;
use crate::context::{Ctx, DbSource};
use crate::i18n::Lang;

/// Parses the command line with its help in the clerk's language (`--lang`, `PMI_DESK_LANG` or the
/// locale, known before clap runs). Help, version, usage errors and a missing command stop here:
/// `main` prints them with `Stop::report` (help exit 0, usage exit 2).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<(Cli, DbSource), help::Stop> {
    let args: Vec<OsString> = args.into_iter().collect();
    let (lang, _) = help::lang_of(&args);
    let mut command = help::command(lang);
    // On a terminal a command asks for what is missing, so clap must let it through.
    if can_ask(false) && !args.iter().any(|a| a == "--no-input") {
        command = cli::asking(command);
    }
    let matches = command
        .try_get_matches_from(&args)
        .map_err(|e| help::stop(e, &args))?;
    let db_source = match matches.value_source("db") {
        Some(ValueSource::CommandLine) => DbSource::CommandLine,
        Some(ValueSource::EnvVariable) => DbSource::Environment,
        _ => DbSource::Default,
    };
    let cli = Cli::from_arg_matches(&matches).map_err(|e| help::stop(e, &args))?;
    Ok((cli, db_source))
}

/// Whether a command may ask: not with `--no-input`, and only when the clerk types on a terminal
/// (standard input) and reads the questions there (standard error).
fn can_ask(no_input: bool) -> bool {
    !no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Runs one parsed command.
pub fn run(cli: Cli, db_source: DbSource) -> Result<()> {
    i18n::set_lang(Lang::choose(cli.global.lang.map(|l| match l {
        LangArg::Id => Lang::Id,
        LangArg::En => Lang::En,
    })));
    interrupt::install();
    let ctx = Ctx {
        db_path: cli
            .global
            .db
            .clone()
            .unwrap_or_else(context::default_db_path),
        db_source,
        format: cli.global.format,
        clerk: domain::text::parse_clerk(
            &cli.global
                .clerk
                .clone()
                .filter(|c| !c.trim().is_empty())
                .unwrap_or_else(context::os_user),
        )
        .map_err(|e| error::usage(t!(i18n::Msg::ClerkInvalid, e.0)))?,
        interactive: can_ask(cli.global.no_input),
        quiet: cli.global.quiet,
        clock: Clock::from_env()?,
        command: cli.command.name().to_string(),
    };
    output::set_layout(output::Layout {
        width: output::terminal_width(),
        wide: cli.global.wide,
        pager: !cli.global.no_pager,
    });
    cli.command.run(&ctx)
}
