//! Reports as a table (labels, a total row, a footer with period, as-of and definition), CSV
//! (codes then `count`, no total) or JSON (period, as-of, definition, rows, total); and the
//! one-page summary, always in Indonesian.

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::summary::Summary;
use super::{label, Kind, Report};
use crate::domain::date::indonesian_long;
use crate::i18n::{Lang, Msg};
use crate::letter::{Block, Document, Letterhead};
use crate::output::{column, Cell, Format, Records};
use crate::t;
use crate::xlsx;

fn records(report: &Report) -> Records {
    let mut columns: Vec<_> = report
        .dimensions
        .iter()
        .map(|d| column(d.as_str(), crate::views::dimension_heading(*d)))
        .collect();
    columns.push(column("count", t!(Msg::HeadCount)));
    if report.compared.is_some() {
        columns.push(column("previous", t!(Msg::HeadPrevious)));
        columns.push(column("change", t!(Msg::HeadChange)));
    }
    let rows = report
        .rows
        .iter()
        .map(|row| {
            let mut cells: Vec<Cell> = report
                .dimensions
                .iter()
                .zip(&row.keys)
                .map(|(d, k)| {
                    Cell::code(
                        k.as_deref().unwrap_or(""),
                        &label(report.kind, *d, k.as_deref()),
                    )
                })
                .collect();
            cells.push(Cell::number(row.count));
            if let Some(previous) = row.previous {
                cells.push(Cell::number(previous));
                cells.push(Cell::number(row.count - previous));
            }
            cells
        })
        .collect();
    Records { columns, rows }
}

fn footer(report: &Report) -> Vec<String> {
    let mut lines = vec![
        format!("{}: {}", t!(Msg::HeadPeriod), report.period.written()),
        format!("{}: {}", t!(Msg::HeadAsOf), report.as_of),
        format!("{}: {}", t!(Msg::HeadDefinition), report.definition),
    ];
    if let Some((period, total)) = report.compared {
        lines.push(format!(
            "{}: {} ({})",
            t!(Msg::HeadCompared),
            period.written(),
            total
        ));
    }
    lines
}

/// The report in the chosen format.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>> {
    let records = records(report);
    let mut out = Vec::new();
    match format {
        Format::Csv => records.print_csv(&mut out)?,
        Format::Table => {
            let mut with_total = records.clone();
            // A cut by two dimensions or more is a sparse grid (category x status: ~100 rows, most
            // of them 0): a table shows the combinations that happened; CSV and JSON keep them all.
            let mut omitted = 0;
            if report.dimensions.len() > 1 {
                let before = with_total.rows.len();
                with_total.rows = report
                    .rows
                    .iter()
                    .zip(with_total.rows)
                    .filter(|(row, _)| row.count != 0 || row.previous.is_some_and(|p| p != 0))
                    .map(|(_, cells)| cells)
                    .collect();
                omitted = before - with_total.rows.len();
            }
            let mut total = vec![Cell::text(t!(Msg::Total))];
            total.extend((1..report.dimensions.len()).map(|_| Cell::text("")));
            if report.dimensions.is_empty() {
                total.clear();
                with_total.columns.insert(0, column("value", ""));
                for row in &mut with_total.rows {
                    row.insert(0, Cell::text(""));
                }
                total.push(Cell::text(t!(Msg::Total)));
            }
            total.push(Cell::number(report.total));
            if let Some((_, previous)) = report.compared {
                total.push(Cell::number(previous));
                total.push(Cell::number(report.total - previous));
            }
            with_total.rows.push(total);
            with_total.print_boxed(&mut out)?;
            let mut notes = footer(report);
            if omitted > 0 {
                notes.push(t!(Msg::ReportZeroRowsOmitted, omitted));
            }
            for note in notes {
                for line in crate::output::wrap(&note, crate::output::layout().width) {
                    out.extend(format!("{line}\n").bytes());
                }
            }
        }
        Format::Json => {
            let mut doc = Map::new();
            doc.insert("report".into(), json!(report.kind.name()));
            doc.insert(
                "period".into(),
                json!({"from": report.period.from.to_string(), "to": report.period.to.to_string()}),
            );
            doc.insert("as_of".into(), json!(report.as_of.to_string()));
            doc.insert("definition".into(), json!(report.definition));
            doc.insert("rows".into(), records.to_json());
            doc.insert("total".into(), json!(report.total));
            if let Some((period, total)) = report.compared {
                doc.insert("compared".into(), json!({"period": {"from": period.from.to_string(), "to": period.to.to_string()}, "total": total}));
            }
            serde_json::to_writer_pretty(&mut out, &Value::Object(doc))?;
            out.push(b'\n');
        }
    }
    Ok(out)
}

