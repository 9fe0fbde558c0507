//! `export` and `import`: exchanging folders of CSV files with other offices. Incremental exports
//! follow the database's change sequence, so what arrived from another office is relayed onward.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::TimeDelta;

use crate::cli::{ExportArgs, ImportArgs};
use crate::context::Ctx;
use crate::db::{self, audit};
use crate::domain::date::parse_date;
use crate::domain::record::Timestamp;
use crate::error::{refused, storage, Invalid};
use crate::exchange::export::{self, write_folder, Options, Since};
use crate::exchange::import::{Importer, Settings};
use crate::exchange::read::{self, ImportError};
use crate::exchange::workbook;
use crate::exchange::FileKind;
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::progress::{Progress, Unit};
use crate::settings;
use crate::t;

/// Folders larger than this are imported in bulk mode when the database is not shared at the time.
const BULK_BYTES: u64 = 32 << 20;

/// Where the change sequence covered by the last full export is kept (`--since-last`).
const LAST_EXPORT_SEQ: &str = "export.last_seq";

/// `--since`: a date (midnight, this office's clock) or an RFC 3339 moment.
fn parse_moment(text: &str) -> Result<Timestamp, Invalid> {
    if let Ok(date) = parse_date(text) {
        let midnight = date
            .and_hms_opt(0, 0, 0)
            .expect("midnight exists")
            .and_utc();
        return Ok(Timestamp::from_datetime(midnight));
    }
    Timestamp::parse(text).map_err(|_| Invalid(t!(Msg::MomentInvalid, text.trim())))
}

pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let only = args
        .only
        .iter()
        .map(|k| FileKind::parse(k).ok_or_else(|| refused(t!(Msg::ExportKindUnknown, k))))
        .collect::<Result<Vec<_>>>()?;
    let since = match (&args.since, args.since_seq, args.since_last) {
        (Some(s), _, _) => Since::Moment(parse_moment(s)?),
        (None, Some(n), _) => Since::Seq(n.max(0)),
        (None, None, true) => Since::Seq(
            db::settings::get(store.conn(), LAST_EXPORT_SEQ)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
        ),
        (None, None, false) => Since::All,
    };
    let out = match (&args.xlsx, &args.out) {
        (Some(path), _) => return super::workbook::export(ctx, store, &args, path, &only, since),
        (None, Some(path)) if workbook::is_workbook(path) => {
            return super::workbook::export(ctx, store, &args, path, &only, since)
        }
        (None, Some(path)) => path.clone(),
        (None, None) => return Err(crate::error::usage(t!(Msg::ExportNeedsOut))),
    };
    let replaced = match std::fs::symlink_metadata(&out) {
        Err(_) => None,
        Ok(_) if !args.force => return Err(refused(t!(Msg::ExportExists, out.display()))),
        Ok(_) => Some(earlier_export(&out)?),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let partial = parent.join(format!(".{name}.partial-{}", std::process::id()));
    db::create_private_dir(&partial)?;
    let exported_at = ctx.clock.timestamp();
    let options = Options {
        since,
        only: &only,
        mask: args.mask,
    };
    let mut bar = ctx.progress(Unit::Rows, 0, "");
    let folder = match store.read(|conn| {
        if bar.visible() {
            bar.set_total(export::rows_to_write(conn, &options)?);
        }
        write_folder(
            conn,
            &partial,
            &options,
            &office.code,
            &exported_at,
            &mut by_file(&mut bar),
        )
    }) {
        Ok(f) => f,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&partial);
            return Err(e);
        }
    };
    bar.finish();
    // The folder appears whole: written aside, then renamed into place.
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if out.exists() {
        std::fs::rename(&out, &old)
            .map_err(|e| storage(t!(Msg::FileCreateFailed, out.display(), e)))?;
    }
    std::fs::rename(&partial, &out)
        .map_err(|e| storage(t!(Msg::FileCreateFailed, out.display(), e)))?;
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    let actor = ctx.actor();
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
    store.write(|tx| {
        if !args.mask && only.is_empty() && options.since != Since::Moment(Timestamp::default()) {
            // The next `--since-last` starts after what this export covered.
            let covered = db::settings::get(tx, LAST_EXPORT_SEQ)?
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(0);
            if matches!(options.since, Since::All | Since::Seq(_)) && folder.seq_to > covered {
                let contiguous = match options.since {
                    Since::Seq(n) => n <= covered,
                    _ => true,
                };
                if contiguous {
                    db::settings::set(tx, LAST_EXPORT_SEQ, &folder.seq_to.to_string())?;
                }
            }
        }
        audit::record(
            tx,
            &actor,
            "export",
            &out.display().to_string(),
            "export",
            &[
                ("rows".into(), None, Some(rows.join(", "))),
                ("seq".into(), None, Some(range.clone())),
            ],
        )
    })?;
    if let Some(earlier) = replaced {
        ctx.say(&t!(Msg::ExportReplaced, out.display(), earlier))?;
    }
    let shown: Vec<String> = folder
        .written
        .iter()
        .map(|w| format!("{} {}", crate::views::table_label(w.kind.name()), w.rows))
        .collect();
    ctx.say(&t!(Msg::ExportDone, out.display(), shown.join(", ")))
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
        let known = name == "manifest.json" || FileKind::ALL.iter().any(|k| k.file_name() == name);
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

