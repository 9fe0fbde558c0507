//! Reading an exchange workbook into the tables a CSV folder gives (`exchange::read::Table`), so the
//! importer applies the same rules, merge and messages. A workbook arrives like a folder, from
//! another office or back from a clerk's spreadsheet, and is untrusted: only a regular file is
//! opened, one that would unpack to more than 1 GiB is refused before it is read, only the sheets
//! named like exchange files are read (others are a warning), and a sheet's
//! header follows the rules of a CSV file's.
//!
//! What a spreadsheet does to values is undone where it can be told apart: a date cell, a date
//! serial number or a day-first date text in a date column gives the date; a number cell in a
//! text column gives its digits (a phone number that lost its leading 0 gets it back). A number a
//! spreadsheet can no longer have kept whole is refused: spreadsheets keep 15 significant digits,
//! so a 16-digit NIK or card number typed into a number cell comes back with its last digit turned
//! to 0. Such a number is taken only when its 16th digit is not 0 (it was kept whole); otherwise a
//! NIK is refused with the NIK's own spreadsheet message and any other value with the same advice.

use std::cell::RefCell;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::rc::Rc;

use anyhow::Result;
use calamine::{Data, ExcelDateTime, ExcelDateTimeType, Range, Reader, Xlsx};
use serde_json::json;

use super::{table_name, Places, MANIFEST_SHEET};
use crate::domain::text::{csv_safe, FORMULA_LEADS};
use crate::error::{refused, storage};
use crate::exchange::read::{quoted, ImportError, Manifest, Rows, Table};
use crate::exchange::{FileKind, FORMAT, VERSION};
use crate::i18n::Msg;
use crate::t;

/// A workbook opened for import: its tables in the order they are read, what its manifest sheet
/// says, and where each column is (for naming cells in messages).
pub struct Opened {
    pub tables: Vec<Table>,
    pub manifest: Option<Manifest>,
    pub places: Places,
}

/// How a column's cells are read.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Column {
    Nik,
    Phone,
    Date,
    /// `created_at`, `updated_at`: RFC 3339 text.
    Moment,
    Other,
}

fn column_of(kind: FileKind, header: &str) -> Column {
    let date = kind
        .exchange_columns()
        .iter()
        .any(|c| c.date && c.exchange == Some(header));
    match header {
        "nik" => Column::Nik,
        "phone" => Column::Phone,
        _ if date => Column::Date,
        _ if header.ends_with("_at") => Column::Moment,
        _ => Column::Other,
    }
}

/// A text cell as a spreadsheet keeps it after opening a pmi-desk CSV file: `'+6281...`, the CSV
/// formula escape taken as part of the text. The apostrophe is dropped when a formula character
/// follows it, as the CSV reader drops it.
fn without_csv_escape(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(&FORMULA_LEADS[..]) => rest,
        _ => text,
    }
}

/// A number as Excel shows it when it has too many digits: `1.37102E+15`.
fn scientific(x: f64) -> String {
    format!("{x:.5E}").replace('E', "E+").replace("E+-", "E-")
}

/// The digits of a number cell in a text column, or `None` when a spreadsheet cannot have kept the
/// number whole (16 digits ending in 0, or more).
fn number_text(x: f64) -> Option<String> {
    const WHOLE_16: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return Some(format!("{}", x as i64));
    }
    if x.fract() == 0.0 && x.abs() < WHOLE_16 {
        let digits = format!("{}", x as i64);
        return (!digits.ends_with('0')).then_some(digits);
    }
    (x.abs() < 1e15).then(|| format!("{x}"))
}

fn date_text(dt: &ExcelDateTime) -> String {
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{d:02}")
}

fn moment_text(dt: &ExcelDateTime) -> String {
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z")
}

/// A serial day number (days since 1900, as a date cell holds it) that is plausibly a date.
fn serial(x: f64, is_1904: bool) -> Option<ExcelDateTime> {
    (1.0..2_958_466.0)
        .contains(&x)
        .then(|| ExcelDateTime::new(x, ExcelDateTimeType::DateTime, is_1904))
}

