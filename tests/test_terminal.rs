//! A clerk at a real terminal (a pseudo-terminal), in Indonesian: the guided menu, interactive
//! `register` and `open-case`, the confirmations. What the clerk sees is asserted as it appears,
//! and what was stored is read back.

use std::process::Command;

use rexpect::session::PtySession;

use crate::util::Office;

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";

/// `pmi-desk ARGS` on a pseudo-terminal, in Indonesian.
fn clerk(office: &Office, args: &[&str]) -> PtySession {
    let mut cmd: Command = office.terminal_80x50(args);
    cmd.env("PMI_DESK_LANG", "id");
    rexpect::session::spawn_command(cmd, Some(20_000)).expect("a pseudo-terminal")
}

/// Waits for `text` on the screen (after anything else), failing with what was there instead.
fn sees(session: &mut PtySession, text: &str) -> String {
    session
        .exp_string(text)
        .unwrap_or_else(|e| panic!("the clerk should see {text:?}: {e}"))
}

fn keys(session: &mut PtySession, keys: &str) {
    session.send(keys).unwrap();
    session.flush().unwrap();
}

/// Types `text` and Enter.
fn types(session: &mut PtySession, text: &str) {
    keys(session, &format!("{text}{ENTER}"));
}

fn stored(office: &Office, sql: &str) -> String {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    conn.query_row(sql, [], |r| r.get::<_, String>(0)).unwrap()
}

/// The menu's export asked only for a folder, and `--since-last` without `--to` failed.
#[test]
fn the_menu_exports_the_changes_for_the_office_it_asks_for() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let mut s = clerk(&office, &[]);
    sees(&mut s, "Apa yang akan dikerjakan?");
    // Up from the first task: Keluar, then the exchange.
    keys(&mut s, &format!("{UP}{UP}{ENTER}"));
    sees(&mut s, "> Ekspor perubahan sejak ekspor terakhir (export)");
    sees(&mut s, "review list");
    keys(&mut s, ENTER);
    sees(&mut s, "Folder ekspor");
    keys(&mut s, ENTER);
    sees(&mut s, "Untuk kantor mana");
    types(&mut s, "BP2MI");
    let done = sees(&mut s, "Apa yang akan dikerjakan?");
    assert!(done.contains("--since-last --to BP2MI"), "{done}");
    keys(&mut s, &format!("{UP}{ENTER}"));
    s.exp_eof().expect("the menu ends");
    let folder = std::fs::read_dir(office.path(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("kirim-")
        })
        .expect("the folder");
    let persons = std::fs::read_to_string(folder.join("persons.csv")).unwrap();
    assert!(persons.contains("Budi"), "{persons}");
}

