//! Following a case: every action is an append-only event with clerk and date, and moves the
//! status only as the status machine allows.

use crate::i18n::Label;
use anyhow::Result;

use super::{CaseActArgs, CaseCommand, FollowUp};
use crate::commands::form::given;
use crate::commands::lookup;
use crate::context::{new_uid, Ctx};
use crate::db::{self, records};
use crate::domain::audit::Action;
use crate::domain::case::{closure_allowed, forbidden, Awaiting, CaseAction, CaseEvent};
use crate::domain::date::parse_date;
use crate::domain::rules;
use crate::domain::text;
use crate::domain::{CaseEventKind, ClosureReason, Partner};
use crate::error::{usage, Invalid};
use crate::i18n::Msg;
use crate::settings;
use crate::t;

/// One follow-up to record.
struct Step {
    action: CaseAction,
    kind: CaseEventKind,
    partner: Option<Partner>,
    letter_number: Option<String>,
    note: Option<String>,
    follow_up: FollowUp,
    closure: Option<ClosureReason>,
    outcome: Option<String>,
}

fn step(action: CaseAction, kind: CaseEventKind, note: Option<String>) -> Step {
    Step {
        action,
        kind,
        partner: None,
        letter_number: None,
        note,
        follow_up: FollowUp::default(),
        closure: None,
        outcome: None,
    }
}

fn dated(on: Option<String>) -> FollowUp {
    FollowUp {
        on,
        ..FollowUp::default()
    }
}

pub(super) fn run(ctx: &Ctx, mut command: CaseCommand) -> Result<()> {
    super::ask::follow_up(ctx, &mut command)?;
    let (key, s) = match command {
        CaseCommand::Note {
            case,
            text,
            follow_up,
        } => (case, note(text, follow_up)?),
        CaseCommand::Act(a) => (a.case.clone(), act(a)?),
        CaseCommand::Refer {
            case,
            partner,
            letter_number,
            note,
            on,
        } => (case, refer(partner, letter_number, note, on)?),
        CaseCommand::Resolve { case, outcome, on } => (case, resolve(outcome, on)?),
        CaseCommand::Close {
            case,
            reason,
            note,
            on,
        } => (case, close(reason, note, on)?),
        CaseCommand::Reopen { case, note, on } => (case, reopen(note, on)?),
        CaseCommand::Show { .. } | CaseCommand::List(_) => unreachable!("handled by case::run"),
    };
    record(ctx, &key.unwrap_or_default(), s)
}

/// `case note`: the note must say something.
fn note(text: Option<String>, follow_up: FollowUp) -> Result<Step> {
    let note =
        text::note(text.as_deref())?.ok_or_else(|| Invalid(crate::said!(Msg::ValueEmpty)))?;
    Ok(Step {
        follow_up,
        ..step(CaseAction::Note, CaseEventKind::Note, Some(note))
    })
}

/// `case act`: an action of a kind an act records, with its partner, letter and note.
fn act(a: CaseActArgs) -> Result<Step> {
    let kind: CaseEventKind = given(&a.kind).parse()?;
    if !kind.recorded_by_act() {
        return Err(usage(t!(Msg::ActKindNotAnAction, kind.code())));
    }
    let partner = a.partner.as_deref().map(str::parse).transpose()?;
    let note = text::note(a.note.as_deref())?;
    let letter_number = text::line(a.letter_number.as_deref())?;
    Ok(Step {
        partner,
        letter_number,
        follow_up: a.follow_up,
        ..step(CaseAction::Act, kind, note)
    })
}

/// `case refer`: the partner the case goes to, with its letter and note.
fn refer(
    partner: Option<String>,
    letter_number: Option<String>,
    note: Option<String>,
    on: Option<String>,
) -> Result<Step> {
    let partner = Some(given(&partner).parse()?);
    let letter_number = text::line(letter_number.as_deref())?;
    let note = text::note(note.as_deref())?;
    Ok(Step {
        partner,
        letter_number,
        follow_up: dated(on),
        ..step(CaseAction::Refer, CaseEventKind::Referral, note)
    })
}

