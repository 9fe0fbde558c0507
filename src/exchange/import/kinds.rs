//! What each record kind needs beyond its declaration when it arrives: its references (to records
//! this import or the database holds), the rules that involve other records, and the numbers this
//! office gives a record it stores for the first time.

use crate::i18n::Label;
use anyhow::Result;
use chrono::Datelike;

use super::{Importer, Incoming, Outcome};
use crate::db::{self, audit, records};
use crate::domain::audit::{Action, RecordKind};
use crate::domain::case::{Case, CaseEvent};
use crate::domain::document::Document;
use crate::domain::person::Person;
use crate::domain::placement::{derive_stage, registration_number, Placement};
use crate::domain::recommendation::Recommendation;
use crate::domain::record::{FieldError, Record, Timestamp};
use crate::domain::repatriation::{repatriation_number, Repatriation};
use crate::domain::{rules, RecommendationStatus, Warning};
use crate::error::Invalid;
use crate::exchange::read::Row;
use crate::exchange::FileKind;
use crate::i18n::Msg;
use crate::t;

impl Incoming for Person {
    const FILE: FileKind = FileKind::Persons;

    fn prepare(&mut self, im: &mut Importer, _row: &Row) -> Result<Vec<FieldError>> {
        let mut problems = rules::person(self, im.latest_date);
        // Warnings are accepted for the import (`--accept-warnings`) or it stores nothing: the
        // person carries them as accepted, by this office's clerk.
        self.on_save(&im.actor.clerk, &Timestamp::from_datetime(im.actor.now));
        // Another office's uid for a person stored here under ours.
        if !im.known.no_aliases() {
            if let Some(target) = db::persons::alias_target(im.tx, &self.uid)? {
                self.uid = target;
            }
        }
        // An update of a stored person may not take another person's NIK.
        if let (Some(nik), false) = (&self.nik, im.known.fresh(FileKind::Persons)) {
            if let Some(other) = db::persons::by_nik(im.tx, nik)? {
                if other.uid != self.uid && records::get::<Person>(im.tx, &self.uid)?.is_some() {
                    problems.push((
                        "nik",
                        Invalid(crate::said!(
                            Msg::NikBelongsToOther,
                            nik,
                            other.full_name,
                            nik
                        )),
                    ));
                }
            }
        }
        Ok(problems)
    }

    fn warnings(&self) -> Vec<Warning> {
        rules::person_warnings(self)
    }

    fn remember(&self, im: &mut Importer) {
        im.known.person(&self.uid, self.birth_date);
    }

    /// A person new here by uid but whose NIK is stored is the same person: the incoming uid
    /// becomes an alias, and rows that refer to it attach to the stored person. (In a table that
    /// was empty, the insert's clash on the NIK tells it instead: see `clash`.)
    fn settle(&self, im: &mut Importer, file: &str, line: u64) -> Result<Option<Outcome>> {
        let Some(nik) = &self.nik else {
            return Ok(None);
        };
        if im.known.fresh(FileKind::Persons) || records::get::<Person>(im.tx, &self.uid)?.is_some()
        {
            return Ok(None);
        }
        alias_by_nik(self, im, nik, file, line)
    }

