//! SQL for `kept_writes`: the writes that lost a field to a concurrent write of another office,
//! kept with their values until a clerk writes the field again. A record's kept writes travel with
//! it: whenever the record is written they take its change sequence, so an export that carries the
//! record carries them.

use anyhow::Result;
use rusqlite::{params, Connection};

use super::records::query;
use crate::domain::version::KeptWrite;

/// After a record was written at `seq`: the kept writes of the fields a clerk wrote are resolved
/// (gone), the others follow the record's sequence.
pub fn after_write(
    conn: &Connection,
    _kind: &str,
    record_uid: &str,
    written: &[&str],
    seq: i64,
) -> Result<()> {
    for field in written {
        conn.prepare_cached("DELETE FROM kept_writes WHERE record_uid = ?1 AND field = ?2")?
            .execute(params![record_uid, field])?;
    }
    conn.prepare_cached("UPDATE kept_writes SET seq = ?2 WHERE record_uid = ?1")?
        .execute(params![record_uid, seq])?;
    Ok(())
}

/// The kept writes of a record, in uid order.
pub fn of_record(conn: &Connection, record_uid: &str) -> Result<Vec<KeptWrite>> {
    query(conn, "WHERE r.record_uid = ?1 ORDER BY r.uid", [record_uid])
}

/// Replaces a record's kept writes by `kept`, stamped `seq`.
pub fn replace(conn: &Connection, record_uid: &str, kept: &[KeptWrite], seq: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM kept_writes WHERE record_uid = ?1")?
        .execute([record_uid])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO kept_writes (uid, record_kind, record_uid, field, version, value, at, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for k in kept {
        insert.execute(params![
            k.uid,
            k.record_kind,
            k.record_uid,
            k.field,
            k.version.0.to_string(),
            k.value.as_deref().unwrap_or(""),
            k.at.as_str(),
            seq
        ])?;
    }
    Ok(())
}

/// Moves a person's kept writes to the person it was merged into.
pub fn move_to(conn: &Connection, from: &str, to: &str, seq: i64) -> Result<()> {
    let kept = of_record(conn, from)?;
    conn.prepare_cached("DELETE FROM kept_writes WHERE record_uid = ?1")?
        .execute([from])?;
    let mut moved: Vec<KeptWrite> = of_record(conn, to)?;
    for mut k in kept {
        k.uid = KeptWrite::key(to, &k.field, k.version.0);
        k.record_uid = to.to_string();
        if !moved.iter().any(|m| m.uid == k.uid) {
            moved.push(k);
        }
    }
    replace(conn, to, &moved, seq)
}
