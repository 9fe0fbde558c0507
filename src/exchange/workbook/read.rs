//! Reading an exchange workbook into the tables a CSV folder gives (`exchange::read::Table`), so the
//! importer applies the same rules, merge and messages. A workbook arrives like a folder, from
//! another office or back from a clerk's spreadsheet, and is untrusted: only a regular file is
//! opened, one that would unpack to more than 1 GiB is refused before it is read, only the sheets
//! named like exchange files are read (others are a warning), and a sheet's
//! header follows the rules of a CSV file's. Its cells are streamed row by row by `stream`, within
//! bounds, never by a reader that allocates what the file claims; any panic beneath becomes a
//! refusal of the workbook (`guarded`).
//!
//! What a spreadsheet does to values is undone where it can be told apart: a date cell, a date
//! serial number or a day-first date text in a date column gives the date; a number cell in a
//! text column gives its digits (a phone number that lost its leading 0 gets it back). A number a
//! spreadsheet can no longer have kept whole is refused: spreadsheets keep 15 significant digits,
//! so a 16-digit NIK or card number typed into a number cell comes back with its last digit turned
//! to 0. Such a number is taken only when its 16th digit is not 0 (it was kept whole); otherwise a
//! NIK is refused with the NIK's own spreadsheet message and any other value with the same advice.

use std::fs::File;
use std::path::Path;

use anyhow::Result;
use calamine::{Data, ExcelDateTime, ExcelDateTimeType};
use serde_json::json;

use super::stream::{Book, Bytes, Limits, Sheet, LIMITS};
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

/// The rows of one sheet below its header, streamed from the workbook one row at a time.
struct SheetRows {
    sheet: Sheet,
    label: String,
    columns: Vec<Column>,
    headers: Vec<String>,
    width: usize,
    is_1904: bool,
    done: bool,
}

impl SheetRows {
    fn next_cells(&mut self) -> Result<Option<(u32, Vec<Data>)>> {
        if self.done {
            return Ok(None);
        }
        let sheet = &mut self.sheet;
        let next = guarded(&self.label, || sheet.next_row());
        if !matches!(next, Ok(Some(_))) {
            // At the end, after a refusal or a failure of the reader: nothing more is read.
            self.done = true;
        }
        next
    }
}

