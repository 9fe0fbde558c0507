//! The fonts a PDF document is set in, and how a line of text becomes positioned glyphs.
//!
//! Liberation Serif (Latin, Vietnamese, Turkish, Greek, Cyrillic) is the main face; characters it
//! lacks fall back to Noto Naskh Arabic (shaped, right to left), then Droid Sans Fallback
//! (Chinese and Japanese), then NanumSquare (Korean Hangul). Each line is split into bidirectional runs (Unicode Bidirectional
//! Algorithm, left-to-right paragraph), each run into pieces of one face, and each piece shaped with
//! rustybuzz. krilla embeds only the glyphs used (subsetting), with their Unicode text, so the PDF
//! stays small and its text can be copied and searched. A character no face has is refused by name.

use std::ops::Range;
use std::sync::OnceLock;

use anyhow::{anyhow, Result};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{BidiInfo, Level};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::error::refused;
use crate::i18n::Msg;
use crate::t;

/// Regular or bold text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Weight {
    Regular,
    Bold,
}

struct Embedded {
    name: &'static str,
    data: &'static [u8],
}

const FACES: [Embedded; 6] = [
    Embedded {
        name: "Liberation Serif",
        data: include_bytes!("../../../data/fonts/LiberationSerif-Regular.ttf"),
    },
    Embedded {
        name: "Liberation Serif Bold",
        data: include_bytes!("../../../data/fonts/LiberationSerif-Bold.ttf"),
    },
    Embedded {
        name: "Noto Naskh Arabic",
        data: include_bytes!("../../../data/fonts/NotoNaskhArabic-Regular.ttf"),
    },
    Embedded {
        name: "Noto Naskh Arabic Bold",
        data: include_bytes!("../../../data/fonts/NotoNaskhArabic-Bold.ttf"),
    },
    Embedded {
        name: "Droid Sans Fallback",
        data: include_bytes!("../../../data/fonts/DroidSansFallbackFull.ttf"),
    },
    Embedded {
        name: "NanumSquare",
        data: include_bytes!("../../../data/fonts/NanumSquareR.ttf"),
    },
];

/// The faces tried in order for each weight (CJK has no bold face: regular is used).
const REGULAR_CHAIN: [usize; 4] = [0, 2, 4, 5];
const BOLD_CHAIN: [usize; 4] = [1, 3, 4, 5];

fn chain(weight: Weight) -> &'static [usize; 4] {
    match weight {
        Weight::Regular => &REGULAR_CHAIN,
        Weight::Bold => &BOLD_CHAIN,
    }
}

pub(super) struct Face {
    shaper: rustybuzz::Face<'static>,
    pub pdf: Font,
    units_per_em: f32,
}

impl Face {
    fn has(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

/// Loaded once, on first use: a letter in Latin script never parses the CJK face.
pub(super) fn face(index: usize) -> Result<&'static Face> {
    static LOADED: [OnceLock<Option<Face>>; 6] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let embedded = FACES
        .get(index)
        .ok_or_else(|| anyhow!("no font number {index}"))?;
    LOADED[index]
        .get_or_init(|| {
            let shaper = rustybuzz::Face::from_slice(embedded.data, 0)?;
            let pdf = Font::new(embedded.data.into(), 0)?;
            let units_per_em = shaper.units_per_em() as f32;
            Some(Face {
                shaper,
                pdf,
                units_per_em,
            })
        })
        .as_ref()
        .ok_or_else(|| anyhow!("embedded font {} cannot be read", embedded.name))
}

/// Format characters a face need not have: shaping hides them (joiners, marks of direction,
/// variation selectors, soft hyphen).
fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x180B..=0x180F | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE0FFF)
}

/// Characters that belong to whatever script surrounds them, so a run stays in one face.
fn is_neutral(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_ascii_digit()
        || is_combining_mark(c)
        || is_ignorable(c)
}

/// Text as it is set: composed (NFC, so "ô" + combining hook is one glyph) and without control
/// characters (a tab or line break inside a stored value prints as a space).
pub(super) fn clean(text: &str) -> String {
    text.nfc()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The face of each piece of `text` (logical order), refusing a character no face has.
fn pieces(text: &str, weight: Weight) -> Result<Vec<(usize, Range<usize>)>> {
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if let Some((current, range)) = out.last_mut() {
            if is_ignorable(c) || (is_neutral(c) && face(*current)?.has(c)) {
                range.end = end;
                continue;
            }
        }
        let mut chosen = None;
        for index in chain(weight) {
            if face(*index)?.has(c) {
                chosen = Some(*index);
                break;
            }
        }
        let Some(index) = chosen else {
            if is_ignorable(c) {
                out.push((chain(weight)[0], at..end));
                continue;
            }
            return Err(refused(t!(
                Msg::PdfCharacterUnprintable,
                c,
                format!("U+{:04X}", c as u32),
                text.trim()
            )));
        };
        match out.last_mut() {
            Some((current, range)) if *current == index => range.end = end,
            _ => out.push((index, at..end)),
        }
    }
    Ok(out)
}

/// Glyphs of one face in visual order, with their advances in ems.
pub(super) struct Piece {
    pub face: usize,
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    /// Width in ems (multiply by the font size).
    pub width: f32,
}

