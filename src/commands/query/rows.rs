//! The rows of a query written one at a time: CSV (a header, then rows), JSON (an array, written
//! element by element) or a table printed in chunks that continue one another. Nothing holds more
//! than one chunk of rows, whatever the query returns.

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;
use comfy_table::{presets, ColumnConstraint, ContentArrangement, Table, Width};
use rusqlite::types::ValueRef;
use serde_json::{Map, Value};

use crate::domain::text::csv_safe;
use crate::output::Format;

/// Rows a table renders at once; later chunks keep at least the first one's column widths.
const TABLE_CHUNK: usize = 200;

pub(super) trait Rows {
    fn columns(&mut self, names: &[String]) -> Result<()>;
    fn row(&mut self, values: &[ValueRef<'_>]) -> Result<()>;
    fn flush(&mut self) -> Result<()>;
    /// Writes what closes the output (the JSON array's bracket, the table's bottom line).
    fn finish(&mut self) -> Result<()>;
}

pub(super) fn writer<'w>(
    format: Format,
    terminal: bool,
    out: &'w mut dyn Write,
) -> Box<dyn Rows + 'w> {
    match format {
        Format::Csv => Box::new(CsvRows {
            writer: csv::Writer::from_writer(out),
        }),
        Format::Json => Box::new(JsonRows {
            out,
            names: Vec::new(),
            rows: 0,
        }),
        Format::Table => Box::new(TableRows {
            out,
            terminal,
            headings: Vec::new(),
            chunk: Vec::new(),
            widths: None,
            bottom: String::new(),
        }),
    }
}

/// What a table shows for a value.
fn shown(value: ValueRef<'_>) -> Cow<'_, str> {
    match value {
        ValueRef::Null => Cow::Borrowed(""),
        ValueRef::Integer(i) => Cow::Owned(i.to_string()),
        ValueRef::Real(f) => Cow::Owned(format!("{f}")),
        ValueRef::Text(t) => String::from_utf8_lossy(t),
        ValueRef::Blob(b) => Cow::Owned(format!("<{} bytes>", b.len())),
    }
}

/// What JSON carries for a value (numbers stay numbers); CSV writes the same, unquoted.
fn json(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        other => Value::String(shown(other).into_owned()),
    }
}

/// A write error as the `io::Error` it is, so that a closed pipe is recognised by `main`.
fn io(error: csv::Error) -> anyhow::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e.into(),
        other => anyhow::anyhow!("{other:?}"),
    }
}

struct CsvRows<'w> {
    writer: csv::Writer<&'w mut dyn Write>,
}

impl Rows for CsvRows<'_> {
    // Text a spreadsheet would run as a formula is escaped, as in every other CSV pmi-desk
    // writes (a column name is text too: `SELECT 1 AS "=cmd"`); numbers stay numbers.
    fn columns(&mut self, names: &[String]) -> Result<()> {
        let names = names.iter().map(|n| csv_safe(n).into_owned());
        self.writer.write_record(names).map_err(io)
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> Result<()> {
        let cells = values.iter().map(|v| match json(*v) {
            Value::Null => String::new(),
            Value::String(s) => csv_safe(&s).into_owned(),
            number => number.to_string(),
        });
        self.writer.write_record(cells).map_err(io)
    }

    fn flush(&mut self) -> Result<()> {
        Ok(self.writer.flush()?)
    }

    fn finish(&mut self) -> Result<()> {
        self.flush()
    }
}

/// The same document `--format json` gives elsewhere (a pretty array of objects), written one
/// element at a time.
struct JsonRows<'w> {
    out: &'w mut dyn Write,
    names: Vec<String>,
    rows: u64,
}

impl Rows for JsonRows<'_> {
    fn columns(&mut self, names: &[String]) -> Result<()> {
        self.names = names.to_vec();
        Ok(self.out.write_all(b"[")?)
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> Result<()> {
        let object: Map<String, Value> = self
            .names
            .iter()
            .cloned()
            .zip(values.iter().map(|v| json(*v)))
            .collect();
        let text = serde_json::to_string_pretty(&object)?.replace('\n', "\n  ");
        let separator = if self.rows == 0 { "\n  " } else { ",\n  " };
        self.rows += 1;
        self.out.write_all(separator.as_bytes())?;
        Ok(self.out.write_all(text.as_bytes())?)
    }

    fn flush(&mut self) -> Result<()> {
        Ok(self.out.flush()?)
    }

    fn finish(&mut self) -> Result<()> {
        let end: &[u8] = if self.rows == 0 { b"]\n" } else { b"\n]\n" };
        self.out.write_all(end)?;
        self.flush()
    }
}

