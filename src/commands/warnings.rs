//! Warnings before saving: shown to the clerk, confirmed on a terminal or by `--accept-warnings`,
//! and recorded in the audit log with the record they concern.

use anyhow::Result;

use crate::context::Ctx;
use crate::db::audit::{self, Actor};
use crate::domain::audit::{Action, RecordKind};
use crate::domain::Warning;
use crate::error::refused;
use crate::i18n::Msg;
use crate::prompt::Prompter;
use crate::t;

pub(crate) fn confirm_warnings(
    ctx: &Ctx,
    warnings: &[Warning],
    accepted: bool,
    prompter: Option<&mut dyn Prompter>,
) -> Result<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    for w in warnings {
        ctx.warn(&w.message.to_string());
    }
    if accepted {
        return Ok(());
    }
    match prompter {
        Some(p) => match p.confirm(&t!(Msg::ConfirmWarnings))? {
            true => Ok(()),
            false => Err(refused(t!(Msg::NothingSaved))),
        },
        None => Err(refused(t!(Msg::WarningsNeedAcceptance, warnings.len()))),
    }
}

pub(crate) fn record(
    conn: &crate::db::Tx,
    actor: &Actor,
    uid: &str,
    warnings: &[Warning],
) -> Result<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let changes: Vec<audit::Change> = warnings
        .iter()
        .enumerate()
        .map(|(i, w)| {
            (
                format!("{}:{}", i + 1, w.code),
                None,
                Some(w.message.to_stored()),
            )
        })
        .collect();
    audit::note(
        conn,
        actor,
        RecordKind::Warning,
        uid,
        Action::WarningsAccepted,
        &changes,
    )
}
