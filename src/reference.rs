//! The official reference lists embedded in the binary (see data/SOURCES.md): Kemendagri provinces,
//! regencies and districts (current and retired codes) and ISO 3166-1 countries with Indonesian names.
//! Parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

const PROVINCES: &str = include_str!("../data/provinces.csv");
const REGENCIES: &str = include_str!("../data/regencies.csv");
const DISTRICTS: &str = include_str!("../data/districts.csv");
const LEGACY: &str = include_str!("../data/legacy_codes.csv");
const COUNTRIES: &str = include_str!("../data/countries.csv");

#[derive(Debug, Clone)]
pub struct Province {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Regency {
    pub code: String,
    pub province_code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct District {
    pub code: String,
    pub regency_code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub alpha2: String,
    pub alpha3: String,
    pub name_en: String,
    pub name_id: String,
    pub name_en_official: String,
}

pub struct Reference {
    pub provinces: Vec<Province>,
    pub regencies: Vec<Regency>,
    pub districts: Vec<District>,
    pub countries: Vec<Country>,
    /// Retired regency (4-digit) and district (6-digit) codes, with the name of their last edition.
    pub legacy: HashMap<String, String>,
    province_index: HashMap<String, usize>,
    regency_index: HashMap<String, usize>,
    district_index: HashMap<String, usize>,
    country_index: HashMap<String, usize>,
}

fn rows(text: &'static str) -> impl Iterator<Item = csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .into_records()
        .map(|r| r.expect("embedded reference CSV is well-formed (checked by tests)"))
}

impl Reference {
    fn load() -> Reference {
        let provinces: Vec<Province> = rows(PROVINCES)
            .map(|r| Province {
                code: r[0].to_string(),
                name: r[1].to_string(),
            })
            .collect();
        let regencies: Vec<Regency> = rows(REGENCIES)
            .map(|r| Regency {
                code: r[0].to_string(),
                province_code: r[1].to_string(),
                name: r[2].to_string(),
            })
            .collect();
        let districts: Vec<District> = rows(DISTRICTS)
            .map(|r| District {
                code: r[0].to_string(),
                regency_code: r[1].to_string(),
                name: r[2].to_string(),
            })
            .collect();
        let countries: Vec<Country> = rows(COUNTRIES)
            .map(|r| Country {
                alpha2: r[0].to_string(),
                alpha3: r[1].to_string(),
                name_en: r[3].to_string(),
                name_id: r[4].to_string(),
                name_en_official: r[5].to_string(),
            })
            .collect();
        let legacy = rows(LEGACY)
            .map(|r| (r[0].to_string(), r[2].to_string()))
            .collect();
        let index = |codes: Vec<&String>| -> HashMap<String, usize> {
            codes
                .into_iter()
                .enumerate()
                .map(|(i, c)| (c.clone(), i))
                .collect()
        };
        let province_index = index(provinces.iter().map(|p| &p.code).collect());
        let regency_index = index(regencies.iter().map(|p| &p.code).collect());
        let district_index = index(districts.iter().map(|p| &p.code).collect());
        let country_index = index(countries.iter().map(|p| &p.alpha2).collect());
        Reference {
            provinces,
            regencies,
            districts,
            countries,
            legacy,
            province_index,
            regency_index,
            district_index,
            country_index,
        }
    }

    pub fn province(&self, code: &str) -> Option<&Province> {
        self.province_index.get(code).map(|&i| &self.provinces[i])
    }

    pub fn regency(&self, code: &str) -> Option<&Regency> {
        self.regency_index.get(code).map(|&i| &self.regencies[i])
    }

    pub fn district(&self, code: &str) -> Option<&District> {
        self.district_index.get(code).map(|&i| &self.districts[i])
    }

    pub fn country(&self, alpha2: &str) -> Option<&Country> {
        self.country_index.get(alpha2).map(|&i| &self.countries[i])
    }

    pub fn is_legacy(&self, code: &str) -> bool {
        self.legacy.contains_key(code)
    }
}

/// The reference lists, parsed on first use.
pub fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(Reference::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_have_the_documented_sizes() {
        let r = reference();
        assert_eq!(r.provinces.len(), 38);
        assert_eq!(r.regencies.len(), 514);
        assert_eq!(r.districts.len(), 7285);
        assert_eq!(r.countries.len(), 249);
        assert_eq!(r.legacy.len(), 619);
        assert_eq!(r.regency("1371").unwrap().name, "Kota Padang");
        assert_eq!(r.country("KR").unwrap().name_id, "Korea Selatan");
        assert!(r.is_legacy("9101"));
    }
}
