//! SQL for the review items (`domain::review`): each kind read from what marks it in the data (the
//! kept writes, the rows in a clash, a placement's contradicting facts, a person's unaccepted
//! warnings, a case's review codes), through indexes that hold only those rows.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use rusqlite::types::Value;
use rusqlite::Connection;

use crate::domain::placement::{contradictions, Placement};
use crate::domain::record::Record;
use crate::domain::review::{Item, ReviewKind, Side};
use crate::domain::version::{Dot, Site, Versions};
use crate::exchange::FileKind;

/// A record kind's name, table and `(exchange column, database column)` pairs.
fn frame<R: Record>() -> (
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
) {
    (
        R::KIND,
        R::TABLE,
        R::columns()
            .iter()
            .filter_map(|c| c.exchange.map(|e| (e, c.name)))
            .collect(),
    )
}

fn office_of(offices: &HashMap<Site, String>, dot: Option<Dot>) -> Option<String> {
    dot.and_then(|d| offices.get(&d.site).cloned())
}

/// Every site's office, this one's included.
fn offices(conn: &Connection) -> Result<HashMap<Site, String>> {
    let mut out = super::site::offices(conn)?;
    if let (Ok(site), Some(office)) = (
        super::site::own_site(conn),
        super::settings::get(conn, "office.code")?,
    ) {
        out.insert(site, office);
    }
    Ok(out)
}

/// Fields written differently at two offices, with both values.
fn field_conflicts(conn: &Connection, offices: &HashMap<Site, String>) -> Result<Vec<Item>> {
    let frames: Vec<_> = FileKind::RECORDS
        .into_iter()
        .map(|k| crate::by_kind!(k, frame))
        .collect();
    let mut stmt = conn.prepare(
        "SELECT record_kind, record_uid, field, version, value FROM kept_writes
         ORDER BY record_uid, field, version",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut grouped: BTreeMap<(String, String, String), Vec<(String, String)>> = BTreeMap::new();
    for (kind, uid, field, version, value) in rows {
        grouped
            .entry((kind, uid, field))
            .or_default()
            .push((version, value));
    }
    let mut out = Vec::new();
    for ((kind, uid, field), kept) in grouped {
        // Two offices' acceptances of a person's warnings are no choice to make: what the winner
        // does not accept is listed as a warning.
        if field == "accepted_warnings" {
            continue;
        }
        let Some((kind, table, columns)) = frames.iter().find(|(k, _, _)| *k == kind) else {
            continue;
        };
        let Some((_, column)) = columns.iter().find(|(e, _)| *e == field) else {
            continue;
        };
        let current: Option<(Option<String>, String)> = conn
            .prepare_cached(&format!(
                "SELECT CAST({column} AS TEXT), versions FROM {table} WHERE uid = ?1"
            ))?
            .query_row([&uid], |r| Ok((r.get(0)?, r.get(1)?)))
            .ok();
        let Some((value, versions)) = current else {
            continue;
        };
        let value = value.unwrap_or_default();
        let winner = Versions::load(&versions)
            .ok()
            .and_then(|v| v.dot_of(&field));
        let mut sides = vec![Side {
            kind,
            uid: uid.clone(),
            value: Some(value.clone()),
            office: office_of(offices, winner),
        }];
        for (version, v) in kept {
            if v.is_empty() || v == value || sides.iter().any(|s| s.value.as_deref() == Some(&v)) {
                continue;
            }
            sides.push(Side {
                kind,
                uid: uid.clone(),
                value: Some(v),
                office: office_of(offices, Dot::parse(&version).ok()),
            });
        }
        if sides.len() > 1 {
            out.push(Item::new(ReviewKind::FieldConflict, &field, sides));
        }
    }
    Ok(out)
}

/// Rows in a clash, grouped by the value they share.
fn clashes(conn: &Connection) -> Result<Vec<Item>> {
    let groups: [(&str, &str, &str, &str, ReviewKind, &str); 8] = [
        (
            "persons",
            "person",
            "nik",
            "nik IS NOT NULL",
            ReviewKind::NikTaken,
            "nik",
        ),
        (
            "placements",
            "placement",
            "person_uid",
            "stage IN ('REGISTERED', 'RECOMMENDED')",
            ReviewKind::OpenPlacements,
            "",
        ),
        (
            "placements",
            "placement",
            "registration_number",
            "registration_number IS NOT NULL",
            ReviewKind::NumberTaken,
            "registration_number",
        ),
        (
            "documents",
            "document",
            "placement_uid || ' ' || kind",
            "removed_on IS NULL",
            ReviewKind::LiveDocuments,
            "",
        ),
        (
            "recommendations",
            "recommendation",
            "placement_uid",
            "status = 'ISSUED'",
            ReviewKind::IssuedLetters,
            "",
        ),
        (
            "recommendations",
            "recommendation",
            "letter_number",
            "letter_number IS NOT NULL",
            ReviewKind::NumberTaken,
            "letter_number",
        ),
        (
            "cases",
            "case",
            "case_number",
            "1",
            ReviewKind::NumberTaken,
            "case_number",
        ),
        (
            "repatriations",
            "repatriation",
            "repatriation_number",
            "repatriation_number IS NOT NULL",
            ReviewKind::NumberTaken,
            "repatriation_number",
        ),
    ];
    let mut out = Vec::new();
    for (table, kind, key, condition, review, topic) in groups {
        let sql = format!(
            "SELECT {key}, uid FROM {table} WHERE clash <> 0 AND {condition} ORDER BY 1, uid"
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, Value>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, uid) in rows {
            let k = match k {
                Value::Text(t) => t,
                Value::Integer(i) => i.to_string(),
                _ => continue,
            };
            by_key.entry(k).or_default().push(uid);
        }
        for (k, uids) in by_key {
            if uids.len() < 2 {
                continue;
            }
            let topic = match review {
                ReviewKind::LiveDocuments => k.split(' ').nth(1).unwrap_or("").to_string(),
                _ => topic.to_string(),
            };
            let sides = uids
                .into_iter()
                .map(|uid| Side {
                    kind,
                    uid,
                    value: Some(k.clone()),
                    office: None,
                })
                .collect();
            out.push(Item::new(review, &topic, sides));
        }
    }
    Ok(out)
}

/// Placements whose facts contradict each other.
fn contradicted(conn: &Connection) -> Result<Vec<Item>> {
    let placements: Vec<Placement> = super::records::query(
        conn,
        "WHERE (r.cancel_reason IS NOT NULL AND (r.departed_on IS NOT NULL OR r.returned_on IS NOT NULL))
            OR (r.returned_on IS NOT NULL AND (r.departed_on IS NULL OR r.returned_on < r.departed_on))
         ORDER BY r.uid",
        [],
    )?;
    let mut out = Vec::new();
    for p in placements {
        for c in contradictions(&p) {
            out.push(Item::new(
                ReviewKind::Contradiction,
                c.code(),
                vec![Side {
                    kind: "placement",
                    uid: p.uid.clone(),
                    value: None,
                    office: None,
                }],
            ));
        }
    }
    Ok(out)
}

/// Persons with warnings nobody accepted, and cases whose events want a look.
fn flagged(conn: &Connection) -> Result<Vec<Item>> {
    let mut out = Vec::new();
    let mut stmt =
        conn.prepare("SELECT uid, warnings FROM persons WHERE warnings IS NOT NULL ORDER BY uid")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (uid, codes) in rows {
        out.push(Item::new(
            ReviewKind::Warning,
            &codes,
            vec![Side {
                kind: "person",
                uid,
                value: Some(codes.clone()),
                office: None,
            }],
        ));
    }
    let mut stmt =
        conn.prepare("SELECT uid, review FROM cases WHERE review IS NOT NULL ORDER BY uid")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (uid, codes) in rows {
        for code in codes.split('|') {
            let kind = match crate::domain::case::CaseReview::parse(code) {
                Some(crate::domain::case::CaseReview::StatusClash) => ReviewKind::StatusClash,
                Some(crate::domain::case::CaseReview::ActedWhileClosed) => {
                    ReviewKind::ActedWhileClosed
                }
                None => continue,
            };
            out.push(Item::new(
                kind,
                "",
                vec![Side {
                    kind: "case",
                    uid: uid.clone(),
                    value: None,
                    office: None,
                }],
            ));
        }
    }
    Ok(out)
}

/// Every open review item, by kind then id.
pub fn open(conn: &Connection) -> Result<Vec<Item>> {
    let offices = offices(conn)?;
    let mut items = field_conflicts(conn, &offices)?;
    items.extend(clashes(conn)?);
    items.extend(contradicted(conn)?);
    items.extend(flagged(conn)?);
    items.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.id.cmp(&b.id)));
    Ok(items)
}

