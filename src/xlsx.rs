//! Workbooks pmi-desk writes (`export --xlsx`, `report --out FILE.xlsx`, `query --out FILE.xlsx`):
//! one style for every header (bold on a light fill, frozen, with a filter), dates as real date cells
//! shown day first (`dd-mm-yyyy`), text as text cells and numbers as number cells, and column
//! widths fitted to what was written. A value is only ever written as a typed value: a text that
//! begins with `=` stays text, never a formula. Rows go through a private temporary file beside
//! the workbook (constant-memory sheets), so a large sheet is not held in memory; the workbook is
//! written aside and renamed into place, readable by its owner only.

use std::io::BufWriter;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::db;
use crate::domain::record::Timestamp;
use crate::error::{refused, storage};
use crate::i18n::Msg;
use crate::t;

/// The day-first date format of every date cell: how an Indonesian clerk writes a date, and a form
/// the importer reads back whatever the spreadsheet does with the cell.
pub const DATE_FORMAT: &str = "dd-mm-yyyy";

/// Rows a sheet holds (Excel's limit), the header included.
pub const MAX_ROWS: u32 = 1_048_576;

/// Excel's longest text in one cell.
const MAX_TEXT: usize = 32_767;

/// Widest a column is made, in characters.
const MAX_WIDTH: usize = 60;

/// Numbers from 10^15 on are shown by spreadsheets with lost digits (`1.37102E+15`): such integers
/// (a NIK-like number from a query) are written as text.
const EXACT_LIMIT: i64 = 1_000_000_000_000_000;

/// A value for one cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Blank,
    Text(&'a str),
    Date(NaiveDate),
    Int(i64),
    Number(f64),
}

#[derive(Clone)]
pub struct Styles {
    header: Format,
    date: Format,
    bold: Format,
    title: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new().set_num_format(DATE_FORMAT),
            bold: Format::new().set_bold(),
            title: Format::new().set_bold().set_font_size(13),
        }
    }
}

/// The `dcterms:created` of a workbook: the moment of the command (its clock), so that the same
/// data written at the same moment gives the same workbook.
struct Created(String);

impl rust_xlsxwriter::IntoCustomDateTime for Created {
    fn utc_datetime(self) -> String {
        self.0
    }
}

fn xlsx_error(path: &Path, error: XlsxError) -> anyhow::Error {
    storage(t!(Msg::FileCreateFailed, path.display(), error))
}

/// A workbook written aside, not yet in place.
pub struct Aside {
    partial: PathBuf,
    path: PathBuf,
    placed: bool,
}

impl Aside {
    /// Renames the workbook into place (over an earlier one the caller chose to replace).
    pub fn place(mut self) -> Result<()> {
        std::fs::rename(&self.partial, &self.path)
            .map_err(|e| storage(t!(Msg::FileCreateFailed, self.path.display(), e)))?;
        self.placed = true;
        Ok(())
    }
}

impl Drop for Aside {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.partial);
        }
    }
}

/// A workbook being written to `path`.
pub struct Book {
    pub workbook: Workbook,
    pub styles: Styles,
    path: PathBuf,
    partial: PathBuf,
}

