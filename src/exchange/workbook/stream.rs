//! An untrusted workbook read straight from its zip archive, cell by cell: the archive's parts are
//! unpacked as streams (never more than the size each part declares), the XML is read one element
//! at a time, and nothing is allocated for what the file says it holds (a shared-string count, a
//! sheet's dimension, a cell at XFD1048576), only for what it does hold, up to `Limits`. A sheet is
//! read one row at a time: a row has at most `Limits::columns` cells with a value, a workbook at
//! most `Limits::cells`, its shared texts at most `Limits::text_bytes`. Past a limit the workbook is
//! refused with what was wrong.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::rc::Rc;

use anyhow::Result;
use calamine::{CellErrorType, Data, ExcelDateTime, ExcelDateTimeType};
use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;

use crate::error::refused;
use crate::exchange::read::quoted;
use crate::i18n::Msg;
use crate::t;
use crate::xlsx::column_letters;

/// How much of a workbook is read.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// What the parts may unpack to, together (as they declare it).
    pub unpacked: u64,
    /// Rows of a sheet (a spreadsheet's own limit).
    pub rows: u32,
    /// Columns a cell with a value may be in: far more than any exchange sheet has.
    pub columns: u32,
    /// Cells with a value, in the whole workbook.
    pub cells: u64,
    /// Bytes and number of the shared texts (held while the sheets are read).
    pub text_bytes: usize,
    pub texts: usize,
    /// Bytes of one cell's text (a spreadsheet holds at most 32,767 characters).
    pub cell_text: usize,
    /// Bytes of one XML element or text between two tags.
    pub element: usize,
    pub sheets: usize,
}

pub const LIMITS: Limits = Limits {
    unpacked: 1 << 30,
    rows: 1_048_576,
    columns: 200,
    cells: 20_000_000,
    text_bytes: 64 << 20,
    texts: 2_000_000,
    cell_text: 256 << 10,
    element: 1 << 20,
    sheets: 256,
};

/// Where the archive is: a file (opened again for each part, so parts stream side by side) or
/// bytes in memory (tests and fuzzing).
#[derive(Clone)]
pub enum Bytes {
    File(PathBuf),
    Memory(Rc<[u8]>),
}

trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

impl Bytes {
    fn open(&self) -> std::io::Result<Box<dyn ReadSeek>> {
        Ok(match self {
            Bytes::File(path) => Box::new(BufReader::new(File::open(path)?)),
            Bytes::Memory(bytes) => Box::new(Cursor::new(Rc::clone(bytes))),
        })
    }
}

/// One part of the archive: where its packed bytes are and what it declares.
struct Entry {
    start: u64,
    packed: u64,
    size: u64,
    deflated: bool,
}

/// The shared texts, in one buffer (a `String` each would cost more than most of them hold).
#[derive(Default)]
struct Shared {
    text: String,
    ends: Vec<u32>,
}

impl Shared {
    fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        self.text.get(start..end)
    }
}

/// A reader that refuses to go on once one XML event has taken more than `limit` bytes (the XML
/// reader would otherwise gather a text or a tag of any length).
struct Bounded<R> {
    inner: R,
    since: usize,
    limit: usize,
    exceeded: bool,
}

impl<R: BufRead> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Bounded<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.since > self.limit {
            self.exceeded = true;
            return Err(std::io::Error::other("XML element too long"));
        }
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.since += n;
        self.inner.consume(n);
    }
}

type XmlReader = quick_xml::Reader<Bounded<BufReader<Box<dyn Read>>>>;

/// One part read as XML, one event at a time.
struct Xml {
    reader: XmlReader,
    buf: Vec<u8>,
    part: String,
    label: Rc<str>,
}

