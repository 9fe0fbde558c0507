//! `recommendation list|show|void|used`: following a letter after it was decided.

mod ask;

use anyhow::Result;

use super::lookup;
use crate::cli::Limit;
use crate::context::Ctx;
use crate::db::{self, records};
use crate::domain::audit::Action;
use crate::domain::contact::parse_passport;
use crate::domain::date::parse_date;
use crate::domain::decision;
use crate::domain::text;
use crate::error::Invalid;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::output::row_limit;
use crate::views;
use crate::{pager, t};
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum RecommendationCommand {
    /// Recommendations decided, optionally by status and decision date
    List {
        /// ISSUED, VOID, USED or REFUSED
        #[arg(long, value_name = "CODE")]
        status: Option<String>,
        /// Decided on or after this date
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Decided on or before this date
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[command(flatten)]
        rows: Limit,
    },
    /// One recommendation
    Show {
        /// Letter number or recommendation uid
        letter: String,
    },
    /// Void a wrong letter (it is kept, marked void; its number is never reused)
    Void {
        /// Letter number or recommendation uid
        #[arg(required = true)]
        letter: Option<String>,
        /// Why the letter is void (kept with it)
        #[arg(long, value_name = "TEXT", required = true)]
        reason: Option<String>,
    },
    /// Record the passport issued on the strength of the letter
    Used {
        /// Letter number or recommendation uid
        #[arg(required = true)]
        letter: Option<String>,
        /// Passport number
        #[arg(long, value_name = "NUMBER", required = true)]
        passport: Option<String>,
        /// Passport issue date
        #[arg(long, value_name = "DATE", required = true)]
        issued: Option<String>,
    },
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "recommendation",
        &[
            ex(
                "Surat yang masih berlaku",
                "The letters still valid",
                "pmi-desk recommendation list --status ISSUED",
            ),
            ex(
                "Catat paspor yang terbit",
                "Record the passport issued",
                "pmi-desk recommendation used B.0001/BP3MI-SB/XI/2023 --passport C1234567 --issued 15-11-2023",
            ),
        ],
    ),
    (
        "recommendation list",
        &[
            ex(
                "Surat yang terbit",
                "The letters issued",
                "pmi-desk recommendation list --status ISSUED",
            ),
            ex(
                "Keputusan bulan November 2023, sebagai CSV",
                "November 2023's decisions, as CSV",
                "pmi-desk recommendation list --from 2023-11-01 --to 2023-11-30 --format csv",
            ),
        ],
    ),
    (
        "recommendation show",
        &[
            ex(
                "Dengan nomor surat",
                "By letter number",
                "pmi-desk recommendation show B.0001/BP3MI-SB/XI/2023",
            ),
            ex(
                "Sebagai JSON",
                "As JSON",
                "pmi-desk recommendation show B.0001/BP3MI-SB/XI/2023 --format json",
            ),
        ],
    ),
    (
        "recommendation void",
        &[
            ex(
                "Batalkan surat yang salah ketik",
                "Void a letter with a typing error",
                "pmi-desk recommendation void B.0001/BP3MI-SB/XI/2023 --reason \"Salah ketik nama\"",
            ),
            ex(
                "Batalkan karena tujuan berubah",
                "Void it because the destination changed",
                "pmi-desk recommendation void B.0002/BP3MI-SB/XI/2023 --reason \"Negara tujuan berubah\"",
            ),
        ],
    ),
    (
        "recommendation used",
        &[
            ex(
                "Paspor terbit berdasarkan surat ini",
                "The passport issued on this letter",
                "pmi-desk recommendation used B.0001/BP3MI-SB/XI/2023 --passport C1234567 --issued 15-11-2023",
            ),
            ex(
                "Tanggal dalam format ISO",
                "With an ISO date",
                "pmi-desk recommendation used B.0002/BP3MI-SB/XI/2023 --passport E7654321 --issued 2023-11-20",
            ),
        ],
    ),
];

impl crate::commands::Run for RecommendationCommand {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["recommendation void", "recommendation used"];

