//! Validated values and the office's rules, free of input and output: a value becomes one of these
//! types once, from a flag, a prompt, a CSV cell or a database row, through the same parser.

#[macro_use]
pub mod codes;
pub mod audit;
pub mod calendar;
pub mod case;

pub mod contact;
pub mod country;
pub mod date;
pub mod decision;
pub mod document;
pub mod eligibility;
#[cfg(test)]
pub mod fixtures;
pub mod group;
pub mod identity;
pub mod nik;
pub mod person;
pub mod placement;
pub mod recommendation;
pub mod record;
pub mod region;
pub mod registration;
pub mod repatriation;
pub mod review;
pub mod rules;
pub mod text;
pub mod version;
pub mod warning;

pub use codes::*;
pub use country::CountryCode;
pub use nik::Nik;
pub use region::RegencyCode;
pub use warning::{Warning, WarningCode};
