//! What every command receives: the database path, output format, clerk, clock, whether it may
//! prompt, and the command's name for the audit log.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::clock::Clock;
use crate::db::audit::Actor;
use crate::db::{OpenMode, Store};
use crate::output::Format;

pub struct Ctx {
    pub db_path: PathBuf,
    /// Where the database path came from.
    pub db_source: DbSource,
    pub format: Format,
    pub clerk: String,
    pub interactive: bool,
    /// `--quiet`: no progress and no summaries.
    pub quiet: bool,
    pub clock: Clock,
    pub command: String,
}

/// Where the database path came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbSource {
    /// `--db`: a command shown to the clerk must repeat it.
    CommandLine,
    /// `PMI_DESK_DB`: the clerk's shell already has it.
    Environment,
    /// The default file in the OS data directory.
    Default,
}

impl Ctx {
    /// The clerk chose the database (`--db` or `PMI_DESK_DB`), rather than the default.
    pub fn db_chosen(&self) -> bool {
        self.db_source != DbSource::Default
    }

    /// The path to repeat as `--db PATH` in a command suggested to the clerk, if any.
    pub fn db_hint(&self) -> Option<&std::path::Path> {
        (self.db_source == DbSource::CommandLine).then_some(self.db_path.as_path())
    }

    /// Opens the existing database, migrating it to this version's schema.
    pub fn open(&self) -> Result<Store> {
        self.open_as(OpenMode::Existing)
    }

    /// Opens the existing database for a command that only reads (it is migrated first if its
    /// schema is older, as by `open`): nothing can be written through it.
    pub fn open_reading(&self) -> Result<Store> {
        self.open_as(OpenMode::Reading)
    }

    fn open_as(&self, mode: OpenMode) -> Result<Store> {
        let store = Store::open(&self.db_path, mode)?;
        if let Ok(Some(code)) = crate::db::settings::get(store.conn(), "office.code") {
            crate::views::set_office(&code);
        }
        Ok(store)
    }

    pub fn actor(&self) -> Actor {
        Actor {
            now: self.clock.now,
            clerk: self.clerk.clone(),
            command: self.command.clone(),
        }
    }

    /// A progress bar for long work (hidden off a terminal and with `--quiet`).
    pub fn progress(
        &self,
        unit: crate::progress::Unit,
        total: u64,
        label: &str,
    ) -> crate::progress::Progress {
        crate::progress::Progress::new(self.quiet, unit, total, label)
    }

    /// A sentence for the clerk: on standard output for tables, on standard error when standard
    /// output carries CSV or JSON for a program.
    pub fn say(&self, text: &str) -> Result<()> {
        if self.quiet {
            return Ok(());
        }
        // What a sentence quotes from outside never reaches the terminal raw.
        let text = crate::domain::text::visible(text, true);
        if self.format == Format::Table {
            writeln!(std::io::stdout().lock(), "{text}")?;
        } else {
            eprintln!("{text}");
        }
        Ok(())
    }

    /// A warning, always on standard error.
    /// A warning on standard error, `! ...`, wrapped at words on a terminal.
    pub fn warn(&self, text: &str) {
        let text = format!("! {}", crate::domain::text::visible(text, true));
        let width = crate::output::stderr_width();
        for line in text.lines() {
            // A line's own indent (the steps under a warning) is kept on each of its parts.
            let rest = line.trim_start();
            let indent = &line[..line.len() - rest.len()];
            let width = width.map(|w| w.saturating_sub(indent.len()));
            for part in crate::output::wrap(rest, width) {
                eprintln!("{indent}{part}");
            }
        }
    }
}

/// A new record uid (UUID v4, lower case).
pub fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// `pmi-desk.db` in the OS data directory (e.g. ~/.local/share/pmi-desk/ on Linux).
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("id", "BP2MI", "pmi-desk")
        .map(|dirs| dirs.data_dir().join("pmi-desk.db"))
        .unwrap_or_else(|| PathBuf::from("pmi-desk.db"))
}

/// The operating-system user, for the audit log when `--clerk` is not given.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}