#[test]
fn the_menu_registers_a_worker_with_prompts_and_shows_the_same_command() {
    let office = Office::new();
    let mut s = clerk(&office, &[]);
    sees(&mut s, "Apa yang akan dikerjakan?");
    // The workers' data first (find, show, correct), then registering.
    sees(&mut s, "> Data pekerja");
    sees(&mut s, "Keluar");
    keys(&mut s, DOWN);
    sees(&mut s, "> Daftarkan CPMI baru (register)");
    keys(&mut s, ENTER);
    sees(&mut s, "NIK (16 angka): ");
    types(&mut s, "1371025508900002");
    sees(&mut s, "Nama lengkap: ");
    types(&mut s, "Siti Rahmah");
    // Sex and birth date come from the NIK (day 55 = a woman born on the 15th).
    sees(&mut s, "Jenis kelamin");
    sees(&mut s, "> Perempuan");
    keys(&mut s, ENTER);
    sees(&mut s, "Tempat lahir: ");
    types(&mut s, "Padang");
    sees(&mut s, "Tanggal lahir (DD-MM-YYYY) [15-08-1990]: ");
    keys(&mut s, ENTER);
    sees(&mut s, "[Kota Padang]: ");
    keys(&mut s, ENTER);
    sees(&mut s, "Alamat: ");
    types(&mut s, "Jl. Sudirman No. 5, Padang");
    sees(&mut s, "Nomor HP: ");
    types(&mut s, "081234567890");
    sees(&mut s, "Pendidikan:");
    keys(&mut s, ENTER);
    sees(&mut s, "Status perkawinan:");
    keys(&mut s, ENTER);
    sees(&mut s, "> G to G (antar pemerintah)");
    keys(&mut s, &format!("{DOWN}{DOWN}{DOWN}{ENTER}"));
    sees(&mut s, "Pemberi kerja di luar negeri: ");
    keys(&mut s, ENTER);
    sees(&mut s, "Negara tujuan: ");
    types(&mut s, "Jepang");
    sees(&mut s, "> (kosongkan)");
    keys(&mut s, ENTER);
    sees(&mut s, "Jabatan di luar negeri: ");
    types(&mut s, "Caregiver");
    let summary = sees(&mut s, "Simpan? (ya/tidak) [tidak]: ");
    for line in [
        "Periksa sebelum menyimpan:",
        "Siti Rahmah",
        "Kota Padang (1371)",
        ": Perseorangan (mandiri)",
        "Jepang (JP)",
    ] {
        assert!(
            summary.contains(line),
            "{line:?} in the summary:\n{summary}"
        );
    }
    // A word and Enter: "ya" is one answer, not "y" and a stray "a".
    types(&mut s, "ya");
    sees(&mut s, "Simpan? ya");
    sees(&mut s, "Terdaftar BP3MI-SB-REG-2023-00001: Siti Rahmah");
    let command = sees(&mut s, "Apa yang akan dikerjakan?");
    for part in [
        "Perintah yang sama:",
        "pmi-desk register --nik 1371025508900002 --name \"Siti Rahmah\" --sex P",
        "--birth-date 15-08-1990",
        "--address \"Jl. Sudirman No. 5, Padang\"",
        "--country Jepang",
        "--occupation Caregiver",
    ] {
        assert!(command.contains(part), "{part:?} in:\n{command}");
    }
    // Back in the menu: up from the first task is the last, Keluar.
    keys(&mut s, &format!("{UP}{ENTER}"));
    s.exp_eof().expect("the menu ends");

    let shown = office
        .run(&["worker", "show", "REG-2023-00001", "--format", "json"])
        .json();
    let record = &shown["record"];
    assert_eq!(record["sex"], "P");
    assert_eq!(record["birth_date"], "1990-08-15");
    assert_eq!(record["address"], "Jl. Sudirman No. 5, Padang");
    assert_eq!(record["occupation"], "Caregiver");
    assert_eq!(record["country"], "JP");
    assert_eq!(record["regency_code"], "1371");
}

#[test]
fn a_declined_warning_keeps_every_answer_and_asks_only_the_field_to_correct() {
    let office = Office::new();
    let mut s = clerk(
        &office,
        &[
            "register",
            "--nik",
            "1371021508900001",
            "--name",
            "Budi",
            "--birth-place",
            "Padang",
            "--birth-date",
            "15-08-1990",
            "--regency",
            "1371",
            "--scheme",
            "MANDIRI",
            "--country",
            "MY",
            "--address",
            "Jl. Bagindo Aziz Chan 1",
            "--employer",
            "Syarikat Maju",
            "--occupation",
            "Operator",
        ],
    );
    sees(&mut s, "> Laki-laki");
    keys(&mut s, ENTER);
    sees(&mut s, "Nomor HP: ");
    types(&mut s, "0812345");
    sees(&mut s, "Pendidikan:");
    keys(&mut s, ENTER);
    sees(&mut s, "Status perkawinan:");
    keys(&mut s, ENTER);
    sees(&mut s, "> (kosongkan)");
    keys(&mut s, ENTER);
    sees(&mut s, "tidak seperti nomor HP Indonesia");
    sees(
        &mut s,
        "Tetap simpan meskipun ada peringatan? (ya/tidak) [tidak]: ",
    );
    types(&mut s, "tidak");
    sees(&mut s, "Apa yang diperbaiki?");
    // The phone is the eighth field of the summary.
    keys(&mut s, &DOWN.repeat(7));
    sees(&mut s, "> Perbaiki Nomor HP: 0812345");
    keys(&mut s, ENTER);
    sees(&mut s, "Nomor HP [0812345]: ");
    types(&mut s, "081234567890");
    let again = sees(&mut s, "Simpan? (ya/tidak) [tidak]: ");
    assert!(
        !again.contains("Nama lengkap:"),
        "nothing else asked:\n{again}"
    );
    assert!(
        !again.contains("Sektor:"),
        "an empty answer is not asked again:\n{again}"
    );
    types(&mut s, "y");
    sees(&mut s, "Terdaftar BP3MI-SB-REG-2023-00001");
    s.exp_eof().unwrap();
    assert_eq!(
        stored(&office, "SELECT phone FROM persons"),
        "+6281234567890"
    );
    assert_eq!(
        stored(&office, "SELECT employer_name FROM placements"),
        "Syarikat Maju"
    );
}

