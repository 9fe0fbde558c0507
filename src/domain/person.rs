//! A person known to the office: a prospective or placed worker, a family member, a victim. Only the
//! name is required: trafficking victims and unidentified remains may have no NIK.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::record::{parse_uid, Scalar, Timestamp};
use super::text::parse_note;
use super::version::Versions;
use super::{Education, MaritalStatus, Nik, RegencyCode, Sex};
use crate::error::Invalid;

crate::record! {
    /// A person: worker, family member, victim (persons.csv).
    pub struct Person in "persons" as "person", version updated_at, derived person_derived, words person_words, on_save accept_warnings {
        uid: String => "uid" as "person_uid" via parse_uid,
        nik: Option<Nik> => "nik" as "nik",
        full_name: String => "full_name" as "full_name" via parse_name,
        sex: Option<Sex> => "sex" as "sex",
        birth_place: Option<String> => "birth_place" as "birth_place",
        birth_date: Option<NaiveDate> => "birth_date" as "birth_date",
        regency: Option<RegencyCode> => "regency_code" as "regency_code",
        address: Option<String> => "address" as "address" via parse_note,
        phone: Option<String> => "phone" as "phone" via parse_phone_number,
        education: Option<Education> => "education" as "education",
        marital_status: Option<MaritalStatus> => "marital_status" as "marital_status",
        office_code: String => "office_code" as "office_code",
        created_at: Timestamp => "created_at" as "created_at",
        updated_at: Timestamp => "updated_at" as "updated_at",
        /// The warnings a clerk accepted about this person (the NIK against sex, birth date,
        /// regency), with who and when: they travel with the record (`AcceptedWarnings`).
        accepted_warnings: Option<String> => "accepted_warnings" as "accepted_warnings",
        versions: Versions => "versions" as "versions",
    }
}

/// A person saved by a clerk's command: the warnings its NIK gives were shown and confirmed (the
/// commands save nothing else), so they are accepted, by that clerk, then.
fn accept_warnings(p: &mut Person, clerk: &str, at: &Timestamp) {
    let warnings = super::rules::person_warnings(p);
    let accepted: Vec<&str> = p
        .accepted_warnings
        .as_deref()
        .map(super::warning::accepted_codes)
        .unwrap_or_default();
    let new: Vec<&str> = warnings
        .iter()
        .map(|w| w.code.as_str())
        .filter(|c| !accepted.contains(c))
        .collect();
    if new.is_empty() {
        return;
    }
    let mut codes: Vec<&str> = accepted.clone();
    codes.extend(new);
    p.accepted_warnings = Some(super::warning::accepted_text(&codes, clerk, at));
}

/// The warnings of a person nobody has accepted yet (a record from elsewhere).
pub fn unaccepted_warnings(p: &Person) -> Vec<super::Warning> {
    let accepted: Vec<&str> = p
        .accepted_warnings
        .as_deref()
        .map(super::warning::accepted_codes)
        .unwrap_or_default();
    super::rules::person_warnings(p)
        .into_iter()
        .filter(|w| !accepted.contains(&w.code.as_str()))
        .collect()
}

/// Stored with a person: the search key (`worker find`) and the codes of its warnings nobody has
/// accepted yet (a record from another office: listed for review).
fn person_derived(p: &Person) -> Vec<(&'static str, Scalar<'_>)> {
    let waiting: Vec<&str> = unaccepted_warnings(p)
        .iter()
        .map(|w| w.code.as_str())
        .collect();
    vec![
        ("name_key", Scalar::Text(search_key(&p.full_name).into())),
        (
            "warnings",
            match waiting.is_empty() {
                true => Scalar::Null,
                false => Scalar::Text(waiting.join("|").into()),
            },
        ),
    ]
}

/// `Nur'aini Désy` -> `nuraini desy`: what a clerk types to find a name, however it was written.
pub fn search_words(text: &str) -> String {
    search_key(text)
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' | '\u{00B4}'
            )
        })
        .collect()
}

/// What a person is found by: the letters and digits of the name written together, without
/// case, accents or apostrophes (`Nur'aini Désy-Putri` -> `nurainidesyputri`), in a trigram
/// index, so that any part of the name, typed with or without its spaces, finds the person.
fn person_words(p: &Person) -> String {
    name_words(&p.full_name)
}

/// A name as the name index holds it (see `person_words`).
pub fn name_words(name: &str) -> String {
    search_words(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A phone number as stored (normalised); its warnings are the command's to show.
fn parse_phone_number(input: &str) -> Result<String, Invalid> {
    super::contact::parse_phone(input).map(|(p, _)| p)
}

pub fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub fn date(value: &Option<NaiveDate>) -> String {
    value
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

pub use super::text::parse_name;

/// Lower case without accents, for searching names however they were typed.
pub fn search_key(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Record;

    /// `worker edit` sets a field through the parser its exchange cells are read with.
    #[test]
    fn a_clerks_text_is_set_through_the_parser_an_import_uses() {
        let mut p = crate::domain::fixtures::person();
        assert!(p.set_text("address", "Jl. Sawahan 3\nPadang").unwrap());
        assert_eq!(p.address.as_deref(), Some("Jl. Sawahan 3\nPadang"));
        p.set_text("phone", "0812-3456-7890").unwrap();
        assert_eq!(p.phone.as_deref(), Some("+6281234567890"));
        p.set_text("regency_code", "Kota Padang").unwrap();
        assert_eq!(p.regency.as_ref().unwrap().as_str(), "1371");
        p.set_text("birth_date", "15-08-1990").unwrap();
        assert_eq!(p.birth_date, Some("1990-08-15".parse().unwrap()));
        assert!(p.set_text("full_name", "  ").is_err(), "a name is required");
        assert!(
            p.set_text("birth_place", "Padang\nKota").is_err(),
            "one line"
        );
        assert!(p.set_text("phone", "").unwrap(), "emptied");
        assert_eq!(p.phone, None);
        assert!(!p.set_text("no_such_column", "x").unwrap());
    }

    #[test]
    fn names_are_searchable_without_accents() {
        assert_eq!(search_key("Désy  NURHAYATI"), "desy nurhayati");
    }
}