impl Xml {
    fn next(&mut self) -> Result<Event<'_>> {
        self.reader.get_mut().since = 0;
        self.buf.clear();
        match self.reader.read_event_into(&mut self.buf) {
            Ok(event) => Ok(event),
            Err(e) => {
                let reason = match self.reader.get_ref().exceeded {
                    true => t!(
                        Msg::WorkbookElementTooLong,
                        self.part,
                        self.reader.get_ref().limit >> 10
                    ),
                    false => t!(Msg::WorkbookPartBroken, self.part, e),
                };
                Err(refused(t!(Msg::WorkbookRefused, self.label, reason)))
            }
        }
    }

    /// The text up to the end of the element just started (`name`), its inner elements' texts
    /// included unless they are phonetic hints (`rPh`); `None` past `limit` bytes.
    fn text_until_end(&mut self, name: &str, limit: usize) -> Result<Option<String>> {
        let mut text = String::new();
        let mut depth = 0usize;
        let mut phonetic = 0usize;
        let mut too_long = false;
        loop {
            match self.next()? {
                Event::Start(e) => {
                    depth += 1;
                    if e.local_name().as_ref() == "rPh" || phonetic > 0 {
                        phonetic += 1;
                    }
                }
                Event::End(e) => {
                    if depth == 0 {
                        if e.local_name().as_ref() == name {
                            break;
                        }
                        continue;
                    }
                    depth -= 1;
                    phonetic = phonetic.saturating_sub(1);
                }
                Event::Text(t) if phonetic == 0 => text.push_str(&t.xml10_content()),
                Event::CData(t) if phonetic == 0 => text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) if phonetic == 0 => match r.resolve_char_ref() {
                    Ok(Some(c)) => text.push(c),
                    Ok(None) => text.push_str(match r.as_ref() {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "apos" => "'",
                        "quot" => "\"",
                        _ => "",
                    }),
                    Err(_) => {}
                },
                Event::Eof => break,
                _ => {}
            }
            if text.len() > limit {
                too_long = true;
                text.clear();
            }
        }
        Ok((!too_long).then_some(text))
    }
}

fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_default()
        })
}

/// A relationship's target as a part name (`worksheets/sheet1.xml` beside `xl/workbook.xml`).
fn part_name(target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/").to_lowercase()
}

/// Whether a number format shows a date or a time (ECMA-376 18.8.30 for the built-in ones).
fn date_format(id: u32, custom: &HashMap<u32, bool>) -> bool {
    match id {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => true,
        _ => custom.get(&id).copied().unwrap_or(false),
    }
}

/// Whether a format code shows a date or time: a d, m, y, h or s outside quotes, brackets and
/// escapes, in its first section.
fn date_code(code: &str) -> bool {
    let mut chars = code.chars();
    let mut quoted = false;
    let mut brackets = 0u32;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => brackets += 1,
            ']' => brackets = brackets.saturating_sub(1),
            ';' => return false,
            'd' | 'm' | 'y' | 'h' | 's' | 'D' | 'M' | 'Y' | 'H' | 'S' if brackets == 0 => {
                return true
            }
            _ => {}
        }
    }
    false
}

/// A cell reference (`B5`) as 0-based row and column, within a spreadsheet's own bounds.
fn reference(r: &str) -> Option<(u32, u32)> {
    let letters = r.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    let (column, row) = r.split_at(letters);
    if !(1..=3).contains(&letters) || row.is_empty() || row.len() > 7 {
        return None;
    }
    let column = column.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u32 = row.parse().ok().filter(|r| (1..=1_048_576).contains(r))?;
    (column <= 16_384).then_some((row - 1, column - 1))
}

/// What every sheet of a workbook shares.
struct Common {
    label: Rc<str>,
    limits: Limits,
    shared: Shared,
    /// Cell formats (`s`) that show a date.
    dates: Vec<bool>,
    is_1904: bool,
    /// Cells with a value read so far, in every sheet.
    cells: Cell<u64>,
}

/// A workbook opened for reading: its sheets by name, in the order it lists them.
pub struct Book {
    bytes: Bytes,
    entries: HashMap<String, Entry>,
    pub sheets: Vec<(String, String)>,
    common: Rc<Common>,
}

