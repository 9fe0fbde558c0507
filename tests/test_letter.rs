//! `letter`: the official letter as text, HTML (snapshots) and PDF (by its text).

use crate::util::{snapshot, Office};

const LETTER: &str = "B.0001/BP3MI-SB/XI/2023";

fn issued() -> Office {
    let office = Office::with_letterhead();
    let number = office.ready_for_passport(
        "1306025508900002",
        "Siti Rahmah",
        &[
            "--sex",
            "P",
            "--regency",
            "1306",
            "--birth-place",
            "Bukittinggi",
            "--address",
            "Jorong Koto Tuo, Agam",
            "--occupation",
            "Caregiver",
            "--country",
            "JP",
        ],
    );
    office.run(&["recommend-passport", &number]).ok();
    office
}

#[test]
fn text_letter_matches_its_snapshot() {
    let office = issued();
    let text = office.run(&["letter", LETTER]).ok().to_string();
    assert!(text.contains("Padang, 8 November 2023"), "{text}");
    assert!(
        text.contains("Kepala Kantor Imigrasi Kelas I Non TPI Agam"),
        "{text}"
    );
    snapshot("letter.txt", &text);
}

#[test]
fn html_letter_matches_its_snapshot() {
    let office = issued();
    office.run(&["letter", LETTER, "--out", "letter.html"]).ok();
    snapshot(
        "letter.html",
        &std::fs::read_to_string(office.path("letter.html")).unwrap(),
    );
}

#[test]
fn pdf_letter_is_a4_with_embedded_fonts_and_says_what_it_should() {
    let office = issued();
    office.run(&["letter", LETTER, "--out", "letter.pdf"]).ok();
    let pdf = std::fs::read(office.path("letter.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.4"));
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("/MediaBox [0 0 595.28 841.89]"), "A4");
    assert_eq!(raw.matches("/FontFile2").count(), 2, "both fonts embedded");
    assert!(raw.contains(&format!("({LETTER}) Tj")));
    if let Ok(out) = std::process::Command::new("pdftotext")
        .args(["-layout", "letter.pdf", "-"])
        .current_dir(office.dir.path())
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        for expected in [
            LETTER,
            "Siti Rahmah",
            "1306025508900002",
            "Bukittinggi, 15 Agustus 1990",
            "Perempuan",
            "Jepang",
            "Drs. Contoh Nama",
            "8 Desember 2023",
        ] {
            assert!(text.contains(expected), "{expected} missing from:\n{text}");
        }
    }
}

#[test]
fn a_voided_letter_prints_marked_void_and_prints_are_counted() {
    let office = issued();
    office
        .run(&["recommendation", "void", LETTER, "--reason", "salah nama"])
        .ok();
    let text = office.run(&["letter", LETTER]).ok().to_string();
    assert!(text.starts_with("*** DIBATALKAN"), "{text}");
    office.run(&["letter", LETTER, "--out", "again.txt"]).ok();
    let rec = office
        .run(&["recommendation", "show", LETTER, "--format", "json"])
        .json();
    assert_eq!(rec["reprints"], 2);
    let log = office.run(&[
        "log",
        "--record",
        rec["recommendation_uid"].as_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(log.ok().matches(",print,").count(), 2, "{}", log.stdout);
    office
        .run(&["letter", LETTER, "--out", "letter.docx"])
        .fails(1);
}
