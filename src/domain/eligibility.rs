//! Whether a placement may receive a passport recommendation: every rule is checked and every
//! failure reported at once, each with its refusal code and what exactly failed, as data (the
//! words are the views' and the letters', in the language of what they print).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::age_on;
use super::document::{Checklist, Document, ItemState};
use super::registration::MINIMUM_AGE;
use super::{CountryCode, DocumentKind, RefusalReason, Scheme, Sector, Warning};
use crate::error::Invalid;

/// One failed rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub reason: RefusalReason,
    pub detail: Detail,
}

/// How a document of the checklist falls short.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Lack {
    Missing,
    Unverified,
    Expired,
}

/// A checklist item not met: its document kinds (any one of them would do) by code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lacking {
    pub kinds: Vec<String>,
    pub lack: Lack,
}

/// What exactly failed, as codes and data; stored with a refusal (`refusal_details`, JSON) so that
/// a letter printed later says it in Indonesian, whatever language the clerk worked in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Detail {
    BirthDateInFuture {
        birth: String,
    },
    UnderAge {
        age: i32,
        on: String,
        minimum: i32,
    },
    BirthDateUnknown,
    Documents {
        lacking: Vec<Lacking>,
    },
    NikMissing,
    /// The codes of the NIK warnings not acknowledged (`NIK_SEX_MISMATCH`...).
    NikWarnings {
        codes: Vec<String>,
    },
    DestinationClosed {
        country: String,
        scheme: String,
        sector: Option<String>,
    },
    ActiveLetter {
        letter: String,
    },
    Interview {
        reason: String,
        note: Option<String>,
    },
}

impl Detail {
    /// The details of a refusal as stored (a JSON list); `None` for text an older pmi-desk stored.
    pub fn parse_stored(text: &str) -> Option<Vec<Detail>> {
        serde_json::from_str(text).ok()
    }

    /// The details as stored with the refusal.
    pub fn to_stored(details: &[Detail]) -> String {
        serde_json::to_string(details).unwrap_or_default()
    }
}

impl Lacking {
    pub fn kinds(&self) -> Vec<DocumentKind> {
        self.kinds.iter().filter_map(|k| k.parse().ok()).collect()
    }
}

/// The age rule, as data: born in the future, or under the minimum age on `on`.
pub fn age_detail(birth: NaiveDate, on: NaiveDate) -> Option<Detail> {
    if birth > on {
        return Some(Detail::BirthDateInFuture {
            birth: birth.to_string(),
        });
    }
    let age = age_on(birth, on);
    (age < MINIMUM_AGE).then(|| Detail::UnderAge {
        age,
        on: on.to_string(),
        minimum: MINIMUM_AGE,
    })
}

/// A closed destination: a country, optionally only for one scheme or sector (`SA:*:INFORMAL`).
#[derive(Clone, Debug, PartialEq)]
pub struct ClosedRule {
    pub country: CountryCode,
    pub scheme: Option<Scheme>,
    pub sector: Option<Sector>,
}

/// Parses `COUNTRY[:SCHEME[:SECTOR]]` entries separated by commas; `*` means any.
/// Whether a placement to `country` under `scheme` and `sector` is closed by one of the rules.
pub fn closes(
    rules: &[ClosedRule],
    country: &CountryCode,
    scheme: Scheme,
    sector: Option<Sector>,
) -> bool {
    rules.iter().any(|r| {
        &r.country == country
            && r.scheme.is_none_or(|s| s == scheme)
            && r.sector.is_none_or(|s| Some(s) == sector)
    })
}

pub fn parse_closed(text: &str) -> Result<Vec<ClosedRule>, Invalid> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|entry| {
            let mut parts = entry.split(':').map(str::trim);
            let country = parts.next().unwrap_or_default().parse()?;
            fn any(p: Option<&str>) -> Option<&str> {
                p.filter(|s| !s.is_empty() && *s != "*")
            }
            let scheme = any(parts.next()).map(str::parse).transpose()?;
            let sector = any(parts.next()).map(str::parse).transpose()?;
            Ok(ClosedRule {
                country,
                scheme,
                sector,
            })
        })
        .collect()
}

