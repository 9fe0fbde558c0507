//! Reading exchange CSV files as offices and spreadsheets write them: UTF-8 with or without a BOM,
//! `,` or `;` (detected from the header line), LF or CRLF, quoted fields; headers matched without
//! regard to case or surrounding spaces; values trimmed. Also the manifest check.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::Result;
use sha2::{Digest, Sha256};

use super::FileKind;
use crate::error::{refused, storage};
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

/// The cells of one row, read by column name.
pub struct Row<'a> {
    pub file: &'a str,
    pub line: u64,
    pub record: &'a csv::StringRecord,
    pub columns: &'a HashMap<String, usize>,
}

/// At most this many characters of a value are quoted back in a message.
const QUOTED: usize = 40;

/// A value as quoted in an error report: a short prefix, never the whole of a huge cell.
pub fn quoted(value: &str) -> String {
    match value.char_indices().nth(QUOTED) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_string(),
    }
}

impl Row<'_> {
    /// The trimmed value of a column, `""` when the column or the value is absent.
    pub fn cell(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|i| self.record.get(*i))
            .map(|v| crate::domain::text::csv_unescape(v.trim()))
            .unwrap_or("")
    }

    pub fn error(&self, column: &str, reason: String) -> ImportError {
        ImportError {
            file: self.file.to_string(),
            line: self.line,
            column: column.to_string(),
            value: quoted(self.cell(column)),
            reason,
        }
    }
}

/// The exchange files of a folder, in the order they are read.
pub type FolderFiles = Vec<(FileKind, PathBuf)>;

/// What an export's manifest says about the folder.
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    /// The office that wrote the folder.
    pub office_code: Option<String>,
    pub files: Vec<serde_json::Value>,
}

/// The files of a folder to import, in dependency order, after checking its manifest: a masked
/// export is refused, and so is a file whose rows or checksum do not match (a truncated copy).
pub fn folder_files(
    dir: &Path,
    warnings: &mut Vec<String>,
) -> Result<(FolderFiles, Option<Manifest>)> {
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
        return Ok((found, None));
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
    let files = manifest["files"].as_array().cloned().unwrap_or_default();
    for entry in &files {
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
    Ok((
        found,
        Some(Manifest {
            office_code: manifest["office_code"].as_str().map(str::to_string),
            files,
        }),
    ))
}
