//! What each record kind needs when it arrives in a signed folder: the records it refers to (a
//! merged person's uid resolved to the person that stays), the decisions that belong to one office
//! (a letter of its series), and the columns that follow from the others (a placement's stage from
//! its facts and letters, a letter's status, a case's status from its events).

use anyhow::Result;

use super::{state_of, Merger, Place, Shared};
use crate::db::{self, records};
use crate::domain::case::{case_state, Case, CaseEvent};
use crate::domain::document::Document;
use crate::domain::identity::PersonMerge;
use crate::domain::person::Person;
use crate::domain::placement::{derive_stage, Placement};
use crate::domain::recommendation::Recommendation;
use crate::domain::repatriation::Repatriation;
use crate::domain::version::KeptWrite;
use crate::exchange::FileKind;
use crate::i18n::Msg;
use crate::t;

impl Shared for Person {
    const FILE: FileKind = FileKind::Persons;
    fn references(&mut self, _m: &Merger) -> Result<Vec<(&'static str, &'static str, String)>> {
        Ok(Vec::new())
    }
    fn arrive(
        self,
        m: &mut Merger,
        kept: Vec<KeptWrite>,
        place: &Place,
    ) -> Result<Option<(Self, Vec<KeptWrite>)>> {
        super::persons::apply_person(m, self, kept, place)?;
        Ok(None)
    }
}

impl Shared for PersonMerge {
    const FILE: FileKind = FileKind::PersonMerges;
    /// The person that stays (the lower uid, which travels with the merge): the other may never
    /// have reached this office, and then its uid just names the one that stays.
    fn references(&mut self, m: &Merger) -> Result<Vec<(&'static str, &'static str, String)>> {
        let a = m.canonical_person(&self.person_uid)?;
        let b = m.canonical_person(&self.other_uid)?;
        let (stays, _) = crate::domain::identity::survivor(&a, &b);
        Ok(vec![("person_uid", "persons", stays.to_string())])
    }
    fn arrive(
        self,
        m: &mut Merger,
        kept: Vec<KeptWrite>,
        place: &Place,
    ) -> Result<Option<(Self, Vec<KeptWrite>)>> {
        let _ = kept;
        super::persons::apply_merge_row(m, self, place)?;
        Ok(None)
    }
}

impl Shared for Placement {
    const FILE: FileKind = FileKind::Placements;
    fn references(&mut self, m: &Merger) -> Result<Vec<(&'static str, &'static str, String)>> {
        self.person_uid = m.canonical_person(&self.person_uid)?;
        Ok(vec![("person_uid", "persons", self.person_uid.clone())])
    }

    fn derive(&mut self, m: &Merger) -> Result<()> {
        let live = !m.fresh.contains(&FileKind::Recommendations)
            && db::merge::live_letter(m.tx, &self.uid)?;
        let facts = derive_stage(self, false);
        // Open by its facts: its letters (some may arrive later in the folder) decide.
        self.stage = match facts.is_open() {
            true => derive_stage(self, live),
            false => facts,
        };
        Ok(())
    }

    fn stored(&self, m: &mut Merger) {
        if self.stage.is_open() {
            if let Some(k) = super::key(&self.uid) {
                m.open.insert(k);
            }
            m.placements.insert(self.uid.clone());
        }
    }
}

impl Shared for Document {
    const FILE: FileKind = FileKind::Documents;
    fn references(&mut self, _m: &Merger) -> Result<Vec<(&'static str, &'static str, String)>> {
        Ok(vec![(
            "placement_uid",
            "placements",
            self.placement_uid.clone(),
        )])
    }

    fn derive(&mut self, _m: &Merger) -> Result<()> {
        // documents.csv carries no creation time: the first version received is it.
        if self.created_at == Default::default() {
            self.created_at = self.updated_at.clone();
        }
        Ok(())
    }
}

/// The fields of a letter that are its office's decision: only the office whose series it is may
/// write them (a passport issued on it may be recorded by any office).
fn decision(field: &str) -> bool {
    !matches!(field, "passport_number" | "passport_issued_on")
}

impl Shared for Recommendation {
    const FILE: FileKind = FileKind::Recommendations;
    fn references(&mut self, _m: &Merger) -> Result<Vec<(&'static str, &'static str, String)>> {
        Ok(vec![(
            "placement_uid",
            "placements",
            self.placement_uid.clone(),
        )])
    }