/// The text a cell stands for in its column, as a CSV file would hold it; `Err` with the reason
/// when the cell cannot give one.
fn cell_text(cell: &Data, column: Column, is_1904: bool) -> Result<String, String> {
    let text = match (cell, column) {
        (Data::Empty, _) => String::new(),
        (Data::String(s), Column::Date | Column::Moment) => s.clone(),
        (Data::String(s), _) => csv_safe(without_csv_escape(s)).into_owned(),
        (Data::DateTimeIso(s), Column::Date) => s.split('T').next().unwrap_or("").to_string(),
        (Data::DateTimeIso(s) | Data::DurationIso(s), _) => s.clone(),
        (Data::DateTime(dt), Column::Moment) => moment_text(dt),
        (Data::DateTime(dt), _) if dt.is_datetime() => {
            let (.., h, mi, s, ms) = dt.to_ymd_hms_milli();
            match (h, mi, s, ms) {
                (0, 0, 0, 0) => date_text(dt),
                _ if column == Column::Date => date_text(dt),
                _ => moment_text(dt),
            }
        }
        (Data::DateTime(dt), _) => format!("{}", dt.as_f64()),
        (Data::Int(i), _) => return cell_text(&Data::Float(*i as f64), column, is_1904),
        (Data::Float(x), Column::Date) => match serial(*x, is_1904) {
            Some(dt) => date_text(&dt),
            None => format!("{x}"),
        },
        (Data::Float(x), Column::Moment) => match serial(*x, is_1904) {
            Some(dt) => moment_text(&dt),
            None => format!("{x}"),
        },
        (Data::Float(x), Column::Nik) => number_text(*x).unwrap_or_else(|| scientific(*x)),
        (Data::Float(x), Column::Phone) => match number_text(*x) {
            // A spreadsheet drops the leading 0 of 0812...
            Some(digits) if digits.starts_with('8') => format!("0{digits}"),
            Some(digits) => digits,
            None => return Err(t!(Msg::WorkbookNumberLostDigits, scientific(*x))),
        },
        (Data::Float(x), Column::Other) => {
            number_text(*x).ok_or_else(|| t!(Msg::WorkbookNumberLostDigits, scientific(*x)))?
        }
        (Data::Bool(b), _) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        (Data::Error(e), _) => return Err(t!(Msg::WorkbookCellError, e)),
    };
    Ok(text)
}

type Book = Rc<RefCell<Xlsx<BufReader<File>>>>;

/// The rows of one sheet below its header. The sheet is read when its first row is asked for and
/// let go after its last, so only one sheet of the workbook is held at a time.
struct SheetRows {
    book: Book,
    sheet: String,
    /// The sheet's cells, once read; positions are the sheet's own (0-based, from A1).
    range: Option<Range<Data>>,
    /// The next row to read (0-based, in the sheet).
    next: u32,
    columns: Vec<Column>,
    headers: Vec<String>,
    width: usize,
    is_1904: bool,
    done: bool,
}

impl Rows for SheetRows {
    fn next_row(
        &mut self,
        name: &str,
        record: &mut csv::StringRecord,
    ) -> Result<Option<(u64, Option<ImportError>)>> {
        record.clear();
        if self.done {
            return Ok(None);
        }
        if self.range.is_none() {
            let range = self
                .book
                .borrow_mut()
                .worksheet_range(&self.sheet)
                .map_err(|e| refused(t!(Msg::WorkbookUnreadable, name, e)))?;
            self.range = Some(range);
        }
        let range = self.range.as_ref().expect("read above");
        let Some((last_row, last_column)) = range.end() else {
            self.done = true;
            return Ok(None);
        };
        if self.next > last_row {
            self.done = true;
            self.range = None;
            return Ok(None);
        }
        let r = self.next;
        self.next += 1;
        let line = r as u64 + 1;
        let cell = |c: u32| range.get_value((r, c)).unwrap_or(&Data::Empty);
        // Cells past the header count only up to the last one holding something.
        let last = (0..=last_column)
            .rev()
            .find(|c| *cell(*c) != Data::Empty)
            .map(|c| c as usize + 1)
            .unwrap_or(0);
        let mut problem = None;
        for c in 0..self.width.max(last) {
            let value = cell(c as u32);
            let column = self.columns.get(c).copied().unwrap_or(Column::Other);
            match cell_text(value, column, self.is_1904) {
                Ok(text) => record.push_field(&text),
                Err(reason) => {
                    record.push_field("");
                    if problem.is_none() {
                        problem = Some(ImportError {
                            file: name.to_string(),
                            line,
                            column: self
                                .headers
                                .get(c)
                                .cloned()
                                .unwrap_or_else(|| format!("#{}", c + 1)),
                            value: quoted(&value.to_string()),
                            reason,
                        });
                    }
                }
            }
        }
        Ok(Some((line, problem)))
    }

    fn digest(&mut self) -> Option<(u64, String)> {
        None
    }
}

