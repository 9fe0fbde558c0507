//! Persons in a signed folder: a copy of a person merged here into another goes to the person that
//! stays; a new person whose NIK, as registered, is the NIK a person here was registered with is
//! the same person (merged by a recorded merge that travels); a NIK that reached a person by a
//! correction and meets another person's is a clash for review, never a reason to move anyone's
//! records. `merge_persons` is the one merge, for imports and for `worker merge` alike.

use anyhow::Result;

use super::{kept_of, record_of, state_of, versions_of, Merger, Place};
use crate::db::{self, audit, kept, records, Tx};
use crate::domain::audit::{Action, RecordKind};
use crate::domain::identity::{survivor, MergeReason, PersonMerge, IDENTITY_FIELDS};
use crate::domain::person::Person;
use crate::domain::record::{Record, Timestamp};
use crate::domain::version::{self, Versions};
use crate::exchange::FileKind;

pub(super) fn apply_person(
    m: &mut Merger,
    incoming: Person,
    kept_in: Vec<version::KeptWrite>,
    place: &Place,
) -> Result<()> {
    let _ = place;
    let here = m.canonical_person(&incoming.uid)?;
    let stored = match m.fresh.contains(&FileKind::Persons) && !m.has_stored::<Person>(&here) {
        true => None,
        false => records::get::<Person>(m.tx, &here)?,
    };
    if let Some(stored) = stored {
        let stored_kept = kept::of_record(m.tx, &stored.uid)?;
        let (Some(a), Some(mut b)) = (
            state_of(&stored, &stored_kept),
            state_of(&incoming, &kept_in),
        ) else {
            anyhow::bail!("person {}: versions not set", stored.uid);
        };
        if here != incoming.uid {
            // A copy of a person merged here: its fields, not who made it or when.
            for f in IDENTITY_FIELDS {
                b.fields.remove(*f);
            }
        }
        let merged = version::merge(&a, &b);
        if merged == a && incoming.updated_at <= stored.updated_at {
            m.count(FileKind::Persons).unchanged += 1;
            return Ok(());
        }
        let record = record_of(&stored, &incoming, &merged)?;
        let kept = kept_of::<Person>(&stored.uid, &merged, &stored_kept, &m.timestamp());
        m.replace(&stored, &record, &kept)?;
        m.count(FileKind::Persons).updated += 1;
        return Ok(());
    }
    // New here. The same NIK as a person here, both as registered: one person.
    let registered = |p: &Person| {
        let v = versions_of(p);
        v.origin.is_some() && v.dot_of("nik") == v.origin
    };
    let find = |m: &Merger| -> Result<Option<Person>> {
        match (&incoming.nik, registered(&incoming)) {
            (Some(nik), true) => Ok(db::persons::all_by_nik(m.tx, nik)?
                .into_iter()
                .find(|p| p.uid != incoming.uid && registered(p))),
            _ => Ok(None),
        }
    };
    // Into a table that was empty, only this import's persons can hold the NIK, and the insert
    // itself says so (no query per person of a national load).
    let fresh = m.fresh.contains(&FileKind::Persons);
    let mut same = match fresh {
        true => None,
        false => find(m)?,
    };
    let clashed = m.insert(&incoming, &kept_in)?;
    if fresh && clashed {
        same = find(m)?;
    }
    if same.is_none() {
        m.count(FileKind::Persons).inserted += 1;
    }
    if let Some(other) = same {
        let link = same_nik_link(&incoming, &other);
        if records::get::<PersonMerge>(m.tx, &link.uid)?.is_none() {
            records::insert(m.tx, &link)?;
        }
        merge_persons(m.tx, &m.actor, &incoming.uid, &other.uid)?;
        m.aliases = true;
        m.count(FileKind::Persons).merged += 1;
    }
    Ok(())
}

