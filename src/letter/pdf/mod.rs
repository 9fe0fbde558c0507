//! A document as an A4 PDF, with krilla: fonts subset to the glyphs used (see `fonts`), text
//! wrapped inside the margins, pages added as needed. Every page after the first repeats the
//! document's number at the top; when there is more than one page each is numbered at the foot.
//!
//! Layout works in points from the top-left corner. The body becomes a list of items (a line, a
//! table row, a signature row), each with its height; items are then placed on pages.

mod fonts;

use anyhow::{anyhow, Result};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::{Document as PdfDocument, SerializeSettings};

use fonts::Weight;

use super::{Block, Document, ImageFormat, Letterhead, Logo, Signature};
use crate::error::refused;
use crate::i18n::Msg;
use crate::t;

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const LEFT: f32 = 72.0;
const RIGHT: f32 = PAGE_WIDTH - 64.0;
const TOP: f32 = 42.0;
const BOTTOM: f32 = PAGE_HEIGHT - 56.0;
const SIZE: f32 = 11.5;
const LEADING: f32 = 1.3;
/// Space between blocks.
const GAP: f32 = 6.0;

/// Something drawn, relative to the top of its item.
#[derive(Clone, Debug)]
enum Op {
    /// Text whose baseline is at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        text: String,
        red: bool,
    },
    Rule {
        x0: f32,
        x1: f32,
        y: f32,
        width: f32,
    },
    Image {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
}

#[derive(Clone, Debug, Default)]
struct Item {
    height: f32,
    ops: Vec<Op>,
    /// Not to be separated from the next item by a page break (a title from what follows).
    keep_with_next: bool,
}

fn text_op(x: f32, y: f32, size: f32, weight: Weight, text: &str) -> Op {
    Op::Text {
        x,
        y,
        size,
        weight,
        text: text.to_string(),
        red: false,
    }
}

fn width(text: &str, weight: Weight, size: f32) -> Result<f32> {
    fonts::width(text, weight, size)
}

fn wrap(text: &str, weight: Weight, size: f32, max: f32) -> Result<Vec<String>> {
    fonts::wrap(text, weight, size, max)
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Centre,
    Right,
}

/// Lines of text in a column, each aligned within [x0, x1]; returns the ops and the height.
fn column(
    text: &str,
    weight: Weight,
    size: f32,
    (x0, x1): (f32, f32),
    align: Align,
    top: f32,
) -> Result<(Vec<Op>, f32)> {
    let mut ops = Vec::new();
    let mut y = top;
    for line in wrap(text, weight, size, x1 - x0)? {
        let w = width(&line, weight, size)?;
        let x = match align {
            Align::Left => x0,
            Align::Centre => x0 + (x1 - x0 - w) / 2.0,
            Align::Right => x1 - w,
        };
        ops.push(text_op(x, y + size, size, weight, &line));
        y += size * LEADING;
    }
    Ok((ops, y - top))
}

/// One item per wrapped line of a paragraph.
fn lines(
    text: &str,
    weight: Weight,
    size: f32,
    span: (f32, f32),
    align: Align,
) -> Result<Vec<Item>> {
    wrap(text, weight, size, span.1 - span.0)?
        .into_iter()
        .map(|line| {
            let (ops, height) = column(&line, weight, size, span, align, 0.0)?;
            Ok(Item {
                height,
                ops,
                keep_with_next: false,
            })
        })
        .collect()
}

fn logo_image(logo: &Logo) -> Result<Image> {
    let data = logo.bytes.clone().into();
    match logo.format {
        ImageFormat::Png => Image::from_png(data, true),
        ImageFormat::Jpeg => Image::from_jpeg(data, true),
    }
    .map_err(|e| refused(t!(Msg::LogoUnreadable, e)))
}

