//! The letter as a one-page A4 PDF, written directly: two embedded TrueType fonts (Liberation Serif,
//! SIL Open Font License) with WinAnsi encoding, so it prints the same offline on any machine. Text
//! streams are left uncompressed (they are small); the fonts are compressed.

use std::io::Write;
use std::sync::OnceLock;

use anyhow::Result;
use flate2::write::ZlibEncoder;
use flate2::Compression;

use super::{wrap, Letter};

const REGULAR: &[u8] = include_bytes!("../../data/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../data/fonts/LiberationSerif-Bold.ttf");

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const LEFT: f32 = 72.0;
const RIGHT: f32 = PAGE_WIDTH - 64.0;
const SIZE: f32 = 11.5;

/// Windows-1252 bytes 0x80-0x9F (the rest of 0xA0-0xFF is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn encode_char(c: char) -> u8 {
    match c as u32 {
        0x20..=0x7e | 0xa0..=0xff => c as u32 as u8,
        _ => CP1252_HIGH
            .iter()
            .position(|h| *h == c)
            .map(|i| 0x80 + i as u8)
            .unwrap_or(b'?'),
    }
}

fn decode_byte(b: u8) -> char {
    match b {
        0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

struct Font {
    base_name: &'static str,
    data: &'static [u8],
    /// Advance widths in thousandths of the font size, by WinAnsi byte.
    widths: Vec<u16>,
    ascent: i32,
    descent: i32,
    cap_height: i32,
    bbox: [i32; 4],
}

impl Font {
    fn load(base_name: &'static str, data: &'static [u8]) -> Font {
        let face =
            ttf_parser::Face::parse(data, 0).expect("embedded font parses (checked by tests)");
        let scale = |v: i32| v * 1000 / face.units_per_em() as i32;
        let widths = (0u8..=255)
            .map(|b| {
                face.glyph_index(decode_byte(b))
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map(|w| scale(w as i32) as u16)
                    .unwrap_or(0)
            })
            .collect();
        let b = face.global_bounding_box();
        Font {
            base_name,
            data,
            widths,
            ascent: scale(face.ascender() as i32),
            descent: scale(face.descender() as i32),
            cap_height: scale(face.capital_height().unwrap_or(face.ascender()) as i32),
            bbox: [
                scale(b.x_min as i32),
                scale(b.y_min as i32),
                scale(b.x_max as i32),
                scale(b.y_max as i32),
            ],
        }
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.widths[encode_char(c) as usize] as f32)
            .sum::<f32>()
            * size
            / 1000.0
    }
}

fn fonts() -> &'static (Font, Font) {
    static FONTS: OnceLock<(Font, Font)> = OnceLock::new();
    FONTS.get_or_init(|| {
        (
            Font::load("LiberationSerif", REGULAR),
            Font::load("LiberationSerif-Bold", BOLD),
        )
    })
}

/// The page's content stream, written top to bottom.
struct Page {
    ops: Vec<u8>,
    y: f32,
}

impl Page {
    fn text(&mut self, bold: bool, size: f32, x: f32, text: &str) {
        let font = if bold { "F2" } else { "F1" };
        let mut escaped = Vec::new();
        for c in text.chars() {
            match encode_char(c) {
                b @ (b'(' | b')' | b'\\') => escaped.extend([b'\\', b]),
                b @ 0x20..=0x7e => escaped.push(b),
                b => escaped.extend(format!("\\{b:03o}").bytes()),
            }
        }
        self.ops
            .extend(format!("BT /{font} {size} Tf {x:.2} {:.2} Td (", self.y).bytes());
        self.ops.extend(escaped);
        self.ops.extend(b") Tj ET\n");
    }

    fn down(&mut self, size: f32) {
        self.y -= size * 1.38;
    }

    fn line(&mut self, text: &str, bold: bool, size: f32, x: f32) {
        self.text(bold, size, x, text);
        self.down(size);
    }

    /// A centred line, made smaller if it would not fit between the margins.
    fn centred(&mut self, text: &str, bold: bool, size: f32) {
        let font = if bold { &fonts().1 } else { &fonts().0 };
        let natural = font.width(text, size);
        let size = if natural > RIGHT - LEFT {
            size * (RIGHT - LEFT) / natural
        } else {
            size
        };
        let x = (LEFT + RIGHT - font.width(text, size)) / 2.0;
        self.line(text, bold, size, x);
    }

    fn paragraph(&mut self, text: &str, x: f32) {
        for line in wrap(text, RIGHT - x, |s| fonts().0.width(s, SIZE)) {
            self.line(&line, false, SIZE, x);
        }
    }

    /// `label : value`, the value wrapped in its column.
    fn labelled(&mut self, label: &str, value: &str, x: f32, colon_x: f32) {
        self.text(false, SIZE, x, label);
        self.text(false, SIZE, colon_x, ":");
        let lines = wrap(value, RIGHT - colon_x - 8.0, |s| fonts().0.width(s, SIZE));
        for line in if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        } {
            self.text(false, SIZE, colon_x + 8.0, &line);
            self.down(SIZE);
        }
    }

    fn rule(&mut self, width: f32) {
        self.ops.extend(
            format!(
                "{width} w {LEFT:.2} {y:.2} m {RIGHT:.2} {y:.2} l S\n",
                y = self.y
            )
            .bytes(),
        );
    }
}

