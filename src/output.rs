//! Rendering records and figures as a table (labels in the clerk's language), CSV (codes, one header
//! row) or JSON (one document), chosen once from `--format`. Output is deterministic.
//!
//! Tables are made for the terminal they land on (`Layout`, set once per run): a listing shows its
//! short column set (`--wide`: every column, nothing cut) fitted to the width, where NIKs, numbers,
//! dates and uids are never broken and long text is cut with `…`; a record (`print_one`) and a
//! report keep their box and wrap. CSV and JSON always carry every column, whole.

use std::io::{IsTerminal, Write};
use std::sync::OnceLock;

use anyhow::Result;
use comfy_table::{presets, ContentArrangement, Table};
use serde_json::{Map, Value};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n::Msg;
use crate::t;

/// How tables are laid out in this run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The width to fit, in terminal columns; `None`: lines as long as their content.
    pub width: Option<usize>,
    /// `--wide`: every column, nothing cut.
    pub wide: bool,
    /// Long tables may go through a pager (`--no-pager` says no).
    pub pager: bool,
}

static LAYOUT: OnceLock<Layout> = OnceLock::new();

/// Chooses the layout for this run; the first call wins.
pub fn set_layout(layout: Layout) {
    let _ = LAYOUT.set(layout);
}

/// This run's layout (no width, no pager until `set_layout` is called: deterministic in tests).
pub fn layout() -> Layout {
    LAYOUT.get().copied().unwrap_or_default()
}

/// The width tables fit: `COLUMNS` when set (like git and ls, on a terminal or not), else the
/// terminal's own width; off a terminal without `COLUMNS`, none: a file or a pipe gets whole lines.
pub fn terminal_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0);
    if columns.is_some() {
        return columns;
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    Some(
        terminal_size::terminal_size()
            .map(|(w, _)| w.0 as usize)
            .filter(|w| *w > 0)
            .unwrap_or(80),
    )
}

/// The width of the terminal standard error is on (`COLUMNS` first), for sentences; none off a
/// terminal.
pub fn stderr_width() -> Option<usize> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0);
    columns.or_else(|| {
        terminal_size::terminal_size_of(std::io::stderr())
            .map(|(w, _)| w.0 as usize)
            .filter(|w| *w > 0)
    })
}

/// Rows a listing shows in a table unless `--limit` or `--all` says otherwise.
pub const DEFAULT_LIMIT: i64 = 50;