impl Book {
    /// Opens a workbook: the archive's directory, the list of sheets, the shared texts and the
    /// cell formats. `label` names the file in messages.
    pub fn open(bytes: Bytes, label: &str, limits: Limits) -> Result<Book> {
        let label: Rc<str> = Rc::from(label);
        let unreadable = |e: &dyn std::fmt::Display| refused(t!(Msg::WorkbookUnreadable, label, e));
        let reader = bytes.open().map_err(|e| unreadable(&e))?;
        let mut archive = zip::ZipArchive::new(reader).map_err(|e| unreadable(&e))?;
        let mut entries = HashMap::new();
        let mut total: u64 = 0;
        for i in 0..archive.len() {
            let file = archive.by_index_raw(i).map_err(|e| unreadable(&e))?;
            total = total.saturating_add(file.size());
            let name = String::from_utf8_lossy(file.name_raw()).to_lowercase();
            let deflated = match file.compression() {
                zip::CompressionMethod::Stored => false,
                zip::CompressionMethod::Deflated => true,
                _ => {
                    // Known only if it is ever read.
                    entries.insert(name, None);
                    continue;
                }
            };
            let entry = match (file.encrypted(), file.data_start()) {
                (false, Some(start)) => Some(Entry {
                    start,
                    packed: file.compressed_size(),
                    size: file.size(),
                    deflated,
                }),
                _ => None,
            };
            entries.insert(name, entry);
        }
        if total > limits.unpacked {
            return Err(refused(t!(
                Msg::WorkbookTooLarge,
                label,
                total >> 20,
                limits.unpacked >> 20
            )));
        }
        let mut book = Book {
            bytes,
            entries: HashMap::new(),
            sheets: Vec::new(),
            common: Rc::new(Common {
                label: Rc::clone(&label),
                limits,
                shared: Shared::default(),
                dates: Vec::new(),
                is_1904: false,
                cells: Cell::new(0),
            }),
        };
        let mut packed_unknown = HashSet::new();
        for (name, entry) in entries {
            match entry {
                Some(e) => {
                    book.entries.insert(name, e);
                }
                None => {
                    packed_unknown.insert(name);
                }
            }
        }
        let part = |book: &Book, name: &str| -> Result<Option<Xml>> {
            if packed_unknown.contains(name) {
                return Err(book.refuse(t!(Msg::WorkbookPartPacked, name)));
            }
            book.part(name)
        };
        let relationships = match part(&book, "xl/_rels/workbook.xml.rels")? {
            Some(xml) => book.relationships(xml)?,
            None => HashMap::new(),
        };
        let Some(workbook) = part(&book, "xl/workbook.xml")? else {
            return Err(book.refuse(t!(Msg::WorkbookPartMissing, "xl/workbook.xml")));
        };
        let (sheets, is_1904) = book.workbook(workbook, &relationships)?;
        let target = |kind: &str, default: &str| {
            relationships
                .values()
                .find(|(t, _)| t.ends_with(kind))
                .map(|(_, target)| target.clone())
                .unwrap_or_else(|| default.to_string())
        };
        let shared = match part(&book, &target("/sharedStrings", "xl/sharedstrings.xml"))? {
            Some(xml) => book.shared(xml)?,
            None => Shared::default(),
        };
        let dates = match part(&book, &target("/styles", "xl/styles.xml"))? {
            Some(xml) => book.styles(xml)?,
            None => Vec::new(),
        };
        for (_, sheet_part) in &sheets {
            if packed_unknown.contains(sheet_part) {
                return Err(book.refuse(t!(Msg::WorkbookPartPacked, sheet_part)));
            }
        }
        book.sheets = sheets;
        book.common = Rc::new(Common {
            label,
            limits,
            shared,
            dates,
            is_1904,
            cells: Cell::new(0),
        });
        Ok(book)
    }

    fn refuse(&self, reason: String) -> anyhow::Error {
        refused(t!(Msg::WorkbookRefused, self.common.label, reason))
    }

