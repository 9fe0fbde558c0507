//! `depart`, `cancel`, `return`: moving a placement through the stage machine, audited. Cancelling
//! a placement voids its issued recommendation in the same transaction.

use anyhow::Result;

use super::lookup;
use crate::cli::{CancelArgs, DepartArgs, ReturnArgs};
use crate::context::Ctx;
use crate::db::{self, audit};
use crate::domain::contact::parse_passport;
use crate::domain::date::parse_date;
use crate::domain::person::parse_text;
use crate::domain::placement::{Placement, StageEvent};
use crate::domain::{CancelReason, RecommendationStatus};
use crate::error::refused;
use crate::i18n::Msg;
use crate::t;

fn save(
    ctx: &Ctx,
    old: &Placement,
    mut placement: Placement,
    also: impl FnOnce(&rusqlite::Transaction, &db::audit::Actor) -> Result<()>,
) -> Result<()> {
    let mut store = ctx.open()?;
    placement.updated_at = ctx.clock.timestamp();
    let actor = ctx.actor();
    store.write(|tx| {
        db::placements::update_audited(tx, &actor, old, &placement)?;
        also(tx, &actor)
    })?;
    ctx.say(&t!(
        Msg::StageChanged,
        placement.reference(),
        placement.stage.label()
    ))
}

pub fn depart(ctx: &Ctx, args: DepartArgs) -> Result<()> {
    let store = ctx.open()?;
    let (old, _) = lookup::placement(store.conn(), &args.placement)?;
    let mut placement = old.clone();
    let on = parse_date(&args.on)?;
    placement.apply(StageEvent::Depart, on, ctx.clock.today)?;
    if let Some(text) = &args.passport {
        let (number, warning) = parse_passport(text)?;
        if let Some(w) = warning {
            ctx.warn(&w.message);
        }
        placement.passport_number = Some(number);
    }
    if placement.passport_number.is_none() {
        return Err(refused(t!(Msg::PassportNeeded)));
    }
    save(ctx, &old, placement, |_, _| Ok(()))
}

pub fn cancel(ctx: &Ctx, args: CancelArgs) -> Result<()> {
    let store = ctx.open()?;
    let (old, person) = lookup::placement(store.conn(), &args.placement)?;
    let mut placement = old.clone();
    placement.apply(StageEvent::Cancel, ctx.clock.today, ctx.clock.today)?;
    placement.cancel_reason = Some(args.reason.parse::<CancelReason>()?);
    placement.cancel_note = args.note.as_deref().and_then(parse_text);
    let issued: Vec<_> = db::recommendations::of_person(store.conn(), &person.uid)?
        .into_iter()
        .filter(|r| r.placement_uid == placement.uid && r.status == RecommendationStatus::Issued)
        .collect();
    let void_reason = t!(Msg::CancelledPlacement, placement.reference());
    let now = ctx.clock.timestamp();
    save(ctx, &old, placement, |tx, actor| {
        for old_r in issued {
            let mut r = old_r.clone();
            r.status = RecommendationStatus::Void;
            r.void_reason = Some(void_reason.clone());
            r.updated_at = now.clone();
            db::recommendations::update(tx, &r)?;
            audit::record(
                tx,
                actor,
                "recommendation",
                &r.uid,
                "void",
                &audit::diff(&old_r.fields(), &r.fields()),
            )?;
        }
        Ok(())
    })
}

pub fn return_home(ctx: &Ctx, args: ReturnArgs) -> Result<()> {
    let store = ctx.open()?;
    let (old, _) = lookup::placement(store.conn(), &args.placement)?;
    let mut placement = old.clone();
    placement.apply(StageEvent::Return, parse_date(&args.on)?, ctx.clock.today)?;
    save(ctx, &old, placement, |_, _| Ok(()))
}
