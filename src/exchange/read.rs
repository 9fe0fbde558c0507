//! Reading exchange CSV files as offices and spreadsheets write them: UTF-8 with or without a BOM,
//! `,` or `;` (detected from the header line), LF or CRLF, quoted fields; headers matched without
//! regard to case or surrounding spaces; values trimmed. Also the manifest check.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

use super::FileKind;
use crate::error::{refused, storage, Invalid};
use crate::i18n::Msg;
use crate::t;

/// One error: where, what, why.
#[derive(Clone, Debug)]
pub struct ImportError {
    pub file: String,
    pub line: u64,
    pub column: String,
    pub value: String,
    pub reason: String,
}

pub struct CsvFile {
    pub kind: FileKind,
    pub name: String,
    pub reader: csv::Reader<BufReader<File>>,
    pub columns: HashMap<String, usize>,
    pub unknown: Vec<String>,
}

fn open_reader(path: &Path) -> Result<(csv::Reader<BufReader<File>>, Vec<String>)> {
    let file = File::open(path).map_err(|e| storage(t!(Msg::FileUnreadable, path.display(), e)))?;
    let mut buffered = BufReader::with_capacity(64 * 1024, file);
    let head = buffered.fill_buf()?;
    let bom = head.starts_with(&[0xEF, 0xBB, 0xBF]);
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let semicolons = first_line.iter().filter(|b| **b == b';').count();
    let commas = first_line.iter().filter(|b| **b == b',').count();
    let delimiter = if semicolons > commas { b';' } else { b',' };
    if bom {
        buffered.consume(3);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(buffered);
    let headers: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    Ok((reader, headers))
}

/// Opens a CSV file; its kind is given (by its name in a folder) or recognised from its header.
pub fn open(path: &Path, kind: Option<FileKind>) -> Result<CsvFile> {
    let (reader, headers) = open_reader(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kind = kind
        .or_else(|| FileKind::from_header(&headers))
        .ok_or_else(|| refused(t!(Msg::ImportKindUnknown, name)))?;
    let expected = kind.columns();
    let unknown = headers
        .iter()
        .filter(|h| !expected.contains(&h.as_str()))
        .cloned()
        .collect();
    let columns = headers
        .into_iter()
        .enumerate()
        .map(|(i, h)| (h, i))
        .collect();
    Ok(CsvFile {
        kind,
        name,
        reader,
        columns,
        unknown,
    })
}

impl CsvFile {
    /// Required columns that the header lacks.
    pub fn missing_columns(&self) -> Vec<&'static str> {
        self.kind
            .required()
            .into_iter()
            .filter(|c| !self.columns.contains_key(*c))
            .collect()
    }
}

/// The cells of one row, read by column name, with every problem collected.
pub struct Cells<'a> {
    pub file: &'a str,
    pub line: u64,
    pub record: &'a csv::StringRecord,
    pub columns: &'a HashMap<String, usize>,
    pub errors: Vec<ImportError>,
}

impl Cells<'_> {
    pub fn raw(&self, column: &str) -> Option<&str> {
        self.columns
            .get(column)
            .and_then(|i| self.record.get(*i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    pub fn error(&mut self, column: &str, reason: String) {
        let value = self.raw(column).unwrap_or("").to_string();
        self.errors.push(ImportError {
            file: self.file.to_string(),
            line: self.line,
            column: column.to_string(),
            value,
            reason,
        });
    }

    pub fn text(&self, column: &str) -> Option<String> {
        self.raw(column).map(str::to_string)
    }

    /// An optional value through its parser.
    pub fn parse<T>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, Invalid>,
    ) -> Option<T> {
        let raw = self.raw(column)?.to_string();
        match parse(&raw) {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(column, e.0);
                None
            }
        }
    }

    /// A required value through its parser.
    pub fn required<T>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, Invalid>,
    ) -> Option<T> {
        if self.raw(column).is_none() {
            self.error(column, t!(Msg::ImportValueRequired));
            return None;
        }
        self.parse(column, parse)
    }

    pub fn required_text(&mut self, column: &str) -> Option<String> {
        self.required(column, |s| Ok(s.to_string()))
    }

    /// A required RFC 3339 moment, stored in UTC with whole seconds.
    pub fn timestamp(&mut self, column: &str) -> Option<String> {
        self.required(column, parse_timestamp)
    }
}

pub fn parse_timestamp(text: &str) -> Result<String, Invalid> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| {
            t.with_timezone(&Utc)
                .to_rfc3339_opts(SecondsFormat::Secs, true)
        })
        .map_err(|_| Invalid(t!(Msg::TimestampInvalid, text)))
}

/// The files of a folder to import, in dependency order, after checking its manifest: a masked
/// export is refused, and so is a file whose rows or checksum do not match (a truncated copy).
pub fn folder_files(dir: &Path, warnings: &mut Vec<String>) -> Result<Vec<(FileKind, PathBuf)>> {
    let mut found: Vec<(FileKind, PathBuf)> = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| storage(t!(Msg::FileUnreadable, dir.display(), e)))?;
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    for path in names {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match FileKind::parse(&name) {
            Some(kind) => found.push((kind, path)),
            None if name == "manifest.json" => {}
            None => warnings.push(t!(Msg::ImportFileIgnored, name)),
        }
    }
    found.sort_by_key(|(k, _)| *k);
    let manifest_path = dir.join("manifest.json");
    if !manifest_path.exists() {
        warnings.push(t!(Msg::ImportNoManifest));
        return Ok(found);
    }
    let text = std::fs::read_to_string(&manifest_path)
        .map_err(|e| storage(t!(Msg::FileUnreadable, manifest_path.display(), e)))?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| refused(t!(Msg::ManifestInvalid, e)))?;
    if manifest["format"] != super::FORMAT {
        return Err(refused(t!(Msg::ManifestInvalid, "format")));
    }
    if manifest["version"].as_i64().unwrap_or(0) > super::VERSION {
        return Err(refused(t!(Msg::ManifestNewer, manifest["version"])));
    }
    if manifest["masked"] == true {
        return Err(refused(t!(Msg::ImportMasked)));
    }
    for entry in manifest["files"].as_array().cloned().unwrap_or_default() {
        let name = entry["name"].as_str().unwrap_or("");
        let path = dir.join(name);
        if !path.exists() {
            return Err(refused(t!(
                Msg::ManifestMismatch,
                name,
                t!(Msg::ManifestFileMissing)
            )));
        }
        let bytes = std::fs::read(&path)
            .map_err(|e| storage(t!(Msg::FileUnreadable, path.display(), e)))?;
        let sha = format!("{:x}", Sha256::digest(&bytes));
        let (mut reader, _) = open_reader(&path)?;
        let rows = reader.records().count() as i64;
        if entry["rows"].as_i64() != Some(rows) {
            return Err(refused(t!(
                Msg::ManifestMismatch,
                name,
                t!(Msg::ManifestRows, entry["rows"], rows)
            )));
        }
        if entry["sha256"].as_str() != Some(sha.as_str()) {
            return Err(refused(t!(
                Msg::ManifestMismatch,
                name,
                t!(Msg::ManifestChecksum)
            )));
        }
    }
    Ok(found)
}
