//! The examples shown at the end of each command's help: 2 to 4 real command lines per command, each
//! with a caption in both languages. A test parses every one of them against the command line, so an
//! example cannot name an option that does not exist.

/// One example: what it does (Indonesian, English) and the command line, unwrapped.
pub(super) struct Example {
    pub id: &'static str,
    pub en: &'static str,
    pub command: &'static str,
}

const fn ex(id: &'static str, en: &'static str, command: &'static str) -> Example {
    Example { id, en, command }
}

/// The examples of each command, by its path below `pmi-desk` ("" for `pmi-desk` itself).
pub(super) const EXAMPLES: &[(&str, &[Example])] = &[
    (
        "",
        &[
            ex(
                "Coba dulu dengan basis data contoh",
                "Try it first on a demo database",
                "pmi-desk demo",
            ),
            ex(
                "Siapkan kantor baru",
                "Set up a new office",
                "pmi-desk init --office-code BP3MI-SB --office-name \"BP3MI Sumatera Barat\"",
            ),
            ex(
                "Bantuan satu perintah, dengan contohnya",
                "The help of one command, with its examples",
                "pmi-desk register --help",
            ),
            ex(
                "Semua bantuan dan pesan dalam bahasa Indonesia",
                "Help and messages in Indonesian",
                "pmi-desk --lang id --help",
            ),
        ],
    ),
    (
        "init",
        &[
            ex(
                "Siapkan kantor BP3MI Sumatera Barat",
                "Set up the West Sumatra office",
                "pmi-desk init --office-code BP3MI-SB --office-name \"BP3MI Sumatera Barat\"",
            ),
            ex(
                "Kantor di provinsi lain, dengan berkas basis data sendiri",
                "An office in another province, with its own database file",
                "pmi-desk --db bp3mi-jateng.db init --office-code BP3MI-JT --office-name \"BP3MI Jawa Tengah\" --province 33",
            ),
        ],
    ),
    (
        "config",
        &[
            ex(
                "Lihat semua pengaturan",
                "See every setting",
                "pmi-desk config list",
            ),
            ex(
                "Ganti nama penanda tangan surat",
                "Change the name of the letters' signatory",
                "pmi-desk config set signatory.name \"Drs. Ahmad Fauzi\"",
            ),
        ],
    ),
    (
        "config list",
        &[
            ex(
                "Semua pengaturan dengan keterangannya",
                "Every setting with its meaning",
                "pmi-desk config list",
            ),
            ex(
                "Simpan sebagai CSV",
                "Save them as CSV",
                "pmi-desk config list --format csv > pengaturan.csv",
            ),
        ],
    ),
    (
        "config get",
        &[
            ex(
                "Format nomor surat rekomendasi",
                "The letter number template",
                "pmi-desk config get letter.template",
            ),
            ex(
                "Kantor imigrasi tujuan surat",
                "The immigration office letters go to",
                "pmi-desk config get immigration.default",
            ),
        ],
    ),
    (
        "config set",
        &[
            ex(
                "Nama penanda tangan surat",
                "The signatory's name",
                "pmi-desk config set signatory.name \"Drs. Ahmad Fauzi\"",
            ),
            ex(
                "Hari libur, untuk batas 15 hari kerja",
                "Public holidays, for the 15-working-day deadline",
                "pmi-desk config set holidays 2023-12-25,2023-12-26",
            ),
            ex(
                "Masa berlaku rekomendasi paspor (hari)",
                "How long a passport recommendation stays valid (days)",
                "pmi-desk config set recommendation.validity_days 30",
            ),
        ],
    ),
    (
        "check",
        &[
            ex(
                "Periksa basis data yang biasa dipakai",
                "Check the usual database",
                "pmi-desk check",
            ),
            ex(
                "Periksa berkas lain, hasil sebagai JSON",
                "Check another file, as JSON",
                "pmi-desk --db salinan.db check --format json",
            ),
        ],
    ),
    (
        "demo",
        &[
            ex(
                "Buat basis data contoh",
                "Write the demo database",
                "pmi-desk demo",
            ),
            ex(
                "Buat ulang di berkas tertentu",
                "Write it again to a chosen file",
                "pmi-desk demo --db latihan.db --force",
            ),
            ex(
                "Data sebesar skala nasional, untuk uji kecepatan",
                "National-scale data, for speed tests",
                "pmi-desk demo --db besar.db --scale 100",
            ),
        ],
    ),
    (
        "ref",
        &[
            ex(
                "Kabupaten/kota di Sumatera Barat",
                "Regencies and cities of West Sumatra",
                "pmi-desk ref regencies --province 13",
            ),
            ex(
                "Kode kategori pengaduan",
                "The case category codes",
                "pmi-desk ref codes \"case category\"",
            ),
        ],
    ),
    (
        "ref regencies",
        &[
            ex(
                "Semua kabupaten/kota",
                "Every regency and city",
                "pmi-desk ref regencies",
            ),
            ex(
                "Hanya Sumatera Barat",
                "West Sumatra only",
                "pmi-desk ref regencies --province 13",
            ),
        ],
    ),
    (
        "ref districts",
        &[
            ex(
                "Kecamatan di Kota Padang",
                "The districts of Kota Padang",
                "pmi-desk ref districts --regency 1371",
            ),
            ex(
                "Dengan nama kabupaten",
                "By the regency's name",
                "pmi-desk ref districts --regency \"Kabupaten Agam\"",
            ),
        ],
    ),
    (
        "ref countries",
        &[
            ex(
                "Semua negara dengan kodenya",
                "Every country with its codes",
                "pmi-desk ref countries",
            ),
            ex(
                "Sebagai CSV",
                "As CSV",
                "pmi-desk ref countries --format csv",
            ),
        ],
    ),
    (
        "ref codes",
        &[
            ex("Semua daftar kode", "Every code list", "pmi-desk ref codes"),
            ex(
                "Kode skema penempatan",
                "The placement scheme codes",
                "pmi-desk ref codes scheme",
            ),
            ex(
                "Kode jenis dokumen",
                "The document kind codes",
                "pmi-desk ref codes \"document kind\"",
            ),
        ],
    ),
    (
        "register",
        &[
            ex(
                "CPMI skema mandiri ke Malaysia",
                "An individual (mandiri) placement to Malaysia",
                "pmi-desk register --nik 1371021508900001 --name \"Budi Santoso\" --sex L --birth-place Padang --birth-date 15-08-1990 --regency 1371 --scheme MANDIRI --country MY",
            ),
            ex(
                "Melalui P3MI, ke Taiwan, dengan alamat dan jabatan",
                "Through a P3MI to Taiwan, with address and job",
                "pmi-desk register --nik 1306085705940002 --name \"Siti Rahmah\" --sex P --birth-place \"Lubuk Basung\" --birth-date 17-05-1994 --regency \"Kabupaten Agam\" --address \"Jorong Sungai Jariang\" --phone 081266554433 --scheme P3MI --p3mi \"PT Sumber Rezeki\" --country Taiwan --sector INFORMAL --occupation Caregiver",
            ),
            ex(
                "Di terminal, kolom yang belum diisi akan ditanyakan",
                "On a terminal, the fields not given are asked for",
                "pmi-desk register --nik 1371021508900001",
            ),
        ],
    ),
    (
        "worker",
        &[
            ex(
                "Cari pekerja dengan namanya",
                "Find a worker by name",
                "pmi-desk worker find rahmah",
            ),
            ex(
                "Semua data satu pekerja",
                "Everything about one worker",
                "pmi-desk worker show REG-2023-00002",
            ),
            ex(
                "Yang masih menunggu rekomendasi",
                "Those still waiting for a recommendation",
                "pmi-desk worker list --stage REGISTERED",
            ),
        ],
    ),
    (
        "worker show",
        &[
            ex(
                "Dengan nomor pendaftaran",
                "By registration number",
                "pmi-desk worker show REG-2023-00002",
            ),
            ex(
                "Dengan NIK",
                "By NIK",
                "pmi-desk worker show 1371021508900001",
            ),
        ],
    ),
    (
        "worker find",
        &[
            ex(
                "Bagian-bagian nama, tanpa tanda kutip",
                "Parts of a name, no quotes needed",
                "pmi-desk worker find siti rah",
            ),
            ex(
                "Awal NIK",
                "The start of a NIK",
                "pmi-desk worker find 137102",
            ),
        ],
    ),
    (
        "worker list",
        &[
            ex(
                "Terdaftar melalui P3MI",
                "Registered through a P3MI",
                "pmi-desk worker list --stage REGISTERED --scheme P3MI",
            ),
            ex(
                "Tujuan Malaysia, didaftarkan semester pertama 2023",
                "To Malaysia, registered in the first half of 2023",
                "pmi-desk worker list --country MY --from 2023-01-01 --to 2023-06-30",
            ),
            ex(
                "Dari Kota Padang, sebagai CSV",
                "From Kota Padang, as CSV",
                "pmi-desk worker list --regency \"Kota Padang\" --format csv > padang.csv",
            ),
        ],
    ),
    (
        "worker edit",
        &[
            ex(
                "Perbaiki nomor telepon",
                "Correct the phone number",
                "pmi-desk worker edit REG-2023-00002 --phone 081234567890",
            ),
            ex(
                "Lengkapi alamat dan jabatan",
                "Add the address and the job",
                "pmi-desk worker edit REG-2023-00002 --address \"Jl. Sudirman No. 5, Padang\" --occupation Caregiver",
            ),
            ex(
                "Perbaiki NIK yang salah ketik",
                "Correct a mistyped NIK",
                "pmi-desk worker edit REG-2023-00002 --nik 1371021508900002 --yes",
            ),
        ],
    ),
    (
        "worker merge",
        &[
            ex(
                "Dua pendaftaran satu orang",
                "Two registrations of one person",
                "pmi-desk worker merge BP3MI-SB-REG-2023-00002 AGAM-REG-2023-00017",
            ),
            ex(
                "Tanpa bertanya, dengan alasan",
                "Without asking, with the reason",
                "pmi-desk worker merge REG-2023-00002 REG-2023-00005 --note \"KTP sama\" --yes",
            ),
        ],
    ),
    (
        "docs",
        &[
            ex(
                "Catat KTP yang sudah diperiksa",
                "Record a checked ID card",
                "pmi-desk docs add REG-2023-00002 --kind KTP --verified",
            ),
            ex(
                "Dokumen yang masih kurang",
                "What is still missing",
                "pmi-desk docs check REG-2023-00002",
            ),
            ex(
                "Perbaiki nomor yang salah ketik",
                "Correct a mistyped number",
                "pmi-desk docs edit REG-2023-00002 --kind KTP --number 1371021508900001",
            ),
        ],
    ),
    (
        "docs add",
        &[
            ex(
                "KTP, aslinya sudah dilihat",
                "The ID card, original seen",
                "pmi-desk docs add REG-2023-00002 --kind KTP --verified",
            ),
            ex(
                "Surat keterangan sehat dengan masa berlakunya",
                "The medical certificate with its validity",
                "pmi-desk docs add REG-2023-00002 --kind MEDICAL_CERTIFICATE --number MCU-0912 --issued 01-11-2023 --expires 30-01-2024 --verified",
            ),
            ex(
                "Paspor",
                "The passport",
                "pmi-desk docs add REG-2023-00002 --kind PASSPORT --number C1234567 --issued 15-11-2023 --expires 14-11-2033",
            ),
        ],
    ),
    (
        "docs verify",
        &[
            ex(
                "Tandai KTP sudah diperiksa aslinya",
                "Mark the KTP checked against the original",
                "pmi-desk docs verify REG-2023-00002 --kind KTP",
            ),
            ex(
                "Lewat NIK pekerja",
                "By the worker's NIK",
                "pmi-desk docs verify 1371021508900001 --kind MEDICAL_CERTIFICATE",
            ),
        ],
    ),
    (
        "docs edit",
        &[
            ex(
                "Perbaiki nomor paspor yang salah ketik",
                "Correct a mistyped passport number",
                "pmi-desk docs edit REG-2023-00002 --kind PASSPORT --number C1234567",
            ),
            ex(
                "Perbaiki tanggal dan tandai sudah diverifikasi",
                "Correct the dates and mark it verified",
                "pmi-desk docs edit REG-2023-00002 --kind MEDICAL_CERTIFICATE --issued 01-11-2023 --expires 30-01-2024 --verified",
            ),
            ex(
                "Kosongkan tanggal berlaku",
                "Clear the expiry date",
                "pmi-desk docs edit REG-2023-00002 --kind KTP --expires \"\"",
            ),
        ],
    ),
    (
        "docs remove",
        &[
            ex(
                "Hapus dokumen yang salah dicatat (tetap disimpan)",
                "Remove a document recorded by mistake (it is kept)",
                "pmi-desk docs remove REG-2023-00002 --kind DIPLOMA --reason \"Salah pilih jenis: yang diserahkan akta kelahiran\"",
            ),
            ex(
                "Ganti surat keterangan sehat: hapus yang lama, catat yang baru",
                "Replace a medical certificate: remove the old one, add the new one",
                "pmi-desk docs remove REG-2023-00002 --kind MEDICAL_CERTIFICATE --reason \"Diganti hasil pemeriksaan baru\"",
            ),
        ],
    ),
    (
        "docs list",
        &[
            ex(
                "Dokumen satu penempatan",
                "The documents of a placement",
                "pmi-desk docs list REG-2023-00002",
            ),
            ex(
                "Dengan NIK",
                "By NIK",
                "pmi-desk docs list 1371021508900001",
            ),
        ],
    ),
    (
        "docs check",
        &[
            ex(
                "Yang masih kurang untuk skemanya",
                "What the scheme still needs",
                "pmi-desk docs check REG-2023-00002",
            ),
            ex(
                "Sebagai JSON",
                "As JSON",
                "pmi-desk docs check REG-2023-00002 --format json",
            ),
        ],
    ),
    (
        "recommend-passport",
        &[
            ex(
                "Periksa syarat saja, tanpa mencatat",
                "Check eligibility only, recording nothing",
                "pmi-desk recommend-passport REG-2023-00002 --check",
            ),
            ex(
                "Terbitkan surat rekomendasi",
                "Issue the recommendation letter",
                "pmi-desk recommend-passport REG-2023-00002 --on 08-11-2023",
            ),
            ex(
                "Tolak karena temuan wawancara",
                "Refuse for an interview finding",
                "pmi-desk recommend-passport REG-2023-00002 --refuse TRAFFICKING_INDICATION --note \"Keterangan tidak sesuai dokumen\"",
            ),
        ],
    ),
    (
        "recommendation",
        &[
            ex(
                "Surat yang masih berlaku",
                "The letters still valid",
                "pmi-desk recommendation list --status ISSUED",
            ),
            ex(
                "Catat paspor yang terbit",
                "Record the passport issued",
                "pmi-desk recommendation used B.0001/BP3MI-SB/XI/2023 --passport C1234567 --issued 15-11-2023",
            ),
        ],
    ),
    (
        "recommendation list",
        &[
            ex(
                "Surat yang terbit",
                "The letters issued",
                "pmi-desk recommendation list --status ISSUED",
            ),
            ex(
                "Keputusan bulan November 2023, sebagai CSV",
                "November 2023's decisions, as CSV",
                "pmi-desk recommendation list --from 2023-11-01 --to 2023-11-30 --format csv",
            ),
        ],
    ),
    (
        "recommendation show",
        &[
            ex(
                "Dengan nomor surat",
                "By letter number",
                "pmi-desk recommendation show B.0001/BP3MI-SB/XI/2023",
            ),
            ex(
                "Sebagai JSON",
                "As JSON",
                "pmi-desk recommendation show B.0001/BP3MI-SB/XI/2023 --format json",
            ),
        ],
    ),
    (
        "recommendation void",
        &[
            ex(
                "Batalkan surat yang salah ketik",
                "Void a letter with a typing error",
                "pmi-desk recommendation void B.0001/BP3MI-SB/XI/2023 --reason \"Salah ketik nama\"",
            ),
            ex(
                "Batalkan karena tujuan berubah",
                "Void it because the destination changed",
                "pmi-desk recommendation void B.0002/BP3MI-SB/XI/2023 --reason \"Negara tujuan berubah\"",
            ),
        ],
    ),
    (
        "recommendation used",
        &[
            ex(
                "Paspor terbit berdasarkan surat ini",
                "The passport issued on this letter",
                "pmi-desk recommendation used B.0001/BP3MI-SB/XI/2023 --passport C1234567 --issued 15-11-2023",
            ),
            ex(
                "Tanggal dalam format ISO",
                "With an ISO date",
                "pmi-desk recommendation used B.0002/BP3MI-SB/XI/2023 --passport E7654321 --issued 2023-11-20",
            ),
        ],
    ),
    (
        "letter",
        &[
            ex(
                "Tampilkan surat di layar",
                "Show the letter on screen",
                "pmi-desk letter B.0001/BP3MI-SB/XI/2023",
            ),
            ex(
                "Simpan sebagai PDF untuk dicetak",
                "Save it as PDF to print",
                "pmi-desk letter B.0001/BP3MI-SB/XI/2023 --out surat.pdf",
            ),
            ex(
                "Simpan sebagai HTML",
                "Save it as HTML",
                "pmi-desk letter B.0001/BP3MI-SB/XI/2023 --out surat.html",
            ),
        ],
    ),
    (
        "depart",
        &[
            ex(
                "Berangkat dengan paspor yang sudah dicatat",
                "Departed with the passport on record",
                "pmi-desk depart REG-2023-00002 --on 01-12-2023",
            ),
            ex(
                "Sebutkan nomor paspornya",
                "Giving the passport number",
                "pmi-desk depart REG-2023-00002 --on 01-12-2023 --passport C1234567",
            ),
        ],
    ),
    (
        "cancel",
        &[
            ex(
                "Mengundurkan diri",
                "Withdrawn",
                "pmi-desk cancel REG-2023-00002 --reason WITHDRAWN --note \"Mengundurkan diri karena alasan keluarga\"",
            ),
            ex(
                "Tidak sehat menurut hasil MCU",
                "Medically unfit",
                "pmi-desk cancel REG-2023-00002 --reason UNFIT",
            ),
        ],
    ),
    (
        "return",
        &[
            ex(
                "Pulang setelah kontrak selesai",
                "Home after the contract",
                "pmi-desk return REG-2023-00002 --on 01-12-2025",
            ),
            ex(
                "Dengan NIK",
                "By NIK",
                "pmi-desk return 1371021508900001 --on 2025-12-01",
            ),
        ],
    ),
    (
        "open-case",
        &[
            ex(
                "Gaji tidak dibayar, pekerja sudah tercatat",
                "Unpaid wages, for a registered worker",
                "pmi-desk open-case --category UNPAID_WAGES --reported-on 08-11-2023 --nik 1371021508900001 --country MY --channel IN_PERSON --summary \"Gaji 3 bulan belum dibayar\"",
            ),
            ex(
                "Dugaan TPPO, NIK belum diketahui",
                "Suspected trafficking, NIK unknown",
                "pmi-desk open-case --category TPPO --reported-on 08-11-2023 --person-name \"Rina Marlina\" --sex P --regency 1306 --complainant-name \"Yusnidar\" --complainant-relation \"orang tua\"",
            ),
        ],
    ),
    (
        "case",
        &[
            ex(
                "Pengaduan yang lewat batas waktu",
                "Cases past a deadline",
                "pmi-desk case list --overdue",
            ),
            ex(
                "Catat mediasi",
                "Record a mediation",
                "pmi-desk case act BP3MI-SB-K-2023-0001 --kind MEDIATION --partner P3MI --contacted",
            ),
            ex(
                "Riwayat penanganan satu pengaduan",
                "One case's timeline",
                "pmi-desk case show BP3MI-SB-K-2023-0001",
            ),
        ],
    ),
    (
        "case show",
        &[
            ex(
                "Dengan nomor pengaduan",
                "By case number",
                "pmi-desk case show BP3MI-SB-K-2023-0001",
            ),
            ex(
                "Sebagai JSON",
                "As JSON",
                "pmi-desk case show BP3MI-SB-K-2023-0001 --format json",
            ),
        ],
    ),
    (
        "case list",
        &[
            ex(
                "Yang masih dalam proses",
                "Those in progress",
                "pmi-desk case list --status IN_PROGRESS",
            ),
            ex(
                "Lewat batas waktu, dengan alasan penutupannya",
                "Past a deadline, with the closure reason",
                "pmi-desk case list --overdue",
            ),
            ex(
                "TPPO yang diadukan tahun 2023",
                "Trafficking cases reported in 2023",
                "pmi-desk case list --category TPPO --from 2023-01-01 --to 2023-12-31",
            ),
            ex(
                "Pengaduan yang saya buka",
                "The cases I opened",
                "pmi-desk case list --mine",
            ),
        ],
    ),
    (
        "case note",
        &[
            ex(
                "Tambahkan catatan",
                "Add a note",
                "pmi-desk case note BP3MI-SB-K-2023-0001 \"Keluarga menyerahkan fotokopi kontrak kerja\"",
            ),
            ex(
                "Catatan sambil menunggu dokumen",
                "A note, now waiting for documents",
                "pmi-desk case note BP3MI-SB-K-2023-0001 \"Diminta melengkapi slip gaji\" --awaiting DOCUMENTS --contacted",
            ),
        ],
    ),
    (
        "case act",
        &[
            ex(
                "Mediasi dengan P3MI",
                "A mediation with the P3MI",
                "pmi-desk case act BP3MI-SB-K-2023-0001 --kind MEDIATION --partner P3MI --contacted",
            ),
            ex(
                "Surat klarifikasi, menunggu jawaban",
                "A clarification letter, waiting for the answer",
                "pmi-desk case act BP3MI-SB-K-2023-0001 --kind CLARIFICATION --letter-number B.120/BP3MI-SB/XI/2023 --awaiting CLARIFICATION",
            ),
        ],
    ),
    (
        "case refer",
        &[
            ex(
                "Rujuk ke kepolisian",
                "Refer to the police",
                "pmi-desk case refer BP3MI-SB-K-2023-0001 --partner POLICE --letter-number B.121/BP3MI-SB/XI/2023",
            ),
            ex(
                "Rujuk ke KBRI dengan catatan",
                "Refer to the embassy with a note",
                "pmi-desk case refer BP3MI-SB-K-2023-0001 --partner EMBASSY --note \"Pekerja berada di penampungan KBRI\"",
            ),
        ],
    ),
    (
        "case resolve",
        &[
            ex(
                "Gaji sudah dibayar",
                "The wages were paid",
                "pmi-desk case resolve BP3MI-SB-K-2023-0001 --outcome \"Gaji dibayar penuh\"",
            ),
            ex(
                "Dengan tanggal selesai",
                "With the date it was resolved",
                "pmi-desk case resolve BP3MI-SB-K-2023-0001 --outcome \"Klaim BPJS cair\" --on 30-11-2023",
            ),
        ],
    ),
    (
        "case close",
        &[
            ex(
                "Pengadu tidak dapat dihubungi 60 hari",
                "Complainant unreachable for 60 days",
                "pmi-desk case close BP3MI-SB-K-2023-0001 --reason UNREACHABLE_60D",
            ),
            ex(
                "Diserahkan ke instansi lain",
                "Handed to another agency",
                "pmi-desk case close BP3MI-SB-K-2023-0001 --reason HANDED_TO_AGENCY --note \"Ditangani Polda Sumbar\"",
            ),
        ],
    ),
    (
        "case reopen",
        &[
            ex(
                "Buka kembali",
                "Reopen",
                "pmi-desk case reopen BP3MI-SB-K-2023-0001",
            ),
            ex(
                "Dengan alasannya",
                "With the reason",
                "pmi-desk case reopen BP3MI-SB-K-2023-0001 --note \"Pengadu datang membawa bukti baru\"",
            ),
        ],
    ),
    (
        "repatriate",
        &[
            ex(
                "PMI bermasalah yang sudah tercatat",
                "A troubled worker on record",
                "pmi-desk repatriate --category TROUBLED --arrived-on 08-11-2023 --nik 1371021508900001 --from-country MY --case BP3MI-SB-K-2023-0001 --mark-returned",
            ),
            ex(
                "Jenazah, NIK belum diketahui",
                "Remains, NIK unknown",
                "pmi-desk repatriate --category JENAZAH --arrived-on 08-11-2023 --person-name \"Rina Marlina\" --from-country MY --origin-regency 1306 --airway-bill 618-12345675",
            ),
            ex(
                "PMI sakit dengan surat layak terbang",
                "A sick worker with a fit-to-travel letter",
                "pmi-desk repatriate --category SICK --arrived-on 08-11-2023 --nik 1371021508900001 --fit-to-travel RS-2023-118 --escort \"Petugas KBRI\"",
            ),
        ],
    ),
    (
        "handover",
        &[
            ex(
                "Serah terima kepada keluarga",
                "Handover to the family",
                "pmi-desk handover BP3MI-SB-R-2023-0001 --to FAMILY --on 09-11-2023 --record-number BA-07/2023 --receiver-name \"Yusnidar\" --receiver-relation istri --witness \"Wali Nagari Koto Tangah\"",
            ),
            ex(
                "Serah terima kepada rumah sakit",
                "Handover to a hospital",
                "pmi-desk handover BP3MI-SB-R-2023-0002 --to HOSPITAL --on 08-11-2023 --record-number BA-08/2023",
            ),
        ],
    ),
    (
        "repatriation",
        &[
            ex(
                "Yang belum diserahterimakan",
                "Those not yet handed over",
                "pmi-desk repatriation list --handed-over tidak",
            ),
            ex(
                "Satu pemulangan",
                "One repatriation",
                "pmi-desk repatriation show BP3MI-SB-R-2023-0001",
            ),
        ],
    ),
    (
        "repatriation list",
        &[
            ex(
                "Yang belum diserahterimakan",
                "Those not yet handed over",
                "pmi-desk repatriation list --handed-over tidak",
            ),
            ex(
                "Jenazah yang tiba tahun 2023",
                "Remains arrived in 2023",
                "pmi-desk repatriation list --category JENAZAH --from 2023-01-01 --to 2023-12-31",
            ),
            ex(
                "Ke Kabupaten Agam, sebagai CSV",
                "To Kabupaten Agam, as CSV",
                "pmi-desk repatriation list --regency \"Kabupaten Agam\" --format csv",
            ),
        ],
    ),
    (
        "repatriation show",
        &[
            ex(
                "Dengan nomor pemulangan",
                "By repatriation number",
                "pmi-desk repatriation show BP3MI-SB-R-2023-0001",
            ),
            ex(
                "Sebagai JSON",
                "As JSON",
                "pmi-desk repatriation show BP3MI-SB-R-2023-0001 --format json",
            ),
        ],
    ),
    (
        "report",
        &[
            ex(
                "Penempatan tahun 2023 menurut skema",
                "2023's placements by scheme",
                "pmi-desk report placements --year 2023 --by scheme",
            ),
            ex(
                "Pengaduan bulan November menurut kategori, dibanding tahun lalu",
                "November's cases by category, against the year before",
                "pmi-desk report cases --month 2023-11 --by category --compare previous-year",
            ),
            ex(
                "Penempatan menurut negara dan jenis kelamin, sebagai CSV",
                "Placements by country and sex, as CSV",
                "pmi-desk report placements --ytd --by country,sex --format csv --out penempatan.csv",
            ),
            ex(
                "Ringkasan tahunan",
                "The year's summary",
                "pmi-desk report summary --year 2023",
            ),
        ],
    ),
    (
        "query",
        &[
            ex(
                "Jumlah penempatan per skema",
                "Placements per scheme",
                "pmi-desk query \"SELECT scheme, count(*) FROM v_placements GROUP BY scheme\"",
            ),
            ex(
                "Sebagai CSV",
                "As CSV",
                "pmi-desk query \"SELECT country, count(*) FROM v_placements GROUP BY country\" --format csv",
            ),
        ],
    ),
    (
        "export",
        &[
            ex(
                "Semua data untuk kantor lain",
                "Everything, for another office",
                "pmi-desk export --out ekspor-2023-11-08",
            ),
            ex(
                "Ekspor malam hari untuk BP3MI: hanya yang berubah sejak folder terakhir untuknya",
                "The nightly export for the BP3MI: only what changed since its last folder",
                "pmi-desk export --out ekspor-malam --since-last --to BP3MI-SB",
            ),
            ex(
                "Tersamar, untuk statistik di luar kantor",
                "Masked, for statistics outside the office",
                "pmi-desk export --out statistik --mask --only persons,placements",
            ),
            ex(
                "Satu buku kerja untuk dibuka di spreadsheet",
                "One workbook, to open in a spreadsheet",
                "pmi-desk export --xlsx data-2023-11-08.xlsx",
            ),
        ],
    ),
    (
        "review",
        &[
            ex(
                "Apa yang menunggu keputusan",
                "What waits for a decision",
                "pmi-desk review list",
            ),
            ex(
                "Hanya dua penempatan terbuka untuk satu orang",
                "Only two open placements of one person",
                "pmi-desk review list --kind OPEN_PLACEMENTS",
            ),
        ],
    ),
    (
        "review list",
        &[
            ex("Semua", "All", "pmi-desk review list"),
            ex(
                "Untuk skrip",
                "For a script",
                "pmi-desk review list --format json",
            ),
        ],
    ),
    (
        "review show",
        &[
            ex(
                "Kedua sisi dan cara menyelesaikannya",
                "Both sides and how to resolve it",
                "pmi-desk review show T-3F9A2C",
            ),
            ex(
                "Untuk skrip",
                "For a script",
                "pmi-desk review show T-3F9A2C --format json",
            ),
        ],
    ),
    (
        "review resolve",
        &[
            ex(
                "Pilih nilai nomor 2",
                "Choose value number 2",
                "pmi-desk review resolve T-3F9A2C --keep 2",
            ),
            ex(
                "Tulis nilai yang benar",
                "Give the right value",
                "pmi-desk review resolve T-3F9A2C --value \"Jl. Sudirman 5\"",
            ),
            ex(
                "Terima peringatan NIK setelah memeriksa KTP",
                "Accept NIK warnings after checking the ID card",
                "pmi-desk review resolve T-7C94EB --accept",
            ),
        ],
    ),
    (
        "exchange",
        &[
            ex(
                "Dari siapa menerima, apa yang belum tiba",
                "Whom folders came from, what has not arrived",
                "pmi-desk exchange status",
            ),
            ex(
                "Berkas kunci kantor ini untuk BP2MI",
                "This office's key file for BP2MI",
                "pmi-desk exchange key --out kunci-bp3mi-sb.json",
            ),
        ],
    ),
    (
        "exchange status",
        &[
            ex("Ringkasan", "Summary", "pmi-desk exchange status"),
            ex(
                "Untuk skrip",
                "For a script",
                "pmi-desk exchange status --format json",
            ),
        ],
    ),
    (
        "exchange key",
        &[
            ex("Tampilkan", "Print it", "pmi-desk exchange key"),
            ex(
                "Ke berkas",
                "To a file",
                "pmi-desk exchange key --out kunci-bp3mi-sb.json",
            ),
        ],
    ),
    (
        "exchange trust",
        &[
            ex(
                "Kunci Disnaker Agam sebelum folder pertamanya",
                "Disnaker Agam's key before its first folder",
                "pmi-desk exchange trust kunci-agam.json",
            ),
            ex(
                "Dalam bahasa Indonesia",
                "In Indonesian",
                "pmi-desk --lang id exchange trust kunci-agam.json",
            ),
        ],
    ),
    (
        "exchange forget",
        &[
            ex(
                "Situs yang memasang ulang pmi-desk",
                "A site that reinstalled pmi-desk",
                "pmi-desk exchange forget 1610aba2cd153922",
            ),
            ex(
                "Dalam bahasa Indonesia",
                "In Indonesian",
                "pmi-desk --lang id exchange forget 1610aba2cd153922",
            ),
        ],
    ),
    (
        "import",
        &[
            ex(
                "Periksa dulu tanpa menulis",
                "Check first, writing nothing",
                "pmi-desk import ekspor-2023-11-08 --dry-run",
            ),
            ex(
                "Impor, dengan daftar kesalahan sebagai CSV",
                "Import, with the errors as CSV",
                "pmi-desk import ekspor-2023-11-08 --errors kesalahan.csv",
            ),
            ex(
                "Satu berkas CSV (tanpa tanda tangan: pengirim tak dikenal)",
                "One CSV file (unsigned: an unknown sender)",
                "pmi-desk import placements.csv --unsigned",
            ),
            ex(
                "Buku kerja yang disunting di spreadsheet",
                "A workbook edited in a spreadsheet",
                "pmi-desk import data-2023-11-08.xlsx --unsigned --dry-run",
            ),
        ],
    ),
    (
        "backup",
        &[
            ex(
                "Cadangan harian",
                "The daily backup",
                "pmi-desk backup --out cadangan-2023-11-08.db",
            ),
            ex(
                "Cadangan ke flashdisk",
                "A backup to a USB stick",
                "pmi-desk backup --out /media/flashdisk/pmi-desk.db",
            ),
        ],
    ),
    (
        "log",
        &[
            ex(
                "Perubahan sejak 1 November",
                "Changes since 1 November",
                "pmi-desk log --since 2023-11-01",
            ),
            ex(
                "Riwayat satu data",
                "The history of one record",
                "pmi-desk log --record 0000094b-0015-4429-8db7-000000481ecf",
            ),
        ],
    ),
    (
        "completions",
        &[
            ex(
                "Untuk bash",
                "For bash",
                "pmi-desk completions bash > ~/.local/share/bash-completion/completions/pmi-desk",
            ),
            ex(
                "Untuk PowerShell",
                "For PowerShell",
                "pmi-desk completions powershell > pmi-desk.ps1",
            ),
        ],
    ),
    (
        "man",
        &[
            ex(
                "Baca manual dalam bahasa Indonesia",
                "Read the manual in Indonesian",
                "pmi-desk --lang id man | man -l -",
            ),
            ex(
                "Simpan halaman manual",
                "Save the manual page",
                "pmi-desk man > pmi-desk.1",
            ),
        ],
    ),
];