    /// A part of the archive as XML, `None` when there is no such part.
    fn part(&self, name: &str) -> Result<Option<Xml>> {
        let Some(entry) = self.entries.get(&name.to_lowercase()) else {
            return Ok(None);
        };
        let broken = |e: std::io::Error| self.refuse(t!(Msg::WorkbookPartBroken, name, e));
        let mut raw = self.bytes.open().map_err(broken)?;
        raw.seek(SeekFrom::Start(entry.start)).map_err(broken)?;
        let packed = raw.take(entry.packed);
        // Never more than the part says it unpacks to (what the limit was checked against).
        let unpacked: Box<dyn Read> = match entry.deflated {
            true => Box::new(flate2::read::DeflateDecoder::new(packed).take(entry.size)),
            false => Box::new(packed.take(entry.size)),
        };
        let bounded = Bounded {
            inner: BufReader::with_capacity(64 << 10, unpacked),
            since: 0,
            limit: self.common.limits.element,
            exceeded: false,
        };
        let mut reader = quick_xml::Reader::from_reader(bounded);
        reader.config_mut().trim_text(false);
        Ok(Some(Xml {
            reader,
            buf: Vec::new(),
            part: name.to_string(),
            label: Rc::clone(&self.common.label),
        }))
    }

    /// The workbook's relationships: id to (type, part name).
    fn relationships(&self, mut xml: Xml) -> Result<HashMap<String, (String, String)>> {
        let mut found = HashMap::new();
        loop {
            match xml.next()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                    if found.len() >= self.common.limits.sheets * 4 {
                        return Err(
                            self.refuse(t!(Msg::WorkbookTooManySheets, self.common.limits.sheets))
                        );
                    }
                    let id = attribute(&e, "Id").unwrap_or_default();
                    let kind = attribute(&e, "Type").unwrap_or_default();
                    let target = part_name(&attribute(&e, "Target").unwrap_or_default());
                    found.insert(id, (kind, target));
                }
                Event::Eof => return Ok(found),
                _ => {}
            }
        }
    }

    /// The sheets (name, part) and whether dates count from 1904.
    fn workbook(
        &self,
        mut xml: Xml,
        relationships: &HashMap<String, (String, String)>,
    ) -> Result<(Vec<(String, String)>, bool)> {
        let mut sheets = Vec::new();
        let mut is_1904 = false;
        loop {
            match xml.next()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "workbookPr" => {
                        is_1904 = matches!(attribute(&e, "date1904").as_deref(), Some("1" | "true"))
                    }
                    "sheet" => {
                        if sheets.len() >= self.common.limits.sheets {
                            return Err(self.refuse(t!(
                                Msg::WorkbookTooManySheets,
                                self.common.limits.sheets
                            )));
                        }
                        let name = attribute(&e, "name").unwrap_or_default();
                        // `r:id`: the relationship naming the sheet's part.
                        let id = e
                            .attributes()
                            .flatten()
                            .find(|a| {
                                a.key.local_name().as_ref() == "id" && a.key.prefix().is_some()
                            })
                            .and_then(|a| {
                                a.normalized_value(XmlVersion::Implicit1_0)
                                    .ok()
                                    .map(|v| v.into_owned())
                            })
                            .unwrap_or_default();
                        let part = relationships
                            .get(&id)
                            .map(|(_, target)| target.clone())
                            .unwrap_or_else(|| {
                                format!("xl/worksheets/sheet{}.xml", sheets.len() + 1)
                            });
                        sheets.push((name, part));
                    }
                    _ => {}
                },
                Event::Eof => return Ok((sheets, is_1904)),
                _ => {}
            }
        }
    }

    fn shared(&self, mut xml: Xml) -> Result<Shared> {
        let limits = self.common.limits;
        let mut shared = Shared::default();
        let too_many = || {
            self.refuse(t!(
                Msg::WorkbookTooManyTexts,
                limits.text_bytes >> 20,
                limits.texts
            ))
        };
        loop {
            let text = match xml.next()? {
                Event::Start(e) if e.local_name().as_ref() == "si" => {
                    xml.text_until_end("si", limits.text_bytes)?
                }
                Event::Empty(e) if e.local_name().as_ref() == "si" => Some(String::new()),
                Event::Eof => return Ok(shared),
                _ => continue,
            };
            let text = text.ok_or_else(too_many)?;
            if shared.ends.len() >= limits.texts
                || shared.text.len() + text.len() > limits.text_bytes
            {
                return Err(too_many());
            }
            shared.text.push_str(&text);
            shared.ends.push(shared.text.len() as u32);
        }
    }

    /// For each cell format (`s` of a cell), whether it shows a date.
    fn styles(&self, mut xml: Xml) -> Result<Vec<bool>> {
        // A spreadsheet allows 64,000 formats; those past it are read as not dates.
        const FORMATS: usize = 65_536;
        let mut custom = HashMap::new();
        let mut dates = Vec::new();
        let mut in_cell_formats = false;
        loop {
            let (e, opens) = match xml.next()? {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(e) if e.local_name().as_ref() == "cellXfs" => {
                    in_cell_formats = false;
                    continue;
                }
                Event::Eof => return Ok(dates),
                _ => continue,
            };
            match e.local_name().as_ref() {
                "numFmt" if custom.len() < FORMATS => {
                    let id = attribute(&e, "numFmtId").and_then(|i| i.parse().ok());
                    let code = attribute(&e, "formatCode").unwrap_or_default();
                    if let Some(id) = id {
                        custom.insert(id, date_code(&code));
                    }
                }
                "cellXfs" => in_cell_formats = opens,
                "xf" if in_cell_formats && dates.len() < FORMATS => {
                    let id = attribute(&e, "numFmtId")
                        .and_then(|i| i.parse().ok())
                        .unwrap_or(0);
                    dates.push(date_format(id, &custom));
                }
                _ => {}
            }
        }
    }

    /// A sheet, to read row by row; `None` when its part is missing.
    pub fn sheet(&self, name: &str, part: &str) -> Result<Sheet> {
        let Some(xml) = self.part(part)? else {
            return Err(self.refuse(t!(Msg::WorkbookPartMissing, part)));
        };
        Ok(Sheet {
            xml,
            name: name.to_string(),
            common: Rc::clone(&self.common),
            last_row: None,
            done: false,
        })
    }

    pub fn is_1904(&self) -> bool {
        self.common.is_1904
    }
}

