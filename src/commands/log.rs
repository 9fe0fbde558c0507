//! `log`: the audit log, optionally since a moment or for one record (named by its uid, its number
//! or a NIK). Tables show local times and changes as `field: old → new`; CSV and JSON keep the
//! stored UTC times and changes. `log --verify`: the hash chain checked from the first entry to the
//! last (and against a head kept elsewhere).

use anyhow::Result;
use rusqlite::Connection;
use serde_json::Value;

use crate::cli::Limit;
use crate::clock::Clock;
use crate::context::Ctx;
use crate::db::audit_chain::{self, Problem, Verdict};
use crate::db::{self, audit};
use crate::domain::Nik;
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::output::{column, row_limit, Cell, Format, Records};
use crate::{t, views};
use clap::Args;

#[derive(Args, Debug)]
pub struct LogArgs {
    /// Only entries at or after this time (YYYY-MM-DD, YYYY-MM-DDTHH:MM in UTC, or RFC 3339)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only entries about this record: its uid or number (registration, letter, case,
    /// repatriation), or a NIK (the person and their placements)
    #[arg(long, value_name = "UID|NUMBER|NIK")]
    pub record: Option<String>,
    /// Verify the hash chain of the whole log instead of listing it: exit 1 at the first altered,
    /// removed or reordered entry
    #[arg(long, conflicts_with_all = ["since", "record"])]
    pub verify: bool,
    /// With --verify: also require this earlier head (an export manifest's "audit_head") to be in
    /// the chain, which catches a log rewritten or trimmed since
    #[arg(long, value_name = "HASH", requires = "verify")]
    pub head: Option<String>,
    #[command(flatten)]
    pub rows: Limit,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "log",
    &[
        ex(
            "Perubahan sejak 1 November",
            "Changes since 1 November",
            "pmi-desk log --since 2023-11-01",
        ),
        ex(
            "Riwayat satu data",
            "The history of one record",
            "pmi-desk log --record 0000094b-0015-4429-8db7-000000481ecf",
        ),
    ],
)];

impl crate::commands::Run for LogArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "log"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, args: LogArgs) -> Result<()> {
    let store = ctx.open_reading()?;
    if args.verify {
        return verify(ctx, store.conn(), args.head.as_deref());
    }
    let since = args.since.as_deref().map(since).transpose()?;
    let uids = args
        .record
        .as_deref()
        .map(|key| record_uids(store.conn(), key))
        .transpose()?;
    let limit = row_limit(ctx.format, args.rows.limit, args.rows.all);
    let (entries, total) = audit::listed(
        store.conn(),
        since.as_deref(),
        uids.as_deref(),
        limit,
        args.rows.oldest_first,
    )?;
    if let (Some(key), true) = (&args.record, total == 0 && ctx.format == Format::Table) {
        return ctx.say(&t!(Msg::NothingFound, key));
    }
    let records = Records {
        columns: vec![
            column("at", t!(Msg::HeadAt)),
            column("clerk", t!(Msg::HeadClerk)),
            column("command", t!(Msg::HeadCommand)).wide(),
            column("record_kind", t!(Msg::HeadRecordKind)),
            column("record_uid", t!(Msg::HeadRecord)).wide(),
            column("action", t!(Msg::HeadAction)),
            column("changes", t!(Msg::HeadChanges)),
        ],
        rows: entries
            .into_iter()
            .map(|e| {
                vec![
                    Cell {
                        shown: local_time(&e.at),
                        value: Value::String(e.at.clone()),
                    },
                    Cell::text(e.clerk),
                    Cell::text(e.command),
                    Cell::code(
                        e.record_kind.as_str(),
                        &views::record_kind_label(e.record_kind.clone()),
                    ),
                    Cell::text(e.record_uid),
                    Cell::code(e.action.as_str(), &views::action_label(e.action.clone())),
                    Cell {
                        shown: changes_shown(e.record_kind.as_str(), &e.changes),
                        value: Value::String(e.changes),
                    },
                ]
            })
            .collect(),
    };
    crate::commands::print_listing(ctx, &records, total)
}