/// The period, as-of date and definition as `(heading, text)` lines above a report's sheet.
fn notes(report: &Report) -> Vec<(String, String)> {
    let mut notes = vec![
        (t!(Msg::HeadPeriod), report.period.written()),
        (t!(Msg::HeadAsOf), report.as_of.to_string()),
        (t!(Msg::HeadDefinition), report.definition.clone()),
    ];
    if let Some((period, total)) = report.compared {
        notes.push((
            t!(Msg::HeadCompared),
            format!("{} ({total})", period.written()),
        ));
    }
    notes
}

/// One cell of a report as a typed workbook value: counts as numbers, groups by their label.
fn value(cell: &Cell) -> xlsx::Value<'_> {
    match cell.value.as_i64() {
        Some(n) if !cell.value.is_string() => xlsx::Value::Int(n),
        _ => xlsx::Value::Text(&cell.shown),
    }
}

/// The report as a sheet named after it: its period, as-of date and definition in the first rows,
/// then the table as `--format table` shows it (labels, counts, a total row), every group kept.
pub fn write_xlsx(report: &Report, book: &mut xlsx::Book) -> Result<()> {
    let records = records(report);
    let mut sheet = book.sheet(report.kind.name())?;
    for (heading, text) in notes(report) {
        sheet.note(&heading, &text)?;
    }
    sheet.gap()?;
    let headings: Vec<&str> = records.columns.iter().map(|c| c.heading.as_str()).collect();
    sheet.header(&headings)?;
    for row in &records.rows {
        let values: Vec<xlsx::Value> = row.iter().map(value).collect();
        sheet.row(&values, false)?;
    }
    let total = t!(Msg::Total);
    let mut totals = vec![xlsx::Value::Text(&total)];
    totals.extend((1..report.dimensions.len()).map(|_| xlsx::Value::Blank));
    totals.push(xlsx::Value::Int(report.total));
    if let Some((_, previous)) = report.compared {
        totals.push(xlsx::Value::Int(previous));
        totals.push(xlsx::Value::Int(report.total - previous));
    }
    sheet.row(&totals, true)?;
    sheet.finish(book)
}

/// The summary as one sheet: the period and as-of date, then one row per group as its CSV has
/// them (`section, dimension, code, count`), with the group's label beside its code.
pub fn write_summary_xlsx(s: &Summary, office_name: &str, book: &mut xlsx::Book) -> Result<()> {
    let mut sheet = book.sheet(Kind::Summary.name())?;
    sheet.title(office_name)?;
    sheet.note(&t!(Msg::HeadPeriod), &s.period.written())?;
    sheet.note(&t!(Msg::HeadAsOf), &s.as_of.to_string())?;
    sheet.gap()?;
    sheet.header(&["section", "dimension", "code", "label", "count"])?;
    for (section, report) in sections(s) {
        for row in &report.rows {
            let code = row.keys[0].clone().unwrap_or_default();
            let shown = label(report.kind, report.dimensions[0], row.keys[0].as_deref());
            sheet.row(
                &[
                    xlsx::Value::Text(section),
                    xlsx::Value::Text(report.dimensions[0].as_str()),
                    xlsx::Value::Text(&code),
                    xlsx::Value::Text(&shown),
                    xlsx::Value::Int(row.count),
                ],
                false,
            )?;
        }
    }
    sheet.finish(book)
}

/// `label: n` lines for the non-zero groups of a one-dimension report, labelled in Indonesian.
fn lines_id(report: &Report, limit: usize) -> Vec<(String, Option<String>, i64)> {
    crate::i18n::with_lang(Lang::Id, || {
        report
            .rows
            .iter()
            .filter(|r| r.count > 0)
            .take(limit)
            .map(|r| {
                (
                    label(report.kind, report.dimensions[0], r.keys[0].as_deref()),
                    r.keys[0].clone(),
                    r.count,
                )
            })
            .collect()
    })
}

fn section_json(report: &Report) -> Value {
    let by: Map<String, Value> = report
        .rows
        .iter()
        .map(|r| (r.keys[0].clone().unwrap_or_default(), json!(r.count)))
        .collect();
    json!({"total": report.total, "by": by})
}

/// The summary's sections with their names, as JSON and CSV carry them.
fn sections(s: &Summary) -> [(&'static str, &Report); 7] {
    [
        ("placements", &s.placements_by_scheme),
        ("placements", &s.placements_by_country),
        ("placements", &s.placements_by_sector),
        ("placements", &s.placements_by_sex),
        ("cases", &s.cases_by_category),
        ("cases", &s.cases_by_handling),
        ("repatriations", &s.returns_by_category),
    ]
}

/// The one-page summary: Indonesian text (table format), CSV (`section,dimension,code,count`, one
/// row per group) or JSON with every figure.
pub fn render_summary(s: &Summary, office_name: &str, format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Table => Ok((summary_lines(s, office_name).join("\n") + "\n").into_bytes()),
        Format::Csv => {
            let mut out = Vec::new();
            {
                let mut writer = csv::Writer::from_writer(&mut out);
                writer.write_record(["section", "dimension", "code", "count"])?;
                for (section, report) in sections(s) {
                    for row in &report.rows {
                        writer.write_record([
                            section,
                            report.dimensions[0].as_str(),
                            row.keys[0].as_deref().unwrap_or(""),
                            &row.count.to_string(),
                        ])?;
                    }
                }
                writer.flush()?;
            }
            Ok(out)
        }
        Format::Json => {
            let doc = json!({
                "report": Kind::Summary.name(),
                "period": {"from": s.period.from.to_string(), "to": s.period.to.to_string()},
                "as_of": s.as_of.to_string(),
                "definition": Kind::Summary.definition(),
                "placements": {"scheme": section_json(&s.placements_by_scheme), "country": section_json(&s.placements_by_country), "sector": section_json(&s.placements_by_sector), "sex": section_json(&s.placements_by_sex)},
                "cases": {"category": section_json(&s.cases_by_category), "handling": section_json(&s.cases_by_handling)},
                "repatriations": {"category": section_json(&s.returns_by_category)},
            });
            let mut out = serde_json::to_vec_pretty(&doc)?;
            out.push(b'\n');
            Ok(out)
        }
    }
}