impl Book {
    /// A new workbook for `path`, its temporary files in the same folder (never in a shared /tmp).
    pub fn new(path: &Path, created: &Timestamp) -> Result<Book> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "workbook.xlsx".into());
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let partial = parent.join(format!(".{name}.partial-{}", std::process::id()));
        let mut workbook = Workbook::new();
        workbook
            .set_tempdir(&parent)
            .map_err(|e| xlsx_error(path, e))?;
        let stamp = created
            .moment()
            .map(|m| m.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        let mut properties = rust_xlsxwriter::DocProperties::new().set_author("pmi-desk");
        if !stamp.is_empty() {
            properties = properties.set_creation_datetime(Created(stamp));
        }
        workbook.set_properties(&properties);
        Ok(Book {
            workbook,
            styles: Styles::new(),
            path: path.to_path_buf(),
            partial,
        })
    }

    /// A new sheet named `name`, its rows streamed (written row by row, in order); it joins the
    /// workbook with `Sheet::finish`.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet> {
        let mut sheet = self
            .workbook
            .new_worksheet_with_constant_memory()
            .map_err(|e| xlsx_error(&self.path, e))?;
        sheet
            .set_name(name)
            .map_err(|e| xlsx_error(&self.path, e))?;
        Ok(Sheet {
            sheet,
            styles: self.styles.clone(),
            name: name.to_string(),
            row: 0,
            header_row: None,
            columns: 0,
            widths: Vec::new(),
        })
    }

    /// Writes the workbook aside, private to its owner; `Aside::place` renames it into place
    /// (after the command has recorded it), and dropping it unplaced removes it.
    pub fn save_aside(mut self) -> Result<Aside> {
        let aside = Aside {
            partial: self.partial.clone(),
            path: self.path.clone(),
            placed: false,
        };
        db::write_private_file(&self.partial, b"")?;
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&self.partial)
            .map_err(|e| storage(t!(Msg::FileCreateFailed, self.partial.display(), e)))?;
        self.workbook
            .save_to_writer(BufWriter::new(file))
            .map_err(|e| xlsx_error(&self.path, e))?;
        Ok(aside)
    }

    /// The workbook's bytes (for a caller that writes them itself).
    pub fn into_bytes(mut self) -> Result<Vec<u8>> {
        let path = self.path.clone();
        self.workbook
            .save_to_buffer()
            .map_err(|e| xlsx_error(&path, e))
    }
}