/// The merge of two persons registered with one NIK: the same record wherever it is made (its uid
/// and values follow from the two persons), so offices that find it each do not multiply it.
pub(super) fn same_nik_link(a: &Person, b: &Person) -> PersonMerge {
    let (low, high) = survivor(&a.uid, &b.uid);
    let (first, _) = match low == a.uid.as_str() {
        true => (a, b),
        false => (b, a),
    };
    let name = format!("pmi-desk same NIK {low} {high}");
    let uid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, name.as_bytes()).to_string();
    PersonMerge {
        uid,
        person_uid: low.to_string(),
        other_uid: high.to_string(),
        reason: MergeReason::SameNik,
        note: None,
        clerk: None,
        office_code: first.office_code.clone(),
        created_at: a.created_at.clone().max(b.created_at.clone()),
        versions: versions_of(first)
            .origin
            .map(Versions::created)
            .unwrap_or_default(),
    }
}

pub(super) fn apply_merge_row(m: &mut Merger, link: PersonMerge, _place: &Place) -> Result<()> {
    if records::get::<PersonMerge>(m.tx, &link.uid)?.is_some() {
        m.count(FileKind::PersonMerges).unchanged += 1;
    } else {
        records::insert(m.tx, &link)?;
        m.count(FileKind::PersonMerges).inserted += 1;
    }
    if merge_persons(m.tx, &m.actor, &link.person_uid, &link.other_uid)? {
        m.aliases = true;
        m.count(FileKind::Persons).merged += 1;
        return Ok(());
    }
    // The other never reached this office: its uid names the one that stays, so that what
    // arrives later for it goes there.
    let a = m.canonical_person(&link.person_uid)?;
    let b = m.canonical_person(&link.other_uid)?;
    let (stays, goes) = survivor(&a, &b);
    if stays != goes && records::get::<Person>(m.tx, goes)?.is_none() {
        db::persons::insert_alias(
            m.tx,
            crate::domain::identity::AliasUid(goes),
            crate::domain::identity::StoredPersonUid(stays),
        )?;
        m.aliases = true;
    }
    Ok(())
}

/// Merges two persons into one: the lower uid stays; the fields merge as two copies of one record
/// (blanks filled, equal values one, differing values kept as a conflict for a clerk), the other's
/// placements, cases and returns move to it, and its uid becomes an alias. False when they are one
/// person already.
pub fn merge_persons(tx: &Tx, actor: &audit::Actor, a: &str, b: &str) -> Result<bool> {
    let alias = |uid: &str| -> Result<String> {
        Ok(db::persons::alias_target(tx, uid)?.unwrap_or_else(|| uid.to_string()))
    };
    let (a, b) = (alias(a)?, alias(b)?);
    if a == b {
        return Ok(false);
    }
    let (stays, goes) = survivor(&a, &b);
    let (Some(s), Some(g)) = (
        records::get::<Person>(tx, stays)?,
        records::get::<Person>(tx, goes)?,
    ) else {
        return Ok(false);
    };
    let kept_s = kept::of_record(tx, &s.uid)?;
    let kept_g = kept::of_record(tx, &g.uid)?;
    let (Some(state_s), Some(mut state_g)) = (state_of(&s, &kept_s), state_of(&g, &kept_g)) else {
        anyhow::bail!("person {}: versions not set", s.uid);
    };
    for f in IDENTITY_FIELDS {
        state_g.fields.remove(*f);
    }
    let merged = version::merge(&state_s, &state_g);
    let record = record_of(&s, &g, &merged)?;
    let now = Timestamp::from_datetime(actor.now);
    let mut before = kept_s.clone();
    before.extend(kept_g.iter().cloned());
    let kept_all = kept_of::<Person>(&s.uid, &merged, &before, &now);
    // Its records move first (they refer to it), then its own row goes.
    db::merge::move_person(
        tx,
        crate::domain::identity::AliasUid(&g.uid),
        crate::domain::identity::StoredPersonUid(&s.uid),
    )?;
    kept::replace(tx, &g.uid, &[], 0)?;
    db::merge::remove_person(tx, &g.uid)?;
    if !records::replace_beside(tx, &record, &s.updated_at)? {
        anyhow::bail!("person {} changed during the merge", s.uid);
    }
    let seq = db::merge::seq_of(tx, "persons", &s.uid)?;
    kept::replace(tx, &s.uid, &kept_all, seq)?;
    let mut changes = audit::diff(&s.fields(), &record.fields());
    changes.push(("merged_uid".into(), None, Some(g.uid.clone())));
    audit::note(
        tx,
        actor,
        RecordKind::Person,
        &s.uid,
        Action::Merge,
        &changes,
    )?;
    Ok(true)
}
