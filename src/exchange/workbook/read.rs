//! Reading an exchange workbook into the tables a CSV folder gives (`exchange::read::Table`), so the
//! importer applies the same rules, merge and messages. A workbook arrives like a folder, from
//! another office or back from a clerk's spreadsheet, and is untrusted: only a regular file is
//! opened, only the sheets named like exchange files are read (others are a warning), and a sheet's
//! header follows the rules of a CSV file's.
//!
//! What a spreadsheet does to values is undone where it can be told apart: a date cell, a date
//! serial number or a day-first date text in a date column gives the date; a number cell in a
//! text column gives its digits (a phone number that lost its leading 0 gets it back). A number a
//! spreadsheet can no longer have kept whole is refused: spreadsheets keep 15 significant digits,
//! so a 16-digit NIK or card number typed into a number cell comes back with its last digit turned
//! to 0. Such a number is taken only when its 16th digit is not 0 (it was kept whole); otherwise a
//! NIK is refused with the NIK's own spreadsheet message and any other value with the same advice.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use anyhow::Result;
use calamine::{Data, ExcelDateTime, ExcelDateTimeType, Range, Reader, Xlsx};
use serde_json::json;

use super::{table_name, Places, MANIFEST_SHEET};
use crate::domain::text::csv_safe;
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
        (Data::String(s), _) => csv_safe(s).into_owned(),
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

/// The rows of one sheet below its header.
struct SheetRows {
    range: Range<Data>,
    /// The next row to read, counted in the range.
    next: u32,
    /// The first row and column of the range in the sheet (0-based).
    start: (u32, u32),
    columns: Vec<Column>,
    headers: Vec<String>,
    width: usize,
    is_1904: bool,
}

impl Rows for SheetRows {
    fn next_row(
        &mut self,
        name: &str,
        record: &mut csv::StringRecord,
    ) -> Result<Option<(u64, Option<ImportError>)>> {
        record.clear();
        let (height, range_width) = self.range.get_size();
        if self.next as usize >= height {
            return Ok(None);
        }
        let r = self.next;
        self.next += 1;
        let line = (self.start.0 + r) as u64 + 1;
        // Cells past the header count only up to the last one holding something.
        let last = (0..range_width)
            .rev()
            .find(|c| !matches!(self.range.get((r as usize, *c)), None | Some(Data::Empty)))
            .map(|c| c + 1)
            .unwrap_or(0);
        let mut problem = None;
        for c in 0..self.width.max(last) {
            let cell = self.range.get((r as usize, c)).unwrap_or(&Data::Empty);
            let column = self.columns.get(c).copied().unwrap_or(Column::Other);
            match cell_text(cell, column, self.is_1904) {
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
                            value: quoted(&cell.to_string()),
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
    Ok(Manifest {
        office_code: (!office.is_empty()).then_some(office),
        files,
    })
}

/// Opens a workbook to import.
pub fn open(path: &Path, warnings: &mut Vec<String>) -> Result<Opened> {
    let meta = std::fs::symlink_metadata(path)
        .map_err(|e| storage(t!(Msg::FileUnreadable, path.display(), e)))?;
    if !meta.file_type().is_file() {
        return Err(refused(t!(Msg::NotARegularFile, path.display())));
    }
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
    let mut tables = Vec::new();
    let mut places = Places::default();
    for (kind, sheet) in sheets {
        let name = table_name(&workbook, &sheet);
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| unreadable(path, e))?;
        let start = range.start().unwrap_or((0, 0));
        let (height, width) = range.get_size();
        let Some(header_row) = (0..height)
            .find(|r| (0..width).any(|c| !matches!(range.get((*r, c)), None | Some(Data::Empty))))
        else {
            return Err(refused(t!(Msg::ImportEmptyFile, name)));
        };
        let raw: Vec<String> = (0..width)
            .map(|c| match range.get((header_row, c)) {
                Some(Data::Empty) | None => String::new(),
                Some(cell) => cell.to_string(),
            })
            .collect();
        // The header ends at its last named column.
        let raw: Vec<String> = match raw.iter().rposition(|h| !h.trim().is_empty()) {
            Some(last) => raw[..=last].to_vec(),
            None => Vec::new(),
        };
        let headers: Vec<String> = raw.iter().map(|h| h.trim().to_lowercase()).collect();
        places.add(&name, &headers, start.1);
        let rows = SheetRows {
            columns: headers.iter().map(|h| column_of(kind, h)).collect(),
            width: headers.len(),
            headers,
            range,
            next: header_row as u32 + 1,
            start,
            is_1904,
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
        assert!(text(Data::Float(1371010000000000.0), Column::Other).is_err());
        assert!(text(Data::Error(calamine::CellErrorType::NA), Column::Other).is_err());
    }
}
