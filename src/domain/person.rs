//! A person known to the office: a prospective or placed worker, a family member, a victim. Only the
//! name is required: trafficking victims and unidentified remains may have no NIK.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::{Education, MaritalStatus, Nik, RegencyCode, Sex};
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::t;

#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub uid: String,
    pub nik: Option<Nik>,
    pub full_name: String,
    pub sex: Option<Sex>,
    pub birth_place: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub regency: Option<RegencyCode>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub education: Option<Education>,
    pub marital_status: Option<MaritalStatus>,
    pub office_code: String,
    pub created_at: String,
    pub updated_at: String,
}

pub fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub fn date(value: &Option<NaiveDate>) -> String {
    value
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

impl Person {
    /// The person's columns in the exchange format's order (persons.csv).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("person_uid", self.uid.clone()),
            ("nik", opt(&self.nik)),
            ("full_name", self.full_name.clone()),
            ("sex", opt(&self.sex)),
            ("birth_place", opt(&self.birth_place)),
            ("birth_date", date(&self.birth_date)),
            ("regency_code", opt(&self.regency)),
            ("address", opt(&self.address)),
            ("phone", opt(&self.phone)),
            ("education", opt(&self.education)),
            ("marital_status", opt(&self.marital_status)),
            ("office_code", self.office_code.clone()),
            ("created_at", self.created_at.clone()),
            ("updated_at", self.updated_at.clone()),
        ]
    }
}

/// A person's name: trimmed, inner spaces collapsed, not empty, no control characters.
pub fn parse_name(input: &str) -> Result<String, Invalid> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().any(char::is_control) || name.chars().count() > 200 {
        return Err(Invalid(t!(Msg::NameInvalid)));
    }
    Ok(name)
}

/// Free text (address, place, occupation): trimmed; empty means no value.
pub fn parse_text(input: &str) -> Option<String> {
    let text = input.trim();
    (!text.is_empty()).then(|| text.to_string())
}

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

    #[test]
    fn names_are_tidied_and_searchable_without_accents() {
        assert_eq!(parse_name("  Siti   Rahmah ").unwrap(), "Siti Rahmah");
        assert!(parse_name("   ").is_err());
        assert_eq!(search_key("Désy  NURHAYATI"), "desy nurhayati");
    }
}
