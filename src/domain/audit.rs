//! The closed vocabularies of the audit log: what an entry is about (`RecordKind`) and what was
//! done (`Action`), each as the code stored in `audit_log`. Their words for clerks are in
//! `views` (`record_kind_label`, `action_label`).
//!
//! Both keep a code this version does not know as `Other`: the log is append-only and
//! hash-chained, so entries written by older versions (or by a newer version, before a
//! downgrade) are never rewritten and must still be shown as they are. Writing goes through the
//! known variants only; `known` turns a code given as text into one, and refuses any other.

use std::fmt;

/// An unknown code where only known ones may be written: names the code and its vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    pub vocabulary: &'static str,
    pub code: String,
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} code '{}'", self.vocabulary, self.code)
    }
}

impl std::error::Error for UnknownCode {}

/// A vocabulary of stored codes, with an `Other` for codes this version does not know.
macro_rules! stored_vocabulary {
    ($(#[$doc:meta])* $name:ident, $vocabulary:literal { $($variant:ident => $code:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
            /// A code this version does not write (see the module comment).
            Other(String),
        }

        impl $name {
            /// Every known code, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant,)*];

            /// The code as stored.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $code,)*
                    $name::Other(code) => code,
                }
            }

            /// A known code, or an error naming it (for writing).
            pub fn known(code: &str) -> Result<Self, UnknownCode> {
                match code {
                    $($code => Ok($name::$variant),)*
                    other => Err(UnknownCode {
                        vocabulary: $vocabulary,
                        code: other.to_string(),
                    }),
                }
            }
        }

        /// A stored code, kept as `Other` when this version does not know it.
        impl From<&str> for $name {
            fn from(code: &str) -> Self {
                Self::known(code).unwrap_or_else(|_| $name::Other(code.to_string()))
            }
        }

        impl From<String> for $name {
            fn from(code: String) -> Self {
                Self::from(code.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(code))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

stored_vocabulary! {
    /// What an audit entry is about: a kind of record, or something else a command wrote or read
    /// out (a setting, a file, an exchange site...).
    RecordKind, "record kind" {
        Person => "person",
        Placement => "placement",
        Document => "document",
        Recommendation => "recommendation",
        Case => "case",
        CaseEvent => "case_event",
        Repatriation => "repatriation",
        Warning => "warning",
        Database => "database",
        Export => "export",
        Import => "import",
        Setting => "setting",
        Site => "site",
        File => "file",
        Query => "query",
        Listing => "listing",
        // The digests of an import's new rows, kept as one batch (`db::digest::BATCH_KIND`).
        DigestBatch => "digests",
    }
}

stored_vocabulary! {
    /// What an audit entry says was done.
    Action, "audit action" {
        Create => "create",
        Update => "update",
        Void => "void",
        Used => "used",
        Handover => "handover",
        Import => "import",
        Export => "export",
        Alias => "alias",
        ConflictKeptLocal => "conflict_kept_local",
        WarningsAccepted => "warnings_accepted",
        // What `review` writes when a clerk accepts an office's warnings for a record.
        AcceptWarnings => "accept_warnings",
        Remove => "remove",
        Verify => "verify",
        Set => "set",
        Print => "print",
        RefusalDetails => "refusal_details",
        Merge => "merge",
        Resolve => "resolve",
        Forget => "forget",
        Trust => "trust",
        Write => "write",
        Init => "init",
        Demo => "demo",
        Stored => "stored",
        ReadOut => "read_out",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_code_reads_back_as_itself() {
        for kind in RecordKind::KNOWN {
            assert_eq!(&RecordKind::from(kind.as_str()), kind);
            assert_eq!(RecordKind::known(kind.as_str()).as_ref(), Ok(kind));
        }
        for action in Action::KNOWN {
            assert_eq!(&Action::from(action.as_str()), action);
        }
    }

    #[test]
    fn an_unknown_stored_code_is_kept_and_refused_for_writing() {
        assert_eq!(
            Action::from("frobnicate"),
            Action::Other("frobnicate".into())
        );
        assert_eq!(Action::from("frobnicate").as_str(), "frobnicate");
        let e = Action::known("frobnicate").unwrap_err();
        assert_eq!(e.to_string(), "unknown audit action code 'frobnicate'");
        assert!(RecordKind::known("persons").is_err());
    }

    /// Regression: the entry vouching for an import's new rows (`digests`) was shown raw in `log`.
    #[test]
    fn the_digest_batch_kind_is_the_one_the_database_writes() {
        assert_eq!(
            RecordKind::from(crate::db::digest::BATCH_KIND),
            RecordKind::DigestBatch
        );
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = Action::KNOWN.iter().map(Action::as_str).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Action::KNOWN.len());
        let mut kinds: Vec<&str> = RecordKind::KNOWN.iter().map(RecordKind::as_str).collect();
        kinds.sort();
        kinds.dedup();
        assert_eq!(kinds.len(), RecordKind::KNOWN.len());
    }
}
