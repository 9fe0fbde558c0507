//! The command line: the global options and the command tree, with clap derive. Each command's
//! arguments live beside its `run` in src/commands/<command>.rs (or its folder); the `///`
//! comments are the English help text, from which the man page and the shell completions are
//! generated. The Indonesian help, the headings and the examples are applied at run time by
//! `crate::help` (src/help/mod.rs): every option needs its Indonesian line in src/help/id.rs, and
//! every `value_name` its Indonesian name there, or the help tests fail.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands::*;
use crate::context::Ctx;
use crate::output::Format;

/// pmi-desk: registration, passport recommendations, protection cases, repatriations and statistics
/// for a regional migrant-worker protection office (BP3MI), over one local database file.
#[derive(Parser, Debug)]
#[command(
    name = "pmi-desk",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Id,
    En,
}

#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Database file [default: pmi-desk.db in the OS data directory]
    #[arg(long, env = "PMI_DESK_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Output of commands that print records or figures
    #[arg(long, value_enum, default_value_t = Format::Table, global = true)]
    pub format: Format,
    /// Language of help, messages, prompts and tables [default: from the locale, else English]
    #[arg(
        long,
        value_enum,
        env = "PMI_DESK_LANG",
        global = true,
        value_name = "LANG"
    )]
    pub lang: Option<LangArg>,
    /// Who is working, for the audit log [default: the operating-system user]
    #[arg(long, env = "PMI_DESK_CLERK", global = true, value_name = "NAME")]
    pub clerk: Option<String>,
    /// Never prompt (also implied when standard input is not a terminal)
    #[arg(long, global = true)]
    pub no_input: bool,
    /// No progress bars and no summaries (errors and warnings are still shown)
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Tables with every column (uids too), nothing cut to the terminal's width
    #[arg(long, global = true)]
    pub wide: bool,
    /// Print long tables straight to the terminal, without a pager ($PAGER, default less -FRX)
    #[arg(long, global = true)]
    pub no_pager: bool,
}

/// How many rows a listing shows: 50 in a table unless told otherwise, every row in CSV and JSON.
#[derive(Args, Debug, Default, Clone, Copy)]
pub struct Limit {
    /// At most this many rows [default: 50 in a table, every row in csv and json]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(1..), conflicts_with = "all")]
    pub limit: Option<i64>,
    /// Every row (a table stops at 50 unless --limit says otherwise)
    #[arg(long)]
    pub all: bool,
    /// The oldest first [default: the newest first]
    #[arg(long)]
    pub oldest_first: bool,
}

/// The command line for a terminal: the required arguments of the commands that ask for what is
/// left out (`Run::ASKS`) may be left out there. Off a terminal, or with `--no-input`, clap names
/// every missing one (exit 2), and every command's help marks what is required the same way.
pub fn asking(cmd: clap::Command) -> clap::Command {
    relax(cmd, "", &asking_paths())
}

fn relax(mut cmd: clap::Command, path: &str, asking: &[&str]) -> clap::Command {
    if asking.contains(&path) {
        // `mut_arg` moves an argument to the end, and a built command finds its arguments by
        // position: every one is moved, in order, so the order (and the positions) stay.
        let ids: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for id in ids {
            cmd = cmd.mut_arg(id, |a| a.required(false));
        }
        let groups: Vec<String> = cmd.get_groups().map(|g| g.get_id().to_string()).collect();
        for id in groups {
            cmd = cmd.mut_group(id, |g| g.required(false));
        }
    }
    cmd.mut_subcommands(|sub| {
        let sub_path = format!("{path} {}", sub.get_name());
        relax(sub, sub_path.trim(), asking)
    })
}