/// A table written in chunks: the first chunk sets the column widths (fitted to the terminal when
/// there is one), later chunks keep at least those widths and continue the same frame, so even an
/// endless query prints one table while holding one chunk of rows.
struct TableRows<'w> {
    out: &'w mut dyn Write,
    terminal: bool,
    headings: Vec<String>,
    chunk: Vec<Vec<String>>,
    widths: Option<Vec<u16>>,
    bottom: String,
}

impl TableRows<'_> {
    fn emit(&mut self) -> Result<()> {
        let mut table = Table::new();
        table.load_preset(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(if self.terminal {
            ContentArrangement::Dynamic
        } else {
            ContentArrangement::Disabled
        });
        if self.widths.is_none() {
            table.set_header(&self.headings);
        }
        for row in self.chunk.drain(..) {
            table.add_row(row);
        }
        if let Some(widths) = &self.widths {
            for (i, width) in widths.iter().enumerate() {
                if let Some(column) = table.column_mut(i) {
                    column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(*width)));
                }
            }
        }
        let lines: Vec<String> = table.lines().collect();
        let Some((bottom, body)) = lines.split_last() else {
            return Ok(());
        };
        // The first chunk keeps its top border and header; later ones continue the frame. A
        // column only ever widens (a value wider than any before it), so no value is cut or
        // wrapped into pieces that could be misread.
        let top = body.first().map(String::as_str).unwrap_or("");
        let continued = self.widths.replace(widths_of(top)).is_some();
        let body = if continued {
            body.get(1..).unwrap_or_default()
        } else {
            body
        };
        for line in body {
            writeln!(self.out, "{line}")?;
        }
        self.bottom = bottom.clone();
        Ok(())
    }
}

/// The width of each column (padding included) as drawn in a table's top border.
fn widths_of(top: &str) -> Vec<u16> {
    let inner = top.trim_start_matches('┌').trim_end_matches('┐');
    inner
        .split('┬')
        .map(|segment| segment.chars().count() as u16)
        .collect()
}

impl Rows for TableRows<'_> {
    fn columns(&mut self, names: &[String]) -> Result<()> {
        self.headings = names.to_vec();
        Ok(())
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> Result<()> {
        self.chunk
            .push(values.iter().map(|v| shown(*v).into_owned()).collect());
        if self.chunk.len() >= TABLE_CHUNK {
            self.emit()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        Ok(self.out.flush()?)
    }

    fn finish(&mut self) -> Result<()> {
        if self.widths.is_none() || !self.chunk.is_empty() {
            self.emit()?;
        }
        writeln!(self.out, "{}", self.bottom)?;
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: usize) -> String {
        let mut out = Vec::new();
        {
            let mut t = writer(Format::Table, false, &mut out);
            t.columns(&["n".into(), "name".into()]).unwrap();
            for i in 0..rows {
                let name = format!("row {i}");
                t.row(&[ValueRef::Integer(i as i64), ValueRef::Text(name.as_bytes())])
                    .unwrap();
            }
            t.finish().unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_table_in_chunks_is_one_frame_with_one_header() {
        let text = table(TABLE_CHUNK * 2 + 5);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.iter().filter(|l| l.starts_with('┌')).count(), 1);
        assert_eq!(lines.iter().filter(|l| l.starts_with('└')).count(), 1);
        assert_eq!(lines.iter().filter(|l| l.contains(" name")).count(), 1);
        let width = lines[0].chars().count();
        assert!(
            lines.iter().all(|l| l.chars().count() == width),
            "aligned:\n{text}"
        );
        assert!(text.contains("row 404"), "{text}");
    }

    #[test]
    fn an_empty_result_is_a_header_in_a_frame() {
        let text = table(0);
        assert!(
            text.starts_with('┌') && text.trim_end().ends_with('┘'),
            "{text}"
        );
        assert!(text.contains("name"), "{text}");
    }

    #[test]
    fn json_written_row_by_row_is_the_usual_document() {
        let mut out = Vec::new();
        {
            let mut j = writer(Format::Json, false, &mut out);
            j.columns(&["a".into(), "b".into()]).unwrap();
            j.row(&[ValueRef::Integer(1), ValueRef::Null]).unwrap();
            j.row(&[ValueRef::Real(1.5), ValueRef::Text(b"x")]).unwrap();
            j.finish().unwrap();
        }
        let expected = serde_json::json!([{"a": 1, "b": null}, {"a": 1.5, "b": "x"}]);
        let mut pretty = serde_json::to_string_pretty(&expected).unwrap();
        pretty.push('\n');
        assert_eq!(String::from_utf8(out).unwrap(), pretty);
    }
}
