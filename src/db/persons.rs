//! SQL for the `persons` table and its uid aliases.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

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

/// What a name search leaves out on both sides: spaces, apostrophes, hyphens and dots, so that
/// "nuraini" finds "Nur'aini" and "Nur Aini", and "siti nurhaliza" finds "Siti-Nurhaliza".
const IGNORED_IN_NAMES: &[char] = &[
    ' ', '\'', '\u{2019}', '\u{2018}', '\u{02BC}', '`', '\u{00B4}', '-', '\u{2010}', '\u{2011}',
    '\u{2013}', '\u{2014}', '.',
];

/// The search text as names are compared: the stored key's rules (`search_key`: case and accents
/// ignored), without the characters above.
fn name_needle(text: &str) -> String {
    search_key(text).replace(IGNORED_IN_NAMES, "")
}

/// The stored `name_key` with the same characters removed, in SQL (the key itself is unchanged:
/// no migration needed).
fn name_haystack() -> String {
    IGNORED_IN_NAMES
        .iter()
        .fold("r.name_key".to_string(), |sql, c| {
            let c = if *c == '\'' {
                "''".to_string()
            } else {
                c.to_string()
            };
            format!("replace({sql}, '{c}', '')")
        })
}

/// `?1` a NIK prefix (digits only), else `?2` part of a name.
fn search_condition() -> String {
    format!(
        "((?1 IS NOT NULL AND r.nik LIKE ?1 || '%') OR (?1 IS NULL AND instr({}, ?2) > 0))",
        name_haystack()
    )
}

fn search_params(text: &str) -> (Option<String>, String) {
    let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    let nik_prefix = if digits.len() >= 4 && digits.len() == text.trim().len() {
        Some(digits)
    } else {
        None
    };
    (nik_prefix, name_needle(text))
}

/// Persons whose name contains the text (case, accents, spaces, apostrophes and hyphens ignored)
/// or whose NIK starts with it.
pub fn search(conn: &Connection, text: &str, limit: i64) -> Result<Vec<Person>> {
    let (nik_prefix, needle) = search_params(text);
    query(
        conn,
        &format!(
            "WHERE {} ORDER BY r.full_name, r.uid LIMIT ?3",
            search_condition()
        ),
        params![nik_prefix, needle, limit],
    )
}

/// The persons `search` finds who have a placement (`worker find`), at most `limit`, and how
/// many there are in all.
pub fn search_workers(
    conn: &Connection,
    text: &str,
    limit: Option<i64>,
) -> Result<(Vec<Person>, i64)> {
    let (nik_prefix, needle) = search_params(text);
    let condition = format!(
        "WHERE {} AND EXISTS (SELECT 1 FROM placements pl WHERE pl.person_uid = r.uid)",
        search_condition()
    );
    let persons = query(
        conn,
        &format!("{condition} ORDER BY r.full_name, r.uid LIMIT ?3"),
        params![nik_prefix, needle, limit.unwrap_or(-1)],
    )?;
    let total = conn.query_row(
        &format!("SELECT count(*) FROM persons r {condition}"),
        params![nik_prefix, needle],
        |r| r.get(0),
    )?;
    Ok((persons, total))
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
    Ok(conn
        .prepare_cached("SELECT person_uid FROM person_aliases WHERE alias_uid = ?1")?
        .query_row([alias_uid], |r| r.get(0))
        .optional()?)
}

/// The stored uid (another office's alias resolved) and birth date of a person, if stored.
pub fn uid_and_birth(conn: &Connection, uid: &str) -> Result<Option<(String, Option<NaiveDate>)>> {
    let row: Option<(String, Option<String>)> = conn
        .prepare_cached(
            "SELECT uid, birth_date FROM persons WHERE uid = ?1
             UNION ALL SELECT p.uid, p.birth_date FROM person_aliases a JOIN persons p ON p.uid = a.person_uid
             WHERE a.alias_uid = ?1 LIMIT 1",
        )?
        .query_row([uid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.map(|(uid, birth)| (uid, birth.and_then(|b| b.parse().ok()))))
}
