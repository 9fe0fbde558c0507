//! The letter as a print-ready HTML page (A4, serif, no outside resources).

use super::Letter;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render(letter: &Letter) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(&format!("<title>{}</title>\n", escape(&letter.number)));
    h.push_str(
        "<style>\n@page { size: A4; margin: 2cm 2.5cm; }\n\
         body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 12pt; line-height: 1.4; max-width: 16cm; margin: auto; }\n\
         .kop { text-align: center; font-weight: bold; border-bottom: 3px double #000; padding-bottom: 4pt; }\n\
         .void { border: 2px solid #b00; color: #b00; text-align: center; font-weight: bold; padding: 4pt; }\n\
         .date { text-align: right; } table.meta td, table.identity td { vertical-align: top; padding: 0 4pt 0 0; }\n\
         table.identity { margin-left: 1cm; } .sign { margin-left: 55%; margin-top: 1em; } .sign .name { margin-top: 4em; font-weight: bold; text-decoration: underline; }\n\
         p { text-align: justify; }\n</style>\n</head>\n<body>\n",
    );
    if let Some(notice) = &letter.void_notice {
        h.push_str(&format!("<div class=\"void\">{}</div>\n", escape(notice)));
    }
    h.push_str("<div class=\"kop\">\n");
    for line in &letter.letterhead {
        h.push_str(&format!("<div>{}</div>\n", escape(line)));
    }
    h.push_str("</div>\n");
    h.push_str(&format!(
        "<p class=\"date\">{}</p>\n",
        escape(&letter.place_and_date)
    ));
    h.push_str("<table class=\"meta\">\n");
    for (label, value) in [
        ("Nomor", &letter.number),
        ("Lampiran", &letter.attachment),
        ("Hal", &letter.subject),
    ] {
        h.push_str(&format!(
            "<tr><td>{label}</td><td>:</td><td>{}</td></tr>\n",
            escape(value)
        ));
    }
    h.push_str("</table>\n<p>");
    h.push_str(
        &letter
            .addressee
            .iter()
            .map(|l| escape(l.trim()))
            .collect::<Vec<_>>()
            .join("<br>\n"),
    );
    h.push_str("</p>\n");
    h.push_str(&format!(
        "<p>{}</p>\n<p>{}</p>\n<table class=\"identity\">\n",
        escape(&letter.opening),
        escape(&letter.intro)
    ));
    for (label, value) in &letter.identity {
        h.push_str(&format!(
            "<tr><td>{}</td><td>:</td><td>{}</td></tr>\n",
            escape(label),
            escape(value)
        ));
    }
    h.push_str("</table>\n");
    for paragraph in &letter.paragraphs {
        h.push_str(&format!("<p>{}</p>\n", escape(paragraph)));
    }
    h.push_str(&format!(
        "<div class=\"sign\"><div>{}</div><div class=\"name\">{}</div><div>{}</div></div>\n</body>\n</html>\n",
        escape(&letter.signatory_title),
        escape(&letter.signatory_name),
        escape(&letter.signatory_nip)
    ));
    h
}
