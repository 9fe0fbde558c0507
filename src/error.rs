//! The three ways a command can fail, and the exit code each one means (see docs/cli.md).

use std::fmt;

/// A failure whose kind decides the exit code. Anything else that reaches `main` is a refusal (1),
/// except SQLite and file-system errors, which are storage failures (3).
#[derive(Debug)]
pub enum Failure {
    /// Exit 1: an invalid value, a business rule, a record not found, an import rejected.
    Refused(String),
    /// Exit 2: the command line itself is incomplete or wrong.
    Usage(String),
    /// Exit 3: the database or a file cannot be read or written.
    Storage(String),
    /// Exit 4: done, but records wait for a clerk's review (an import that brought clashes
    /// between offices): for nightly scripts, a success that needs a person's eye.
    Attention(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Refused(m)
            | Failure::Usage(m)
            | Failure::Storage(m)
            | Failure::Attention(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Failure {}

/// A value that failed validation: the message naming the value, put into words where it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub crate::i18n::Said);

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Invalid {
    /// A refusal already in words (an error chain from a library, shown as it is).
    pub fn verbatim(text: impl Into<String>) -> Invalid {
        Invalid(crate::i18n::Said::verbatim(text))
    }
}

impl From<crate::i18n::Said> for Invalid {
    fn from(said: crate::i18n::Said) -> Invalid {
        Invalid(said)
    }
}

impl std::error::Error for Invalid {}

pub fn refused(message: impl Into<String>) -> anyhow::Error {
    Failure::Refused(message.into()).into()
}

pub fn usage(message: impl Into<String>) -> anyhow::Error {
    Failure::Usage(message.into()).into()
}

pub fn storage(message: impl Into<String>) -> anyhow::Error {
    Failure::Storage(message.into()).into()
}

pub fn attention(message: impl Into<String>) -> anyhow::Error {
    Failure::Attention(message.into()).into()
}

/// The exit code for an error that reached `main`.
pub fn exit_code(error: &anyhow::Error) -> i32 {
    for cause in error.chain() {
        if let Some(failure) = cause.downcast_ref::<Failure>() {
            return match failure {
                Failure::Refused(_) => 1,
                Failure::Usage(_) => 2,
                Failure::Storage(_) => 3,
                Failure::Attention(_) => 4,
            };
        }
        if cause.downcast_ref::<Invalid>().is_some() {
            return 1;
        }
        if cause.downcast_ref::<rusqlite::Error>().is_some()
            || cause.downcast_ref::<std::io::Error>().is_some()
        {
            return 3;
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_failure_kind_through_context() {
        assert_eq!(exit_code(&refused("x")), 1);
        assert_eq!(exit_code(&usage("x").context("while parsing")), 2);
        assert_eq!(exit_code(&storage("x")), 3);
        assert_eq!(exit_code(&attention("x")), 4);
        let io: anyhow::Error = std::io::Error::other("disk").into();
        assert_eq!(exit_code(&io.context("writing")), 3);
        assert_eq!(exit_code(&Invalid::verbatim("bad").into()), 1);
        assert_eq!(exit_code(&anyhow::anyhow!("plain")), 1);
    }
}
