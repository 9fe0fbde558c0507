//! Rendering records and figures as a table (labels in the clerk's language), CSV (codes, one header
//! row) or JSON (one document), chosen once from `--format`. Output is deterministic.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use comfy_table::{presets, ContentArrangement, Table};
use serde_json::{Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// A column: its machine name (CSV header, JSON key) and its heading in the clerk's language.
#[derive(Clone, Debug)]
pub struct Column {
    pub key: String,
    pub heading: String,
}

pub fn column(key: impl Into<String>, heading: impl Into<String>) -> Column {
    Column {
        key: key.into(),
        heading: heading.into(),
    }
}

/// One value: what a table shows (a label) and what CSV and JSON carry (a code or number).
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub shown: String,
    pub value: Value,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell {
            value: if text.is_empty() {
                Value::Null
            } else {
                Value::String(text.clone())
            },
            shown: text,
        }
    }

    pub fn opt(text: Option<impl Into<String>>) -> Cell {
        text.map(Cell::text).unwrap_or_else(|| Cell::text(""))
    }

    pub fn code(code: &str, label: &str) -> Cell {
        Cell {
            shown: label.to_string(),
            value: Value::String(code.to_string()),
        }
    }

    pub fn number(n: i64) -> Cell {
        Cell {
            shown: n.to_string(),
            value: Value::from(n),
        }
    }

    fn csv_text(&self) -> String {
        match &self.value {
            Value::Null => String::new(),
            // Text a spreadsheet would run as a formula is escaped (numbers are numbers).
            Value::String(s) => crate::domain::text::csv_safe(s).into_owned(),
            other => other.to_string(),
        }
    }
}

/// Rows of records under named columns.
#[derive(Clone, Debug, Default)]
pub struct Records {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

fn new_table() -> Table {
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    if std::io::stdout().is_terminal() {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table.set_content_arrangement(ContentArrangement::Disabled);
    }
    table
}

impl Records {
    pub fn to_json(&self) -> Value {
        Value::Array(self.rows.iter().map(|row| self.row_json(row)).collect())
    }

    pub fn row_json(&self, row: &[Cell]) -> Value {
        let mut map = Map::new();
        for (column, cell) in self.columns.iter().zip(row) {
            map.insert(column.key.clone(), cell.value.clone());
        }
        Value::Object(map)
    }

    /// Prints all rows in the chosen format.
    pub fn print(&self, format: Format, out: &mut dyn Write) -> Result<()> {
        match format {
            Format::Table => {
                let mut table = new_table();
                table.set_header(self.columns.iter().map(|c| c.heading.clone()));
                for row in &self.rows {
                    table.add_row(row.iter().map(|c| c.shown.clone()));
                }
                writeln!(out, "{table}")?;
            }
            Format::Csv => self.print_csv(out)?,
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, &self.to_json())?;
                writeln!(out)?;
            }
        }
        Ok(())
    }

    pub fn print_csv(&self, out: &mut dyn Write) -> Result<()> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(self.columns.iter().map(|c| c.key.as_str()))?;
        for row in &self.rows {
            writer.write_record(row.iter().map(Cell::csv_text))?;
        }
        writer.flush()?;
        Ok(())
    }

    /// Prints the first row as one record: a field/value table, or a JSON object.
    pub fn print_one(&self, format: Format, out: &mut dyn Write) -> Result<()> {
        let Some(row) = self.rows.first() else {
            return Ok(());
        };
        match format {
            Format::Table => {
                let mut table = new_table();
                for (column, cell) in self.columns.iter().zip(row) {
                    table.add_row(vec![column.heading.clone(), cell.shown.clone()]);
                }
                writeln!(out, "{table}")?;
            }
            Format::Csv => self.print_csv(out)?,
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, &self.row_json(row))?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Records {
        Records {
            columns: vec![column("scheme", "Skema"), column("count", "Jumlah")],
            rows: vec![
                vec![Cell::code("G2G", "G to G"), Cell::number(12)],
                vec![Cell::code("P3MI", "P to P"), Cell::number(497)],
            ],
        }
    }

    #[test]
    fn csv_carries_codes_and_json_numbers() {
        let mut csv = Vec::new();
        sample().print(Format::Csv, &mut csv).unwrap();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "scheme,count\nG2G,12\nP3MI,497\n"
        );
        let mut json = Vec::new();
        sample().print(Format::Json, &mut json).unwrap();
        let value: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(value[1]["count"], 497);
        let mut table = Vec::new();
        sample().print(Format::Table, &mut table).unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(
            table.contains("Skema") && table.contains("P to P"),
            "{table}"
        );
    }
}
