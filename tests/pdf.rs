//! Reading the PDFs pmi-desk writes the way a person checks them: their text through poppler's
//! `pdftotext` (package poppler-utils, installed by .ci/run), their words' positions, their pages.

use std::path::Path;
use std::process::Command;

fn poppler(tool: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(file)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed to read PDFs in tests ({e}); install poppler-utils")
        });
    assert!(out.status.success(), "{tool} failed on {}", file.display());
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

/// The text of every page, in reading order.
pub(crate) fn text(file: &Path) -> String {
    poppler("pdftotext", &[], file)
}

/// The text of one page (1-based).
pub(crate) fn page_text(file: &Path, page: usize) -> String {
    let page = page.to_string();
    poppler("pdftotext", &["-f", &page, "-l", &page], file)
}

/// Words with their page width and their right edge, from `pdftotext -bbox`.
pub(crate) fn words(file: &Path) -> Vec<(String, f32, f32)> {
    let html = poppler("pdftotext", &["-bbox"], file);
    let mut page_width = 0.0;
    let mut out = Vec::new();
    for line in html.lines().map(str::trim) {
        let attr = |name: &str| -> f32 {
            line.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0)
        };
        if line.starts_with("<page ") {
            page_width = attr("width");
        } else if line.starts_with("<word ") {
            let word = line
                .split('>')
                .nth(1)
                .and_then(|rest| rest.split('<').next())
                .unwrap_or_default()
                .to_string();
            out.push((word, page_width, attr("xMax")));
        }
    }
    out
}

/// How many pages the PDF has.
pub(crate) fn pages(file: &Path) -> usize {
    let info = Command::new("pdfinfo")
        .arg(file)
        .output()
        .expect("pdfinfo (poppler-utils) is needed to read PDFs in tests");
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}
