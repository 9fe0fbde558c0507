//! Reports as a table (labels, a total row, a footer with period, as-of and definition), CSV
//! (codes then `count`, no total) or JSON (period, as-of, definition, rows, total); and the
//! one-page summary, always in Indonesian.

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::summary::Summary;
use super::{label, Kind, Report};
use crate::domain::date::indonesian_long;
use crate::domain::RecommendationStatus;
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
                // No cut: the one figure is the total, on the total row alone.
                total.clear();
                with_total.columns.insert(0, column("value", ""));
                with_total.rows.clear();
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
    let mut headings: Vec<&str> = records.columns.iter().map(|c| c.heading.as_str()).collect();
    if report.dimensions.is_empty() {
        // No cut: the one figure is the total, on the total row alone.
        headings.insert(0, "");
    }
    sheet.header(&headings)?;
    if !report.dimensions.is_empty() {
        for row in &records.rows {
            let values: Vec<xlsx::Value> = row.iter().map(value).collect();
            sheet.row(&values, false)?;
        }
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

/// The summary as one sheet: the period and as-of date (and the period compared with), then one
/// row per group as its CSV has them (`section, dimension, code, count`, then `previous` and
/// `change` when comparing), with the group's label beside its code.
pub fn write_summary_xlsx(s: &Summary, office_name: &str, book: &mut xlsx::Book) -> Result<()> {
    let mut sheet = book.sheet(Kind::Summary.name())?;
    sheet.title(office_name)?;
    sheet.note(&t!(Msg::HeadPeriod), &s.period.written())?;
    sheet.note(&t!(Msg::HeadAsOf), &s.as_of.to_string())?;
    if let Some(compared) = s.compared {
        sheet.note(&t!(Msg::HeadCompared), &compared.written())?;
    }
    sheet.gap()?;
    let mut header = vec!["section", "dimension", "code", "label", "count"];
    if s.compared.is_some() {
        header.extend(["previous", "change"]);
    }
    sheet.header(&header)?;
    for (section, report) in sections(s) {
        for row in &report.rows {
            let code = row.keys[0].clone().unwrap_or_default();
            let shown = label(report.kind, report.dimensions[0], row.keys[0].as_deref());
            let mut values = vec![
                xlsx::Value::Text(section),
                xlsx::Value::Text(report.dimensions[0].as_str()),
                xlsx::Value::Text(&code),
                xlsx::Value::Text(&shown),
                xlsx::Value::Int(row.count),
            ];
            if let Some(previous) = row.previous {
                values.extend([
                    xlsx::Value::Int(previous),
                    xlsx::Value::Int(row.count - previous),
                ]);
            }
            sheet.row(&values, false)?;
        }
    }
    sheet.finish(book)
}

/// `label: n` lines for the groups of a one-dimension report that are not 0 (in this period or the
/// one compared with), labelled in Indonesian, the figure as `figure` writes it.
fn lines_id(report: &Report, limit: usize) -> Vec<(String, String)> {
    crate::i18n::with_lang(Lang::Id, || {
        report
            .rows
            .iter()
            .filter(|r| r.count > 0 || r.previous.is_some_and(|p| p > 0))
            .take(limit)
            .map(|r| {
                (
                    label(report.kind, report.dimensions[0], r.keys[0].as_deref()),
                    figure(r.count, r.previous),
                )
            })
            .collect()
    })
}

/// A figure, and when compared the earlier period's beside it with the change:
/// `12 (sebelumnya 10, +2)`.
fn figure(count: i64, previous: Option<i64>) -> String {
    match previous {
        None => count.to_string(),
        Some(p) => format!("{count} (sebelumnya {p}, {:+})", count - p),
    }
}

/// A report's total in `unit`, the earlier period's beside it when compared:
/// `12 orang (sebelumnya 10, +2)`.
fn total(report: &Report, unit: &str) -> String {
    let shown = figure(report.total, report.compared.map(|(_, n)| n));
    match shown.split_once(' ') {
        Some((n, rest)) => format!("{n} {unit} {rest}"),
        None => format!("{shown} {unit}"),
    }
}

/// The count of one group of a one-dimension report, as `figure` writes it.
fn group(report: &Report, code: &str) -> String {
    report
        .rows
        .iter()
        .find(|r| r.keys[0].as_deref() == Some(code))
        .map(|r| figure(r.count, r.previous))
        .unwrap_or_else(|| figure(0, report.compared.map(|_| 0)))
}

fn section_json(report: &Report) -> Value {
    let by: Map<String, Value> = report
        .rows
        .iter()
        .map(|r| (r.keys[0].clone().unwrap_or_default(), json!(r.count)))
        .collect();
    let mut doc = json!({"total": report.total, "by": by});
    if let Some((_, total)) = report.compared {
        let by: Map<String, Value> = report
            .rows
            .iter()
            .map(|r| {
                (
                    r.keys[0].clone().unwrap_or_default(),
                    json!(r.previous.unwrap_or(0)),
                )
            })
            .collect();
        doc["previous"] = json!({"total": total, "by": by});
    }
    doc
}

/// The summary's sections with their names, as JSON and CSV carry them.
fn sections(s: &Summary) -> [(&'static str, &Report); 9] {
    [
        ("placements", &s.placements_by_scheme),
        ("placements", &s.placements_by_country),
        ("placements", &s.placements_by_sector),
        ("placements", &s.placements_by_sex),
        ("registrations", &s.registrations_by_scheme),
        ("recommendations", &s.recommendations_by_status),
        ("cases", &s.cases_by_category),
        ("cases", &s.cases_by_handling),
        ("repatriations", &s.returns_by_category),
    ]
}

/// The one-page summary: Indonesian text (table format), CSV (`section,dimension,code,count`, the
/// period and as-of date first, then one row per group; `previous,change` when comparing) or JSON
/// with every figure.
pub fn render_summary(s: &Summary, office_name: &str, format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Table => Ok((summary_lines(s, office_name).join("\n") + "\n").into_bytes()),
        Format::Csv => {
            let mut out = Vec::new();
            {
                let mut writer = csv::Writer::from_writer(&mut out);
                let mut header = vec!["section", "dimension", "code", "count"];
                if s.compared.is_some() {
                    header.extend(["previous", "change"]);
                }
                writer.write_record(&header)?;
                let blank = |n: usize| vec![""; n];
                let extra = if s.compared.is_some() { 2 } else { 0 };
                let mut about = vec![
                    ("period_from", s.period.from.to_string()),
                    ("period_to", s.period.to.to_string()),
                    ("as_of", s.as_of.to_string()),
                ];
                if let Some(p) = s.compared {
                    about.push(("compared_from", p.from.to_string()));
                    about.push(("compared_to", p.to.to_string()));
                }
                for (what, date) in &about {
                    let mut record = vec!["report", what, date.as_str()];
                    record.extend(blank(1 + extra));
                    writer.write_record(&record)?;
                }
                for (section, report) in sections(s) {
                    for row in &report.rows {
                        let mut record = vec![
                            section.to_string(),
                            report.dimensions[0].as_str().to_string(),
                            row.keys[0].clone().unwrap_or_default(),
                            row.count.to_string(),
                        ];
                        if let Some(previous) = row.previous {
                            record.push(previous.to_string());
                            record.push((row.count - previous).to_string());
                        }
                        writer.write_record(&record)?;
                    }
                }
                writer.flush()?;
            }
            Ok(out)
        }
        Format::Json => {
            let mut doc = json!({
                "report": Kind::Summary.name(),
                "period": {"from": s.period.from.to_string(), "to": s.period.to.to_string()},
                "as_of": s.as_of.to_string(),
                "definition": Kind::Summary.definition(),
                "placements": {"scheme": section_json(&s.placements_by_scheme), "country": section_json(&s.placements_by_country), "sector": section_json(&s.placements_by_sector), "sex": section_json(&s.placements_by_sex)},
                "registrations": {"scheme": section_json(&s.registrations_by_scheme)},
                "recommendations": {"status": section_json(&s.recommendations_by_status)},
                "cases": {"category": section_json(&s.cases_by_category), "handling": section_json(&s.cases_by_handling)},
                "repatriations": {"category": section_json(&s.returns_by_category)},
            });
            if let Some(p) = s.compared {
                doc["compared"] =
                    json!({"period": {"from": p.from.to_string(), "to": p.to.to_string()}});
            }
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

/// `a, b` of the lines, or `-` when there are none.
fn joined(lines: Vec<String>) -> String {
    if lines.is_empty() {
        "-".into()
    } else {
        lines.join(", ")
    }
}

/// The summary's lines, in Indonesian: a heading, the period line (and the period compared with),
/// a blank line, the sections.
fn summary_lines(s: &Summary, office_name: &str) -> Vec<String> {
    let mut t = Vec::new();
    t.push(format!("RINGKASAN DATA {}", office_name.to_uppercase()));
    let mut period = format!(
        "Periode {} (data per {})",
        s.period.written_id(),
        indonesian_long(s.as_of)
    );
    if let Some(p) = s.compared {
        period += &format!("; dibandingkan dengan {}", p.written_id());
    }
    t.push(period);
    t.push(String::new());
    t.push(format!(
        "1. Penempatan PMI (berangkat): {}",
        total(&s.placements_by_scheme, "orang")
    ));
    for row in &s.placements_by_scheme.rows {
        t.push(format!(
            "   - {}: {}",
            row.keys[0].clone().unwrap_or_default(),
            figure(row.count, row.previous)
        ));
    }
    let countries = lines_id(&s.placements_by_country, 5)
        .into_iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    t.push(format!("   Negara tujuan utama: {}", joined(countries)));
    let sectors = lines_id(&s.placements_by_sector, 9)
        .into_iter()
        .map(|(l, n)| format!("{} {n}", l.to_lowercase()))
        .collect();
    t.push(format!("   Sektor: {}", joined(sectors)));
    let sexes = lines_id(&s.placements_by_sex, 9)
        .into_iter()
        .map(|(l, n)| format!("{} {n}", l.to_lowercase()))
        .collect();
    t.push(format!("   Jenis kelamin: {}", joined(sexes)));
    t.push(String::new());
    t.push(format!(
        "2. Pendaftaran CPMI: {}",
        total(&s.registrations_by_scheme, "orang")
    ));
    let recommendations = &s.recommendations_by_status;
    t.push(format!(
        "   Rekomendasi paspor: terbit {}, ditolak {}",
        group(recommendations, RecommendationStatus::Issued.code()),
        group(recommendations, RecommendationStatus::Refused.code())
    ));
    t.push(String::new());
    t.push(format!(
        "3. Pengaduan PMI: {}",
        total(&s.cases_by_category, "kasus")
    ));
    for (l, n) in lines_id(&s.cases_by_category, 30) {
        t.push(format!("   - {l}: {n}"));
    }
    let handling = lines_id(&s.cases_by_handling, 9)
        .into_iter()
        .map(|(l, n)| format!("{} {n}", l.to_lowercase()))
        .collect();
    t.push(format!("   Status penanganan: {}", joined(handling)));
    t.push(String::new());
    t.push(format!(
        "4. Pemulangan PMI yang difasilitasi: {}",
        total(&s.returns_by_category, "orang")
    ));
    for (l, n) in lines_id(&s.returns_by_category, 30) {
        t.push(format!("   - {l}: {n}"));
    }
    t.push(String::new());
    t.push("Definisi:".into());
    crate::i18n::with_lang(Lang::Id, || {
        for kind in [
            Kind::Placements,
            Kind::Registrations,
            Kind::Recommendations,
            Kind::Cases,
            Kind::Repatriations,
        ] {
            t.push(format!("- {}", kind.definition()));
        }
    });
    t
}
