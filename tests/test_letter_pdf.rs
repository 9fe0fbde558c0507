//! PDF documents print every name: Vietnamese, Turkish, Arabic (shaped, right to left), Chinese,
//! Japanese and Korean come back exactly through `pdftotext`; long words wrap inside the margins; a
//! long letter continues on a second page with its number; a character no font has is refused.

use crate::pdf;
use crate::util::Office;

/// Issues a letter for a worker registered with `extra` options; returns the letter's number.
fn letter_for(office: &Office, nik: &str, name: &str, extra: &[&str]) -> String {
    let number = office.ready_for_passport(nik, name, &[extra, &["--accept-warnings"]].concat());
    let run = office.run(&["recommend-passport", &number, "--format", "json"]);
    let record = run.json();
    record["letter_number"]
        .as_str()
        .expect("an issued letter has a number")
        .to_string()
}

/// The letter as a PDF file in the office's folder.
fn pdf_of(office: &Office, letter: &str, file: &str) -> std::path::PathBuf {
    office.run(&["letter", letter, "--out", file]).ok();
    office.path(file)
}

#[test]
fn names_and_employers_in_every_script_print_exactly() {
    let office = Office::with_letterhead();
    let cases: [(&str, &str, Vec<&str>, Vec<&str>); 3] = [
        (
            "1371021508900001",
            "Ngô Thị Hương",
            vec!["--country", "JP", "--employer", "株式会社山田製作所"],
            vec!["Ngô Thị Hương", "株式会社山田製作所"],
        ),
        (
            "1371021508900002",
            "Şükrü Gündoğdu",
            vec![
                "--country",
                "TW",
                "--employer",
                "王小明有限公司",
                "--address",
                "İsmail Çelik Sokak No. 7, İzmir",
            ],
            vec![
                "Şükrü Gündoğdu",
                "王小明有限公司",
                "İsmail Çelik Sokak No. 7, İzmir",
            ],
        ),
        (
            "1371021508900003",
            "محمد عبد الله",
            vec!["--country", "KR", "--employer", "주식회사 한빛"],
            vec!["محمد عبد الله", "주식회사 한빛"],
        ),
    ];
    for (i, (nik, name, extra, expected)) in cases.iter().enumerate() {
        let letter = letter_for(&office, nik, name, extra);
        let file = pdf_of(&office, &letter, &format!("name{i}.pdf"));
        let text = pdf::text(&file);
        for wanted in expected {
            assert!(
                text.contains(wanted),
                "{wanted} does not come back from the PDF:\n{text}"
            );
        }
        assert!(!text.contains('?'), "no character replaced: {text}");
        let size = std::fs::metadata(&file).unwrap().len();
        assert!(size < 150 * 1024, "{name}: {size} bytes");
    }
}

#[test]
fn a_long_address_wraps_inside_the_margins() {
    let office = Office::with_letterhead();
    let long_word =
        "Jorongpadangluarkecamatanbanuhampukabupatenagamsumaterabaratindonesia".repeat(2);
    let address = format!(
        "{long_word} RT 001 RW 002 {}",
        "Jalan Raya Bukittinggi Payakumbuh Kilometer Lima ".repeat(6)
    );
    let letter = letter_for(
        &office,
        "1371021508900001",
        "Budi",
        &["--address", &address],
    );
    let file = pdf_of(&office, &letter, "wrap.pdf");
    let words = pdf::words(&file);
    assert!(!words.is_empty());
    // The right margin is 64 pt; a word may touch it, never cross it.
    for (word, page_width, x_max) in &words {
        assert!(
            *x_max <= page_width - 63.0,
            "'{word}' ends at {x_max}, past the right margin of a {page_width} pt page"
        );
    }
    let text: String = pdf::text(&file).split_whitespace().collect();
    assert!(text.contains(&long_word), "the long word is all there");
}

#[test]
fn a_letter_too_long_for_one_page_continues_with_its_number() {
    let office = Office::with_letterhead();
    let address = "Jalan Raya Bukittinggi Payakumbuh Kilometer Lima Nagari Koto Tuo ".repeat(60);
    let letter = letter_for(
        &office,
        "1371021508900001",
        "Budi",
        &["--address", &address],
    );
    let file = pdf_of(&office, &letter, "long.pdf");
    let pages = pdf::pages(&file);
    assert!(pages >= 2, "{pages} page(s)");
    let second = pdf::page_text(&file, 2);
    assert!(
        second.contains(&letter),
        "page 2 repeats the number {letter}:\n{second}"
    );
    assert!(
        second.contains(&format!("Halaman 2 dari {pages}")),
        "{second}"
    );
    let last = pdf::page_text(&file, pages);
    assert!(last.contains("Drs. Contoh Nama"), "signed at the end");
}

#[test]
fn a_character_no_font_has_is_refused_by_name_and_nothing_is_written() {
    let office = Office::with_letterhead();
    let letter = letter_for(
        &office,
        "1371021508900001",
        "Budi",
        &["--address", "Kampung 𓀀 Lama"],
    );
    let run = office.run(&["letter", &letter, "--out", "glyph.pdf"]);
    let message = run.fails(1);
    assert!(
        message.contains("U+13000") && message.contains("𓀀"),
        "{message}"
    );
    assert!(!office.path("glyph.pdf").exists());
    // The same letter still prints as text and HTML.
    assert!(office.run(&["letter", &letter]).ok().contains("𓀀"));
}

#[test]
fn the_same_letter_prints_the_same_pdf_twice() {
    let office = Office::with_letterhead();
    let letter = letter_for(&office, "1371021508900001", "Ngô Thị Hương", &[]);
    let first = std::fs::read(pdf_of(&office, &letter, "first.pdf")).unwrap();
    let second = std::fs::read(pdf_of(&office, &letter, "second.pdf")).unwrap();
    assert!(
        first == second,
        "a reprint is byte for byte the same document"
    );
}