pub fn import(ctx: &Ctx, args: ImportArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let mut warnings = Vec::new();
    // A workbook gives its tables at once; cells are named by sheet and column in messages.
    let mut places = workbook::Places::default();
    let mut opened = Vec::new();
    type Files = Vec<(Option<FileKind>, PathBuf, Option<(i64, String)>)>;
    let (files, manifest): (Files, _) =
        if !args.path.is_dir() && workbook::looks_like_workbook(&args.path) {
            let book = workbook::read::open(&args.path, &mut warnings)?;
            opened = book.tables;
            places = book.places;
            (Vec::new(), book.manifest)
        } else if args.path.is_dir() {
            let (found, manifest) = read::folder_files(&args.path, &mut warnings)?;
            (
                found
                    .into_iter()
                    .map(|(k, p, expected)| (Some(k), p, expected))
                    .collect(),
                manifest,
            )
        } else if args.path.exists() {
            (vec![(None, args.path.clone(), None)], None)
        } else {
            return Err(storage(t!(
                Msg::FileUnreadable,
                args.path.display(),
                t!(Msg::NotFound)
            )));
        };
    for (kind, path, expected) in &files {
        let mut table = read::open(path, *kind)?;
        table.expected = expected.clone();
        opened.push(table);
    }
    for table in &opened {
        if !table.unknown.is_empty() {
            warnings.push(t!(
                Msg::ImportUnknownColumns,
                table.name,
                table.unknown.join(", ")
            ));
        }
    }
    for w in &warnings {
        ctx.warn(w);
    }
    let tolerance: i64 = settings::value(store.conn(), "import.clock_tolerance_hours")?
        .parse()
        .unwrap_or(24);
    let last_export_seq = db::settings::get(store.conn(), LAST_EXPORT_SEQ)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let actor = ctx.actor();
    let dry_run = args.dry_run;
    let accept = args.accept_warnings;
    let source = args.path.display().to_string();
    let sender = manifest.as_ref().and_then(|m| m.office_code.clone());
    store.cache_mib(64)?;
    // A large folder (a province's or the centre's bulk load) is written once, not twice, when no
    // other clerk has the database open.
    let bytes: u64 = files
        .iter()
        .filter_map(|(_, p, _)| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let bulk = bytes > BULK_BYTES && store.bulk_mode()?;
    let outcome = store.write_if(|tx| {
        let mut importer = Importer::new(
            tx,
            actor.clone(),
            Settings {
                office_code: office.code.clone(),
                sender: sender.clone(),
                now: ctx.clock.now,
                tolerance: TimeDelta::hours(tolerance),
                last_export_seq,
            },
        )?;
        if !files.is_empty() {
            importer.progress = ctx.progress(Unit::Bytes, bytes, "");
        }
        for table in &mut opened {
            importer.file(table)?;
            // The bytes just parsed are the bytes the manifest vouches for.
            read::check_against_manifest(table)?;
        }
        importer.progress.label(&t!(Msg::ProgressSaving));
        importer.finish()?;
        let blocked = !importer.warnings.is_empty() && !accept;
        let commit = importer.errors.is_empty() && !blocked && !dry_run;
        if commit {
            record_import(tx, &actor, &importer, &source, sender.as_deref(), &manifest)?;
        }
        Ok((
            (
                importer.counts,
                importer.errors,
                importer.warnings,
                importer.conflicts,
                importer.notes,
            ),
            commit,
        ))
    });
    if bulk {
        store.shared_mode()?;
    }
    let (counts, errors, row_warnings, conflicts, notes) = outcome?;
    if let Some(path) = &args.errors {
        write_report(path, &errors, &conflicts, &places)?;
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!(
                "{}: {} '{}': {}",
                places.place(&e.file, e.line, &e.column),
                e.column,
                e.value,
                e.reason
            );
        }
        return Err(refused(t!(Msg::ImportRejected, errors.len())));
    }
    for w in &row_warnings {
        ctx.warn(&format!(
            "{}: {}",
            places.place(&w.file, w.line, ""),
            w.warning.message
        ));
    }
    if !row_warnings.is_empty() && !accept {
        return Err(refused(t!(
            Msg::ImportWarningsNeedAcceptance,
            row_warnings.len()
        )));
    }
    for note in &notes {
        ctx.warn(note);
    }
    if counts.is_empty() {
        return Err(refused(t!(Msg::ImportNothingFound, args.path.display())));
    }
    let summary = Records {
        columns: vec![
            column("file", t!(Msg::HeadFile)),
            column("inserted", t!(Msg::HeadInserted)),
            column("updated", t!(Msg::HeadUpdated)),
            column("unchanged", t!(Msg::HeadUnchanged)),
            column("merged", t!(Msg::HeadMerged)),
            column("conflicts", t!(Msg::HeadConflicts)),
        ],
        rows: counts
            .iter()
            .map(|(kind, c)| {
                // A sheet is named by its workbook and sheet, a file by its exchange name.
                let name = opened
                    .iter()
                    .find(|t| t.kind == *kind && places.is_sheet(&t.name))
                    .map(|t| t.name.clone())
                    .unwrap_or_else(|| kind.file_name());
                let kind_conflicts = conflicts.iter().filter(|x| x.file == name).count();
                vec![
                    Cell::text(&name),
                    Cell::number(c.inserted as i64),
                    Cell::number(c.updated as i64),
                    Cell::number(c.unchanged as i64),
                    Cell::number(c.merged as i64),
                    Cell::number(kind_conflicts as i64),
                ]
            })
            .collect(),
    };
    if !ctx.quiet {
        summary.print(ctx.format, &mut std::io::stdout().lock())?;
    }
    if !conflicts.is_empty() {
        ctx.say(&t!(Msg::ImportConflictsFound, conflicts.len()))?;
        conflict_table(&conflicts).print(ctx.format, &mut std::io::stdout().lock())?;
    }
    ctx.say(&t!(if dry_run {
        Msg::ImportDryRun
    } else {
        Msg::ImportDone
    }))
}