/// The first row of a sheet holding anything (its header), read without reading the whole
/// sheet: its row and its cells from column A.
fn header_of(
    book: &mut Xlsx<BufReader<File>>,
    sheet: &str,
) -> Result<Option<(u32, Vec<String>)>, calamine::XlsxError> {
    let mut cells = book.worksheet_cells_reader(sheet)?;
    let mut header: Option<(u32, Vec<String>)> = None;
    while let Some(cell) = cells.next_cell()? {
        let (row, column) = cell.get_position();
        if header.as_ref().is_some_and(|(r, _)| row > *r) {
            break;
        }
        let value = Data::from(cell.get_value().clone());
        if value == Data::Empty {
            continue;
        }
        let (_, names) = header.get_or_insert_with(|| (row, Vec::new()));
        if names.len() <= column as usize {
            names.resize(column as usize + 1, String::new());
        }
        names[column as usize] = value.to_string();
    }
    Ok(header)
}

fn unreadable(path: &Path, error: impl std::fmt::Display) -> anyhow::Error {
    refused(t!(Msg::WorkbookUnreadable, path.display(), error))
}

/// What the manifest sheet says (key in the first column, value in the second).
fn read_manifest(range: &Range<Data>) -> Result<Manifest> {
    let value = |key: &str| -> String {
        range
            .rows()
            .find(|row| row.first().is_some_and(|k| k.to_string().trim() == key))
            .and_then(|row| row.get(1))
            .map(|v| v.to_string().trim().to_string())
            .unwrap_or_default()
    };
    if value("format") != FORMAT {
        return Err(refused(t!(Msg::ManifestInvalid, "format")));
    }
    let version = value("version").parse::<f64>().unwrap_or(0.0);
    if version > VERSION as f64 {
        return Err(refused(t!(Msg::ManifestNewer, value("version"))));
    }
    if value("masked").eq_ignore_ascii_case("true") {
        return Err(refused(t!(Msg::ImportMasked)));
    }
    let files = value("sheets")
        .split(',')
        .filter_map(|entry| entry.trim().split_once(' '))
        .map(|(name, rows)| json!({"name": name, "rows": rows.parse::<i64>().unwrap_or(-1), "sha256": ""}))
        .collect();
    let office = value("office_code");
    // A workbook is never signed (a clerk may edit it): it is read as from an unknown sender.
    Ok(Manifest {
        office_code: (!office.is_empty()).then_some(office),
        files,
        version: 1,
        ..Manifest::default()
    })
}

/// What the parts of a workbook may unpack to: far above any real exchange workbook, far below what
/// would exhaust a clerk's computer (a "zip bomb" arriving by e-mail).
const UNPACKED_LIMIT: u64 = 1 << 30;

/// Refuses a workbook whose parts say they unpack to more than `limit` bytes.
fn check_unpacked_size(path: &Path, file: &File, limit: u64) -> Result<()> {
    let mut archive = zip::ZipArchive::new(file).map_err(|e| unreadable(path, e))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let size = archive
            .by_index_raw(i)
            .map_err(|e| unreadable(path, e))?
            .size();
        total = total.saturating_add(size);
    }
    if total > limit {
        return Err(refused(t!(
            Msg::WorkbookTooLarge,
            path.display(),
            total >> 20,
            limit >> 20
        )));
    }
    Ok(())
}

