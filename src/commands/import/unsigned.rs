//! Importing what nobody vouches for (`import --unsigned`): a folder of an older pmi-desk, one made
//! by hand or edited in a spreadsheet, a workbook, a single CSV file. Read as from an unknown
//! sender under the rules of version 1 (every row checked as a clerk's command checks it, nothing
//! written unless every row passes, the newer `updated_at` wins a record); what it changes becomes
//! this office's own writes, and it never issues, refuses or voids a letter.

use anyhow::Result;
use chrono::TimeDelta;

use super::ImportArgs;
use super::{write_report, Source, BULK_BYTES};
use crate::context::Ctx;
use crate::db::{self, audit, Store};
use crate::domain::audit::{Action, RecordKind};
use crate::error::refused;
use crate::exchange::import::{Importer, Settings};
use crate::exchange::read::{self, ImportError};
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::progress::Unit;
use crate::settings::{self, Office};
use crate::t;

pub(super) fn import(
    ctx: &Ctx,
    mut store: Store,
    office: &Office,
    source: Source,
    args: &ImportArgs,
    errors_out: Option<crate::outfile::Output>,
) -> Result<()> {
    let Source {
        tables: mut opened,
        manifest,
        places,
        bytes,
        ..
    } = source;
    let tolerance: i64 = settings::number(store.conn(), settings::Key::ImportClockToleranceHours)?;
    // The furthest this office has sent anyone: a record changed here after it may be news to the
    // sender.
    let last_export_seq = db::site::cursors(store.conn())?
        .iter()
        .map(|(_, seq, _, _)| *seq)
        .max()
        .unwrap_or(0);
    let actor = ctx.actor();
    let dry_run = args.dry_run;
    let accept = args.accept_warnings;
    let source = args.path.display().to_string();
    let sender = manifest.as_ref().and_then(|m| m.office_code.clone());
    store.cache_mib(64)?;
    // A large folder (a province's or the centre's bulk load) is written once, not twice, when no
    // other clerk has the database open.
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
        if bytes > 0 {
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
                importer.refused,
            ),
            commit,
        ))
    });
    if bulk {
        store.shared_mode()?;
    }
    let (counts, errors, row_warnings, conflicts, notes, refusals) = outcome?;
    if let Some(output) = errors_out {
        let found: Vec<ImportError> = conflicts
            .iter()
            .map(|c| ImportError {
                file: c.file.clone(),
                line: c.line,
                column: c.field.to_string(),
                value: format!("{} | {}", c.local, c.incoming),
                reason: t!(
                    Msg::ConflictReason,
                    c.record_kind,
                    c.record_uid,
                    t!(if c.incoming_won {
                        Msg::KeptIncoming
                    } else {
                        Msg::KeptLocal
                    })
                ),
            })
            .collect();
        let others: Vec<(&str, &ImportError)> = found
            .iter()
            .map(|c| ("conflict", c))
            .chain(refusals.listed().iter().map(|r| ("refused", r)))
            .collect();
        write_report(ctx, &mut store, output, &errors, &others, &places)?;
    }
    if !errors.is_empty() {
        return Err(super::rejected(&errors, &places));
    }
    for w in row_warnings.iter().take(read::LISTED) {
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
    super::warn_refused(ctx, &refusals);
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
    }))?;
    if !refusals.is_empty() && !dry_run {
        return Err(crate::error::attention(t!(
            Msg::ImportRowsRefused,
            refusals.len()
        )));
    }
    Ok(())
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
    audit::note(
        tx,
        actor,
        RecordKind::Import,
        source,
        Action::Import,
        &changes,
    )?;
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
        crate::commands::warnings::record(tx, actor, uid, &warnings)?;
    }
    Ok(())
}
