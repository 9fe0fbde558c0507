//! `case show|list` and the follow-up commands (`note`, `act`, `refer`, `resolve`, `close`,
//! `reopen`) in `follow`.

mod ask;
mod follow;

use crate::i18n::Label;
use std::io::Write;

use anyhow::Result;

use super::lookup;
use serde_json::json;

use crate::cli::Limit;
use crate::context::Ctx;
use crate::db;
use crate::domain::case::{case_deadlines, deadlines_passed, Case, Deadline, Overdue};
use crate::domain::date::parse_date;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::output::{column, row_limit, Cell, Format};
use crate::settings;
use crate::views;
use crate::{pager, t};
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum CaseCommand {
    /// A case and its whole timeline
    Show {
        /// Case number or uid
        case: String,
    },
    /// Cases, by status, category, country, reporting dates; overdue ones; mine
    List(CaseListArgs),
    /// Add a note to a case's timeline
    Note {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// The note
        #[arg(required = true)]
        text: Option<String>,
        #[command(flatten)]
        follow_up: FollowUp,
    },
    /// Record an action: consultation, clarification, mediation, claim, litigation, coordination
    Act(CaseActArgs),
    /// Refer the case to a partner agency
    Refer {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// POLICE, EMBASSY, IMMIGRATION, LABOUR_OFFICE_PROVINCE, SOCIAL_SERVICES, BPJS, HOSPITAL...
        #[arg(long, value_name = "CODE", required = true)]
        partner: Option<String>,
        /// Number of the referral letter
        #[arg(long, value_name = "NUMBER")]
        letter_number: Option<String>,
        /// Note on the referral
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Date of the referral [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Mark the case resolved, with its outcome
    Resolve {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// What was achieved, e.g. "Gaji dibayar penuh"
        #[arg(long, value_name = "TEXT", required = true)]
        outcome: Option<String>,
        /// Date it was resolved [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Close the case without resolution, for a reason of Perban 6/2024 Art. 30
    Close {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// DOCS_NOT_COMPLETED_30D, NO_CLARIFICATION_15WD, UNREACHABLE_60D, HANDED_TO_AGENCY, NO_RESPONSE_6M
        #[arg(long, value_name = "CODE", required = true)]
        reason: Option<String>,
        /// Note on the closure
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Date it was closed [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Reopen a resolved or closed case
    Reopen {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// Why the case is reopened
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Date it was reopened [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

/// What the office now waits for, and whether the complainant was reached (for the deadlines).
#[derive(Args, Debug, Default, Clone)]
pub struct FollowUp {
    /// Now waiting for: DOCUMENTS, CLARIFICATION, RESPONSE (after telling them it cannot be resolved), CONTACT (they could not be reached), or NOTHING
    #[arg(long, value_name = "CODE")]
    pub awaiting: Option<String>,
    /// The complainant was reached
    #[arg(long)]
    pub contacted: bool,
    /// Date of the event [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Args, Debug)]
pub struct CaseListArgs {
    /// NEW, IN_PROGRESS, REFERRED, RESOLVED or CLOSED
    #[arg(long, value_name = "CODE")]
    pub status: Option<String>,
    /// Case category, e.g. UNPAID_WAGES or TPPO (see `ref codes "case category"`)
    #[arg(long, value_name = "CODE")]
    pub category: Option<String>,
    /// Country where it happened (code or name)
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// Reported on or after
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Reported on or before
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only open cases past a closure deadline, with the reason they could be closed for
    #[arg(long)]
    pub overdue: bool,
    /// Only cases opened by me (--clerk)
    #[arg(long)]
    pub mine: bool,
    #[command(flatten)]
    pub rows: Limit,
}

#[derive(Args, Debug)]
pub struct CaseActArgs {
    /// Case number or uid
    #[arg(required = true)]
    pub case: Option<String>,
    /// CONSULTATION, CLARIFICATION, MEDIATION, SOCIAL_SECURITY_CLAIM, LITIGATION_ASSISTANCE, COORDINATION
    #[arg(long, value_name = "CODE", required = true)]
    pub kind: Option<String>,
    /// Partner involved, e.g. P3MI, EMBASSY (see `ref codes partner`)
    #[arg(long, value_name = "CODE")]
    pub partner: Option<String>,
    /// Number of the letter sent
    #[arg(long, value_name = "NUMBER")]
    pub letter_number: Option<String>,
    /// Note on the action
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub follow_up: FollowUp,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "case",
        &[
            ex(
                "Pengaduan yang lewat batas waktu",
                "Cases past a deadline",
                "pmi-desk case list --overdue",
            ),
            ex(
                "Catat mediasi",
                "Record a mediation",
                "pmi-desk case act BP3MI-SB-K-2023-0001 --kind MEDIATION --partner P3MI --contacted",
            ),
            ex(
                "Riwayat penanganan satu pengaduan",
                "One case's timeline",
                "pmi-desk case show BP3MI-SB-K-2023-0001",
            ),
        ],
    ),
    (
        "case show",
        &[
            ex(
                "Dengan nomor pengaduan",
                "By case number",
                "pmi-desk case show BP3MI-SB-K-2023-0001",
            ),
            ex(
                "Sebagai JSON",
                "As JSON",
                "pmi-desk case show BP3MI-SB-K-2023-0001 --format json",
            ),
        ],
    ),
    (
        "case list",
        &[
            ex(
                "Yang masih dalam proses",
                "Those in progress",
                "pmi-desk case list --status IN_PROGRESS",
            ),
            ex(
                "Lewat batas waktu, dengan alasan penutupannya",
                "Past a deadline, with the closure reason",
                "pmi-desk case list --overdue",
            ),
            ex(
                "TPPO yang diadukan tahun 2023",
                "Trafficking cases reported in 2023",
                "pmi-desk case list --category TPPO --from 2023-01-01 --to 2023-12-31",
            ),
            ex(
                "Pengaduan yang saya buka",
                "The cases I opened",
                "pmi-desk case list --mine",
            ),
        ],
    ),
    (
        "case note",
        &[
            ex(
                "Tambahkan catatan",
                "Add a note",
                "pmi-desk case note BP3MI-SB-K-2023-0001 \"Keluarga menyerahkan fotokopi kontrak kerja\"",
            ),
            ex(
                "Catatan sambil menunggu dokumen",
                "A note, now waiting for documents",
                "pmi-desk case note BP3MI-SB-K-2023-0001 \"Diminta melengkapi slip gaji\" --awaiting DOCUMENTS --contacted",
            ),
        ],
    ),
    (
        "case act",
        &[
            ex(
                "Mediasi dengan P3MI",
                "A mediation with the P3MI",
                "pmi-desk case act BP3MI-SB-K-2023-0001 --kind MEDIATION --partner P3MI --contacted",
            ),
            ex(
                "Surat klarifikasi, menunggu jawaban",
                "A clarification letter, waiting for the answer",
                "pmi-desk case act BP3MI-SB-K-2023-0001 --kind CLARIFICATION --letter-number B.120/BP3MI-SB/XI/2023 --awaiting CLARIFICATION",
            ),
        ],
    ),
    (
        "case refer",
        &[
            ex(
                "Rujuk ke kepolisian",
                "Refer to the police",
                "pmi-desk case refer BP3MI-SB-K-2023-0001 --partner POLICE --letter-number B.121/BP3MI-SB/XI/2023",
            ),
            ex(
                "Rujuk ke KBRI dengan catatan",
                "Refer to the embassy with a note",
                "pmi-desk case refer BP3MI-SB-K-2023-0001 --partner EMBASSY --note \"Pekerja berada di penampungan KBRI\"",
            ),
        ],
    ),
    (
        "case resolve",
        &[
            ex(
                "Gaji sudah dibayar",
                "The wages were paid",
                "pmi-desk case resolve BP3MI-SB-K-2023-0001 --outcome \"Gaji dibayar penuh\"",
            ),
            ex(
                "Dengan tanggal selesai",
                "With the date it was resolved",
                "pmi-desk case resolve BP3MI-SB-K-2023-0001 --outcome \"Klaim BPJS cair\" --on 30-11-2023",
            ),
        ],
    ),
    (
        "case close",
        &[
            ex(
                "Pengadu tidak dapat dihubungi 60 hari",
                "Complainant unreachable for 60 days",
                "pmi-desk case close BP3MI-SB-K-2023-0001 --reason UNREACHABLE_60D",
            ),
            ex(
                "Diserahkan ke instansi lain",
                "Handed to another agency",
                "pmi-desk case close BP3MI-SB-K-2023-0001 --reason HANDED_TO_AGENCY --note \"Ditangani Polda Sumbar\"",
            ),
        ],
    ),
    (
        "case reopen",
        &[
            ex(
                "Buka kembali",
                "Reopen",
                "pmi-desk case reopen BP3MI-SB-K-2023-0001",
            ),
            ex(
                "Dengan alasannya",
                "With the reason",
                "pmi-desk case reopen BP3MI-SB-K-2023-0001 --note \"Pengadu datang membawa bukti baru\"",
            ),
        ],
    ),
];

impl crate::commands::Run for CaseCommand {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &[
        "case note",
        "case act",
        "case refer",
        "case resolve",
        "case close",
        "case reopen",
    ];

    fn name(&self) -> &'static str {
        "case"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, command: CaseCommand) -> Result<()> {
    match command {
        CaseCommand::Show { case } => show(ctx, &case),
        CaseCommand::List(args) => list(ctx, args),
        other => follow::run(ctx, other),
    }
}

fn show(ctx: &Ctx, key: &str) -> Result<()> {
    let store = ctx.open_reading()?;
    let conn = store.conn();
    let case = lookup::case(conn, key)?;
    let person = match &case.person_uid {
        Some(uid) => db::persons::by_uid(conn, uid)?,
        None => None,
    };
    let placements = match &person {
        Some(p) => db::placements::of_person(conn, &p.uid)?,
        None => Vec::new(),
    };
    let main = views::case(&case, person.as_ref());
    let events = db::cases::events(conn, &case.uid)?;
    let holidays = settings::holiday_dates(conn)?;
    let deadlines = case_deadlines(&case, &events, &holidays);
    let deadline_rows = deadline_records(&deadlines, ctx.clock.today);
    let timeline = views::case_events(&events);
    let placements = match &person {
        Some(p) => views::placements_of(p, placements),
        None => views::placement_list(std::iter::empty()),
    };
    let out = &mut pager::start(ctx.format);
    match ctx.format {
        Format::Json => {
            let value = json!({"record": main.row_json(&main.rows[0]), "deadlines": deadline_rows.to_json(), "events": timeline.to_json(), "placements": placements.to_json()});
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)?;
        }
        Format::Csv => timeline.print_csv(out)?,
        Format::Table => {
            main.print_one(Format::Table, out)?;
            if deadlines.is_empty() {
                writeln!(out, "\n{}", t!(Msg::SectionDeadlines))?;
                write!(
                    out,
                    "{}",
                    crate::output::wrap_text(&t!(Msg::CaseNoDeadlineRunning), 2)
                )?;
            } else {
                views::section(out, &t!(Msg::SectionDeadlines), &deadline_rows)?;
            }
            views::section(out, &t!(Msg::SectionTimeline), &timeline)?;
            views::section(out, &t!(Msg::SectionPlacements), &placements)?;
        }
    }
    Ok(())
}

/// The deadlines running on a case: the reason it could be closed for once past, the event that
/// started it, its last day, and how it stands today.
fn deadline_records(deadlines: &[Deadline], today: chrono::NaiveDate) -> crate::output::Records {
    crate::output::Records {
        columns: vec![
            column("closure_reason", t!(Msg::HeadDeadline)).whole(),
            column("since", t!(Msg::HeadWaitingSince)),
            column("due", t!(Msg::HeadDue)),
            column("state", t!(Msg::HeadDeadlineState)).whole(),
        ],
        rows: deadlines
            .iter()
            .map(|d| {
                let state = if today >= d.past_from {
                    t!(Msg::DeadlinePassed, (today - d.due).num_days())
                } else {
                    t!(Msg::DeadlineDaysLeft, (d.due - today).num_days())
                };
                vec![
                    Cell::code(d.reason.code(), d.reason.label()),
                    Cell::text(d.since.to_string()),
                    Cell::text(d.due.to_string()),
                    Cell::text(state),
                ]
            })
            .collect(),
    }
}

fn list(ctx: &Ctx, args: CaseListArgs) -> Result<()> {
    let store = ctx.open_reading()?;
    let conn = store.conn();
    let filter = db::cases::Filter {
        status: args.status.as_deref().map(str::parse).transpose()?,
        category: args.category.as_deref().map(str::parse).transpose()?,
        country: args.country.as_deref().map(str::parse).transpose()?,
        from: args.from.as_deref().map(parse_date).transpose()?,
        to: args.to.as_deref().map(parse_date).transpose()?,
        clerk: args.mine.then(|| ctx.clerk.clone()),
        open_only: args.overdue,
        // Which open cases are overdue is known only once their timelines are read: all of them.
        limit: None,
        oldest_first: args.rows.oldest_first,
    };
    let limit = row_limit(ctx.format, args.rows.limit, args.rows.all);
    if args.overdue {
        return list_overdue(ctx, conn, &filter, limit);
    }
    let cut = db::cases::Filter { limit, ..filter };
    let cases = db::cases::list(conn, &cut)?;
    let total = db::filter::total(cases.len(), limit, || db::cases::count(conn, &cut))?;
    crate::commands::print_listing(ctx, &views::case_list(&cases), total)
}

/// `case list --overdue`: which open cases are overdue is known only once their timelines are
/// read, so every open case is weighed (timelines read in one query); names are looked up for
/// the rows shown only.
fn list_overdue(
    ctx: &Ctx,
    conn: &rusqlite::Connection,
    filter: &db::cases::Filter,
    limit: Option<i64>,
) -> Result<()> {
    let holidays = settings::holiday_dates(conn)?;
    let mut late = Vec::new();
    for (uid, timeline) in db::cases::timelines(conn, filter)? {
        for reason in deadlines_passed(&timeline, ctx.clock.today, &holidays) {
            late.push((uid.clone(), reason));
        }
    }
    let total = late.len() as i64;
    if total == 0 && ctx.format == Format::Table {
        // An empty list says so, and what starts a deadline.
        let out = &mut pager::start(ctx.format);
        writeln!(out, "{}", t!(Msg::CasesNoneOverdue))?;
        return Ok(());
    }
    if let Some(n) = limit {
        late.truncate(n as usize);
    }
    let cases = db::cases::by_uids(conn, late.iter().map(|(uid, _)| uid.as_str()))?;
    let names = db::persons::names(conn, cases.values().filter_map(|c| c.person_uid.as_deref()))?;
    let late: Vec<(&Case, Overdue)> = late
        .into_iter()
        .filter_map(|(uid, reason)| cases.get(&uid).map(|c| (c, reason)))
        .collect();
    let shown: Vec<(Case, Option<String>)> = late
        .iter()
        .map(|(c, _)| {
            let name = c.person_uid.as_ref().and_then(|u| names.get(u).cloned());
            ((*c).clone(), name)
        })
        .collect();
    let mut records = views::case_list(&shown);
    // What a clerk acts on: which case, whose, the whole reason it could be closed for, and how
    // long it has waited; the rest (all of them open) only with --wide.
    for c in &mut records.columns {
        if !["case_number", "full_name"].contains(&c.key.as_str()) {
            c.wide_only = true;
        }
    }
    records.columns.extend([
        column("closure_reason", t!(Msg::HeadWouldClose)).whole(),
        column("waiting_since", t!(Msg::HeadWaitingSince)).wide(),
        column("waited", t!(Msg::HeadWaited)),
    ]);
    for (row, (_, late)) in records.rows.iter_mut().zip(&late) {
        row.extend([
            Cell::code(late.reason.code(), late.reason.label()),
            Cell::text(late.since.to_string()),
            Cell::number(late.waited),
        ]);
    }
    crate::commands::print_listing(ctx, &records, total)
}
