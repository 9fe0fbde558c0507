//! The questions of `recommendation void|used`: which letter (one no longer issued is said at
//! once), then what the options left out.

use crate::i18n::Label;
use anyhow::Result;
use rusqlite::Connection;

use super::RecommendationCommand;
use crate::commands::form::ask::{clear_slot, confirmed, invalid};
use crate::commands::form::{day_first, Form};
use crate::commands::lookup;
use crate::context::Ctx;
use crate::domain::contact::parse_passport;
use crate::domain::recommendation::Recommendation;
use crate::domain::text;
use crate::domain::RecommendationStatus;
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::t;

/// The issued letter named in `slot`.
fn letter(form: &mut Form, slot: &mut Option<String>, conn: &Connection) -> Result<Recommendation> {
    let (r, placement, person) = form.need(slot, "<LETTER>", Msg::AskLetter, None, |s| {
        let found = lookup::recommendation(conn, s).map_err(invalid)?;
        match found.0.status {
            RecommendationStatus::Issued => Ok(found),
            status => Err(Invalid(crate::said!(
                Msg::LetterNotUsable,
                found.0.letter_number.clone().unwrap_or_default(),
                status.label()
            ))),
        }
    })?;
    form.describe(
        "<LETTER>",
        t!(
            Msg::PlacementShown,
            r.letter_number.clone().unwrap_or_default(),
            person.full_name,
            placement.reference()
        ),
    );
    Ok(r)
}

pub(super) fn void(ctx: &Ctx, command: &mut RecommendationCommand) -> Result<()> {
    let RecommendationCommand::Void {
        letter: key,
        reason,
    } = command
    else {
        return Ok(());
    };
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let mut args = (key.take(), reason.take());
    let filled = confirmed(
        &mut args,
        |(key, reason), form| {
            letter(form, key, conn)?;
            form.need(reason, "--reason", Msg::AskVoidReason, None, |s| {
                text::line(Some(s))?.ok_or_else(|| Invalid(crate::said!(Msg::ReasonEmpty)))
            })?;
            Ok(Vec::new())
        },
        |(key, reason), name| clear_slot(&mut [("<LETTER>", key), ("--reason", reason)], name),
    );
    (*key, *reason) = args;
    filled.map(|_| ())
}

pub(super) fn used(ctx: &Ctx, command: &mut RecommendationCommand) -> Result<()> {
    let RecommendationCommand::Used {
        letter: key,
        passport,
        issued,
    } = command
    else {
        return Ok(());
    };
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let today = ctx.clock.today;
    let mut args = (key.take(), passport.take(), issued.take());
    let filled = confirmed(
        &mut args,
        |(key, passport, issued), form| {
            let r = letter(form, key, conn)?;
            let (_, warning) = form.need(
                passport,
                "--passport",
                Msg::AskPassport,
                None,
                parse_passport,
            )?;
            form.need(
                issued,
                "--issued",
                Msg::AskPassportIssued,
                Some(day_first(today)),
                |s| {
                    let on = crate::domain::date::parse_past_date(s, today)?;
                    if on < r.decided_on {
                        return Err(Invalid(crate::said!(
                            Msg::PassportIssuedBeforeLetter,
                            on,
                            r.decided_on
                        )));
                    }
                    Ok(on)
                },
            )?;
            Ok(warning.into_iter().collect())
        },
        |(key, passport, issued), name| {
            clear_slot(
                &mut [
                    ("<LETTER>", key),
                    ("--passport", passport),
                    ("--issued", issued),
                ],
                name,
            )
        },
    );
    (*key, *passport, *issued) = args;
    filled.map(|_| ())
}
