//! A warning: something unusual the clerk must see and confirm, recorded with the record it concerns.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// A stable code, e.g. `NIK_SEX_MISMATCH`, kept in the audit log.
    pub code: &'static str,
    /// The sentence shown to the clerk, in the chosen language.
    pub message: String,
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
    pub fn new(code: &'static str, message: String) -> Warning {
        Warning { code, message }
    }
}
