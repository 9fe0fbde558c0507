//! Writing an export folder: one CSV file per kind (UTF-8, `,`, LF, rows in uid order, byte-stable)
//! and `manifest.json` with row counts and SHA-256 checksums.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use rusqlite::Connection;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{mask, FileKind, FORMAT, VERSION};
use crate::db;

pub struct Options<'a> {
    pub since: Option<&'a str>,
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

fn write_kind(
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
        inner: std::io::BufWriter::new(file),
        hasher: Sha256::new(),
    };
    let mut rows = 0usize;
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut hashing);
        writer.write_record(kind.columns())?;
        let mut row = |mut fields: Vec<(&'static str, String)>| -> Result<()> {
            if options.mask {
                mask(&mut fields);
            }
            writer.write_record(fields.iter().map(|(_, v)| v.as_str()))?;
            rows += 1;
            if rows.is_multiple_of(5000) {
                progress(kind, rows);
            }
            Ok(())
        };
        let since = options.since;
        match kind {
            FileKind::Persons => db::persons::each(conn, since, |r| row(r.fields()))?,
            FileKind::Placements => db::placements::each(conn, since, |r| row(r.fields()))?,
            FileKind::Documents => db::documents::each(conn, since, |r| row(r.fields()))?,
            FileKind::Recommendations => {
                db::recommendations::each(conn, since, |r| row(r.fields()))?
            }
            FileKind::Cases => db::cases::each(conn, since, |r| row(r.fields()))?,
            FileKind::CaseEvents => db::cases::each_event(conn, since, |r| row(r.fields()))?,
            FileKind::Repatriations => db::repatriations::each(conn, since, |r| row(r.fields()))?,
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

/// Writes every chosen file and the manifest into `dir` (which must exist and be empty).
pub fn write_folder(
    conn: &Connection,
    dir: &Path,
    options: &Options,
    office_code: &str,
    exported_at: &str,
    progress: &mut dyn FnMut(FileKind, usize),
) -> Result<Vec<Written>> {
    let mut written = Vec::new();
    for kind in FileKind::ALL
        .into_iter()
        .filter(|k| options.only.is_empty() || options.only.contains(k))
    {
        written.push(write_kind(conn, dir, kind, options, progress)?);
    }
    let files: Vec<_> = written
        .iter()
        .map(|w| json!({"name": w.kind.file_name(), "rows": w.rows, "sha256": w.sha256}))
        .collect();
    let manifest = json!({
        "format": FORMAT,
        "version": VERSION,
        "office_code": office_code,
        "exported_at": exported_at,
        "since": options.since,
        "masked": options.mask,
        "files": files,
    });
    let mut text = serde_json::to_vec_pretty(&manifest)?;
    text.push(b'\n');
    db::write_private_file(&dir.join("manifest.json"), &text)?;
    Ok(written)
}
