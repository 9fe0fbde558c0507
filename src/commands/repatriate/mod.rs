//! `repatriate`: a facilitated return received at a debarkation point, numbered per year. When the
//! person has a departed placement, it can be marked returned in the same transaction.

mod ask;

use crate::i18n::Label;
use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::form::{self, Form, Review};
use super::lookup;
use super::subject::{Subject, SubjectFields};
use crate::context::Ctx;
use crate::db::audit::Actor;
use crate::db::{self, records};
use crate::domain::audit::Action;
use crate::domain::placement::{Placement, StageEvent};
use crate::domain::repatriation::repatriation_number;
use crate::domain::rules;
use crate::domain::Stage;
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::output::Format;
use crate::prompt::Prompter;
use crate::settings;
use crate::t;
use crate::views;
use clap::Args;

#[derive(Args, Debug)]
pub struct RepatriateArgs {
    /// TROUBLED, DEPORTED, SICK, DECEASED (JENAZAH), CPMI, FAMILY, MIXED
    #[arg(long, value_name = "CODE", required = true)]
    pub category: Option<String>,
    /// Arrival date
    #[arg(long, value_name = "DATE", required = true)]
    pub arrived_on: Option<String>,
    #[command(flatten)]
    pub subject: SubjectFields,
    /// The protection case this return belongs to
    #[arg(long, value_name = "CASE")]
    pub case: Option<String>,
    /// Country returned from
    #[arg(long, value_name = "COUNTRY")]
    pub from_country: Option<String>,
    /// Debarkation point [default: the first of the `debarkation.points` setting, BIM]
    #[arg(long, value_name = "NAME")]
    pub debarkation: Option<String>,
    /// Home regency to return to [default: the person's]
    #[arg(long, value_name = "REGENCY")]
    pub origin_regency: Option<String>,
    /// Who escorted the worker
    #[arg(long, value_name = "NAME")]
    pub escort: Option<String>,
    /// Fit-to-travel letter (required for SICK)
    #[arg(long, value_name = "NUMBER")]
    pub fit_to_travel: Option<String>,
    /// Cause of death, when known (DECEASED)
    #[arg(long, value_name = "TEXT")]
    pub cause_of_death: Option<String>,
    /// Cargo / airway bill number of the remains (DECEASED)
    #[arg(long, value_name = "NUMBER")]
    pub airway_bill: Option<String>,
    /// Other notes
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,
    /// Mark the person's departed placement as returned on the arrival date
    #[arg(long)]
    pub mark_returned: bool,
    /// Save despite warnings
    #[arg(long)]
    pub accept_warnings: bool,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "repatriate",
        &[
            ex(
                "PMI bermasalah yang sudah tercatat",
                "A troubled worker on record",
                "pmi-desk repatriate --category TROUBLED --arrived-on 08-11-2023 --nik 1371021508900001 --from-country MY --case BP3MI-SB-K-2023-0001 --mark-returned",
            ),
            ex(
                "Jenazah, NIK belum diketahui",
                "Remains, NIK unknown",
                "pmi-desk repatriate --category JENAZAH --arrived-on 08-11-2023 --person-name \"Rina Marlina\" --from-country MY --origin-regency 1306 --airway-bill 618-12345675",
            ),
            ex(
                "PMI sakit dengan surat layak terbang",
                "A sick worker with a fit-to-travel letter",
                "pmi-desk repatriate --category SICK --arrived-on 08-11-2023 --nik 1371021508900001 --fit-to-travel RS-2023-118 --escort \"Petugas KBRI\"",
            ),
        ],
    ),
];

impl crate::commands::Run for RepatriateArgs {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["repatriate"];