/// `case resolve`: the outcome must say something.
fn resolve(outcome: Option<String>, on: Option<String>) -> Result<Step> {
    let outcome =
        text::note(outcome.as_deref())?.ok_or_else(|| Invalid(crate::said!(Msg::ValueEmpty)))?;
    let s = step(
        CaseAction::Resolve,
        CaseEventKind::StatusChange,
        Some(outcome.clone()),
    );
    Ok(Step {
        outcome: Some(outcome),
        follow_up: dated(on),
        ..s
    })
}

/// `case close`: with one of the regulation's closure reasons.
fn close(reason: Option<String>, note: Option<String>, on: Option<String>) -> Result<Step> {
    let closure = Some(given(&reason).parse()?);
    let s = step(
        CaseAction::Close,
        CaseEventKind::StatusChange,
        text::note(note.as_deref())?,
    );
    Ok(Step {
        closure,
        follow_up: dated(on),
        ..s
    })
}

/// `case reopen`.
fn reopen(note: Option<String>, on: Option<String>) -> Result<Step> {
    let s = step(
        CaseAction::Reopen,
        CaseEventKind::StatusChange,
        text::note(note.as_deref())?,
    );
    Ok(Step {
        follow_up: dated(on),
        ..s
    })
}

fn record(ctx: &Ctx, key: &str, s: Step) -> Result<()> {
    let mut store = ctx.open()?;
    let on = s
        .follow_up
        .on
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(ctx.clock.today);
    crate::domain::date::not_after_today(on, ctx.clock.today)?;
    let awaiting: Option<Awaiting> = s
        .follow_up
        .awaiting
        .as_deref()
        .map(str::parse)
        .transpose()?;
    let actor = ctx.actor();
    let (case, event) = store.write(|tx| {
        let old = lookup::case(tx, key)?;
        if on < old.reported_on {
            return Err(Invalid(crate::said!(Msg::EventBeforeReport, on, old.reported_on)).into());
        }
        let next = old
            .status
            .after(s.action)
            .ok_or_else(|| forbidden(&old, s.action))?;
        let mut case = old.clone();
        case.status = next;
        match s.action {
            CaseAction::Resolve => {
                case.outcome = s.outcome.clone();
                case.closed_on = Some(on);
            }
            CaseAction::Close => {
                let reason = s
                    .closure
                    .ok_or_else(|| Invalid(crate::said!(Msg::ValueEmpty)))?;
                let events = db::cases::events(tx, &old.uid)?;
                let holidays = settings::holiday_dates(tx)?;
                closure_allowed(&old, &events, reason, on, &holidays)?;
                case.closure_reason = Some(reason);
                case.closed_on = Some(on);
            }
            CaseAction::Reopen => {
                case.closure_reason = None;
                case.closed_on = None;
            }
            _ => {}
        }
        let held = db::cases::events(tx, &old.uid)?;
        let event = CaseEvent {
            uid: new_uid(),
            case_uid: case.uid.clone(),
            occurred_on: on,
            kind: s.kind,
            partner: s.partner,
            letter_number: s.letter_number,
            note: s.note,
            status_from: (old.status != next).then_some(old.status),
            status_to: (old.status != next).then_some(next),
            awaiting,
            contacted: s.follow_up.contacted,
            clerk: Some(ctx.clerk.clone()),
            created_at: ctx.clock.timestamp(),
            // A closing says why, so that every office closes the case for the same reason.
            closure_reason: (old.status != next)
                .then_some(case.closure_reason)
                .flatten(),
            seen: crate::domain::case::seen_by_new_event(&held),
            versions: crate::domain::version::Versions::unset(),
        };
        rules::refuse(rules::case(&case, ctx.clock.today))?;
        rules::refuse(rules::case_event(
            &event,
            Some(old.reported_on),
            ctx.clock.today,
        ))?;
        let mut timeline = held;
        timeline.push(event.clone());
        rules::refuse(rules::case_with_events(&case, &timeline))?;
        records::create(tx, &actor, &event)?;
        let case = records::change(tx, &actor, Action::Update.as_str(), &old, case)?;
        // The status its events give, whatever other offices recorded, and what to look at.
        db::cases::refresh_state(tx, &actor, &case.uid)?;
        Ok((case, event))
    })?;
    ctx.say(&t!(
        Msg::CaseUpdated,
        case.case_number,
        event.kind.label(),
        case.status.label()
    ))
}
