//! Reading exchange files, which arrive from other offices by USB stick or e-mail and are untrusted:
//! only the seven known file names are opened, inside the folder, and only regular files; the
//! manifest is checked against the very bytes parsed; headers must be unambiguous and rows as long
//! as their header; line numbers count LF, CRLF and CR line ends alike; a file that is not UTF-8 is
//! named with what to do. Spreadsheet habits are accepted: a BOM, `;` as delimiter (detected from
//! the header line), any case and spacing of header names, trimmed values.
//!
//! Memory follows the work, not the file: only the row being read is held (a row, and so any of its
//! cells, is refused past `ROW_LIMIT`), only the line ends since the last row are remembered, a
//! header name is at most `HEADER_NAME_LIMIT` characters, and errors past the first `LISTED` are
//! only counted (`ErrorList`).

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::Result;
use sha2::{Digest, Sha256};

use super::FileKind;
use crate::domain::version::{Site, COUNTER_LIMIT};
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

/// At most this many characters of a value are quoted back in a message.
const QUOTED: usize = 40;

/// The largest manifest read (a real one is a few hundred bytes).
const MANIFEST_LIMIT: u64 = 1 << 20;

/// The most bytes a row may take (its cells, quotes and line breaks). A real row is a few hundred
/// bytes; the longest text a record holds (`MAX_TEXT` characters) fits many times over.
pub const ROW_LIMIT: u64 = 1 << 20;

/// The longest header name read (the longest known one has under 30 characters).
pub const HEADER_NAME_LIMIT: usize = 200;

/// How many errors an import lists; the rest are counted.
pub const LISTED: usize = 1000;

/// The errors of an import as listed: the first `LISTED` kept, the rest only counted, so that a
/// file of millions of bad rows costs no more memory (or screen) than one of a thousand.
#[derive(Debug, Default)]
pub struct ErrorList {
    listed: Vec<ImportError>,
    total: usize,
}

impl ErrorList {
    pub fn push(&mut self, error: ImportError) {
        self.total += 1;
        if self.listed.len() < LISTED {
            self.listed.push(error);
        }
    }

    pub fn append(&mut self, errors: &mut Vec<ImportError>) {
        self.extend(errors.drain(..));
    }

    /// Every error found, listed or not.
    pub fn len(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The errors kept to be shown (the first `LISTED`).
    pub fn listed(&self) -> &[ImportError] {
        &self.listed
    }

    /// How many errors were found beyond those listed.
    pub fn unlisted(&self) -> usize {
        self.total - self.listed.len()
    }

    /// True once no further error will be listed (what else an error would cost can be skipped).
    pub fn is_full(&self) -> bool {
        self.listed.len() >= LISTED
    }
}

/// The errors listed.
impl<'a> IntoIterator for &'a ErrorList {
    type Item = &'a ImportError;
    type IntoIter = std::slice::Iter<'a, ImportError>;
    fn into_iter(self) -> Self::IntoIter {
        self.listed.iter()
    }
}

impl Extend<ImportError> for ErrorList {
    fn extend<T: IntoIterator<Item = ImportError>>(&mut self, errors: T) {
        for e in errors {
            self.push(e);
        }
    }
}

/// A value as quoted in an error report: a short prefix, never the whole of a huge cell.
pub fn quoted(value: &str) -> String {
    match value.char_indices().nth(QUOTED) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_string(),
    }
}

/// Where the rows of a table come from: a CSV file (or a workbook sheet).
pub trait Rows {
    /// Reads the next row into `record`: `None` at the end, else the row's line (or sheet row)
    /// and, when the row could not be read as text, the error for it.
    fn next_row(
        &mut self,
        name: &str,
        record: &mut csv::StringRecord,
    ) -> Result<Option<(u64, Option<ImportError>)>>;
    /// After the last row: how many rows were read and the SHA-256 of every byte read.
    fn digest(&mut self) -> Option<(u64, String)>;
    /// Bytes of the file read so far (for a progress bar; 0 where rows are not bytes).
    fn bytes_read(&self) -> u64 {
        0
    }
}

/// FNV-1a: column names are short and few, and every cell of a bulk load is found by its column
/// name; the default hasher (built to resist flooding) costs more than the lookup itself.
#[derive(Default)]
pub struct ColumnHasher(u64);

impl std::hash::Hasher for ColumnHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A header's columns by name.
pub type Columns = HashMap<String, usize, std::hash::BuildHasherDefault<ColumnHasher>>;

