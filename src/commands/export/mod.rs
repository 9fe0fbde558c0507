//! `export`: the folder of CSV files (or a workbook) for another office, signed with this site's
//! key. Incremental exports follow the database's change sequence, one point per recipient
//! (`--since-last --to OFFICE`), so what arrived from another office is relayed onward.

mod xlsx;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::context::Ctx;
use crate::db::audit::{self, Actor};
use crate::db::{self, Tx};
use crate::domain::audit::{Action, RecordKind};
use crate::domain::date::parse_date;
use crate::domain::record::Timestamp;
use crate::error::{refused, storage, Invalid};
use crate::exchange::export::{self, write_folder, Folder, Options, Since};
use crate::exchange::workbook;
use crate::exchange::FileKind;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::progress::{Progress, Unit};
use crate::settings;
use crate::t;
use clap::Args;

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Folder to create (it appears whole or not at all); a name ending in .xlsx writes a workbook
    /// as --xlsx does
    #[arg(
        long,
        value_name = "DIR",
        required_unless_present = "xlsx",
        conflicts_with = "xlsx"
    )]
    pub out: Option<PathBuf>,
    /// Write one .xlsx workbook instead of a folder: a sheet per exchange file, NIKs and codes as
    /// text, dates as dates
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Only records changed after this moment (YYYY-MM-DD or RFC 3339)
    #[arg(long, conflicts_with_all = ["since_last", "since_seq"], value_name = "TIME")]
    pub since: Option<String>,
    /// Only records changed after this change sequence number (the `seq_to` of an earlier
    /// export's manifest), for scripts that keep their own place
    #[arg(long, value_name = "N", conflicts_with = "since_last")]
    pub since_seq: Option<i64>,
    /// Only records changed since the last folder for the office named by --to (for nightly runs;
    /// each recipient has its own point)
    #[arg(long, requires = "to")]
    pub since_last: bool,
    /// The office the folder is for (its code, e.g. BP3MI-SB): a complete folder for it moves its
    /// point for --since-last; an export without --to moves no point
    #[arg(long, value_name = "OFFICE")]
    pub to: Option<String>,
    /// Only these files, e.g. persons,placements
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub only: Vec<String>,
    /// For statistics outside the office: NIK to 12 digits, names to initials, no contact details
    #[arg(long)]
    pub mask: bool,
    /// Replace an earlier export in that folder or workbook (never anything else)
    #[arg(long)]
    pub force: bool,
}

/// `--since`: a date (midnight, this office's clock) or an RFC 3339 moment.
fn parse_moment(text: &str) -> Result<Timestamp, Invalid> {
    if let Ok(date) = parse_date(text) {
        let midnight = date
            .and_hms_opt(0, 0, 0)
            .expect("midnight exists")
            .and_utc();
        return Ok(Timestamp::from_datetime(midnight));
    }
    Timestamp::parse(text).map_err(|_| Invalid(crate::said!(Msg::MomentInvalid, text.trim())))
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "export",
    &[
        ex(
            "Semua data untuk kantor lain",
            "Everything, for another office",
            "pmi-desk export --out ekspor-2023-11-08",
        ),
        ex(
            "Ekspor malam hari untuk BP3MI: hanya yang berubah sejak folder terakhir untuknya",
            "The nightly export for the BP3MI: only what changed since its last folder",
            "pmi-desk export --out ekspor-malam --since-last --to BP3MI-SB",
        ),
        ex(
            "Tersamar, untuk statistik di luar kantor",
            "Masked, for statistics outside the office",
            "pmi-desk export --out statistik --mask --only persons,placements",
        ),
        ex(
            "Satu buku kerja untuk dibuka di spreadsheet",
            "One workbook, to open in a spreadsheet",
            "pmi-desk export --xlsx data-2023-11-08.xlsx",
        ),
    ],
)];