/// The uids a clerk's key names: the record with that uid or number (a registration number brings
/// the person and the placement's documents and decisions along, a case number its timeline), or
/// for a NIK the person and all their placements likewise. The key itself is always one of them (records of other
/// offices, exports, the demo).
fn record_uids(conn: &Connection, key: &str) -> Result<Vec<String>> {
    let key = key.trim();
    let mut uids = vec![key.to_string(), key.to_ascii_lowercase()];
    let mut placements = Vec::new();
    if let Some(p) = db::placements::by_uid_or_number(conn, key)? {
        placements.push(p);
    }
    let digits = key.chars().filter(|c| c.is_ascii_digit()).count();
    if digits == 16 {
        if let Ok(nik) = key.parse::<Nik>() {
            if let Some(person) = db::persons::by_nik(conn, &nik)? {
                placements.extend(db::placements::of_person(conn, &person.uid)?);
                uids.push(person.uid);
            }
        }
    }
    for placement in &placements {
        uids.push(placement.person_uid.clone());
        for document in db::documents::all_of_placement(conn, &placement.uid)? {
            uids.push(document.uid);
        }
        for decision in db::recommendations::of_person(conn, &placement.person_uid)? {
            if decision.placement_uid == placement.uid {
                uids.push(decision.uid);
            }
        }
        uids.push(placement.uid.clone());
    }
    if let Some(r) = db::recommendations::by_letter_or_uid(conn, key)? {
        uids.push(r.uid);
    }
    if let Some(c) = db::cases::by_number_or_uid(conn, key)? {
        uids.extend(db::cases::events(conn, &c.uid)?.into_iter().map(|e| e.uid));
        uids.push(c.uid);
    }
    if let Some(r) = db::repatriations::by_number_or_uid(conn, key)? {
        uids.push(r.uid);
    }
    uids.sort();
    uids.dedup();
    Ok(uids)
}

/// An RFC 3339 time as the clerk's clock shows it, to the minute.
fn local_time(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_string())
}

/// `{"address":[null,"Jl. Sudirman 1"],"stage":["REGISTERED","DEPARTED"]}` as
/// `alamat: Jl. Sudirman 1; tahap: REGISTERED → DEPARTED`.
fn changes_shown(record_kind: &str, changes: &str) -> String {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(changes) else {
        return changes.to_string();
    };
    let text = |v: &Value| match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        // A warning is stored as its message and data; shown in the clerk's language.
        Value::String(s) => Some(
            crate::i18n::Said::from_stored(s)
                .map(|said| said.to_string())
                .unwrap_or_else(|| s.clone()),
        ),
        other => Some(other.to_string()),
    };
    map.iter()
        .map(|(field, change)| {
            // A warning's key is its place and code: `1:NIK_BIRTH_DATE_MISMATCH`.
            let name = match field.split_once(':') {
                Some((n, code)) if n.parse::<u32>().is_ok() => {
                    format!("{n}: {}", views::warning_label(code))
                }
                _ => crate::i18n::field(field).to_string(),
            };
            let (old, new) = match change {
                Value::Array(pair) if pair.len() == 2 => (text(&pair[0]), text(&pair[1])),
                other => (None, text(other)),
            };
            // A code as its name: "Terdaftar → Berangkat", not "REGISTERED → DEPARTED".
            let word = |v: Option<String>| {
                v.map(|v| views::code_value_label(record_kind, field, &v).unwrap_or(v))
            };
            let (old, new) = (word(old), word(new));
            match (old, new) {
                (None, Some(new)) => format!("{name}: {new}"),
                (Some(old), new) => format!("{name}: {old} → {}", new.as_deref().unwrap_or("-")),
                (None, None) => name.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Prints the outcome (a sentence, or one record in CSV/JSON); a broken chain or a missing head is
/// an error (exit 1) naming the first bad entry by id and time, never by content.
fn verify(ctx: &Ctx, conn: &Connection, head: Option<&str>) -> Result<()> {
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
pub(crate) fn known_head(text: &str) -> Result<String> {
    let text = text.trim();
    if text.len() != 64 || !text.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(refused(t!(Msg::AuditHeadInvalid, text)));
    }
    Ok(text.to_ascii_lowercase())
}

/// The verdict in the clerk's words: what to print when all is well, or the refusal.
pub(crate) fn judge(verdict: &Verdict, known: Option<&str>) -> Result<String> {
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

/// `--since`: a date, an RFC 3339 moment, or a date and time without seconds or zone (read as
/// UTC, as the log stamps its entries); an error names the option, not the clock.
fn since(value: &str) -> Result<String> {
    let trimmed = value.trim();
    for format in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(moment) = chrono::NaiveDateTime::parse_from_str(trimmed, format) {
            return Ok(
                crate::domain::record::Timestamp::from_datetime(moment.and_utc()).to_string(),
            );
        }
    }
    match Clock::parse(trimmed) {
        Ok(clock) => Ok(clock.timestamp().to_string()),
        Err(_) => Err(crate::error::usage(t!(Msg::LogSinceInvalid, trimmed))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_as_field_old_new() {
        crate::i18n::with_lang(crate::i18n::Lang::Id, || {
            assert_eq!(
                changes_shown(
                    "placement",
                    r#"{"address":[null,"Jl. Sudirman 1"],"stage":["REGISTERED","DEPARTED"]}"#
                ),
                "alamat: Jl. Sudirman 1; tahap: Terdaftar → Berangkat"
            );
            assert_eq!(
                changes_shown("recommendation", r#"{"status":["ISSUED","USED"]}"#),
                "status: Terbit → Digunakan"
            );
            assert_eq!(changes_shown("placement", "{}"), "");
            assert_eq!(changes_shown("placement", "not json"), "not json");
        });
    }
}
