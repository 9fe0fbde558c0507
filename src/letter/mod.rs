//! The documents a clerk prints (the passport recommendation letter, the refusal letter, the
//! handover record, the one-page summary): their content as a list of blocks, built once from the
//! records and the office's paper settings, then rendered as terminal text, a print-ready HTML page
//! or an A4 PDF. Always Indonesian.

mod compose;
mod html;
pub mod paper;
pub mod pdf;
mod text;

pub use compose::{handover_record, recommendation_letter, refusal_letter, HandoverParties};
pub use paper::Paper;

pub use crate::image::ImageFormat;

/// The document as HTML (print-ready), every value from the records isolated and shown.
pub fn html(doc: &Document) -> String {
    html::render(&doc.shown())
}

/// The document as a PDF (A4).
pub fn pdf(doc: &Document) -> anyhow::Result<Vec<u8>> {
    pdf::render(&doc.shown())
}

/// The document as plain text (a terminal, a .txt file).
pub fn text(doc: &Document) -> String {
    text::render(&doc.shown())
}

/// Everything a document says, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// What the PDF's properties call it, e.g. "Rekomendasi Paspor B.0001/BP3MI-SB/XI/2023".
    pub title: String,
    /// The document's number (or the record's uid when it has none), repeated at the top of every
    /// page after the first.
    pub number: String,
    /// Set for a voided letter: printed across the top.
    pub void_notice: Option<String>,
    pub letterhead: Letterhead,
    pub blocks: Vec<Block>,
}

impl Document {
    /// The document with every control and invisible character of its text shown as `<U+...>`
    /// (a value stored by an older pmi-desk, or by hand): a direction override cannot turn a
    /// name into "Valid to: 2000" on paper, nor an escape clear a terminal.
    fn shown(&self) -> Document {
        let v = |t: &String| crate::domain::text::visible(t, false).into_owned();
        let rows = |r: &Vec<(String, String)>| r.iter().map(|(a, b)| (v(a), v(b))).collect();
        let mut doc = self.clone();
        doc.title = v(&self.title);
        doc.number = v(&self.number);
        doc.void_notice = self.void_notice.as_ref().map(v);
        doc.letterhead.agency = v(&self.letterhead.agency);
        doc.letterhead.office = v(&self.letterhead.office);
        doc.letterhead.contact = self.letterhead.contact.iter().map(v).collect();
        doc.blocks = self
            .blocks
            .iter()
            .map(|b| match b {
                Block::PlaceDate(t) => Block::PlaceDate(v(t)),
                Block::Meta(r) => Block::Meta(rows(r)),
                Block::Lines(l) => Block::Lines(l.iter().map(v).collect()),
                Block::Title(l) => Block::Title(l.iter().map(v).collect()),
                Block::Paragraph(t) => Block::Paragraph(v(t)),
                Block::Fields(r) => Block::Fields(rows(r)),
                Block::Numbered(l) => Block::Numbered(l.iter().map(v).collect()),
                Block::Signatures(list) => Block::Signatures(
                    list.iter()
                        .map(|s| Signature {
                            role: s.role.iter().map(v).collect(),
                            name: v(&s.name),
                            below: s.below.as_ref().map(v),
                        })
                        .collect(),
                ),
            })
            .collect();
        doc
    }
}

/// The kop surat: agency, office, then smaller address and telephone lines, and an optional logo.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Letterhead {
    pub agency: String,
    pub office: String,
    pub contact: Vec<String>,
    pub logo: Option<Logo>,
}

impl Letterhead {
    /// The lines that are not empty, with whether each is a main (bold) line.
    pub fn lines(&self) -> Vec<(&str, bool)> {
        [(self.agency.as_str(), true), (self.office.as_str(), true)]
            .into_iter()
            .chain(self.contact.iter().map(|c| (c.as_str(), false)))
            .filter(|(l, _)| !l.trim().is_empty())
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub format: ImageFormat,
}

/// One part of a document's body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Place and date, at the right.
    PlaceDate(String),
    /// Nomor / Lampiran / Hal.
    Meta(Vec<(String, String)>),
    /// Short lines at the left (the addressee); a line starting with spaces is indented.
    Lines(Vec<String>),
    /// Centred bold lines (the title of a record); the first is underlined.
    Title(Vec<String>),
    Paragraph(String),
    /// `label : value` rows, indented.
    Fields(Vec<(String, String)>),
    /// A numbered list.
    Numbered(Vec<String>),
    /// Signature blocks: one alone sits at the right; three share a row; otherwise two to a row.
    Signatures(Vec<Signature>),
}

/// Who signs: the lines above the space for the signature, the name, and a line under it (NIP).
#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    pub role: Vec<String>,
    pub name: String,
    pub below: Option<String>,
}

/// How many signatures share a row.
pub fn signatures_per_row(count: usize) -> usize {
    if count == 3 {
        3
    } else {
        2
    }
}

/// Splits text into lines of at most `max` characters at spaces (long words are cut), for the
/// terminal rendering.
pub fn wrap_chars(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let have = text::width(&line);
            let need = text::width(&word) + usize::from(!line.is_empty());
            if have + need <= max {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than a line: cut it.
            let mut head = String::new();
            let mut rest = word.chars().peekable();
            while let Some(c) = rest.peek() {
                if text::width(&head) + text::width(&c.to_string()) > max && !head.is_empty() {
                    break;
                }
                head.push(*c);
                rest.next();
            }
            lines.push(head);
            word = rest.collect();
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole_and_cuts_only_words_longer_than_a_line() {
        assert_eq!(
            wrap_chars("satu dua tiga empat lima", 9),
            ["satu dua", "tiga", "empat", "lima"]
        );
        assert_eq!(
            wrap_chars("ab abcdefghijk", 5),
            ["ab", "abcde", "fghij", "k"]
        );
    }

    #[test]
    fn images_are_recognised_by_their_first_bytes() {
        assert_eq!(
            ImageFormat::sniff(b"\x89PNG\r\n\x1a\nrest"),
            Some(ImageFormat::Png)
        );
        assert_eq!(
            ImageFormat::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(ImageFormat::Jpeg)
        );
        assert_eq!(ImageFormat::sniff(b"GIF89a"), None);
    }
}
