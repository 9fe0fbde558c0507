//! `cancel`: a placement stops before departure, for a reason; its letter in force is voided in
//! the same transaction.

use anyhow::Result;
use clap::Args;

use super::form::ask::{clear_slot, confirmed, placement};
use super::form::given;
use super::stage::move_placement;
use crate::context::Ctx;
use crate::db::{self, records};
use crate::domain::audit::Action;
use crate::domain::placement::StageEvent;
use crate::domain::text;
use crate::domain::CancelReason;
use crate::help::examples::{ex, Examples};
use crate::i18n::{Lang, Msg};

#[derive(Args, Debug)]
pub struct CancelArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// FAILED_DEPARTURE, WITHDRAWN, PREVENTED_NONPROCEDURAL, UNFIT or OTHER
    #[arg(long, value_name = "CODE", required = true)]
    pub reason: Option<String>,
    /// Note on the cancellation
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "cancel",
        &[
            ex(
                "Mengundurkan diri",
                "Withdrawn",
                "pmi-desk cancel REG-2023-00002 --reason WITHDRAWN --note \"Mengundurkan diri karena alasan keluarga\"",
            ),
            ex(
                "Tidak sehat menurut hasil MCU",
                "Medically unfit",
                "pmi-desk cancel REG-2023-00002 --reason UNFIT",
            ),
        ],
    ),
];

impl crate::commands::Run for CancelArgs {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["cancel"];

    fn name(&self) -> &'static str {
        "cancel"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, mut args: CancelArgs) -> Result<()> {
    ask(ctx, &mut args)?;
    let reason = given(&args.reason).parse::<CancelReason>()?;
    let note = text::note(args.note.as_deref())?;
    let actor = ctx.actor();
    move_placement(ctx, given(&args.placement), |tx, placement| {
        let own = crate::settings::office(tx)?.code;
        let in_force = db::recommendations::issued_of_placement(tx, &placement.uid)?;
        let today = ctx.clock.today;
        if let Some((mut void, why)) =
            placement.cancel(reason, note, today, in_force.as_ref(), &own)?
        {
            // The record keeps its reason in the office's language, as a letter would.
            void.void_reason = Some(why.render(Lang::Id));
            let issued = in_force.as_ref().expect("the letter voided");
            records::change(tx, &actor, Action::Void.as_str(), issued, void)?;
        }
        Ok(())
    })
}

/// On a terminal, asks for what the options left out.
fn ask(ctx: &Ctx, args: &mut CancelArgs) -> Result<()> {
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let today = ctx.clock.today;
    confirmed(
        args,
        |a, form| {
            placement(form, &mut a.placement, conn, |p| {
                p.clone().apply(StageEvent::Cancel, today, today)
            })?;
            form.code::<CancelReason>(&mut a.reason, "--reason", Msg::AskCancelReason, None)?;
            form.offer(&mut a.note, "--note", Msg::AskNote, None, |s| {
                text::note(Some(s))
            })?;
            Ok(Vec::new())
        },
        |a, name| {
            clear_slot(
                &mut [
                    ("<PLACEMENT>", &mut a.placement),
                    ("--reason", &mut a.reason),
                    ("--note", &mut a.note),
                ],
                name,
            )
        },
    )?;
    Ok(())
}
