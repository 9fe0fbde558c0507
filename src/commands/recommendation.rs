//! `recommendation list|show|void|used`: following a letter after it was decided.

use anyhow::Result;
use rusqlite::Connection;

use super::lookup;
use crate::cli::RecommendationCommand;
use crate::context::Ctx;
use crate::db::{self, records};
use crate::domain::audit::Action;
use crate::domain::contact::parse_passport;
use crate::domain::date::parse_date;
use crate::domain::person::Person;
use crate::domain::placement::{Placement, StageEvent};
use crate::domain::recommendation::Recommendation;
use crate::domain::text;
use crate::domain::{RecommendationStatus, Stage};
use crate::error::{refused, Invalid};
use crate::i18n::Msg;
use crate::output::row_limit;
use crate::views;
use crate::{pager, t};

/// The recommendation named by a letter number or uid, with its placement and person.
pub fn find(conn: &Connection, key: &str) -> Result<(Recommendation, Placement, Person)> {
    let r = db::recommendations::by_letter_or_uid(conn, key)?
        .ok_or_else(|| refused(t!(Msg::RecommendationNotFound, key)))?;
    let (placement, person) = lookup::placement(conn, &r.placement_uid)?;
    Ok((r, placement, person))
}

pub fn run(ctx: &Ctx, mut command: RecommendationCommand) -> Result<()> {
    super::ask::recommendation_void(ctx, &mut command)?;
    super::ask::recommendation_used(ctx, &mut command)?;
    let mut store = ctx.open()?;
    let today = ctx.clock.today;
    match command {
        RecommendationCommand::List {
            status,
            from,
            to,
            rows,
        } => {
            let filter = db::recommendations::Filter {
                status: status.as_deref().map(str::parse).transpose()?,
                from: from.as_deref().map(parse_date).transpose()?,
                to: to.as_deref().map(parse_date).transpose()?,
                limit: row_limit(ctx.format, rows.limit, rows.all),
            };
            let listed = db::recommendations::list(store.conn(), &filter)?;
            let total = db::filter::total(listed.len(), filter.limit, || {
                db::recommendations::count(store.conn(), &filter)
            })?;
            crate::commands::print_listing(ctx, &views::recommendation_list(&listed, today), total)
        }
        RecommendationCommand::Show { letter } => {
            let (r, placement, person) = find(store.conn(), &letter)?;
            views::recommendation(&r, &person, &placement, today)
                .print_one(ctx.format, &mut pager::start(ctx.format))
        }
        RecommendationCommand::Void { letter, reason } => {
            let letter = letter.unwrap_or_default();
            let reason =
                text::line(reason.as_deref())?.ok_or_else(|| Invalid(t!(Msg::ReasonEmpty)))?;
            let actor = ctx.actor();
            let (r, placement) = store.write(|tx| {
                let (old, old_placement, _) = find(tx, &letter)?;
                require_issued(&old, Msg::ActionVoid)?;
                // Only the office whose series the letter is in voids it.
                let own = crate::settings::office(tx)?.code;
                if old.office_code != own {
                    return Err(refused(t!(
                        Msg::VoidOnlyByIssuer,
                        old.letter_number.clone().unwrap_or(old.uid.clone()),
                        old.office_code
                    )));
                }
                let mut r = old.clone();
                r.status = RecommendationStatus::Void;
                r.void_reason = Some(reason);
                let r = records::change(tx, &actor, Action::Void.as_str(), &old, r)?;
                let mut placement = old_placement.clone();
                if placement.stage == Stage::Recommended {
                    placement.apply(StageEvent::VoidRecommendation, today, today)?;
                    placement = records::change(
                        tx,
                        &actor,
                        Action::Update.as_str(),
                        &old_placement,
                        placement,
                    )?;
                }
                Ok((r, placement))
            })?;
            ctx.say(&t!(
                Msg::RecommendationVoided,
                r.letter_number.clone().unwrap_or_default(),
                placement.reference()
            ))
        }
        RecommendationCommand::Used {
            letter,
            passport,
            issued,
        } => {
            let letter = letter.unwrap_or_default();
            let (number, warning) = parse_passport(&passport.unwrap_or_default())?;
            let issued = parse_date(&issued.unwrap_or_default())?;
            if let (Some(w), false) = (warning, ctx.interactive) {
                ctx.warn(&w.message);
            }
            let actor = ctx.actor();
            let r = store.write(|tx| {
                let (old, old_placement, _) = find(tx, &letter)?;
                require_issued(&old, Msg::ActionUse)?;
                if issued < old.decided_on {
                    return Err(Invalid(t!(
                        Msg::PassportIssuedBeforeLetter,
                        issued,
                        old.decided_on
                    ))
                    .into());
                }
                if issued > today {
                    return Err(Invalid(t!(Msg::DateInFuture, issued)).into());
                }
                let mut r = old.clone();
                r.status = RecommendationStatus::Used;
                r.passport_number = Some(number.clone());
                r.passport_issued_on = Some(issued);
                let r = records::change(tx, &actor, Action::Used.as_str(), &old, r)?;
                let mut placement = old_placement.clone();
                placement.passport_number = Some(number.clone());
                records::change(
                    tx,
                    &actor,
                    Action::Update.as_str(),
                    &old_placement,
                    placement,
                )?;
                Ok(r)
            })?;
            ctx.say(&t!(
                Msg::RecommendationUsed,
                r.letter_number.clone().unwrap_or_default(),
                number,
                issued
            ))
        }
    }
}

fn require_issued(r: &Recommendation, action: Msg) -> Result<()> {
    if r.status != RecommendationStatus::Issued {
        let number = r.letter_number.clone().unwrap_or_else(|| r.uid.clone());
        return Err(refused(t!(
            Msg::RecommendationNotIssued,
            number,
            r.status.label(),
            t!(action)
        )));
    }
    Ok(())
}