pub fn format_closed(rules: &[ClosedRule]) -> String {
    rules
        .iter()
        .map(|r| {
            format!(
                "{}:{}:{}",
                r.country,
                r.scheme.map(|s| s.code()).unwrap_or("*"),
                r.sector.map(|s| s.code()).unwrap_or("*")
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub struct Facts<'a> {
    pub birth_date: Option<NaiveDate>,
    pub has_nik: bool,
    pub decided_on: NaiveDate,
    pub scheme: Scheme,
    pub sector: Option<Sector>,
    pub country: &'a CountryCode,
    pub documents: &'a [Document],
    pub checklist: &'a Checklist,
    pub medical_validity_days: i64,
    pub closed: &'a [ClosedRule],
    /// The letter number of another active recommendation for the same person.
    pub active_letter: Option<&'a str>,
    /// NIK warnings the clerk has not acknowledged.
    pub unacknowledged: &'a [Warning],
    /// Reasons found by the clerk at the interview (trafficking indication, invalid permit...).
    pub interview: &'a [RefusalReason],
    pub interview_note: Option<&'a str>,
}

pub fn assess(f: &Facts) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut add = |reason, detail| findings.push(Finding { reason, detail });
    match f.birth_date {
        Some(birth) => {
            if let Some(detail) = age_detail(birth, f.decided_on) {
                add(RefusalReason::UnderAge, detail);
            }
        }
        None => add(RefusalReason::IdentityMismatch, Detail::BirthDateUnknown),
    }
    let lacking: Vec<Lacking> = f
        .checklist
        .assess(f.documents, f.decided_on, f.medical_validity_days)
        .into_iter()
        .filter_map(|(kinds, state)| {
            let lack = match state {
                ItemState::Present(_) => return None,
                ItemState::Unverified(_) => Lack::Unverified,
                ItemState::Expired(_) => Lack::Expired,
                ItemState::Missing => Lack::Missing,
            };
            Some(Lacking {
                kinds: kinds.iter().map(|k| k.code().to_string()).collect(),
                lack,
            })
        })
        .collect();
    if !lacking.is_empty() {
        add(RefusalReason::DocsIncomplete, Detail::Documents { lacking });
    }
    if !f.has_nik {
        add(RefusalReason::IdentityMismatch, Detail::NikMissing);
    }
    if !f.unacknowledged.is_empty() {
        let codes = f
            .unacknowledged
            .iter()
            .map(|w| w.code.to_string())
            .collect();
        add(
            RefusalReason::IdentityMismatch,
            Detail::NikWarnings { codes },
        );
    }
    if closes(f.closed, f.country, f.scheme, f.sector) {
        add(
            RefusalReason::DestinationClosed,
            Detail::DestinationClosed {
                country: f.country.to_string(),
                scheme: f.scheme.code().to_string(),
                sector: f.sector.map(|s| s.code().to_string()),
            },
        );
    }
    if let Some(letter) = f.active_letter {
        add(
            RefusalReason::ActiveRecommendationExists,
            Detail::ActiveLetter {
                letter: letter.to_string(),
            },
        );
    }
    for reason in f.interview {
        add(
            *reason,
            Detail::Interview {
                reason: reason.code().to_string(),
                note: f.interview_note.map(str::to_string),
            },
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DocumentKind;

    fn doc(kind: DocumentKind) -> Document {
        Document {
            uid: "d".into(),
            placement_uid: "p".into(),
            kind,
            number: None,
            issued_on: None,
            expires_on: None,
            verified_on: NaiveDate::from_ymd_opt(2023, 1, 1),
            verified_by: None,
            created_at: Default::default(),
            updated_at: Default::default(),
            removed_on: None,
            removed_reason: None,
            versions: crate::domain::version::Versions::unset(),
        }
    }

    struct Case {
        birth: &'static str,
        docs: Vec<Document>,
        country: &'static str,
        sector: Sector,
        active: Option<&'static str>,
        warnings: Vec<Warning>,
        interview: Vec<RefusalReason>,
    }

    fn eligible() -> Case {
        Case {
            birth: "1990-08-15",
            docs: vec![doc(DocumentKind::Ktp), doc(DocumentKind::Kk)],
            country: "JP",
            sector: Sector::Informal,
            active: None,
            warnings: vec![],
            interview: vec![],
        }
    }

    fn reasons(c: Case) -> Vec<RefusalReason> {
        let checklist: Checklist = "KTP,KK".parse().unwrap();
        let closed = parse_closed("SA:*:INFORMAL,SY").unwrap();
        let country: CountryCode = c.country.parse().unwrap();
        assess(&Facts {
            birth_date: Some(c.birth.parse().unwrap()),
            has_nik: true,
            decided_on: "2023-11-08".parse().unwrap(),
            scheme: Scheme::P3mi,
            sector: Some(c.sector),
            country: &country,
            documents: &c.docs,
            checklist: &checklist,
            medical_validity_days: 90,
            closed: &closed,
            active_letter: c.active,
            unacknowledged: &c.warnings,
            interview: &c.interview,
            interview_note: None,
        })
        .into_iter()
        .map(|f| f.reason)
        .collect()
    }

    #[test]
    fn each_rule_on_its_own() {
        use RefusalReason::*;
        assert_eq!(reasons(eligible()), []);
        assert_eq!(
            reasons(Case {
                birth: "2005-11-09",
                ..eligible()
            }),
            [UnderAge]
        );
        assert_eq!(
            reasons(Case {
                docs: vec![doc(DocumentKind::Ktp)],
                ..eligible()
            }),
            [DocsIncomplete]
        );
        assert_eq!(
            reasons(Case {
                country: "SA",
                ..eligible()
            }),
            [DestinationClosed]
        );
        assert_eq!(
            reasons(Case {
                country: "SA",
                sector: Sector::Formal,
                ..eligible()
            }),
            [],
            "only informal is closed"
        );
        assert_eq!(
            reasons(Case {
                country: "SY",
                sector: Sector::Formal,
                ..eligible()
            }),
            [DestinationClosed]
        );
        assert_eq!(
            reasons(Case {
                active: Some("B.0001/X/I/2023"),
                ..eligible()
            }),
            [ActiveRecommendationExists]
        );
        let warning = Warning::new(
            crate::domain::warning::WarningCode::NikSexMismatch,
            crate::i18n::Said::verbatim("x"),
        );
        assert_eq!(
            reasons(Case {
                warnings: vec![warning],
                ..eligible()
            }),
            [IdentityMismatch]
        );
        assert_eq!(
            reasons(Case {
                interview: vec![TraffickingIndication],
                ..eligible()
            }),
            [TraffickingIndication]
        );
    }

    #[test]
    fn several_rules_at_once() {
        use RefusalReason::*;
        let all = reasons(Case {
            birth: "2010-01-01",
            docs: vec![],
            country: "SA",
            active: Some("B"),
            ..eligible()
        });
        assert_eq!(
            all,
            [
                UnderAge,
                DocsIncomplete,
                DestinationClosed,
                ActiveRecommendationExists
            ]
        );
    }

    #[test]
    fn closed_rules_round_trip() {
        let rules = parse_closed("sa:*:informal, SY").unwrap();
        assert_eq!(format_closed(&rules), "SA:*:INFORMAL,SY:*:*");
        assert!(parse_closed("SA:NOPE").is_err());
    }
}
