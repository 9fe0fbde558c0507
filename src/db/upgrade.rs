//! The steps of a migration that SQL alone cannot take, run in the migration's own transaction
//! after its script (what needs the domain's rules): the hooks `migrate::MIGRATIONS` names.

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};

use crate::domain::case::{case_state, seen_by_new_event, CaseEvent};
use crate::domain::person::name_words;
use crate::domain::record::Timestamp;
use crate::domain::version::{Dot, Site, Versions};
use crate::domain::{CaseEventKind, Nik, Sex};

/// After 0008: case events become facts, warnings accepted before travel as accepted, and the
/// letters of other offices carry those offices' versions.
pub(super) fn convergence(conn: &Connection) -> Result<()> {
    case_events_as_facts(conn)?;
    warnings_accepted_before(conn)?;
    letters_of_other_offices(conn)
}

/// Fills the name index from every stored person (the columns of that schema only).
pub(super) fn index_names(conn: &Connection) -> Result<()> {
    let mut insert = conn.prepare("INSERT INTO persons_words (rowid, words) VALUES (?1, ?2)")?;
    let mut stmt = conn.prepare("SELECT rowid, full_name FROM persons")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let name: String = row.get(1)?;
        insert.execute(params![row.get::<_, i64>(0)?, name_words(&name)])?;
    }
    Ok(())
}

fn next_seq(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "UPDATE change_sequence SET value = value + 1 RETURNING value",
        [],
        |r| r.get(0),
    )?)
}

/// A case event as this upgrade reads it (the columns of schema 8 it needs, never a later
/// declaration's).
fn event_of(r: &rusqlite::Row) -> rusqlite::Result<CaseEvent> {
    let text = |i: usize| -> rusqlite::Result<Option<String>> { r.get(i) };
    let bad = |i: usize, e: crate::error::Invalid| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    Ok(CaseEvent {
        uid: r.get(0)?,
        case_uid: r.get(1)?,
        occurred_on: text(2)?
            .unwrap_or_default()
            .parse()
            .map_err(|_| bad(2, crate::error::Invalid::verbatim("date")))?,
        kind: CaseEventKind::StatusChange,
        partner: None,
        letter_number: None,
        note: None,
        status_from: None,
        awaiting: None,
        contacted: false,
        clerk: None,
        created_at: Timestamp::default(),
        status_to: text(3)?
            .map(|s| s.parse())
            .transpose()
            .map_err(|e| bad(3, e))?,
        closure_reason: text(4)?
            .map(|s| s.parse())
            .transpose()
            .map_err(|e| bad(4, e))?,
        seen: Default::default(),
        versions: Versions::load(&text(5)?.unwrap_or_default()).map_err(|e| bad(5, e))?,
    })
}

