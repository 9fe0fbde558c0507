//! The exchange format as one `.xlsx` workbook (docs/exchange-format.md, "Workbooks"): one sheet
//! per exchange file, named as the file without `.csv`, with the same columns in the same order;
//! uids, NIKs, codes, phone numbers and timestamps as text cells, dates as date cells; and a
//! `manifest` sheet (key, value) saying which office wrote it, when, and whether it is masked.
//! Import reads such a workbook, also after a clerk edited it in a spreadsheet, into the same
//! tables a CSV folder gives, so the same rules and messages apply; a place in it is named by its
//! sheet and cell (`kirim.xlsx#persons!C5`) instead of a file and line.

pub mod read;
pub mod stream;
pub mod write;

use std::collections::HashMap;
use std::path::Path;

use crate::exchange::read::ImportError;
use crate::xlsx::column_letters;

/// The sheet that says what the workbook is (the folder's `manifest.json`).
pub const MANIFEST_SHEET: &str = "manifest";

/// Whether a path names a workbook (by its extension).
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Whether a file to import is a workbook: by its extension, or by its first bytes (an `.xlsx` is a
/// zip archive), for a workbook saved under another name.
pub fn looks_like_workbook(path: &Path) -> bool {
    use std::io::Read;
    if is_workbook(path) {
        return true;
    }
    let mut magic = [0u8; 4];
    // Never waits on a pipe: only a regular file is opened.
    crate::outfile::open_regular(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|_| magic == *b"PK\x03\x04")
}

/// The table name of a sheet in error messages: `kirim.xlsx#persons`.
pub fn table_name(workbook: &str, sheet: &str) -> String {
    format!("{workbook}#{sheet}")
}

/// Where the columns of each imported sheet are, to name an error's cell.
#[derive(Debug, Default)]
pub struct Places {
    /// Table name -> (lower-case header -> column letters).
    sheets: HashMap<String, HashMap<String, String>>,
}

impl Places {
    pub fn add(&mut self, table: &str, headers: &[String], first_column: u32) {
        let mut columns = HashMap::new();
        for (i, header) in headers.iter().enumerate() {
            columns
                .entry(header.clone())
                .or_insert_with(|| column_letters(first_column + i as u32));
        }
        self.sheets.insert(table.to_string(), columns);
    }

    /// `kirim.xlsx#persons!C5` for a cell of a sheet, else `file:line` as for a CSV file.
    pub fn place(&self, file: &str, line: u64, column: &str) -> String {
        let letters = self
            .sheets
            .get(file)
            .and_then(|columns| columns.get(&column.to_lowercase()));
        match letters {
            Some(letters) => format!("{file}!{letters}{line}"),
            None => format!("{file}:{line}"),
        }
    }

    /// The cell of an error (`C5`), for the `line` column of an error report; the row when the
    /// error is not about one cell, and the line for a CSV file.
    pub fn line_or_cell(&self, error: &ImportError) -> String {
        let letters = self
            .sheets
            .get(&error.file)
            .and_then(|columns| columns.get(&error.column.to_lowercase()));
        match letters {
            Some(letters) => format!("{letters}{}", error.line),
            None => error.line.to_string(),
        }
    }

    pub fn is_sheet(&self, file: &str) -> bool {
        self.sheets.contains_key(file)
    }
}
