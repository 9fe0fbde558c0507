//! SQL for the audit log: every change a writing command makes, in the same transaction, each
//! entry chained to the one before it (`audit_chain`).

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::{audit_chain, Tx};
use crate::domain::audit::{Action, RecordKind};
use crate::domain::record::Timestamp;

/// Who is doing what, shared by every entry a command writes.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The moment of the command, as stamped on what it writes.
    pub now: DateTime<Utc>,
    pub clerk: String,
    pub command: String,
}

impl Actor {
    pub fn at(&self) -> Timestamp {
        Timestamp::from_datetime(self.now)
    }
}

/// One field's old and new value.
pub type Change = (String, Option<String>, Option<String>);

/// The fields that differ between two versions of a record, given as `(column, value)` lists.
pub fn diff(old: &[(&'static str, String)], new: &[(&'static str, String)]) -> Vec<Change> {
    let value = |v: &String| (!v.is_empty()).then(|| v.clone());
    new.iter()
        .filter_map(|(key, new_value)| {
            let old_value = old
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (old_value != *new_value)
                .then(|| (key.to_string(), value(&old_value), value(new_value)))
        })
        .filter(|(key, _, _)| key != "updated_at" && key != "seq")
        .collect()
}

/// Every field of a new record, as changes from nothing.
pub fn created(fields: &[(&'static str, String)]) -> Vec<Change> {
    diff(&[], fields)
}

/// An entry about `uid`: when this transaction wrote that record since its last entry, the entry
/// carries the digest of the record as stored now (`db::digest`).
pub fn note(
    tx: &Tx,
    actor: &Actor,
    kind: RecordKind,
    uid: &str,
    action: Action,
    changes: &[Change],
) -> Result<()> {
    let digest = tx.touched.take(tx, kind.as_str(), uid)?;
    if tx.actor.borrow().is_none() {
        *tx.actor.borrow_mut() = Some(actor.clone());
    }
    entry(
        tx,
        actor,
        kind.as_str(),
        uid,
        action.as_str(),
        changes,
        digest.as_deref(),
    )
}

/// `note` for the generic record code, which names kinds by `Record::KIND` and takes the action
/// from its caller: a code this version does not know is a mistake in pmi-desk, refused before
/// anything is written.
pub fn record(
    tx: &Tx,
    actor: &Actor,
    kind: &str,
    uid: &str,
    action: &str,
    changes: &[Change],
) -> Result<()> {
    note(
        tx,
        actor,
        RecordKind::known(kind)?,
        uid,
        Action::known(action)?,
        changes,
    )
}

/// At the commit: one entry (kind `digests`, uid the batch number) that vouches for the new rows
/// an import stored, its digest the batch's (`db::digest::Batch`).
pub fn vouch_for_the_batch(tx: &Tx) -> Result<()> {
    let Some((number, digest, count)) = tx.batch.finish() else {
        return Ok(());
    };
    let actor = tx.actor.borrow().clone().unwrap_or_else(|| Actor {
        now: Utc::now(),
        clerk: "-".into(),
        command: "-".into(),
    });
    let changes = [("records".to_string(), None, Some(count.to_string()))];
    entry(
        tx,
        &actor,
        RecordKind::DigestBatch.as_str(),
        &number.to_string(),
        Action::Stored.as_str(),
        &changes,
        Some(&digest),
    )
}

/// At the commit: one entry (`stored`) for each record written without an entry of its own (an
/// import's new rows, the records a merge moved to another person), with its digest.
pub fn vouch_for_the_rest(tx: &Tx) -> Result<()> {
    let rest = tx.touched.rest();
    if rest.is_empty() {
        return Ok(());
    }
    let actor = tx.actor.borrow().clone().unwrap_or_else(|| Actor {
        now: Utc::now(),
        clerk: "-".into(),
        command: "-".into(),
    });
    let kinds = super::digest::kinds();
    for (kind, uid) in rest {
        let Some(k) = kinds.iter().find(|k| k.kind == kind) else {
            continue;
        };
        let digest = super::digest::stored(tx, k, &uid)?;
        entry(
            tx,
            &actor,
            kind,
            &uid,
            Action::Stored.as_str(),
            &[],
            Some(&digest),
        )?;
    }
    Ok(())
}

fn entry(
    conn: &Connection,
    actor: &Actor,
    kind: &str,
    uid: &str,
    action: &str,
    changes: &[Change],
    digest: Option<&str>,
) -> Result<()> {
    let mut map = Map::new();
    for (field, old, new) in changes {
        map.insert(
            field.clone(),
            Value::Array(vec![old.clone().into(), new.clone().into()]),
        );
    }
    let at = actor.at();
    let changes = Value::Object(map).to_string();
    // Chained onto the latest entry inside the writer's IMMEDIATE transaction: no other clerk can
    // take the same link meanwhile.
    let (id, prev) = audit_chain::next_link(conn)?;
    let mut content: Vec<&[u8]> = vec![
        at.as_str().as_bytes(),
        actor.clerk.as_bytes(),
        actor.command.as_bytes(),
        kind.as_bytes(),
        uid.as_bytes(),
        action.as_bytes(),
        changes.as_bytes(),
    ];
    // The digest, where there is one, is the eighth field the hash covers.
    content.extend(digest.map(str::as_bytes));
    let hash = audit_chain::entry_hash(&prev, id, &content);
    conn.prepare_cached(
        "INSERT INTO audit_log
             (id, at, clerk, command, record_kind, record_uid, action, changes, prev_hash, hash, digest)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        id,
        at.as_str(),
        actor.clerk,
        actor.command,
        kind,
        uid,
        action,
        changes,
        prev,
        hash,
        digest
    ])?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub at: String,
    pub clerk: String,
    pub command: String,
    pub record_kind: RecordKind,
    pub record_uid: String,
    pub action: Action,
    pub changes: String,
}

pub fn entries(
    conn: &Connection,
    since: Option<&str>,
    record_uid: Option<&str>,
) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(
        "SELECT at, clerk, command, record_kind, record_uid, action, changes FROM audit_log
         WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR record_uid = ?2)
         ORDER BY id",
    )?;
    let rows = stmt.query_map(params![since, record_uid], |r| {
        Ok(Entry {
            at: r.get(0)?,
            clerk: r.get(1)?,
            command: r.get(2)?,
            record_kind: RecordKind::from(r.get::<_, String>(3)?),
            record_uid: r.get(4)?,
            action: Action::from(r.get::<_, String>(5)?),
            changes: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Where exports (folders and workbooks) and written files went, each once.
pub fn export_paths(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT record_uid FROM audit_log WHERE record_kind IN ('export', 'file')",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

/// The kind and SHA-256 that the latest entry for a file written at `name` recorded.
pub fn last_file(conn: &Connection, name: &str) -> Result<Option<(String, String)>> {
    let changes: Option<String> = conn
        .query_row(
            "SELECT changes FROM audit_log WHERE record_uid = ?1 AND record_kind = 'file'
             ORDER BY id DESC LIMIT 1",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    let Some(changes) = changes else {
        return Ok(None);
    };
    let value: Value = serde_json::from_str(&changes).unwrap_or_default();
    let new = |field: &str| value[field][1].as_str().map(str::to_string);
    Ok(new("kind").zip(new("sha256")))
}

/// Warning codes the clerk has accepted for a record (from `warnings_accepted` entries).
pub fn accepted_warning_codes(conn: &Connection, uid: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT changes FROM audit_log WHERE record_uid = ?1 AND action = 'warnings_accepted' ORDER BY id",
    )?;
    let rows = stmt.query_map([uid], |r| r.get::<_, String>(0))?;
    let mut codes = Vec::new();
    for changes in rows {
        if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&changes?) {
            codes.extend(
                map.keys()
                    .map(|k| k.split_once(':').map(|(_, c)| c).unwrap_or(k).to_string()),
            );
        }
    }
    Ok(codes)
}

/// The entries `log` shows, the newest first unless `oldest_first`: at or after `since`, about the
/// records `uids` names (every record when `None`), at most `limit`; and how many there are in all.
pub fn listed(
    conn: &Connection,
    since: Option<&str>,
    uids: Option<&[String]>,
    limit: Option<i64>,
    oldest_first: bool,
) -> Result<(Vec<Entry>, i64)> {
    let uids = uids.map(|u| Value::from(u.to_vec()).to_string());
    let mut c = super::filter::Conditions::default();
    c.when("at >= ?", super::filter::text(since)).when(
        "record_uid IN (SELECT value FROM json_each(?))",
        super::filter::text(uids),
    );
    let mut stmt = conn.prepare(&format!(
        "SELECT at, clerk, command, record_kind, record_uid, action, changes FROM audit_log
         {} {} LIMIT ?",
        c.clause(),
        super::filter::newest_first(&["id"], oldest_first)
    ))?;
    let rows = stmt.query_map(params_from_iter(c.values_and_limit(limit)), |r| {
        Ok(Entry {
            at: r.get(0)?,
            clerk: r.get(1)?,
            command: r.get(2)?,
            record_kind: RecordKind::from(r.get::<_, String>(3)?),
            record_uid: r.get(4)?,
            action: Action::from(r.get::<_, String>(5)?),
            changes: r.get(6)?,
        })
    })?;
    let entries = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let total = super::filter::total(entries.len(), limit, || {
        super::filter::count_rows(conn, &format!("audit_log {}", c.clause()), c.values())
    })?;
    Ok((entries, total))
}