/// `--limit N` / `--all` as given: what a listing loads. Tables stop at `DEFAULT_LIMIT` by default;
/// CSV and JSON, read by programs, carry every row unless `--limit` is given.
pub fn row_limit(format: Format, limit: Option<i64>, all: bool) -> Option<i64> {
    match (limit, all, format) {
        (Some(n), _, _) => Some(n),
        (None, true, _) => None,
        (None, false, Format::Table) => Some(DEFAULT_LIMIT),
        (None, false, _) => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    // `tabel`, the Indonesian word, is accepted too.
    #[value(alias = "tabel")]
    Table,
    Csv,
    Json,
}

/// A column: its machine name (CSV header, JSON key) and its heading in the clerk's language.
#[derive(Clone, Debug)]
pub struct Column {
    pub key: String,
    pub heading: String,
    /// Never cut or broken in a table: a NIK, a number, a date, a uid.
    pub whole: bool,
    /// Shown in tables only with `--wide` (CSV and JSON always carry it).
    pub wide_only: bool,
    /// Broken at words onto more lines in a table rather than cut (what must be read whole).
    pub wrapped: bool,
}

/// A column; NIKs, numbers (`*_number`), dates (`*_on`, `valid_until`, `at`) and uids are kept whole.
pub fn column(key: impl Into<String>, heading: impl Into<String>) -> Column {
    let key = key.into();
    let whole = key == "nik"
        || key == "uid"
        || key == "at"
        || key == "valid_until"
        || key == "waiting_since"
        || key.ends_with("_number")
        || key.ends_with("_on")
        || key.ends_with("_uid");
    Column {
        key,
        heading: heading.into(),
        whole,
        wide_only: false,
        wrapped: false,
    }
}

impl Column {
    /// Shown in tables only with `--wide`.
    pub fn wide(mut self) -> Column {
        self.wide_only = true;
        self
    }

    /// Never cut in a table.
    pub fn whole(mut self) -> Column {
        self.whole = true;
        self
    }

    /// Wrapped at words onto more lines in a table when too long, never cut.
    pub fn wrapped(mut self) -> Column {
        self.wrapped = true;
        self
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

/// A boxed table (records and reports), wrapped at words to the layout's width when there is one.
fn new_table(layout: Layout) -> Table {
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    match layout.width {
        Some(width) => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(width.min(u16::MAX as usize) as u16);
        }
        _ => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
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
            Format::Table => out.write_all(self.listing(layout()).as_bytes())?,
            Format::Csv => self.print_csv(out)?,
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, &self.to_json())?;
                writeln!(out)?;
            }
        }
        Ok(())
    }

    /// Prints the rows of a listing cut at `total` rows: in a table, a last line says how many more
    /// there are and how to see them.
    pub fn print_cut(&self, format: Format, out: &mut dyn Write, total: i64) -> Result<()> {
        self.print(format, out)?;
        let more = total - self.rows.len() as i64;
        if format == Format::Table && total > crate::db::filter::COUNTED_UP_TO {
            let at_least = crate::db::filter::COUNTED_UP_TO - self.rows.len() as i64;
            writeln!(out, "{}", t!(Msg::ListMoreThan, at_least))?;
        } else if format == Format::Table && more > 0 {
            writeln!(out, "{}", t!(Msg::ListMore, more, total))?;
        }
        Ok(())
    }

    /// A boxed table of every row (reports: few rows, each figure in its cell).
    pub fn print_boxed(&self, out: &mut dyn Write) -> Result<()> {
        let layout = layout();
        let shown = self.shown_columns(layout);
        let mut table = new_table(layout);
        table.set_header(shown.iter().map(|&i| self.columns[i].heading.clone()));
        for row in &self.rows {
            table.add_row(shown.iter().map(|&i| row[i].shown.clone()));
        }
        writeln!(out, "{table}")?;
        Ok(())
    }

    pub fn print_csv(&self, out: &mut dyn Write) -> Result<()> {
        let mut writer = csv::Writer::from_writer(out);
        writer
            .write_record(self.columns.iter().map(|c| c.key.as_str()))
            .map_err(io_error)?;
        for row in &self.rows {
            writer
                .write_record(row.iter().map(Cell::csv_text))
                .map_err(io_error)?;
        }
        writer.flush()?;
        Ok(())
    }

    /// The columns a table shows: all with `--wide`, else the short set.
    fn shown_columns(&self, layout: Layout) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|&i| layout.wide || !self.columns[i].wide_only)
            .collect()
    }

    /// The rows as a listing: headings over a rule, columns two spaces apart, fitted to the width.
    pub fn listing(&self, layout: Layout) -> String {
        let shown = self.shown_columns(layout);
        let columns: Vec<&Column> = shown.iter().map(|&i| &self.columns[i]).collect();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| shown.iter().map(|&i| one_line(&row[i].shown)).collect())
            .collect();
        let right: Vec<bool> = shown
            .iter()
            .map(|&i| {
                !self.rows.is_empty()
                    && self
                        .rows
                        .iter()
                        .all(|r| r[i].value.is_number() || r[i].value.is_null())
                    && self.rows.iter().any(|r| r[i].value.is_number())
            })
            .collect();
        let width = if layout.wide { None } else { layout.width };
        let widths = fit(&columns, &rows, width);
        let headings: Vec<Vec<String>> = columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| wrap_heading(&c.heading, *w))
            .collect();
        let height = headings.iter().map(Vec::len).max().unwrap_or(0);
        let mut text = String::new();
        for line in 0..height {
            let cells: Vec<String> = headings
                .iter()
                .map(|h| {
                    // Headings sit on the rule: a two-line heading starts one line higher.
                    let offset = height - h.len();
                    if line >= offset {
                        h[line - offset].clone()
                    } else {
                        String::new()
                    }
                })
                .collect();
            push_line(&mut text, &cells, &widths, &vec![false; widths.len()]);
        }
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        push_line(&mut text, &rule, &widths, &vec![false; widths.len()]);
        for row in &rows {
            let lines: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .zip(&columns)
                .map(|((cell, w), c)| {
                    if c.wrapped {
                        wrap_cell(cell, *w)
                    } else {
                        vec![cut(cell, *w)]
                    }
                })
                .collect();
            let height = lines.iter().map(Vec::len).max().unwrap_or(1);
            for line in 0..height {
                let cells: Vec<String> = lines
                    .iter()
                    .map(|l| l.get(line).cloned().unwrap_or_default())
                    .collect();
                push_line(&mut text, &cells, &widths, &right);
            }
        }
        text
    }

    /// Prints the first row as one record: a field/value table, or a JSON object.
    pub fn print_one(&self, format: Format, out: &mut dyn Write) -> Result<()> {
        let Some(row) = self.rows.first() else {
            return Ok(());
        };
        match format {
            Format::Table => {
                let layout = layout();
                let mut table = new_table(layout);
                for i in self.shown_columns(layout) {
                    let shown = crate::domain::text::visible(&row[i].shown, true);
                    table.add_row(vec![self.columns[i].heading.clone(), shown.into_owned()]);
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

/// A closed pipe stays an I/O error (main exits 0 on a broken pipe), not a CSV error.
fn io_error(error: csv::Error) -> anyhow::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e.into(),
        other => anyhow::anyhow!("{other:?}"),
    }
}

/// Columns of a listing are two spaces apart.
const GAP: usize = 2;
/// Text is cut no shorter than this while anything else can give way.
const TEXT_FLOOR: usize = 8;
/// ...and no shorter than this at all.
const TEXT_MIN: usize = 4;

/// Text on one line: line breaks and tabs of notes become spaces, other control and hidden
/// characters are shown as `<U+...>`.
fn one_line(text: &str) -> String {
    let text = if text.contains(['\n', '\r', '\t']) {
        text.replace("\r\n", " ").replace(['\n', '\r', '\t'], " ")
    } else {
        text.to_string()
    };
    crate::domain::text::visible(&text, false).into_owned()
}

/// The words of a heading: broken at spaces and after a slash (`Kabupaten/` `kota`).
fn heading_words(heading: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in heading.split_whitespace() {
        let mut rest = word;
        while let Some(pos) = rest.find('/') {
            if pos + 1 == rest.len() {
                break;
            }
            words.push(rest[..=pos].to_string());
            rest = &rest[pos + 1..];
        }
        words.push(rest.to_string());
    }
    words
}

/// Column widths for the rows: natural widths when they fit (or no width is set); else headings
/// wrap at words, then text columns give way, the widest first: first down to what three values in
/// four need (a rare "Hong Kong (Tiongkok)" is cut before every name is), then to a floor. Whole
/// columns (NIK, numbers, dates, uids) never shrink below their longest value, even when the line
/// overflows.
fn fit(columns: &[&Column], rows: &[Vec<String>], width: Option<usize>) -> Vec<usize> {
    let content: Vec<usize> = (0..columns.len())
        .map(|i| rows.iter().map(|r| r[i].width()).max().unwrap_or(0))
        .collect();
    let natural: Vec<usize> = columns
        .iter()
        .zip(&content)
        .map(|(c, w)| (*w).max(c.heading.width()))
        .collect();
    let total = |ws: &[usize]| ws.iter().sum::<usize>() + GAP * ws.len().saturating_sub(1);
    let Some(width) = width else {
        return natural;
    };
    if total(&natural) <= width {
        return natural;
    }
    let mut widths: Vec<usize> = columns
        .iter()
        .zip(&content)
        .map(|(c, w)| {
            let word = heading_words(&c.heading)
                .iter()
                .map(|w| w.width())
                .max()
                .unwrap_or(0);
            (*w).max(word)
        })
        .collect();
    if total(&widths) <= width {
        // Room left: headings unwrap again, left to right.
        let mut room = width - total(&widths);
        for (w, n) in widths.iter_mut().zip(&natural) {
            let more = (n - *w).min(room);
            *w += more;
            room -= more;
        }
        return widths;
    }
    let typical: Vec<usize> = (0..columns.len())
        .map(|i| {
            let mut values: Vec<usize> = rows.iter().map(|r| r[i].width()).collect();
            values.sort_unstable();
            values
                .get((values.len() * 3).div_ceil(4).saturating_sub(1))
                .copied()
                .unwrap_or(0)
                .max(TEXT_FLOOR)
        })
        .collect();
    // A wrapped column keeps its longest word whole (a registration number) while it can.
    let longest_word: Vec<usize> = (0..columns.len())
        .map(|i| {
            rows.iter()
                .flat_map(|r| r[i].split(' '))
                .map(|w| w.width())
                .max()
                .unwrap_or(0)
                .clamp(TEXT_FLOOR, 30)
        })
        .collect();
    for pass in 0..3 {
        let floor = |i: usize| match pass {
            0 if columns[i].wrapped => longest_word[i],
            0 => typical[i],
            1 if columns[i].wrapped => longest_word[i],
            1 => TEXT_FLOOR,
            _ => TEXT_MIN,
        };
        while total(&widths) > width {
            let widest = (0..columns.len())
                .filter(|&i| !columns[i].whole && widths[i] > floor(i))
                .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
            match widest {
                Some(i) => widths[i] -= 1,
                None => break,
            }
        }
    }
    widths
}

/// The text cut to `width` columns, ending with `…` when something was left out.
pub fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A cell's text on lines of at most `width` columns, broken at spaces; a word longer than the
/// width is broken where it must be.
fn wrap_cell(text: &str, width: usize) -> Vec<String> {
    if text.width() <= width || width == 0 {
        return vec![text.to_string()];
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut word = word.to_string();
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        while line.is_empty() && word.width() > width {
            let mut head = String::new();
            let mut rest = word.chars().peekable();
            while let Some(&c) = rest.peek() {
                if head.width() + c.width().unwrap_or(0) > width {
                    break;
                }
                head.push(c);
                rest.next();
            }
            lines.push(head);
            word = rest.collect();
        }
        if word.is_empty() {
            continue;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A sentence on lines of at most `width` columns, broken at spaces, later lines indented by two;
/// one line when there is no width.
pub fn wrap(text: &str, width: Option<usize>) -> Vec<String> {
    let Some(width) = width.filter(|w| *w > 20) else {
        return vec![text.to_string()];
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.trim().is_empty() && line.width() + 1 + word.width() > width {
            lines.push(line);
            line = format!("  {word}");
        } else if line.is_empty() {
            line = word.to_string();
        } else {
            line.push(' ');
            line.push_str(word);
        }
    }
    lines.push(line);
    lines
}

/// A paragraph for the terminal: wrapped at words to its width, each line indented by `indent`.
pub fn wrap_text(text: &str, indent: usize) -> String {
    let width = layout().width.map(|w| w.saturating_sub(indent));
    let pad = " ".repeat(indent);
    wrap(text, width)
        .into_iter()
        .map(|l| format!("{pad}{}\n", l.trim_start()))
        .collect()
}

/// A heading on as many lines as its words need at `width`; a word too long for it is cut.
fn wrap_heading(heading: &str, width: usize) -> Vec<String> {
    if heading.width() <= width {
        return vec![heading.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in heading_words(heading) {
        let joined = if line.is_empty() || line.ends_with('/') {
            format!("{line}{word}")
        } else {
            format!("{line} {word}")
        };
        if joined.width() <= width || line.is_empty() {
            line = joined;
        } else {
            lines.push(cut(&line, width));
            line = word;
        }
    }
    lines.push(cut(&line, width));
    lines
}

/// One line of a listing: each cell padded to its width (numbers to the right), no trailing spaces.
fn push_line(text: &mut String, cells: &[String], widths: &[usize], right: &[bool]) {
    let mut line = String::new();
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            line.push_str(&" ".repeat(GAP));
        }
        let pad = " ".repeat(width.saturating_sub(cell.width()));
        if right[i] {
            line.push_str(&pad);
            line.push_str(cell);
        } else {
            line.push_str(cell);
            line.push_str(&pad);
        }
    }
    text.push_str(line.trim_end());
    text.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_column_is_read_whole_on_more_lines() {
        let records = Records {
            columns: vec![
                column("id", "No.").whole(),
                column("values", "Nilai").wrapped(),
            ],
            rows: vec![vec![
                Cell::text("T-1"),
                Cell::text("Siti Rahmah (BP3MI-SB) | Siti Rahma (AGAM) | Sitti Rahmah (PADANG)"),
            ]],
        };
        let text = records.listing(Layout {
            width: Some(30),
            ..Layout::default()
        });
        assert!(!text.contains('…'), "{text}");
        assert!(text.lines().all(|l| l.width() <= 30), "{text}");
        let words: Vec<&str> = text
            .lines()
            .skip(2)
            .flat_map(|l| l.split_whitespace())
            .collect();
        assert_eq!(
            words.join(" "),
            "T-1 Siti Rahmah (BP3MI-SB) | Siti Rahma (AGAM) | Sitti Rahmah (PADANG)"
        );
        assert_eq!(wrap_cell("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

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

    /// A listing counted past `COUNTED_UP_TO` says "more than", not a total it did not count.
    #[test]
    fn a_cut_listing_says_how_many_more_or_more_than() {
        let shown = |total: i64| {
            let mut out = Vec::new();
            sample().print_cut(Format::Table, &mut out, total).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert!(shown(7).contains("5 more (of 7)"), "{}", shown(7));
        let counted = crate::db::filter::COUNTED_UP_TO;
        let past = shown(counted + 1);
        assert!(
            past.contains(&format!("more than {} more", counted - 2)),
            "{past}"
        );
        assert!(!past.contains("(of"), "{past}");
        assert!(!shown(2).contains("more"), "{}", shown(2));
    }

    fn people() -> Records {
        Records {
            columns: vec![
                column("registration_number", "Nomor pendaftaran"),
                column("nik", "NIK"),
                column("full_name", "Nama"),
                column("country", "Negara"),
                column("placement_uid", "UID").wide(),
            ],
            rows: vec![
                vec![
                    Cell::text("REG-2023-00001"),
                    Cell::text("1371021508900001"),
                    Cell::text("Zulfikar Syahputra Chaniago"),
                    Cell::text("Hong Kong (Tiongkok)"),
                    Cell::text("0aa13ebf-a9a4-4447-9611-ca512c58f8be"),
                ],
                vec![
                    Cell::text("REG-2023-00002"),
                    Cell::text("1371021508900002"),
                    Cell::text("Budi"),
                    Cell::text("Malaysia"),
                    Cell::text("1bb13ebf-a9a4-4447-9611-ca512c58f8be"),
                ],
            ],
        }
    }

    fn widest(text: &str) -> usize {
        text.lines().map(|l| l.width()).max().unwrap_or(0)
    }

    #[test]
    fn a_listing_fits_its_width_keeping_niks_and_numbers_whole() {
        let layout = Layout {
            width: Some(60),
            ..Layout::default()
        };
        let text = people().listing(layout);
        assert!(widest(&text) <= 60, "{text}");
        assert!(text.contains("REG-2023-00001  1371021508900001"), "{text}");
        assert!(text.contains('…'), "long text cut: {text}");
        assert!(!text.contains("0aa13ebf"), "uids only with --wide: {text}");
        assert_eq!(
            text.lines().count(),
            5,
            "one line a row, heading on two: {text}"
        );
        // Nothing to fit: every value whole on one line.
        let whole = people().listing(Layout::default());
        assert!(whole.contains("Zulfikar Syahputra Chaniago"), "{whole}");
        let wide = people().listing(Layout {
            width: Some(60),
            wide: true,
            pager: false,
        });
        assert!(
            wide.contains("0aa13ebf-a9a4-4447-9611-ca512c58f8be"),
            "{wide}"
        );
        assert!(wide.contains("Zulfikar Syahputra Chaniago"), "{wide}");
    }

    #[test]
    fn whole_columns_overflow_rather_than_break() {
        let text = people().listing(Layout {
            width: Some(20),
            ..Layout::default()
        });
        assert!(text.contains("1371021508900001"), "{text}");
        assert!(text.contains("REG-2023-00002"), "{text}");
    }

    #[test]
    fn cut_ends_with_an_ellipsis_within_the_width() {
        assert_eq!(cut("Malaysia", 8), "Malaysia");
        assert_eq!(cut("Hong Kong (Tiongkok)", 8), "Hong Ko…");
        assert_eq!(cut("Hong Kong", 0), "");
        assert_eq!(
            wrap_heading("Kabupaten/kota asal", 10),
            ["Kabupaten/", "kota asal"]
        );
        assert_eq!(
            wrap(
                "satu dua tiga empat lima enam tujuh delapan sembilan",
                Some(25)
            ),
            [
                "satu dua tiga empat lima",
                "  enam tujuh delapan",
                "  sembilan"
            ]
        );
    }

    #[test]
    fn tables_stop_at_50_rows_csv_and_json_do_not() {
        assert_eq!(row_limit(Format::Table, None, false), Some(DEFAULT_LIMIT));
        assert_eq!(row_limit(Format::Table, None, true), None);
        assert_eq!(row_limit(Format::Csv, None, false), None);
        assert_eq!(row_limit(Format::Json, Some(7), false), Some(7));
    }
}
