//! The hash chain that makes the audit log tamper-evident: how an entry's hash is computed, the link
//! a new entry takes, chaining the entries a migration finds or adds, and verifying the whole chain
//! (optionally against a head kept outside the database). The recipe is in docs/data.md.

use std::borrow::Cow;

use anyhow::Result;
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The schema version that added the chain (migration 0005).
const CHAINED_SINCE: i64 = 5;

/// The schema version that added the record digest (migration 0009): the eighth field an entry's
/// hash covers, when the entry has one.
const DIGEST_SINCE: i64 = 9;

/// The columns an entry's hash covers, after its id, in this order (`digest` only when not NULL).
const CONTENT: &str = "at, clerk, command, record_kind, record_uid, action, changes, digest";

/// `CONTENT` as the schema of `version` has it.
fn content(version: i64) -> &'static str {
    match version >= DIGEST_SINCE {
        true => CONTENT,
        false => "at, clerk, command, record_kind, record_uid, action, changes, NULL",
    }
}

/// SHA-256 (lower-case hex) of the previous entry's hash followed by the entry's id and fields,
/// each written as a netstring (`<byte length>:<bytes>,`), so that no two different entries give
/// the same input.
pub fn entry_hash(prev: &str, id: i64, fields: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prev.as_bytes());
    let id = id.to_string();
    for field in std::iter::once(id.as_bytes()).chain(fields.iter().copied()) {
        hasher.update(format!("{}:", field.len()).as_bytes());
        hasher.update(field);
        hasher.update(b",");
    }
    format!("{:x}", hasher.finalize())
}

/// The id and `prev_hash` of the next entry. Called inside the writer's `IMMEDIATE` transaction,
/// so no other clerk can take the same link.
pub fn next_link(conn: &Connection) -> Result<(i64, String)> {
    let last: Option<(i64, Option<String>)> = conn
        .prepare_cached("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match last {
        Some((id, hash)) => (id + 1, hash.unwrap_or_else(|| GENESIS.to_string())),
        None => (1, GENESIS.to_string()),
    })
}

/// The hash of the latest entry, if there is one: what an export's manifest calls `audit_head`.
pub fn head(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// Run after each migration, inside its transaction: chains the entries not chained yet (all of
/// them in 0005; any a later migration inserts in SQL).
pub fn after_migration(conn: &Connection, version: i64) -> Result<()> {
    if version < CHAINED_SINCE {
        return Ok(());
    }
    let (mut after, mut prev): (i64, String) = conn
        .query_row(
            "SELECT id, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((i64::MIN, GENESIS.to_string()));
    // In batches, so a large log is never held in memory at once.
    loop {
        let mut stmt = conn.prepare(&format!(
            "SELECT id, {} FROM audit_log WHERE id > ?1 ORDER BY id LIMIT 1000",
            content(version)
        ))?;
        let batch = stmt
            .query_map([after], |r| {
                let fields = (1..=8)
                    .filter(|i| *i < 8 || r.get_ref(*i).is_ok_and(|v| v != ValueRef::Null))
                    .map(|i| r.get_ref(i).map(|v| text(v).into_owned()))
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok((r.get::<_, i64>(0)?, fields))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, fields) in &batch {
            let fields: Vec<&[u8]> = fields.iter().map(Vec::as_slice).collect();
            let hash = entry_hash(&prev, *id, &fields);
            conn.execute(
                "UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
                params![prev, hash, id],
            )?;
            (after, prev) = (*id, hash);
        }
        if batch.len() < 1000 {
            return Ok(());
        }
    }
}

/// The bytes a stored value is hashed as (pmi-desk stores text; anything else by its text form).
fn text(value: ValueRef<'_>) -> Cow<'_, [u8]> {
    match value {
        ValueRef::Null => Cow::Borrowed(&[]),
        ValueRef::Text(t) | ValueRef::Blob(t) => Cow::Borrowed(t),
        ValueRef::Integer(i) => Cow::Owned(i.to_string().into_bytes()),
        ValueRef::Real(f) => Cow::Owned(f.to_string().into_bytes()),
    }
}

/// What is wrong with the first bad entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Its content (or its hash) was changed after it was written.
    Altered,
    /// It does not follow the entry before it in the file (`previous`, none if it is the first):
    /// entries between were removed, or the one before was altered or moved.
    Unlinked { previous: Option<i64> },
}

/// The first entry where the chain breaks: its id and time, never its content.
#[derive(Debug, Clone)]
pub struct Break {
    pub id: i64,
    pub at: String,
    pub problem: Problem,
}

/// The outcome of verifying the chain, up to its first break.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub entries: i64,
    pub head: Option<String>,
    pub broken: Option<Break>,
    /// For a head kept elsewhere: the entry that has it (id, time), if any.
    pub known: Option<(i64, String)>,
}

/// Recomputes every entry's hash in id order and checks each link; stops at the first break.
/// `known_head` (a hash kept outside the database) is looked for along the way.
pub fn verify(conn: &Connection, known_head: Option<&str>) -> Result<Verdict> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, {CONTENT}, prev_hash, hash FROM audit_log ORDER BY id"
    ))?;
    let mut rows = stmt.query([])?;
    let mut verdict = Verdict {
        entries: 0,
        head: None,
        broken: None,
        known: None,
    };
    let mut previous: Option<(i64, String)> = None;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let at = String::from_utf8_lossy(&text(row.get_ref(1)?)).into_owned();
        let prev_hash = text(row.get_ref(9)?);
        let hash = text(row.get_ref(10)?);
        let digest = row.get_ref(8)?;
        let owned: Vec<Cow<[u8]>> = (1..=7)
            .map(|i| row.get_ref(i).map(text))
            .chain((digest != ValueRef::Null).then(|| Ok(text(digest))))
            .collect::<rusqlite::Result<_>>()?;
        let contents: Vec<&[u8]> = owned.iter().map(|c| c.as_ref()).collect();
        let prev_text = String::from_utf8_lossy(&prev_hash);
        let expected_prev = previous.as_ref().map_or(GENESIS, |(_, h)| h.as_str());
        let problem = if hash.is_empty()
            || entry_hash(&prev_text, id, &contents).as_bytes() != hash.as_ref()
        {
            Some(Problem::Altered)
        } else if prev_text != expected_prev {
            Some(Problem::Unlinked {
                previous: previous.as_ref().map(|(id, _)| *id),
            })
        } else {
            None
        };
        if let Some(problem) = problem {
            verdict.broken = Some(Break { id, at, problem });
            return Ok(verdict);
        }
        let hash = String::from_utf8_lossy(&hash).into_owned();
        if known_head.is_some_and(|k| k.eq_ignore_ascii_case(&hash)) {
            verdict.known = Some((id, at));
        }
        verdict.entries += 1;
        previous = Some((id, hash));
    }
    verdict.head = previous.map(|(_, h)| h);
    Ok(verdict)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_the_link_the_id_and_every_field_unambiguously() {
        let base = entry_hash(GENESIS, 1, &[b"a", b"bc"]);
        assert_eq!(base.len(), 64);
        assert_ne!(base, entry_hash(GENESIS, 2, &[b"a", b"bc"]));
        assert_ne!(base, entry_hash(GENESIS, 1, &[b"ab", b"c"]));
        assert_ne!(base, entry_hash(&base, 1, &[b"a", b"bc"]));
    }
}
