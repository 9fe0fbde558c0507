//! Writing an export folder: one CSV file per kind (UTF-8, `,`, LF, rows in uid order, byte-stable)
//! and `manifest.json` with row counts, SHA-256 checksums and the change-sequence range it covers.
//! Rows go straight from SQLite to the CSV writer, all files from one read snapshot.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value;
use rusqlite::Connection;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{mask, FileKind, FORMAT, VERSION};
use crate::db;
use crate::domain::record::{self, Record, Timestamp};
use crate::domain::text::csv_safe;

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

pub struct Options<'a> {
    pub since: Since,
    pub only: &'a [FileKind],
    pub mask: bool,
}

pub struct Written {
    pub kind: FileKind,
    pub rows: usize,
    pub sha256: String,
}

/// Hashes what passes through.
struct Hashing<W: Write> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn write_kind<R: Record>(
    conn: &Connection,
    dir: &Path,
    kind: FileKind,
    options: &Options,
    progress: &mut dyn FnMut(FileKind, usize),
) -> Result<Written> {
    let path = dir.join(kind.file_name());
    db::write_private_file(&path, b"")?;
    let file = std::fs::OpenOptions::new().write(true).open(&path)?;
    let mut hashing = Hashing {
        inner: std::io::BufWriter::with_capacity(256 * 1024, file),
        hasher: Sha256::new(),
    };
    let columns: Vec<&record::Column> = record::exchange_columns::<R>().collect();
    let names: Vec<&'static str> = columns.iter().filter_map(|c| c.exchange).collect();
    let select: Vec<&str> = columns.iter().map(|c| c.name).collect();
    let (filter, bound) = since_filter::<R>(options);
    let sql = format!(
        "SELECT {} FROM {} WHERE {filter} ORDER BY uid",
        select.join(", "),
        R::TABLE
    );
    let mut rows = 0usize;
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut hashing);
        writer.write_record(&names)?;
        let mut stmt = conn.prepare(&sql)?;
        let mut cursor = stmt.query([bound])?;
        let mut values: Vec<String> = vec![String::new(); names.len()];
        while let Some(row) = cursor.next()? {
            for (i, value) in values.iter_mut().enumerate() {
                value.clear();
                match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => {}
                    rusqlite::types::ValueRef::Text(t) => {
                        value.push_str(&csv_safe(&String::from_utf8_lossy(t)))
                    }
                    other => value.push_str(&db::records::scalar(other)?.text()),
                }
            }
            if options.mask {
                mask(&names, &mut values);
            }
            writer.write_record(&values)?;
            rows += 1;
            if rows.is_multiple_of(5000) {
                progress(kind, rows);
            }
        }
        writer.flush()?;
    }
    hashing.flush()?;
    progress(kind, rows);
    Ok(Written {
        kind,
        rows,
        sha256: format!("{:x}", hashing.hasher.finalize()),
    })
}

/// How many rows `write_folder` will write with these options (for a progress bar's length).
pub fn rows_to_write(conn: &Connection, options: &Options) -> Result<u64> {
    let mut total = 0u64;
    for kind in FileKind::ALL
        .into_iter()
        .filter(|k| options.only.is_empty() || options.only.contains(k))
    {
        total += crate::by_kind!(kind, rows_of_kind, conn, options)?;
    }
    Ok(total)
}

fn rows_of_kind<R: Record>(conn: &Connection, options: &Options) -> Result<u64> {
    let (filter, bound) = since_filter::<R>(options);
    let n: i64 = conn.query_row(
        &format!("SELECT count(*) FROM {} WHERE {filter}", R::TABLE),
        [bound],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

/// The condition on rows the options' `since` sets (`?1` its bound, NULL for every row).
fn since_filter<R: Record>(options: &Options) -> (String, Value) {
    match &options.since {
        Since::All => ("?1 IS NULL".to_string(), Value::Null),
        Since::Moment(t) => (format!("{} > ?1", R::VERSION), Value::Text(t.to_string())),
        Since::Seq(n) => ("seq > ?1".to_string(), Value::Integer(*n)),
    }
}

/// What was written, and the change sequence range it covers.
pub struct Folder {
    pub written: Vec<Written>,
    pub seq_from: Option<i64>,
    pub seq_to: i64,
}

/// Writes every chosen file and the manifest into `dir` (which must exist and be empty). `conn`
/// should be inside one read transaction, so that every file shows the same moment.
pub fn write_folder(
    conn: &Connection,
    dir: &Path,
    options: &Options,
    office_code: &str,
    exported_at: &Timestamp,
    progress: &mut dyn FnMut(FileKind, usize),
) -> Result<Folder> {
    let seq_to = db::current_seq(conn)?;
    let mut written = Vec::new();
    for kind in FileKind::ALL
        .into_iter()
        .filter(|k| options.only.is_empty() || options.only.contains(k))
    {
        written.push(crate::by_kind!(
            kind, write_kind, conn, dir, kind, options, progress
        )?);
    }
    let seq_from = match options.since {
        Since::All => Some(1),
        Since::Seq(n) => Some(n + 1),
        Since::Moment(_) => None,
    };
    let files: Vec<_> = written
        .iter()
        .map(|w| json!({"name": w.kind.file_name(), "rows": w.rows, "sha256": w.sha256}))
        .collect();
    let manifest = json!({
        "format": FORMAT,
        "version": VERSION,
        "office_code": office_code,
        "exported_at": exported_at.as_str(),
        "since": match &options.since { Since::Moment(t) => Some(t.as_str()), _ => None },
        "seq_from": seq_from,
        "seq_to": seq_to,
        "masked": options.mask,
        // The audit chain's latest hash: kept with the nightly folders, it later proves that the
        // log up to here was not rewritten (`log --verify --head`).
        "audit_head": db::audit_chain::head(conn)?,
        "files": files,
    });
    let mut text = serde_json::to_vec_pretty(&manifest)?;
    text.push(b'\n');
    db::write_private_file(&dir.join("manifest.json"), &text)?;
    Ok(Folder {
        written,
        seq_from,
        seq_to,
    })
}