/// One table to import: its kind, its columns by name, and its rows.
pub struct Table {
    pub kind: FileKind,
    pub name: String,
    pub columns: Columns,
    /// How many cells every row must have.
    pub width: usize,
    /// Columns not in the format (a warning).
    pub unknown: Vec<String>,
    /// Header problems: a duplicated column, a column that looks like a misspelt known one.
    pub problems: Vec<ImportError>,
    pub rows: Box<dyn Rows>,
    /// What the manifest says: rows and SHA-256.
    pub expected: Option<(i64, String)>,
}

fn normalised(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.'))
        .collect()
}

/// Edit distance, for telling a misspelt header from a column of another format.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The known column an unknown header was probably meant to be. Names that differ in length by more
/// than the distance allowed are never compared (a long name costs nothing).
fn meant(header: &str, known: &[&'static str]) -> Option<&'static str> {
    let h = normalised(header);
    let length = h.chars().count();
    known.iter().copied().find(|k| {
        let n = normalised(k);
        n == h || (n.len() >= 5 && n.chars().count().abs_diff(length) <= 2 && distance(&n, &h) <= 2)
    })
}

impl Table {
    /// A table from its header row; its kind given (by its file name) or recognised from the header.
    pub fn new(
        kind: Option<FileKind>,
        name: String,
        raw_headers: Vec<String>,
        rows: Box<dyn Rows>,
    ) -> Result<Table> {
        if let Some((i, h)) = raw_headers
            .iter()
            .enumerate()
            .find(|(_, h)| h.chars().count() > HEADER_NAME_LIMIT)
        {
            return Err(refused(t!(
                Msg::HeaderNameTooLong,
                name,
                i + 1,
                h.chars().count(),
                HEADER_NAME_LIMIT
            )));
        }
        let headers: Vec<String> = raw_headers
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect();
        let kind = kind
            .or_else(|| FileKind::from_header(&headers))
            .ok_or_else(|| refused(t!(Msg::ImportKindUnknown, name)))?;
        let known = kind.columns();
        let mut columns = Columns::default();
        let mut unknown = Vec::new();
        let mut problems = Vec::new();
        let problem = |column: &str, reason: String| ImportError {
            file: name.clone(),
            line: 1,
            column: quoted(column),
            value: String::new(),
            reason,
        };
        for (i, header) in headers.iter().enumerate() {
            if columns.contains_key(header) {
                problems.push(problem(header, t!(Msg::HeaderTwice)));
            } else if known.contains(&header.as_str()) {
                columns.insert(header.clone(), i);
            } else if let Some(k) = meant(header, &known) {
                problems.push(problem(header, t!(Msg::HeaderMisspelt, k)));
            } else if !header.is_empty() {
                unknown.push(quoted(header));
            }
        }
        Ok(Table {
            kind,
            name,
            columns,
            width: headers.len(),
            unknown,
            problems,
            rows,
            expected: None,
        })
    }

    /// Required columns that the header lacks.
    pub fn missing_columns(&self) -> Vec<&'static str> {
        self.kind
            .required()
            .into_iter()
            .filter(|c| !self.columns.contains_key(*c))
            .collect()
    }
}

/// The bytes of a file as the CSV reader takes them: hashed, counted, and every line end since the
/// last row noted, so that a row's line can be told from its byte offset whatever the line ends.
/// Reading more than `ROW_LIMIT` past the end of the last row is refused (`too_long`): that bounds
/// the row the CSV reader builds and the line ends remembered.
struct Counting<R> {
    inner: R,
    hasher: Sha256,
    read: u64,
    /// Offsets where a new line starts, after those already passed.
    line_starts: VecDeque<u64>,
    /// Lines started before the first of `line_starts`.
    lines_passed: u64,
    after_cr: bool,
    /// Where the row being read begins (in the file).
    row_start: u64,
    too_long: bool,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read > self.row_start + ROW_LIMIT {
            self.too_long = true;
            return Err(std::io::Error::other(format!(
                "more than {ROW_LIMIT} bytes in one row"
            )));
        }
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        for (i, b) in buf[..n].iter().enumerate() {
            let next = self.read + i as u64 + 1;
            match b {
                // The second half of CRLF: its line began at the `\n` (where the CSV reader
                // starts the next record).
                b'\n' if self.after_cr => {}
                b'\n' | b'\r' => self.line_starts.push_back(next),
                _ => {}
            }
            self.after_cr = *b == b'\r';
        }
        self.read += n as u64;
        Ok(n)
    }
}

impl<R> Counting<R> {
    /// The 1-based line of a record starting at `offset`.
    fn line_of(&self, offset: u64) -> u64 {
        1 + self.lines_passed + self.line_starts.partition_point(|start| *start <= offset) as u64
    }

