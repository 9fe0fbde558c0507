//! A current Kemendagri regency or city code (4 digits, e.g. `1371` Kota Padang), entered as the code
//! or as an unambiguous name.

use crate::error::Invalid;
use crate::i18n::Msg;
use crate::reference::reference;
use crate::said;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegencyCode(String);

impl RegencyCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn province_code(&self) -> &str {
        &self.0[..2]
    }

    pub fn name(&self) -> &'static str {
        reference()
            .regency(&self.0)
            .map(|r| r.name.as_str())
            .unwrap_or("")
    }
}

impl std::fmt::Display for RegencyCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn core_name(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    for prefix in ["kabupaten ", "kab. ", "kab ", "kota "] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    lower
}

fn is_city(name: &str) -> bool {
    name.trim().to_lowercase().starts_with("kota ")
}

impl std::str::FromStr for RegencyCode {
    type Err = Invalid;

    fn from_str(input: &str) -> Result<RegencyCode, Invalid> {
        let s = input.trim();
        let r = reference();
        let code: String = s.chars().filter(|c| *c != '.').collect();
        if !code.is_empty() && code.chars().all(|c| c.is_ascii_digit()) {
            if r.regency(&code).is_some() {
                return Ok(RegencyCode(code));
            }
            if let Some(old) = r.legacy.get(&code) {
                return Err(Invalid(said!(Msg::RegencyRetired, code, old)));
            }
            return Err(Invalid(said!(Msg::RegencyUnknown, s)));
        }
        let wanted = core_name(s);
        let wants_city = is_city(s);
        let wants_kabupaten = !wants_city && core_name(s) != s.trim().to_lowercase();
        let matches: Vec<_> = r
            .regencies
            .iter()
            .filter(|reg| core_name(&reg.name) == wanted)
            .filter(|reg| !wants_city || is_city(&reg.name))
            .filter(|reg| !wants_kabupaten || !is_city(&reg.name))
            .collect();
        match matches.as_slice() {
            [one] => Ok(RegencyCode(one.code.clone())),
            [] => Err(Invalid(said!(Msg::RegencyUnknown, s))),
            many => {
                let names: Vec<String> = many
                    .iter()
                    .map(|m| format!("{} {}", m.code, m.name))
                    .collect();
                Err(Invalid(said!(Msg::RegencyAmbiguous, s, names.join(", "))))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> String {
        s.parse::<RegencyCode>()
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .0
    }

    #[test]
    fn codes_and_names() {
        assert_eq!(code("1371"), "1371");
        assert_eq!(code("13.71"), "1371");
        assert_eq!(code("Kota Padang"), "1371");
        assert_eq!(code("kota padang"), "1371");
        assert_eq!(code("Padang"), "1371");
        assert_eq!(code("Kabupaten Solok"), "1302");
        assert_eq!(code("Kab. Solok"), "1302");
        assert_eq!(code("Kota Solok"), "1372");
        assert_eq!(code("Padang Pariaman"), "1305");
    }

    #[test]
    fn ambiguous_unknown_and_retired() {
        let ambiguous = "Solok".parse::<RegencyCode>().unwrap_err().to_string();
        assert!(
            ambiguous.contains("1302") && ambiguous.contains("1372"),
            "{ambiguous}"
        );
        assert!("1399".parse::<RegencyCode>().is_err());
        assert!("Atlantis".parse::<RegencyCode>().is_err());
        let retired = "9101".parse::<RegencyCode>().unwrap_err().to_string();
        assert!(retired.contains("9101"), "{retired}");
    }
}
