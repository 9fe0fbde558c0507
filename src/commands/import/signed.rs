//! Importing a signed folder (version 2): merged by `exchange::merge` in one transaction; the
//! sender's key learned on its first folder; the ranges of changes it carries held (and relayed
//! onward by this office's exports); then what came in, what was held or refused, the holes left
//! and the items waiting for review are said, and the exit status tells a nightly script (4:
//! items wait for review).

use std::collections::BTreeMap;

use anyhow::Result;

use super::ImportArgs;
use super::{Source, BULK_BYTES};
use crate::context::Ctx;
use crate::db::{self, audit, site, Store};
use crate::domain::audit::{Action, RecordKind};
use crate::domain::version::Site;
use crate::error::{attention, refused};
use crate::exchange::merge::{Counts, Merger};
use crate::exchange::read::ImportError;
use crate::exchange::FileKind;
use crate::i18n::Msg;
use crate::output::{column, Cell, Format, Records};
use crate::progress::Unit;
use crate::settings::Office;
use crate::t;

/// The site a folder comes from, vouched for by its signature.
pub(super) struct Sender {
    pub site: Site,
    pub office: String,
    pub key: String,
    pub first: bool,
}

struct Outcome {
    counts: BTreeMap<FileKind, Counts>,
    errors: crate::exchange::read::ErrorList,
    refused: crate::exchange::read::ErrorList,
    held: crate::exchange::read::ErrorList,
    holes: Vec<site::Hole>,
    open: usize,
    new: usize,
}

pub(super) fn import(
    ctx: &Ctx,
    mut store: Store,
    office: &Office,
    mut source: Source,
    sender: Sender,
    args: &ImportArgs,
    errors_out: Option<crate::outfile::Output>,
) -> Result<()> {
    let Some(manifest) = source.manifest.clone() else {
        return Err(refused(t!(Msg::UnsignedNoManifest)));
    };
    let actor = ctx.actor();
    let path = args.path.display().to_string();
    store.cache_mib(64)?;
    let bulk = source.bytes > BULK_BYTES && store.bulk_mode()?;
    let now = ctx.clock.timestamp();
    let outcome = store.write_if(|tx| {
        let before: Vec<String> = db::review::open(tx)?.into_iter().map(|i| i.id).collect();
        let mut merger = Merger::new(tx, actor.clone(), &office.code, &manifest.sites, &path)?;
        merger.progress = ctx.progress(Unit::Bytes, source.bytes, "");
        merger.folder(&mut source.tables)?;
        merger.progress.label(&t!(Msg::ProgressSaving));
        merger.finish()?;
        let commit = merger.errors.is_empty() && !args.dry_run;
        if merger.errors.is_empty() {
            // The sender's key, learned on its first folder (trust on first use), and what the
            // folder carries of each site's changes: held here, relayed by the next exports.
            let seq = tx.next_seq();
            if sender.first {
                site::trust(
                    tx,
                    sender.site,
                    &sender.office,
                    &sender.key,
                    "FOLDER",
                    now.as_str(),
                    seq,
                )?;
            }
            for (s, o) in &manifest.sites {
                site::heard_of(tx, *s, o, seq)?;
            }
            let taken = tx.seq_range();
            for origin in &manifest.origins {
                if origin.site == tx.site() {
                    continue;
                }
                site::heard_of(tx, origin.site, &origin.office, seq)?;
                for (a, b) in &origin.ranges {
                    site::hold(tx, origin.site, *a, *b)?;
                    if let Some(local) = taken {
                        site::carried(tx, local, origin.site, *a, *b)?;
                    }
                }
            }
            site::received_folder(
                tx,
                sender.site,
                manifest.exported_at.as_deref().unwrap_or(""),
                now.as_str(),
                0,
            )?;
            let counts: Vec<String> = merger
                .counts
                .iter()
                .map(|(k, c)| {
                    format!(
                        "{} +{} ~{} ={} >{} ?{} !{}",
                        k.name(),
                        c.inserted,
                        c.updated,
                        c.unchanged,
                        c.merged,
                        c.held,
                        c.refused
                    )
                })
                .collect();
            let mut changes: Vec<audit::Change> = vec![
                ("source".into(), None, Some(path.clone())),
                ("counts".into(), None, Some(counts.join(", "))),
                ("office_code".into(), None, Some(sender.office.clone())),
                ("site".into(), None, Some(sender.site.to_string())),
            ];
            if let Some((from, to)) = tx.seq_range() {
                changes.push(("seq".into(), None, Some(format!("{from}..{to}"))));
            }
            for r in merger.refused.listed() {
                changes.push((
                    format!("refused {}:{}", r.file, r.line),
                    None,
                    Some(format!("{} {}", r.column, r.value)),
                ));
            }
            audit::note(
                tx,
                &actor,
                RecordKind::Import,
                &path,
                Action::Import,
                &changes,
            )?;
        }
        // Clashes marked now (as the commit would), so that they are counted.
        db::clash::settle(tx)?;
        let after = db::review::open(tx)?;
        let new = after.iter().filter(|i| !before.contains(&i.id)).count();
        Ok((
            Outcome {
                counts: std::mem::take(&mut merger.counts),
                errors: std::mem::take(&mut merger.errors),
                refused: std::mem::take(&mut merger.refused),
                held: std::mem::take(&mut merger.held),
                holes: site::holes(tx)?,
                open: after.len(),
                new,
            },
            commit,
        ))
    });
    if bulk {
        store.shared_mode()?;
    }
    let o = outcome?;
    if let Some(output) = errors_out {
        let others: Vec<(&str, &ImportError)> = o
            .refused
            .listed()
            .iter()
            .map(|r| ("refused", r))
            .chain(o.held.listed().iter().map(|h| ("held", h)))
            .collect();
        super::write_report(ctx, &mut store, output, &o.errors, &others, &source.places)?;
    }
    if !o.errors.is_empty() {
        return Err(super::rejected(&o.errors, &source.places));
    }
    if o.counts.is_empty() {
        return Err(refused(t!(Msg::ImportNothingFound, args.path.display())));
    }
    print(ctx, &o, &sender, office, args.dry_run)?;
    if args.dry_run {
        if o.new > 0 {
            ctx.warn(&t!(Msg::ImportDryRunReview, o.new));
        }
        return Ok(());
    }
    match (o.open, o.refused.len()) {
        (0, 0) if !o.holes.is_empty() => Err(attention(t!(Msg::ImportHolesLeft, o.holes.len()))),
        (0, 0) => Ok(()),
        (0, refused) => Err(attention(t!(Msg::ImportRowsRefused, refused))),
        (open, _) => Err(attention(t!(Msg::ImportReviewWaiting, open, o.new))),
    }
}

