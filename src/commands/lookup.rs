//! Finding the record a command acts on from what the clerk typed: a registration number, a uid, or
//! a NIK (meaning that person's current placement).

use anyhow::Result;
use rusqlite::Connection;

use crate::db;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::Nik;
use crate::error::refused;
use crate::i18n::Msg;
use crate::t;

/// The placement named by `key`, with its person.
pub fn placement(conn: &Connection, key: &str) -> Result<(Placement, Person)> {
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