/// The kop surat: logo at the left, lines centred, a double rule under it.
fn letterhead(head: &Letterhead) -> Result<Item> {
    let mut ops = Vec::new();
    let mut x0 = LEFT;
    let mut logo_height: f32 = 0.0;
    if let Some(logo) = &head.logo {
        let (w, h) = logo_image(logo)?.size();
        let height = 62.0_f32;
        let width = (height * w as f32 / h.max(1) as f32).min(90.0);
        let height = width * h as f32 / w.max(1) as f32;
        ops.push(Op::Image {
            x: LEFT,
            y: 0.0,
            width,
            height,
        });
        x0 = LEFT + width + 8.0;
        logo_height = height;
    }
    let mut y = 0.0;
    let lines = head.lines();
    for (i, (line, main)) in lines.iter().enumerate() {
        let (weight, natural) = match (main, i) {
            (true, 0) if lines.len() > 1 && lines[1].1 => (Weight::Bold, 12.5),
            (true, _) => (Weight::Bold, 14.0),
            (false, _) => (Weight::Regular, 10.0),
        };
        // Shrink a long line to fit, down to three quarters; past that it wraps.
        let w = width(line, weight, natural)?;
        let size = if w > RIGHT - x0 {
            // A little under the exact fit: words measured one by one are a hair wider.
            (natural * 0.98 * (RIGHT - x0) / w).max(natural * 0.75)
        } else {
            natural
        };
        let (more, height) = column(line, weight, size, (x0, RIGHT), Align::Centre, y)?;
        ops.extend(more);
        y += height;
    }
    let y = y.max(logo_height) + 4.0;
    ops.push(Op::Rule {
        x0: LEFT,
        x1: RIGHT,
        y,
        width: 2.0,
    });
    ops.push(Op::Rule {
        x0: LEFT,
        x1: RIGHT,
        y: y + 2.6,
        width: 0.6,
    });
    Ok(Item {
        height: y + 2.6 + GAP,
        ops,
        keep_with_next: true,
    })
}

/// `label : value` rows, the value wrapped in its column; one item per row.
fn rows(rows: &[(String, String)], label_x: f32, colon_x: f32) -> Result<Vec<Item>> {
    rows.iter()
        .map(|(label, value)| {
            let (mut ops, label_height) = column(
                label,
                Weight::Regular,
                SIZE,
                (label_x, colon_x - 4.0),
                Align::Left,
                0.0,
            )?;
            ops.push(text_op(colon_x, SIZE, SIZE, Weight::Regular, ":"));
            let shown = if value.trim().is_empty() { "-" } else { value };
            let (more, value_height) = column(
                shown,
                Weight::Regular,
                SIZE,
                (colon_x + 8.0, RIGHT),
                Align::Left,
                0.0,
            )?;
            ops.extend(more);
            Ok(Item {
                height: label_height.max(value_height),
                ops,
                keep_with_next: false,
            })
        })
        .collect()
}

/// The label column's width: the widest label, within limits.
fn label_column(rows: &[(String, String)], min: f32, max: f32) -> Result<f32> {
    let mut widest: f32 = 0.0;
    for (label, _) in rows {
        widest = widest.max(width(label, Weight::Regular, SIZE)?);
    }
    Ok((widest + 6.0).clamp(min, max))
}

/// The role lines of a signature, and their height.
fn roles(s: &Signature, span: (f32, f32), align: Align) -> Result<(Vec<Op>, f32)> {
    let mut ops = Vec::new();
    let mut y = 0.0;
    for role in &s.role {
        let (more, h) = column(role, Weight::Regular, SIZE, span, align, y)?;
        ops.extend(more);
        y += h;
    }
    Ok((ops, y))
}

/// A signature under its roles: space to sign from `name_at`, the name (bold, underlined), the
/// line below it.
fn signature(
    s: &Signature,
    span: (f32, f32),
    align: Align,
    name_at: f32,
) -> Result<(Vec<Op>, f32)> {
    let (mut ops, _) = roles(s, span, align)?;
    let mut y = name_at + 48.0;
    let name = if s.name.trim().is_empty() {
        "(..............................)"
    } else {
        s.name.as_str()
    };
    let (more, h) = column(name, Weight::Bold, SIZE, span, align, y)?;
    for op in &more {
        if let Op::Text { x, y, text, .. } = op {
            let w = width(text, Weight::Bold, SIZE)?;
            ops.push(Op::Rule {
                x0: *x,
                x1: x + w,
                y: y + 1.6,
                width: 0.6,
            });
        }
    }
    ops.extend(more);
    y += h;
    if let Some(below) = &s.below {
        let (more, h) = column(below, Weight::Regular, SIZE, span, align, y)?;
        ops.extend(more);
        y += h;
    }
    Ok((ops, y))
}

