//! `handover`: a returned worker or the remains handed over to family, social services, a hospital
//! or another unit, with the number of the handover record (berita acara).

mod ask;

use crate::i18n::Label;
use anyhow::Result;
use chrono::Datelike;
use clap::Args;

use super::form::given;
use super::lookup;
use crate::context::Ctx;
use crate::db::{self, records};
use crate::domain::audit::Action;
use crate::domain::date::parse_date;
use crate::domain::repatriation::{check_handover, handover_record_number};
use crate::domain::rules;
use crate::domain::text;
use crate::domain::HandoverTo;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::settings;
use crate::t;

#[derive(Args, Debug)]
pub struct HandoverArgs {
    /// Repatriation number or uid
    #[arg(required = true)]
    pub repatriation: Option<String>,
    /// FAMILY, FAMILY_PROXY, SOCIAL_SERVICES, HOSPITAL, OTHER_UNIT
    #[arg(long, value_name = "CODE", required = true)]
    pub to: Option<String>,
    /// Handover date
    #[arg(long, value_name = "DATE", required = true)]
    pub on: Option<String>,
    /// Number of the handover record (berita acara serah terima)
    #[arg(long, value_name = "NUMBER")]
    pub record_number: Option<String>,
    /// Name of the person who received the worker or the remains
    #[arg(long, value_name = "NAME")]
    pub receiver_name: Option<String>,
    /// The receiver's relation to the worker, e.g. "istri", "orang tua"
    #[arg(long, value_name = "TEXT")]
    pub receiver_relation: Option<String>,
    /// The witnessing local or village government
    #[arg(long, value_name = "NAME")]
    pub witness: Option<String>,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "handover",
        &[
            ex(
                "Serah terima kepada keluarga",
                "Handover to the family",
                "pmi-desk handover BP3MI-SB-R-2023-0001 --to FAMILY --on 09-11-2023 --record-number BA-07/2023 --receiver-name \"Yusnidar\" --receiver-relation istri --witness \"Wali Nagari Koto Tangah\"",
            ),
            ex(
                "Serah terima kepada rumah sakit",
                "Handover to a hospital",
                "pmi-desk handover BP3MI-SB-R-2023-0002 --to HOSPITAL --on 08-11-2023 --record-number BA-08/2023",
            ),
        ],
    ),
];

impl crate::commands::Run for HandoverArgs {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["handover"];

    fn name(&self) -> &'static str {
        "handover"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, mut args: HandoverArgs) -> Result<()> {
    ask::ask(ctx, &mut args)?;
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let to: HandoverTo = given(&args.to).parse()?;
    let on = parse_date(given(&args.on))?;
    let receiver = text::line(args.receiver_name.as_deref())?;
    let relation = text::line(args.receiver_relation.as_deref())?;
    let record_number = text::line(args.record_number.as_deref())?;
    let actor = ctx.actor();
    let r = store.write(|tx| {
        let old = lookup::repatriation(tx, given(&args.repatriation))?;
        check_handover(
            &old,
            to,
            on,
            ctx.clock.today,
            receiver.as_deref(),
            relation.as_deref(),
        )?;
        let mut r = old.clone();
        r.handed_over_to = Some(to);
        r.handed_over_on = Some(on);
        // The berita acara is numbered by this office unless the clerk gives its number.
        r.handover_record_number = match &record_number {
            Some(n) => Some(n.clone()),
            None => Some(db::numbers::next(
                tx,
                db::numbers::Series::Handover,
                on.year(),
                |n| handover_record_number(&office.code, on.year(), n),
            )?),
        };
        r.receiver_name = receiver.clone();
        r.receiver_relation = relation.clone();
        r.witness = text::line(args.witness.as_deref())?;
        rules::refuse(rules::repatriation(&r, ctx.clock.today))?;
        records::change(tx, &actor, Action::Handover.as_str(), &old, r)
    })?;
    ctx.say(&t!(Msg::HandedOver, r.reference(), to.label(), on))
}