fn shape(index: usize, text: &str, rtl: bool) -> Result<Piece> {
    let face = face(index)?;
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    // Right to left, without optional ligatures: a ligature such as the one for الله maps one
    // glyph to several letters, which text extraction (pdftotext) then reverses. The required
    // forms (initial, medial, final, lam-alef) are kept.
    let features = if rtl {
        vec![rustybuzz::Feature::new(
            ttf_parser::Tag::from_bytes(b"liga"),
            0,
            ..,
        )]
    } else {
        Vec::new()
    };
    let shaped = rustybuzz::shape(&face.shaper, &features, buffer);
    // A glyph stands for the text from its cluster to the next cluster in logical order.
    let mut clusters: Vec<usize> = shaped
        .glyph_infos()
        .iter()
        .map(|i| i.cluster as usize)
        .collect();
    clusters.sort_unstable();
    clusters.dedup();
    let upem = face.units_per_em;
    let mut width = 0.0;
    let glyphs = shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let end = clusters
                .iter()
                .find(|c| **c > start)
                .copied()
                .unwrap_or(text.len());
            width += pos.x_advance as f32 / upem;
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / upem,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                start..end,
                None,
            )
        })
        .collect();
    Ok(Piece {
        face: index,
        text: text.to_string(),
        glyphs,
        width,
    })
}

/// One line of text as shaped pieces in visual (left-to-right drawing) order.
pub(super) fn line(text: &str, weight: Weight) -> Result<Vec<Piece>> {
    let text = clean(text);
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let bidi = BidiInfo::new(&text, Some(Level::ltr()));
    let mut out = Vec::new();
    for paragraph in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let run_text = &text[run.clone()];
            let mut shaped = pieces(run_text, weight)?
                .into_iter()
                .map(|(index, range)| shape(index, &run_text[range], rtl))
                .collect::<Result<Vec<_>>>()?;
            if rtl {
                shaped.reverse();
            }
            out.extend(shaped);
        }
    }
    Ok(out)
}

/// The width of a line of text at `size` points.
pub(super) fn width(text: &str, weight: Weight, size: f32) -> Result<f32> {
    Ok(line(text, weight)?.iter().map(|p| p.width).sum::<f32>() * size)
}

/// Splits text into lines no wider than `max` points: at spaces, and inside a word that alone is
/// wider than a line (a long name, an address without spaces, Chinese or Japanese text).
pub(super) fn wrap(text: &str, weight: Weight, size: f32, max: f32) -> Result<Vec<String>> {
    let space = width(" ", weight, size)?;
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = width(word, weight, size)?;
        let needed = if line.is_empty() {
            word_width
        } else {
            line_width + space + word_width
        };
        if needed <= max {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_width = needed;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_width <= max {
            line = word.to_string();
            line_width = word_width;
            continue;
        }
        // Break the word between characters (never before a combining mark).
        let mut piece = String::new();
        for c in word.chars() {
            let mut candidate = piece.clone();
            candidate.push(c);
            if !piece.is_empty() && !is_combining_mark(c) && width(&candidate, weight, size)? > max
            {
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            } else {
                piece = candidate;
            }
        }
        line_width = width(&piece, weight, size)?;
        line = piece;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faces_of(text: &str) -> Vec<&'static str> {
        line(text, Weight::Regular)
            .unwrap()
            .iter()
            .map(|p| FACES[p.face].name)
            .collect()
    }

    #[test]
    fn every_embedded_face_loads() {
        for (index, embedded) in FACES.iter().enumerate() {
            assert!(face(index).is_ok(), "{}", embedded.name);
        }
    }

    #[test]
    fn names_from_the_workers_countries_find_a_face() {
        assert_eq!(faces_of("Ngô Thị Hương"), ["Liberation Serif"]);
        assert_eq!(
            faces_of("Şükrü Gündoğdu, İsmail Çelik"),
            ["Liberation Serif"]
        );
        assert_eq!(faces_of("محمد عبد الله"), ["Noto Naskh Arabic"]);
        for cjk in ["株式会社山田製作所", "王小明有限公司"] {
            assert_eq!(faces_of(cjk), ["Droid Sans Fallback"], "{cjk}");
        }
        assert_eq!(faces_of("주식회사 한빛"), ["NanumSquare"]);
        assert_eq!(
            faces_of("PT 株式会社山田製作所"),
            ["Liberation Serif", "Droid Sans Fallback"]
        );
    }

    #[test]
    fn arabic_is_shaped_and_set_right_to_left() {
        let pieces = line("Nama: محمد", Weight::Regular).unwrap();
        let arabic = pieces.last().unwrap();
        // Contextual forms: shaping chose other glyphs than the isolated ones, and the first
        // letter in reading order (م) is drawn last, at the right.
        let isolated: Vec<u32> = "محمد"
            .chars()
            .map(|c| face(2).unwrap().shaper.glyph_index(c).unwrap().0 as u32)
            .collect();
        let drawn: Vec<u32> = arabic.glyphs.iter().map(|g| g.glyph_id.to_u32()).collect();
        assert_ne!(drawn, isolated);
        assert_eq!(arabic.glyphs.last().unwrap().text_range.start, 0);
    }

    #[test]
    fn a_character_no_face_has_is_refused_by_name() {
        let error = line("Nama 𓀀 Mesir", Weight::Bold)
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("U+13000"), "{error}");
        assert!(line("Ngô Thị Hương\u{200D}", Weight::Regular).is_ok());
    }

    #[test]
    fn decomposed_vietnamese_is_composed_before_it_is_set() {
        assert_eq!(clean("Ngo\u{0302}"), "Ngô");
    }

    #[test]
    fn wrap_breaks_long_words_inside_the_width() {
        let long = "Jalan".to_string() + &"panjang".repeat(30);
        let lines = wrap(
            &format!("Alamat {long} Padang"),
            Weight::Regular,
            11.0,
            200.0,
        )
        .unwrap();
        assert!(lines.len() > 3, "{lines:?}");
        for l in &lines {
            assert!(width(l, Weight::Regular, 11.0).unwrap() <= 200.0, "{l}");
        }
        assert_eq!(
            lines.concat().replace(' ', ""),
            format!("Alamat{long}Padang")
        );
    }
}