/// Signature rows (see `signatures_per_row`), each row kept whole; a single one at the right.
fn signatures(list: &[Signature]) -> Result<Vec<Item>> {
    let per_row = super::signatures_per_row(list.len());
    let column_width = (RIGHT - LEFT) / per_row as f32;
    let mut items = Vec::new();
    for row in list.chunks(per_row) {
        let mut ops = Vec::new();
        let mut height: f32 = 0.0;
        let place = |i: usize| {
            if list.len() == 1 {
                return ((330.0, RIGHT), Align::Left);
            }
            // A last row that is not full keeps to the right.
            let column = i + per_row - row.len();
            let x0 = LEFT + column as f32 * column_width;
            ((x0 + 6.0, x0 + column_width - 6.0), Align::Centre)
        };
        // The names of one row on one line, whatever the number of role lines above them.
        let mut name_at: f32 = 0.0;
        for (i, s) in row.iter().enumerate() {
            let (span, align) = place(i);
            name_at = name_at.max(roles(s, span, align)?.1);
        }
        for (i, s) in row.iter().enumerate() {
            let (span, align) = place(i);
            let (more, h) = signature(s, span, align, name_at)?;
            ops.extend(more);
            height = height.max(h);
        }
        items.push(Item {
            height: height + GAP * 2.0,
            ops,
            keep_with_next: false,
        });
    }
    Ok(items)
}

fn block(block: &Block) -> Result<Vec<Item>> {
    let mut items = match block {
        Block::PlaceDate(text) => lines(text, Weight::Regular, SIZE, (LEFT, RIGHT), Align::Right)?,
        Block::Meta(meta) => rows(meta, LEFT, LEFT + 58.0)?,
        Block::Lines(list) => {
            let mut items = Vec::new();
            for line in list {
                let indent = if line.starts_with(' ') { 28.0 } else { 0.0 };
                items.extend(lines(
                    line.trim(),
                    Weight::Regular,
                    SIZE,
                    (LEFT + indent, RIGHT),
                    Align::Left,
                )?);
            }
            items
        }
        Block::Title(list) => {
            let mut items = Vec::new();
            for (i, line) in list.iter().enumerate() {
                let size = if i == 0 { 13.0 } else { SIZE };
                let mut more = lines(line, Weight::Bold, size, (LEFT, RIGHT), Align::Centre)?;
                if i == 0 {
                    for item in &mut more {
                        let mut rules = Vec::new();
                        for op in &item.ops {
                            if let Op::Text { x, y, text, .. } = op {
                                rules.push(Op::Rule {
                                    x0: *x,
                                    x1: x + width(text, Weight::Bold, size)?,
                                    y: y + 1.8,
                                    width: 0.7,
                                });
                            }
                        }
                        item.ops.extend(rules);
                    }
                }
                items.extend(more);
            }
            for item in &mut items {
                item.keep_with_next = true;
            }
            items
        }
        Block::Paragraph(text) => lines(text, Weight::Regular, SIZE, (LEFT, RIGHT), Align::Left)?,
        Block::Fields(fields) => {
            let label = label_column(fields, 110.0, 170.0)?;
            rows(fields, LEFT + 28.0, LEFT + 28.0 + label)?
        }
        Block::Numbered(list) => {
            let mut items = Vec::new();
            for (n, entry) in list.iter().enumerate() {
                let mark_x = LEFT + 14.0;
                let text_x = LEFT + 34.0;
                let mut more = lines(entry, Weight::Regular, SIZE, (text_x, RIGHT), Align::Left)?;
                if let Some(first) = more.first_mut() {
                    first.ops.push(text_op(
                        mark_x,
                        SIZE,
                        SIZE,
                        Weight::Regular,
                        &format!("{}.", n + 1),
                    ));
                }
                items.extend(more);
            }
            items
        }
        Block::Signatures(list) => signatures(list)?,
    };
    // The first line of a block stays with the block before it only through `GAP`.
    if let Some(last) = items.last_mut() {
        last.height += GAP;
    }
    // A table or a list does not start on the last line of a page without its second row; rows
    // of signatures may go to separate pages.
    if items.len() > 1 && !matches!(block, Block::Signatures(_)) {
        items[0].keep_with_next = true;
    }
    Ok(items)
}

/// The longest closing paragraph moved whole with the signatures to a new page.
const CLOSING_LINES: usize = 4;