#[test]
fn interactive_open_case_asks_the_nik_first_and_links_the_registered_worker() {
    let office = Office::new();
    office
        .register("1371021508900001", "Budi Santoso", &["--country", "MY"])
        .ok();
    let mut s = clerk(&office, &["open-case"]);
    sees(&mut s, "NIK PMI (kosongkan bila tidak diketahui): ");
    types(&mut s, "1371021508900001");
    sees(
        &mut s,
        "Tercatat: Budi Santoso; penempatan terakhir BP3MI-SB-REG-2023-00001",
    );
    sees(&mut s, "Kategori pengaduan");
    keys(&mut s, &format!("{DOWN}{ENTER}"));
    sees(&mut s, "Tanggal pengaduan diterima [08-11-2023]: ");
    keys(&mut s, ENTER);
    // The country of the worker's placement.
    sees(&mut s, "Negara tempat kejadian [Malaysia]: ");
    keys(&mut s, ENTER);
    sees(&mut s, "> Datang langsung");
    keys(&mut s, ENTER);
    sees(&mut s, "Nama pengadu: ");
    types(&mut s, "Rina");
    sees(&mut s, "Hubungan pengadu");
    types(&mut s, "istri");
    sees(&mut s, "Ringkasan kejadian: ");
    types(&mut s, "Gaji tiga bulan belum dibayar");
    let summary = sees(&mut s, "Simpan? (ya/tidak) [tidak]: ");
    // In Indonesian the clerk reads names, not codes.
    assert!(summary.contains(": Gaji tidak dibayar"), "{summary}");
    assert!(!summary.contains("UNPAID_WAGES"), "{summary}");
    assert!(summary.contains("Budi Santoso (sudah"), "{summary}");
    types(&mut s, "ya");
    sees(
        &mut s,
        "Pengaduan BP3MI-SB-K-2023-0001 (Gaji tidak dibayar) dibuka untuk Budi Santoso",
    );
    s.exp_eof().unwrap();
    assert_eq!(office.count("persons"), 1, "no second, unlinked person");
    assert_eq!(
        stored(
            &office,
            "SELECT c.country || ' ' || c.channel || ' ' || p.full_name FROM cases c \
             JOIN persons p ON p.uid = c.person_uid"
        ),
        "MY IN_PERSON Budi Santoso"
    );
}

#[test]
fn a_refusal_on_a_terminal_is_recorded_only_when_the_clerk_says_so() {
    let office = Office::new();
    let number = office.ready_for_passport("1371021508900001", "Budi", &[]);
    office.run(&["recommend-passport", &number]).ok();
    let mut s = clerk(&office, &["recommend-passport", &number]);
    sees(&mut s, "Masih ada rekomendasi aktif");
    sees(
        &mut s,
        "Catat penolakan ini dalam statistik? (ya/tidak) [tidak]: ",
    );
    keys(&mut s, ENTER);
    sees(&mut s, "Dibatalkan; tidak ada yang disimpan");
    s.exp_eof().unwrap();
    assert_eq!(office.count("recommendations"), 1, "no refusal recorded");

    let mut s = clerk(&office, &["recommend-passport", &number]);
    sees(&mut s, "Catat penolakan ini dalam statistik?");
    types(&mut s, "ya");
    sees(
        &mut s,
        "Surat penolakan: pmi-desk letter B.0002/BP3MI-SB/XI/2023",
    );
    s.exp_eof().unwrap();
    assert_eq!(
        stored(
            &office,
            "SELECT status FROM recommendations WHERE letter_number LIKE 'B.0002/%'"
        ),
        "REFUSED"
    );
}

