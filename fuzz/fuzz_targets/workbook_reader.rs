//! Arbitrary bytes as a workbook from another office: opening it (its zip directory, workbook,
//! relationships, shared texts, styles), then every row of every sheet read as an import would read
//! it. It must never panic (the reader's own guard is bypassed: a panic here is a finding), never
//! allocate past its limits, and every error must have a reason.
//!
//! Input that starts like a zip archive is the whole workbook. Any other input is split at `\n--\n`
//! into the persons sheet's XML, the shared texts and the styles, packed into an otherwise valid
//! workbook, so that mutations reach the XML rather than dying in the zip directory.
#![no_main]

use std::io::{Cursor, Write};
use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use pmi_desk::exchange::workbook::stream::{Book, Bytes, LIMITS};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn packed(data: &[u8]) -> Vec<u8> {
    let parts: Vec<&[u8]> = match std::str::from_utf8(data) {
        Ok(text) => text.splitn(3, "\n--\n").map(str::as_bytes).collect(),
        Err(_) => vec![data],
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let workbook = format!(
        r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="persons" sheetId="1" r:id="rId1"/><sheet name="manifest" sheetId="2" r:id="rId4"/></sheets></workbook>"#
    );
    let rels = format!(
        r#"<Relationships><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
    );
    let mut files: Vec<(&str, &[u8])> = vec![
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
    ];
    let names = [
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/styles.xml",
    ];
    for (name, part) in names.iter().zip(parts.iter()) {
        files.push((name, part));
    }
    for (name, bytes) in files {
        if zip.start_file(name, options).is_err() || zip.write_all(bytes).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let bytes: Vec<u8> = match data.starts_with(b"PK") {
        true => data.to_vec(),
        false => packed(data),
    };
    let bytes = Bytes::Memory(Rc::from(bytes));
    // The stream itself, without the guard that would hide a panic.
    if let Ok(book) = Book::open(bytes.clone(), "fuzz.xlsx", LIMITS) {
        for (name, part) in book.sheets.clone() {
            if let Ok(mut sheet) = book.sheet(&name, &part) {
                while let Ok(Some((_, cells))) = sheet.next_row() {
                    assert!(cells.len() <= LIMITS.columns as usize);
                }
            }
        }
    }
    // And as an import reads it: the tables, each row as CSV text with its errors.
    let mut warnings = Vec::new();
    if let Ok(mut opened) = pmi_desk::exchange::workbook::read::open_bytes(
        bytes,
        "fuzz.xlsx",
        "fuzz.xlsx",
        LIMITS,
        &mut warnings,
    ) {
        let mut record = csv::StringRecord::new();
        for table in &mut opened.tables {
            while let Ok(Some((_, problem))) = table.rows.next_row(&table.name, &mut record) {
                if let Some(e) = problem {
                    assert!(!e.reason.is_empty(), "an error without a reason");
                }
            }
        }
    }
});