/// Opens a workbook to import.
pub fn open(path: &Path, warnings: &mut Vec<String>) -> Result<Opened> {
    let meta = std::fs::symlink_metadata(path)
        .map_err(|e| storage(t!(Msg::FileUnreadable, path.display(), e)))?;
    if !meta.file_type().is_file() {
        return Err(refused(t!(Msg::NotARegularFile, path.display())));
    }
    let file = File::open(path).map_err(|e| storage(t!(Msg::FileUnreadable, path.display(), e)))?;
    check_unpacked_size(path, &file, UNPACKED_LIMIT)?;
    let file = File::open(path).map_err(|e| storage(t!(Msg::FileUnreadable, path.display(), e)))?;
    let mut book = Xlsx::new(BufReader::new(file)).map_err(|e| unreadable(path, e))?;
    let is_1904 = book.has_1904_epoch();
    let workbook = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut manifest = None;
    let mut sheets: Vec<(FileKind, String)> = Vec::new();
    for sheet in book.sheet_names() {
        if sheet.trim().eq_ignore_ascii_case(MANIFEST_SHEET) {
            let range = book
                .worksheet_range(&sheet)
                .map_err(|e| unreadable(path, e))?;
            manifest = Some(read_manifest(&range)?);
            continue;
        }
        match FileKind::parse(&sheet) {
            Some(kind) => {
                if let Some((_, other)) = sheets.iter().find(|(k, _)| *k == kind) {
                    return Err(refused(t!(
                        Msg::ImportSheetTwice,
                        quoted(other),
                        quoted(&sheet),
                        kind.file_name()
                    )));
                }
                sheets.push((kind, sheet));
            }
            None => warnings.push(t!(Msg::ImportSheetIgnored, quoted(&sheet))),
        }
    }
    if manifest.is_none() {
        warnings.push(t!(Msg::ImportNoManifestSheet));
    }
    sheets.sort_by_key(|(kind, _)| *kind);
    let shared: Book = Rc::new(RefCell::new(book));
    let mut tables = Vec::new();
    let mut places = Places::default();
    for (kind, sheet) in sheets {
        let name = table_name(&workbook, &sheet);
        let Some((header_row, raw)) =
            header_of(&mut shared.borrow_mut(), &sheet).map_err(|e| unreadable(path, e))?
        else {
            return Err(refused(t!(Msg::ImportEmptyFile, name)));
        };
        let headers: Vec<String> = raw.iter().map(|h| h.trim().to_lowercase()).collect();
        places.add(&name, &headers, 0);
        let rows = SheetRows {
            book: Rc::clone(&shared),
            sheet,
            range: None,
            next: header_row + 1,
            columns: headers.iter().map(|h| column_of(kind, h)).collect(),
            width: headers.len(),
            headers,
            is_1904,
            done: false,
        };
        tables.push(Table::new(Some(kind), name, raw, Box::new(rows))?);
    }
    Ok(Opened {
        tables,
        manifest,
        places,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_a_spreadsheet_kept_whole_and_those_it_did_not() {
        assert_eq!(
            number_text(1371021508900001.0).as_deref(),
            Some("1371021508900001")
        );
        assert_eq!(number_text(1371010000000000.0), None, "1.37101E+15");
        assert_eq!(
            number_text(1371021508900010.0),
            None,
            "15 digits kept, the 16th lost"
        );
        assert_eq!(number_text(81234567890.0).as_deref(), Some("81234567890"));
        assert_eq!(number_text(1.5).as_deref(), Some("1.5"));
        assert_eq!(scientific(1371010000000000.0), "1.37101E+15");
    }

    #[test]
    fn a_workbook_that_would_unpack_too_large_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for row in 0..4000 {
            sheet
                .write_string(row, 0, format!("{row}{}", "0".repeat(500)))
                .unwrap();
        }
        book.save(&path).unwrap();
        let file = File::open(&path).unwrap();
        check_unpacked_size(&path, &file, UNPACKED_LIMIT).unwrap();
        let file = File::open(&path).unwrap();
        let error = check_unpacked_size(&path, &file, 1 << 20).unwrap_err();
        assert_eq!(crate::error::exit_code(&error), 1);
        let garbage = dir.path().join("not.xlsx");
        std::fs::write(&garbage, b"name,nik\n").unwrap();
        assert!(open(&garbage, &mut Vec::new()).is_err());
    }

    #[test]
    fn cells_as_a_csv_file_would_hold_them() {
        let text = |cell: Data, column| cell_text(&cell, column, false);
        let nik = text(Data::Float(1371021508900001.0), Column::Nik).unwrap();
        assert_eq!(nik, "1371021508900001");
        let lost = text(Data::Float(1371010000000000.0), Column::Nik).unwrap();
        let refused = lost.parse::<crate::domain::Nik>().unwrap_err().0;
        assert_eq!(refused, t!(Msg::NikSpreadsheet, "1.37101E+15"));
        assert_eq!(
            text(Data::Float(45238.0), Column::Date).unwrap(),
            "2023-11-08"
        );
        assert_eq!(
            text(Data::String("08/11/2023".into()), Column::Date).unwrap(),
            "08/11/2023"
        );
        assert_eq!(
            text(Data::Float(81234567890.0), Column::Phone).unwrap(),
            "081234567890"
        );
        assert_eq!(
            text(Data::String("=1+2".into()), Column::Other).unwrap(),
            "'=1+2"
        );
        // Read back as the CSV reader reads a cell: exactly the text of the cell...
        for value in ["=1+2", "'quoted'", "-", "O'Brien", "+6281234567890"] {
            let cell = text(Data::String(value.into()), Column::Other).unwrap();
            assert_eq!(crate::domain::text::csv_unescape(&cell), value);
        }
        // ...except the CSV escape a spreadsheet kept from a pmi-desk CSV file.
        let kept = text(Data::String("'+628832647095".into()), Column::Phone).unwrap();
        assert_eq!(crate::domain::text::csv_unescape(&kept), "+628832647095");
        assert!(text(Data::Float(1371010000000000.0), Column::Other).is_err());
        assert!(text(Data::Error(calamine::CellErrorType::NA), Column::Other).is_err());
    }
}
