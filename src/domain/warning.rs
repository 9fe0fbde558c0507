//! A warning: something unusual the clerk must see and confirm, recorded with the record it concerns.

/// What a warning is about: the stable code kept in the audit log and in a record's accepted
/// warnings. Closed: these are the warnings this version raises. Codes read back from stored
/// accepted warnings stay text (`accepted_codes`), compared by code, because another office or
/// another version may have accepted one this version does not raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarningCode {
    NikBirthDateMismatch,
    NikSexMismatch,
    NikRegencyDiffers,
    NikDistrictUnknown,
    PhoneUnusual,
    PassportUnusual,
    PersonDiffers,
    EarlierPlacementAbroad,
    DestinationClosed,
    DepartureDocumentsLacking,
    DepartureBeforePassport,
    PassportExpiresSoon,
    ReportedBeforeDeparture,
}

impl WarningCode {
    pub const ALL: &'static [WarningCode] = &[
        WarningCode::NikBirthDateMismatch,
        WarningCode::NikSexMismatch,
        WarningCode::NikRegencyDiffers,
        WarningCode::NikDistrictUnknown,
        WarningCode::PhoneUnusual,
        WarningCode::PassportUnusual,
        WarningCode::PersonDiffers,
        WarningCode::EarlierPlacementAbroad,
        WarningCode::DestinationClosed,
        WarningCode::DepartureDocumentsLacking,
        WarningCode::DepartureBeforePassport,
        WarningCode::PassportExpiresSoon,
        WarningCode::ReportedBeforeDeparture,
    ];

    /// The code as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::NikBirthDateMismatch => "NIK_BIRTH_DATE_MISMATCH",
            WarningCode::NikSexMismatch => "NIK_SEX_MISMATCH",
            WarningCode::NikRegencyDiffers => "NIK_REGENCY_DIFFERS",
            WarningCode::NikDistrictUnknown => "NIK_DISTRICT_UNKNOWN",
            WarningCode::PhoneUnusual => "PHONE_UNUSUAL",
            WarningCode::PassportUnusual => "PASSPORT_UNUSUAL",
            WarningCode::PersonDiffers => "PERSON_DIFFERS",
            WarningCode::EarlierPlacementAbroad => "EARLIER_PLACEMENT_ABROAD",
            WarningCode::DestinationClosed => "DESTINATION_CLOSED",
            WarningCode::DepartureDocumentsLacking => "DEPARTURE_DOCUMENTS_LACKING",
            WarningCode::DepartureBeforePassport => "DEPARTURE_BEFORE_PASSPORT",
            WarningCode::PassportExpiresSoon => "PASSPORT_EXPIRES_SOON",
            WarningCode::ReportedBeforeDeparture => "REPORTED_BEFORE_DEPARTURE",
        }
    }
}

/// A stored code; one this version does not raise is an error naming it.
impl std::str::FromStr for WarningCode {
    type Err = super::audit::UnknownCode;
    fn from_str(code: &str) -> Result<WarningCode, Self::Err> {
        WarningCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == code)
            .ok_or_else(|| super::audit::UnknownCode {
                vocabulary: "warning",
                code: code.to_string(),
            })
    }
}

impl std::fmt::Display for WarningCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// What it is about, kept in the audit log.
    pub code: WarningCode,
    /// What the clerk is shown, put into words where it is shown.
    pub message: crate::i18n::Said,
}

/// How accepted warnings travel with a record: `NIK_SEX_MISMATCH|NIK_BIRTH_DATE_MISMATCH by siti
/// at 2026-11-02T09:00:00.000Z` (the codes, who accepted them, when).
pub fn accepted_text(codes: &[&str], clerk: &str, at: &crate::domain::record::Timestamp) -> String {
    let clerk: String = clerk
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    format!("{} by {clerk} at {at}", codes.join("|"))
}

/// The codes of accepted warnings (`accepted_text`).
pub fn accepted_codes(text: &str) -> Vec<&str> {
    let codes = text.split(' ').next().unwrap_or_default();
    codes.split('|').filter(|c| !c.is_empty()).collect()
}

impl Warning {
    pub fn new(code: WarningCode, message: crate::i18n::Said) -> Warning {
        Warning { code, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_warning_code_reads_back_and_an_unknown_one_is_named() {
        for c in WarningCode::ALL {
            assert_eq!(c.as_str().parse::<WarningCode>(), Ok(*c));
        }
        let e = "NIK_TOO_OLD".parse::<WarningCode>().unwrap_err();
        assert_eq!(e.to_string(), "unknown warning code 'NIK_TOO_OLD'");
    }
}