impl crate::commands::Run for ExportArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "export"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let only = args
        .only
        .iter()
        .map(|k| FileKind::parse(k).ok_or_else(|| refused(t!(Msg::ExportKindUnknown, k))))
        .collect::<Result<Vec<_>>>()?;
    let to = args.to.as_deref().map(settings::office_code).transpose()?;
    let since = since(store.conn(), &args, to.as_deref())?;
    let out = match (&args.xlsx, &args.out) {
        (Some(path), _) => return xlsx::export(ctx, store, &args, path, &only, since),
        (None, Some(path)) if workbook::is_workbook(path) => {
            return xlsx::export(ctx, store, &args, path, &only, since)
        }
        (None, Some(path)) => path.clone(),
        (None, None) => return Err(crate::error::usage(t!(Msg::ExportNeedsOut))),
    };
    crate::outfile::refuse_database(&out, &ctx.db_path)?;
    let replaced = replaced_export(&out, args.force)?;
    let (parent, name) = parent_and_name(&out);
    // What an export of this name left when it was killed (it holds personal data) goes first.
    for stale in crate::outfile::leftovers(&parent, Some(&name)) {
        let _ = crate::outfile::remove_leftover(&stale);
        ctx.warn(&t!(Msg::LeftoverRemoved, stale.display()));
    }
    let partial = parent.join(format!(".{name}.partial-{}", std::process::id()));
    db::create_private_dir(&partial)?;
    let exported_at = ctx.clock.timestamp();
    let options = Options {
        since,
        only: &only,
        mask: args.mask,
        to: to.as_deref(),
    };
    let folder = write_aside(
        ctx,
        &mut store,
        &partial,
        &options,
        &office.code,
        &exported_at,
    )?;
    // Recorded first, then put in place whole: a folder never appears without its export entry
    // (personal data never leaves unrecorded). A kill before the commit leaves only the folder
    // aside, which the next export of that name removes; a kill after it, an entry for a folder
    // that never arrives, which the recipient names as a hole (sent again with `--since-seq`).
    let actor = ctx.actor();
    let recorded = store.write(|tx| {
        move_point(tx, &options, &folder, &exported_at, &out)?;
        record(tx, &actor, &folder, &out)
    });
    if let Err(e) = recorded {
        let _ = std::fs::remove_dir_all(&partial);
        return Err(e);
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    put_in_place(&partial, &out, &old)?;
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    if let Some(earlier) = replaced {
        ctx.say(&t!(Msg::ExportReplaced, out.display(), earlier))?;
    }
    ctx.say(&t!(Msg::ExportDone, out.display(), shown(&folder)))
}

/// Writes the folder in `partial`, the rows told on a progress bar; on failure `partial` goes.
fn write_aside(
    ctx: &Ctx,
    store: &mut db::Store,
    partial: &Path,
    options: &Options,
    office_code: &str,
    exported_at: &Timestamp,
) -> Result<Folder> {
    let mut bar = ctx.progress(Unit::Rows, 0, "");
    let folder = match store.read(|conn| {
        if bar.visible() {
            bar.set_total(export::rows_to_write(conn, options)?);
        }
        write_folder(
            conn,
            partial,
            options,
            office_code,
            exported_at,
            &mut by_file(&mut bar),
        )
    }) {
        Ok(f) => f,
        Err(e) => {
            let _ = std::fs::remove_dir_all(partial);
            return Err(e);
        }
    };
    bar.finish();
    Ok(folder)
}

/// What the folder carries: `--since`, `--since-seq`, or with `--since-last` what changed after
/// the recipient's point.
fn since(conn: &rusqlite::Connection, args: &ExportArgs, to: Option<&str>) -> Result<Since> {
    Ok(match (&args.since, args.since_seq, args.since_last) {
        (Some(s), _, _) => Since::Moment(parse_moment(s)?),
        (None, Some(n), _) => Since::Seq(n.max(0)),
        // The first folder for an office carries everything.
        (None, None, true) => match db::site::cursor(conn, to.unwrap_or(""))? {
            Some(n) => Since::Seq(n),
            None => Since::All,
        },
        (None, None, false) => Since::All,
    })
}

/// The earlier export `out` holds, which `--force` replaces; refused without `--force`, or when
/// `out` is a link.
fn replaced_export(out: &Path, force: bool) -> Result<Option<String>> {
    match std::fs::symlink_metadata(out) {
        Err(_) => Ok(None),
        Ok(meta) if meta.file_type().is_symlink() => {
            Err(refused(t!(Msg::OutIsLink, out.display())))
        }
        Ok(_) if !force => Err(refused(t!(Msg::ExportExists, out.display()))),
        Ok(_) => Ok(Some(earlier_export(out)?)),
    }
}

/// The folder `out` is written in (`.` for a bare name), and its name.
fn parent_and_name(out: &Path) -> (PathBuf, String) {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    (parent, name)
}

