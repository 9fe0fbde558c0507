//! `letter` for the other documents: the refusal letter of a refused recommendation and the
//! handover record (berita acara serah terima) of a repatriation, as text, HTML and PDF, numbered
//! (or the uid where old data has no number) and audited like the recommendation letter.

use crate::pdf;
use crate::util::Office;

/// Every way of printing a document: its text, its HTML, and its PDF's text.
fn all_formats(office: &Office, id: &str) -> [(&'static str, String); 3] {
    let text = office.run(&["letter", id]).ok().to_string();
    office.run(&["letter", id, "--out", "doc.html"]).ok();
    let html = std::fs::read_to_string(office.path("doc.html")).unwrap();
    office.run(&["letter", id, "--out", "doc.pdf"]).ok();
    let size = std::fs::metadata(office.path("doc.pdf")).unwrap().len();
    assert!(size < 150 * 1024, "{size} bytes");
    [
        ("text", text),
        ("html", html),
        ("pdf", pdf::text(&office.path("doc.pdf"))),
    ]
}

/// Registers a worker and asks for a recommendation that is refused; returns the record. (A
/// closed destination is warned of at registration: accepted here.)
fn refused(office: &Office, nik: &str, name: &str, extra: &[&str]) -> serde_json::Value {
    let accepted = ["--format", "json", "--accept-warnings"];
    let record = office
        .register(nik, name, &[extra, &accepted].concat())
        .json();
    let number = record["registration_number"].as_str().unwrap();
    let run = office.run(&["recommend-passport", number, "--format", "json"]);
    run.fails(1);
    serde_json::from_str(&run.stdout).expect("the refused recommendation as JSON")
}

#[test]
fn a_refused_recommendation_prints_a_refusal_letter_with_reasons_and_what_to_bring() {
    let office = Office::with_letterhead();
    let record = refused(
        &office,
        "1371021508900001",
        "Rizki Pratama",
        &[
            "--country",
            "SA",
            "--sector",
            "INFORMAL",
            "--address",
            "Jl. Sawahan No. 3, Padang",
        ],
    );
    let uid = record["recommendation_uid"].as_str().unwrap();
    // Numbered like a letter when the record carries a number; older records print their uid.
    let number = record["letter_number"].as_str().unwrap_or(uid).to_string();
    for (format, doc) in all_formats(&office, uid) {
        for expected in [
            "Pemberitahuan Penolakan Rekomendasi Penerbitan Paspor",
            number.as_str(),
            "Sdr. Rizki Pratama",
            "Jl. Sawahan No. 3, Padang",
            "Dokumen tidak lengkap",
            "Negara tujuan ditutup (moratorium)",
            "negara tujuan, skema atau sektor lain",
            "KTP asli",
            "Drs. Contoh Nama",
        ] {
            assert!(
                doc.contains(expected),
                "{format}: '{expected}' missing from:\n{doc}"
            );
        }
        assert!(
            !doc.contains("Kantor Imigrasi"),
            "{format}: a refusal is not addressed to immigration"
        );
    }
    let shown = office
        .run(&["recommendation", "show", uid, "--format", "json"])
        .json();
    assert_eq!(shown["reprints"], 3, "each print counted");
    let log = office
        .run(&["log", "--record", uid, "--format", "csv"])
        .ok()
        .to_string();
    assert_eq!(log.matches(",print,").count(), 3, "{log}");
}

/// The clerk decided in English; the official letter is Indonesian throughout: the stored
/// details are codes and data, said in Indonesian when printed.
#[test]
fn a_refusal_decided_in_english_prints_its_details_in_indonesian() {
    let office = Office::with_letterhead();
    let record = refused(
        &office,
        "1371021508900001",
        "Budi",
        &["--country", "SA", "--sector", "INFORMAL"],
    );
    let uid = record["recommendation_uid"].as_str().unwrap();
    let stored = office
        .run(&[
            "query",
            "SELECT refusal_details FROM recommendations",
            "--format",
            "csv",
        ])
        .ok()
        .to_string();
    assert!(
        stored.contains("DOCUMENTS") && stored.contains("KTP"),
        "codes stored: {stored}"
    );
    assert!(
        !stored.contains("incomplete"),
        "no sentence stored: {stored}"
    );
    for (format, doc) in all_formats(&office, uid) {
        // Lines wrap differently in each format.
        let doc = doc.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            doc.contains("Keterangan petugas: dokumen belum lengkap:"),
            "{format}:\n{doc}"
        );
        assert!(doc.contains("(belum ada)"), "{format}:\n{doc}");
        assert!(doc.contains("ditutup untuk skema"), "{format}:\n{doc}");
        for english in ["documents incomplete", "missing", "is closed for"] {
            assert!(!doc.contains(english), "{format}: '{english}' in\n{doc}");
        }
    }
    // On screen, in the clerk's language.
    let shown = office
        .run(&["recommendation", "show", uid])
        .ok()
        .to_string();
    assert!(shown.contains("documents incomplete"), "{shown}");
    let shown = office
        .run(&["--lang", "id", "recommendation", "show", uid])
        .ok()
        .to_string();
    assert!(shown.contains("dokumen belum lengkap"), "{shown}");
}