fn print(ctx: &Ctx, o: &Outcome, sender: &Sender, office: &Office, dry_run: bool) -> Result<()> {
    if ctx.format == Format::Json {
        let doc = serde_json::json!({
            "from": {"office": sender.office, "site": sender.site.to_string(), "first_folder": sender.first},
            "dry_run": dry_run,
            "files": o.counts.iter().map(|(k, c)| serde_json::json!({
                "file": k.file_name(), "inserted": c.inserted, "updated": c.updated,
                "unchanged": c.unchanged, "merged": c.merged, "held": c.held, "refused": c.refused,
            })).collect::<Vec<_>>(),
            "refused": o.refused.listed().iter().map(|r| serde_json::json!({
                "file": r.file, "line": r.line, "record": r.column, "uid": r.value, "reason": r.reason,
            })).collect::<Vec<_>>(),
            "held": o.held.len(),
            "holes": o.holes.iter().map(|h| serde_json::json!({
                "office": h.office, "site": h.site.to_string(), "from": h.from, "to": h.to,
            })).collect::<Vec<_>>(),
            "review": {"open": o.open, "new": o.new},
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(());
    }
    if sender.first {
        let fingerprint = crate::exchange::sign::fingerprint(&sender.key);
        ctx.warn(&match dry_run {
            true => t!(
                Msg::ImportKeyWouldLearn,
                sender.office,
                sender.site.short(),
                fingerprint
            ),
            false => t!(
                Msg::ImportKeyLearned,
                sender.office,
                sender.site.short(),
                fingerprint,
                sender.site.short()
            ),
        });
    }
    let summary = Records {
        columns: vec![
            column("file", t!(Msg::HeadFile)),
            column("inserted", t!(Msg::HeadInserted)),
            column("updated", t!(Msg::HeadUpdated)),
            column("unchanged", t!(Msg::HeadUnchanged)),
            column("merged", t!(Msg::HeadMerged)),
            column("held", t!(Msg::HeadHeld)),
            column("refused", t!(Msg::HeadRefused)),
        ],
        rows: o
            .counts
            .iter()
            .map(|(kind, c)| {
                vec![
                    Cell::text(kind.file_name()),
                    Cell::number(c.inserted as i64),
                    Cell::number(c.updated as i64),
                    Cell::number(c.unchanged as i64),
                    Cell::number(c.merged as i64),
                    Cell::number(c.held as i64),
                    Cell::number(c.refused as i64),
                ]
            })
            .collect(),
    };
    if !ctx.quiet {
        summary.print(ctx.format, &mut std::io::stdout().lock())?;
    }
    super::warn_refused(ctx, &o.refused);
    if !o.held.is_empty() {
        ctx.warn(&t!(Msg::ImportHeldRows, o.held.len()));
    }
    for h in &o.holes {
        ctx.warn(&t!(
            Msg::ImportHole,
            h.office,
            h.site.short(),
            h.from,
            h.to,
            office.code,
            h.from - 1
        ));
    }
    ctx.say(&t!(match dry_run {
        true => Msg::ImportDryRun,
        false => Msg::ImportDone,
    }))
}