fn conflict_table(conflicts: &[crate::exchange::import::Conflict]) -> Records {
    Records {
        columns: vec![
            column("record", t!(Msg::HeadRecord)),
            column("field", t!(Msg::HeadField)),
            column("local", t!(Msg::HeadLocalValue)),
            column("incoming", t!(Msg::HeadIncomingValue)),
            column("kept", t!(Msg::HeadKept)),
        ],
        rows: conflicts
            .iter()
            .map(|c| {
                vec![
                    Cell::text(format!("{} {}", c.record_kind, c.record_uid)),
                    Cell::text(crate::i18n::field(c.field)),
                    Cell::text(&c.local),
                    Cell::text(&c.incoming),
                    Cell::text(t!(if c.incoming_won {
                        Msg::KeptIncoming
                    } else {
                        Msg::KeptLocal
                    })),
                ]
            })
            .collect(),
    }
}

/// The one audit entry of an import: where it came from and what it covered. Records it changed
/// have their own entries with the values they replaced.
fn record_import(
    tx: &db::Tx,
    actor: &audit::Actor,
    importer: &Importer,
    source: &str,
    sender: Option<&str>,
    manifest: &Option<read::Manifest>,
) -> Result<()> {
    let counts: Vec<String> = importer
        .counts
        .iter()
        .map(|(k, c)| {
            format!(
                "{} +{} ~{} ={} >{}",
                k.name(),
                c.inserted,
                c.updated,
                c.unchanged,
                c.merged
            )
        })
        .collect();
    let mut changes: Vec<audit::Change> = vec![
        ("source".into(), None, Some(source.to_string())),
        ("counts".into(), None, Some(counts.join(", "))),
    ];
    if let Some(office) = sender {
        changes.push(("office_code".into(), None, Some(office.to_string())));
    }
    if let Some(m) = manifest {
        let files: Vec<String> = m
            .files
            .iter()
            .map(|f| {
                format!(
                    "{} {} {}",
                    f["name"].as_str().unwrap_or(""),
                    f["rows"],
                    f["sha256"].as_str().unwrap_or("")
                )
            })
            .collect();
        changes.push(("manifest".into(), None, Some(files.join("; "))));
    }
    if let Some((from, to)) = tx.seq_range() {
        changes.push(("seq".into(), None, Some(format!("{from}..{to}"))));
    }
    if !importer.conflicts.is_empty() {
        changes.push((
            "conflicts".into(),
            None,
            Some(importer.conflicts.len().to_string()),
        ));
    }
    audit::record(tx, actor, "import", source, "import", &changes)?;
    // Accepted warnings stay with the record they concern.
    let mut by_record: std::collections::BTreeMap<&str, Vec<crate::domain::Warning>> =
        Default::default();
    for w in &importer.warnings {
        by_record
            .entry(w.record_uid.as_str())
            .or_default()
            .push(w.warning.clone());
    }
    for (uid, warnings) in by_record {
        super::warnings::record(tx, actor, uid, &warnings)?;
    }
    Ok(())
}

/// `--errors FILE`: every error, then every conflict, as CSV.
fn write_report(
    path: &Path,
    errors: &[ImportError],
    conflicts: &[crate::exchange::import::Conflict],
    places: &workbook::Places,
) -> Result<()> {
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut out);
        w.write_record(["kind", "file", "line", "column", "value", "reason"])?;
        for e in errors {
            w.write_record([
                "error",
                e.file.as_str(),
                // For a workbook, the cell (`C5`).
                &places.line_or_cell(e),
                &e.column,
                &e.value,
                &e.reason,
            ])?;
        }
        for c in conflicts {
            let winner = t!(if c.incoming_won {
                Msg::KeptIncoming
            } else {
                Msg::KeptLocal
            });
            w.write_record([
                "conflict",
                c.file.as_str(),
                &c.line.to_string(),
                c.field,
                &format!("{} | {}", c.local, c.incoming),
                &t!(Msg::ConflictReason, c.record_kind, c.record_uid, winner),
            ])?;
        }
        w.flush()?;
    }
    db::write_private_file(path, &out)
}
