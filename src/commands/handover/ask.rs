//! The questions of `handover`: which repatriation (one already handed over is said at once), to
//! whom, when, and for a family the receiver and their relation.

use crate::i18n::Label;
use anyhow::Result;

use super::HandoverArgs;
use crate::commands::form::ask::{clear_slot, confirmed, invalid};
use crate::commands::form::day_first;
use crate::context::Ctx;
use crate::db;
use crate::domain::text;
use crate::domain::HandoverTo;
use crate::error::{refused, Invalid};
use crate::i18n::Msg;
use crate::t;

fn line(s: &str) -> Result<Option<String>, Invalid> {
    text::line(Some(s))
}

fn required_line(s: &str) -> Result<String, Invalid> {
    text::line(Some(s))?.ok_or_else(|| Invalid(crate::said!(Msg::ValueEmpty)))
}

pub(super) fn ask(ctx: &Ctx, args: &mut HandoverArgs) -> Result<()> {
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let today = ctx.clock.today;
    confirmed(
        args,
        |a, form| {
            let r = form.need(
                &mut a.repatriation,
                "<REPATRIATION>",
                Msg::AskRepatriation,
                None,
                |s| {
                    let r = db::repatriations::by_number_or_uid(conn, s)
                        .map_err(invalid)?
                        .ok_or_else(|| invalid(refused(t!(Msg::RepatriationNotFound, s))))?;
                    match r.handed_over_on {
                        Some(on) => Err(Invalid(crate::said!(
                            Msg::AlreadyHandedOver,
                            r.reference(),
                            on
                        ))),
                        None => Ok(r),
                    }
                },
            )?;
            form.describe(
                "<REPATRIATION>",
                t!(
                    Msg::RepatriationShown,
                    r.reference(),
                    r.category.label(),
                    r.arrived_on
                ),
            );
            let to: HandoverTo = form.code(&mut a.to, "--to", Msg::AskHandoverTo, None)?;
            form.need(
                &mut a.on,
                "--on",
                Msg::AskHandoverOn,
                Some(day_first(today)),
                |s| {
                    let on = crate::domain::date::parse_past_date(s, today)?;
                    if on < r.arrived_on {
                        return Err(Invalid(crate::said!(
                            Msg::HandoverBeforeArrival,
                            on,
                            r.arrived_on
                        )));
                    }
                    Ok(on)
                },
            )?;
            if matches!(to, HandoverTo::Family | HandoverTo::FamilyProxy) {
                form.need(
                    &mut a.receiver_name,
                    "--receiver-name",
                    Msg::AskReceiverName,
                    None,
                    required_line,
                )?;
                form.need(
                    &mut a.receiver_relation,
                    "--receiver-relation",
                    Msg::AskReceiverRelation,
                    None,
                    required_line,
                )?;
            } else {
                form.offer(
                    &mut a.receiver_name,
                    "--receiver-name",
                    Msg::AskReceiverName,
                    None,
                    line,
                )?;
            }
            form.offer(&mut a.witness, "--witness", Msg::AskWitness, None, line)?;
            form.offer(
                &mut a.record_number,
                "--record-number",
                Msg::AskRecordNumber,
                None,
                line,
            )?;
            Ok(Vec::new())
        },
        |a, name| {
            clear_slot(
                &mut [
                    ("<REPATRIATION>", &mut a.repatriation),
                    ("--to", &mut a.to),
                    ("--on", &mut a.on),
                    ("--receiver-name", &mut a.receiver_name),
                    ("--receiver-relation", &mut a.receiver_relation),
                    ("--witness", &mut a.witness),
                    ("--record-number", &mut a.record_number),
                ],
                name,
            )
        },
    )?;
    Ok(())
}
