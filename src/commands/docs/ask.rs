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

/// `docs verify` and `docs remove` on a terminal: the placement, the document among those it
/// holds, and for a removal why; then the summary and the question before anything changes.
pub(super) fn which(
    ctx: &Ctx,
    args: &mut super::DocsKindArgs,
    reason: Option<&mut Option<String>>,
) -> Result<()> {
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    struct Asked<'a> {
        document: &'a mut super::DocsKindArgs,
        reason: Option<&'a mut Option<String>>,
    }
    let mut asked = Asked {
        document: args,
        reason,
    };
    confirmed(
        &mut asked,
        |a, form| {
            let d = &mut *a.document;
            placement(form, &mut d.placement, conn, |_| Ok(()))?;
            form.code::<DocumentKind>(&mut d.kind, "--kind", Msg::AskDocumentKind, None)?;
            if let Some(reason) = a.reason.as_deref_mut() {
                form.need(reason, "--reason", Msg::AskRemovalReason, None, |s| {
                    text::line(Some(s))?.ok_or_else(|| Invalid(crate::said!(Msg::ReasonEmpty)))
                })?;
            }
            Ok(Vec::new())
        },
        |a, name| {
            let mut none = None;
            let reason = match a.reason.as_deref_mut() {
                Some(r) => r,
                None => &mut none,
            };
            clear_slot(
                &mut [
                    ("<PLACEMENT>", &mut a.document.placement),
                    ("--kind", &mut a.document.kind),
                    ("--reason", reason),
                ],
                name,
            )
        },
    )?;
    Ok(())
}
