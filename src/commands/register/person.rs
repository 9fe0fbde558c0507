//! The person and the placement a registration would save: a new person, or the stored one with
//! the same NIK (its identity kept, its contact details updated, what differs warned about).

use anyhow::Result;
use rusqlite::Connection;

use super::input::Entered;
use crate::context::new_uid;
use crate::db;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::record::Timestamp;
use crate::domain::registration::merge;
use crate::domain::repatriation::Repatriation;
use crate::domain::Stage;

/// What the office already holds of a returning person: their placements and repatriations.
#[derive(Default)]
pub(super) struct Known {
    pub placements: Vec<Placement>,
    pub repatriations: Vec<Repatriation>,
}

impl Known {
    /// The placement still open (a reason to refuse).
    pub(super) fn open(&self) -> Option<&Placement> {
        self.placements.iter().find(|p| p.stage.is_open())
    }

    pub(super) fn load(conn: &Connection, person_uid: &str) -> Result<Known> {
        Ok(Known {
            placements: db::placements::of_person(conn, person_uid)?,
            repatriations: db::repatriations::of_person(conn, person_uid)?,
        })
    }
}

/// The person to save, and what the office holds of them already.
pub(super) fn person_of(
    conn: &Connection,
    entered: &mut Entered,
    office_code: &str,
    now: &Timestamp,
) -> Result<(Person, Known)> {
    let person = Person {
        uid: new_uid(),
        nik: Some(entered.nik.clone()),
        full_name: entered.full_name.clone(),
        sex: Some(entered.sex),
        birth_place: Some(entered.birth_place.clone()),
        birth_date: Some(entered.birth_date),
        regency: Some(entered.regency.clone()),
        address: entered.address.clone(),
        phone: entered.phone.clone(),
        education: entered.education,
        marital_status: entered.marital_status,
        office_code: office_code.to_string(),
        created_at: now.clone(),
        updated_at: now.clone(),
        accepted_warnings: None,
        versions: crate::domain::version::Versions::unset(),
    };
    let Some(stored) = entered.stored.clone() else {
        return Ok((person, Known::default()));
    };
    let known = Known::load(conn, &stored.uid)?;
    let (merged, differences) = merge(stored, &person, now);
    entered.warnings.extend(differences);
    Ok((merged, known))
}

/// The new placement application, not yet numbered.
pub(super) fn placement_of(
    entered: &Entered,
    person: &Person,
    office_code: &str,
    now: Timestamp,
) -> Placement {
    Placement {
        uid: new_uid(),
        registration_number: None,
        person_uid: person.uid.clone(),
        scheme: entered.scheme,
        p3mi_name: entered.p3mi_name.clone(),
        employer_name: entered.employer_name.clone(),
        country: entered.country.clone(),
        sector: entered.sector,
        occupation: entered.occupation.clone(),
        stage: Stage::Registered,
        registered_on: entered.registered_on,
        departed_on: None,
        returned_on: None,
        cancel_reason: None,
        cancel_note: None,
        passport_number: None,
        office_code: office_code.to_string(),
        created_at: now.clone(),
        updated_at: now,
        legacy_number: None,
        versions: crate::domain::version::Versions::unset(),
    }
}