    /// Only the office whose series a letter is in issues, refuses or voids it: a letter of this
    /// office's series that it never issued, or a decision of any office written by another, is
    /// refused. (A refusal turned into an issued letter, a void undone: both are such writes.)
    fn ownership(&self, stored: Option<&Self>, m: &Merger) -> Option<String> {
        let series = stored
            .map(|s| s.office_code.as_str())
            .unwrap_or(&self.office_code);
        let number = self
            .letter_number
            .clone()
            .unwrap_or_else(|| self.uid.clone());
        let owner = |site: crate::domain::version::Site| -> bool {
            if site == crate::domain::version::Site::legacy(series) {
                return true;
            }
            match series == m.office {
                true => site == m.own,
                false => m.offices.get(&site).map(String::as_str) == Some(series),
            }
        };
        let incoming = state_of(self, &[])?;
        let Some(stored) = stored else {
            if series == m.office {
                return Some(t!(Msg::LetterNotIssuedHere, number, series));
            }
            return match owner(incoming.origin.site) {
                true => None,
                false => Some(t!(
                    Msg::LetterNotByItsOffice,
                    number,
                    series,
                    m.offices
                        .get(&incoming.origin.site)
                        .cloned()
                        .unwrap_or_else(|| incoming.origin.site.short())
                )),
            };
        };
        let local = state_of(stored, &[])?;
        for (field, s) in &incoming.fields {
            if !decision(field) {
                continue;
            }
            let here = local.value(field).unwrap_or_default();
            let foreign = std::iter::once(&s.winner)
                .chain(s.losers.iter())
                .find(|w| !local.ctx.knows(w.dot) && !owner(w.dot.site) && w.value != here);
            if foreign.is_some() {
                return Some(t!(
                    Msg::LetterChangedByOther,
                    number,
                    series,
                    crate::i18n::field(field)
                ));
            }
        }
        None
    }

    fn derive(&mut self, _m: &Merger) -> Result<()> {
        self.status = self.derived_status();
        Ok(())
    }

    /// A letter decides its placement's stage only while the placement's facts leave it open:
    /// one this import stored is known to be, or not, without a query.
    fn stored(&self, m: &mut Merger) {
        let known = super::key(&self.placement_uid).filter(|k| {
            m.stored
                .get(&FileKind::Placements)
                .is_some_and(|s| s.contains(k))
        });
        match known {
            Some(k) if !m.open.contains(&k) => {}
            _ => {
                m.placements.insert(self.placement_uid.clone());
            }
        }
    }
}

impl Shared for Case {
    const FILE: FileKind = FileKind::Cases;
    fn references(&mut self, m: &Merger) -> Result<Vec<(&'static str, &'static str, String)>> {
        match &self.person_uid {
            Some(p) => {
                let p = m.canonical_person(p)?;
                self.person_uid = Some(p.clone());
                Ok(vec![("person_uid", "persons", p)])
            }
            None => Ok(Vec::new()),
        }
    }

    fn stored(&self, m: &mut Merger) {
        m.cases.insert(self.uid.clone());
    }
}

impl Shared for CaseEvent {
    const FILE: FileKind = FileKind::CaseEvents;
    fn references(&mut self, _m: &Merger) -> Result<Vec<(&'static str, &'static str, String)>> {
        Ok(vec![("case_uid", "cases", self.case_uid.clone())])
    }

    fn stored(&self, m: &mut Merger) {
        m.cases.insert(self.case_uid.clone());
    }
}

impl Shared for Repatriation {
    const FILE: FileKind = FileKind::Repatriations;
    fn references(&mut self, m: &Merger) -> Result<Vec<(&'static str, &'static str, String)>> {
        let mut out = Vec::new();
        if let Some(p) = &self.person_uid {
            let p = m.canonical_person(p)?;
            self.person_uid = Some(p.clone());
            out.push(("person_uid", "persons", p));
        }
        if let Some(c) = &self.case_uid {
            out.push(("case_uid", "cases", c.clone()));
        }
        Ok(out)
    }
}

/// A placement's stage from its facts and its letters, as they are after the import.
pub(super) fn settle_stage(m: &mut Merger, uid: &str) -> Result<()> {
    let Some(p) = records::get::<Placement>(m.tx, uid)? else {
        return Ok(());
    };
    let stage = derive_stage(&p, db::merge::live_letter(m.tx, uid)?);
    if stage != p.stage {
        let mut next = p.clone();
        next.stage = stage;
        records::replace_beside(m.tx, &next, &p.updated_at)?;
    }
    Ok(())
}

/// A case's status, closure and what to look at, from every event it has after the import.
pub(super) fn settle_case(m: &mut Merger, uid: &str) -> Result<()> {
    let Some(c) = records::get::<Case>(m.tx, uid)? else {
        return Ok(());
    };
    let events = db::cases::events(m.tx, uid)?;
    let state = case_state(&events);
    if (state.status, state.closure_reason, state.closed_on)
        != (c.status, c.closure_reason, c.closed_on)
    {
        let mut next = c.clone();
        next.status = state.status;
        next.closure_reason = state.closure_reason;
        next.closed_on = state.closed_on;
        records::replace_beside(m.tx, &next, &c.updated_at)?;
    }
    let review: Vec<&str> = state.review.iter().map(|r| r.code()).collect();
    db::merge::set_case_review(
        m.tx,
        uid,
        (!review.is_empty()).then(|| review.join("|")).as_deref(),
    )?;
    Ok(())
}