#[test]
fn a_missing_placement_is_asked_and_one_that_cannot_depart_is_said_at_once() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let mut s = clerk(&office, &["depart"]);
    sees(&mut s, "Nomor pendaftaran atau NIK: ");
    types(&mut s, "REG-2023-00001");
    sees(&mut s, "tahap Terdaftar dan tidak");
    s.send_control('c').unwrap();
    s.exp_eof().unwrap();
    assert_eq!(
        stored(&office, "SELECT stage FROM placements"),
        "REGISTERED"
    );
}

#[test]
fn off_a_terminal_a_missing_value_is_a_usage_error_naming_every_one() {
    let office = Office::new();
    for (args, named) in [
        (&["depart"][..], &["--on", "PLACEMENT"][..]),
        (&["docs", "add"][..], &["--kind", "PLACEMENT"][..]),
        (&["handover", "X"][..], &["--to", "--on"][..]),
        (&["case", "note"][..], &["CASE", "TEXT"][..]),
        (
            &["recommendation", "used", "B.1"][..],
            &["--passport", "--issued"][..],
        ),
    ] {
        let run = office.run(args);
        let stderr = run.fails(2);
        for name in named {
            assert!(stderr.contains(name), "{args:?}: {name} in {stderr}");
        }
    }
    // `--no-input` on a terminal too.
    let mut s = rexpect::session::spawn_command(
        office.terminal_80x50(&["--no-input", "depart"]),
        Some(20_000),
    )
    .unwrap();
    sees(&mut s, "--on");
    s.exp_eof().unwrap();
}

/// Issue 12: a write that waits for another clerk's lock was ten seconds of silence.
#[test]
fn a_write_waiting_for_another_clerk_says_so_at_once() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut waiting = office
        .command()
        .args(["docs", "add", "REG-2023-00001", "--kind", "KTP"])
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The lock is released only once the clerk has been told (however slow the machine).
    let mut stderr = String::new();
    let mut reader = std::io::BufReader::new(waiting.stderr.take().unwrap());
    while !stderr.contains("in use by another clerk; waiting") {
        let mut line = String::new();
        let read = std::io::BufRead::read_line(&mut reader, &mut line).unwrap();
        assert!(read > 0, "ended without saying it waits: {stderr}");
        stderr.push_str(&line);
    }
    conn.execute_batch("ROLLBACK").unwrap();
    std::io::Read::read_to_string(&mut reader, &mut stderr).unwrap();
    let out = waiting.wait_with_output().unwrap();
    assert!(out.status.success(), "{stderr}");
    assert_eq!(office.count("documents"), 1);
}

/// Issue 20: Ctrl-C is one behaviour everywhere, in a typed answer and in a pick list: the clerk
/// is told nothing was saved, and the run ends with 130.
#[test]
fn ctrl_c_says_nothing_was_saved_in_every_kind_of_prompt() {
    let office = Office::new();
    for (args, prompt) in [
        (&["register"][..], "NIK (16 angka): "),
        (
            &["register", "--nik", "1371021508900001", "--name", "Budi"][..],
            "Jenis kelamin",
        ),
    ] {
        let mut s = clerk(&office, args);
        sees(&mut s, prompt);
        keys(&mut s, "\x03");
        sees(&mut s, "Dibatalkan; tidak ada yang disimpan");
        s.exp_eof().unwrap();
        let status = s.process().wait().unwrap();
        assert!(
            matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
            "{args:?}: {status:?}"
        );
    }
    assert_eq!(office.count("persons"), 0);
}

