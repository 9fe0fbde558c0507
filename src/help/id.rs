//! The Indonesian help: every English help text of src/cli.rs (its `///` lines) and of clap itself,
//! each with its Indonesian, and every value name (`<DATE>`) with its Indonesian one.
//!
//! The key is the English text exactly as clap holds it: the `///` line, joined into one line,
//! without a final full stop. A new option, or a change to an English line, needs its entry here;
//! the test `help::tests::every_help_text_has_its_indonesian` names what is missing and
//! `no_entry_is_left_unused` what became stale. Codes (`FAMILY`, `TPPO`), option names, commands in
//! backquotes and examples in quotes stay as they are: the clerk types them.

use std::collections::HashMap;
use std::sync::OnceLock;

/// (English, Indonesian) for the about of each command and the help of each argument.
pub(super) const TEXTS: &[(&str, &str)] = &[
    // Convergence between offices: review, exchange, worker merge
    (
        "What offices' records say that a clerk must decide: list, show, resolve",
        "Hal yang harus diputuskan petugas dari data antarkantor: daftar, lihat, selesaikan",
    ),
    (
        "What waits for a clerk's decision, the same at every office that holds the records",
        "Yang menunggu keputusan petugas, sama di setiap kantor yang memegang datanya",
    ),
    (
        "One item: each side, and the commands that resolve it",
        "Satu hal: setiap sisinya, dan perintah untuk menyelesaikannya",
    ),
    (
        "Resolve an item; the decision travels to the other offices like any change",
        "Selesaikan satu hal; keputusannya dikirim ke kantor lain seperti perubahan lainnya",
    ),
    (
        "Only this kind (FIELD_CONFLICT, OPEN_PLACEMENTS, LIVE_DOCUMENTS, ISSUED_LETTERS, NIK_TAKEN, NUMBER_TAKEN, CONTRADICTION, WARNING, STATUS_CLASH, ACTED_WHILE_CLOSED)",
        "Hanya jenis ini (FIELD_CONFLICT, OPEN_PLACEMENTS, LIVE_DOCUMENTS, ISSUED_LETTERS, NIK_TAKEN, NUMBER_TAKEN, CONTRADICTION, WARNING, STATUS_CLASH, ACTED_WHILE_CLOSED)",
    ),
    ("The item's id (T-...)", "Nomor hal (T-...)"),
    (
        "Which side to keep: its number in `review show` (the others are dropped: a value, a duplicate document, a second open placement, a second letter), or departure / cancellation for facts that contradict each other",
        "Sisi yang dipertahankan: nomornya di `review show` (yang lain dibuang: sebuah nilai, dokumen ganda, penempatan terbuka kedua, surat kedua), atau departure / cancellation untuk fakta yang saling bertentangan",
    ),
    (
        "Another value for a field written differently at two offices",
        "Nilai lain untuk isian yang berbeda di dua kantor",
    ),
    (
        "Accept a person's warnings (the NIK against the sex, birth date or regency)",
        "Terima peringatan seseorang (NIK terhadap jenis kelamin, tanggal lahir atau wilayah)",
    ),
    (
        "Keep a case's status as it is, now knowing of every office's change",
        "Pertahankan status pengaduan apa adanya, kini dengan mengetahui perubahan setiap kantor",
    ),
    (
        "Merge the two persons that hold one NIK (the same person)",
        "Gabungkan dua orang yang memegang satu NIK (orang yang sama)",
    ),
    (
        "Exchange with other offices: what each sent and was sent, holes, keys",
        "Pertukaran dengan kantor lain: apa yang dikirim masing-masing, yang belum diterima, kunci",
    ),
    (
        "Each other office: its key, its last folder, what is missing from it; what was sent to whom",
        "Setiap kantor lain: kuncinya, folder terakhirnya, apa yang belum diterima darinya; apa yang dikirim ke siapa",
    ),
    (
        "This office's key file, to give another office before the first folder",
        "Berkas kunci kantor ini, untuk diberikan ke kantor lain sebelum folder pertama",
    ),
    (
        "Write the key file here (else print it)",
        "Tulis berkas kunci ke sini (bila tidak, tampilkan)",
    ),
    (
        "Learn another office's key from its key file (`exchange key`), before its first folder",
        "Catat kunci kantor lain dari berkas kuncinya (`exchange key`), sebelum folder pertamanya",
    ),
    ("The key file", "Berkas kunci"),
    (
        "Forget the key of a site that reinstalled pmi-desk (its next folder teaches the new one)",
        "Lupakan kunci situs yang memasang ulang pmi-desk (folder berikutnya mengajarkan kunci barunya)",
    ),
    (
        "The site id (from `exchange status`)",
        "Kode situs (dari `exchange status`)",
    ),
    (
        "Merge two records of one person (registered twice, here or at another office); the merge travels to every office",
        "Gabungkan dua data satu orang (terdaftar dua kali, di sini atau di kantor lain); penggabungan dikirim ke semua kantor",
    ),
    (
        "One person: a registration number, a placement or person uid, or a NIK",
        "Satu orang: nomor pendaftaran, uid penempatan atau orang, atau NIK",
    ),
    (
        "The other record of the same person",
        "Data lain dari orang yang sama",
    ),
    (
        "Why they are one person (kept with the merge)",
        "Mengapa keduanya satu orang (disimpan bersama penggabungan)",
    ),
    (
        "Merge without asking (scripts; on a terminal the clerk confirms)",
        "Gabungkan tanpa bertanya (skrip; di terminal petugas mengonfirmasi)",
    ),
    // The program, global options and clap's own flags and `help` command
    (
        "pmi-desk: registration, passport recommendations, protection cases, repatriations and statistics for a regional migrant-worker protection office (BP3MI), over one local database file",
        "pmi-desk: pendaftaran CPMI, rekomendasi paspor, pengaduan, pemulangan dan statistik untuk kantor pelindungan pekerja migran di daerah (BP3MI), dalam satu berkas basis data lokal",
    ),
    (
        "Database file [default: pmi-desk.db in the OS data directory]",
        "Berkas basis data [bawaan: pmi-desk.db di folder data sistem operasi]",
    ),
    (
        "Output of commands that print records or figures",
        "Bentuk keluaran perintah yang menampilkan data atau angka",
    ),
    (
        "Language of help, messages, prompts and tables [default: from the locale, else English]",
        "Bahasa bantuan, pesan, pertanyaan dan tabel [bawaan: mengikuti bahasa sistem, selain itu bahasa Inggris]",
    ),
    (
        "Who is working, for the audit log [default: the operating-system user]",
        "Petugas yang bekerja, untuk log audit [bawaan: nama pengguna sistem operasi]",
    ),
    (
        "Never prompt (also implied when standard input is not a terminal)",
        "Jangan pernah bertanya (otomatis bila masukan tidak dari terminal)",
    ),
    (
        "No progress bars and no summaries (errors and warnings are still shown)",
        "Tanpa bilah kemajuan dan tanpa ringkasan (kesalahan dan peringatan tetap ditampilkan)",
    ),
    (
        "Tables with every column (uids too), nothing cut to the terminal's width",
        "Tabel dengan semua kolom (termasuk uid), tanpa dipotong selebar terminal",
    ),
    (
        "Print long tables straight to the terminal, without a pager ($PAGER, default less -FRX)",
        "Tampilkan tabel panjang langsung di terminal, tanpa penampil halaman ($PAGER, bawaan less -FRX)",
    ),
    (
        "At most this many rows [default: 50 in a table, every row in csv and json]",
        "Paling banyak sekian baris [bawaan: 50 dalam tabel, semua baris dalam csv dan json]",
    ),
    (
        "Every row (a table stops at 50 unless --limit says otherwise)",
        "Semua baris (tabel berhenti di 50 kecuali --limit menyebut lain)",
    ),
    (
        "Only entries about this record: its uid or number (registration, letter, case, repatriation), or a NIK (the person and their placements)",
        "Hanya catatan tentang data ini: uid atau nomornya (pendaftaran, surat, pengaduan, pemulangan), atau NIK (orangnya dan penempatannya)",
    ),
    ("Print help", "Tampilkan bantuan"),
    ("Print version", "Tampilkan versi"),
    (
        "Print this message or the help of the given subcommand(s)",
        "Tampilkan bantuan ini atau bantuan perintah yang disebut",
    ),
    // The office
    (
        "Set up the office this database belongs to",
        "Siapkan kantor pemilik basis data ini",
    ),
    (
        "Office unit code used in numbers and exports, e.g. BP3MI-SB",
        "Kode unit kantor untuk penomoran dan ekspor, mis. BP3MI-SB",
    ),
    (
        "Office name, e.g. \"BP3MI Sumatera Barat\"",
        "Nama kantor, mis. \"BP3MI Sumatera Barat\"",
    ),
    (
        "Province the office serves (Kemendagri code)",
        "Provinsi wilayah kerja kantor (kode Kemendagri)",
    ),
    (
        "Show or change office settings (letterhead, signatory, checklists...)",
        "Lihat atau ubah pengaturan kantor (kop surat, penanda tangan, daftar dokumen...)",
    ),
    (
        "Every setting with its value and meaning",
        "Semua pengaturan dengan nilai dan keterangannya",
    ),
    ("One setting's value", "Nilai satu pengaturan"),
    (
        "Setting name, e.g. signatory.name (see `config list`)",
        "Nama pengaturan, mis. signatory.name (lihat `config list`)",
    ),
    (
        "Change a setting (checked before it is saved)",
        "Ubah satu pengaturan (diperiksa sebelum disimpan)",
    ),
    ("The new value", "Nilai baru"),
    (
        "Check the database: path, schema version, integrity, foreign keys, record counts",
        "Periksa basis data: lokasi berkas, versi skema, keutuhan, kunci asing, jumlah data",
    ),
    (
        "Write a demo office database with realistic West Sumatra data",
        "Buat basis data kantor contoh berisi data Sumatera Barat yang realistis",
    ),
    (
        "Replace an existing demo database",
        "Ganti basis data contoh yang sudah ada",
    ),
    (
        "Multiply the departures, for benchmarks (100 gives about national scale)",
        "Kalikan jumlah keberangkatan, untuk uji kecepatan (100 kira-kira skala nasional)",
    ),
    (
        "Reference lists: regencies, districts, countries and every code list",
        "Daftar rujukan: kabupaten/kota, kecamatan, negara dan semua daftar kode",
    ),
    ("Regencies and cities (kabupaten/kota)", "Kabupaten dan kota"),
    (
        "Only this province (code, e.g. 13)",
        "Hanya provinsi ini (kode, mis. 13)",
    ),
    (
        "Districts (kecamatan) of a regency",
        "Kecamatan dalam satu kabupaten/kota",
    ),
    (
        "Regency code or name, e.g. 1371 or \"Kota Padang\"",
        "Kode atau nama kabupaten/kota, mis. 1371 atau \"Kota Padang\"",
    ),
    (
        "Countries with their ISO codes and Indonesian names",
        "Negara dengan kode ISO dan nama Indonesianya",
    ),
    (
        "Code lists of the exchange format with Indonesian and English labels",
        "Daftar kode format pertukaran dengan label Indonesia dan Inggris",
    ),
    (
        "One list, e.g. scheme or \"case category\"",
        "Satu daftar saja, mis. scheme atau \"case category\"",
    ),
    // Registration and workers
    (
        "Register a prospective migrant worker (CPMI) and a placement application",
        "Daftarkan calon pekerja migran (CPMI) beserta permohonan penempatannya",
    ),
    (
        "National ID number (16 digits)",
        "Nomor Induk Kependudukan (16 angka)",
    ),
    ("Full name as on the ID card", "Nama lengkap sesuai KTP"),
    (
        "Sex: L (laki-laki) or P (perempuan)",
        "Jenis kelamin: L (laki-laki) atau P (perempuan)",
    ),
    ("Place of birth", "Tempat lahir"),
    (
        "Date of birth (YYYY-MM-DD or DD-MM-YYYY)",
        "Tanggal lahir (YYYY-MM-DD atau DD-MM-YYYY)",
    ),
    (
        "Home regency or city: code (1371) or name (\"Kota Padang\")",
        "Kabupaten/kota domisili: kode (1371) atau nama (\"Kota Padang\")",
    ),
    ("Address", "Alamat"),
    (
        "Phone number (normalised to +62...)",
        "Nomor telepon (ditulis ulang menjadi +62...)",
    ),
    (
        "Education: NONE, SD, SMP, SMA, D1-D4, S1-S3",
        "Pendidikan: NONE, SD, SMP, SMA, D1-D4, S1-S3",
    ),
    (
        "Marital status: SINGLE, MARRIED, DIVORCED, WIDOWED",
        "Status perkawinan: SINGLE, MARRIED, DIVORCED, WIDOWED",
    ),
    (
        "Placement scheme: G2G, P3MI, UKPS or MANDIRI",
        "Skema penempatan: G2G, P3MI, UKPS atau MANDIRI",
    ),
    (
        "Placement company (required for the P3MI scheme)",
        "Perusahaan penempatan (wajib untuk skema P3MI)",
    ),
    ("Employer abroad", "Pemberi kerja di luar negeri"),
    (
        "Destination country: code (MY, JPN) or name (Jepang)",
        "Negara tujuan: kode (MY, JPN) atau nama (Jepang)",
    ),
    ("Sector: FORMAL or INFORMAL", "Sektor: FORMAL atau INFORMAL"),
    (
        "Job abroad, e.g. \"Caregiver\"",
        "Jabatan di luar negeri, mis. \"Caregiver\"",
    ),
    (
        "Registration date [default: today]",
        "Tanggal pendaftaran [bawaan: hari ini]",
    ),
    (
        "Save despite warnings (a NIK that does not match the birth date, an unusual phone...)",
        "Tetap simpan meskipun ada peringatan (NIK tidak cocok dengan tanggal lahir, nomor telepon tidak lazim...)",
    ),
    (
        "Show, find, list and correct registered workers",
        "Lihat, cari, daftar dan koreksi data pekerja yang terdaftar",
    ),
    (
        "A worker, their placements, documents and cases",
        "Data satu pekerja dengan penempatan, dokumen dan pengaduannya",
    ),
    (
        "Registration number, placement uid or NIK",
        "Nomor pendaftaran, uid penempatan atau NIK",
    ),
    (
        "Find workers by any part of the name (3 letters or more, any case or accents) or the start of the NIK",
        "Cari pekerja dengan bagian mana pun dari nama (paling sedikit 3 huruf, huruf besar/kecil dan aksen diabaikan) atau awal NIK",
    ),
    (
        "Parts of the name (siti rah), or the first digits of the NIK",
        "Bagian-bagian nama (siti rah), atau angka-angka awal NIK",
    ),
    ("List placements", "Daftar penempatan"),
    (
        "REGISTERED, RECOMMENDED, DEPARTED, RETURNED or CANCELLED",
        "Tahap: REGISTERED, RECOMMENDED, DEPARTED, RETURNED atau CANCELLED",
    ),
    (
        "G2G, P3MI, UKPS or MANDIRI",
        "Skema: G2G, P3MI, UKPS atau MANDIRI",
    ),
    (
        "Destination country (code or name)",
        "Negara tujuan (kode atau nama)",
    ),
    (
        "Home regency (code or name)",
        "Kabupaten/kota domisili (kode atau nama)",
    ),
    (
        "Registered on or after this date",
        "Didaftarkan pada atau sesudah tanggal ini",
    ),
    (
        "Registered on or before this date",
        "Didaftarkan pada atau sebelum tanggal ini",
    ),
    (
        "Correct a person or a placement (audited)",
        "Koreksi data orang atau penempatan (tercatat di log audit)",
    ),
    (
        "Confirm a NIK change without a prompt",
        "Setujui perubahan NIK tanpa ditanya lagi",
    ),
    ("Save despite warnings", "Tetap simpan meskipun ada peringatan"),
    (
        "The oldest first [default: the newest first]",
        "Yang terlama dulu [bawaan: yang terbaru dulu]",
    ),
    (
        "Record the departure despite warnings (documents not complete, passport dates)",
        "Tetap catat keberangkatan meskipun ada peringatan (dokumen belum lengkap, tanggal paspor)",
    ),
    // Documents
    (
        "Documents checked for a placement",
        "Dokumen yang diperiksa untuk satu penempatan",
    ),
    (
        "Record a document checked for a placement",
        "Catat dokumen yang sudah diperiksa untuk satu penempatan",
    ),
    (
        "Document kind, e.g. KTP, KK, MEDICAL_CERTIFICATE (see `ref codes \"document kind\"`)",
        "Jenis dokumen, mis. KTP, KK, MEDICAL_CERTIFICATE (lihat `ref codes \"document kind\"`)",
    ),
    ("Document number", "Nomor dokumen"),
    ("Issue date", "Tanggal terbit"),
    ("Expiry date", "Tanggal akhir masa berlaku"),
    (
        "The clerk has seen and checked the original",
        "Petugas sudah melihat dan memeriksa dokumen aslinya",
    ),
    ("The documents of a placement", "Dokumen satu penempatan"),
    (
        "What the scheme's checklist still lacks",
        "Dokumen yang masih kurang menurut daftar periksa skemanya",
    ),
    // Passport recommendation and the placement's life
    (
        "Check eligibility and issue (or refuse, with reasons) the passport recommendation letter",
        "Periksa syarat, lalu terbitkan (atau tolak, dengan alasannya) surat rekomendasi paspor",
    ),
    (
        "Decision date [default: today]",
        "Tanggal keputusan [bawaan: hari ini]",
    ),
    (
        "Addressee immigration office [default: from the worker's home regency, see `config list`]",
        "Kantor imigrasi tujuan surat [bawaan: menurut kabupaten/kota domisili pekerja, lihat `config list`]",
    ),
    (
        "Only show the verdict; record nothing",
        "Hanya tampilkan hasil pemeriksaan; tidak ada yang dicatat",
    ),
    (
        "Refuse for reasons found at the interview, e.g. TRAFFICKING_INDICATION or P3MI_PERMIT_INVALID",
        "Tolak karena temuan wawancara, mis. TRAFFICKING_INDICATION atau P3MI_PERMIT_INVALID",
    ),
    ("Note on the interview findings", "Catatan temuan wawancara"),
    (
        "Acknowledge the NIK warnings after checking the documents",
        "Nyatakan peringatan NIK sudah diperiksa dengan dokumen aslinya",
    ),
    (
        "List, show, void or mark used the passport recommendations",
        "Daftar, lihat, batalkan atau catat penggunaan rekomendasi paspor",
    ),
    (
        "Recommendations decided, optionally by status and decision date",
        "Rekomendasi yang sudah diputuskan, dapat disaring menurut status dan tanggal keputusan",
    ),
    (
        "ISSUED, VOID, USED or REFUSED",
        "Status: ISSUED, VOID, USED atau REFUSED",
    ),
    (
        "Decided on or after this date",
        "Diputuskan pada atau sesudah tanggal ini",
    ),
    (
        "Decided on or before this date",
        "Diputuskan pada atau sebelum tanggal ini",
    ),
    ("One recommendation", "Satu rekomendasi"),
    (
        "Letter number or recommendation uid",
        "Nomor surat atau uid rekomendasi",
    ),
    (
        "Void a wrong letter (it is kept, marked void; its number is never reused)",
        "Batalkan surat yang salah (surat tetap disimpan dengan tanda batal; nomornya tidak dipakai lagi)",
    ),
    (
        "Why the letter is void (kept with it)",
        "Alasan pembatalan (disimpan bersama surat)",
    ),
    (
        "Record the passport issued on the strength of the letter",
        "Catat paspor yang terbit berdasarkan surat ini",
    ),
    ("Passport number", "Nomor paspor"),
    ("Passport issue date", "Tanggal terbit paspor"),
    (
        "Print a document: the recommendation letter, the refusal letter or the handover record",
        "Cetak dokumen: surat rekomendasi, surat penolakan atau berita acara serah terima",
    ),
    (
        "Letter number or recommendation uid (a refused one gives the refusal letter), or repatriation number or uid (the handover record)",
        "Nomor surat atau uid rekomendasi (yang ditolak memberi surat penolakan), atau nomor atau uid pemulangan (berita acara serah terima)",
    ),
    (
        "Write to FILE.pdf (A4), FILE.html (print-ready) or FILE.txt instead of the terminal",
        "Tulis ke BERKAS.pdf (A4), BERKAS.html (siap cetak) atau BERKAS.txt, bukan ke layar",
    ),
    (
        "Record that a recommended placement departed",
        "Catat keberangkatan penempatan yang sudah direkomendasikan",
    ),
    ("Departure date", "Tanggal berangkat"),
    (
        "Passport number [default: the one recorded with `recommendation used`]",
        "Nomor paspor [bawaan: yang dicatat dengan `recommendation used`]",
    ),
    (
        "Cancel a placement before departure",
        "Batalkan penempatan sebelum berangkat",
    ),
    (
        "FAILED_DEPARTURE, WITHDRAWN, PREVENTED_NONPROCEDURAL, UNFIT or OTHER",
        "Alasan: FAILED_DEPARTURE, WITHDRAWN, PREVENTED_NONPROCEDURAL, UNFIT atau OTHER",
    ),
    ("Note on the cancellation", "Catatan pembatalan"),
    (
        "Record that a departed worker came home",
        "Catat kepulangan pekerja yang sudah berangkat",
    ),
    ("Return date", "Tanggal pulang"),
    // Protection cases
    (
        "Open a protection case (complaint or incident)",
        "Buka pengaduan pelindungan (aduan atau kejadian)",
    ),
    (
        "Category, e.g. UNPAID_WAGES, TRAFFICKING (TPPO), DIED_ABROAD (see `ref codes \"case category\"`)",
        "Kategori, mis. UNPAID_WAGES, TRAFFICKING (TPPO), DIED_ABROAD (lihat `ref codes \"case category\"`)",
    ),
    (
        "Date the complaint was received",
        "Tanggal pengaduan diterima",
    ),
    ("NIK of the worker, if known", "NIK pekerja, bila diketahui"),
    (
        "Name of the worker (needed when the NIK is unknown or not on record)",
        "Nama pekerja (perlu bila NIK tidak diketahui atau belum tercatat)",
    ),
    ("Sex of the worker: L or P", "Jenis kelamin pekerja: L atau P"),
    ("Date of birth of the worker", "Tanggal lahir pekerja"),
    (
        "Home regency of the worker (anywhere in Indonesia)",
        "Kabupaten/kota domisili pekerja (di seluruh Indonesia)",
    ),
    ("Country where it happened", "Negara tempat kejadian"),
    (
        "IN_PERSON, PHONE, EMAIL, ONLINE_FORM, SOCIAL_MEDIA, SMS, LETTER, OTHER",
        "Saluran: IN_PERSON, PHONE, EMAIL, ONLINE_FORM, SOCIAL_MEDIA, SMS, LETTER, OTHER",
    ),
    (
        "PROCEDURAL, NONPROCEDURAL or UNKNOWN",
        "Status prosedural: PROCEDURAL, NONPROCEDURAL atau UNKNOWN",
    ),
    ("Who complained", "Nama pengadu"),
    (
        "The complainant's relation to the worker, e.g. \"istri\", \"orang tua\", \"diri sendiri\"",
        "Hubungan pengadu dengan pekerja, mis. \"istri\", \"orang tua\", \"diri sendiri\"",
    ),
    ("What happened", "Ringkasan kejadian"),
    (
        "Follow protection cases: show, list, note, act, refer, resolve, close, reopen",
        "Tindak lanjut pengaduan: lihat, daftar, catatan, tindakan, rujukan, selesai, tutup, buka kembali",
    ),
    (
        "A case and its whole timeline",
        "Satu pengaduan dengan seluruh riwayat penanganannya",
    ),
    ("Case number or uid", "Nomor atau uid pengaduan"),
    (
        "Cases, by status, category, country, reporting dates; overdue ones; mine",
        "Daftar pengaduan menurut status, kategori, negara, tanggal pengaduan; yang lewat batas waktu; milik saya",
    ),
    (
        "NEW, IN_PROGRESS, REFERRED, RESOLVED or CLOSED",
        "Status: NEW, IN_PROGRESS, REFERRED, RESOLVED atau CLOSED",
    ),
    (
        "Case category, e.g. UNPAID_WAGES or TPPO (see `ref codes \"case category\"`)",
        "Kategori pengaduan, mis. UNPAID_WAGES atau TPPO (lihat `ref codes \"case category\"`)",
    ),
    (
        "Country where it happened (code or name)",
        "Negara tempat kejadian (kode atau nama)",
    ),
    (
        "Reported on or after",
        "Diadukan pada atau sesudah tanggal ini",
    ),
    (
        "Reported on or before",
        "Diadukan pada atau sebelum tanggal ini",
    ),
    (
        "Only open cases past a closure deadline, with the reason they could be closed for",
        "Hanya pengaduan terbuka yang lewat batas waktu, dengan alasan penutupan yang dapat dipakai",
    ),
    (
        "Only cases opened by me (--clerk)",
        "Hanya pengaduan yang saya buka (--clerk)",
    ),
    (
        "Add a note to a case's timeline",
        "Tambahkan catatan ke riwayat penanganan pengaduan",
    ),
    ("The note", "Isi catatan"),
    (
        "Now waiting for: DOCUMENTS, CLARIFICATION, RESPONSE (after telling them it cannot be resolved), CONTACT (they could not be reached), or NOTHING",
        "Yang kini ditunggu: DOCUMENTS, CLARIFICATION, RESPONSE (sesudah pengadu diberi tahu bahwa pengaduan tidak dapat diselesaikan), CONTACT (pengadu tidak dapat dihubungi), atau NOTHING",
    ),
    ("The complainant was reached", "Pengadu berhasil dihubungi"),
    (
        "Date of the event [default: today]",
        "Tanggal kegiatan [bawaan: hari ini]",
    ),
    (
        "Record an action: consultation, clarification, mediation, claim, litigation, coordination",
        "Catat tindakan: konsultasi, klarifikasi, mediasi, klaim, pendampingan hukum, koordinasi",
    ),
    (
        "CONSULTATION, CLARIFICATION, MEDIATION, SOCIAL_SECURITY_CLAIM, LITIGATION_ASSISTANCE, COORDINATION",
        "Jenis: CONSULTATION, CLARIFICATION, MEDIATION, SOCIAL_SECURITY_CLAIM, LITIGATION_ASSISTANCE, COORDINATION",
    ),
    (
        "Partner involved, e.g. P3MI, EMBASSY (see `ref codes partner`)",
        "Mitra yang terlibat, mis. P3MI, EMBASSY (lihat `ref codes partner`)",
    ),
    ("Number of the letter sent", "Nomor surat yang dikirim"),
    ("Note on the action", "Catatan tindakan"),
    (
        "Refer the case to a partner agency",
        "Rujuk pengaduan ke instansi mitra",
    ),
    (
        "POLICE, EMBASSY, IMMIGRATION, LABOUR_OFFICE_PROVINCE, SOCIAL_SERVICES, BPJS, HOSPITAL...",
        "Mitra: POLICE, EMBASSY, IMMIGRATION, LABOUR_OFFICE_PROVINCE, SOCIAL_SERVICES, BPJS, HOSPITAL...",
    ),
    ("Number of the referral letter", "Nomor surat rujukan"),
    ("Note on the referral", "Catatan rujukan"),
    (
        "Date of the referral [default: today]",
        "Tanggal rujukan [bawaan: hari ini]",
    ),
    (
        "Mark the case resolved, with its outcome",
        "Tandai pengaduan selesai, dengan hasilnya",
    ),
    (
        "What was achieved, e.g. \"Gaji dibayar penuh\"",
        "Hasil yang dicapai, mis. \"Gaji dibayar penuh\"",
    ),
    (
        "Date it was resolved [default: today]",
        "Tanggal selesai [bawaan: hari ini]",
    ),
    (
        "Close the case without resolution, for a reason of Perban 6/2024 Art. 30",
        "Tutup pengaduan tanpa penyelesaian, dengan alasan menurut Perban 6/2024 Pasal 30",
    ),
    (
        "DOCS_NOT_COMPLETED_30D, NO_CLARIFICATION_15WD, UNREACHABLE_60D, HANDED_TO_AGENCY, NO_RESPONSE_6M",
        "Alasan: DOCS_NOT_COMPLETED_30D, NO_CLARIFICATION_15WD, UNREACHABLE_60D, HANDED_TO_AGENCY, NO_RESPONSE_6M",
    ),
    ("Note on the closure", "Catatan penutupan"),
    (
        "Date it was closed [default: today]",
        "Tanggal ditutup [bawaan: hari ini]",
    ),
    (
        "Reopen a resolved or closed case",
        "Buka kembali pengaduan yang sudah selesai atau ditutup",
    ),
    ("Why the case is reopened", "Alasan dibuka kembali"),
    (
        "Date it was reopened [default: today]",
        "Tanggal dibuka kembali [bawaan: hari ini]",
    ),
    // Repatriations
    (
        "Record a facilitated return (troubled, deported, sick, remains...)",
        "Catat pemulangan yang difasilitasi (bermasalah, dideportasi, sakit, jenazah...)",
    ),
    (
        "TROUBLED, DEPORTED, SICK, DECEASED (JENAZAH), CPMI, FAMILY, MIXED",
        "Kategori: TROUBLED, DEPORTED, SICK, DECEASED (JENAZAH), CPMI, FAMILY, MIXED",
    ),
    ("Arrival date", "Tanggal tiba"),
    (
        "The protection case this return belongs to",
        "Pengaduan yang terkait dengan pemulangan ini",
    ),
    ("Country returned from", "Negara asal kepulangan"),
    (
        "Debarkation point [default: the first of the `debarkation.points` setting, BIM]",
        "Tempat debarkasi [bawaan: yang pertama dalam pengaturan `debarkation.points`, BIM]",
    ),
    (
        "Home regency to return to [default: the person's]",
        "Kabupaten/kota tujuan pulang [bawaan: domisili orang tersebut]",
    ),
    ("Who escorted the worker", "Pendamping pekerja"),
    (
        "Fit-to-travel letter (required for SICK)",
        "Surat layak terbang (wajib untuk SICK)",
    ),
    (
        "Cause of death, when known (DECEASED)",
        "Penyebab kematian, bila diketahui (DECEASED)",
    ),
    (
        "Cargo / airway bill number of the remains (DECEASED)",
        "Nomor kargo / surat muatan udara jenazah (DECEASED)",
    ),
    ("Other notes", "Catatan lain"),
    (
        "Mark the person's departed placement as returned on the arrival date",
        "Tandai penempatan orang ini yang berstatus berangkat menjadi pulang pada tanggal tiba",
    ),
    (
        "Record the handover of a returned worker or remains",
        "Catat serah terima pekerja atau jenazah yang dipulangkan",
    ),
    ("Repatriation number or uid", "Nomor atau uid pemulangan"),
    (
        "FAMILY, FAMILY_PROXY, SOCIAL_SERVICES, HOSPITAL, OTHER_UNIT",
        "Diserahkan kepada: FAMILY, FAMILY_PROXY, SOCIAL_SERVICES, HOSPITAL, OTHER_UNIT",
    ),
    ("Handover date", "Tanggal serah terima"),
    (
        "Number of the handover record (berita acara serah terima)",
        "Nomor berita acara serah terima",
    ),
    (
        "Name of the person who received the worker or the remains",
        "Nama penerima pekerja atau jenazah",
    ),
    (
        "The receiver's relation to the worker, e.g. \"istri\", \"orang tua\"",
        "Hubungan penerima dengan pekerja, mis. \"istri\", \"orang tua\"",
    ),
    (
        "The witnessing local or village government",
        "Pemerintah daerah atau desa/nagari yang menjadi saksi",
    ),
    ("List or show repatriations", "Daftar atau lihat pemulangan"),
    (
        "Repatriations by category, arrival dates, regency, handed over or not",
        "Daftar pemulangan menurut kategori, tanggal tiba, kabupaten/kota, sudah atau belum diserahterimakan",
    ),
    (
        "Arrived on or after this date",
        "Tiba pada atau sesudah tanggal ini",
    ),
    (
        "Arrived on or before this date",
        "Tiba pada atau sebelum tanggal ini",
    ),
    (
        "yes: only handed over; no: only those still waiting",
        "ya: hanya yang sudah diserahterimakan; tidak: hanya yang masih menunggu",
    ),
    ("One repatriation", "Satu pemulangan"),
    // Statistics
    (
        "Statistics: placements, registrations, recommendations, cases, repatriations, summary",
        "Statistik: penempatan, pendaftaran, rekomendasi, pengaduan, pemulangan, ringkasan",
    ),
    ("What to count", "Yang dihitung"),
    (
        "First day of the period (inclusive)",
        "Hari pertama periode (ikut dihitung)",
    ),
    (
        "Last day of the period (inclusive) [default: today]",
        "Hari terakhir periode (ikut dihitung) [bawaan: hari ini]",
    ),
    ("A calendar year, e.g. 2023", "Satu tahun kalender, mis. 2023"),
    ("A month, e.g. 2023-11 or 11-2023", "Satu bulan, mis. 2023-11 atau 11-2023"),
    (
        "From 1 January to today (the default period)",
        "Dari 1 Januari sampai hari ini (periode bawaan)",
    ),
    (
        "Dimensions, e.g. scheme or country,sex (see `report KIND --help` in docs/reports.md)",
        "Dimensi, mis. scheme atau country,sex (daftarnya per laporan ada di docs/reports.md)",
    ),
    (
        "The date the figures are as of: what is open, what was handed over [default: today]",
        "Tanggal posisi data: apa yang masih terbuka, apa yang sudah diserahterimakan [bawaan: hari ini]",
    ),
    (
        "Add the earlier figure and the change",
        "Tambahkan angka periode pembanding dan perubahannya",
    ),
    (
        "Write to this file instead of standard output",
        "Tulis ke berkas ini, bukan ke layar",
    ),
    (
        "Run a read-only SQL query for ad-hoc statistics (see docs/queries.md for the views)",
        "Jalankan kueri SQL baca-saja untuk statistik khusus (daftar tabel ada di docs/queries.md)",
    ),
    (
        "One SELECT statement, e.g. \"SELECT scheme, count(*) FROM v_placements GROUP BY scheme\"",
        "Satu pernyataan SELECT, mis. \"SELECT scheme, count(*) FROM v_placements GROUP BY scheme\"",
    ),
    // Exchange, backup, audit log, shell
    (
        "Export records as a folder of CSV files (the exchange format) for another office, or as one .xlsx workbook",
        "Ekspor data sebagai folder berkas CSV (format pertukaran) untuk kantor lain, atau sebagai satu buku kerja .xlsx",
    ),
    (
        "Folder to create (it appears whole or not at all); a name ending in .xlsx writes a workbook as --xlsx does",
        "Folder yang dibuat (muncul utuh atau tidak sama sekali); nama berakhiran .xlsx menulis buku kerja seperti --xlsx",
    ),
    (
        "Write one .xlsx workbook instead of a folder: a sheet per exchange file, NIKs and codes as text, dates as dates",
        "Tulis satu buku kerja .xlsx, bukan folder: satu lembar per berkas pertukaran, NIK dan kode sebagai teks, tanggal sebagai tanggal",
    ),
    (
        "Only records changed after this moment (YYYY-MM-DD or RFC 3339)",
        "Hanya data yang berubah sesudah waktu ini (YYYY-MM-DD atau RFC 3339)",
    ),
    (
        "Only records changed after this change sequence number (the `seq_to` of an earlier export's manifest), for scripts that keep their own place",
        "Hanya data yang berubah sesudah nomor urut perubahan ini (`seq_to` di manifest ekspor sebelumnya), untuk skrip yang mencatat posisinya sendiri",
    ),
    (
        "Only records changed since the last folder for the office named by --to (for nightly runs; each recipient has its own point)",
        "Hanya data yang berubah sejak folder terakhir untuk kantor yang disebut --to (untuk ekspor malam hari; setiap penerima punya titiknya sendiri)",
    ),
    (
        "The office the folder is for (its code, e.g. BP3MI-SB): a complete folder for it moves its point for --since-last; an export without --to moves no point",
        "Kantor tujuan folder (kodenya, mis. BP3MI-SB): folder lengkap untuknya menggeser titik --since-last miliknya; ekspor tanpa --to tidak menggeser titik apa pun",
    ),
    (
        "Only these files, e.g. persons,placements",
        "Hanya berkas ini, mis. persons,placements",
    ),
    (
        "For statistics outside the office: NIK to 12 digits, names to initials, no contact details",
        "Untuk statistik di luar kantor: NIK dipotong menjadi 12 angka, nama menjadi inisial, tanpa data kontak",
    ),
    (
        "Replace an earlier export in that folder or workbook (never anything else)",
        "Ganti ekspor sebelumnya di folder atau buku kerja itu (tidak pernah yang lain)",
    ),
    (
        "Import an exchange folder, one CSV file or an .xlsx workbook; a malformed file writes nothing, another office's clash waits for review",
        "Impor folder pertukaran, satu berkas CSV atau buku kerja .xlsx; berkas yang rusak tidak menulis apa pun, bentrokan dengan kantor lain menunggu pemeriksaan",
    ),
    (
        "An exchange folder, one CSV file (its kind is recognised from its header), or an .xlsx workbook with a sheet per file",
        "Folder pertukaran, satu berkas CSV (jenisnya dikenali dari baris judulnya), atau buku kerja .xlsx dengan satu lembar per berkas",
    ),
    (
        "Check everything and report what would change; write nothing",
        "Periksa semuanya dan laporkan apa yang akan berubah; tidak ada yang ditulis",
    ),
    (
        "Also write every error and conflict as CSV (kind, file, line, column, value, reason), when there are any; a new .csv file, or with --force an error list pmi-desk wrote before",
        "Tulis juga setiap kesalahan dan bentrokan sebagai CSV (jenis, berkas, baris, kolom, nilai, alasan), bila ada; berkas .csv baru, atau dengan --force daftar kesalahan yang ditulis pmi-desk sebelumnya",
    ),
    (
        "Replace an error list pmi-desk wrote to the --errors file before (never any other file)",
        "Ganti daftar kesalahan yang ditulis pmi-desk ke berkas --errors sebelumnya (tidak pernah berkas lain)",
    ),
    (
        "Replace a key file pmi-desk wrote there before (never any other file)",
        "Ganti berkas kunci yang ditulis pmi-desk di sana sebelumnya (tidak pernah berkas lain)",
    ),
    (
        "Replace a letter pmi-desk wrote to that file before (never any other file)",
        "Ganti surat yang ditulis pmi-desk ke berkas itu sebelumnya (tidak pernah berkas lain)",
    ),
    (
        "Replace a query result pmi-desk wrote to that file before (never any other file)",
        "Ganti hasil query yang ditulis pmi-desk ke berkas itu sebelumnya (tidak pernah berkas lain)",
    ),
    (
        "Replace a report pmi-desk wrote to that file before (never any other file)",
        "Ganti laporan yang ditulis pmi-desk ke berkas itu sebelumnya (tidak pernah berkas lain)",
    ),
    (
        "Store rows with warnings (a NIK that disagrees with the sex or birth date), as register does (folders of an older pmi-desk and unsigned folders; a signed folder's warnings travel with its records and new ones wait for review)",
        "Simpan baris yang berperingatan (NIK yang tidak cocok dengan jenis kelamin atau tanggal lahir), seperti pada register (folder pmi-desk lama dan folder tanpa tanda tangan; peringatan folder bertanda tangan ikut bersama datanya dan peringatan baru menunggu pemeriksaan)",
    ),
    (
        "Accept a folder without a valid signature (made by hand, edited in a spreadsheet, from an older pmi-desk, a workbook or a single file): read as from an unknown sender, under the rules of version 1",
        "Terima folder tanpa tanda tangan yang sah (dibuat sendiri, disunting di spreadsheet, dari pmi-desk lama, buku kerja atau satu berkas): dibaca sebagai kiriman pengirim tak dikenal, dengan aturan versi 1",
    ),
    (
        "Copy the whole database, consistently, to a new file (safe while others work)",
        "Salin seluruh basis data secara utuh ke berkas baru (aman walau petugas lain sedang bekerja)",
    ),
    ("The backup file to create", "Berkas cadangan yang dibuat"),
    (
        "Replace an earlier backup (only a pmi-desk database is ever replaced)",
        "Ganti cadangan lama (hanya basis data pmi-desk yang pernah diganti)",
    ),
    (
        "Show the audit log: who changed what, and when",
        "Tampilkan log audit: siapa mengubah apa, dan kapan",
    ),
    (
        "Only entries at or after this time (YYYY-MM-DD, YYYY-MM-DDTHH:MM in UTC, or RFC 3339)",
        "Hanya catatan pada atau sesudah waktu ini (YYYY-MM-DD, YYYY-MM-DDTHH:MM dalam UTC, atau RFC 3339)",
    ),
    (
        "Print shell completions",
        "Cetak skrip pelengkap otomatis untuk shell",
    ),
    ("The shell to complete for", "Shell yang dilengkapi"),
    (
        "Print the manual page (roff)",
        "Cetak halaman manual (format roff)",
    ),
    (
        "Also require this earlier audit head (an export manifest's \"audit_head\") to be in the audit log's chain",
        "Wajibkan juga kepala audit sebelumnya ini (\"audit_head\" di manifest ekspor) ada dalam rantai log audit",
    ),
    (
        "With --verify: also require this earlier head (an export manifest's \"audit_head\") to be in the chain, which catches a log rewritten or trimmed since",
        "Dengan --verify: wajibkan juga kepala sebelumnya ini (\"audit_head\" di manifest ekspor) ada dalam rantai, sehingga log yang ditulis ulang atau dipotong sejak itu ketahuan",
    ),
    (
        "Verify the hash chain of the whole log instead of listing it: exit 1 at the first altered, removed or reordered entry",
        "Periksa rantai hash seluruh log alih-alih menampilkannya: keluar 1 pada entri pertama yang diubah, dihapus atau dipindah urutannya",
    ),
    (
        "Print every row, also in a table on a terminal",
        "Tampilkan semua baris, juga dalam tabel di terminal",
    ),
    (
        "Print at most N rows [default: 200 for a table on a terminal, else every row]",
        "Tampilkan paling banyak N baris [bawaan: 200 untuk tabel di terminal, selain itu semua baris]",
    ),
    (
        "Write to this file; its extension chooses the format (.csv, .json, .txt, .xlsx)",
        "Tulis ke berkas ini; ekstensinya menentukan format (.csv, .json, .txt, .xlsx)",
    ),
    (
        "Stop the query after this many seconds of work (0: no limit)",
        "Hentikan kueri sesudah sekian detik bekerja (0: tanpa batas)",
    ),
    // docs verify | edit | remove
    (
        "Mark a placement's document verified: the clerk has seen and checked the original",
        "Tandai dokumen penempatan sudah diverifikasi: petugas sudah melihat dan memeriksa aslinya",
    ),
    (
        "Correct a placement's document: its number, issue or expiry date",
        "Perbaiki dokumen penempatan: nomornya, tanggal terbit atau tanggal berlakunya",
    ),
    (
        "Remove a document recorded by mistake: it is kept with the reason and no longer counts",
        "Hapus dokumen yang salah dicatat: tetap disimpan beserta alasannya dan tidak dihitung lagi",
    ),
    (
        "The corrected document number (\"\" clears it)",
        "Nomor dokumen yang benar (\"\" mengosongkannya)",
    ),
    (
        "The corrected issue date (\"\" clears it)",
        "Tanggal terbit yang benar (\"\" mengosongkannya)",
    ),
    (
        "The corrected expiry date (\"\" clears it)",
        "Tanggal berlaku sampai yang benar (\"\" mengosongkannya)",
    ),
    (
        "Why it is removed (kept with the document and in the audit log)",
        "Alasan dihapus (disimpan bersama dokumen dan di log audit)",
    ),
];