/// The examples of the command at `path`, if it has any.
pub(super) fn of(path: &str) -> Option<&'static [Example]> {
    EXAMPLES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, examples)| *examples)
}

/// Splits a command line into words: spaces separate, double quotes group.
#[cfg(test)]
pub(super) fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            _ => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// The command line in lines of at most `width` columns, continued with `\`; an option stays on
/// the line of its value.
pub(super) fn wrap(command: &str, indent: usize, width: usize) -> Vec<String> {
    // Shell tokens as written (quotes kept), then options joined with their values.
    let mut tokens: Vec<String> = Vec::new();
    let mut token = String::new();
    let mut quoted = false;
    for c in command.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == ' ' && !quoted {
            if !token.is_empty() {
                tokens.push(std::mem::take(&mut token));
            }
        } else {
            token.push(c);
        }
    }
    if !token.is_empty() {
        tokens.push(token);
    }
    let mut units: Vec<String> = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    while let Some(token) = iter.next() {
        let joins = token.starts_with("--") || token == ">" || token == "|";
        match iter.peek() {
            Some(next) if joins && !next.starts_with('-') => {
                let next = iter.next().unwrap_or_default();
                units.push(format!("{token} {next}"));
            }
            _ => units.push(token),
        }
    }
    let mut lines = Vec::new();
    let mut line = " ".repeat(indent);
    let mut empty = true;
    for unit in units {
        // Room for the unit, a space before it and " \" after it.
        if !empty && line.chars().count() + 1 + unit.chars().count() + 2 > width {
            lines.push(format!("{line} \\"));
            line = " ".repeat(indent + 4);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&unit);
        empty = false;
    }
    lines.push(line);
    lines
}