/// Issue 20 (item 13): the menu's first task finds and shows a worker.
#[test]
fn the_menu_finds_a_worker_first() {
    let office = Office::new();
    office
        .register("1371025508900002", "Siti Rahmah", &["--sex", "P"])
        .ok();
    let mut s = clerk(&office, &[]);
    sees(&mut s, "Apa yang akan dikerjakan?");
    keys(&mut s, ENTER);
    sees(&mut s, "> Cari pekerja (nama, NIK atau nomor)");
    keys(&mut s, ENTER);
    sees(&mut s, "Nama, awal NIK atau nomor yang dicari: ");
    types(&mut s, "siti");
    sees(&mut s, "Siti Rahmah");
    sees(&mut s, "worker find siti");
    sees(&mut s, "Apa yang akan dikerjakan?");
}

/// Issue 20 (item 9): `docs remove` on a terminal asks which document and why, and removes it
/// only once confirmed.
#[test]
fn docs_remove_asks_which_and_why_and_confirms() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    office
        .run(&["docs", "add", "REG-2023-00001", "--kind", "KTP"])
        .ok();
    let mut s = clerk(&office, &["docs", "remove"]);
    sees(&mut s, "NIK");
    types(&mut s, "REG-2023-00001");
    sees(&mut s, "> KTP");
    keys(&mut s, ENTER);
    sees(&mut s, "Alasan dokumen dihapus: ");
    types(&mut s, "Salah unggah");
    sees(&mut s, "Simpan? (ya/tidak) [tidak]: ");
    types(&mut s, "tidak");
    sees(&mut s, "Batalkan; jangan simpan apa pun");
    keys(&mut s, &format!("{UP}{ENTER}"));
    s.exp_eof().unwrap();
    let live = || {
        stored(
            &office,
            "SELECT count(*) || '' FROM documents WHERE removed_on IS NULL",
        )
    };
    assert_eq!(live(), "1", "declined: nothing removed");
    let mut s = clerk(
        &office,
        &["docs", "remove", "REG-2023-00001", "--kind", "KTP"],
    );
    sees(&mut s, "Alasan dokumen dihapus: ");
    types(&mut s, "Salah unggah");
    sees(&mut s, "Simpan? (ya/tidak) [tidak]: ");
    types(&mut s, "ya");
    s.exp_eof().unwrap();
    assert_eq!(live(), "0");
}

/// Issue 20 (item 9): a case action on a terminal asks the day it happened (a call made
/// yesterday is recorded today), and the deadlines count from that day.
#[test]
fn a_case_action_asks_its_date() {
    let office = Office::new();
    let case = office
        .run(&[
            "open-case",
            "--format",
            "json",
            "--person-name",
            "Rini",
            "--category",
            "UNPAID_WAGES",
            "--channel",
            "IN_PERSON",
            "--reported-on",
            "2023-11-01",
        ])
        .json();
    let number = case["case_number"].as_str().unwrap().to_string();
    let mut s = clerk(
        &office,
        &[
            "case",
            "act",
            &number,
            "--kind",
            "CONSULTATION",
            "--note",
            "Konsultasi",
            "--letter-number",
            "-",
        ],
    );
    sees(&mut s, "Mitra");
    keys(&mut s, ENTER);
    sees(&mut s, "Tanggal kejadian (DD-MM-YYYY) [08-11-2023]: ");
    types(&mut s, "07-11-2023");
    sees(&mut s, "Pengadu berhasil dihubungi?");
    types(&mut s, "tidak");
    sees(&mut s, "Kini menunggu dari pengadu");
    keys(&mut s, ENTER);
    let summary = sees(&mut s, "Simpan? (ya/tidak) [tidak]: ");
    assert!(
        summary.contains("7 November 2023"),
        "as understood: {summary}"
    );
    types(&mut s, "ya");
    s.exp_eof().unwrap();
    assert_eq!(
        stored(
            &office,
            "SELECT occurred_on FROM case_events WHERE kind = 'CONSULTATION'"
        ),
        "2023-11-07"
    );
}

