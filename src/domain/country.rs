//! A destination or origin country: ISO 3166-1 alpha-2, entered as alpha-2, alpha-3, or the English
//! or Indonesian name.

use crate::error::Invalid;
use crate::i18n::{Arg, Lang, Msg};
use crate::reference::reference;
use crate::said;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(String);

impl CountryCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country's name in the chosen language (Indonesian names on official output).
    pub fn name(&self, lang: Lang) -> &'static str {
        reference()
            .country(&self.0)
            .map(|c| match lang {
                Lang::Id => c.name_id.as_str(),
                Lang::En => c.name_en.as_str(),
            })
            .unwrap_or("")
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Names clerks use that the ISO lists spell otherwise.
const ALIASES: &[(&str, &str)] = &[
    ("korea", "KR"),
    ("korsel", "KR"),
    ("hongkong", "HK"),
    ("uae", "AE"),
    ("uea", "AE"),
    ("saudi", "SA"),
    ("ksa", "SA"),
    ("makau", "MO"),
    ("macau", "MO"),
    ("cina", "CN"),
    ("brunei", "BN"),
    ("usa", "US"),
    ("amerika", "US"),
    ("inggris", "GB"),
];

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl std::str::FromStr for CountryCode {
    type Err = Invalid;

    fn from_str(input: &str) -> Result<CountryCode, Invalid> {
        let s = input.trim();
        let upper = s.to_ascii_uppercase();
        let r = reference();
        if upper.len() == 2 && r.country(&upper).is_some() {
            return Ok(CountryCode(upper));
        }
        let wanted = squash(s);
        if wanted.is_empty() {
            return Err(Invalid(said!(Msg::CountryUnknown, s)));
        }
        if let Some(found) = r.countries.iter().find(|c| {
            c.alpha3 == upper
                || squash(&c.name_en) == wanted
                || squash(&c.name_id) == wanted
                || squash(&c.name_en_official) == wanted
        }) {
            return Ok(CountryCode(found.alpha2.clone()));
        }
        ALIASES
            .iter()
            .find(|(alias, _)| *alias == wanted)
            .map(|(_, code)| CountryCode(code.to_string()))
            .ok_or_else(|| unknown(s, &wanted))
    }
}

/// An unknown country, with the countries a slip of typing away ("Malasya": Malaysia (MY)) when
/// there are any, named in the clerk's language.
fn unknown(typed: &str, wanted: &str) -> Invalid {
    let r = reference();
    let mut names: Vec<(String, &str)> = Vec::new();
    for c in &r.countries {
        for name in [&c.name_en, &c.name_id, &c.name_en_official] {
            names.push((squash(name), c.alpha2.as_str()));
        }
    }
    names.extend(
        ALIASES
            .iter()
            .map(|(alias, code)| (alias.to_string(), *code)),
    );
    let mut codes: Vec<&str> = Vec::new();
    let near =
        crate::domain::text::nearest(wanted, names.iter().map(|(n, c)| (n.as_str(), *c)), 12);
    for code in near {
        if !codes.contains(&code) && codes.len() < 3 {
            codes.push(code);
        }
    }
    if codes.is_empty() {
        return Invalid(said!(Msg::CountryUnknown, typed));
    }
    let listed = |lang: Lang| {
        codes
            .iter()
            .map(|code| {
                let name = CountryCode(code.to_string()).name(lang);
                format!("{name} ({code})")
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let near = Arg::Word {
        id: listed(Lang::Id).into(),
        en: listed(Lang::En).into(),
    };
    Invalid(said!(Msg::CountryUnknownNear, typed, near))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> String {
        s.parse::<CountryCode>()
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .0
    }

    #[test]
    fn codes_and_names_in_both_languages() {
        assert_eq!(code("my"), "MY");
        assert_eq!(code("JPN"), "JP");
        assert_eq!(code("Japan"), "JP");
        assert_eq!(code("Jepang"), "JP");
        assert_eq!(code("Korea Selatan"), "KR");
        assert_eq!(code("South Korea"), "KR");
        assert_eq!(code("Arab Saudi"), "SA");
        assert_eq!(code("Hong Kong"), "HK");
        assert!("Narnia".parse::<CountryCode>().is_err());
        assert!("XX".parse::<CountryCode>().is_err());
    }

    /// Issue 20: names clerks type that the lists spell otherwise.
    #[test]
    fn names_clerks_type_are_known() {
        assert_eq!(code("Makau"), "MO");
        assert_eq!(code("Macau"), "MO");
        assert_eq!(code("Cina"), "CN");
        assert_eq!(code("KSA"), "SA");
        assert_eq!(code("ksa"), "SA");
    }

    /// Issue 20: "Malasya" was refused with no hint; the nearest names are offered, in both
    /// languages, and a word like no country's name gets none.
    #[test]
    fn an_unknown_country_offers_the_nearest_names() {
        let error = "Malasya".parse::<CountryCode>().unwrap_err();
        assert!(
            error.0.render(Lang::Id).contains("Malaysia (MY)"),
            "{}",
            error.0.render(Lang::Id)
        );
        assert!(error.0.render(Lang::En).contains("Malaysia (MY)"));
        let error = "Jepan".parse::<CountryCode>().unwrap_err();
        assert!(error.0.render(Lang::Id).contains("Jepang (JP)"));
        assert!(error.0.render(Lang::En).contains("Japan (JP)"));
        let error = "Narnia".parse::<CountryCode>().unwrap_err();
        assert_eq!(error.0.msg, Msg::CountryUnknown);
    }
}