/// (English, Indonesian) for every value name, as in `--on <DATE>` or `<PLACEMENT>`.
pub(super) const VALUE_NAMES: &[(&str, &str)] = &[
    ("CASE", "PENGADUAN"),
    ("CODE", "KODE"),
    ("CODES", "KODE"),
    ("COUNTRY", "NEGARA"),
    ("DATE", "TANGGAL"),
    ("DIMS", "DIMENSI"),
    ("DIR", "FOLDER"),
    ("FILE", "BERKAS"),
    ("FORMAT", "FORMAT"),
    ("HASH", "HASH"),
    ("KEY", "KUNCI"),
    ("KIND", "JENIS"),
    ("KINDS", "JENIS"),
    ("LANG", "BAHASA"),
    ("LETTER", "SURAT"),
    ("LIST", "DAFTAR"),
    ("L|P", "L|P"),
    ("N", "JUMLAH"),
    ("NAME", "NAMA"),
    ("NIK", "NIK"),
    ("NUMBER", "NOMOR"),
    ("OFFICE", "KANTOR"),
    ("PATH", "LOKASI"),
    ("PERIOD", "PEMBANDING"),
    ("PHONE", "TELEPON"),
    ("PLACEMENT", "PENEMPATAN"),
    ("REGENCY", "KAB_KOTA"),
    ("REPATRIATION", "PEMULANGAN"),
    ("SECONDS", "DETIK"),
    ("SHELL", "SHELL"),
    ("SITE", "SITUS"),
    ("ID", "NO"),
    ("PERSON", "ORANG"),
    ("WHICH", "YANG_MANA"),
    ("SQL", "SQL"),
    ("TEXT", "TEKS"),
    ("TIME", "WAKTU"),
    ("UID|NUMBER|NIK", "UID|NOMOR|NIK"),
    ("VALUE", "NILAI"),
    ("YES|NO", "YA|TIDAK"),
    ("YYYY", "YYYY"),
    ("YYYY-MM", "YYYY-MM"),
];

fn index(table: &'static [(&'static str, &'static str)]) -> HashMap<&'static str, &'static str> {
    table.iter().copied().collect()
}

/// The Indonesian of an English help text, if the table has it.
pub(super) fn text(english: &str) -> Option<&'static str> {
    static INDEX: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    INDEX.get_or_init(|| index(TEXTS)).get(english).copied()
}

/// The Indonesian of a value name, if the table has it.
pub(super) fn value_name(english: &str) -> Option<&'static str> {
    static INDEX: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    INDEX
        .get_or_init(|| index(VALUE_NAMES))
        .get(english)
        .copied()
}