/// The items of the whole document, in order.
fn items(doc: &Document) -> Result<Vec<Item>> {
    let mut items = Vec::new();
    if let Some(notice) = &doc.void_notice {
        let mut more = lines(
            &format!("*** {notice} ***"),
            Weight::Bold,
            12.0,
            (LEFT, RIGHT),
            Align::Centre,
        )?;
        for item in &mut more {
            for op in &mut item.ops {
                if let Op::Text { red, .. } = op {
                    *red = true;
                }
            }
        }
        if let Some(last) = more.last_mut() {
            last.height += 4.0;
        }
        items.extend(more);
    }
    items.push(letterhead(&doc.letterhead)?);
    let mut last_block = items.len();
    for b in &doc.blocks {
        // Signatures never start a page alone: the closing paragraph above them (the block before
        // them, whole when it is short) goes with them.
        if matches!(b, Block::Signatures(_)) && items.len() - last_block <= CLOSING_LINES {
            for item in &mut items[last_block..] {
                item.keep_with_next = true;
            }
        } else if matches!(b, Block::Signatures(_)) {
            if let Some(last) = items.last_mut() {
                last.keep_with_next = true;
            }
        }
        last_block = items.len();
        items.extend(block(b)?);
    }
    Ok(items)
}

/// Places items on pages: an item (with those it is kept with) that does not fit goes to the next.
fn paginate(items: Vec<Item>, continued_top: f32) -> Vec<Vec<(f32, Item)>> {
    let mut pages: Vec<Vec<(f32, Item)>> = vec![Vec::new()];
    let mut y = TOP;
    let mut i = 0;
    while i < items.len() {
        // The group: this item and those it must stay with.
        let mut end = i;
        let mut group_height = items[i].height;
        while items[end].keep_with_next && end + 1 < items.len() {
            end += 1;
            group_height += items[end].height;
        }
        let page_empty = pages.last().is_none_or(|p| p.is_empty());
        let room = if page_empty {
            f32::INFINITY
        } else {
            BOTTOM - y
        };
        if group_height > room && items[i].height <= BOTTOM - continued_top {
            pages.push(Vec::new());
            y = continued_top;
        }
        for item in items[i..=end].iter().cloned() {
            if y + item.height > BOTTOM && pages.last().is_some_and(|p| !p.is_empty()) {
                pages.push(Vec::new());
                y = continued_top;
            }
            let height = item.height;
            if let Some(page) = pages.last_mut() {
                page.push((y, item));
            }
            y += height;
        }
        i = end + 1;
    }
    pages
}

fn draw_text(
    surface: &mut Surface,
    x: f32,
    baseline: f32,
    size: f32,
    weight: Weight,
    text: &str,
) -> Result<()> {
    let mut x = x;
    for piece in fonts::line(text, weight)? {
        let face = fonts::face(piece.face)?;
        surface.draw_glyphs(
            Point::from_xy(x, baseline),
            &piece.glyphs,
            face.pdf.clone(),
            &piece.text,
            size,
            false,
        );
        x += piece.width * size;
    }
    Ok(())
}

fn draw(surface: &mut Surface, op: &Op, top: f32, logo: Option<&Logo>) -> Result<()> {
    match op {
        Op::Text {
            x,
            y,
            size,
            weight,
            text,
            red,
        } => {
            if *red {
                surface.set_fill(Some(Fill {
                    paint: rgb::Color::new(180, 0, 0).into(),
                    ..Fill::default()
                }));
            }
            draw_text(surface, *x, top + y, *size, *weight, text)?;
            if *red {
                surface.set_fill(Some(Fill::default()));
            }
        }
        Op::Rule { x0, x1, y, width } => {
            let mut path = PathBuilder::new();
            path.move_to(*x0, top + y);
            path.line_to(*x1, top + y);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
                surface.set_fill(Some(Fill::default()));
            }
        }
        Op::Image {
            x,
            y,
            width,
            height,
        } => {
            if let (Some(logo), Some(size)) = (logo, Size::from_wh(*width, *height)) {
                surface.push_transform(&Transform::from_translate(*x, top + y));
                surface.draw_image(logo_image(logo)?, size);
                surface.pop();
            }
        }
    }
    Ok(())
}