/// The letters of a column: 0 -> `A`, 25 -> `Z`, 26 -> `AA`.
pub fn column_letters(mut index: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// One sheet being written, row after row.
pub struct Sheet {
    sheet: Worksheet,
    styles: Styles,
    name: String,
    /// The next row to write (0-based).
    row: u32,
    header_row: Option<u32>,
    columns: u16,
    /// The widest value of each column, in characters.
    widths: Vec<usize>,
}

/// Notes a value of `chars` characters in a column.
fn measure(widths: &mut Vec<usize>, column: u16, chars: usize) {
    let column = column as usize;
    if widths.len() <= column {
        widths.resize(column + 1, 0);
    }
    widths[column] = widths[column].max(chars.min(MAX_WIDTH));
}

fn fail(sheet: &str, error: XlsxError) -> anyhow::Error {
    match error {
        XlsxError::RowColumnLimitError => refused(t!(Msg::XlsxTooManyRows, sheet, MAX_ROWS - 1)),
        other => anyhow::anyhow!("{sheet}: {other}"),
    }
}

impl Sheet {
    fn next_row(&mut self) -> Result<u32> {
        if self.row >= MAX_ROWS {
            return Err(refused(t!(Msg::XlsxTooManyRows, self.name, MAX_ROWS - 1)));
        }
        self.row += 1;
        Ok(self.row - 1)
    }

    /// A bold title line above the table (a report's name), not counted in the widths.
    pub fn title(&mut self, text: &str) -> Result<()> {
        let row = self.next_row()?;
        self.sheet
            .write_string_with_format(row, 0, text, &self.styles.title)
            .map_err(|e| fail(&self.name, e))?;
        Ok(())
    }

    /// A `label: text` line above the table (period, as-of date, definition).
    pub fn note(&mut self, label: &str, text: &str) -> Result<()> {
        let row = self.next_row()?;
        self.sheet
            .write_string_with_format(row, 0, label, &self.styles.bold)
            .map_err(|e| fail(&self.name, e))?;
        self.sheet
            .write_string(row, 1, text)
            .map_err(|e| fail(&self.name, e))?;
        Ok(())
    }

    /// An empty row.
    pub fn gap(&mut self) -> Result<()> {
        self.next_row().map(|_| ())
    }

    /// The header row: styled, frozen below it, with a filter over the columns.
    pub fn header<S: AsRef<str>>(&mut self, names: &[S]) -> Result<()> {
        let row = self.next_row()?;
        for (i, name) in names.iter().enumerate() {
            let name = name.as_ref();
            self.sheet
                .write_string_with_format(row, i as u16, name, &self.styles.header)
                .map_err(|e| fail(&self.name, e))?;
            // Room for the filter button beside the name.
            measure(&mut self.widths, i as u16, name.chars().count() + 3);
        }
        self.columns = names.len() as u16;
        self.header_row = Some(row);
        self.sheet
            .set_freeze_panes(row + 1, 0)
            .map_err(|e| fail(&self.name, e))?;
        Ok(())
    }

    /// One row of values; `bold` for a total row.
    pub fn row(&mut self, values: &[Value], bold: bool) -> Result<()> {
        let row = self.next_row()?;
        for (i, value) in values.iter().enumerate() {
            let col = i as u16;
            let bold_format = bold.then_some(&self.styles.bold);
            let written = match value {
                Value::Blank => continue,
                Value::Text(text) => {
                    if text.is_empty() {
                        continue;
                    }
                    if text.len() > MAX_TEXT && text.chars().count() > MAX_TEXT {
                        return Err(refused(t!(
                            Msg::XlsxTextTooLong,
                            format!("{}!{}{}", self.name, column_letters(i as u32), row + 1),
                            MAX_TEXT
                        )));
                    }
                    let width = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                    measure(&mut self.widths, col, width);
                    // Always a text cell: a value that begins with `=` is never a formula.
                    match bold_format {
                        Some(f) => self.sheet.write_string_with_format(row, col, *text, f),
                        None => self.sheet.write_string(row, col, *text),
                    }
                }
                Value::Date(date) => {
                    measure(&mut self.widths, col, DATE_FORMAT.len());
                    match excel_date(*date) {
                        Some(d) => {
                            self.sheet
                                .write_datetime_with_format(row, col, &d, &self.styles.date)
                        }
                        // Before 1900: a spreadsheet has no date cell for it.
                        None => {
                            self.sheet
                                .write_string(row, col, date.format("%Y-%m-%d").to_string())
                        }
                    }
                }
                Value::Int(n) => {
                    if n.abs() >= EXACT_LIMIT {
                        let text = n.to_string();
                        measure(&mut self.widths, col, text.len());
                        self.sheet.write_string(row, col, text)
                    } else {
                        measure(&mut self.widths, col, n.to_string().len());
                        match bold_format {
                            Some(f) => self.sheet.write_number_with_format(row, col, *n as f64, f),
                            None => self.sheet.write_number(row, col, *n as f64),
                        }
                    }
                }
                Value::Number(x) => {
                    measure(&mut self.widths, col, format!("{x}").len().min(12));
                    self.sheet.write_number(row, col, *x)
                }
            };
            written.map_err(|e| fail(&self.name, e))?;
        }
        Ok(())
    }

    /// Sets the column widths from what was written and the filter over the table, and adds the
    /// sheet to the workbook.
    pub fn finish(mut self, book: &mut Book) -> Result<()> {
        for (i, width) in self.widths.iter().enumerate() {
            self.sheet
                .set_column_width(i as u16, (*width as f64 + 2.0).max(6.0))
                .map_err(|e| fail(&self.name, e))?;
        }
        if let (Some(header), true) = (self.header_row, self.columns > 0) {
            let last = self.row.saturating_sub(1).max(header);
            self.sheet
                .autofilter(header, 0, last, self.columns - 1)
                .map_err(|e| fail(&self.name, e))?;
        }
        book.workbook.push_worksheet(self.sheet);
        Ok(())
    }
}

/// A date as a spreadsheet date (1900 to 9999).
fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn values_are_typed_cells_never_formulas() {
        use calamine::{Data, Reader, Xlsx};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.xlsx");
        let mut book =
            Book::new(&path, &Timestamp::parse("2023-11-08T09:30:00Z").unwrap()).unwrap();
        let mut sheet = book.sheet("data").unwrap();
        sheet.header(&["text", "date", "int", "big"]).unwrap();
        sheet
            .row(
                &[
                    Value::Text("=1+2"),
                    Value::Date("2023-11-08".parse().unwrap()),
                    Value::Int(42),
                    Value::Int(1371021508900001),
                ],
                false,
            )
            .unwrap();
        sheet.finish(&mut book).unwrap();
        book.save_aside().unwrap().place().unwrap();
        let mut read: Xlsx<_> = calamine::open_workbook(&path).unwrap();
        let range = read.worksheet_range("data").unwrap();
        assert_eq!(range.get((1, 0)), Some(&Data::String("=1+2".into())));
        assert!(matches!(range.get((1, 1)), Some(Data::DateTime(_))));
        assert_eq!(range.get((1, 2)), Some(&Data::Float(42.0)));
        assert_eq!(
            range.get((1, 3)),
            Some(&Data::String("1371021508900001".into()))
        );
        let formulas = read.worksheet_formula("data").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
