//! SQL for the `persons` table and its uid aliases.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::records::{from_row, query_one, select_list};
use crate::domain::identity::{AliasUid, StoredPersonUid};
use crate::domain::person::{search_words, Person};
use crate::domain::Nik;
use crate::error::usage;
use crate::i18n::Msg;
use crate::t;

/// How many persons are stored.
pub fn count(conn: &Connection) -> Result<i64> {
    conn.query_row("SELECT count(*) FROM persons", [], |r| r.get(0))
        .context("counting the persons")
}

/// By uid, or by another office's uid recorded as an alias of a stored person.
pub fn by_uid(conn: &Connection, uid: &str) -> Result<Option<Person>> {
    query_one(
        conn,
        "WHERE r.uid = ?1 OR r.uid = (SELECT person_uid FROM person_aliases WHERE alias_uid = ?1)",
        [uid],
    )
}

/// The person holding a NIK (the first stored, when offices' records clash on it).
pub fn by_nik(conn: &Connection, nik: &Nik) -> Result<Option<Person>> {
    query_one(
        conn,
        "WHERE r.nik = ?1 ORDER BY r.rowid LIMIT 1",
        [nik.as_str()],
    )
}

/// Every person holding a NIK: one, or several whose offices' records clash on it.
pub fn all_by_nik(conn: &Connection, nik: &Nik) -> Result<Vec<Person>> {
    super::records::query(conn, "WHERE r.nik = ?1 ORDER BY r.uid", [nik.as_str()])
}

/// What the clerk typed, as a search: digits only (four or more) are the start of a NIK, anything
/// else parts of the name (`persons_words`: the name's letters and digits written together, in a
/// trigram index, see `Person::words`).
enum Search {
    Nik(String),
    Name(String),
}

/// A name search needs this many letters: the index holds runs of three.
pub const NAME_SEARCH_LETTERS: usize = 3;

impl Search {
    /// `None` for a text too short to search a name by.
    fn of(text: &str) -> Option<Search> {
        let trimmed = text.trim();
        if trimmed.len() >= 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Some(Search::Nik(trimmed.to_string()));
        }
        // Each typed part must be in the name written together, in any order ("nur aini" and
        // "nuraini" find "Nur'aini", "putri desy" finds "Désy-Putri"); a part shorter than a
        // trigram is joined to the part after it ("siti a" looks for "sitia").
        let mut parts: Vec<String> = Vec::new();
        let mut short = String::new();
        for word in search_words(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            short.push_str(word);
            if short.chars().count() >= NAME_SEARCH_LETTERS {
                parts.push(std::mem::take(&mut short));
            }
        }
        match parts.last_mut() {
            Some(last) => last.push_str(&short),
            None => return None,
        }
        let query = parts
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(" AND ");
        Some(Search::Name(query))
    }

    /// The persons (`r`) found, from `FROM` to the end of `WHERE`, with the statement's two
    /// parameters; the rowid they are ordered by (the most recently stored first) is `order`.
    fn matching(&self) -> (&'static str, &'static str, String, String) {
        match self {
            // The NIK index, read as a range: `prefix <= nik < prefix + ':'` (':' follows '9').
            Search::Nik(prefix) => (
                "persons r WHERE r.nik >= ?1 AND r.nik < ?2",
                "r.rowid",
                prefix.clone(),
                format!("{prefix}:"),
            ),
            // The full-text index gives its rows in rowid order itself (`?2 = ?2`: both searches
            // take the same two parameters).
            Search::Name(query) => (
                "persons_words w JOIN persons r ON r.rowid = w.rowid
                 WHERE persons_words MATCH ?1 AND ?2 = ?2",
                "w.rowid",
                query.clone(),
                String::new(),
            ),
        }
    }
}

/// A person with a placement (a worker), for `search_sql`.
const WORKER: &str = "EXISTS (SELECT 1 FROM placements pl WHERE pl.person_uid = r.uid)";

/// The statement `search_workers` runs on what `matching` finds (`?1`, `?2`; `?3` the limit).
fn search_sql(found: &str, order: &str) -> String {
    format!(
        "SELECT {} FROM {found} AND {WORKER} ORDER BY {order} DESC LIMIT ?3",
        select_list::<Person>("r")
    )
}

/// The statement `search_workers` runs for `text`, if the text can be searched.
#[cfg(test)]
pub(super) fn search_sql_for(text: &str) -> Option<(String, String, String)> {
    let (found, order, a, b) = Search::of(text)?.matching();
    Some((search_sql(found, order), a, b))
}

/// The persons the text finds (`Search`) who have a placement (`worker find`), the most recently
/// stored first, at most `limit`; and how many there are in all.
pub fn search_workers(
    conn: &Connection,
    text: &str,
    limit: Option<i64>,
) -> Result<(Vec<Person>, i64)> {
    let Some(search) = Search::of(text) else {
        return Err(usage(t!(Msg::SearchTooShort, NAME_SEARCH_LETTERS)));
    };
    let (found, order, a, b) = search.matching();
    let mut stmt = conn.prepare(&search_sql(found, order))?;
    let persons = stmt
        .query_map(params![a, b, limit.unwrap_or(-1)], |row| {
            from_row::<Person>(row, 0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total = super::filter::total(persons.len(), limit, || {
        super::filter::count_rows(
            conn,
            &format!("{found} AND {WORKER}"),
            vec![a.clone().into(), b.clone().into()],
        )
    })?;
    Ok((persons, total))
}

/// The names of the persons these uids name (those stored).
pub fn names<'a>(
    conn: &Connection,
    uids: impl Iterator<Item = &'a str>,
) -> Result<std::collections::HashMap<String, String>> {
    let mut stmt = conn.prepare_cached("SELECT full_name FROM persons WHERE uid = ?1")?;
    let mut names = std::collections::HashMap::new();
    for uid in uids {
        if let Some(name) = stmt.query_row([uid], |r| r.get(0)).optional()? {
            names.insert(uid.to_string(), name);
        }
    }
    Ok(names)
}

/// Records that another office's uid names a person stored here.
pub fn insert_alias(
    conn: &Connection,
    AliasUid(alias_uid): AliasUid,
    StoredPersonUid(person_uid): StoredPersonUid,
) -> Result<()> {
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