#[test]
fn a_refusal_letter_needs_a_signatory_too() {
    let office = Office::new();
    let record = refused(&office, "1371021508900001", "Budi", &[]);
    let uid = record["recommendation_uid"].as_str().unwrap();
    let message = office.run(&["letter", uid]).fails(1).to_string();
    assert!(
        message.contains("pmi-desk config set signatory.name \"...\""),
        "{message}"
    );
}

fn arrived(office: &Office) -> String {
    let r = office
        .run(&[
            "repatriate",
            "--category",
            "JENAZAH",
            "--arrived-on",
            "2023-10-05",
            "--person-name",
            "Almarhum Ahmad",
            "--regency",
            "Kota Jambi",
            "--from-country",
            "MY",
            "--cause-of-death",
            "sakit jantung",
            "--format",
            "json",
        ])
        .json();
    r["repatriation_number"].as_str().unwrap().to_string()
}

#[test]
fn a_handover_prints_its_record_with_every_party_and_each_print_is_audited() {
    let office = Office::with_letterhead();
    let number = arrived(&office);
    let early = office.run(&["letter", &number]);
    assert!(
        early.fails(1).contains("has not been handed over"),
        "{}",
        early.stderr
    );
    office
        .run(&[
            "handover",
            &number,
            "--to",
            "FAMILY",
            "--on",
            "2023-10-06",
            "--record-number",
            "BA-017/BP3MI-SB/X/2023",
            "--receiver-name",
            "Siti Aisyah",
            "--receiver-relation",
            "istri",
            "--witness",
            "Lurah Simpang Haru",
        ])
        .ok();
    for (format, doc) in all_formats(&office, &number) {
        for expected in [
            "BERITA ACARA SERAH TERIMA",
            "JENAZAH PEKERJA MIGRAN INDONESIA",
            "BA-017/BP3MI-SB/X/2023",
            "Jumat, tanggal 6 Oktober 2023",
            "Almarhum Ahmad",
            "Kota Jambi",
            "Malaysia",
            "sakit jantung",
            "PIHAK PERTAMA",
            "PIHAK KEDUA",
            "Siti Aisyah",
            "istri",
            "Lurah Simpang Haru",
            // The clerk who recorded the handover signs for the office.
            "tester",
            "BP3MI Sumatera Barat",
        ] {
            assert!(
                doc.contains(expected),
                "{format}: '{expected}' missing from:\n{doc}"
            );
        }
    }
    let record = office
        .run(&["repatriation", "show", &number, "--format", "json"])
        .json();
    let uid = record["repatriation_uid"].as_str().unwrap();
    let log = office
        .run(&["log", "--record", uid, "--format", "csv"])
        .ok()
        .to_string();
    assert_eq!(log.matches(",print,").count(), 3, "{log}");
    let again = office.run(&["letter", &number, "--out", "again.pdf"]);
    assert!(again.ok().contains("print no. 4"), "{}", again.stdout);
}

#[test]
fn a_handover_record_without_a_number_prints_the_uid() {
    let office = Office::with_letterhead();
    let number = arrived(&office);
    office
        .run(&[
            "handover",
            &number,
            "--to",
            "SOCIAL_SERVICES",
            "--on",
            "2023-10-06",
        ])
        .ok();
    // Old data had no record number; newer versions may assign one on handover.
    office.sql("UPDATE repatriations SET handover_record_number = NULL, seq = seq + 1000000");
    let record = office
        .run(&["repatriation", "show", &number, "--format", "json"])
        .json();
    let uid = record["repatriation_uid"].as_str().unwrap();
    let text = office.run(&["letter", uid]).ok().to_string();
    assert!(text.contains(&format!("Nomor: {uid}")), "{text}");
    assert!(text.contains("Dinas sosial"), "{text}");
    assert!(
        text.contains("(......................)"),
        "a space to write the receiver's name: {text}"
    );
}

/// A handover record of remains known by their NIK alone: sex and birth date are read from the
/// NIK rather than printed as "-", and every term is Indonesian (the airway bill included).
#[test]
fn a_handover_record_reads_sex_and_birth_date_from_the_nik_and_speaks_indonesian() {
    let office = Office::with_letterhead();
    let number = office.remains(&[
        "--nik",
        "1371025508900002",
        "--person-name",
        "Almarhumah Siti",
        "--airway-bill",
        "618-12345675",
    ]);
    office
        .run(&[
            "handover",
            &number,
            "--to",
            "HOSPITAL",
            "--on",
            "2023-10-06",
        ])
        .ok();
    for (format, doc) in all_formats(&office, &number) {
        let doc = doc.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Perempuan",
            "15 Agustus 1990",
            "Nomor Surat Muatan Udara (AWB)",
            "618-12345675",
        ] {
            assert!(
                doc.contains(expected),
                "{format}: '{expected}' missing from:\n{doc}"
            );
        }
        assert!(!doc.contains("Airway Bill"), "{format}: English in:\n{doc}");
    }
}
