//! A query's rows as a workbook (`--out FILE.xlsx`): one sheet `query`, a styled frozen header, then
//! each row as SQLite gives it: integers and reals as numbers (an integer of 16 digits or more as
//! text, so that no spreadsheet shows it as `1.37102E+15`), text as text cells, NULL as an empty
//! cell. Rows are streamed into the sheet; the workbook is written when the query ends.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use rusqlite::types::ValueRef;

use super::rows::Rows;
use crate::domain::record::Timestamp;
use crate::xlsx::{Book, Sheet, Value};

pub(super) fn writer<'w>(
    path: &Path,
    created: &Timestamp,
    out: &'w mut dyn Write,
) -> Result<Box<dyn Rows + 'w>> {
    let mut book = Book::new(path, created)?;
    let sheet = book.sheet("query")?;
    Ok(Box::new(SheetRows {
        book: Some(book),
        sheet: Some(sheet),
        out,
    }))
}

struct SheetRows<'w> {
    book: Option<Book>,
    sheet: Option<Sheet>,
    out: &'w mut dyn Write,
}

impl SheetRows<'_> {
    fn sheet(&mut self) -> Result<&mut Sheet> {
        self.sheet
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!("the workbook is already written"))
    }
}

impl Rows for SheetRows<'_> {
    fn columns(&mut self, names: &[String]) -> Result<()> {
        self.sheet()?.header(names)
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> Result<()> {
        let texts: Vec<Option<String>> = values
            .iter()
            .map(|v| match v {
                ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Some(format!("<{} bytes>", b.len())),
                _ => None,
            })
            .collect();
        let cells: Vec<Value> = values
            .iter()
            .zip(&texts)
            .map(|(v, text)| match (v, text) {
                (ValueRef::Integer(i), _) => Value::Int(*i),
                (ValueRef::Real(x), _) => Value::Number(*x),
                (_, Some(text)) => Value::Text(text),
                _ => Value::Blank,
            })
            .collect();
        self.sheet()?.row(&cells, false)
    }

    fn flush(&mut self) -> Result<()> {
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        let (Some(mut book), Some(sheet)) = (self.book.take(), self.sheet.take()) else {
            return Ok(());
        };
        sheet.finish(&mut book)?;
        self.out.write_all(&book.into_bytes()?)?;
        Ok(())
    }
}
