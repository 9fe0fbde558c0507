//! `log`: the audit log, optionally since a moment or for one record; `log --verify`, its hash
//! chain checked from the first entry to the last (and against a head kept elsewhere).

use anyhow::Result;

use crate::cli::LogArgs;
use crate::clock::Clock;
use crate::context::Ctx;
use crate::db::audit;
use crate::db::audit_chain::{self, Problem, Verdict};
use crate::error::refused;
use crate::i18n::Msg;
use crate::output::{column, Cell, Format, Records};
use crate::t;

pub fn run(ctx: &Ctx, args: LogArgs) -> Result<()> {
    let store = ctx.open()?;
    if args.verify {
        return verify(ctx, store.conn(), args.head.as_deref());
    }
    let since = args
        .since
        .as_deref()
        .map(Clock::parse)
        .transpose()?
        .map(|c| c.timestamp().to_string());
    let entries = audit::entries(store.conn(), since.as_deref(), args.record.as_deref())?;
    let records = Records {
        columns: vec![
            column("at", t!(Msg::HeadAt)),
            column("clerk", t!(Msg::HeadClerk)),
            column("command", t!(Msg::HeadCommand)),
            column("record_kind", t!(Msg::HeadRecordKind)),
            column("record_uid", t!(Msg::HeadRecord)),
            column("action", t!(Msg::HeadAction)),
            column("changes", t!(Msg::HeadChanges)),
        ],
        rows: entries
            .into_iter()
            .map(|e| {
                vec![
                    Cell::text(e.at),
                    Cell::text(e.clerk),
                    Cell::text(e.command),
                    Cell::text(e.record_kind),
                    Cell::text(e.record_uid),
                    Cell::text(e.action),
                    Cell::text(e.changes),
                ]
            })
            .collect(),
    };
    records.print(ctx.format, &mut std::io::stdout().lock())
}

/// Prints the outcome (a sentence, or one record in CSV/JSON); a broken chain or a missing head is
/// an error (exit 1) naming the first bad entry by id and time, never by content.
fn verify(ctx: &Ctx, conn: &rusqlite::Connection, head: Option<&str>) -> Result<()> {
    let known = head.map(known_head).transpose()?;
    let verdict = audit_chain::verify(conn, known.as_deref())?;
    let outcome = judge(&verdict, known.as_deref());
    if ctx.format == Format::Table {
        if let Ok(sentences) = &outcome {
            ctx.say(sentences)?;
        }
    } else {
        let broken = verdict.broken.as_ref();
        let record = Records {
            columns: [
                "intact",
                "intact_entries",
                "head",
                "broken_entry",
                "broken_at",
                "known_head",
            ]
            .into_iter()
            .map(|k| column(k, k))
            .collect(),
            rows: vec![vec![
                Cell {
                    shown: outcome.is_ok().to_string(),
                    value: outcome.is_ok().into(),
                },
                Cell::number(verdict.entries),
                Cell::opt(verdict.head.clone()),
                broken.map_or_else(|| Cell::text(""), |b| Cell::number(b.id)),
                Cell::opt(broken.map(|b| b.at.clone())),
                Cell::opt(known.clone()),
            ]],
        };
        record.print_one(ctx.format, &mut std::io::stdout().lock())?;
    }
    outcome.map(|_| ())
}

/// A hash as given on the command line, checked and in lower case.
pub fn known_head(text: &str) -> Result<String> {
    let text = text.trim();
    if text.len() != 64 || !text.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(refused(t!(Msg::AuditHeadInvalid, text)));
    }
    Ok(text.to_ascii_lowercase())
}

/// The verdict in the clerk's words: what to print when all is well, or the refusal.
pub fn judge(verdict: &Verdict, known: Option<&str>) -> Result<String> {
    if let Some(b) = &verdict.broken {
        return Err(refused(match b.problem {
            Problem::Altered => t!(Msg::AuditEntryAltered, b.id, b.at),
            Problem::Unlinked { previous } => t!(
                Msg::AuditEntryUnlinked,
                b.id,
                b.at,
                previous.map_or_else(|| t!(Msg::AuditNoEntryBefore), |p| p.to_string())
            ),
        }));
    }
    let head = verdict.head.clone().unwrap_or_else(|| t!(Msg::AuditNoHead));
    let mut text = t!(Msg::AuditChainIntact, verdict.entries, head);
    if let Some(known) = known {
        match &verdict.known {
            Some((id, at)) => {
                text.push('\n');
                text.push_str(&t!(Msg::AuditKnownHeadFound, known, id, at));
            }
            None => return Err(refused(t!(Msg::AuditKnownHeadMissing, known))),
        }
    }
    Ok(text)
}