/// Renames the written folder `partial` to `out`, the earlier export there set aside as `old`;
/// on failure `partial` goes and the earlier export comes back.
fn put_in_place(partial: &Path, out: &Path, old: &Path) -> Result<()> {
    if out.exists() {
        std::fs::rename(out, old)
            .map_err(|e| storage(t!(Msg::FileCreateFailed, out.display(), e)))?;
    }
    if let Err(e) = std::fs::rename(partial, out) {
        let _ = std::fs::remove_dir_all(partial);
        if old.exists() {
            let _ = std::fs::rename(old, out);
        }
        return Err(storage(t!(Msg::FileCreateFailed, out.display(), e)));
    }
    Ok(())
}

/// The recipient's next `--since-last` starts after what this folder covered, when it carries
/// everything up to there: an export for anyone else moves no point.
fn move_point(
    tx: &Tx,
    options: &Options,
    folder: &Folder,
    exported_at: &Timestamp,
    out: &Path,
) -> Result<()> {
    let (Some(to), true) = (options.to, options.complete()) else {
        return Ok(());
    };
    let covered = db::site::cursor(tx, to)?.unwrap_or(0);
    let contiguous = match options.since {
        Since::Seq(n) => n <= covered,
        _ => true,
    };
    if contiguous && folder.seq_to > covered {
        db::site::set_cursor(
            tx,
            to,
            folder.seq_to,
            exported_at.as_str(),
            &out.display().to_string(),
        )?;
    }
    Ok(())
}

/// The export's entry in the audit log: the rows of each file and the change sequence covered.
fn record(tx: &Tx, actor: &Actor, folder: &Folder, out: &Path) -> Result<()> {
    let rows: Vec<String> = folder
        .written
        .iter()
        .map(|w| format!("{} {}", w.kind.name(), w.rows))
        .collect();
    let range = format!(
        "{}..{}",
        folder.seq_from.map(|n| n.to_string()).unwrap_or_default(),
        folder.seq_to
    );
    audit::note(
        tx,
        actor,
        RecordKind::Export,
        &out.display().to_string(),
        Action::Export,
        &[
            ("rows".into(), None, Some(rows.join(", "))),
            ("seq".into(), None, Some(range)),
        ],
    )
}

/// The files written and their rows, as the clerk is told: what the merge needs (merges,
/// conflicts) only when there is some.
fn shown(folder: &Folder) -> String {
    let shown: Vec<String> = folder
        .written
        .iter()
        .filter(|w| !w.kind.is_merge_data() || w.rows > 0)
        .map(|w| format!("{} {}", crate::views::table_label(w.kind.name()), w.rows))
        .collect();
    shown.join(", ")
}

/// What `--force` may replace: a folder holding only an earlier pmi-desk export (its manifest and
/// its CSV files). Anything else there (a clerk's own files) is never deleted. Returns a line
/// saying which export it was.
fn earlier_export(dir: &Path) -> Result<String> {
    let refuse = || refused(t!(Msg::ExportRefusesFolder, dir.display()));
    if !std::fs::symlink_metadata(dir)?.is_dir() {
        return Err(refuse());
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_lowercase();
        let known = name == "manifest.json"
            || name == crate::exchange::sign::SIGNATURE_FILE
            || FileKind::ALL.iter().any(|k| k.file_name() == name);
        if !known || !entry.file_type()?.is_file() {
            return Err(refuse());
        }
    }
    let manifest: serde_json::Value = std::fs::read_to_string(dir.join("manifest.json"))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .ok_or_else(refuse)?;
    if manifest["format"] != crate::exchange::FORMAT {
        return Err(refuse());
    }
    Ok(format!(
        "{} {}",
        manifest["office_code"].as_str().unwrap_or("?"),
        manifest["exported_at"].as_str().unwrap_or("?")
    ))
}

/// Export progress told file by file (`write_folder`, `write_workbook`) on one bar.
pub(super) fn by_file(bar: &mut Progress) -> impl FnMut(FileKind, usize) + '_ {
    let mut current = None;
    move |kind, rows| {
        if current != Some(kind) {
            if current.is_some() {
                bar.next_part();
            }
            current = Some(kind);
            bar.label(&kind.file_name());
        }
        bar.at(rows as u64);
    }
}