/// Each case's events, oldest first, learn what they had seen (every earlier event here), and a
/// case whose stored status its events do not give (one received before status changes
/// travelled) gets the status change that gives it, recorded by the upgrade.
fn case_events_as_facts(conn: &Connection) -> Result<()> {
    let mut cases = conn.prepare(
        "SELECT uid, status, closure_reason, closed_on, reported_on, office_code FROM cases
         ORDER BY rowid",
    )?;
    let rows = cases
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut events_of = conn.prepare(
        "SELECT uid, case_uid, occurred_on, status_to, closure_reason, versions FROM case_events
         WHERE case_uid = ?1 ORDER BY created_at, rowid",
    )?;
    let now = Timestamp::from_datetime(chrono::Utc::now());
    for (uid, status, closure, closed_on, reported_on, office) in rows {
        let mut events = events_of
            .query_map([&uid], event_of)?
            .collect::<rusqlite::Result<Vec<CaseEvent>>>()?;
        for i in 0..events.len() {
            let seen = seen_by_new_event(&events[..i]);
            events[i].seen = seen;
            let seq = next_seq(conn)?;
            conn.execute(
                "UPDATE case_events SET seen = ?1, seq = ?2 WHERE uid = ?3",
                params![events[i].seen.to_text(), seq, events[i].uid],
            )?;
        }
        let state = case_state(&events);
        if state.status.code() == status
            && state.closure_reason.map(|c| c.code().to_string()) == closure
            && state.closed_on.map(|d| d.to_string()) == closed_on
        {
            continue;
        }
        let seq = next_seq(conn)?;
        let occurred = closed_on
            .or_else(|| events.iter().map(|e| e.occurred_on.to_string()).max())
            .unwrap_or(reported_on);
        // Every office that held the case makes this same event (uid, versions), so that two
        // offices upgraded apart hold one closing, not two concurrent ones.
        let event_uid = uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_OID,
            format!("pmi-desk upgrade status {uid}").as_bytes(),
        )
        .to_string();
        conn.execute(
            "INSERT INTO case_events (uid, case_uid, occurred_on, kind, status_to, closure_reason,
                 clerk, created_at, seq, seen, versions, contacted)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pmi-desk', ?7, ?8, ?9, ?10, 0)",
            params![
                event_uid,
                uid,
                occurred,
                CaseEventKind::StatusChange.code(),
                status,
                closure,
                now.as_str(),
                seq,
                seen_by_new_event(&events).to_text(),
                Versions::created(Dot::new(Site::legacy(&office), 1)).to_string(),
            ],
        )?;
        conn.execute(
            "INSERT INTO audit_log (at, clerk, command, record_kind, record_uid, action, changes)
             VALUES (?1, 'pmi-desk', 'upgrade', 'case_event', ?2, 'create',
                     json_object('status_to', json_array(NULL, ?3)))",
            params![now.as_str(), event_uid, status],
        )?;
    }
    Ok(())
}

/// A letter another office issued, received here before version 2, is that office's decision:
/// its versions are of that office's legacy site (`Site::legacy`), as at every other office that
/// upgrades, so that it travels on with its office's authority and not this one's.
fn letters_of_other_offices(conn: &Connection) -> Result<()> {
    let own: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'office.code'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let mut stmt = conn
        .prepare("SELECT DISTINCT office_code FROM recommendations WHERE office_code IS NOT ?1")?;
    let codes = stmt
        .query_map([&own], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut letters =
        conn.prepare("SELECT uid, office_code FROM recommendations WHERE office_code = ?1")?;
    for code in codes {
        let versions = Versions::created(Dot::new(Site::legacy(&code), 1)).to_string();
        let uids = letters
            .query_map([&code], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for uid in uids {
            let seq = next_seq(conn)?;
            conn.execute(
                "UPDATE recommendations SET versions = ?1, seq = ?2 WHERE uid = ?3",
                params![versions, seq, uid],
            )?;
        }
    }
    Ok(())
}

/// A person saved before warnings travelled had its warnings accepted by the clerk who saved it
/// (pmi-desk saves nothing else): they are recorded as accepted, so that they wait for no one.
fn warnings_accepted_before(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT uid, nik, sex, birth_date, regency_code, updated_at FROM persons
         WHERE nik IS NOT NULL ORDER BY rowid",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (uid, nik, sex, birth, regency, updated_at) in rows {
        let Ok(nik) = nik.parse::<Nik>() else {
            continue;
        };
        let sex: Option<Sex> = sex.and_then(|s| s.parse().ok());
        let birth = birth.and_then(|b| b.parse().ok());
        let warnings = nik.warnings(birth, sex, regency.as_deref());
        let codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
        if codes.is_empty() {
            continue;
        }
        let seq = next_seq(conn)?;
        let at = Timestamp::parse(&updated_at).unwrap_or_default();
        conn.execute(
            "UPDATE persons SET accepted_warnings = ?1, seq = ?2 WHERE uid = ?3",
            params![
                crate::domain::warning::accepted_text(&codes, "pmi-desk", &at),
                seq,
                uid
            ],
        )?;
    }
    Ok(())
}
