//! A document as a print-ready HTML page (A4, serif, no outside resources: the logo is inlined).

use base64::Engine;

use super::{Block, Document, Signature};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "<style>\n@page { size: A4; margin: 2cm 2.5cm; }\n\
body { font-family: 'Times New Roman', 'Liberation Serif', 'Noto Naskh Arabic', 'Noto Serif CJK JP', serif; font-size: 12pt; line-height: 1.4; max-width: 16cm; margin: auto; overflow-wrap: anywhere; }\n\
.kop { display: flex; align-items: center; border-bottom: 3px double #000; padding-bottom: 4pt; }\n\
.kop img { max-height: 2.2cm; max-width: 2.5cm; margin-right: 8pt; }\n\
.kop .lines { flex: 1; text-align: center; } .kop .main { font-weight: bold; } .kop .contact { font-size: 10pt; }\n\
.void { border: 2px solid #b00; color: #b00; text-align: center; font-weight: bold; padding: 4pt; }\n\
.date { text-align: right; } table td { vertical-align: top; padding: 0 4pt 0 0; }\n\
table.fields { margin-left: 1cm; } .title { text-align: center; font-weight: bold; } .title div:first-child { text-decoration: underline; }\n\
.signatures { display: flex; flex-wrap: wrap; justify-content: flex-end; margin-top: 1em; }\n\
.sign { width: 45%; margin: 0 2.5% 1em; } .signatures.many .sign { text-align: center; } .signatures.three .sign { width: 30%; margin: 0 1.5% 1em; }\n\
.sign .name { margin-top: 4em; font-weight: bold; text-decoration: underline; }\n\
p { text-align: justify; }\n</style>\n";

fn signature(s: &Signature) -> String {
    let mut h = String::from("<div class=\"sign\">");
    for line in &s.role {
        h.push_str(&format!("<div>{}</div>", escape(line)));
    }
    h.push_str(&format!(
        "<div class=\"name\"><bdi>{}</bdi></div>",
        escape(&s.name)
    ));
    if let Some(below) = &s.below {
        h.push_str(&format!("<div>{}</div>", escape(below)));
    }
    h.push_str("</div>\n");
    h
}

fn table(class: &str, rows: &[(String, String)]) -> String {
    let mut h = format!("<table class=\"{class}\">\n");
    for (label, value) in rows {
        // A value from the records is isolated: its direction never spills into the letter.
        h.push_str(&format!(
            "<tr><td>{}</td><td>:</td><td><bdi>{}</bdi></td></tr>\n",
            escape(label),
            escape(value)
        ));
    }
    h.push_str("</table>\n");
    h
}

pub(super) fn render(doc: &Document) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(&format!("<title>{}</title>\n", escape(&doc.title)));
    h.push_str(STYLE);
    h.push_str("</head>\n<body>\n");
    if let Some(notice) = &doc.void_notice {
        h.push_str(&format!("<div class=\"void\">{}</div>\n", escape(notice)));
    }
    h.push_str("<div class=\"kop\">\n");
    if let Some(logo) = &doc.letterhead.logo {
        h.push_str(&format!(
            "<img alt=\"\" src=\"data:{};base64,{}\">\n",
            logo.format.mime(),
            base64::engine::general_purpose::STANDARD.encode(&logo.bytes)
        ));
    }
    h.push_str("<div class=\"lines\">\n");
    for (line, main) in doc.letterhead.lines() {
        let class = if main { "main" } else { "contact" };
        h.push_str(&format!("<div class=\"{class}\">{}</div>\n", escape(line)));
    }
    h.push_str("</div>\n</div>\n");
    for block in &doc.blocks {
        match block {
            Block::PlaceDate(text) => {
                h.push_str(&format!("<p class=\"date\">{}</p>\n", escape(text)))
            }
            Block::Meta(rows) => h.push_str(&table("meta", rows)),
            Block::Lines(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| escape(l.trim())).collect();
                h.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
            }
            Block::Title(lines) => {
                h.push_str("<div class=\"title\">");
                for line in lines {
                    h.push_str(&format!("<div>{}</div>", escape(line)));
                }
                h.push_str("</div>\n");
            }
            Block::Paragraph(text) => h.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::Fields(rows) => h.push_str(&table("fields", rows)),
            Block::Numbered(items) => {
                h.push_str("<ol>\n");
                for item in items {
                    h.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                h.push_str("</ol>\n");
            }
            Block::Signatures(list) => {
                let class = match list.len() {
                    1 => "signatures",
                    3 => "signatures many three",
                    _ => "signatures many",
                };
                h.push_str(&format!("<div class=\"{class}\">\n"));
                for s in list {
                    h.push_str(&signature(s));
                }
                h.push_str("</div>\n");
            }
        }
    }
    h.push_str("</body>\n</html>\n");
    h
}
