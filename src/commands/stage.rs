//! `depart`, `cancel`, `return`: moving a placement through the stage machine, audited. Each loads,
//! checks and writes inside one transaction, so two clerks acting on one placement at once cannot
//! both win: the second sees the first's result and is refused by the stage machine. Cancelling
//! voids the placement's issued recommendation in the same transaction.

use anyhow::Result;

use super::form::given;
use super::{ask, lookup};
use crate::cli::{CancelArgs, DepartArgs, ReturnArgs};
use crate::context::Ctx;
use crate::db::{self, records, Tx};
use crate::domain::audit::Action;
use crate::domain::contact::parse_passport;
use crate::domain::date::parse_date;
use crate::domain::placement::{Placement, StageEvent};
use crate::domain::rules;
use crate::domain::text;
use crate::domain::{CancelReason, RecommendationStatus};
use crate::error::refused;
use crate::i18n::Msg;
use crate::t;

/// Loads the placement inside the transaction, lets `decide` move it, saves it audited.
fn move_placement(
    ctx: &Ctx,
    key: &str,
    decide: impl FnOnce(&Tx, &mut Placement) -> Result<()>,
) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor();
    let saved = store.write(|tx| {
        let (old, person) = lookup::placement(tx, key)?;
        let mut placement = old.clone();
        decide(tx, &mut placement)?;
        rules::refuse(rules::placement(
            &placement,
            person.birth_date,
            ctx.clock.today,
        ))?;
        records::change(tx, &actor, Action::Update.as_str(), &old, placement)
    })?;
    ctx.say(&t!(
        Msg::StageChanged,
        saved.reference(),
        saved.stage.label()
    ))
}

pub fn depart(ctx: &Ctx, mut args: DepartArgs) -> Result<()> {
    ask::depart(ctx, &mut args)?;
    let on = parse_date(given(&args.on))?;
    let passport = args.passport.as_deref().map(parse_passport).transpose()?;
    if let (Some((_, Some(w))), false) = (&passport, ctx.interactive) {
        ctx.warn(&w.message);
    }
    move_placement(ctx, given(&args.placement), |_, placement| {
        placement.apply(StageEvent::Depart, on, ctx.clock.today)?;
        if let Some((number, _)) = passport {
            placement.passport_number = Some(number);
        }
        if placement.passport_number.is_none() {
            return Err(refused(t!(Msg::PassportNeeded)));
        }
        Ok(())
    })
}

pub fn cancel(ctx: &Ctx, mut args: CancelArgs) -> Result<()> {
    ask::cancel(ctx, &mut args)?;
    let reason = given(&args.reason).parse::<CancelReason>()?;
    let note = text::note(args.note.as_deref())?;
    let actor = ctx.actor();
    move_placement(ctx, given(&args.placement), |tx, placement| {
        placement.apply(StageEvent::Cancel, ctx.clock.today, ctx.clock.today)?;
        placement.cancel_reason = Some(reason);
        placement.cancel_note = note;
        let own = crate::settings::office(tx)?.code;
        // The placement's letter in force is voided by its own office only (another office's
        // letter stays as that office decided; the cancellation travels to it).
        if let Some(issued) = db::recommendations::issued_of_placement(tx, &placement.uid)?
            .filter(|r| r.office_code == own)
        {
            let mut void = issued.clone();
            void.status = RecommendationStatus::Void;
            void.void_reason = Some(t!(Msg::CancelledPlacement, placement.reference()));
            records::change(tx, &actor, Action::Void.as_str(), &issued, void)?;
        }
        Ok(())
    })
}

pub fn return_home(ctx: &Ctx, mut args: ReturnArgs) -> Result<()> {
    ask::return_home(ctx, &mut args)?;
    let on = parse_date(given(&args.on))?;
    move_placement(ctx, given(&args.placement), |_, placement| {
        placement
            .apply(StageEvent::Return, on, ctx.clock.today)
            .map_err(Into::into)
    })
}
