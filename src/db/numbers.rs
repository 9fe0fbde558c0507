//! The numbers offices give their records (registration, letter, case, repatriation, handover
//! record): each from its per-year counter, inside the command's transaction, skipping any number
//! already held by a record (one received from elsewhere, or a copy of this database), so that
//! numbering never stalls.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension};

use super::counters;

/// A series of numbers, with the column that holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    Registration,
    Letter,
    Case,
    Repatriation,
    Handover,
}

impl Series {
    /// The counter's name (`counters.name`) and where its numbers are kept.
    fn parts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Series::Registration => ("registration", "placements", "registration_number"),
            Series::Letter => ("letter", "recommendations", "letter_number"),
            Series::Case => ("case", "cases", "case_number"),
            Series::Repatriation => ("repatriation", "repatriations", "repatriation_number"),
            Series::Handover => ("handover", "repatriations", "handover_record_number"),
        }
    }
}

/// Whether a record holds `number` in the series.
pub fn taken(conn: &Connection, series: Series, number: &str) -> Result<bool> {
    let (_, table, column) = series.parts();
    Ok(conn
        .prepare_cached(&format!(
            "SELECT 1 FROM {table} WHERE {column} = ?1 LIMIT 1"
        ))?
        .query_row([number], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The next free number of the series for `year`, written by `make` from the counter's value.
pub fn next(
    conn: &Connection,
    series: Series,
    year: i32,
    make: impl Fn(i64) -> String,
) -> Result<String> {
    let (name, _, _) = series.parts();
    loop {
        let number = make(counters::next(conn, name, year)?);
        if !taken(conn, series, &number)? {
            return Ok(number);
        }
    }
}