/// One sheet, read one row at a time.
pub struct Sheet {
    xml: Xml,
    name: String,
    common: Rc<Common>,
    last_row: Option<u32>,
    done: bool,
}

/// What a cell element holds before it is a value.
struct RawCell {
    kind: String,
    style: Option<usize>,
    value: Option<String>,
    inline: Option<String>,
}

impl Sheet {
    fn refuse(&self, reason: String) -> anyhow::Error {
        refused(t!(Msg::WorkbookRefused, self.common.label, reason))
    }

    /// The next row holding a value: its 0-based index in the sheet and its cells from column A to
    /// the last one holding a value (`Data::Empty` between).
    pub fn next_row(&mut self) -> Result<Option<(u32, Vec<Data>)>> {
        let mut row: Option<(u32, Vec<Data>)> = None;
        let mut column: Option<u32> = None;
        while !self.done {
            let (element, empty) = match self.xml.next()? {
                Event::Start(e) => (e.into_owned(), false),
                Event::Empty(e) => (e.into_owned(), true),
                Event::End(e) if e.local_name().as_ref() == "row" => {
                    if let Some((index, cells)) = row.take() {
                        if !cells.is_empty() {
                            return Ok(Some((index, cells)));
                        }
                    }
                    continue;
                }
                Event::End(e) if e.local_name().as_ref() == "sheetData" => {
                    self.done = true;
                    break;
                }
                Event::Eof => {
                    self.done = true;
                    break;
                }
                _ => continue,
            };
            match element.local_name().as_ref() {
                "row" => {
                    let index = match attribute(&element, "r") {
                        Some(r) => r
                            .trim()
                            .parse::<u32>()
                            .ok()
                            .filter(|r| (1..=self.common.limits.rows).contains(r))
                            .map(|r| r - 1)
                            .ok_or_else(|| {
                                self.refuse(t!(Msg::WorkbookBadReference, self.name, quoted(&r)))
                            })?,
                        None => self.last_row.map_or(0, |r| r + 1),
                    };
                    if let Some(last) = self.last_row.filter(|last| index <= *last) {
                        return Err(self.refuse(t!(
                            Msg::WorkbookRowsOutOfOrder,
                            self.name,
                            index + 1,
                            last + 1
                        )));
                    }
                    self.last_row = Some(index);
                    column = None;
                    if !empty {
                        row = Some((index, Vec::new()));
                    }
                }
                "c" => {
                    let at = match attribute(&element, "r") {
                        Some(r) => {
                            let (_, c) = reference(r.trim()).ok_or_else(|| {
                                self.refuse(t!(Msg::WorkbookBadReference, self.name, quoted(&r)))
                            })?;
                            c
                        }
                        None => column.map_or(0, |c| c + 1),
                    };
                    column = Some(at);
                    let raw = RawCell {
                        kind: attribute(&element, "t").unwrap_or_default(),
                        style: attribute(&element, "s").and_then(|s| s.parse().ok()),
                        value: None,
                        inline: None,
                    };
                    let raw = match empty {
                        true => raw,
                        false => self.cell_content(raw, at)?,
                    };
                    let Some((index, cells)) = row.as_mut() else {
                        // A cell outside a row: not part of any row read.
                        continue;
                    };
                    let value = self.value(raw, *index, at)?;
                    if value == Data::Empty {
                        continue;
                    }
                    if at >= self.common.limits.columns {
                        return Err(self.refuse(t!(
                            Msg::WorkbookCellOutside,
                            self.cell_name(*index, at),
                            self.name,
                            self.common.limits.rows,
                            self.common.limits.columns
                        )));
                    }
                    let count = self.common.cells.get() + 1;
                    if count > self.common.limits.cells {
                        return Err(
                            self.refuse(t!(Msg::WorkbookTooManyCells, self.common.limits.cells))
                        );
                    }
                    self.common.cells.set(count);
                    let at = at as usize;
                    if cells.len() <= at {
                        cells.resize(at + 1, Data::Empty);
                    }
                    cells[at] = value;
                }
                _ => {}
            }
        }
        Ok(row.filter(|(_, cells)| !cells.is_empty()))
    }

