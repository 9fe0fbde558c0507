//! Writing the exchange format as a workbook (`export --xlsx`): the rows of each kind straight from
//! SQLite into its sheet, in uid order, every sheet from one read snapshot; then the manifest sheet.

use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::MANIFEST_SHEET;
use crate::db;
use crate::domain::record::{self, Record, Timestamp};
use crate::exchange::export::{Options, Since};
use crate::exchange::{mask, FileKind, FORMAT, VERSION};
use crate::xlsx::{Book, Value};

/// What was written: rows per sheet and the change sequence range covered.
pub struct Written {
    pub rows: Vec<(FileKind, usize)>,
    pub seq_from: Option<i64>,
    pub seq_to: i64,
}

fn write_kind<R: Record>(
    conn: &Connection,
    book: &mut Book,
    kind: FileKind,
    options: &Options,
    progress: &mut dyn FnMut(FileKind, usize),
) -> Result<usize> {
    let columns: Vec<&record::Column> = record::exchange_columns::<R>().collect();
    let names: Vec<&'static str> = columns.iter().filter_map(|c| c.exchange).collect();
    let mut sheet = book.sheet(kind.name())?;
    sheet.header(&names)?;
    let mut texts: Vec<String> = vec![String::new(); names.len()];
    let mut written = 0usize;
    let rows = db::export::each_row::<R>(conn, &options.since, |row| {
        for (text, value) in texts.iter_mut().zip(row) {
            text.clear();
            text.push_str(&value.text());
        }
        if options.mask {
            mask(&names, &mut texts);
        }
        let values: Vec<Value> = texts
            .iter()
            .zip(&columns)
            .map(|(text, column)| {
                match (column.date, NaiveDate::parse_from_str(text, "%Y-%m-%d")) {
                    (true, Ok(date)) => Value::Date(date),
                    _ => Value::Text(text),
                }
            })
            .collect();
        sheet.row(&values, false)?;
        written += 1;
        if written.is_multiple_of(5000) {
            progress(kind, written);
        }
        Ok(())
    })?;
    sheet.finish(book)?;
    progress(kind, rows);
    Ok(rows)
}

/// Writes the chosen kinds and the manifest sheet into `book`. `conn` should be inside one read
/// transaction, so that every sheet shows the same moment.
pub fn write_workbook(
    conn: &Connection,
    book: &mut Book,
    options: &Options,
    office_code: &str,
    exported_at: &Timestamp,
    progress: &mut dyn FnMut(FileKind, usize),
) -> Result<Written> {
    let seq_to = db::current_seq(conn)?;
    let mut rows = Vec::new();
    // A workbook is read as from an unknown sender (a clerk may edit it): it carries the records,
    // not what the merge between offices needs.
    for kind in options.kinds().filter(|k| !k.is_merge_data()) {
        let n = crate::by_kind!(kind, write_kind, conn, book, kind, options, progress)?;
        rows.push((kind, n));
    }
    let seq_from = match options.since {
        Since::All => Some(1),
        Since::Seq(n) => Some(n + 1),
        Since::Moment(_) => None,
    };
    let since = match &options.since {
        Since::Moment(t) => t.to_string(),
        _ => String::new(),
    };
    let sheets: Vec<String> = rows
        .iter()
        .map(|(kind, n)| format!("{} {n}", kind.name()))
        .collect();
    let fields: Vec<(&str, String)> = vec![
        ("format", FORMAT.to_string()),
        ("version", VERSION.to_string()),
        ("office_code", office_code.to_string()),
        ("exported_at", exported_at.to_string()),
        ("since", since),
        (
            "seq_from",
            seq_from.map(|n| n.to_string()).unwrap_or_default(),
        ),
        ("seq_to", seq_to.to_string()),
        ("masked", options.mask.to_string()),
        (
            "audit_head",
            db::audit_chain::head(conn)?.unwrap_or_default(),
        ),
        ("sheets", sheets.join(", ")),
    ];
    let mut sheet = book.sheet(MANIFEST_SHEET)?;
    sheet.header(&["key", "value"])?;
    for (key, value) in &fields {
        sheet.row(&[Value::Text(key), Value::Text(value)], false)?;
    }
    sheet.finish(book)?;
    Ok(Written {
        rows,
        seq_from,
        seq_to,
    })
}

/// Whether `path` can be written over by `export --force`: only a workbook whose manifest sheet
/// says it is a pmi-desk export and which holds nothing but exchange sheets. Returns a line saying
/// which export it was.
pub fn earlier_workbook(path: &Path) -> Option<String> {
    use calamine::{Data, Reader, Xlsx};
    if !std::fs::symlink_metadata(path).ok()?.is_file() {
        return None;
    }
    let mut book: Xlsx<_> = calamine::open_workbook(path).ok()?;
    let names = book.sheet_names();
    let known = |name: &String| {
        name.eq_ignore_ascii_case(MANIFEST_SHEET) || FileKind::parse(name).is_some()
    };
    if !names.iter().all(known) {
        return None;
    }
    let manifest = names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(MANIFEST_SHEET))?
        .clone();
    let range = book.worksheet_range(&manifest).ok()?;
    let value = |key: &str| -> Option<String> {
        range
            .rows()
            .find_map(|row| match (row.first(), row.get(1)) {
                (Some(Data::String(k)), Some(Data::String(v))) if k == key => Some(v.clone()),
                _ => None,
            })
    };
    if value("format")? != FORMAT {
        return None;
    }
    Some(format!(
        "{} {}",
        value("office_code").unwrap_or_else(|| "?".into()),
        value("exported_at").unwrap_or_else(|| "?".into())
    ))
}
