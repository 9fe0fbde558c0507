//! SQL for the `persons` table and its uid aliases.

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::columns::{date_text, opt, opt_date};
use crate::domain::person::{search_key, Person};
use crate::domain::Nik;

const COLUMNS: &str =
    "uid, nik, full_name, sex, birth_place, birth_date, regency_code, address, phone, \
                       education, marital_status, office_code, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        uid: r.get(0)?,
        nik: opt(r, 1)?,
        full_name: r.get(2)?,
        sex: opt(r, 3)?,
        birth_place: r.get(4)?,
        birth_date: opt_date(r, 5)?,
        regency: opt(r, 6)?,
        address: r.get(7)?,
        phone: r.get(8)?,
        education: opt(r, 9)?,
        marital_status: opt(r, 10)?,
        office_code: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

pub fn by_uid(conn: &Connection, uid: &str) -> Result<Option<Person>> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM persons WHERE uid = ?1
             OR uid = (SELECT person_uid FROM person_aliases WHERE alias_uid = ?1)"
        ),
        [uid],
        from_row,
    )
    .optional()
    .context("reading a person")
}

pub fn by_nik(conn: &Connection, nik: &Nik) -> Result<Option<Person>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM persons WHERE nik = ?1"),
        [nik.as_str()],
        from_row,
    )
    .optional()
    .context("reading a person by NIK")
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
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM persons
         WHERE (?1 IS NOT NULL AND nik LIKE ?1 || '%') OR (?1 IS NULL AND instr(name_key, ?2) > 0)
         ORDER BY full_name, uid LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![nik_prefix, key, limit], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts or updates, with the same values in the order of `COLUMNS` (then name_key).
fn save(conn: &Connection, sql: &str, p: &Person) -> Result<()> {
    conn.execute(
        sql,
        params![
            p.uid,
            p.nik.as_ref().map(Nik::as_str),
            p.full_name,
            p.sex.map(|s| s.code()),
            p.birth_place,
            date_text(p.birth_date),
            p.regency.as_ref().map(|r| r.as_str()),
            p.address,
            p.phone,
            p.education.map(|e| e.code()),
            p.marital_status.map(|m| m.code()),
            p.office_code,
            p.created_at,
            p.updated_at,
            search_key(&p.full_name),
        ],
    )
    .context("saving a person")?;
    Ok(())
}

pub fn insert(conn: &Connection, p: &Person) -> Result<()> {
    let marks: Vec<String> = (1..=super::column_count(COLUMNS) + 1)
        .map(|i| format!("?{i}"))
        .collect();
    save(
        conn,
        &format!(
            "INSERT INTO persons ({COLUMNS}, name_key) VALUES ({})",
            marks.join(",")
        ),
        p,
    )
}

pub fn update(conn: &Connection, p: &Person) -> Result<()> {
    let columns = format!("{COLUMNS}, name_key");
    save(
        conn,
        &format!(
            "UPDATE persons SET {} WHERE uid = ?1",
            super::assignments(&columns)
        ),
        p,
    )
}

/// Every record changed after `since` (all when `None`), in uid order, one at a time.
pub fn each(
    conn: &Connection,
    since: Option<&str>,
    f: impl FnMut(Person) -> Result<()>,
) -> Result<()> {
    super::each_row(
        conn,
        &format!("SELECT {COLUMNS} FROM persons WHERE ?1 IS NULL OR updated_at > ?1 ORDER BY uid"),
        since,
        from_row,
        f,
    )
}

/// Records that another office's uid names a person stored here.
pub fn insert_alias(conn: &Connection, alias_uid: &str, person_uid: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO person_aliases (alias_uid, person_uid) VALUES (?1, ?2)",
        params![alias_uid, person_uid],
    )?;
    Ok(())
}
