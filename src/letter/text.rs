//! A document as plain text for the terminal or a .txt file, 78 columns wide (wide characters,
//! Chinese or Japanese, count as two columns).

use unicode_width::UnicodeWidthStr;

use super::{signatures_per_row, wrap_chars, Block, Document, Signature};

const WIDTH: usize = 78;

/// Columns a string takes on a terminal.
pub(super) fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

fn pad(n: usize) -> String {
    " ".repeat(n)
}

fn centred(text: &str) -> String {
    format!("{}{}", pad(WIDTH.saturating_sub(width(text)) / 2), text)
}

fn right(text: &str) -> String {
    format!("{}{}", pad(WIDTH.saturating_sub(width(text))), text)
}

/// `label : value` rows with the value wrapped under itself.
fn rows(out: &mut Vec<String>, rows: &[(String, String)], indent: usize) {
    let label_width = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let value_at = indent + label_width + 3;
    for (label, value) in rows {
        let lines = wrap_chars(value, WIDTH.saturating_sub(value_at).max(20));
        let first = lines.first().cloned().unwrap_or_default();
        out.push(format!(
            "{}{label}{} : {first}",
            pad(indent),
            pad(label_width - width(label))
        ));
        for line in lines.iter().skip(1) {
            out.push(format!("{}{line}", pad(value_at)));
        }
    }
}

/// Signature blocks side by side (see `signatures_per_row`); one alone sits at the right.
fn signatures(out: &mut Vec<String>, signatures: &[Signature]) {
    let per_row = signatures_per_row(signatures.len());
    let step = WIDTH / per_row;
    let column = if per_row == 3 { 24 } else { 34 };
    for row in signatures.chunks(per_row) {
        let roles: Vec<Vec<String>> = row
            .iter()
            .map(|s| s.role.iter().flat_map(|r| wrap_chars(r, column)).collect())
            .collect();
        // Names of one row on one line, whatever the number of role lines above them.
        let role_lines = roles.iter().map(Vec::len).max().unwrap_or(0);
        let columns: Vec<(usize, Vec<String>)> = row
            .iter()
            .zip(roles)
            .enumerate()
            .map(|(i, (s, mut lines))| {
                let at = if signatures.len() == 1 {
                    44
                } else {
                    (i + per_row - row.len()) * step
                };
                lines.resize(role_lines + 3, String::new());
                lines.extend(wrap_chars(&s.name, column));
                lines.extend(s.below.iter().flat_map(|b| wrap_chars(b, column)));
                (at, lines)
            })
            .collect();
        let height = columns.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
        for i in 0..height {
            let mut line = String::new();
            for (at, lines) in &columns {
                if let Some(text) = lines.get(i).filter(|t| !t.is_empty()) {
                    line.push_str(&pad(at.saturating_sub(width(&line))));
                    line.push_str(text);
                }
            }
            out.push(line);
        }
        out.push(String::new());
    }
    out.pop();
}

pub(super) fn render(doc: &Document) -> String {
    let mut out = Vec::new();
    if let Some(notice) = &doc.void_notice {
        out.push(format!("*** {notice} ***"));
        out.push(String::new());
    }
    for (line, _) in doc.letterhead.lines() {
        out.extend(wrap_chars(line, WIDTH).iter().map(|l| centred(l)));
    }
    out.push("=".repeat(WIDTH));
    for (i, block) in doc.blocks.iter().enumerate() {
        let tight = matches!(block, Block::Meta(_) | Block::PlaceDate(_))
            && i > 0
            && matches!(doc.blocks[i - 1], Block::PlaceDate(_));
        if i > 0 && !tight {
            out.push(String::new());
        }
        match block {
            Block::PlaceDate(text) => out.push(right(text)),
            Block::Meta(meta) => rows(&mut out, meta, 0),
            Block::Lines(lines) => out.extend(lines.iter().cloned()),
            Block::Title(lines) => {
                for line in lines {
                    out.extend(wrap_chars(line, WIDTH).iter().map(|l| centred(l)));
                }
            }
            Block::Paragraph(text) => out.extend(wrap_chars(text, WIDTH)),
            Block::Fields(fields) => rows(&mut out, fields, 4),
            Block::Numbered(items) => {
                for (n, item) in items.iter().enumerate() {
                    let mark = format!("{}. ", n + 1);
                    for (j, line) in wrap_chars(item, WIDTH - 4 - mark.len()).iter().enumerate() {
                        let lead = if j == 0 {
                            mark.clone()
                        } else {
                            pad(mark.len())
                        };
                        out.push(format!("    {lead}{line}"));
                    }
                }
            }
            Block::Signatures(list) => signatures(&mut out, list),
        }
    }
    out.join("\n") + "\n"
}
