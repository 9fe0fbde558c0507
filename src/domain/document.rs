//! Documents checked for a placement, and the per-scheme checklist that says which are still missing.

use chrono::NaiveDate;

use super::person::{date, opt};
use super::{DocumentKind, Scheme};
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::t;

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub uid: String,
    pub placement_uid: String,
    pub kind: DocumentKind,
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub verified_on: Option<NaiveDate>,
    pub verified_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

impl Document {
    /// The document's columns in the exchange format's order (documents.csv).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("document_uid", self.uid.clone()),
            ("placement_uid", self.placement_uid.clone()),
            ("kind", self.kind.to_string()),
            ("number", opt(&self.number)),
            ("issued_on", date(&self.issued_on)),
            ("expires_on", date(&self.expires_on)),
            ("verified_on", date(&self.verified_on)),
            ("verified_by", opt(&self.verified_by)),
            ("updated_at", self.updated_at.clone()),
        ]
    }

    /// Expired on `today`: past its expiry date, or (for a medical certificate) older than the
    /// validity setting counted from its issue date.
    pub fn expired(&self, today: NaiveDate, medical_validity_days: i64) -> bool {
        if self.expires_on.is_some_and(|d| d < today) {
            return true;
        }
        self.kind == DocumentKind::MedicalCertificate
            && self
                .issued_on
                .is_some_and(|issued| (today - issued).num_days() > medical_validity_days)
    }
}

/// Items a placement must have; each item is satisfied by any one of its kinds
/// (`BIRTH_CERTIFICATE|DIPLOMA`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checklist(pub Vec<Vec<DocumentKind>>);

impl std::str::FromStr for Checklist {
    type Err = Invalid;

    fn from_str(s: &str) -> Result<Checklist, Invalid> {
        let mut items = Vec::new();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let kinds = item
                .split('|')
                .map(|k| k.parse::<DocumentKind>())
                .collect::<Result<Vec<_>, _>>()?;
            items.push(kinds);
        }
        if items.is_empty() {
            return Err(Invalid(t!(Msg::ChecklistEmpty)));
        }
        Ok(Checklist(items))
    }
}

impl std::fmt::Display for Checklist {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let items: Vec<String> = self
            .0
            .iter()
            .map(|kinds| kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join("|"))
            .collect();
        f.write_str(&items.join(","))
    }
}

/// The documents of UU 18/2017 Art. 13 and the office's usual identity papers; P3MI placements add
/// the company's recruitment permit and cover letter.
pub fn default_checklist(scheme: Scheme) -> Checklist {
    let mut text = String::from(
        "KTP,KK,BIRTH_CERTIFICATE|DIPLOMA,MARITAL_STATUS_LETTER,FAMILY_PERMISSION,COMPETENCE_CERTIFICATE,\
         MEDICAL_CERTIFICATE,PASSPORT,WORK_VISA,PLACEMENT_AGREEMENT,EMPLOYMENT_CONTRACT,BPJS_MEMBERSHIP",
    );
    if scheme == Scheme::P3mi {
        text.push_str(",SIP2MI,P3MI_COVER_LETTER");
    }
    text.parse().expect("default checklist names known kinds")
}

/// The documents the passport recommendation needs (identity, family permission, marital status),
/// plus the company's permit and cover letter for P3MI placements.
pub fn default_passport_checklist(scheme: Scheme) -> Checklist {
    let mut text =
        String::from("KTP,KK,BIRTH_CERTIFICATE|DIPLOMA,FAMILY_PERMISSION,MARITAL_STATUS_LETTER");
    if scheme == Scheme::P3mi {
        text.push_str(",SIP2MI,P3MI_COVER_LETTER");
    }
    text.parse().expect("default checklist names known kinds")
}

/// How one checklist item stands for a placement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemState {
    Present(DocumentKind),
    Unverified(DocumentKind),
    Expired(DocumentKind),
    Missing,
}

impl Checklist {
    pub fn assess(
        &self,
        documents: &[Document],
        today: NaiveDate,
        medical_validity_days: i64,
    ) -> Vec<(Vec<DocumentKind>, ItemState)> {
        self.0
            .iter()
            .map(|kinds| {
                let candidates: Vec<&Document> = documents
                    .iter()
                    .filter(|d| kinds.contains(&d.kind))
                    .collect();
                let state = if let Some(d) = candidates
                    .iter()
                    .find(|d| d.verified_on.is_some() && !d.expired(today, medical_validity_days))
                {
                    ItemState::Present(d.kind)
                } else if let Some(d) = candidates
                    .iter()
                    .find(|d| !d.expired(today, medical_validity_days))
                {
                    ItemState::Unverified(d.kind)
                } else if let Some(d) = candidates.first() {
                    ItemState::Expired(d.kind)
                } else {
                    ItemState::Missing
                };
                (kinds.clone(), state)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: DocumentKind, issued: Option<&str>, verified: bool) -> Document {
        Document {
            uid: "d".into(),
            placement_uid: "p".into(),
            kind,
            number: None,
            issued_on: issued.map(|s| s.parse().unwrap()),
            expires_on: None,
            verified_on: verified.then(|| "2023-01-01".parse().unwrap()),
            verified_by: None,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn checklist_round_trips_and_rejects_unknown_kinds() {
        let list: Checklist = "KTP, kk ,birth_certificate|DIPLOMA".parse().unwrap();
        assert_eq!(list.to_string(), "KTP,KK,BIRTH_CERTIFICATE|DIPLOMA");
        assert!("KTP,VISA_ON_ARRIVAL".parse::<Checklist>().is_err());
        assert!(" , ".parse::<Checklist>().is_err());
    }

    #[test]
    fn p3mi_checklist_adds_company_papers() {
        assert_eq!(
            default_checklist(Scheme::Mandiri).0.len() + 2,
            default_checklist(Scheme::P3mi).0.len()
        );
    }

    #[test]
    fn alternatives_unverified_and_stale_medical_certificates() {
        let list: Checklist = "BIRTH_CERTIFICATE|DIPLOMA,MEDICAL_CERTIFICATE,KTP"
            .parse()
            .unwrap();
        let today = "2023-06-01".parse().unwrap();
        let docs = [
            doc(DocumentKind::Diploma, None, true),
            doc(DocumentKind::MedicalCertificate, Some("2023-01-02"), true),
            doc(DocumentKind::Ktp, None, false),
        ];
        let states: Vec<ItemState> = list
            .assess(&docs, today, 90)
            .into_iter()
            .map(|s| s.1)
            .collect();
        assert_eq!(
            states,
            [
                ItemState::Present(DocumentKind::Diploma),
                ItemState::Expired(DocumentKind::MedicalCertificate),
                ItemState::Unverified(DocumentKind::Ktp)
            ]
        );
    }
}
