//! `worker merge A B`: two person records that are one person (registered twice, at two offices or
//! under two spellings). Recorded as a merge that travels to every office: the lower uid stays, the
//! fields merge (blanks filled, differing values kept for a clerk's choice in `review`), the other
//! record's placements, cases and returns move to it, and its uid and numbers keep finding it.

use anyhow::Result;
use clap::Args;

use crate::context::{new_uid, Ctx};
use crate::db::{self, audit, records, Tx};
use crate::domain::identity::{MergeReason, PersonMerge};
use crate::domain::person::Person;
use crate::domain::record::Timestamp;
use crate::domain::version::Versions;
use crate::error::refused;
use crate::i18n::Msg;
use crate::prompt::{Prompter, Terminal};
use crate::{settings, t};

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// One person: a registration number, a placement or person uid, or a NIK
    #[arg(value_name = "PERSON")]
    pub first: String,
    /// The other record of the same person
    #[arg(value_name = "PERSON")]
    pub second: String,
    /// Why they are one person (kept with the merge)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Merge without asking (scripts; on a terminal the clerk confirms)
    #[arg(long)]
    pub yes: bool,
}

/// The person a clerk's key names: a person uid, or the person of a placement found by its number,
/// uid or NIK.
fn person(tx: &rusqlite::Connection, key: &str) -> Result<Person> {
    if let Some(p) = db::persons::by_uid(tx, &key.trim().to_ascii_lowercase())? {
        return Ok(p);
    }
    Ok(super::super::lookup::placement(tx, key)?.1)
}

/// Records that two persons are one and merges them. Returns the merge recorded.
pub(crate) fn record_merge(
    tx: &Tx,
    actor: &audit::Actor,
    office: &str,
    a: &str,
    b: &str,
    reason: MergeReason,
    note: Option<String>,
) -> Result<PersonMerge> {
    let (low, high) = crate::domain::identity::survivor(a, b);
    let link = PersonMerge {
        uid: new_uid(),
        person_uid: low.to_string(),
        other_uid: high.to_string(),
        reason,
        note,
        clerk: Some(actor.clerk.clone()),
        office_code: office.to_string(),
        created_at: Timestamp::from_datetime(actor.now),
        versions: Versions::unset(),
    };
    records::create(tx, actor, &link)?;
    crate::exchange::merge::merge_persons(tx, actor, a, b)?;
    Ok(link)
}

pub(crate) fn run(ctx: &Ctx, args: MergeArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let note = crate::domain::text::note(args.note.as_deref())?;
    let (a, b) = (
        person(store.conn(), &args.first)?,
        person(store.conn(), &args.second)?,
    );
    if a.uid == b.uid {
        return Err(refused(t!(Msg::MergeSamePerson, a.full_name)));
    }
    if !args.yes {
        let question = t!(Msg::ConfirmMerge, describe(&a), describe(&b));
        match ctx.interactive {
            true => {
                if !Terminal.confirm(&question)? {
                    return Err(refused(t!(Msg::NothingSaved)));
                }
            }
            false => return Err(crate::error::usage(t!(Msg::MergeNeedsConfirmation))),
        }
    }
    let actor = ctx.actor();
    let (ua, ub) = (a.uid.clone(), b.uid.clone());
    store.write(|tx| {
        // As the persons are now, not as they were before the question.
        let (a, b) = (person(tx, &ua)?, person(tx, &ub)?);
        if a.uid == b.uid {
            return Err(refused(t!(Msg::MergeSamePerson, a.full_name)));
        }
        record_merge(
            tx,
            &actor,
            &office.code,
            &a.uid,
            &b.uid,
            MergeReason::Clerk,
            note.clone(),
        )
    })?;
    let stays = crate::domain::identity::survivor(&a.uid, &b.uid)
        .0
        .to_string();
    let kept = db::persons::by_uid(store.conn(), &stays)?;
    ctx.say(&t!(
        Msg::Merged,
        describe(&a),
        describe(&b),
        kept.map(|p| describe(&p)).unwrap_or(stays)
    ))
}

fn describe(p: &Person) -> String {
    match &p.nik {
        Some(nik) => format!("{} ({nik})", p.full_name),
        None => p.full_name.clone(),
    }
}
