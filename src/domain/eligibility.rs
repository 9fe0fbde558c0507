//! Whether a placement may receive a passport recommendation: every rule is checked and every
//! failure reported at once, each with its refusal code and a plain explanation.

use chrono::NaiveDate;

use super::document::{Checklist, Document, ItemState};
use super::registration::age_problem;
use super::{CodeList, CountryCode, RefusalReason, Scheme, Sector, Warning};
use crate::error::Invalid;
use crate::i18n::{lang, Msg};
use crate::t;

/// One failed rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub reason: RefusalReason,
    pub explanation: String,
}

/// A closed destination: a country, optionally only for one scheme or sector (`SA:*:INFORMAL`).
#[derive(Clone, Debug, PartialEq)]
pub struct ClosedRule {
    pub country: CountryCode,
    pub scheme: Option<Scheme>,
    pub sector: Option<Sector>,
}

/// Parses `COUNTRY[:SCHEME[:SECTOR]]` entries separated by commas; `*` means any.
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
    let mut add = |reason, explanation| {
        findings.push(Finding {
            reason,
            explanation,
        })
    };
    match f.birth_date {
        Some(birth) if age_problem(birth, f.decided_on).is_some() => add(
            RefusalReason::UnderAge,
            age_problem(birth, f.decided_on).unwrap_or_default(),
        ),
        None => add(RefusalReason::IdentityMismatch, t!(Msg::BirthDateUnknown)),
        _ => {}
    }
    let lacking: Vec<String> = f
        .checklist
        .assess(f.documents, f.decided_on, f.medical_validity_days)
        .into_iter()
        .filter_map(|(kinds, state)| {
            let names = kinds
                .iter()
                .map(|k| CodeList::label(*k, lang()))
                .collect::<Vec<_>>()
                .join(" / ");
            match state {
                ItemState::Present(_) => None,
                ItemState::Unverified(_) => Some(format!("{names} ({})", t!(Msg::DocUnverified))),
                ItemState::Expired(_) => Some(format!("{names} ({})", t!(Msg::DocExpired))),
                ItemState::Missing => Some(format!("{names} ({})", t!(Msg::DocMissing))),
            }
        })
        .collect();
    if !lacking.is_empty() {
        add(
            RefusalReason::DocsIncomplete,
            t!(Msg::DocsIncomplete, lacking.join(", ")),
        );
    }
    if !f.has_nik {
        add(RefusalReason::IdentityMismatch, t!(Msg::NikMissing));
    }
    if !f.unacknowledged.is_empty() {
        let messages: Vec<&str> = f
            .unacknowledged
            .iter()
            .map(|w| w.message.as_str())
            .collect();
        add(
            RefusalReason::IdentityMismatch,
            t!(Msg::NikWarningsOpen, messages.join("; ")),
        );
    }
    let closed = f.closed.iter().find(|r| {
        &r.country == f.country
            && r.scheme.is_none_or(|s| s == f.scheme)
            && r.sector.is_none_or(|s| Some(s) == f.sector)
    });
    if closed.is_some() {
        let sector = f.sector.map(|s| s.label()).unwrap_or("-");
        add(
            RefusalReason::DestinationClosed,
            t!(
                Msg::DestinationClosed,
                f.country.name(lang()),
                f.scheme.label(),
                sector
            ),
        );
    }
    if let Some(letter) = f.active_letter {
        add(
            RefusalReason::ActiveRecommendationExists,
            t!(Msg::ActiveRecommendation, letter),
        );
    }
    for reason in f.interview {
        let note = f.interview_note.unwrap_or("");
        add(*reason, t!(Msg::InterviewFinding, reason.label(), note));
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
        let warning = Warning::new("NIK_SEX_MISMATCH", "x".into());
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