fn layout(letter: &Letter) -> Vec<u8> {
    let mut page = Page {
        ops: Vec::new(),
        y: PAGE_HEIGHT - 60.0,
    };
    if let Some(notice) = &letter.void_notice {
        page.ops.extend(b"0.7 0 0 rg\n");
        page.centred(&format!("*** {notice} ***"), true, 12.0);
        page.ops.extend(b"0 g\n");
        page.down(4.0);
    }
    let count = letter.letterhead.len();
    for (i, line) in letter.letterhead.iter().enumerate() {
        let last = i + 1 == count && count > 1;
        page.centred(
            line,
            !last,
            if i == 0 {
                13.0
            } else if last {
                10.0
            } else {
                12.0
            },
        );
    }
    page.y += 6.0;
    page.rule(2.0);
    page.y -= 2.5;
    page.rule(0.6);
    page.down(SIZE);
    let date_x = RIGHT - fonts().0.width(&letter.place_and_date, SIZE);
    page.line(&letter.place_and_date, false, SIZE, date_x);
    page.down(2.0);
    page.labelled("Nomor", &letter.number, LEFT, LEFT + 58.0);
    page.labelled("Lampiran", &letter.attachment, LEFT, LEFT + 58.0);
    page.labelled("Hal", &letter.subject, LEFT, LEFT + 58.0);
    page.down(SIZE);
    for line in &letter.addressee {
        let indent = if line.starts_with(' ') { 28.0 } else { 0.0 };
        page.line(line.trim(), false, SIZE, LEFT + indent);
    }
    page.down(SIZE);
    page.line(&letter.opening, false, SIZE, LEFT);
    page.paragraph(&letter.intro, LEFT);
    page.down(4.0);
    for (label, value) in &letter.identity {
        page.labelled(label, value, LEFT + 28.0, LEFT + 150.0);
    }
    for paragraph in &letter.paragraphs {
        page.down(4.0);
        page.paragraph(paragraph, LEFT);
    }
    page.down(SIZE);
    let sign_x = 330.0;
    page.line(&letter.signatory_title, false, SIZE, sign_x);
    page.y -= 52.0;
    page.line(&letter.signatory_name, true, SIZE, sign_x);
    page.line(&letter.signatory_nip, false, SIZE, sign_x);
    page.ops
}

/// Writes PDF objects and the cross-reference table.
struct Writer {
    out: Vec<u8>,
    offsets: Vec<usize>,
}

impl Writer {
    fn object(&mut self, body: &[u8]) {
        self.offsets.push(self.out.len());
        self.out
            .extend(format!("{} 0 obj\n", self.offsets.len()).bytes());
        self.out.extend(body);
        self.out.extend(b"\nendobj\n");
    }

    fn stream(&mut self, dict: &str, data: &[u8]) {
        let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend(data);
        body.extend(b"\nendstream");
        self.object(&body);
    }
}

fn font_objects(w: &mut Writer, font: &Font, first: usize) -> Result<()> {
    // Objects `first` (font), `first + 1` (descriptor), `first + 2` (font file).
    let widths: Vec<String> = font.widths[32..].iter().map(|w| w.to_string()).collect();
    w.object(
        format!(
            "<< /Type /Font /Subtype /TrueType /BaseFont /{} /FirstChar 32 /LastChar 255 /Widths [{}] /Encoding /WinAnsiEncoding /FontDescriptor {} 0 R >>",
            font.base_name,
            widths.join(" "),
            first + 1
        )
        .as_bytes(),
    );
    let [x0, y0, x1, y1] = font.bbox;
    w.object(
        format!(
            "<< /Type /FontDescriptor /FontName /{} /Flags 34 /FontBBox [{x0} {y0} {x1} {y1}] /ItalicAngle 0 /Ascent {} /Descent {} /CapHeight {} /StemV 80 /FontFile2 {} 0 R >>",
            font.base_name, font.ascent, font.descent, font.cap_height, first + 2
        )
        .as_bytes(),
    );
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(font.data)?;
    let compressed = encoder.finish()?;
    w.stream(
        &format!("/Filter /FlateDecode /Length1 {}", font.data.len()),
        &compressed,
    );
    Ok(())
}

pub fn render(letter: &Letter) -> Result<Vec<u8>> {
    let (regular, bold) = fonts();
    let mut w = Writer {
        out: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec(),
        offsets: Vec::new(),
    };
    w.object(b"<< /Type /Catalog /Pages 2 0 R >>");
    w.object(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    w.object(
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> /Contents 4 0 R >>"
        )
        .as_bytes(),
    );
    w.stream("", &layout(letter));
    font_objects(&mut w, regular, 5)?;
    font_objects(&mut w, bold, 8)?;
    let title: String = letter
        .number
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "./- ".contains(*c))
        .collect();
    w.object(format!("<< /Title (Rekomendasi Paspor {title}) /Producer (pmi-desk) >>").as_bytes());
    let xref_at = w.out.len();
    let mut tail = format!("xref\n0 {}\n0000000000 65535 f \n", w.offsets.len() + 1);
    for offset in &w.offsets {
        tail.push_str(&format!("{offset:010} 00000 n \n"));
    }
    tail.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R /Info {} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n",
        w.offsets.len() + 1,
        w.offsets.len()
    ));
    w.out.extend(tail.into_bytes());
    Ok(w.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_load_with_sensible_widths() {
        let (regular, bold) = fonts();
        assert!(regular.width("Padang", 12.0) > 20.0);
        assert!(bold.width("W", 10.0) > regular.width("i", 10.0));
        assert_eq!(encode_char('é'), 0xe9);
        assert_eq!(encode_char('€'), 0x80);
        assert_eq!(encode_char('中'), b'?');
    }
}