    /// The rows before `offset` are read: their line ends are forgotten (counted), and the next
    /// row begins there.
    fn pass(&mut self, offset: u64) {
        while self.line_starts.front().is_some_and(|s| *s <= offset) {
            self.line_starts.pop_front();
            self.lines_passed += 1;
        }
        self.row_start = offset;
    }
}

struct CsvRows {
    reader: csv::Reader<Counting<BufReader<Box<dyn Read>>>>,
    /// Bytes before what the CSV reader sees (a BOM).
    skipped: u64,
    rows: u64,
}

impl Rows for CsvRows {
    fn next_row(
        &mut self,
        name: &str,
        record: &mut csv::StringRecord,
    ) -> Result<Option<(u64, Option<ImportError>)>> {
        let read = self.reader.read_record(record);
        let offset = record.position().map(|p| p.byte()).unwrap_or(0) + self.skipped;
        let line = self.reader.get_ref().line_of(offset);
        if self.reader.get_ref().too_long {
            let counting = self.reader.get_ref();
            let line = counting.line_of(counting.row_start);
            return Err(refused(t!(Msg::CsvRowTooLong, name, line, ROW_LIMIT >> 10)));
        }
        let error_line = match &read {
            Err(e) => e
                .position()
                .map(|p| self.reader.get_ref().line_of(p.byte() + self.skipped)),
            Ok(_) => None,
        };
        let end = self.reader.position().byte() + self.skipped;
        self.reader.get_mut().pass(end);
        match read {
            Ok(false) => Ok(None),
            Ok(true) => {
                self.rows += 1;
                Ok(Some((line, None)))
            }
            Err(e) => {
                let line = error_line.unwrap_or(line);
                let (column, reason) = match e.kind() {
                    csv::ErrorKind::Utf8 { err, .. } => {
                        self.rows += 1;
                        (format!("#{}", err.field() + 1), t!(Msg::NotUtf8))
                    }
                    _ => (String::new(), t!(Msg::CsvUnreadable, e)),
                };
                let error = ImportError {
                    file: name.to_string(),
                    line,
                    column,
                    value: String::new(),
                    reason,
                };
                Ok(Some((line, Some(error))))
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.skipped + self.reader.get_ref().read
    }

    fn digest(&mut self) -> Option<(u64, String)> {
        // Whatever follows the last row (nothing, normally) is part of the file's checksum too.
        let _ = std::io::copy(self.reader.get_mut(), &mut std::io::sink());
        let hash = format!("{:x}", self.reader.get_ref().hasher.clone().finalize());
        Some((self.rows, hash))
    }
}

/// Only what is a regular file (not a link, a device or a folder) is read.
fn regular_file(path: &Path) -> Result<()> {
    let meta = std::fs::symlink_metadata(path)
        .map_err(|e| storage(t!(Msg::FileUnreadable, path.display(), e)))?;
    if !meta.file_type().is_file() {
        return Err(refused(t!(Msg::NotARegularFile, path.display())));
    }
    Ok(())
}

/// Opens a CSV file; its kind is given (by its name in a folder) or recognised from its header.
pub fn open(path: &Path, kind: Option<FileKind>) -> Result<Table> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Opened without waiting (a FIFO named x.csv would block for ever), then refused unless a
    // regular file.
    let file = match crate::outfile::open_regular(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => {
            return Err(refused(t!(Msg::NotARegularFile, path.display())))
        }
        Err(e) => return Err(storage(t!(Msg::FileUnreadable, path.display(), e))),
    };
    read_table(name, kind, Box::new(file))
}

/// A table from any stream of CSV bytes (a file, or bytes in memory for tests and fuzzing).
pub fn read_table(name: String, kind: Option<FileKind>, input: Box<dyn Read>) -> Result<Table> {
    let mut counting = Counting {
        inner: BufReader::with_capacity(256 * 1024, input),
        hasher: Sha256::new(),
        read: 0,
        line_starts: VecDeque::new(),
        lines_passed: 0,
        after_cr: false,
        row_start: 0,
        too_long: false,
    };
    // The BOM and the delimiter, from the first line, without losing those bytes for the hash.
    let head = counting.inner.fill_buf()?.to_vec();
    let bom = head.starts_with(&[0xEF, 0xBB, 0xBF]);
    let first_line = head
        .split(|b| *b == b'\n' || *b == b'\r')
        .next()
        .unwrap_or(&[]);
    let semicolons = first_line.iter().filter(|b| **b == b';').count();
    let commas = first_line.iter().filter(|b| **b == b',').count();
    let delimiter = if semicolons > commas { b';' } else { b',' };
    let skipped = if bom {
        let mut three = [0u8; 3];
        counting.read_exact(&mut three)?;
        3
    } else {
        0
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(counting);
    let mut header = csv::ByteRecord::new();
    let read = reader.read_byte_record(&mut header);
    if reader.get_ref().too_long {
        return Err(refused(t!(Msg::CsvRowTooLong, name, 1, ROW_LIMIT >> 10)));
    }
    if !read.map_err(|e| refused(t!(Msg::CsvUnreadable, e)))? {
        return Err(refused(t!(Msg::ImportEmptyFile, name)));
    }
    let end = reader.position().byte() + skipped;
    reader.get_mut().pass(end);
    let headers = header
        .iter()
        .map(|h| String::from_utf8(h.to_vec()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| refused(t!(Msg::NotUtf8File, name)))?;
    let rows = CsvRows {
        reader,
        skipped,
        rows: 0,
    };
    Table::new(kind, name, headers, Box::new(rows))
}

/// The cells of one row, read by column name.
pub struct Row<'a> {
    pub file: &'a str,
    pub line: u64,
    pub record: &'a csv::StringRecord,
    pub columns: &'a Columns,
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

/// What an export's manifest says about the folder.
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    /// The office that wrote the folder.
    pub office_code: Option<String>,
    pub files: Vec<serde_json::Value>,
    /// The format's version (1 when the manifest does not say).
    pub version: i64,
    /// Version 2: the site that wrote it, its key, and the signature file's text (if any).
    pub site: Option<Site>,
    pub public_key: Option<String>,
    pub signature: Option<String>,
    /// The manifest's exact bytes (what the signature is of).
    pub bytes: Vec<u8>,
    pub exported_at: Option<String>,
    /// The office the folder was made for.
    pub to: Option<String>,
    /// The ranges of each site's changes the folder carries.
    pub origins: Vec<super::export::Origin>,
    /// Sites whose writes the records may carry, with their offices.
    pub sites: Vec<(Site, String)>,
}

impl Manifest {
    /// The version 2 parts of a manifest, checked: a folder that claims them must get them right.
    fn read_v2(&mut self, value: &serde_json::Value) -> Result<()> {
        let bad = |what: &str| refused(t!(Msg::ManifestInvalid, what));
        let site = |v: &serde_json::Value, what: &str| -> Result<Site> {
            v.as_str()
                .and_then(|s| Site::parse(s).ok())
                .ok_or_else(|| bad(what))
        };
        if self.version < 2 {
            return Ok(());
        }
        self.site = Some(site(&value["site_id"], "site_id")?);
        self.public_key = value["public_key"].as_str().map(str::to_string);
        self.exported_at = value["exported_at"].as_str().map(str::to_string);
        self.to = value["to"].as_str().map(str::to_string);
        for o in value["origins"].as_array().cloned().unwrap_or_default() {
            let mut ranges = Vec::new();
            for r in o["ranges"].as_array().cloned().unwrap_or_default() {
                let (Some(a), Some(b)) = (r[0].as_i64(), r[1].as_i64()) else {
                    return Err(bad("origins"));
                };
                if a < 1 || b < a || b > COUNTER_LIMIT {
                    return Err(bad("origins"));
                }
                ranges.push((a, b));
            }
            self.origins.push(super::export::Origin {
                site: site(&o["site"], "origins")?,
                office: o["office"].as_str().unwrap_or_default().to_string(),
                ranges,
            });
        }
        for s in value["sites"].as_array().cloned().unwrap_or_default() {
            let office = s["office"]
                .as_str()
                .and_then(|o| crate::settings::office_code(o).ok())
                .ok_or_else(|| bad("sites"))?;
            self.sites.push((site(&s["site"], "sites")?, office));
        }
        Ok(())
    }
}

/// The exchange files of a folder, in the order they are read, with what the manifest expects.
pub type FolderFiles = Vec<(FileKind, PathBuf, Option<(i64, String)>)>;

/// The files of a folder to import, in dependency order, checked against its manifest: a masked
/// export is refused; a file the manifest names that is missing, or a known file it does not list,
/// is refused; the rows and checksum each file must have are returned, to be compared with the
/// bytes actually parsed.
pub fn folder_files(
    dir: &Path,
    warnings: &mut Vec<String>,
) -> Result<(FolderFiles, Option<Manifest>)> {
    let mut found: Vec<(FileKind, PathBuf)> = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| storage(t!(Msg::FileUnreadable, dir.display(), e)))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    for name in names {
        let lower = name.to_lowercase();
        match FileKind::parse(&lower) {
            Some(kind) if lower.ends_with(".csv") => {
                let path = dir.join(&name);
                regular_file(&path)?;
                found.push((kind, path));
            }
            _ if lower == "manifest.json" || lower == super::sign::SIGNATURE_FILE => {}
            _ => warnings.push(t!(Msg::ImportFileIgnored, quoted(&name))),
        }
    }
    found.sort_by_key(|(k, _)| *k);
    let manifest_path = dir.join("manifest.json");
    if std::fs::symlink_metadata(&manifest_path).is_err() {
        warnings.push(t!(Msg::ImportNoManifest));
        return Ok((found.into_iter().map(|(k, p)| (k, p, None)).collect(), None));
    }
    regular_file(&manifest_path)?;
    let mut text = String::new();
    File::open(&manifest_path)
        .and_then(|f| f.take(MANIFEST_LIMIT).read_to_string(&mut text))
        .map_err(|e| refused(t!(Msg::ManifestInvalid, e)))?;
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
    let mut listed: HashMap<FileKind, (i64, String)> = HashMap::new();
    for entry in &files {
        let name = entry["name"].as_str().unwrap_or("");
        // The manifest only names files; it never says where to read from.
        let kind = FileKind::ALL
            .into_iter()
            .find(|k| k.file_name() == name)
            .ok_or_else(|| refused(t!(Msg::ManifestUnknownFile, quoted(name))))?;
        if !found.iter().any(|(k, _)| *k == kind) {
            return Err(refused(t!(
                Msg::ManifestMismatch,
                name,
                t!(Msg::ManifestFileMissing)
            )));
        }
        let rows = entry["rows"].as_i64().unwrap_or(-1);
        let sha = entry["sha256"].as_str().unwrap_or("").to_string();
        listed.insert(kind, (rows, sha));
    }
    let mut out = Vec::new();
    for (kind, path) in found {
        let expected = listed
            .get(&kind)
            .cloned()
            .ok_or_else(|| refused(t!(Msg::ManifestUnlisted, kind.file_name())))?;
        out.push((kind, path, Some(expected)));
    }
    let signature_path = dir.join(super::sign::SIGNATURE_FILE);
    let signature = match std::fs::symlink_metadata(&signature_path) {
        Err(_) => None,
        Ok(_) => {
            regular_file(&signature_path)?;
            let mut sig = String::new();
            File::open(&signature_path)
                .and_then(|f| f.take(4096).read_to_string(&mut sig))
                .map_err(|e| refused(t!(Msg::ManifestInvalid, e)))?;
            Some(sig)
        }
    };
    let mut m = Manifest {
        office_code: manifest["office_code"].as_str().map(str::to_string),
        files,
        version: manifest["version"].as_i64().unwrap_or(1),
        signature,
        bytes: text.into_bytes(),
        ..Manifest::default()
    };
    m.read_v2(&manifest)?;
    Ok((out, Some(m)))
}

/// Compares a table read to its end with what the manifest said about it.
pub fn check_against_manifest(table: &mut Table) -> Result<()> {
    let (Some((rows, sha)), Some((read, hash))) = (table.expected.clone(), table.rows.digest())
    else {
        return Ok(());
    };
    if rows != read as i64 {
        return Err(refused(t!(
            Msg::ManifestMismatch,
            table.name,
            t!(Msg::ManifestRows, rows, read)
        )));
    }
    if sha != hash {
        return Err(refused(t!(
            Msg::ManifestMismatch,
            table.name,
            t!(Msg::ManifestChecksum)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<u64> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("persons.csv");
        std::fs::write(&path, text).unwrap();
        let mut table = open(&path, None).unwrap();
        let mut record = csv::StringRecord::new();
        let mut lines = Vec::new();
        while let Some((line, _)) = table.rows.next_row("persons.csv", &mut record).unwrap() {
            lines.push(line);
        }
        lines
    }

    #[test]
    fn line_numbers_count_every_kind_of_line_end() {
        let lf = "person_uid,full_name\na,b\nc,d\n";
        assert_eq!(lines_of(lf), [2, 3]);
        assert_eq!(lines_of(&lf.replace('\n', "\r\n")), [2, 3]);
        assert_eq!(lines_of(&lf.replace('\n', "\r")), [2, 3]);
        assert_eq!(
            lines_of("\u{feff}person_uid,full_name\r\na,\"b\r\nb\"\r\nc,d\r\n"),
            [2, 4]
        );
    }

    #[test]
    fn misspelt_headers_are_recognised() {
        let known = FileKind::Persons.columns();
        assert_eq!(meant("Full Name", &known), Some("full_name"));
        assert_eq!(meant("birth_dat", &known), Some("birth_date"));
        assert_eq!(meant("remarks", &known), None);
    }
}
