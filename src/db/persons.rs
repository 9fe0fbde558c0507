//! SQL for the `persons` table and its uid aliases.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::records::{from_row, query_one, select_list};
use crate::domain::person::{search_words, Person};
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

/// What the clerk typed, as a search: digits only (four or more) are the start of a NIK, anything
/// else words that begin words of a name (`persons_words`, see `Person::words`).
enum Search {
    Nik(String),
    Words(String),
}

impl Search {
    fn of(text: &str) -> Option<Search> {
        let trimmed = text.trim();
        if trimmed.len() >= 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Some(Search::Nik(trimmed.to_string()));
        }
        // Each typed word must begin a word of the name (`"siti"* "rah"*`), or the words typed
        // together must begin the name written together or one of its words ("nur aini" finds
        // "Nur'aini", "sitinurhaliza" finds "Siti-Nurhaliza").
        let words: Vec<String> = search_words(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let each: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
        match words.len() {
            0 => None,
            1 => Some(Search::Words(each.join(" "))),
            _ => Some(Search::Words(format!(
                "({}) OR \"{}\"*",
                each.join(" "),
                words.concat()
            ))),
        }
    }

    /// The rowids of matching persons, newest first, and the statement's two parameters.
    fn matching(&self) -> (&'static str, String, String) {
        match self {
            // The NIK index, read as a range: `prefix <= nik < prefix + ':'` (':' follows '9').
            Search::Nik(prefix) => (
                "SELECT rowid FROM persons WHERE nik >= ?1 AND nik < ?2 ORDER BY rowid DESC",
                prefix.clone(),
                format!("{prefix}:"),
            ),
            // (`?2 = ?2`: both searches take the same two parameters.)
            Search::Words(query) => (
                "SELECT rowid FROM persons_words WHERE persons_words MATCH ?1 AND ?2 = ?2
                 ORDER BY rowid DESC",
                query.clone(),
                String::new(),
            ),
        }
    }
}

/// Persons whose name has words beginning with the words typed (case, accents and apostrophes
/// ignored; a name written together also matches: "nuraini" finds "Nur Aini") or whose NIK
/// starts with the digits typed; the newest first.
pub fn search(conn: &Connection, text: &str, limit: i64) -> Result<Vec<Person>> {
    let Some(search) = Search::of(text) else {
        return Ok(Vec::new());
    };
    let (matching, a, b) = search.matching();
    let mut stmt = conn.prepare(&format!(
        "WITH found AS ({matching}) SELECT {} FROM found JOIN persons r ON r.rowid = found.rowid
         LIMIT ?3",
        select_list::<Person>("r")
    ))?;
    let rows = stmt.query_map(params![a, b, limit], |row| from_row::<Person>(row, 0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The persons `search` finds who have a placement (`worker find`), at most `limit`, and how
/// many there are in all.
pub fn search_workers(
    conn: &Connection,
    text: &str,
    limit: Option<i64>,
) -> Result<(Vec<Person>, i64)> {
    let Some(search) = Search::of(text) else {
        return Ok((Vec::new(), 0));
    };
    let (matching, a, b) = search.matching();
    let worker = "EXISTS (SELECT 1 FROM placements pl WHERE pl.person_uid = r.uid)";
    let mut stmt = conn.prepare(&format!(
        "WITH found AS ({matching}) SELECT {} FROM found JOIN persons r ON r.rowid = found.rowid
         WHERE {worker} LIMIT ?3",
        select_list::<Person>("r")
    ))?;
    let persons = stmt
        .query_map(params![a, b, limit.unwrap_or(-1)], |row| {
            from_row::<Person>(row, 0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total = conn.query_row(
        &format!(
            "WITH found AS ({matching}) SELECT count(*) FROM found
             JOIN persons r ON r.rowid = found.rowid WHERE {worker}"
        ),
        params![a, b],
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