/// Issue 20 (item 13): after a document is recorded from the menu, the next one of the same
/// worker is offered, the one their checklist lacks first chosen already.
#[test]
fn the_menu_offers_the_next_document_of_the_same_worker() {
    let office = Office::new();
    office.register("1371021508900001", "Budi", &[]).ok();
    let mut s = clerk(&office, &[]);
    sees(&mut s, "Apa yang akan dikerjakan?");
    keys(&mut s, &format!("{DOWN}{DOWN}"));
    sees(&mut s, "> Catat dokumen yang diperiksa (docs add)");
    keys(&mut s, ENTER);
    sees(&mut s, "Nomor pendaftaran atau NIK");
    types(&mut s, "REG-2023-00001");
    for kind in ["> KTP", "> Kartu keluarga"] {
        sees(&mut s, kind);
        keys(&mut s, ENTER);
        sees(&mut s, "Nomor dokumen");
        keys(&mut s, ENTER);
        sees(&mut s, "Tanggal terbit");
        keys(&mut s, ENTER);
        sees(&mut s, "Berlaku sampai");
        keys(&mut s, ENTER);
        sees(&mut s, "Dokumen asli sudah diperiksa?");
        types(&mut s, "ya");
        sees(&mut s, "Simpan? (ya/tidak) [tidak]: ");
        types(&mut s, "ya");
        sees(&mut s, "Catat dokumen berikutnya untuk pekerja yang sama?");
        types(&mut s, if kind == "> KTP" { "ya" } else { "tidak" });
    }
    sees(&mut s, "Apa yang akan dikerjakan?");
    keys(&mut s, &format!("{UP}{ENTER}"));
    s.exp_eof().expect("the menu ends");
    assert_eq!(
        stored(
            &office,
            "SELECT group_concat(kind, ',') FROM (SELECT kind FROM documents ORDER BY rowid)"
        ),
        "KTP,KK"
    );
}

/// Issue 20 (item 13): after a handover from the menu, its handover record is offered for
/// printing, and printed as a PDF.
#[test]
fn the_menu_offers_the_handover_record_after_a_handover() {
    let office = Office::with_letterhead();
    let number = office.remains(&["--person-name", "Almarhum Ahmad"]);
    let mut s = clerk(&office, &[]);
    sees(&mut s, "Apa yang akan dikerjakan?");
    keys(&mut s, &DOWN.repeat(7));
    sees(&mut s, "> Pemulangan dan serah terima");
    keys(&mut s, ENTER);
    keys(&mut s, DOWN);
    sees(&mut s, "> Catat serah terima (handover)");
    keys(&mut s, ENTER);
    sees(&mut s, "Nomor pemulangan");
    types(&mut s, &number);
    sees(&mut s, "Diserahkan kepada");
    keys(&mut s, ENTER);
    sees(&mut s, "Tanggal serah terima");
    keys(&mut s, ENTER);
    sees(&mut s, "Nama penerima");
    types(&mut s, "Siti Aisyah");
    sees(&mut s, "Hubungan penerima dengan PMI");
    types(&mut s, "istri");
    sees(&mut s, "Saksi");
    keys(&mut s, ENTER);
    sees(&mut s, "Nomor berita acara");
    keys(&mut s, ENTER);
    sees(&mut s, "Simpan? (ya/tidak) [tidak]: ");
    types(&mut s, "ya");
    sees(&mut s, "Cetak berita acara serah terimanya sekarang (PDF)?");
    types(&mut s, "ya");
    sees(&mut s, "Apa yang akan dikerjakan?");
    keys(&mut s, &format!("{UP}{ENTER}"));
    s.exp_eof().expect("the menu ends");
    let pdf = office.path(&format!("berita-acara-{number}.pdf"));
    let text = crate::pdf::text(&pdf);
    assert!(text.contains("BERITA ACARA SERAH TERIMA"), "{text}");
}
