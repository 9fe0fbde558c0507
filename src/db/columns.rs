//! Turning stored text back into validated values, through the same parsers as any other input.

use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::Row;

use crate::error::Invalid;

fn bad(index: usize, error: Invalid) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(error))
}

/// A required column parsed into its domain type.
pub fn req<T: FromStr<Err = Invalid>>(row: &Row, index: usize) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    text.parse().map_err(|e| bad(index, e))
}

/// An optional column parsed into its domain type.
pub fn opt<T: FromStr<Err = Invalid>>(row: &Row, index: usize) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(index)?;
    text.map(|t| t.parse().map_err(|e| bad(index, e)))
        .transpose()
}

fn parse_stored_date(text: &str) -> Result<NaiveDate, Invalid> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Invalid(format!("stored date '{text}'")))
}

pub fn req_date(row: &Row, index: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(index)?;
    parse_stored_date(&text).map_err(|e| bad(index, e))
}

pub fn opt_date(row: &Row, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(index)?;
    text.map(|t| parse_stored_date(&t).map_err(|e| bad(index, e)))
        .transpose()
}

/// A date as stored: `YYYY-MM-DD`.
pub fn date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}
