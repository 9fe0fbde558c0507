//! SQL for the `persons` table and its uid aliases.

use anyhow::Result;
use rusqlite::{params, Connection};

use super::records::{query, query_one};
use crate::domain::person::{search_key, Person};
use crate::domain::Nik;

/// By uid, or by another office's uid recorded as an alias of a stored person.
pub fn by_uid(conn: &Connection, uid: &str) -> Result<Option<Person>> {
    query_one(
        conn,
        "WHERE r.uid = ?1 OR r.uid = (SELECT person_uid FROM person_aliases WHERE alias_uid = ?1)",
        [uid],
    )
}

pub fn by_nik(conn: &Connection, nik: &Nik) -> Result<Option<Person>> {
    query_one(conn, "WHERE r.nik = ?1", [nik.as_str()])
}

/// Persons whose name contains the text (accents and case ignored) or whose NIK starts with it.
pub fn search(conn: &Connection, text: &str, limit: i64) -> Result<Vec<Person>> {
    let key = search_key(text);
    let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    let nik_prefix = if digits.len() >= 4 && digits.len() == text.trim().len() {
        Some(digits)
    } else {
        None
    };
    query(
        conn,
        "WHERE (?1 IS NOT NULL AND r.nik LIKE ?1 || '%') OR (?1 IS NULL AND instr(r.name_key, ?2) > 0)
         ORDER BY r.full_name, r.uid LIMIT ?3",
        params![nik_prefix, key, limit],
    )
}

/// Records that another office's uid names a person stored here.
pub fn insert_alias(conn: &Connection, alias_uid: &str, person_uid: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO person_aliases (alias_uid, person_uid) VALUES (?1, ?2)",
    )?
    .execute(params![alias_uid, person_uid])?;
    Ok(())
}

/// The stored person another office's uid names, when it is an alias.
pub fn alias_target(conn: &Connection, alias_uid: &str) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached("SELECT person_uid FROM person_aliases WHERE alias_uid = ?1")?
        .query_row([alias_uid], |r| r.get(0))
        .optional()?)
}
