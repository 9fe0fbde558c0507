//! The questions of the follow-up commands of a case: `case note|act|refer|resolve|close|reopen`.
//! The case is checked as soon as it is named: one whose status does not allow the step is said
//! at once.

use anyhow::Result;

use super::{CaseActArgs, CaseCommand, FollowUp};
use crate::commands::form::ask::{case as case_named, clear_slot, confirmed};
use crate::commands::form::{day_first, Form};
use crate::context::Ctx;
use crate::domain::case::{forbidden, Awaiting, CaseAction};
use crate::domain::text;
use crate::domain::{CaseEventKind, ClosureReason, Partner};
use crate::error::Invalid;
use crate::i18n::Msg;
use chrono::NaiveDate;

/// The kinds `case act` records (a note, a referral and a status change have their own commands).
const ACTIONS: &[CaseEventKind] = &[
    CaseEventKind::Consultation,
    CaseEventKind::Clarification,
    CaseEventKind::Mediation,
    CaseEventKind::SocialSecurityClaim,
    CaseEventKind::LitigationAssistance,
    CaseEventKind::Coordination,
];

fn note(s: &str) -> Result<Option<String>, Invalid> {
    text::note(Some(s))
}

fn required_note(s: &str) -> Result<String, Invalid> {
    text::note(Some(s))?.ok_or_else(|| Invalid(crate::said!(Msg::ValueEmpty)))
}

fn line(s: &str) -> Result<Option<String>, Invalid> {
    text::line(Some(s))
}

/// What the office now waits for and whether the complainant was reached: the closure deadlines
/// of Perban 6/2024 count from them.
fn deadlines(form: &mut Form, follow_up: &mut FollowUp, today: NaiveDate) -> Result<()> {
    // The day it happened (a call made yesterday is recorded today): deadlines count from it.
    form.need(
        &mut follow_up.on,
        "--on",
        Msg::AskEventOn,
        Some(day_first(today)),
        |s| crate::domain::date::parse_past_date(s, today),
    )?;
    form.switch(
        &mut follow_up.contacted,
        "--contacted",
        Msg::AskContacted,
        Msg::LabelContacted,
    )?;
    form.code_offer::<Awaiting>(
        &mut follow_up.awaiting,
        "--awaiting",
        Msg::AskAwaiting,
        None,
    )?;
    Ok(())
}

fn action_of(command: &CaseCommand) -> Option<CaseAction> {
    Some(match command {
        CaseCommand::Note { .. } => CaseAction::Note,
        CaseCommand::Act(_) => CaseAction::Act,
        CaseCommand::Refer { .. } => CaseAction::Refer,
        CaseCommand::Resolve { .. } => CaseAction::Resolve,
        CaseCommand::Close { .. } => CaseAction::Close,
        CaseCommand::Reopen { .. } => CaseAction::Reopen,
        CaseCommand::Show { .. } | CaseCommand::List(_) => return None,
    })
}

pub(super) fn follow_up(ctx: &Ctx, command: &mut CaseCommand) -> Result<()> {
    let Some(action) = action_of(command).filter(|_| ctx.interactive) else {
        return Ok(());
    };
    let store = ctx.open()?;
    let conn = store.conn();
    let fits = move |c: &crate::domain::case::Case| {
        c.status
            .after(action)
            .map(|_| ())
            .ok_or_else(|| forbidden(c, action))
    };
    confirmed(
        command,
        |command, form| {
            match command {
                CaseCommand::Note {
                    case,
                    text,
                    follow_up,
                } => {
                    case_named(form, case, conn, fits)?;
                    form.need(text, "<TEXT>", Msg::AskNoteText, None, required_note)?;
                    deadlines(form, follow_up, ctx.clock.today)?;
                }
                CaseCommand::Act(a) => {
                    case_named(form, &mut a.case, conn, fits)?;
                    form.code_in(&mut a.kind, "--kind", Msg::AskActKind, ACTIONS, None)?;
                    form.code_offer::<Partner>(&mut a.partner, "--partner", Msg::AskPartner, None)?;
                    form.offer(
                        &mut a.letter_number,
                        "--letter-number",
                        Msg::AskLetterNumber,
                        None,
                        line,
                    )?;
                    form.offer(&mut a.note, "--note", Msg::AskNote, None, note)?;
                    deadlines(form, &mut a.follow_up, ctx.clock.today)?;
                }
                CaseCommand::Refer {
                    case,
                    partner,
                    letter_number,
                    note: text,
                    ..
                } => {
                    case_named(form, case, conn, fits)?;
                    form.code::<Partner>(partner, "--partner", Msg::AskPartner, None)?;
                    form.offer(
                        letter_number,
                        "--letter-number",
                        Msg::AskLetterNumber,
                        None,
                        line,
                    )?;
                    form.offer(text, "--note", Msg::AskNote, None, note)?;
                }
                CaseCommand::Resolve { case, outcome, .. } => {
                    case_named(form, case, conn, fits)?;
                    form.need(outcome, "--outcome", Msg::AskOutcome, None, required_note)?;
                }
                CaseCommand::Close {
                    case,
                    reason,
                    note: text,
                    ..
                } => {
                    case_named(form, case, conn, fits)?;
                    form.code::<ClosureReason>(reason, "--reason", Msg::AskClosureReason, None)?;
                    form.offer(text, "--note", Msg::AskNote, None, note)?;
                }
                CaseCommand::Reopen {
                    case, note: text, ..
                } => {
                    case_named(form, case, conn, fits)?;
                    form.offer(text, "--note", Msg::AskReopenNote, None, note)?;
                }
                CaseCommand::Show { .. } | CaseCommand::List(_) => {}
            }
            Ok(Vec::new())
        },
        |command, name| {
            if let CaseCommand::Note { follow_up, .. }
            | CaseCommand::Act(CaseActArgs { follow_up, .. }) = command
            {
                if name == "--contacted" {
                    follow_up.contacted = false;
                }
                if name == "--awaiting" {
                    follow_up.awaiting = None;
                }
                if name == "--on" {
                    follow_up.on = None;
                }
            }
            let mut slots: Vec<(&str, &mut Option<String>)> = match command {
                CaseCommand::Note { case, text, .. } => vec![("<CASE>", case), ("<TEXT>", text)],
                CaseCommand::Act(a) => vec![
                    ("<CASE>", &mut a.case),
                    ("--kind", &mut a.kind),
                    ("--partner", &mut a.partner),
                    ("--letter-number", &mut a.letter_number),
                    ("--note", &mut a.note),
                ],
                CaseCommand::Refer {
                    case,
                    partner,
                    letter_number,
                    note,
                    ..
                } => vec![
                    ("<CASE>", case),
                    ("--partner", partner),
                    ("--letter-number", letter_number),
                    ("--note", note),
                ],
                CaseCommand::Resolve { case, outcome, .. } => {
                    vec![("<CASE>", case), ("--outcome", outcome)]
                }
                CaseCommand::Close {
                    case, reason, note, ..
                } => vec![("<CASE>", case), ("--reason", reason), ("--note", note)],
                CaseCommand::Reopen { case, note, .. } => vec![("<CASE>", case), ("--note", note)],
                CaseCommand::Show { .. } | CaseCommand::List(_) => Vec::new(),
            };
            clear_slot(&mut slots, name)
        },
    )?;
    Ok(())
}
