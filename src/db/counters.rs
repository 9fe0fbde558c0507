//! SQL for the per-year counters behind registration, letter, case and repatriation numbers. The
//! counter is raised inside the command's IMMEDIATE transaction, so two clerks never get one number.

use anyhow::Result;
use rusqlite::{params, Connection};

/// Raises the counter `name` for `year` and returns the new value (1 for the first of the year).
pub fn next(conn: &Connection, name: &str, year: i32) -> Result<i64> {
    let value = conn.query_row(
        "INSERT INTO counters (name, year, value) VALUES (?1, ?2, 1)
         ON CONFLICT(name, year) DO UPDATE SET value = value + 1
         RETURNING value",
        params![name, year],
        |r| r.get(0),
    )?;
    Ok(value)
}

/// Makes sure the counter is at least `value` (after importing numbered records).
pub fn raise_to(conn: &Connection, name: &str, year: i32, value: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO counters (name, year, value) VALUES (?1, ?2, ?3)
         ON CONFLICT(name, year) DO UPDATE SET value = max(value, excluded.value)",
        params![name, year, value],
    )?;
    Ok(())
}

/// The counter's current value (0 before the first number of the year).
pub fn current(conn: &Connection, name: &str, year: i32) -> Result<i64> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT value FROM counters WHERE name = ?1 AND year = ?2",
            params![name, year],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}