/// The summary as a printable document (PDF), on the office's letterhead: the title, then each
/// numbered section as it reads in the text.
pub fn summary_document(s: &Summary, office_name: &str, letterhead: Letterhead) -> Document {
    let lines = summary_lines(s, office_name);
    let mut blocks = vec![Block::Title(lines.iter().take(2).cloned().collect())];
    let mut section = Vec::new();
    for line in lines.into_iter().skip(3) {
        if line.is_empty() {
            if !section.is_empty() {
                blocks.push(Block::Lines(std::mem::take(&mut section)));
            }
        } else {
            section.push(line);
        }
    }
    if !section.is_empty() {
        blocks.push(Block::Lines(section));
    }
    let number = format!("Ringkasan {}", s.period.written_id());
    Document {
        title: format!("Ringkasan Data {office_name} {}", s.period.written_id()),
        number,
        void_notice: None,
        letterhead,
        blocks,
    }
}

/// The summary's lines, in Indonesian: a heading, the period line, a blank line, the sections.
fn summary_lines(s: &Summary, office_name: &str) -> Vec<String> {
    let mut t = Vec::new();
    t.push(format!("RINGKASAN DATA {}", office_name.to_uppercase()));
    t.push(format!(
        "Periode {} (data per {})",
        s.period.written_id(),
        indonesian_long(s.as_of)
    ));
    t.push(String::new());
    t.push(format!(
        "1. Penempatan PMI (berangkat): {} orang",
        s.placements_by_scheme.total
    ));
    for row in &s.placements_by_scheme.rows {
        t.push(format!(
            "   - {}: {}",
            row.keys[0].clone().unwrap_or_default(),
            row.count
        ));
    }
    let countries: Vec<String> = lines_id(&s.placements_by_country, 5)
        .into_iter()
        .map(|(l, _, n)| format!("{l} {n}"))
        .collect();
    t.push(format!(
        "   Negara tujuan utama: {}",
        if countries.is_empty() {
            "-".into()
        } else {
            countries.join(", ")
        }
    ));
    let sectors: Vec<String> = lines_id(&s.placements_by_sector, 9)
        .into_iter()
        .map(|(l, _, n)| format!("{} {n}", l.to_lowercase()))
        .collect();
    t.push(format!(
        "   Sektor: {}",
        if sectors.is_empty() {
            "-".into()
        } else {
            sectors.join(", ")
        }
    ));
    let sexes: Vec<String> = lines_id(&s.placements_by_sex, 9)
        .into_iter()
        .map(|(l, _, n)| format!("{} {n}", l.to_lowercase()))
        .collect();
    t.push(format!(
        "   Jenis kelamin: {}",
        if sexes.is_empty() {
            "-".into()
        } else {
            sexes.join(", ")
        }
    ));
    t.push(String::new());
    t.push(format!(
        "2. Pengaduan PMI: {} kasus",
        s.cases_by_category.total
    ));
    for (l, _, n) in lines_id(&s.cases_by_category, 30) {
        t.push(format!("   - {l}: {n}"));
    }
    let handling: Vec<String> = lines_id(&s.cases_by_handling, 9)
        .into_iter()
        .map(|(l, _, n)| format!("{} {n}", l.to_lowercase()))
        .collect();
    t.push(format!(
        "   Status penanganan: {}",
        if handling.is_empty() {
            "-".into()
        } else {
            handling.join(", ")
        }
    ));
    t.push(String::new());
    t.push(format!(
        "3. Pemulangan PMI yang difasilitasi: {} orang",
        s.returns_by_category.total
    ));
    for (l, _, n) in lines_id(&s.returns_by_category, 30) {
        t.push(format!("   - {l}: {n}"));
    }
    t.push(String::new());
    t.push("Definisi:".into());
    crate::i18n::with_lang(Lang::Id, || {
        for kind in [Kind::Placements, Kind::Cases, Kind::Repatriations] {
            t.push(format!("- {}", kind.definition()));
        }
    });
    t
}