    fn name(&self) -> &'static str {
        "recommendation"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, mut command: RecommendationCommand) -> Result<()> {
    ask::void(ctx, &mut command)?;
    ask::used(ctx, &mut command)?;
    let mut store = ctx.open()?;
    let today = ctx.clock.today;
    match command {
        RecommendationCommand::List {
            status,
            from,
            to,
            rows,
        } => {
            let filter = db::recommendations::Filter {
                status: status.as_deref().map(str::parse).transpose()?,
                from: from.as_deref().map(parse_date).transpose()?,
                to: to.as_deref().map(parse_date).transpose()?,
                limit: row_limit(ctx.format, rows.limit, rows.all),
                oldest_first: rows.oldest_first,
            };
            let listed = db::recommendations::list(store.conn(), &filter)?;
            let total = db::filter::total(listed.len(), filter.limit, || {
                db::recommendations::count(store.conn(), &filter)
            })?;
            crate::commands::print_listing(ctx, &views::recommendation_list(&listed, today), total)
        }
        RecommendationCommand::Show { letter } => {
            let (r, placement, person) = lookup::recommendation(store.conn(), &letter)?;
            views::recommendation(&r, &person, &placement, today)
                .print_one(ctx.format, &mut pager::start(ctx.format))
        }
        RecommendationCommand::Void { letter, reason } => {
            void(ctx, &mut store, &letter.unwrap_or_default(), reason)
        }
        RecommendationCommand::Used {
            letter,
            passport,
            issued,
        } => used(
            ctx,
            &mut store,
            &letter.unwrap_or_default(),
            &passport.unwrap_or_default(),
            &issued.unwrap_or_default(),
        ),
    }
}

/// `recommendation void`: the letter and, when it was recommended, its placement, in one
/// transaction.
fn void(ctx: &Ctx, store: &mut db::Store, letter: &str, reason: Option<String>) -> Result<()> {
    let reason =
        text::line(reason.as_deref())?.ok_or_else(|| Invalid(crate::said!(Msg::ReasonEmpty)))?;
    let actor = ctx.actor();
    let today = ctx.clock.today;
    let (r, placement) = store.write(|tx| {
        let (old, old_placement, _) = lookup::recommendation(tx, letter)?;
        // Only the office whose series the letter is in voids it.
        let own = crate::settings::office(tx)?.code;
        let (void, back) = decision::void(&old, &old_placement, &own, reason, today)?;
        let r = records::change(tx, &actor, Action::Void.as_str(), &old, void)?;
        let placement = match back {
            Some(p) => records::change(tx, &actor, Action::Update.as_str(), &old_placement, p)?,
            None => old_placement,
        };
        Ok((r, placement))
    })?;
    ctx.say(&t!(
        Msg::RecommendationVoided,
        r.letter_number.clone().unwrap_or_default(),
        placement.reference()
    ))
}

/// `recommendation used`: the letter and the passport on its placement, in one transaction.
fn used(
    ctx: &Ctx,
    store: &mut db::Store,
    letter: &str,
    passport: &str,
    issued: &str,
) -> Result<()> {
    let (number, warning) = parse_passport(passport)?;
    let issued = parse_date(issued)?;
    if let (Some(w), false) = (warning, ctx.interactive) {
        ctx.warn(&w.message.to_string());
    }
    let actor = ctx.actor();
    let today = ctx.clock.today;
    let r = store.write(|tx| {
        let (old, old_placement, _) = lookup::recommendation(tx, letter)?;
        let (used, placement) = decision::used(&old, &old_placement, &number, issued, today)?;
        let r = records::change(tx, &actor, Action::Used.as_str(), &old, used)?;
        let update = Action::Update.as_str();
        records::change(tx, &actor, update, &old_placement, placement)?;
        Ok(r)
    })?;
    ctx.say(&t!(
        Msg::RecommendationUsed,
        r.letter_number.clone().unwrap_or_default(),
        number,
        issued
    ))
}
