//! The rows an export reads: one cursor over a kind's exchanged columns, in uid order, shared by
//! the folder writer (`exchange::export`) and the workbook writer (`exchange::workbook::write`),
//! and the count that sizes their progress bar. Both run inside one read transaction.

use anyhow::{Context, Result};
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;

use crate::domain::record::{self, Record, Scalar, Timestamp};
use crate::exchange::FileKind;

/// Which records an export carries.
#[derive(Clone, Debug, PartialEq)]
pub enum Since {
    /// Every record.
    All,
    /// Records changed after a moment by their own clock (`--since`).
    Moment(Timestamp),
    /// Records stamped after this change sequence number (`--since-seq`, `--since-last`).
    Seq(i64),
}

/// Reads the exchanged columns of the records of `R` that `since` chooses, in uid order, and hands
/// each row's values to `each` (in the order of `record::exchange_columns`; stored text read as
/// UTF-8, a malformed byte replaced). Returns how many rows were read.
pub fn each_row<R: Record>(
    conn: &Connection,
    since: &Since,
    mut each: impl FnMut(&[Scalar<'_>]) -> Result<()>,
) -> Result<usize> {
    let select: Vec<&str> = record::exchange_columns::<R>().map(|c| c.name).collect();
    let (filter, bound) = since_filter::<R>(since);
    let sql = format!(
        "SELECT {} FROM {} WHERE {filter} ORDER BY uid",
        select.join(", "),
        R::TABLE
    );
    let reading = || format!("reading {} for the export", R::TABLE);
    let mut stmt = conn.prepare(&sql).with_context(reading)?;
    let mut cursor = stmt.query([bound]).with_context(reading)?;
    let mut rows = 0usize;
    while let Some(row) = cursor.next().with_context(reading)? {
        let mut values = Vec::with_capacity(select.len());
        for i in 0..select.len() {
            values.push(match row.get_ref(i)? {
                ValueRef::Text(t) => Scalar::Text(String::from_utf8_lossy(t)),
                other => super::records::scalar(other)?,
            });
        }
        each(&values)?;
        rows += 1;
    }
    Ok(rows)
}

/// How many records of `R` an export chosen by `since` carries.
pub fn count<R: Record>(conn: &Connection, since: &Since) -> Result<u64> {
    let (filter, bound) = since_filter::<R>(since);
    let n: i64 = conn
        .query_row(
            &format!("SELECT count(*) FROM {} WHERE {filter}", R::TABLE),
            [bound],
            |r| r.get(0),
        )
        .with_context(|| format!("counting {} for the export", R::TABLE))?;
    Ok(n as u64)
}

/// The condition on rows `since` sets (`?1` its bound, NULL for every row).
fn since_filter<R: Record>(since: &Since) -> (String, Value) {
    // A record's kept writes travel whenever the record does: chosen by their record's change,
    // never by their own (a record may change again without them).
    if R::TABLE == "kept_writes" {
        let column = match since {
            Since::All => return ("?1 IS NULL".to_string(), Value::Null),
            Since::Moment(t) => ("updated_at", Value::Text(t.to_string())),
            Since::Seq(n) => ("seq", Value::Integer(*n)),
        };
        // Every kind with versions may keep writes.
        let records: Vec<String> = FileKind::ALL
            .iter()
            .filter_map(|k| crate::by_kind!(*k, changed_uids, column.0))
            .collect();
        return (
            format!("record_uid IN ({})", records.join(" UNION ALL ")),
            column.1,
        );
    }
    match since {
        Since::All => ("?1 IS NULL".to_string(), Value::Null),
        Since::Moment(t) => (format!("{} > ?1", R::VERSION), Value::Text(t.to_string())),
        Since::Seq(n) => ("seq > ?1".to_string(), Value::Integer(*n)),
    }
}

/// The uids of a kind's records changed after `?1`, by `column` ("seq", or the moment column,
/// which is the kind's own version column): `None` for kinds without versions.
fn changed_uids<R: Record>(column: &str) -> Option<String> {
    super::records::versions_column::<R>()?;
    let column = if column == "seq" { "seq" } else { R::VERSION };
    Some(format!("SELECT uid FROM {} WHERE {column} > ?1", R::TABLE))
}
