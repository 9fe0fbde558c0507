//! Writing an export folder: one CSV file per kind (UTF-8, `,`, LF, rows in uid order, byte-stable)
//! and `manifest.json` with row counts, SHA-256 checksums and the change-sequence range it covers.
//! Rows go straight from SQLite to the CSV writer, all files from one read snapshot.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use rusqlite::Connection;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{mask, FileKind, FORMAT, VERSION};
use crate::db;
use crate::db::site::Own;
use crate::domain::record::{self, Record, Scalar, Timestamp};
use crate::domain::text::csv_safe;
use crate::domain::version::Site;

pub use crate::db::export::Since;

pub struct Options<'a> {
    pub since: Since,
    pub only: &'a [FileKind],
    pub mask: bool,
    /// The office the folder is for (`--to`), if named.
    pub to: Option<&'a str>,
}

impl Options<'_> {
    /// The files this export writes.
    pub fn kinds(&self) -> impl Iterator<Item = FileKind> + '_ {
        FileKind::ALL
            .into_iter()
            .filter(|k| self.only.is_empty() || self.only.contains(k))
            .filter(|k| !(self.mask && k.is_merge_data()))
    }

    /// Whether the folder carries every change in its range (every file, unmasked, chosen by the
    /// change sequence): only such a folder says which changes it carries.
    pub fn complete(&self) -> bool {
        self.only.is_empty() && !self.mask && !matches!(self.since, Since::Moment(_))
    }
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
    let names: Vec<&'static str> = record::exchange_columns::<R>()
        .filter_map(|c| c.exchange)
        .collect();
    let rows;
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut hashing);
        writer.write_record(&names)?;
        let mut texts: Vec<String> = vec![String::new(); names.len()];
        let mut written = 0usize;
        rows = db::export::each_row::<R>(conn, &options.since, |values| {
            for (text, value) in texts.iter_mut().zip(values) {
                text.clear();
                match value {
                    Scalar::Text(t) => text.push_str(&csv_safe(t)),
                    other => text.push_str(&other.text()),
                }
            }
            if options.mask {
                mask(&names, &mut texts);
            }
            writer.write_record(&texts)?;
            written += 1;
            if written.is_multiple_of(5000) {
                progress(kind, written);
            }
            Ok(())
        })?;
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
    for kind in options.kinds() {
        total += crate::by_kind!(kind, rows_of_kind, conn, options)?;
    }
    Ok(total)
}

fn rows_of_kind<R: Record>(conn: &Connection, options: &Options) -> Result<u64> {
    db::export::count::<R>(conn, &options.since)
}

/// What was written, and the change sequence range it covers.
pub struct Folder {
    pub written: Vec<Written>,
    pub seq_from: Option<i64>,
    pub seq_to: i64,
    /// Per origin site, the ranges of its changes the folder carries.
    pub origins: Vec<Origin>,
}

/// The changes of one site a folder carries: ranges of that site's change sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub site: Site,
    pub office: String,
    pub ranges: Vec<(i64, i64)>,
}

/// What a complete folder from this site, covering its changes after `after` up to `to`, carries:
/// those changes of its own, and the changes of other sites that the imports in that range
/// brought (all held ranges for a full export).
fn origins(conn: &Connection, own: &Own, office: &str, after: i64, to: i64) -> Result<Vec<Origin>> {
    let offices = db::site::offices(conn)?;
    let mut by_site: std::collections::BTreeMap<Site, Vec<(i64, i64)>> = Default::default();
    if to > after {
        by_site.entry(own.site).or_default().push((after + 1, to));
    }
    if after == 0 {
        for site in db::site::held_sites(conn)? {
            by_site
                .entry(site)
                .or_default()
                .extend(db::site::held(conn, site)?);
        }
    } else {
        for (site, a, b) in db::site::carried_since(conn, after)? {
            by_site.entry(site).or_default().push((a, b));
        }
    }
    Ok(by_site
        .into_iter()
        .map(|(site, mut ranges)| {
            ranges.sort();
            let mut joined: Vec<(i64, i64)> = Vec::new();
            for (a, b) in ranges {
                match joined.last_mut() {
                    Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                    _ => joined.push((a, b)),
                }
            }
            Origin {
                site,
                office: match site == own.site {
                    true => office.to_string(),
                    false => offices.get(&site).cloned().unwrap_or_default(),
                },
                ranges: joined,
            }
        })
        .collect())
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
    let own = db::site::own(conn)?;
    let mut written = Vec::new();
    for kind in options.kinds() {
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
    let origins = match (options.complete(), &options.since) {
        (true, Since::All) => origins(conn, &own, office_code, 0, seq_to)?,
        (true, Since::Seq(n)) => origins(conn, &own, office_code, *n, seq_to)?,
        _ => Vec::new(),
    };
    // Every site whose writes the records may carry, with its office: whose decision a write is.
    let mut sites = vec![json!({"site": own.site.to_string(), "office": office_code})];
    for peer in db::site::peers(conn)? {
        sites.push(json!({"site": peer.site.to_string(), "office": peer.office_code}));
    }
    let manifest = json!({
        "format": FORMAT,
        "version": VERSION,
        "office_code": office_code,
        "site_id": own.site.to_string(),
        "public_key": own.public_key_text(),
        "to": options.to,
        "exported_at": exported_at.as_str(),
        "since": match &options.since { Since::Moment(t) => Some(t.as_str()), _ => None },
        "seq_from": seq_from,
        "seq_to": seq_to,
        "origins": origins.iter().map(|o| json!({
            "site": o.site.to_string(),
            "office": o.office,
            "ranges": o.ranges.iter().map(|(a, b)| json!([a, b])).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "sites": sites,
        "masked": options.mask,
        // The audit chain's latest hash: kept with the nightly folders, it later proves that the
        // log up to here was not rewritten (`log --verify --head`).
        "audit_head": db::audit_chain::head(conn)?,
        "files": files,
    });
    let mut text = serde_json::to_vec_pretty(&manifest)?;
    text.push(b'\n');
    db::write_private_file(&dir.join("manifest.json"), &text)?;
    // One signature over the manifest vouches for every file through its checksum.
    db::write_private_file(
        &dir.join(super::sign::SIGNATURE_FILE),
        super::sign::sign(&own, &text).as_bytes(),
    )?;
    Ok(Folder {
        written,
        seq_from,
        seq_to,
        origins,
    })
}
