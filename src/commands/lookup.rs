//! Finding the record a command acts on from what the clerk typed, shared by every command: a
//! placement by registration number, uid or NIK (meaning that person's current placement); a
//! recommendation by letter number or uid; a case or a repatriation by number or uid.

use anyhow::Result;
use rusqlite::Connection;

use crate::db;
use crate::domain::case::Case;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::recommendation::Recommendation;
use crate::domain::repatriation::Repatriation;
use crate::domain::Nik;
use crate::error::refused;
use crate::i18n::Msg;
use crate::t;

/// The placement named by `key`, with its person.
pub(super) fn placement(conn: &Connection, key: &str) -> Result<(Placement, Person)> {
    let key = key.trim();
    let placement = match db::placements::by_uid_or_number(conn, key)? {
        Some(p) => p,
        None => {
            let digits: String = key.chars().filter(|c| c.is_ascii_digit()).collect();
            let person = if digits.len() == 16 {
                let nik: Nik = key.parse()?;
                db::persons::by_nik(conn, &nik)?
            } else {
                None
            };
            let person = person.ok_or_else(|| refused(t!(Msg::PlacementNotFound, key)))?;
            db::placements::of_person(conn, &person.uid)?
                .into_iter()
                .next()
                .ok_or_else(|| refused(t!(Msg::PersonHasNoPlacement, person.full_name)))?
        }
    };
    let person = db::persons::by_uid(conn, &placement.person_uid)?
        .ok_or_else(|| refused(t!(Msg::PlacementNotFound, key)))?;
    Ok((placement, person))
}

/// The recommendation named by a letter number or uid, with its placement and person.
pub(super) fn recommendation(
    conn: &Connection,
    key: &str,
) -> Result<(Recommendation, Placement, Person)> {
    let r = db::recommendations::by_letter_or_uid(conn, key)?
        .ok_or_else(|| refused(t!(Msg::RecommendationNotFound, key)))?;
    let (placement, person) = placement(conn, &r.placement_uid)?;
    Ok((r, placement, person))
}

/// The case named by its number or uid.
pub(super) fn case(conn: &Connection, key: &str) -> Result<Case> {
    db::cases::by_number_or_uid(conn, key)?.ok_or_else(|| refused(t!(Msg::CaseNotFound, key)))
}

/// The repatriation named by its number or uid.
pub(super) fn repatriation(conn: &Connection, key: &str) -> Result<Repatriation> {
    db::repatriations::by_number_or_uid(conn, key)?
        .ok_or_else(|| refused(t!(Msg::RepatriationNotFound, key)))
}
