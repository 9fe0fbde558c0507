//! `backup`: the whole database copied, consistently, to a new file while others may be working;
//! only a backup this command wrote at that very place is ever replaced.

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db;
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::progress::Unit;
use crate::t;

#[derive(Args, Debug)]
pub struct BackupArgs {
    /// The backup file to create
    #[arg(long, value_name = "FILE")]
    pub out: std::path::PathBuf,
    /// Replace an earlier backup (only a pmi-desk database is ever replaced)
    #[arg(long)]
    pub force: bool,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "backup",
    &[
        ex(
            "Cadangan harian",
            "The daily backup",
            "pmi-desk backup --out cadangan-2023-11-08.db",
        ),
        ex(
            "Cadangan ke flashdisk",
            "A backup to a USB stick",
            "pmi-desk backup --out /media/flashdisk/pmi-desk.db",
        ),
    ],
)];

impl crate::commands::Run for BackupArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "backup"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, args: BackupArgs) -> Result<()> {
    let (out, force) = (args.out.as_path(), args.force);
    crate::outfile::choose(out, &[crate::outfile::OutFormat::Database], "backup")?;
    let store = ctx.open()?;
    crate::outfile::refuse_database(out, &ctx.db_path)?;
    let at = crate::outfile::canonical(out).display().to_string();
    let replaces = match db::found_at(out) {
        db::Found::Nothing => false,
        _ if std::fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink()) => {
            return Err(refused(t!(Msg::OutIsLink, out.display())))
        }
        // Only a backup this command wrote at this very place is replaced, and only when asked;
        // another office's database, a restored backup in use, a demo are never touched.
        db::Found::Database {
            backup_at: Some(written_at),
            ..
        } if written_at == at => {
            if !force {
                return Err(refused(t!(Msg::BackupExists, out.display())));
            }
            true
        }
        db::Found::Database { .. } => {
            return Err(refused(t!(Msg::BackupRefusesDatabase, out.display())))
        }
        db::Found::NotOurs => return Err(refused(t!(Msg::BackupRefusesFile, out.display()))),
    };
    // Written aside and renamed over the earlier backup: it stays until the new one is whole.
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let target = out.to_path_buf();
    let out = &out.with_file_name(format!(".{name}.partial-{}", std::process::id()));
    let _ = std::fs::remove_file(out);
    // The copy's size, as it grows, against the database's pages in use (what VACUUM INTO
    // writes): the only measure of its progress SQLite gives.
    let bar = ctx.progress(
        Unit::Bytes,
        db::bytes_in_use(store.conn())?,
        &t!(Msg::ProgressBackup),
    );
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        if bar.visible() {
            scope.spawn(|| {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    if let Ok(meta) = std::fs::metadata(out) {
                        bar.at(meta.len());
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
            });
        }
        let copied = db::backup(store.conn(), out, &at);
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        copied
    })?;
    bar.finish();
    let placed = if replaces {
        std::fs::rename(out, &target)
    } else {
        std::fs::hard_link(out, &target).and_then(|_| std::fs::remove_file(out))
    };
    if let Err(e) = placed {
        let _ = std::fs::remove_file(out);
        return Err(crate::error::storage(t!(
            Msg::FileCreateFailed,
            target.display(),
            e
        )));
    }
    ctx.say(&t!(Msg::BackupDone, target.display()))
}