/// How many items are open.
pub fn count(conn: &Connection) -> Result<usize> {
    Ok(open(conn)?.len())
}

/// How a clerk knows a record: a person by name and NIK, a placement by its number and worker, a
/// letter, case or return by its number, a document by its kind and placement.
pub fn describe(conn: &Connection, kind: &str, uid: &str) -> Result<String> {
    use rusqlite::OptionalExtension;
    let one = |sql: &str| -> Result<Option<String>> {
        Ok(conn
            .prepare_cached(sql)?
            .query_row([uid], |r| r.get::<_, String>(0))
            .optional()?)
    };
    let text = match kind {
        "person" => {
            one("SELECT full_name || coalesce(' (' || nik || ')', '') FROM persons WHERE uid = ?1")?
        }
        "placement" => one(
            "SELECT coalesce(p.registration_number, p.legacy_number, p.uid) || ' ' || pe.full_name
             FROM placements p JOIN persons pe ON pe.uid = p.person_uid WHERE p.uid = ?1",
        )?,
        "document" => one(
            "SELECT d.kind || ' ' || coalesce(p.registration_number, p.legacy_number, p.uid)
             FROM documents d JOIN placements p ON p.uid = d.placement_uid WHERE d.uid = ?1",
        )?,
        "recommendation" => {
            one("SELECT coalesce(letter_number, uid) FROM recommendations WHERE uid = ?1")?
        }
        "case" => one("SELECT case_number FROM cases WHERE uid = ?1")?,
        "repatriation" => one(
            "SELECT coalesce(repatriation_number, legacy_number, uid) FROM repatriations
             WHERE uid = ?1",
        )?,
        _ => None,
    };
    Ok(text.unwrap_or_else(|| uid.to_string()))
}

/// The item with this id, if it is open.
pub fn find(conn: &Connection, id: &str) -> Result<Option<Item>> {
    let id = id.trim().to_ascii_uppercase();
    Ok(open(conn)?.into_iter().find(|i| i.id == id))
}
