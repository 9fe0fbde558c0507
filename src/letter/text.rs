//! The letter as plain text for the terminal or a .txt file, 78 columns wide.

use super::{wrap, Letter};

const WIDTH: usize = 78;

fn centred(text: &str) -> String {
    let len = text.chars().count();
    format!("{}{}", " ".repeat(WIDTH.saturating_sub(len) / 2), text)
}

fn right(text: &str) -> String {
    let len = text.chars().count();
    format!("{}{}", " ".repeat(WIDTH.saturating_sub(len)), text)
}

pub fn render(letter: &Letter) -> String {
    let mut out = Vec::new();
    if let Some(notice) = &letter.void_notice {
        out.push(format!("*** {notice} ***"));
        out.push(String::new());
    }
    out.extend(letter.letterhead.iter().map(|l| centred(l)));
    out.push("=".repeat(WIDTH));
    out.push(right(&letter.place_and_date));
    out.push(format!("Nomor    : {}", letter.number));
    out.push(format!("Lampiran : {}", letter.attachment));
    out.push(format!("Hal      : {}", letter.subject));
    out.push(String::new());
    out.extend(letter.addressee.iter().cloned());
    out.push(String::new());
    out.push(letter.opening.clone());
    out.extend(wrap(&letter.intro, WIDTH as f32, |s| {
        s.chars().count() as f32
    }));
    out.push(String::new());
    let label_width = letter
        .identity
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in &letter.identity {
        out.push(format!("    {label:<label_width$} : {value}"));
    }
    for paragraph in &letter.paragraphs {
        out.push(String::new());
        out.extend(wrap(paragraph, WIDTH as f32, |s| s.chars().count() as f32));
    }
    out.push(String::new());
    let indent = " ".repeat(44);
    out.push(format!("{indent}{}", letter.signatory_title));
    out.extend(["", "", ""].iter().map(|s| s.to_string()));
    out.push(format!("{indent}{}", letter.signatory_name));
    out.push(format!("{indent}{}", letter.signatory_nip));
    out.join("\n") + "\n"
}
