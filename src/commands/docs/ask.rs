//! On a terminal, the questions of `docs add`: the placement first, then what its checklist still
//! lacks is offered as the likely next document.

use anyhow::Result;
use rusqlite::Connection;

use super::DocsAddArgs;
use crate::commands::form::ask::{clear_slot, confirmed, placement};
use crate::commands::lookup;
use crate::context::Ctx;
use crate::db;
use crate::domain::date::parse_date;
use crate::domain::document::ItemState;
use crate::domain::text;
use crate::domain::DocumentKind;
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::settings;
use crate::t;

/// The documents the placement's checklist still lacks (the first is the likely next one).
fn lacking(conn: &Connection, key: &str, ctx: &Ctx) -> Result<Vec<DocumentKind>> {
    let (found, _) = lookup::placement(conn, key)?;
    let docs = db::documents::of_placement(conn, &found.uid)?;
    let checklist = settings::checklist_for(conn, found.scheme)?;
    let medical_days = settings::medical_validity_days(conn)?;
    Ok(checklist
        .assess(&docs, ctx.clock.today, medical_days)
        .into_iter()
        .filter(|(_, state)| matches!(state, ItemState::Missing))
        .filter_map(|(kinds, _)| kinds.first().copied())
        .collect())
}

pub(super) fn ask(ctx: &Ctx, args: &mut DocsAddArgs) -> Result<()> {
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let today = ctx.clock.today;
    confirmed(
        args,
        |a, form| {
            let typed = a.placement.is_none();
            placement(form, &mut a.placement, conn, |_| Ok(()))?;
            let lacking = lacking(conn, a.placement.as_deref().unwrap_or_default(), ctx)?;
            if typed && !lacking.is_empty() {
                let codes: Vec<&str> = lacking.iter().map(|k| k.code()).collect();
                crate::prompt::say(&t!(Msg::DocumentsLacking, codes.join(", ")));
            }
            let next = lacking.first().copied();
            form.code::<DocumentKind>(&mut a.kind, "--kind", Msg::AskDocumentKind, next)?;
            form.offer(
                &mut a.number,
                "--number",
                Msg::AskDocumentNumber,
                None,
                |s| text::line(Some(s)),
            )?;
            let not_future = |s: &str| crate::domain::date::parse_past_date(s, today);
            let issued = form.offer(
                &mut a.issued,
                "--issued",
                Msg::AskIssuedOn,
                None,
                not_future,
            )?;
            form.offer(&mut a.expires, "--expires", Msg::AskExpiresOn, None, |s| {
                let expires = parse_date(s)?;
                match issued.filter(|i| expires < *i) {
                    Some(i) => Err(Invalid(crate::said!(Msg::ExpiresBeforeIssued, expires, i))),
                    None => Ok(expires),
                }
            })?;
            form.switch(
                &mut a.verified,
                "--verified",
                Msg::AskVerified,
                Msg::LabelVerified,
            )?;
            Ok(Vec::new())
        },
        |a, name| {
            if name == "--verified" {
                a.verified = false;
            }
            clear_slot(
                &mut [
                    ("<PLACEMENT>", &mut a.placement),
                    ("--kind", &mut a.kind),
                    ("--number", &mut a.number),
                    ("--issued", &mut a.issued),
                    ("--expires", &mut a.expires),
                ],
                name,
            )
        },
    )?;
    Ok(())
}