    fn name(&self) -> &'static str {
        "repatriate"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, mut args: RepatriateArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let now = ctx.clock.timestamp();
    let mut terminal = form::terminal(ctx);
    let mut form = Form::new(terminal.as_mut().map(|t| t as &mut dyn Prompter));
    let mut accepted = args.accept_warnings;
    let (mut repatriation, subject, warnings) = loop {
        form.restart();
        let entered = ask::ask(ctx, &mut args, &mut form, store.conn(), &office.code, &now);
        let entered = match entered {
            Ok(entered) => entered,
            Err(e) => match form.refused(e)? {
                Review::Correct(flag) => {
                    ask::clear(&mut args, flag);
                    continue;
                }
                Review::Save => unreachable!("a refusal is never saved"),
            },
        };
        let warnings = entered
            .subject
            .as_ref()
            .map(|s| s.warnings.clone())
            .unwrap_or_default();
        match form.review(&warnings, &mut accepted)? {
            Review::Save => break (entered.repatriation, entered.subject, warnings),
            Review::Correct(flag) => ask::clear(&mut args, flag),
        }
    };
    drop(form);
    let conn = store.conn();
    let arrived_on = repatriation.arrived_on;
    let mark = placement_to_mark(ctx, conn, subject.as_ref(), args.mark_returned)?;
    let actor = ctx.actor();
    store.write(|tx| {
        if let Some(s) = subject.as_ref().filter(|s| s.is_new) {
            create_person(tx, &actor, s)?;
        }
        let year = arrived_on.year();
        repatriation.repatriation_number = Some(db::numbers::next(
            tx,
            db::numbers::Series::Repatriation,
            year,
            |n| repatriation_number(&office.code, year, n),
        )?);
        rules::refuse(rules::repatriation(&repatriation, ctx.clock.today))?;
        records::create(tx, &actor, &repatriation)?;
        if let Some(read) = &mark {
            mark_returned(tx, &actor, read, arrived_on, ctx.clock.today)?;
        }
        super::warnings::record(tx, &actor, &repatriation.uid, &warnings)
    })?;
    let person = subject.as_ref().map(|s| &s.person);
    match ctx.format {
        Format::Table => ctx.say(&t!(
            Msg::RepatriationRecorded,
            repatriation.reference(),
            repatriation.category.label(),
            person.map(|p| p.full_name.as_str()).unwrap_or("-"),
            repatriation.uid
        )),
        format => views::repatriation(&repatriation, person)
            .print_one(format, &mut std::io::stdout().lock()),
    }
}

/// The person's departed placement to mark returned on the arrival date: with `--mark-returned`;
/// off a terminal without it, the clerk is told it could be.
fn placement_to_mark(
    ctx: &Ctx,
    conn: &rusqlite::Connection,
    subject: Option<&Subject>,
    mark_returned: bool,
) -> Result<Option<Placement>> {
    // A departed placement of this person can be closed as returned on the arrival date.
    let departed = match subject.filter(|s| !s.is_new) {
        Some(s) => db::placements::of_person(conn, &s.person.uid)?
            .into_iter()
            .find(|p| p.stage == Stage::Departed),
        None => None,
    };
    Ok(match &departed {
        Some(p) if mark_returned => Some(p.clone()),
        Some(p) if !ctx.interactive => {
            ctx.warn(&t!(Msg::HintMarkReturned, p.reference()));
            None
        }
        _ => None,
    })
}

/// Stores the new person the repatriation is about, refused when another clerk has just stored
/// the same NIK.
fn create_person(tx: &db::Tx, actor: &Actor, s: &Subject) -> Result<()> {
    if let Some(nik) = &s.person.nik {
        if db::persons::by_nik(tx, nik)?.is_some() {
            return Err(refused(t!(
                Msg::ChangedMeanwhile,
                views::record_kind_label("person"),
                s.person.full_name
            )));
        }
    }
    records::create(tx, actor, &s.person)?;
    Ok(())
}

/// Marks the placement returned on the arrival date: as it is now, still departed, or another
/// clerk moved it meanwhile.
fn mark_returned(
    tx: &db::Tx,
    actor: &Actor,
    read: &Placement,
    arrived_on: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    let (old, _) = lookup::placement(tx, &read.uid)?;
    let mut placement = old.clone();
    placement.apply(StageEvent::Return, arrived_on, today)?;
    records::change(tx, actor, Action::Update.as_str(), &old, placement)?;
    Ok(())
}
