//! SQL for the `settings` table: office settings as key/value text.

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
        r.get(0)
    })
    .optional()
    .with_context(|| format!("reading setting {key}"))
}

pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )
    .with_context(|| format!("writing setting {key}"))?;
    Ok(())
}

/// Removes a setting; whether it was there.
pub fn remove(conn: &Connection, key: &str) -> Result<bool> {
    Ok(conn
        .execute("DELETE FROM settings WHERE key = ?1", [key])
        .with_context(|| format!("removing setting {key}"))?
        > 0)
}

pub fn all(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
