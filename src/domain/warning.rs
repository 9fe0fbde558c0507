//! A warning: something unusual the clerk must see and confirm, recorded with the record it concerns.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// A stable code, e.g. `NIK_SEX_MISMATCH`, kept in the audit log.
    pub code: &'static str,
    /// The sentence shown to the clerk, in the chosen language.
    pub message: String,
}

impl Warning {
    pub fn new(code: &'static str, message: String) -> Warning {
        Warning { code, message }
    }
}