    fn cell_name(&self, row: u32, column: u32) -> String {
        format!("{}{}", column_letters(column), row + 1)
    }

    /// Reads a cell element's content: its value (`<v>`) or inline text (`<is>`); a formula is
    /// skipped (its last value is what counts).
    fn cell_content(&mut self, mut raw: RawCell, column: u32) -> Result<RawCell> {
        let limit = self.common.limits.cell_text;
        loop {
            let (name, text) = match self.xml.next()? {
                Event::Start(e) => {
                    let name = e.local_name().as_ref().to_string();
                    let text = self.xml.text_until_end(&name, limit)?;
                    (name, text)
                }
                Event::End(e) if e.local_name().as_ref() == "c" => return Ok(raw),
                Event::Eof => return Ok(raw),
                _ => continue,
            };
            let Some(text) = text else {
                let row = self.last_row.unwrap_or(0);
                return Err(self.refuse(t!(
                    Msg::WorkbookTextTooLong,
                    self.name,
                    self.cell_name(row, column),
                    limit >> 10
                )));
            };
            match name.as_str() {
                "v" => raw.value = Some(text),
                "is" => raw.inline = Some(text),
                _ => {}
            }
        }
    }

    fn value(&self, raw: RawCell, row: u32, column: u32) -> Result<Data> {
        let text = match raw.kind.as_str() {
            "inlineStr" => raw.inline.or(raw.value),
            _ => raw.value.or(raw.inline),
        };
        let Some(text) = text else {
            return Ok(Data::Empty);
        };
        let value = match raw.kind.as_str() {
            "s" => {
                let found = text
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| self.common.shared.get(i));
                match found {
                    Some(s) => Data::String(s.to_string()),
                    None => {
                        return Err(self.refuse(t!(
                            Msg::WorkbookSharedTextUnknown,
                            self.cell_name(row, column),
                            self.name,
                            quoted(&text)
                        )))
                    }
                }
            }
            "b" => match text.trim() {
                "1" | "true" => Data::Bool(true),
                "0" | "false" => Data::Bool(false),
                _ => Data::String(text),
            },
            "e" => match text.trim().parse::<CellErrorType>() {
                Ok(e) => Data::Error(e),
                Err(_) => Data::String(text),
            },
            "d" => Data::DateTimeIso(text),
            "" | "n" => match text.trim().parse::<f64>() {
                Ok(x) if x.is_finite() => {
                    let date = raw
                        .style
                        .and_then(|s| self.common.dates.get(s).copied())
                        .unwrap_or(false);
                    // Only a plausible serial day (years 1900 to 9999) is taken as a date.
                    match date && (0.0..2_958_466.0).contains(&x) {
                        true => Data::DateTime(ExcelDateTime::new(
                            x,
                            ExcelDateTimeType::DateTime,
                            self.common.is_1904,
                        )),
                        false => Data::Float(x),
                    }
                }
                _ => Data::String(text),
            },
            _ => Data::String(text),
        };
        Ok(match value {
            Data::String(s) if s.is_empty() => Data::Empty,
            v => v,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A workbook of one sheet, `persons`, whose `<sheetData>` holds `rows`, and `shared` as its
    /// shared texts part (if any).
    pub(crate) fn workbook(rows: &str, shared: Option<&str>) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let mut parts = vec![
            (
                "xl/workbook.xml".to_string(),
                format!(
                    r#"<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="persons" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                ),
            ),
            (
                "xl/_rels/workbook.xml.rels".to_string(),
                format!(
                    r#"<Relationships><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
                ),
            ),
            (
                "xl/worksheets/sheet1.xml".to_string(),
                format!(r#"<worksheet xmlns="{main}"><sheetData>{rows}</sheetData></worksheet>"#),
            ),
        ];
        if let Some(shared) = shared {
            parts.push((
                "xl/sharedStrings.xml".to_string(),
                format!(r#"<sst xmlns="{main}">{shared}</sst>"#),
            ));
        }
        for (name, text) in parts {
            zip.start_file(name, options).unwrap();
            std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// Every row of the workbook's sheet, or the refusal.
    pub(crate) fn rows_of(bytes: Vec<u8>, limits: Limits) -> Result<Vec<(u32, Vec<Data>)>> {
        let book = Book::open(Bytes::Memory(Rc::from(bytes)), "test.xlsx", limits)?;
        let (name, part) = book.sheets[0].clone();
        let mut sheet = book.sheet(&name, &part)?;
        let mut rows = Vec::new();
        while let Some(row) = sheet.next_row()? {
            rows.push(row);
        }
        Ok(rows)
    }

    #[track_caller]
    fn refusal(bytes: Vec<u8>, limits: Limits) -> String {
        format!("{:#}", rows_of(bytes, limits).unwrap_err())
    }

    #[test]
    fn cells_are_read_by_their_type_and_place() {
        let rows = r#"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>a&amp;b</t><r><t>&#x41;</t></r><rPh><t>hint</t></rPh></is></c></row>
            <row r="3"><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c><v>12.5</v></c><c r="F3" t="str"><f>A1</f><v>x</v></c><c r="G3" s="0"/></row>
            <row r="4"><c r="A4" t="s"><v>0</v></c></row>"#;
        let shared = "<si><t></t></si><si><r><t>Bu</t></r><r><t>di</t></r></si>";
        let read = rows_of(workbook(rows, Some(shared)), LIMITS).unwrap();
        assert_eq!(
            read.len(),
            2,
            "a row of empty texts only is no row: {read:?}"
        );
        assert_eq!(
            read[0],
            (
                0,
                vec![
                    Data::String("Budi".into()),
                    Data::Empty,
                    Data::String("a&bA".into())
                ]
            )
        );
        assert_eq!(read[1].0, 2);
        assert_eq!(read[1].1[0], Data::Bool(true));
        assert_eq!(read[1].1[1], Data::Error(CellErrorType::NA));
        assert_eq!(read[1].1[2], Data::Float(12.5));
        assert_eq!(read[1].1[5], Data::String("x".into()));
        assert_eq!(read[1].1.len(), 6);
    }

    #[test]
    fn each_limit_refuses_the_workbook_with_what_was_wrong() {
        let cell = |r: u32| format!(r#"<row r="{r}"><c r="A{r}"><v>1</v></c></row>"#);
        let three: String = (1..=3).map(cell).collect();
        let limits = Limits { cells: 2, ..LIMITS };
        let error = refusal(workbook(&three, None), limits);
        assert!(error.contains("more than 2 cells with values"), "{error}");
        let shared = "<si><t>aaaa</t></si><si><t>bbbb</t></si>";
        let limits = Limits {
            text_bytes: 6,
            ..LIMITS
        };
        let error = refusal(workbook("", Some(shared)), limits);
        assert!(error.contains("shared texts exceed"), "{error}");
        let limits = Limits { texts: 1, ..LIMITS };
        assert!(refusal(workbook("", Some(shared)), limits).contains("shared texts exceed"));
        let long = format!(
            r#"<row r="1"><c r="B1" t="inlineStr"><is><t>{}</t></is></c></row>"#,
            "x".repeat(3000)
        );
        let limits = Limits {
            cell_text: 2048,
            ..LIMITS
        };
        let error = refusal(workbook(&long, None), limits);
        assert!(
            error.contains("sheet 'persons': cell B1 holds more than 2 KB of text"),
            "{error}"
        );
        // An element is checked each time the XML reader asks for more bytes (every 64 KiB).
        let longer = long.replace(&"x".repeat(3000), &"x".repeat(200_000));
        let limits = Limits {
            element: 1024,
            ..LIMITS
        };
        let error = refusal(workbook(&longer, None), limits);
        assert!(error.contains("holds one XML element over 1 KB"), "{error}");
        // An entity per character: the text grows without any one event being long.
        let refs = format!(
            r#"<row r="1"><c r="B1" t="inlineStr"><is><t>{}</t></is></c></row>"#,
            "&amp;".repeat(3000)
        );
        let limits = Limits {
            cell_text: 2048,
            ..LIMITS
        };
        assert!(refusal(workbook(&refs, None), limits).contains("more than 2 KB of text"));
        let unknown = r#"<row r="1"><c r="A1" t="s"><v>7</v></c></row>"#;
        let error = refusal(workbook(unknown, Some("<si><t>a</t></si>")), LIMITS);
        assert!(
            error.contains("cell A1 of sheet 'persons' refers to shared text number 7"),
            "{error}"
        );
        let broken = refusal(
            workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></row>", None),
            LIMITS,
        );
        assert!(
            broken.contains("part xl/worksheets/sheet1.xml is damaged"),
            "{broken}"
        );
        let error = format!(
            "{:#}",
            Book::open(
                Bytes::Memory(Rc::from(&b"PK\x03\x04 not a zip"[..])),
                "x.xlsx",
                LIMITS
            )
            .err()
            .unwrap()
        );
        assert!(
            error.contains("x.xlsx cannot be read as an .xlsx workbook"),
            "{error}"
        );
    }

    #[test]
    fn references_within_a_spreadsheet_s_bounds() {
        assert_eq!(reference("A1"), Some((0, 0)));
        assert_eq!(reference("AB12"), Some((11, 27)));
        assert_eq!(reference("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(reference("XFE1"), None);
        assert_eq!(reference("A1048577"), None);
        assert_eq!(reference("A99999999999999999999"), None);
        assert_eq!(reference("AAAA1"), None);
        assert_eq!(reference("1"), None);
        assert_eq!(reference("A"), None);
    }

    #[test]
    fn date_formats_are_told_from_others() {
        assert!(date_code("dd/mm/yyyy"));
        assert!(date_code("[$-421]d mmmm yyyy"));
        assert!(!date_code("0.00"));
        assert!(!date_code("General"));
        assert!(!date_code("\"days\" 0"));
        assert!(!date_code("[Red]0;\"d\""));
        assert_eq!(
            part_name("worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            part_name("/xl/worksheets/../sharedStrings.xml"),
            "xl/sharedstrings.xml"
        );
    }
}