impl Rows for SheetRows {
    fn next_row(
        &mut self,
        name: &str,
        record: &mut csv::StringRecord,
    ) -> Result<Option<(u64, Option<ImportError>)>> {
        record.clear();
        let Some((r, cells)) = self.next_cells()? else {
            return Ok(None);
        };
        let line = r as u64 + 1;
        let mut problem = None;
        for c in 0..self.width.max(cells.len()) {
            let value = cells.get(c).unwrap_or(&Data::Empty);
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

/// Runs the workbook reader, so that any panic in it (or in the zip, inflate and XML readers
/// beneath) becomes a refusal of the workbook, with nothing written, instead of a crash.
fn guarded<T>(label: &str, read: impl FnOnce() -> Result<T>) -> Result<T> {
    // The default hook would print the panic's own message (in English, with a source path)
    // before the refusal: quiet while the reader runs.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    std::panic::set_hook(hook);
    outcome.unwrap_or_else(|_| {
        Err(refused(t!(
            Msg::WorkbookRefused,
            label,
            t!(Msg::WorkbookReaderFailed)
        )))
    })
}

/// The rows of the manifest sheet read at most (a real one has about ten).
const MANIFEST_ROWS: usize = 1000;

/// What the manifest sheet says (key in the first column, value in the second).
fn read_manifest(sheet: &mut Sheet) -> Result<Manifest> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    while let Some((_, cells)) = sheet.next_row()? {
        let cell = |i: usize| cells.get(i).map(|v| v.to_string().trim().to_string());
        pairs.push((cell(0).unwrap_or_default(), cell(1).unwrap_or_default()));
        if pairs.len() >= MANIFEST_ROWS {
            break;
        }
    }
    let value = |key: &str| -> String {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
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

/// Opens a workbook file to import.
pub fn open(path: &Path, warnings: &mut Vec<String>) -> Result<Opened> {
    let meta = std::fs::symlink_metadata(path)
        .map_err(|e| storage(t!(Msg::FileUnreadable, path.display(), e)))?;
    if !meta.file_type().is_file() {
        return Err(refused(t!(Msg::NotARegularFile, path.display())));
    }
    File::open(path).map_err(|e| storage(t!(Msg::FileUnreadable, path.display(), e)))?;
    let workbook = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let label = path.display().to_string();
    open_bytes(
        Bytes::File(path.to_path_buf()),
        &label,
        &workbook,
        LIMITS,
        warnings,
    )
}

/// Opens a workbook from its bytes (a file, or memory for tests and fuzzing): `label` names it in
/// messages, `workbook` in the names of its tables.
pub fn open_bytes(
    bytes: Bytes,
    label: &str,
    workbook: &str,
    limits: Limits,
    warnings: &mut Vec<String>,
) -> Result<Opened> {
    guarded(label, || {
        open_book(bytes, label, workbook, limits, warnings)
    })
}

fn open_book(
    bytes: Bytes,
    label: &str,
    workbook: &str,
    limits: Limits,
    warnings: &mut Vec<String>,
) -> Result<Opened> {
    let book = Book::open(bytes, label, limits)?;
    let is_1904 = book.is_1904();
    let mut manifest = None;
    let mut sheets: Vec<(FileKind, String, String)> = Vec::new();
    for (sheet, part) in &book.sheets {
        if sheet.trim().eq_ignore_ascii_case(MANIFEST_SHEET) {
            manifest = Some(read_manifest(&mut book.sheet(sheet, part)?)?);
            continue;
        }
        match FileKind::parse(sheet) {
            Some(kind) => {
                if let Some((_, other, _)) = sheets.iter().find(|(k, ..)| *k == kind) {
                    return Err(refused(t!(
                        Msg::ImportSheetTwice,
                        quoted(other),
                        quoted(sheet),
                        kind.file_name()
                    )));
                }
                sheets.push((kind, sheet.clone(), part.clone()));
            }
            None => warnings.push(t!(Msg::ImportSheetIgnored, quoted(sheet))),
        }
    }
    if manifest.is_none() {
        warnings.push(t!(Msg::ImportNoManifestSheet));
    }
    sheets.sort_by_key(|(kind, ..)| *kind);
    let mut tables = Vec::new();
    let mut places = Places::default();
    for (kind, sheet, part) in sheets {
        let name = table_name(workbook, &sheet);
        let mut stream = book.sheet(&sheet, &part)?;
        // The first row holding anything is the header; the rows below it follow on the same stream.
        let Some((_, cells)) = stream.next_row()? else {
            return Err(refused(t!(Msg::ImportEmptyFile, name)));
        };
        let raw: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        let headers: Vec<String> = raw.iter().map(|h| h.trim().to_lowercase()).collect();
        places.add(&name, &headers, 0);
        let rows = SheetRows {
            sheet: stream,
            label: label.to_string(),
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
        let bytes = Bytes::File(path.clone());
        let label = "big.xlsx";
        open_bytes(bytes.clone(), label, label, LIMITS, &mut Vec::new()).unwrap();
        let small = Limits {
            unpacked: 1 << 20,
            ..LIMITS
        };
        let error = open_bytes(bytes, label, label, small, &mut Vec::new())
            .err()
            .unwrap();
        assert_eq!(crate::error::exit_code(&error), 1);
        assert!(error.to_string().contains("would unpack to"), "{error}");
        let garbage = dir.path().join("not.xlsx");
        std::fs::write(&garbage, b"name,nik\n").unwrap();
        assert!(open(&garbage, &mut Vec::new()).is_err());
    }

    #[test]
    fn a_panic_in_the_reader_is_a_refusal_of_the_workbook() {
        let refusal = guarded("kirim.xlsx", || -> Result<()> {
            panic!("capacity overflow")
        })
        .unwrap_err();
        assert_eq!(crate::error::exit_code(&refusal), 1);
        assert_eq!(
            refusal.to_string(),
            t!(
                Msg::WorkbookRefused,
                "kirim.xlsx",
                t!(Msg::WorkbookReaderFailed)
            )
        );
    }

    #[test]
    fn a_workbook_from_memory_gives_its_tables() {
        let rows = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>person_uid</t></is></c><c r="B1" t="inlineStr"><is><t>full_name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>u</t></is></c><c r="B2" t="inlineStr"><is><t>Budi</t></is></c></row>"#;
        let bytes = crate::exchange::workbook::stream::tests::workbook(rows, None);
        let mut warnings = Vec::new();
        let mut opened = open_bytes(
            Bytes::Memory(bytes.into()),
            "kirim.xlsx",
            "kirim.xlsx",
            LIMITS,
            &mut warnings,
        )
        .unwrap();
        assert_eq!(warnings.len(), 1, "no manifest sheet: {warnings:?}");
        let table = &mut opened.tables[0];
        let mut record = csv::StringRecord::new();
        let (line, problem) = table.rows.next_row("t", &mut record).unwrap().unwrap();
        assert_eq!((line, problem.is_none()), (2, true));
        assert_eq!(record.iter().collect::<Vec<_>>(), ["u", "Budi"]);
        assert!(table.rows.next_row("t", &mut record).unwrap().is_none());
    }

    #[test]
    fn cells_as_a_csv_file_would_hold_them() {
        let text = |cell: Data, column| cell_text(&cell, column, false);
        let nik = text(Data::Float(1371021508900001.0), Column::Nik).unwrap();
        assert_eq!(nik, "1371021508900001");
        let lost = text(Data::Float(1371010000000000.0), Column::Nik).unwrap();
        let refused = lost.parse::<crate::domain::Nik>().unwrap_err().0;
        assert_eq!(refused, crate::said!(Msg::NikSpreadsheet, "1.37101E+15"));
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
