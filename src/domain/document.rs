//! Documents checked for a placement, and the per-scheme checklist that says which are still missing.

use chrono::NaiveDate;

use super::record::{parse_uid, Timestamp};
use super::version::Versions;
use super::{DocumentKind, Scheme};
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::said;

crate::record! {
    /// A document checked for a placement (documents.csv).
    pub struct Document in "documents" as "document", version updated_at {
        uid: String => "uid" as "document_uid" via parse_uid,
        placement_uid: String => "placement_uid" as "placement_uid" via parse_uid,
        kind: DocumentKind => "kind" as "kind",
        number: Option<String> => "number" as "number",
        issued_on: Option<NaiveDate> => "issued_on" as "issued_on",
        expires_on: Option<NaiveDate> => "expires_on" as "expires_on",
        verified_on: Option<NaiveDate> => "verified_on" as "verified_on",
        verified_by: Option<String> => "verified_by" as "verified_by",
        created_at: Timestamp => "created_at",
        updated_at: Timestamp => "updated_at" as "updated_at",
        /// A removed document is kept, with when and why, and no longer counts.
        removed_on: Option<NaiveDate> => "removed_on" as "removed_on",
        removed_reason: Option<String> => "removed_reason" as "removed_reason",
        versions: Versions => "versions" as "versions",
    }
}

impl Document {
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

/// A KTP's number is its holder's NIK: one that differs from the NIK on record (a slip in
/// either) is said, for the clerk to check both.
pub fn ktp_differs(document: &Document, nik: Option<&super::Nik>) -> Option<crate::i18n::Said> {
    let number = document.number.as_deref()?.trim();
    let nik = nik?;
    let digits: String = number.chars().filter(|c| c.is_ascii_digit()).collect();
    (document.kind == DocumentKind::Ktp && digits != nik.as_str())
        .then(|| said!(Msg::KtpNotNik, number, nik))
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
            return Err(Invalid(said!(Msg::ChecklistEmpty)));
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
            created_at: Default::default(),
            updated_at: Default::default(),
            removed_on: None,
            removed_reason: None,
            versions: Versions::unset(),
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