/// Lists each command once: the enum clap parses, its audit name and its dispatch follow from it
/// (every argument type implements `commands::Run`).
macro_rules! command_tree {
    ($($(#[$attr:meta])* $variant:ident($args:ty),)*) => {
        #[derive(Subcommand, Debug)]
        pub enum Command {
            $($(#[$attr])* $variant($args),)*
        }

        impl Command {
            /// The command's name as the audit log records it.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Command::$variant(args) => Run::name(args),)*
                }
            }

            /// Runs the command.
            pub fn run(self, ctx: &Ctx) -> Result<()> {
                match self {
                    $(Command::$variant(args) => Run::run(args, ctx),)*
                }
            }
        }

        /// The paths of the commands that ask on a terminal for a required value left out.
        pub fn asking_paths() -> Vec<&'static str> {
            [$(<$args as Run>::ASKS,)*].concat()
        }

        /// The examples of every command, by path (src/help/examples.rs shows them).
        pub fn examples() -> Vec<(&'static str, &'static [crate::help::examples::Example])> {
            [$(<$args as Run>::EXAMPLES,)*].concat()
        }
    };
}

command_tree! {
    /// Set up the office this database belongs to
    Init(init::InitArgs),
    /// Show or change office settings (letterhead, signatory, checklists...)
    #[command(subcommand)]
    Config(config::ConfigCommand),
    /// Check the database: path, schema version, integrity, foreign keys, record counts
    Check(check::CheckArgs),
    /// Write a demo office database with realistic West Sumatra data
    Demo(demo::DemoArgs),
    /// Reference lists: regencies, districts, countries and every code list
    #[command(subcommand)]
    Ref(r#ref::RefCommand),
    /// Register a prospective migrant worker (CPMI) and a placement application
    Register(Box<register::RegisterArgs>),
    /// Show, find, list and correct registered workers
    #[command(subcommand)]
    Worker(worker::WorkerCommand),
    /// Documents checked for a placement
    #[command(subcommand)]
    Docs(docs::DocsCommand),
    /// Check eligibility and issue (or refuse, with reasons) the passport recommendation letter
    RecommendPassport(recommend_passport::RecommendArgs),
    /// List, show, void or mark used the passport recommendations
    #[command(subcommand)]
    Recommendation(recommendation::RecommendationCommand),
    /// What offices' records say that a clerk must decide: list, show, resolve
    #[command(subcommand)]
    Review(review::ReviewCommand),
    /// Exchange with other offices: what each sent and was sent, holes, keys
    #[command(subcommand)]
    Exchange(exchange::ExchangeCommand),
    /// Print a document: the recommendation letter, the refusal letter or the handover record
    Letter(letter::LetterArgs),
    /// Record that a recommended placement departed
    Depart(depart::DepartArgs),
    /// Cancel a placement before departure
    Cancel(cancel::CancelArgs),
    /// Record that a departed worker came home
    Return(r#return::ReturnArgs),
    /// Open a protection case (complaint or incident)
    OpenCase(Box<open_case::OpenCaseArgs>),
    /// Follow protection cases: show, list, note, act, refer, resolve, close, reopen
    #[command(subcommand)]
    Case(case::CaseCommand),
    /// Record a facilitated return (troubled, deported, sick, remains...)
    Repatriate(Box<repatriate::RepatriateArgs>),
    /// Record the handover of a returned worker or remains
    Handover(handover::HandoverArgs),
    /// List or show repatriations
    #[command(subcommand)]
    Repatriation(repatriation::RepatriationCommand),
    /// Statistics: placements, registrations, recommendations, cases, repatriations, summary
    Report(report::ReportArgs),
    /// Run a read-only SQL query for ad-hoc statistics (see docs/queries.md for the views)
    Query(query::QueryArgs),
    /// Export records as a folder of CSV files (the exchange format) for another office, or as
    /// one .xlsx workbook
    Export(export::ExportArgs),
    /// Import an exchange folder, one CSV file or an .xlsx workbook; a malformed file writes
    /// nothing, another office's clash waits for review
    Import(import::ImportArgs),
    /// Copy the whole database, consistently, to a new file (safe while others work)
    Backup(backup::BackupArgs),
    /// Show the audit log: who changed what, and when
    Log(log::LogArgs),
    /// Print shell completions
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff)
    Man(man::ManArgs),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    fn parse(args: &[&str], terminal: bool) -> Result<Cli, clap::Error> {
        let mut cmd = Cli::command();
        cmd.build();
        if terminal {
            cmd = asking(cmd);
        }
        Cli::from_arg_matches(&cmd.try_get_matches_from(args)?)
    }

    #[test]
    fn on_a_terminal_required_values_may_be_left_out_and_given_ones_stay_in_place() {
        let err = parse(&["pmi-desk", "depart"], false).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::MissingRequiredArgument);
        let Command::Depart(args) = parse(&["pmi-desk", "depart"], true).unwrap().command else {
            panic!("depart");
        };
        assert_eq!((args.placement, args.on), (None, None));
        let cli = parse(
            &[
                "pmi-desk",
                "depart",
                "REG-2023-00001",
                "--passport",
                "C1234567",
            ],
            true,
        );
        let Command::Depart(args) = cli.unwrap().command else {
            panic!("depart");
        };
        assert_eq!(args.placement.as_deref(), Some("REG-2023-00001"));
        assert_eq!(args.passport.as_deref(), Some("C1234567"));
        let cli = parse(&["pmi-desk", "case", "note", "PGD-1", "Ditelepon"], true).unwrap();
        let Command::Case(case::CaseCommand::Note { case, text, .. }) = cli.command else {
            panic!("case note");
        };
        assert_eq!(
            (case.as_deref(), text.as_deref()),
            (Some("PGD-1"), Some("Ditelepon"))
        );
    }

    #[test]
    fn every_command_that_asks_marks_its_required_arguments_for_clap() {
        // Off a terminal clap names every missing one, the way `depart` does.
        for (args, missing) in [
            (
                &["pmi-desk", "register", "--nik", "1371021508900001"][..],
                "--name <NAME>",
            ),
            (
                &["pmi-desk", "open-case", "--category", "UNPAID_WAGES"][..],
                "--nik <NIK>",
            ),
            (
                &["pmi-desk", "repatriate", "--category", "DEPORTED"][..],
                "--arrived-on <DATE>",
            ),
        ] {
            let err = parse(args, false).unwrap_err();
            assert_eq!(err.kind(), clap::error::ErrorKind::MissingRequiredArgument);
            assert!(err.to_string().contains(missing), "{err}");
        }
        let err = parse(&["pmi-desk", "register", "--nik", "1"], false).unwrap_err();
        let err = err.to_string();
        let (err, _usage) = err.split_once("Usage:").unwrap();
        for flag in [
            "--sex",
            "--birth-place",
            "--birth-date",
            "--regency",
            "--scheme",
            "--country",
        ] {
            assert!(err.contains(flag), "{err}");
        }
        assert!(!err.contains("--nik"), "{err}");
        // On a terminal they are asked for instead.
        for args in [
            &["pmi-desk", "register"][..],
            &["pmi-desk", "open-case"][..],
            &["pmi-desk", "repatriate"][..],
        ] {
            parse(args, true).unwrap();
        }
        // A command that does not ask keeps its required arguments on a terminal too.
        let err = parse(&["pmi-desk", "docs", "edit", "REG-2023-00001"], true).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::MissingRequiredArgument);
    }
}