    fn clash(
        &self,
        im: &mut Importer,
        file: &str,
        line: u64,
        column: &str,
    ) -> Result<Option<Outcome>> {
        match (&self.nik, column) {
            (Some(nik), "nik") => match alias_by_nik(self, im, nik, file, line)? {
                Some(outcome) => Ok(Some(outcome)),
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }
}

/// Records the incoming person as another office's uid for the stored person with the same NIK.
fn alias_by_nik(
    incoming: &Person,
    im: &mut Importer,
    nik: &crate::domain::Nik,
    file: &str,
    line: u64,
) -> Result<Option<Outcome>> {
    let Some(stored) = db::persons::by_nik(im.tx, nik)? else {
        return Ok(None);
    };
    let differs = stored.full_name.to_lowercase() != incoming.full_name.to_lowercase()
        || (incoming.birth_date.is_some() && stored.birth_date != incoming.birth_date);
    if differs {
        im.notes.push(t!(
            Msg::ImportConflict,
            nik,
            stored.full_name,
            incoming.full_name,
            file,
            line
        ));
    }
    db::persons::insert_alias(
        im.tx,
        crate::domain::identity::AliasUid(&incoming.uid),
        crate::domain::identity::StoredPersonUid(&stored.uid),
    )?;
    audit::note(
        im.tx,
        &im.actor,
        RecordKind::Person,
        &stored.uid,
        Action::Alias,
        &[("alias_uid".into(), None, Some(incoming.uid.clone()))],
    )?;
    im.known
        .alias(&incoming.uid, &stored.uid, stored.birth_date);
    Ok(Some(Outcome::Merged))
}

impl Incoming for Placement {
    const FILE: FileKind = FileKind::Placements;

    fn prepare(&mut self, im: &mut Importer, _row: &Row) -> Result<Vec<FieldError>> {
        let mut problems = Vec::new();
        let person = im.known.person_ref(im.tx, &self.person_uid)?;
        let person = im.reference(&mut problems, "person_uid", &self.person_uid, person);
        let mut birth = None;
        if let Some((uid, born)) = person {
            self.person_uid = uid;
            birth = born;
        }
        problems.extend(rules::placement(self, birth, im.latest_date));
        // Recommended means a letter in force: none arrives in such a folder.
        if self.stage.is_open() {
            let live = !im.known.fresh(FileKind::Recommendations)
                && db::merge::live_letter(im.tx, &self.uid)?;
            self.stage = derive_stage(self, live);
        }
        Ok(problems)
    }

    const EXCLUSIVE_COLUMN: Option<&'static str> = Some("person_uid");

    fn exclusive(&self, im: &Importer) -> Result<Option<FieldError>> {
        if !self.stage.is_open() {
            return Ok(None);
        }
        Ok(db::placements::open_of_person(im.tx, &self.person_uid)?
            .filter(|open| open.uid != self.uid)
            .map(|open| {
                (
                    "stage",
                    Invalid(crate::said!(
                        Msg::OpenPlacementExists,
                        open.reference(),
                        open.stage.label()
                    )),
                )
            }))
    }

    /// A placement from a folder of an older pmi-desk has no number: this office gives it one.
    fn number(&mut self, im: &mut Importer) -> Result<()> {
        if self.registration_number.is_some() {
            return Ok(());
        }
        let year = self.registered_on.year();
        let office = im.settings.office_code.clone();
        let number = im
            .known
            .next_free(im.tx, db::numbers::Series::Registration, year, |n| {
                registration_number(&office, year, n)
            })?;
        self.registration_number = Some(number);
        Ok(())
    }

    fn remember(&self, im: &mut Importer) {
        im.known.placement(&self.uid, self.registered_on);
    }

    /// A departure, a return and a passport recorded here stay, whatever a newer version from
    /// elsewhere says; the stage follows from the facts and the letters.
    fn keep_facts(&mut self, stored: &Self, im: &Importer) -> Result<()> {
        self.departed_on = self.departed_on.or(stored.departed_on);
        self.returned_on = self.returned_on.or(stored.returned_on);
        if self.passport_number.is_none() {
            self.passport_number = stored.passport_number.clone();
        }
        self.stage = derive_stage(self, db::merge::live_letter(im.tx, &self.uid)?);
        Ok(())
    }
}

impl Incoming for Document {
    const FILE: FileKind = FileKind::Documents;

    fn prepare(&mut self, im: &mut Importer, _row: &Row) -> Result<Vec<FieldError>> {
        let mut problems = Vec::new();
        let placement = im.known.placement_ref(im.tx, &self.placement_uid)?;
        im.reference(
            &mut problems,
            "placement_uid",
            &self.placement_uid,
            placement,
        );
        // documents.csv carries no creation time: the first version received is it.
        if self.created_at == Timestamp::default() {
            self.created_at = self.updated_at.clone();
        }
        problems.extend(rules::document(self, im.latest_date));
        Ok(problems)
    }

    /// One live document of a kind per placement; a later row may still remove the other one.
    const EXCLUSIVE_COLUMN: Option<&'static str> = Some("placement_uid");

    fn exclusive(&self, im: &Importer) -> Result<Option<FieldError>> {
        if self.removed_on.is_some() {
            return Ok(None);
        }
        Ok(
            db::documents::live_of_kind(im.tx, &self.placement_uid, self.kind)?
                .filter(|other| other.uid != self.uid)
                .map(|other| {
                    (
                        "kind",
                        Invalid(crate::said!(
                            Msg::ImportSecondDocument,
                            self.kind.code(),
                            other.uid
                        )),
                    )
                }),
        )
    }
}

impl Incoming for Recommendation {
    const FILE: FileKind = FileKind::Recommendations;

    fn prepare(&mut self, im: &mut Importer, _row: &Row) -> Result<Vec<FieldError>> {
        let mut problems = Vec::new();
        let placement = im.known.placement_ref(im.tx, &self.placement_uid)?;
        let registered = im.reference(
            &mut problems,
            "placement_uid",
            &self.placement_uid,
            placement,
        );
        if let Some(number) = &self.letter_number {
            // In a table that was empty, the insert itself reports a number taken (`clash`).
            if !im.known.fresh(FileKind::Recommendations) {
                if let Some(other) = db::recommendations::by_letter_or_uid(im.tx, number)?
                    .filter(|o| o.uid != self.uid)
                {
                    problems.push((
                        "letter_number",
                        Invalid(crate::said!(Msg::ImportNumberTaken, other.uid)),
                    ));
                }
            }
        }
        problems.extend(rules::recommendation(self, registered, im.latest_date));
        Ok(problems)
    }

    const EXCLUSIVE_COLUMN: Option<&'static str> = Some("placement_uid");

    /// Only the office whose series a letter is in issues, refuses or voids it, and nobody vouches
    /// for this folder: a letter new here is refused, and so is any change to a stored one's
    /// decision (its passport may be recorded).
    fn ownership(&self, stored: Option<&Self>, _im: &Importer) -> Result<Option<String>> {
        let number = self
            .letter_number
            .clone()
            .unwrap_or_else(|| self.uid.clone());
        let Some(stored) = stored else {
            return Ok(Some(t!(Msg::LetterUnsigned, number)));
        };
        let theirs = crate::domain::record::exchange_fields(self);
        let ours = crate::domain::record::exchange_fields(stored);
        let changed = theirs.iter().zip(ours.iter()).find(|(t, o)| {
            !matches!(
                t.0,
                "passport_number" | "passport_issued_on" | "updated_at" | "versions" | "status"
            ) && t.1 != o.1
        });
        let status_back = self.status != stored.status
            && !(stored.status == RecommendationStatus::Issued
                && self.status == RecommendationStatus::Used);
        Ok(match (changed, status_back) {
            (Some((field, _)), _) => Some(t!(
                Msg::LetterChangedByOther,
                number,
                stored.office_code,
                crate::i18n::field(field.0)
            )),
            (None, true) => Some(t!(
                Msg::LetterChangedByOther,
                number,
                stored.office_code,
                crate::i18n::field("status")
            )),
            _ => None,
        })
    }

    fn keep_facts(&mut self, stored: &Self, _im: &Importer) -> Result<()> {
        if self.void_reason.is_none() {
            self.void_reason = stored.void_reason.clone();
        }
        self.status = self.derived_status();
        Ok(())
    }

    fn exclusive(&self, im: &Importer) -> Result<Option<FieldError>> {
        if self.status != RecommendationStatus::Issued {
            return Ok(None);
        }
        Ok(
            db::recommendations::issued_of_placement(im.tx, &self.placement_uid)?
                .filter(|other| other.uid != self.uid)
                .map(|other| {
                    (
                        "status",
                        Invalid(crate::said!(
                            Msg::ImportSecondIssued,
                            other.letter_number.unwrap_or(other.uid)
                        )),
                    )
                }),
        )
    }
}

impl Incoming for Case {
    const FILE: FileKind = FileKind::Cases;

    fn prepare(&mut self, im: &mut Importer, row: &Row) -> Result<Vec<FieldError>> {
        let mut problems = Vec::new();
        if let Some(puid) = self.person_uid.clone() {
            let person = im.known.person_ref(im.tx, &puid)?;
            if let Some((uid, _)) = im.reference(&mut problems, "person_uid", &puid, person) {
                self.person_uid = Some(uid);
            }
        }
        if let Some(other) =
            db::cases::by_number_or_uid(im.tx, &self.case_number)?.filter(|o| o.uid != self.uid)
        {
            problems.push((
                "case_number",
                Invalid(crate::said!(Msg::ImportNumberTaken, other.uid)),
            ));
        }
        problems.extend(rules::case(self, im.latest_date));
        if problems.is_empty() {
            im.touched_cases
                .insert(self.uid.clone(), (row.file.to_string(), row.line));
        }
        Ok(problems)
    }

    fn number(&mut self, im: &mut Importer) -> Result<()> {
        // Keeps this office's own sequence above a number that came back from elsewhere.
        let prefix = format!("{}-K-", im.settings.office_code);
        if let Some((year, seq)) = self
            .case_number
            .strip_prefix(&prefix)
            .and_then(|rest| rest.split_once('-'))
        {
            if let (Ok(year), Ok(seq)) = (year.parse::<i32>(), seq.parse::<i64>()) {
                db::counters::raise_to(im.tx, "case", year, seq)?;
            }
        }
        Ok(())
    }

    fn remember(&self, im: &mut Importer) {
        im.known.case(&self.uid, self.reported_on);
    }
}

impl Incoming for CaseEvent {
    const FILE: FileKind = FileKind::CaseEvents;

    fn prepare(&mut self, im: &mut Importer, row: &Row) -> Result<Vec<FieldError>> {
        let mut problems = Vec::new();
        let case = im.known.case_ref(im.tx, &self.case_uid)?;
        let case = im.reference(&mut problems, "case_uid", &self.case_uid, case);
        problems.extend(rules::case_event(
            self,
            case.as_ref().map(|(_, reported)| *reported),
            im.latest_date,
        ));
        if let (Some((uid, _)), true) = (&case, problems.is_empty()) {
            self.case_uid = uid.clone();
            // Recorded here, it has seen every event of its case this office holds.
            self.seen = crate::domain::case::seen_by_new_event(&db::cases::events(im.tx, uid)?);
            im.touched_cases
                .entry(uid.clone())
                .or_insert_with(|| (row.file.to_string(), row.line));
        }
        Ok(problems)
    }
}

impl Incoming for Repatriation {
    const FILE: FileKind = FileKind::Repatriations;

    fn prepare(&mut self, im: &mut Importer, _row: &Row) -> Result<Vec<FieldError>> {
        let mut problems = Vec::new();
        if let Some(puid) = self.person_uid.clone() {
            let person = im.known.person_ref(im.tx, &puid)?;
            if let Some((uid, _)) = im.reference(&mut problems, "person_uid", &puid, person) {
                self.person_uid = Some(uid);
            }
        }
        if let Some(cuid) = self.case_uid.clone() {
            let case = im.known.case_ref(im.tx, &cuid)?;
            if let Some((uid, _)) = im.reference(&mut problems, "case_uid", &cuid, case) {
                self.case_uid = Some(uid);
            }
        }
        problems.extend(rules::repatriation(self, im.latest_date));
        Ok(problems)
    }

    fn number(&mut self, im: &mut Importer) -> Result<()> {
        if self.repatriation_number.is_some() {
            return Ok(());
        }
        let year = self.arrived_on.year();
        let office = im.settings.office_code.clone();
        let number = im
            .known
            .next_free(im.tx, db::numbers::Series::Repatriation, year, |n| {
                repatriation_number(&office, year, n)
            })?;
        self.repatriation_number = Some(number);
        Ok(())
    }
}
