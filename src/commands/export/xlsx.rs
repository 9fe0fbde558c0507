//! `export --xlsx FILE` (or `export --out FILE.xlsx`): the exchange format as one workbook for a
//! clerk's spreadsheet. Same selection as a folder export (`--since*`, `--only`, `--mask`); it does
//! not move the place `--since-last` starts from, which belongs to the folders sent to offices.

use std::path::Path;

use anyhow::Result;

use super::ExportArgs;
use crate::context::Ctx;
use crate::db::{audit, Store};
use crate::domain::audit::{Action, RecordKind};
use crate::error::refused;
use crate::exchange::export::{Options, Since};
use crate::exchange::workbook::write::{earlier_workbook, write_workbook};
use crate::exchange::FileKind;
use crate::i18n::Msg;
use crate::outfile::OutFormat;
use crate::progress::Unit;
use crate::settings;
use crate::t;
use crate::xlsx::Book;

pub(super) fn export(
    ctx: &Ctx,
    mut store: Store,
    args: &ExportArgs,
    path: &Path,
    only: &[FileKind],
    since: Since,
) -> Result<()> {
    // A workbook is named `.xlsx`, so that it opens in a spreadsheet and `import` knows it.
    crate::outfile::choose(path, &[OutFormat::Xlsx], "export --xlsx")?;
    let office = settings::office(store.conn())?;
    crate::outfile::refuse_database(path, &ctx.db_path)?;
    // `--force` replaces only an earlier pmi-desk workbook, never a clerk's own file.
    let replaced = match std::fs::symlink_metadata(path) {
        Err(_) => None,
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(refused(t!(Msg::OutIsLink, path.display())))
        }
        Ok(_) if !args.force => return Err(refused(t!(Msg::ExportExists, path.display()))),
        Ok(_) => Some(
            earlier_workbook(path)
                .ok_or_else(|| refused(t!(Msg::ExportRefusesWorkbook, path.display())))?,
        ),
    };
    let exported_at = ctx.clock.timestamp();
    let options = Options {
        since,
        only,
        mask: args.mask,
        to: None,
    };
    let mut book = Book::new(path, &exported_at)?;
    let mut bar = ctx.progress(Unit::Rows, 0, "");
    let written = store.read(|conn| {
        if bar.visible() {
            bar.set_total(crate::exchange::export::rows_to_write(conn, &options)?);
        }
        write_workbook(
            conn,
            &mut book,
            &options,
            &office.code,
            &exported_at,
            &mut super::by_file(&mut bar),
        )
    })?;
    bar.finish();
    // Written aside, recorded, then renamed over the earlier workbook: it appears whole or not
    // at all, and never without its export entry.
    let aside = book.save_aside()?;
    let rows: Vec<String> = written
        .rows
        .iter()
        .map(|(kind, n)| format!("{} {n}", kind.name()))
        .collect();
    let range = format!(
        "{}..{}",
        written.seq_from.map(|n| n.to_string()).unwrap_or_default(),
        written.seq_to
    );
    let actor = ctx.actor();
    store.write(|tx| {
        audit::note(
            tx,
            &actor,
            RecordKind::Export,
            &path.display().to_string(),
            Action::Export,
            &[
                ("rows".into(), None, Some(rows.join(", "))),
                ("seq".into(), None, Some(range.clone())),
                ("format".into(), None, Some("xlsx".into())),
            ],
        )
    })?;
    aside.place()?;
    if let Some(earlier) = replaced {
        ctx.say(&t!(Msg::ExportReplaced, path.display(), earlier))?;
    }
    let shown: Vec<String> = written
        .rows
        .iter()
        .map(|(kind, n)| format!("{} {n}", crate::views::table_label(kind.name())))
        .collect();
    ctx.say(&t!(Msg::ExportDone, path.display(), shown.join(", ")))
}
