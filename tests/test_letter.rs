//! `letter`: the recommendation letter as text, HTML (snapshots) and PDF (by its text), on the
//! office's paper: letterhead and signatory from the settings, city and immigration office from the
//! office's province.

use crate::pdf;
use crate::util::{snapshot, Office};

const LETTER: &str = "B.0001/BP3MI-SB/XI/2023";

fn issued() -> Office {
    let office = Office::with_letterhead();
    issue(&office, "1306025508900002", "Siti Rahmah", "1306");
    office
}

/// Registers a woman from `regency` with every passport document and issues her letter.
fn issue(office: &Office, nik: &str, name: &str, regency: &str) {
    let number = office.ready_for_passport(
        nik,
        name,
        &[
            "--sex",
            "P",
            "--regency",
            regency,
            "--birth-place",
            "Bukittinggi",
            "--address",
            "Jorong Koto Tuo, Agam",
            "--occupation",
            "Caregiver",
            "--country",
            "JP",
            "--accept-warnings",
        ],
    );
    office.run(&["recommend-passport", &number]).ok();
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
fn pdf_letter_is_small_and_says_what_it_should() {
    let office = issued();
    let run = office.run(&["letter", LETTER, "--out", "letter.pdf"]);
    assert!(run.ok().contains("print no. 1"), "{}", run.stdout);
    let file = office.path("letter.pdf");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes.len() < 150 * 1024,
        "a letter must stay under 150 KB, this one is {} bytes",
        bytes.len()
    );
    let text = pdf::text(&file);
    for expected in [
        "BADAN PELINDUNGAN PEKERJA MIGRAN INDONESIA",
        LETTER,
        "Siti Rahmah",
        "1306025508900002",
        "Bukittinggi, 15 Agustus 1990",
        "Perempuan",
        "Jepang",
        "Kepala Kantor Imigrasi Kelas I Non TPI Agam",
        "Drs. Contoh Nama",
        "NIP. 197001012000031001",
        "8 Desember 2023",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    assert_eq!(pdf::pages(&file), 1);
}

#[test]
fn a_voided_letter_prints_marked_void_and_prints_are_counted() {
    let office = issued();
    office
        .run(&["recommendation", "void", LETTER, "--reason", "salah nama"])
        .ok();
    let text = office.run(&["letter", LETTER]).ok().to_string();
    assert!(text.starts_with("*** DIBATALKAN"), "{text}");
    office.run(&["letter", LETTER, "--out", "again.pdf"]).ok();
    assert!(pdf::text(&office.path("again.pdf")).contains("DIBATALKAN"));
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
}

#[test]
fn an_unknown_extension_is_a_usage_error_and_nothing_is_written() {
    let office = issued();
    let run = office.run(&["letter", LETTER, "--out", "letter.docx"]);
    assert!(run.fails(2).contains(".pdf, .html, .txt"), "{}", run.stderr);
    assert!(!office.path("letter.docx").exists());
    let rec = office
        .run(&["recommendation", "show", LETTER, "--format", "json"])
        .json();
    assert_eq!(rec["reprints"], 0, "a refused print is not counted");
}

#[test]
fn a_letter_without_a_signatory_is_refused_with_the_command_that_fixes_it() {
    let office = Office::new();
    issue(&office, "1306025508900002", "Siti Rahmah", "1306");
    let run = office.run(&["letter", LETTER]);
    let message = run.fails(1);
    assert!(
        message.contains("pmi-desk config set signatory.name \"...\""),
        "{message}"
    );
    assert!(message.contains("signatory.title"), "{message}");
    assert!(run.stdout.is_empty(), "nothing printed: {}", run.stdout);
    office
        .run(&["config", "set", "signatory.name", "Dra. Siti Aminah"])
        .ok();
    office
        .run(&["config", "set", "signatory.title", "Kepala Balai"])
        .ok();
    let text = office.run(&["letter", LETTER]).ok().to_string();
    assert!(text.contains("Dra. Siti Aminah"), "{text}");
    assert!(
        !text.contains("NIP."),
        "no bare NIP line without a NIP: {text}"
    );
}

#[test]
fn an_office_in_another_province_is_not_given_padang() {
    let office = Office::empty();
    office
        .run(&[
            "init",
            "--office-code",
            "BP3MI-JATIM",
            "--office-name",
            "BP3MI Jawa Timur",
            "--province",
            "35",
        ])
        .ok();
    assert_eq!(
        office.run(&["config", "get", "office.city"]).ok().trim(),
        ""
    );
    assert_eq!(
        office
            .run(&["config", "get", "immigration.default"])
            .ok()
            .trim(),
        ""
    );
    for (key, value) in [
        ("signatory.name", "Drs. Budi Santoso"),
        ("signatory.title", "Kepala Balai"),
    ] {
        office.run(&["config", "set", key, value]).ok();
    }
    issue(&office, "3578015508900002", "Sri Wahyuni", "3578");
    let number = "B.0001/BP3MI-JATIM/XI/2023";
    let message = office.run(&["letter", number]).fails(1).to_string();
    assert!(
        message.contains("pmi-desk config set office.city \"...\""),
        "{message}"
    );
    assert!(
        message.contains("pmi-desk config set immigration.default \"...\""),
        "{message}"
    );
    assert!(!message.contains("Padang"), "{message}");
    office
        .run(&["config", "set", "office.city", "Surabaya"])
        .ok();
    office
        .run(&[
            "config",
            "set",
            "immigration.default",
            "Kepala Kantor Imigrasi Kelas I TPI Surabaya",
        ])
        .ok();
    let text = office.run(&["letter", number]).ok().to_string();
    assert!(text.contains("Surabaya, 8 November 2023"), "{text}");
    assert!(
        text.contains("Kepala Kantor Imigrasi Kelas I TPI Surabaya"),
        "{text}"
    );
    assert!(!text.contains("Padang"), "{text}");
}

#[test]
fn the_letterhead_carries_phone_and_logo_and_earlier_setting_names_still_work() {
    let office = issued();
    // A 1x1 PNG.
    let png: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60,
        0x60, 0xF8, 0xFF, 0x1F, 0x00, 0x03, 0x02, 0x01, 0xFF, 0xE6, 0x77, 0x0B, 0xAE, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    std::fs::write(office.path("logo.png"), png).unwrap();
    std::fs::write(office.path("logo.txt"), "not an image").unwrap();
    office
        .run(&["config", "set", "letterhead.logo", "logo.txt"])
        .fails(1);
    office
        .run(&["config", "set", "letterhead.logo", "logo.png"])
        .ok();
    office
        .run(&[
            "config",
            "set",
            "letterhead.phone",
            "Telepon (0751) 7054321",
        ])
        .ok();
    assert_eq!(
        office
            .run(&["config", "get", "letterhead.agency"])
            .ok()
            .trim(),
        "BADAN PELINDUNGAN PEKERJA MIGRAN INDONESIA",
        "set as letterhead.line1 by the fixture"
    );
    office.run(&["letter", LETTER, "--out", "logo.html"]).ok();
    let html = std::fs::read_to_string(office.path("logo.html")).unwrap();
    assert!(
        html.contains("data:image/png;base64,iVBORw0KGgo"),
        "logo inlined"
    );
    assert!(html.contains("Telepon (0751) 7054321"));
    office.run(&["letter", LETTER, "--out", "logo.pdf"]).ok();
    let bytes = std::fs::read(office.path("logo.pdf")).unwrap();
    assert!(
        String::from_utf8_lossy(&bytes).contains("/Subtype /Image")
            || String::from_utf8_lossy(&bytes).contains("/Subtype/Image"),
        "the logo is drawn"
    );
    assert!(pdf::text(&office.path("logo.pdf")).contains("Telepon (0751) 7054321"));
    // A logo deleted after it was set: the text letter still prints; a PDF says how to fix it.
    std::fs::remove_file(office.path("logo.png")).unwrap();
    office.run(&["letter", LETTER]).ok();
    let message = office
        .run(&["letter", LETTER, "--out", "gone.pdf"])
        .fails(1)
        .to_string();
    assert!(message.contains("config set letterhead.logo"), "{message}");
}