/// The PDF of a document.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let header_size = 9.0;
    let continued_top = TOP + header_size * LEADING + 14.0;
    let pages = paginate(items(doc)?, continued_top);
    let count = pages.len();
    let mut pdf = PdfDocument::new_with(SerializeSettings {
        xmp_metadata: false,
        ..SerializeSettings::default()
    });
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language("id".into())
            .creator("pmi-desk".into()),
    );
    for (n, page_items) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
            .ok_or_else(|| anyhow!("A4 page size refused"))?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        surface.set_fill(Some(Fill::default()));
        if n > 0 {
            let header = format!("Nomor {} (lanjutan) - halaman {}", doc.number, n + 1);
            draw_text(
                &mut surface,
                LEFT,
                TOP + header_size,
                header_size,
                Weight::Regular,
                &header,
            )?;
            draw(
                &mut surface,
                &Op::Rule {
                    x0: LEFT,
                    x1: RIGHT,
                    y: header_size * LEADING + 2.0,
                    width: 0.5,
                },
                TOP,
                None,
            )?;
        }
        if count > 1 {
            let footer = format!("Halaman {} dari {count}", n + 1);
            let w = width(&footer, Weight::Regular, header_size)?;
            draw_text(
                &mut surface,
                (LEFT + RIGHT - w) / 2.0,
                PAGE_HEIGHT - 36.0,
                header_size,
                Weight::Regular,
                &footer,
            )?;
        }
        for (top, item) in page_items {
            for op in &item.ops {
                draw(&mut surface, op, *top, doc.letterhead.logo.as_ref())?;
            }
        }
        surface.finish();
        page.finish();
    }
    pdf.finish()
        .map_err(|e| anyhow!("the PDF could not be written: {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            title: "Uji".into(),
            number: "B.0001/UJI/XI/2023".into(),
            void_notice: None,
            letterhead: Letterhead {
                agency: "BADAN UJI".into(),
                office: "KANTOR UJI".into(),
                contact: vec!["Jl. Uji No. 1".into()],
                logo: None,
            },
            blocks,
        }
    }

    #[test]
    fn a_long_document_gets_more_pages_and_nothing_runs_past_the_bottom() {
        let blocks = (0..80)
            .map(|i| Block::Paragraph(format!("Paragraf {i} yang cukup panjang untuk diuji.")))
            .collect();
        let pages = paginate(items(&doc(blocks)).unwrap(), TOP + 30.0);
        assert!(pages.len() >= 2, "{}", pages.len());
        for page in &pages {
            for (top, item) in page {
                assert!(top + item.height <= BOTTOM + GAP, "{top} + {}", item.height);
            }
        }
    }

    #[test]
    fn a_title_is_not_left_alone_at_the_foot_of_a_page() {
        let mut blocks: Vec<Block> = (0..36)
            .map(|i| Block::Paragraph(format!("Baris {i}")))
            .collect();
        blocks.push(Block::Title(vec!["JUDUL".into()]));
        blocks.push(Block::Paragraph("Isi sesudah judul.".into()));
        let pages = paginate(items(&doc(blocks)).unwrap(), TOP + 30.0);
        for page in &pages {
            let last = &page.last().unwrap().1;
            assert!(!last.keep_with_next, "a kept item ends a page");
        }
    }

    /// Whatever the length above, the signatures never open a page without the closing
    /// paragraph: the page that holds them holds all of it.
    #[test]
    fn the_signatures_are_never_alone_on_a_page() {
        let closing = "Demikian pemberitahuan ini kami sampaikan untuk diketahui, dan atas \
                       perhatian Saudara kami ucapkan terima kasih sebesar-besarnya. Apabila \
                       ada pertanyaan, Saudara dapat menghubungi kantor kami pada hari kerja.";
        for n in 20..50 {
            let mut blocks: Vec<Block> = (0..n)
                .map(|i| Block::Paragraph(format!("Baris {i}")))
                .collect();
            blocks.push(Block::Paragraph(closing.into()));
            let signatures = Block::Signatures(vec![Signature {
                role: vec!["Kepala,".into()],
                name: "Drs. Contoh Nama".into(),
                below: Some("NIP. 1".into()),
            }]);
            let signature_items = block(&signatures).unwrap().len();
            blocks.push(signatures);
            let all = items(&doc(blocks)).unwrap();
            let closing_lines = lines(closing, Weight::Regular, SIZE, (LEFT, RIGHT), Align::Left)
                .unwrap()
                .len();
            assert!(
                closing_lines >= 3,
                "the test needs a paragraph of three lines"
            );
            let pages = paginate(all, TOP + 30.0);
            let last = pages.last().unwrap();
            assert!(
                last.len() >= closing_lines + signature_items,
                "{n} lines: the last page holds {} items",
                last.len()
            );
        }
    }

    #[test]
    fn the_pdf_is_small_because_fonts_are_subset() {
        let pdf = render(&doc(vec![Block::Paragraph(
            "Ngô Thị Hương, Şükrü Gündoğdu, محمد عبد الله, 株式会社山田製作所, 주식회사 한빛"
                .into(),
        )]))
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() < 100_000, "{} bytes", pdf.len());
    }
}
