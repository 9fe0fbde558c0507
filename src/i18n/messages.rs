//! The message table: every sentence and heading, Indonesian first, then English. `{}` are filled in
//! order by `t!`.

use super::message_table;

message_table! {
    // Values
    CodeEmpty => "Nilai {} kosong", "The {} value is empty";
    CodeUnknown => "Kode '{}' tidak dikenal untuk {}; pilihan: {}", "Unknown code '{}' for {}; expected one of: {}";
    CodeListUnknown => "Daftar kode '{}' tidak ada; daftar: {}", "No code list '{}'; lists: {}";
    DateInvalid => "Tanggal '{}' tidak valid: tulis YYYY-MM-DD atau DD-MM-YYYY (hari dulu, bukan bulan)", "Invalid date '{}': write YYYY-MM-DD or DD-MM-YYYY (day first, never month first)";
    ClockInvalid => "PMI_DESK_NOW '{}' tidak valid: tulis YYYY-MM-DD atau waktu RFC 3339", "PMI_DESK_NOW '{}' is invalid: write YYYY-MM-DD or an RFC 3339 time";
    NameInvalid => "Nama kosong atau tidak valid", "The name is empty or invalid";
    NameEmpty => "Nama tidak boleh kosong", "The name may not be empty";
    NameTooLong => "Nama terlalu panjang: {} karakter (paling banyak {})", "The name is too long: {} characters (at most {})";
    NameFormula => "Nama tidak boleh diawali '{}' (spreadsheet membacanya sebagai rumus)", "A name cannot begin with '{}' (a spreadsheet would read it as a formula)";
    TextControlCharacter => "Teks berisi karakter kendali {} pada posisi {}; ketik ulang tanpa menempel dari aplikasi lain", "The text holds the control character {} at position {}; type it again rather than pasting";
    TextTooLong => "Teks terlalu panjang: {} karakter (paling banyak {})", "The text is too long: {} characters (at most {})";
    ValueEmpty => "Nilai tidak boleh kosong", "The value may not be empty";
    CountryUnknown => "Negara '{}' tidak dikenal (pakai kode ISO seperti MY, JP, atau nama negara; lihat `pmi-desk ref countries`)", "Unknown country '{}' (use an ISO code such as MY, JP, or the country's name; see `pmi-desk ref countries`)";
    RegencyUnknown => "Kabupaten/kota '{}' tidak dikenal (lihat `pmi-desk ref regencies`)", "Unknown regency or city '{}' (see `pmi-desk ref regencies`)";
    RegencyRetired => "Kode wilayah {} ({}) sudah tidak berlaku; pakai kode yang sekarang", "Region code {} ({}) is retired; use the current code";
    RegencyAmbiguous => "'{}' bisa berarti beberapa wilayah: {}. Tulis kodenya atau 'Kabupaten ...'/'Kota ...'", "'{}' could mean several regions: {}. Give the code or 'Kabupaten ...'/'Kota ...'";
    ProvinceUnknown => "Kode provinsi '{}' tidak dikenal", "Unknown province code '{}'";
    PhoneInvalid => "Nomor telepon tidak valid: '{}'", "Invalid phone number: '{}'";
    PhoneUnusual => "Nomor telepon {} tidak seperti nomor HP Indonesia; periksa kembali", "Phone number {} does not look like an Indonesian mobile number; please check";
    PassportInvalid => "Nomor paspor '{}' tidak valid (1-2 huruf lalu 6-8 angka)", "Invalid passport number '{}' (1-2 letters then 6-8 digits)";
    PassportUnusual => "Nomor paspor {} tidak biasa (umumnya 1 huruf dan 7 angka); periksa kembali", "Passport number {} is unusual (usually 1 letter and 7 digits); please check";
    DaysInvalid => "'{}' bukan jumlah hari yang valid", "'{}' is not a valid number of days";
    // NIK
    NikSpreadsheet => "NIK '{}' tampaknya diubah spreadsheet menjadi angka dan angka terakhirnya hilang; format kolom sebagai teks dan ketik ulang NIK dari KTP", "NIK '{}' looks like a spreadsheet turned it into a number and lost its last digits; format the column as text and re-enter the NIK from the ID card";
    NikNotDigits => "NIK '{}' berisi karakter '{}': NIK hanya angka", "NIK '{}' contains '{}': a NIK is digits only";
    NikLength => "NIK '{}' memiliki {} angka; NIK harus 16 angka", "NIK '{}' has {} digits; a NIK has 16";
    NikProvinceUnknown => "Kode provinsi NIK {} tidak dikenal", "The NIK's province code {} is unknown";
    NikRegencyUnknown => "Kode kabupaten/kota NIK {} tidak dikenal (juga bukan kode lama)", "The NIK's regency code {} is unknown (current or retired)";
    NikDayImpossible => "Tanggal lahir dalam NIK ({}) tidak mungkin: 01-31 untuk laki-laki, 41-71 untuk perempuan", "The NIK's birth day ({}) is impossible: 01-31 for men, 41-71 for women";
    NikMonthImpossible => "Bulan lahir dalam NIK ({}) tidak mungkin", "The NIK's birth month ({}) is impossible";
    NikDateImpossible => "Tanggal lahir dalam NIK ({}) tidak ada di kalender", "The NIK's birth date ({}) does not exist";
    NikSerialZero => "Nomor urut NIK tidak boleh 0000", "A NIK's serial cannot be 0000";
    NikDistrictUnknown => "Kode kecamatan NIK {} tidak ada dalam daftar Kemendagri", "The NIK's district code {} is not in the Kemendagri list";
    NikBirthDateMismatch => "Tanggal lahir dalam NIK ({}) berbeda dengan tanggal lahir yang diisi ({})", "The NIK's birth date ({}) differs from the birth date entered ({})";
    NikSexMismatch => "NIK menunjukkan {}, tetapi jenis kelamin yang diisi {}", "The NIK says {}, but the sex entered is {}";
    NikRegencyDiffers => "NIK diterbitkan di wilayah {}, domisili yang diisi {}", "The NIK was issued in region {}, the home regency entered is {}";
    NikBelongsToOther => "NIK {} sudah tercatat untuk orang lain ({})", "NIK {} is already recorded for another person ({})";
    NikChangeNeedsConfirmation => "Perubahan NIK perlu konfirmasi: jalankan di terminal atau tambahkan --yes. Tidak ada yang disimpan", "Changing a NIK needs confirmation: run on a terminal or add --yes. Nothing was saved";
    ConfirmNikChange => "Ubah NIK {} menjadi {}?", "Change NIK {} to {}?";
    // Database and files
    DbMissing => "Basis data {} belum ada. Buat dengan `pmi-desk init --office-code ... --office-name ...` atau coba `pmi-desk demo`", "No database at {}. Create one with `pmi-desk init --office-code ... --office-name ...` or try `pmi-desk demo`";
    DbUnreadable => "Basis data {} tidak dapat dibuka: {}", "Cannot open the database {}: {}";
    DbNotOurs => "{} bukan basis data pmi-desk; file tidak diubah", "{} is not a pmi-desk database; it was left untouched";
    DbTooNew => "{} dibuat oleh pmi-desk yang lebih baru (skema {}, versi ini {}); perbarui pmi-desk. File tidak diubah", "{} was written by a newer pmi-desk (schema {}, this version knows {}); upgrade pmi-desk. The file was left untouched";
    DbNeedsUpgrade => "{} perlu diperbarui; jalankan dulu perintah lain (mis. `pmi-desk check`)", "{} needs an upgrade; run another command first (e.g. `pmi-desk check`)";
    DbBusy => "Basis data {} sedang dipakai perintah lain lebih dari {} detik; coba lagi", "The database {} was busy with another command for over {} seconds; try again";
    FileCreateFailed => "Tidak dapat membuat {}: {}", "Cannot create {}: {}";
    CheckFailed => "Pemeriksaan basis data menemukan masalah (lihat di atas)", "The database check found problems (see above)";
    // Office and settings
    OfficeNotInitialised => "Kantor belum disiapkan di basis data ini. Jalankan: pmi-desk init --office-code BP3MI-SB --office-name \"BP3MI Sumatera Barat\"", "This database has no office yet. Run: pmi-desk init --office-code BP3MI-SB --office-name \"BP3MI Sumatera Barat\"";
    OfficeCodeInvalid => "Kode kantor '{}' tidak valid (huruf, angka dan tanda hubung, paling banyak 20)", "Invalid office code '{}' (letters, digits and dashes, at most 20)";
    OfficeNameEmpty => "Nama kantor tidak boleh kosong", "The office name may not be empty";
    OfficeAlreadyInitialised => "Basis data {} sudah milik kantor {} ({}); tidak ada yang diubah. Kode kantor tidak dapat diganti; nama kantor diganti dengan `pmi-desk config set office.name \"...\"`", "The database {} already belongs to office {} ({}); nothing was changed. The office code cannot be changed; rename the office with `pmi-desk config set office.name \"...\"`";
    InitDone => "Kantor {} ({}) siap di {}", "Office {} ({}) is ready in {}";
    SettingUnknown => "Pengaturan '{}' tidak ada; pengaturan: {}", "No setting '{}'; settings: {}";
    SettingSaved => "{} = {}", "{} = {}";
    ChecklistEmpty => "Daftar dokumen kosong", "The document checklist is empty";
    // Integrity: one decision per transaction, database rules, the change sequence
    NumberInvalid => "'{}' bukan angka", "'{}' is not a number";
    StoredValueInvalid => "Nilai tersimpan bukan teks UTF-8", "A stored value is not UTF-8 text";
    ChangedMeanwhile => "Data {} {} diubah petugas lain sementara itu; tidak ada yang disimpan. Lihat datanya lagi, lalu ulangi", "The {} {} was changed by another clerk meanwhile; nothing was saved. Look at it again, then repeat";
    OpenPlacementConstraint => "Orang ini sudah punya penempatan yang masih terbuka (terdaftar atau direkomendasikan); tidak ada yang disimpan", "This person already has an open placement (registered or recommended); nothing was saved";
    IssuedLetterConstraint => "Penempatan ini sudah punya surat rekomendasi yang terbit; tidak ada yang disimpan", "This placement already has an issued recommendation letter; nothing was saved";
    NikConstraint => "NIK ini sudah tercatat untuk orang lain (mungkin baru saja didaftarkan petugas lain); tidak ada yang disimpan", "This NIK is already recorded for another person (perhaps just registered by another clerk); nothing was saved";
    ExpiredReplaced => "Kedaluwarsa, diganti surat {}", "Expired, replaced by letter {}";
    StageNeedsValue => "Tahap {} memerlukan {}", "Stage {} needs the {}";
    StageForbidsValue => "Tahap {} tidak boleh punya {}", "Stage {} cannot have a {}";
    StatusNeedsValue => "Status {} memerlukan {}", "Status {} needs the {}";
    StatusForbidsValue => "Status {} tidak boleh punya {}", "Status {} cannot have a {}";
    ValidBeforeDecided => "Berlaku sampai {} sebelum tanggal keputusan {}", "Valid until {} is before the decision date {}";
    CaseNewWithAction => "Pengaduan berstatus NEW tetapi sudah ada tindakan {} pada {}", "The case is NEW but has a {} action on {}";
    CaseReferredWithoutReferral => "Pengaduan berstatus REFERRED tanpa kegiatan rujukan (REFERRAL)", "The case is REFERRED without a REFERRAL event";
    CaseActionAfterClosing => "Ada tindakan {} pada {} sesudah pengaduan selesai ({})", "A {} action on {} comes after the case ended ({})";
    HandoverIncomplete => "Serah terima memerlukan penerima (handed_over_to) dan tanggalnya (handed_over_on)", "A handover needs both whom (handed_over_to) and when (handed_over_on)";
    ClosureNeedsReferral => "Pengaduan hanya dapat ditutup karena diserahkan ke instansi lain sesudah dirujuk (case refer)", "A case can be closed as handed to another agency only after a referral (case refer)";
    ClosureDeadlineNotReached => "Alasan penutupan {} ({}) belum berlaku pada {}: batas waktunya belum terlampaui (lihat `case list --overdue`)", "Closure reason {} ({}) does not apply on {}: its deadline has not passed (see `case list --overdue`)";
    NumberConstraint => "Nomor yang sama sudah tercatat ({}); tidak ada yang disimpan", "The same number is already recorded ({}); nothing was saved";
    // Forms
    MissingOptions => "Opsi wajib belum diisi: {}", "Missing required options: {}";
    AskNik => "NIK (16 angka)", "NIK (16 digits)";
    AskName => "Nama lengkap", "Full name";
    AskSex => "Jenis kelamin", "Sex";
    AskBirthPlace => "Tempat lahir", "Place of birth";
    AskBirthDate => "Tanggal lahir (DD-MM-YYYY)", "Date of birth (DD-MM-YYYY)";
    AskRegency => "Kabupaten/kota domisili (kode atau nama)", "Home regency or city (code or name)";
    AskScheme => "Skema penempatan", "Placement scheme";
    AskP3mi => "Nama P3MI", "P3MI (placement company) name";
    AskCountry => "Negara tujuan", "Destination country";
    ConfirmSave => "Simpan?", "Save?";
    ConfirmWarnings => "Tetap simpan meskipun ada peringatan?", "Save despite the warnings?";
    NothingSaved => "Dibatalkan; tidak ada yang disimpan", "Cancelled; nothing was saved";
    WarningsNeedAcceptance => "{} peringatan (lihat di atas). Periksa, lalu ulangi dengan --accept-warnings untuk tetap menyimpan. Tidak ada yang disimpan", "{} warning(s) (see above). Check them, then repeat with --accept-warnings to save anyway. Nothing was saved";
    NothingToChange => "Tidak ada yang diubah: sebutkan kolom yang dikoreksi (mis. --name, --phone)", "Nothing to change: name the fields to correct (e.g. --name, --phone)";
    // Registration
    RegisteredInFuture => "tanggal pendaftaran {} belum terjadi", "the registration date {} is in the future";
    UnderAge => "berumur {} tahun pada {}; minimal {} tahun", "aged {} on {}; the minimum is {}";
    P3miNameRequired => "skema P3MI memerlukan nama P3MI (--p3mi)", "the P3MI scheme needs the company's name (--p3mi)";
    OpenPlacementExists => "masih ada penempatan terbuka {} ({})", "an open placement {} ({}) exists";
    RegistrationRefused => "Pendaftaran ditolak: {}. Tidak ada yang disimpan", "Registration refused: {}. Nothing was saved";
    PersonAlreadyKnown => "NIK ini sudah tercatat: {} ({}); data identitas tersimpan dipakai", "This NIK is already on record: {} ({}); the stored identity is used";
    PersonDiffers => "Data tersimpan {} = '{}', yang diisi '{}' (perbaiki dengan `worker edit` bila perlu)", "Stored {} is '{}', entered '{}' (correct it with `worker edit` if needed)";
    Registered => "Terdaftar {}: {} (uid {})", "Registered {}: {} (uid {})";
    PlacementNotFound => "Penempatan '{}' tidak ditemukan (pakai nomor pendaftaran, uid, atau NIK)", "No placement '{}' (give a registration number, a uid or a NIK)";
    PersonHasNoPlacement => "{} belum punya penempatan", "{} has no placement";
    Edited => "{} diperbarui: {}", "{} updated: {}";
    NothingFound => "Tidak ditemukan: '{}'", "Nothing found for '{}'";
    // Documents
    DocumentAdded => "{} dicatat untuk {}", "{} recorded for {}";
    DocumentExpired => "{} sudah tidak berlaku", "{} has expired";
    ExpiresBeforeIssued => "Tanggal berlaku {} sebelum tanggal terbit {}", "Expiry date {} is before the issue date {}";
    IssuedInFuture => "Tanggal terbit belum terjadi", "The issue date is in the future";
    DocOk => "lengkap", "present";
    DocUnverified => "belum diverifikasi", "not verified";
    DocExpired => "kedaluwarsa", "expired";
    DocMissing => "belum ada", "missing";
    ChecklistComplete => "Dokumen lengkap", "All documents present";
    ChecklistLacking => "{} dari {} dokumen belum lengkap", "{} of {} documents still lacking";
    // Demo
    DemoExists => "Basis data demo sudah ada di {}. Pakai dengan --db, atau ganti dengan `pmi-desk demo --force`", "A demo database already exists at {}. Use it with --db, or replace it with `pmi-desk demo --force`";
    DemoRefusesOffice => "{} adalah basis data kantor ({} {}, {} orang), bukan demo: demo tidak pernah menimpanya, juga dengan --force. Pilih berkas lain dengan --db", "{} is an office database ({} {}, {} persons), not a demo: demo never replaces it, not even with --force. Choose another file with --db";
    DemoRefusesFile => "{} sudah ada dan bukan basis data pmi-desk; demo tidak menimpanya. Pilih berkas lain dengan --db", "{} exists and is not a pmi-desk database; demo does not replace it. Choose another file with --db";
    DemoDone => "Basis data demo dibuat di {}: {} orang, {} penempatan, {} dokumen, {} rekomendasi paspor, {} pengaduan, {} pemulangan", "Demo database written to {}: {} persons, {} placements, {} documents, {} passport recommendations, {} cases, {} repatriations";
    DemoNext => "Coba:\n  pmi-desk --db {} worker list --stage REGISTERED\n  pmi-desk --db {} recommendation list --status ISSUED\n  pmi-desk --db {} case list --overdue\n  pmi-desk --db {} check", "Try:\n  pmi-desk --db {} worker list --stage REGISTERED\n  pmi-desk --db {} recommendation list --status ISSUED\n  pmi-desk --db {} case list --overdue\n  pmi-desk --db {} check";
    // Sections and headings
    SectionPlacements => "Penempatan", "Placements";
    SectionDocuments => "Dokumen", "Documents";
    HeadKey => "Kunci", "Key";
    HeadValue => "Nilai", "Value";
    HeadMeaning => "Keterangan", "Meaning";
    HeadItem => "Butir", "Item";
    HeadAt => "Waktu", "At";
    HeadClerk => "Petugas", "Clerk";
    HeadCommand => "Perintah", "Command";
    HeadRecordKind => "Jenis data", "Record kind";
    HeadRecord => "Data", "Record";
    HeadAction => "Tindakan", "Action";
    HeadChanges => "Perubahan", "Changes";
    HeadCode => "Kode", "Code";
    HeadProvince => "Provinsi", "Province";
    HeadName => "Nama", "Name";
    HeadNameId => "Nama (Indonesia)", "Name (Indonesian)";
    HeadNameEn => "Nama (Inggris)", "Name (English)";
    HeadList => "Daftar", "List";
    HeadLabelId => "Label (Indonesia)", "Label (Indonesian)";
    HeadLabelEn => "Label (Inggris)", "Label (English)";
    HeadPersonUid => "UID orang", "Person uid";
    HeadPlacementUid => "UID penempatan", "Placement uid";
    HeadSex => "Jenis kelamin", "Sex";
    HeadBirthPlace => "Tempat lahir", "Place of birth";
    HeadBirthDate => "Tanggal lahir", "Date of birth";
    HeadRegency => "Kabupaten/kota", "Regency";
    HeadAddress => "Alamat", "Address";
    HeadPhone => "Telepon", "Phone";
    HeadEducation => "Pendidikan", "Education";
    HeadMaritalStatus => "Status perkawinan", "Marital status";
    HeadRegistrationNumber => "No. pendaftaran", "Registration no.";
    HeadScheme => "Skema", "Scheme";
    HeadEmployer => "Pemberi kerja", "Employer";
    HeadCountry => "Negara", "Country";
    HeadSector => "Sektor", "Sector";
    HeadOccupation => "Jabatan", "Occupation";
    HeadStage => "Tahap", "Stage";
    HeadRegisteredOn => "Tgl daftar", "Registered";
    HeadDepartedOn => "Tgl berangkat", "Departed";
    HeadReturnedOn => "Tgl pulang", "Returned";
    HeadCancelReason => "Alasan batal", "Cancel reason";
    HeadPassport => "No. paspor", "Passport no.";
    HeadDocument => "Dokumen", "Document";
    HeadNumber => "Nomor", "Number";
    HeadIssuedOn => "Tgl terbit", "Issued";
    HeadExpiresOn => "Berlaku s.d.", "Expires";
    HeadVerifiedOn => "Tgl verifikasi", "Verified";
    HeadVerifiedBy => "Diverifikasi oleh", "Verified by";
    HeadState => "Keadaan", "State";
    // Stages
    EventRecommend => "diberi rekomendasi paspor", "be recommended for a passport";
    EventVoid => "dibatalkan rekomendasinya", "have its recommendation voided";
    EventDepart => "berangkat", "depart";
    EventCancel => "dibatalkan", "be cancelled";
    EventReturn => "pulang", "return";
    StageForbidden => "Penempatan {} berada pada tahap {} dan tidak dapat {}", "Placement {} is {} and cannot {}";
    DateInFuture => "Tanggal {} belum terjadi", "The date {} is in the future";
    DateBeforeRegistration => "Tanggal {} sebelum tanggal pendaftaran {}", "The date {} is before the registration date {}";
    ReturnBeforeDeparture => "Tanggal pulang {} sebelum tanggal berangkat {}", "The return date {} is before the departure date {}";
    PassportNeeded => "Keberangkatan perlu nomor paspor: --passport, atau catat dulu `recommendation used`", "A departure needs a passport number: --passport, or record `recommendation used` first";
    StageChanged => "{}: {}", "{}: {}";
    // Recommendations
    TemplateInvalid => "Format nomor surat '{}' harus memuat {seq} dan {year}", "Letter number template '{}' must contain {seq} and {year}";
    RouteInvalid => "Aturan kantor imigrasi '{}' tidak valid: tulis KODE,KODE=NAMA KANTOR", "Invalid immigration route '{}': write CODE,CODE=OFFICE NAME";
    BirthDateUnknown => "tanggal lahir tidak diketahui", "the birth date is unknown";
    DocsIncomplete => "dokumen belum lengkap: {}", "documents incomplete: {}";
    NikMissing => "NIK tidak tercatat", "no NIK on record";
    NikWarningsOpen => "peringatan NIK belum dikonfirmasi (ulangi dengan --accept-warnings setelah diperiksa): {}", "NIK warnings not acknowledged (repeat with --accept-warnings once checked): {}";
    DestinationClosed => "{} ditutup untuk skema {} sektor {}", "{} is closed for scheme {} sector {}";
    ActiveRecommendation => "masih ada rekomendasi aktif {}", "an active recommendation {} exists";
    InterviewFinding => "temuan wawancara: {} {}", "interview finding: {} {}";
    Eligible => "Memenuhi syarat: rekomendasi paspor dapat diterbitkan untuk {}", "Eligible: a passport recommendation can be issued for {}";
    NotEligible => "Tidak memenuhi syarat ({}):", "Not eligible ({}):";
    RecommendationIssued => "Surat rekomendasi {} diterbitkan untuk {}, kepada {}, berlaku s.d. {}", "Recommendation {} issued for {}, to {}, valid until {}";
    RecommendationRefused => "Rekomendasi ditolak dan dicatat ({}): {}", "Recommendation refused and recorded ({}): {}";
    RecommendationNotFound => "Surat rekomendasi '{}' tidak ditemukan", "No recommendation '{}'";
    RecommendationNotIssued => "Surat {} berstatus {}; hanya surat yang terbit yang dapat {}", "Letter {} is {}; only an issued letter can be {}";
    ActionVoid => "dibatalkan", "voided";
    ActionUse => "dicatat digunakan", "marked used";
    RecommendationVoided => "Surat {} dibatalkan; penempatan {} kembali ke tahap terdaftar", "Letter {} voided; placement {} is back to registered";
    RecommendationUsed => "Surat {} digunakan: paspor {} terbit {}", "Letter {} used: passport {} issued {}";
    ReasonEmpty => "Alasan tidak boleh kosong", "The reason may not be empty";
    StatusExpired => "Kedaluwarsa", "Expired";
    PassportIssuedBeforeLetter => "Tanggal terbit paspor {} sebelum tanggal surat {}", "Passport issue date {} is before the letter's date {}";
    LetterWritten => "Surat {} ditulis ke {}", "Letter {} written to {}";
    LetterFormatUnknown => "Format berkas '{}' tidak dikenal: pakai .pdf, .html atau .txt", "Unknown file type '{}': use .pdf, .html or .txt";
    LetterNotIssued => "Rekomendasi {} ditolak; tidak ada surat untuk dicetak", "Recommendation {} was refused; there is no letter to print";
    HeadLetterNumber => "No. surat", "Letter no.";
    HeadStatus => "Status", "Status";
    HeadDecidedOn => "Tgl keputusan", "Decided";
    HeadValidUntil => "Berlaku s.d.", "Valid until";
    HeadImmigrationOffice => "Kantor imigrasi", "Immigration office";
    HeadRefusalReasons => "Alasan penolakan", "Refusal reasons";
    HeadVoidReason => "Alasan pembatalan", "Void reason";
    HeadReprints => "Cetak ulang", "Reprints";
    CancelledPlacement => "penempatan {} dibatalkan", "placement {} cancelled";
    NotEligibleChecked => "Tidak memenuhi syarat: {} alasan (pemeriksaan saja, tidak ada yang dicatat)", "Not eligible: {} reason(s) (check only, nothing recorded)";
    // Cases
    AskCategory => "Kategori pengaduan", "Case category";
    AskReportedOn => "Tanggal pengaduan diterima", "Date the complaint was received";
    AskPersonName => "Nama PMI (kosongkan NIK bila tidak diketahui)", "Worker's name (NIK unknown)";
    NameNeededForNewNik => "NIK {} belum tercatat: sebutkan juga --person-name", "NIK {} is not on record: give --person-name too";
    CaseOpened => "Pengaduan {} ({}) dibuka untuk {} (uid {})", "Case {} ({}) opened for {} (uid {})";
    CaseNotFound => "Pengaduan '{}' tidak ditemukan", "No case '{}'";
    CaseUpdated => "{}: {} dicatat; status {}", "{}: {} recorded; status {}";
    CaseForbidden => "Pengaduan {} berstatus {} dan tidak dapat {}", "Case {} is {} and cannot {}";
    CaseVerbNote => "diberi catatan", "take a note";
    CaseVerbAct => "ditindaklanjuti (buka kembali dulu)", "be acted on (reopen it first)";
    CaseVerbRefer => "dirujuk", "be referred";
    CaseVerbResolve => "diselesaikan", "be resolved";
    CaseVerbClose => "ditutup", "be closed";
    CaseVerbReopen => "dibuka kembali", "be reopened";
    ActKindNotAnAction => "{} bukan tindakan: pakai `case note`, `case refer`, `case resolve` atau `case close`", "{} is not an action: use `case note`, `case refer`, `case resolve` or `case close`";
    EventBeforeReport => "Tanggal {} sebelum tanggal pengaduan {}", "The date {} is before the case was reported ({})";
    SectionTimeline => "Riwayat penanganan", "Timeline";
    SectionCases => "Pengaduan", "Cases";
    SectionRepatriations => "Pemulangan", "Repatriations";
    // Repatriations
    AskRepatriationCategory => "Kategori pemulangan", "Repatriation category";
    AskArrivedOn => "Tanggal tiba", "Arrival date";
    FitToTravelRequired => "PMI sakit memerlukan surat layak terbang (--fit-to-travel)", "A sick worker needs a fit-to-travel letter (--fit-to-travel)";
    DebarkationUnknown => "Tempat debarkasi '{}' tidak ada dalam daftar ({}); tambahkan dengan `config set debarkation.points`", "Debarkation point '{}' is not in the list ({}); add it with `config set debarkation.points`";
    ConfirmMarkReturned => "Tandai penempatan {} sebagai pulang pada tanggal tiba?", "Mark placement {} as returned on the arrival date?";
    HintMarkReturned => "Penempatan {} masih berstatus berangkat; tambahkan --mark-returned untuk menandainya pulang", "Placement {} is still departed; add --mark-returned to mark it returned";
    RepatriationRecorded => "Pemulangan {} ({}) dicatat untuk {} (uid {})", "Repatriation {} ({}) recorded for {} (uid {})";
    RepatriationNotFound => "Pemulangan '{}' tidak ditemukan", "No repatriation '{}'";
    AlreadyHandedOver => "{} sudah diserahterimakan pada {}", "{} was already handed over on {}";
    HandoverBeforeArrival => "Tanggal serah terima {} sebelum tanggal tiba {}", "The handover date {} is before the arrival date {}";
    ReceiverRequired => "Serah terima kepada keluarga perlu --receiver-name dan --receiver-relation", "A handover to the family needs --receiver-name and --receiver-relation";
    HandedOver => "{} diserahterimakan kepada {} pada {}", "{} handed over to {} on {}";
    HeadCaseNumber => "No. pengaduan", "Case no.";
    HeadCategory => "Kategori", "Category";
    HeadReportedOn => "Tgl pengaduan", "Reported";
    HeadChannel => "Saluran", "Channel";
    HeadProcedural => "Prosedural", "Procedural status";
    HeadComplainant => "Pengadu", "Complainant";
    HeadRelation => "Hubungan", "Relation";
    HeadSummary => "Ringkasan", "Summary";
    HeadClosureReason => "Alasan penutupan", "Closure reason";
    HeadClosedOn => "Tgl selesai", "Closed";
    HeadOutcome => "Hasil", "Outcome";
    HeadDate => "Tanggal", "Date";
    HeadEvent => "Kegiatan", "Event";
    HeadPartner => "Mitra", "Partner";
    HeadAwaiting => "Menunggu", "Awaiting";
    HeadNote => "Catatan", "Note";
    HeadWouldClose => "Dapat ditutup karena", "Could be closed for";
    HeadWaitingSince => "Sejak", "Since";
    HeadWaited => "Lama (hari)", "Days";
    HeadRepatriationNumber => "No. pemulangan", "Repatriation no.";
    HeadArrivedOn => "Tgl tiba", "Arrived";
    HeadDebarkation => "Debarkasi", "Debarkation";
    HeadEscort => "Pendamping", "Escort";
    HeadFitToTravel => "Surat layak terbang", "Fit-to-travel letter";
    HeadCauseOfDeath => "Penyebab kematian", "Cause of death";
    HeadAirwayBill => "No. airway bill", "Airway bill no.";
    HeadHandedOverTo => "Diserahkan kepada", "Handed over to";
    HeadHandedOverOn => "Tgl serah terima", "Handed over";
    HeadHandoverRecord => "No. berita acara", "Handover record no.";
    HeadReceiver => "Penerima", "Receiver";
    HeadWitness => "Saksi", "Witness";
    HeadCaseUid => "UID pengaduan", "Case uid";
    // Reports and queries
    MonthInvalid => "Bulan '{}' tidak valid: tulis YYYY-MM", "Invalid month '{}': write YYYY-MM";
    YearInvalid => "Tahun '{}' tidak valid", "Invalid year '{}'";
    PeriodOptionsClash => "Pilih satu cara menyebut periode: --from/--to, --year, --month atau --ytd", "Name the period one way: --from/--to, --year, --month or --ytd";
    PeriodNeedsFrom => "--to perlu --from", "--to needs --from";
    PeriodReversed => "Periode terbalik: {} sesudah {}", "The period is reversed: {} is after {}";
    DimensionUnknown => "Dimensi '{}' tidak ada untuk laporan {}; pilihan: {}", "No dimension '{}' for the {} report; choose from: {}";
    DefPlacements => "Penempatan = CPMI yang berangkat (tanggal berangkat) dalam periode, menurut data yang tercatat sampai tanggal data.", "Placements = prospective workers who departed (departure date) in the period, as recorded up to the as-of date.";
    DefRegistrations => "Pendaftaran = permohonan penempatan yang didaftarkan dalam periode; tahap dan alasan batal menurut keadaan saat ini.", "Registrations = placement applications registered in the period; stage and cancel reason as they stand now.";
    DefRecommendations => "Rekomendasi paspor = keputusan (terbit, ditolak, dibatalkan, digunakan) dengan tanggal keputusan dalam periode; menurut alasan, satu baris per alasan penolakan.", "Passport recommendations = decisions (issued, refused, voided, used) dated in the period; by reason, one row per refusal reason.";
    DefCases => "Pengaduan = kasus dengan tanggal pengaduan dalam periode; status dan penanganan (selesai atau dalam proses) menurut riwayat sampai tanggal data.", "Cases = cases reported in the period; status and handling (resolved or closed vs in process) as their timeline stood on the as-of date.";
    DefRepatriations => "Pemulangan = kepulangan PMI yang difasilitasi dengan tanggal tiba dalam periode; diserahterimakan = sebelum atau pada tanggal data.", "Repatriations = facilitated returns arriving in the period; handed over = on or before the as-of date.";
    HandlingDone => "Selesai", "Resolved or closed";
    HandlingInProcess => "Dalam proses", "In process";
    Yes => "Ya", "Yes";
    No => "Tidak", "No";
    Unknown => "(tidak diketahui)", "(unknown)";
    Total => "Jumlah", "Total";
    HeadCount => "Jumlah", "Count";
    HeadPrevious => "Periode pembanding", "Earlier period";
    HeadChange => "Perubahan", "Change";
    HeadPeriod => "Periode", "Period";
    HeadAsOf => "Data per", "As of";
    HeadDefinition => "Definisi", "Definition";
    HeadCompared => "Dibandingkan dengan", "Compared with";
    HeadP3mi => "P3MI", "P3MI";
    HeadMonth => "Bulan", "Month";
    HeadAgeGroup => "Kelompok umur", "Age group";
    HeadHandling => "Penanganan", "Handling";
    HeadHandedOver => "Sudah diserahterimakan", "Handed over";
    ReportWritten => "Laporan ditulis ke {}", "Report written to {}";
    QueryNotSelect => "Hanya pernyataan SELECT yang boleh dijalankan (bukan '{}'): query tidak dapat mengubah data, melampirkan berkas lain, atau mengubah pengaturan", "Only SELECT statements may run (not '{}'): a query cannot change data, attach another file or change settings";
    QueryOneStatement => "Jalankan satu pernyataan saja", "Run one statement at a time";
    QueryInvalid => "Query tidak valid: {}", "Invalid query: {}";
    // Exchange
    ExportKindUnknown => "Jenis berkas '{}' tidak dikenal (persons, placements, documents, recommendations, cases, case_events, repatriations)", "Unknown file kind '{}' (persons, placements, documents, recommendations, cases, case_events, repatriations)";
    ExportExists => "{} sudah ada; pilih folder lain atau tambahkan --force untuk menggantinya", "{} already exists; choose another folder or add --force to replace it";
    ExportRefusesFolder => "{} bukan folder ekspor pmi-desk (atau berisi berkas lain): --force hanya mengganti ekspor sebelumnya. Tidak ada yang dihapus", "{} is not a pmi-desk export folder (or holds other files): --force replaces only an earlier export. Nothing was deleted";
    ExportReplaced => "Ekspor sebelumnya di {} ({}) diganti", "Replaced the earlier export in {} ({})";
    ExportDone => "Ekspor ditulis ke {}: {}", "Exported to {}: {}";
    FileUnreadable => "Tidak dapat membaca {}: {}", "Cannot read {}: {}";
    ImportKindUnknown => "Jenis berkas {} tidak dikenali dari kepalanya (kolom *_uid)", "Cannot tell what {} holds from its header (a *_uid column)";
    ImportFileIgnored => "Berkas {} diabaikan (bukan bagian format pertukaran)", "File {} ignored (not part of the exchange format)";
    ImportNoManifest => "Folder tanpa manifest.json: jumlah baris dan checksum tidak dapat diperiksa", "Folder without manifest.json: row counts and checksums cannot be checked";
    ImportUnknownColumns => "{}: kolom tidak dikenal diabaikan: {}", "{}: unknown columns ignored: {}";
    ManifestInvalid => "manifest.json tidak valid: {}", "Invalid manifest.json: {}";
    ManifestNewer => "Folder dibuat dengan format versi {} yang lebih baru; perbarui pmi-desk", "The folder uses a newer format version {}; upgrade pmi-desk";
    ManifestMismatch => "{} tidak sesuai manifest ({}): salinan tidak lengkap? Tidak ada yang ditulis", "{} does not match the manifest ({}): a truncated copy? Nothing was written";
    ManifestFileMissing => "berkas tidak ada", "file missing";
    ManifestRows => "manifest {} baris, berkas {} baris", "manifest says {} rows, the file has {}";
    ManifestChecksum => "checksum berbeda", "checksum differs";
    ImportMasked => "Ekspor tersamar (untuk statistik) tidak dapat diimpor", "A masked export (for statistics) cannot be imported";
    ImportValueRequired => "nilai wajib kosong", "required value missing";
    ImportColumnMissing => "kolom wajib tidak ada", "required column missing";
    ImportUnknownReference => "merujuk data yang tidak ada di basis data maupun di impor ini", "refers to a record found neither in the database nor in this import";
    ImportRefersToRejected => "merujuk baris yang salah di impor ini", "refers to a row of this import that has errors";
    ImportNumberTaken => "nomor ini sudah dipakai data lain ({})", "this number is already used by another record ({})";
    ImportConflict => "NIK {}: tersimpan '{}', diimpor '{}' ({} baris {}); periksa", "NIK {}: stored as '{}', imported as '{}' ({} line {}); please check";
    ImportStampedAhead => "dicap lebih dari {} jam di depan jam kantor ini: periksa jam komputer pengirim", "stamped more than {} hours ahead of this office's clock: check the sending computer's clock";
    ImportSecondIssued => "penempatan ini sudah punya surat terbit lain ({}); hanya satu yang boleh berlaku", "this placement already has another issued letter ({}); only one may be in force";
    ImportWarningsNeedAcceptance => "Impor berhenti: {} peringatan (lihat di atas). Periksa, lalu ulangi dengan --accept-warnings untuk menyimpannya. Tidak ada yang ditulis", "Import stopped: {} warning(s) (see above). Check them, then repeat with --accept-warnings to store them. Nothing was written";
    ImportNothingFound => "Tidak ada berkas pertukaran yang dikenal di {} (persons.csv, placements.csv, ...). Tidak ada yang ditulis", "No known exchange file in {} (persons.csv, placements.csv, ...). Nothing was written";
    ImportConflictsFound => "{} perubahan bersamaan: data diubah di kedua kantor sejak terakhir sama (nilai yang kalah disimpan di log audit)", "{} concurrent change(s): changed at both offices since they last agreed (the losing values are kept in the audit log)";
    ConflictReason => "diubah di kedua kantor ({} {}); disimpan: {}", "changed at both offices ({} {}); kept: {}";
    KeptIncoming => "kiriman", "incoming";
    KeptLocal => "lokal", "local";
    MomentInvalid => "Waktu '{}' tidak valid: tulis tanggal (YYYY-MM-DD atau DD-MM-YYYY) atau waktu RFC 3339", "Invalid time '{}': write a date (YYYY-MM-DD or DD-MM-YYYY) or an RFC 3339 time";
    NotFound => "tidak ditemukan", "not found";
    HeaderTwice => "kolom ini muncul dua kali di baris judul", "this column appears twice in the header";
    HeaderMisspelt => "kolom tidak dikenal; maksudnya {}? Perbaiki judul kolom", "unknown column; did you mean {}? Correct the header";
    RowWidth => "baris berisi {} nilai, judul {} kolom: nilai bisa masuk ke kolom yang salah", "the row has {} values, the header {} columns: values could land under the wrong column";
    NotUtf8 => "bukan teks UTF-8: simpan ulang berkas dari Excel sebagai \"CSV UTF-8 (Comma delimited)\"", "not UTF-8 text: save the file again from Excel as \"CSV UTF-8 (Comma delimited)\"";
    NotUtf8File => "{} bukan teks UTF-8: simpan ulang dari Excel sebagai \"CSV UTF-8 (Comma delimited)\". Tidak ada yang ditulis", "{} is not UTF-8 text: save it again from Excel as \"CSV UTF-8 (Comma delimited)\". Nothing was written";
    CsvUnreadable => "baris tidak dapat dibaca sebagai CSV: {}", "the row cannot be read as CSV: {}";
    NotARegularFile => "{} bukan berkas biasa (tautan, perangkat atau folder); tidak dibaca", "{} is not a regular file (a link, a device or a folder); not read";
    ImportEmptyFile => "{} kosong: tidak ada baris judul", "{} is empty: no header line";
    ManifestUnknownFile => "manifest.json menyebut berkas yang tidak dikenal '{}'; folder ditolak", "manifest.json names an unknown file '{}'; the folder is refused";
    ManifestUnlisted => "{} ada di folder tetapi tidak disebut manifest.json: salinan yang dicampur? Tidak ada yang ditulis", "{} is in the folder but not listed in manifest.json: a mixed copy? Nothing was written";
    ImportLooksMasked => "NIK dipotong menjadi 12 angka: ini tampaknya ekspor tersamar (untuk statistik), yang tidak dapat diimpor", "a NIK cut to 12 digits: this looks like a masked export (for statistics), which cannot be imported";
    ImportRejected => "Impor ditolak: {} kesalahan (lihat di atas). Tidak ada yang ditulis", "Import rejected: {} error(s) (see above). Nothing was written";
    ImportDone => "Impor selesai", "Import done";
    ImportDryRun => "Uji coba: tidak ada yang ditulis", "Dry run: nothing was written";
    TimestampInvalid => "Waktu '{}' tidak valid: tulis RFC 3339, mis. 2023-11-08T09:30:00Z", "Invalid time '{}': write RFC 3339, e.g. 2023-11-08T09:30:00Z";
    UidInvalid => "UID '{}' tidak valid", "Invalid uid '{}'";
    HeadFile => "Berkas", "File";
    HeadInserted => "Baru", "Inserted";
    HeadUpdated => "Diperbarui", "Updated";
    HeadUnchanged => "Tetap", "Unchanged";
    HeadMerged => "Digabung", "Merged";
    HeadConflicts => "Bentrok", "Conflicts";
    HeadField => "Kolom", "Field";
    HeadLocalValue => "Nilai lokal", "Local value";
    HeadIncomingValue => "Nilai kiriman", "Incoming value";
    HeadKept => "Disimpan", "Kept";
    BackupExists => "{} sudah ada; pilih nama lain, atau tambahkan --force untuk mengganti cadangan lama itu", "{} already exists; choose another name, or add --force to replace that earlier backup";
    BackupRefusesFile => "{} sudah ada dan bukan basis data pmi-desk; tidak ditimpa, juga dengan --force", "{} exists and is not a pmi-desk database; it is not replaced, not even with --force";
    BackupDone => "Cadangan ditulis ke {}", "Backup written to {}";
    // Help, parser errors and the short help of `pmi-desk` alone (src/help/). Clap's own English
    // is replaced by these in Indonesian; the English column says what each one stands for.
    HelpUsage => "Penggunaan", "Usage";
    HelpCommands => "Perintah", "Commands";
    HelpArguments => "Argumen", "Arguments";
    HelpOptions => "Opsi", "Options";
    HelpGlobalOptions => "Opsi umum", "Global options";
    HelpExamples => "Contoh", "Examples";
    HelpOptionsTag => "[OPSI]", "[OPTIONS]";
    HelpCommandValue => "PERINTAH", "COMMAND";
    HelpDefault => "[bawaan: {}]", "[default: {}]";
    HelpEnv => "[variabel lingkungan: {}]", "[env: {}]";
    HelpChoices => "[pilihan: {}]", "[possible values: {}]";
    HelpCommandChoices => "[perintah: {}]", "[subcommands: {}]";
    ManName => "NAMA", "NAME";
    ManSynopsis => "SINOPSIS", "SYNOPSIS";
    ManDescription => "DESKRIPSI", "DESCRIPTION";
    ManVersion => "VERSI", "VERSION";
    ManAuthors => "PENYUSUN", "AUTHORS";
    ErrPrefix => "kesalahan:", "error:";
    ErrTip => "saran:", "tip:";
    ErrUnknownCommand => "perintah '{}' tidak dikenal", "unrecognized subcommand '{}'";
    ErrUnknownOption => "opsi '{}' tidak dikenal", "unexpected argument '{}' found";
    ErrUnexpectedArgument => "argumen '{}' tidak diharapkan di sini", "unexpected argument '{}' found";
    ErrMissingRequired => "yang wajib diisi belum diberikan:", "the following required arguments were not provided:";
    ErrInvalidValue => "nilai '{}' tidak valid untuk '{}'", "invalid value '{}' for '{}'";
    ErrValueMissing => "'{}' memerlukan nilai, tetapi tidak ada yang diberikan", "a value is required for '{}' but none was supplied";
    ErrUsedTwice => "'{}' tidak boleh dipakai lebih dari sekali", "the argument '{}' cannot be used multiple times";
    ErrConflict => "'{}' tidak dapat dipakai bersama {}", "the argument '{}' cannot be used with {}";
    ErrCommandConflict => "perintah '{}' tidak dapat dipakai bersama {}", "the subcommand '{}' cannot be used with {}";
    ErrConflictOthers => "opsi lain yang disebut", "one or more of the other specified arguments";
    ErrMissingCommand => "'{}' memerlukan perintah lanjutan, tetapi tidak ada yang diberikan", "'{}' requires a subcommand but one was not provided";
    ErrTooManyValues => "nilai '{}' untuk '{}' tidak diharapkan; tidak ada nilai lain yang diperlukan", "unexpected value '{}' for '{}' found; no more were expected";
    ErrWrongNumberOfValues => "{} nilai diperlukan untuk '{}', tetapi yang diberikan {}", "{} values required for '{}' but {} were provided";
    ErrTooFewValues => "{} nilai diperlukan untuk '{}', tetapi yang diberikan hanya {}", "{} values required by '{}'; only {} were provided";
    ErrNoEquals => "nilai untuk '{}' harus ditulis dengan tanda sama dengan (=)", "equal sign is needed when assigning values to '{}'";
    ErrInvalidUtf8 => "ada argumen yang berisi karakter tidak valid (bukan UTF-8)", "invalid UTF-8 was detected in one or more arguments";
    ErrSimilarCommand => "perintah yang mirip: {}", "a similar subcommand exists: {}";
    ErrSimilarOption => "opsi yang mirip: {}", "a similar argument exists: {}";
    ErrSimilarValue => "nilai yang mirip: {}", "a similar value exists: {}";
    ErrPassAsValue => "untuk memberikan '{}' sebagai nilai, tulis '{}'", "to pass '{}' as a value, use '{}'";
    ErrExistsElsewhere => "'{}' tersedia", "'{}' exists";
    ErrRemoveDashes => "perintah '{}' tersedia; untuk memakainya, hapus '--' di depannya", "subcommand '{}' exists; to use it, remove the '--' before it";
    ErrMoreInfo => "Keterangan lebih lanjut: '{}'.", "For more information, try '{}'.";
    ErrNotWholeNumber => "harus berupa bilangan bulat", "must be a whole number";
    ErrNumberTooLarge => "angkanya terlalu besar", "the number is too large";
    ErrNumberTooSmall => "angkanya terlalu kecil", "the number is too small";
    ErrEmptyValue => "tidak boleh kosong", "may not be empty";
    ErrOutOfRange => "harus antara {} dan {}", "must be between {} and {}";
    StartHelp => "pmi-desk: alat kerja petugas BP3MI untuk pendaftaran CPMI, rekomendasi paspor,
pengaduan, pemulangan dan statistik, dalam satu berkas basis data.

Tugas sehari-hari:
  pmi-desk register               daftarkan calon pekerja migran (CPMI)
  pmi-desk docs add               catat dokumen yang sudah diperiksa
  pmi-desk recommend-passport     terbitkan surat rekomendasi paspor
  pmi-desk depart, return         catat keberangkatan dan kepulangan
  pmi-desk open-case, case        buka dan tindak lanjuti pengaduan
  pmi-desk repatriate, handover   catat pemulangan dan serah terima
  pmi-desk report                 statistik bulanan
  pmi-desk export, import         kirim dan terima data antarkantor

Mulai: pmi-desk demo (basis data contoh) atau pmi-desk init (kantor baru).
Semua perintah: pmi-desk --help     Satu perintah: pmi-desk register --help
Bahasa Inggris: pmi-desk --lang en (atau PMI_DESK_LANG=en)", "pmi-desk: registration, passport recommendations, protection cases,
repatriations and statistics for a BP3MI office, over one database file.

The day's work:
  pmi-desk register               register a prospective migrant worker (CPMI)
  pmi-desk docs add               record a checked document
  pmi-desk recommend-passport     issue the passport recommendation letter
  pmi-desk depart, return         record a departure or a return
  pmi-desk open-case, case        open and follow protection cases
  pmi-desk repatriate, handover   record repatriations and handovers
  pmi-desk report                 monthly statistics
  pmi-desk export, import         exchange records with other offices

Start: pmi-desk demo (a sample database) or pmi-desk init (a new office).
All commands: pmi-desk --help     One command: pmi-desk register --help
Bahasa Indonesia: pmi-desk --lang id (or PMI_DESK_LANG=id)";
    // Queries that end, and the audit log's hash chain
    QueryTimedOut => "Query dihentikan pada batas waktunya ({} detik, --timeout): persempit dengan WHERE atau LIMIT, atau naikkan --timeout (0 = tanpa batas)", "The query was stopped at its time limit ({} s, --timeout): narrow it with WHERE or LIMIT, or raise --timeout (0 = no limit)";
    QueryNoTable => "Tabel '{}' tidak ada; lihat docs/queries.md untuk view yang tersedia (v_placements, v_recommendations, v_cases, v_repatriations)", "There is no table '{}'; see docs/queries.md for the views available (v_placements, v_recommendations, v_cases, v_repatriations)";
    QueryNoColumn => "Kolom '{}' tidak ada; lihat docs/queries.md untuk kolom setiap view", "There is no column '{}'; see docs/queries.md for the columns of each view";
    QueryNoFunction => "Fungsi '{}' tidak ada di SQLite (atau jumlah argumennya salah)", "SQLite has no function '{}' (or not with that many arguments)";
    QueryAmbiguousColumn => "Kolom '{}' ada di lebih dari satu tabel; tulis tabel.kolom", "Column '{}' is in more than one table; write table.column";
    QuerySyntax => "Penulisan SQL salah di dekat '{}'", "SQL syntax error near '{}'";
    QueryIncomplete => "Pernyataan SQL tidak lengkap: ada tanda kurung atau tanda kutip yang belum ditutup?", "The SQL statement is incomplete: a bracket or quote left open?";
    QueryNotAuthorized => "Query ini tidak diizinkan: query hanya boleh membaca data", "This query is not allowed: a query may only read data";
    QueryMoreRows => "Hanya {} baris pertama yang ditampilkan; masih ada baris lain: pakai --limit N atau --all", "Only the first {} rows are shown; there are more: use --limit N or --all";
    QueryWritten => "Hasil query ditulis ke {}: {} baris", "Query result written to {}: {} rows";
    OutFormatUnknown => "Jenis berkas {} tidak dikenal: pakai .csv, .json, .txt atau .xlsx. Tidak ada yang ditulis", "Unknown file type {}: use .csv, .json, .txt or .xlsx. Nothing was written";
    AuditChainIntact => "Rantai log audit utuh: {} entri, kepala {}", "Audit log chain intact: {} entries, head {}";
    AuditNoHead => "(belum ada)", "(none yet)";
    AuditKnownHeadFound => "Kepala {} ada di rantai: entri {} ({}); tidak ada yang ditulis ulang sampai titik itu", "Head {} is in the chain: entry {} ({}); nothing up to it was rewritten";
    AuditKnownHeadMissing => "Kepala {} tidak ada di rantai log audit: log ditulis ulang atau dipotong sejak kepala itu dicatat", "Head {} is not in the audit log chain: the log was rewritten or trimmed since that head was recorded";
    AuditHeadInvalid => "'{}' bukan hash log audit (64 karakter heksadesimal, seperti \"audit_head\" di manifest.json)", "'{}' is not an audit log hash (64 hexadecimal characters, like \"audit_head\" in manifest.json)";
    AuditEntryAltered => "Log audit rusak: entri {} ({}) diubah sesudah ditulis (isinya tidak cocok dengan hash-nya)", "The audit log is broken: entry {} ({}) was altered after it was written (its content does not match its hash)";
    AuditEntryUnlinked => "Log audit rusak: entri {} ({}) tidak menyambung ke entri sebelumnya ({}): ada entri yang dihapus, atau entri sebelumnya diubah atau dipindah", "The audit log is broken: entry {} ({}) does not follow the entry before it ({}): entries were removed, or the one before was altered or moved";
    AuditNoEntryBefore => "tidak ada", "none";
    AuditChainIntactShort => "utuh ({} entri)", "intact ({} entries)";
    AuditChainBrokenShort => "rusak pada entri {} ({})", "broken at entry {} ({})";
    // Paper: letters, refusal letters, handover records, the summary as PDF (issue 13)
    LetterOrRecordNotFound => "Tidak ada surat rekomendasi, rekomendasi, atau pemulangan dengan nomor atau uid '{}'", "No letter, recommendation or repatriation has the number or uid '{}'";
    PaperSettingsMissing => "Dokumen tidak dapat dicetak: pengaturan kantor belum lengkap. Jalankan:\n{}", "The document cannot be printed: the office's settings are incomplete. Run:\n{}";
    HandoverNotYet => "Pemulangan {} belum diserahterimakan, jadi belum ada berita acara. Catat serah terimanya dulu: pmi-desk handover {} --to KELUARGA --on TANGGAL --receiver-name NAMA --receiver-relation HUBUNGAN", "Repatriation {} has not been handed over, so there is no handover record yet. Record the handover first: pmi-desk handover {} --to FAMILY --on DATE --receiver-name NAME --receiver-relation RELATION";
    DocRecommendationLetter => "Surat rekomendasi", "Recommendation letter";
    DocRefusalLetter => "Surat penolakan", "Refusal letter";
    DocHandoverRecord => "Berita acara serah terima", "Handover record";
    DocumentWritten => "{} {} ditulis ke {} (cetakan ke-{})", "{} {} written to {} (print no. {})";
    PdfCharacterUnprintable => "Karakter '{}' ({}) dalam \"{}\" tidak dapat dicetak ke PDF: tidak ada font terpasang yang memuatnya. Periksa datanya, atau cetak sebagai HTML (--out BERKAS.html)", "Character '{}' ({}) in \"{}\" cannot be printed in a PDF: no embedded font has it. Check the data, or print as HTML (--out FILE.html)";
    LogoUnreadable => "Logo kop surat tidak dapat dibaca sebagai gambar: {}", "The letterhead logo cannot be read as an image: {}";
    LogoFileUnreadable => "Berkas logo {} tidak dapat dibaca ({}). Ganti dengan pmi-desk config set letterhead.logo BERKAS, atau hapus dengan pmi-desk config set letterhead.logo \"\"", "Logo file {} cannot be read ({}). Replace it with pmi-desk config set letterhead.logo FILE, or remove it with pmi-desk config set letterhead.logo \"\"";
    LogoNotImage => "Berkas logo {} bukan gambar PNG atau JPEG", "Logo file {} is not a PNG or JPEG image";
    LogoTooLarge => "Berkas logo {} terlalu besar ({} KB): paling besar 100 KB, agar surat tetap di bawah 150 KB", "Logo file {} is too large ({} KB): at most 100 KB, so that a letter stays under 150 KB";
    OutExtensionUnknown => "Jenis berkas '{}' tidak dikenal untuk {}: pakai {}. Tidak ada yang ditulis", "Unknown file type '{}' for {}: use {}. Nothing was written";
    PromptLetterheadAgency => "Kop surat: instansi induk (mis. KEMENTERIAN PELINDUNGAN PEKERJA MIGRAN INDONESIA)", "Letterhead: parent agency (e.g. KEMENTERIAN PELINDUNGAN PEKERJA MIGRAN INDONESIA)";
    PromptLetterheadOffice => "Kop surat: nama kantor (Enter = {})", "Letterhead: office (Enter = {})";
    PromptLetterheadAddress => "Kop surat: alamat", "Letterhead: address";
    PromptLetterheadPhone => "Kop surat: telepon, surel, laman", "Letterhead: telephone, e-mail, website";
    PromptLetterheadLogo => "Kop surat: berkas logo PNG/JPEG (Enter = tanpa logo)", "Letterhead: PNG/JPEG logo file (Enter = no logo)";
    PromptSignatoryName => "Penanda tangan surat: nama lengkap", "Letter signatory: full name";
    PromptSignatoryTitle => "Penanda tangan surat: jabatan (mis. Kepala Balai)", "Letter signatory: title (e.g. Kepala Balai)";
    PromptSignatoryNip => "Penanda tangan surat: NIP", "Letter signatory: NIP (civil-service number)";
    PromptOfficeCity => "Kota tempat surat ditandatangani", "City where letters are signed";
    PromptImmigrationDefault => "Kantor imigrasi tujuan surat rekomendasi (mis. Kepala Kantor Imigrasi Kelas I TPI Surabaya)", "Immigration office recommendation letters are addressed to (e.g. Kepala Kantor Imigrasi Kelas I TPI Surabaya)";
    PromptKeepCurrent => "{} [sekarang: {}; Enter = tetap]", "{} [now: {}; Enter = keep]";
    InitPaperHint => "Sebelum mencetak surat, isi kop surat dan penanda tangan (lihat pmi-desk config list), mis.:\n{}", "Before printing letters, set the letterhead and signatory (see pmi-desk config list), e.g.:\n{}";
    // Tables made for 80 columns: listings cut at --limit, the audit log, check, ref and reports
    ListMore => "{} lagi (dari {}): --limit JUMLAH atau --all", "{} more (of {}): --limit N or --all";
    LogKindPerson => "orang", "person";
    LogKindPlacement => "penempatan", "placement";
    LogKindDocument => "dokumen", "document";
    LogKindRecommendation => "rekomendasi", "recommendation";
    LogKindCase => "pengaduan", "case";
    LogKindCaseEvent => "kegiatan pengaduan", "case event";
    LogKindRepatriation => "pemulangan", "repatriation";
    LogKindWarning => "peringatan", "warning";
    LogKindDatabase => "basis data", "database";
    LogActionCreate => "dibuat", "created";
    LogActionUpdate => "diubah", "updated";
    LogActionHandover => "serah terima", "handed over";
    LogActionImport => "impor", "import";
    LogActionExport => "ekspor", "export";
    LogActionAlias => "uid kantor lain dicatat", "other office's uid recorded";
    LogActionConflictKeptLocal => "konflik: data kantor ini dipertahankan", "conflict: this office's values kept";
    LogActionWarningsAccepted => "peringatan diterima", "warnings accepted";
    TableNamePersons => "orang", "persons";
    TableNamePlacements => "penempatan", "placements";
    TableNameDocuments => "dokumen", "documents";
    TableNameRecommendations => "rekomendasi", "recommendations";
    TableNameCases => "pengaduan", "cases";
    TableNameCaseEvents => "kegiatan pengaduan", "case events";
    TableNameRepatriations => "pemulangan", "repatriations";
    TableNameAuditLog => "catatan log audit", "audit log entries";
    CheckItemDatabase => "Basis data", "Database";
    CheckItemSchemaVersion => "Versi skema", "Schema version";
    CheckItemIntegrity => "Keutuhan berkas", "Integrity";
    CheckItemForeignKeys => "Rujukan antardata yang rusak", "Broken references (foreign keys)";
    CheckItemCount => "Jumlah {}", "Number of {}";
    CheckItemAuditChain => "Rantai log audit", "Audit log chain";
    CheckItemAuditHead => "Ujung rantai log audit", "Audit log chain head";
    RefListDocumentKind => "jenis dokumen", "document kind";
    RefListRecommendationStatus => "status rekomendasi", "recommendation status";
    RefListCaseCategory => "kategori pengaduan", "case category";
    RefListCaseStatus => "status pengaduan", "case status";
    RefListCaseEventKind => "jenis kegiatan pengaduan", "case event kind";
    RefListRepatriationCategory => "kategori pemulangan", "repatriation category";
    ReportReasonNotRefused => "(tidak ditolak: surat diterbitkan)", "(not refused: letter issued)";
    ReportZeroRowsOmitted => "Kombinasi bernilai 0 tidak ditampilkan ({}); semuanya ada di --format csv dan json", "Combinations of 0 not shown ({}); --format csv and json carry them all";
    // Workbooks (export --xlsx, import FILE.xlsx, report/query --out FILE.xlsx) and documents a clerk can fix
    XlsxTooManyRows => "Lembar {} terlalu banyak baris: satu lembar kerja memuat paling banyak {} baris data. Pakai ekspor folder CSV, atau --only/--since-last. Tidak ada yang ditulis", "Sheet {} has too many rows: a worksheet holds at most {} data rows. Use the CSV folder export, or --only/--since-last. Nothing was written";
    XlsxTextTooLong => "{}: teks lebih dari {} karakter tidak muat dalam satu sel lembar kerja; pakai ekspor folder CSV. Tidak ada yang ditulis", "{}: a text longer than {} characters does not fit in one spreadsheet cell; use the CSV folder export. Nothing was written";
    WorkbookUnreadable => "{} tidak dapat dibaca sebagai buku kerja .xlsx: {}", "{} cannot be read as an .xlsx workbook: {}";
    ImportSheetIgnored => "Lembar {} diabaikan (bukan bagian format pertukaran)", "Sheet {} ignored (not part of the exchange format)";
    ImportSheetTwice => "Lembar {} dan {} sama-sama berisi {}; hapus salah satunya", "Sheets {} and {} both hold {}; remove one of them";
    ImportNoManifestSheet => "Buku kerja tanpa lembar manifest (dibuat tangan atau di spreadsheet): kantor pengirim tidak diketahui", "Workbook without a manifest sheet (made by hand or in a spreadsheet): the sending office is not known";
    WorkbookNumberLostDigits => "Angka {} tampaknya diubah spreadsheet dan kehilangan angka terakhirnya; format kolom sebagai teks dan ketik ulang nilainya", "The number {} looks like a spreadsheet changed it and lost its last digits; format the column as text and type the value again";
    WorkbookCellError => "Sel berisi galat spreadsheet {}; isi nilainya", "The cell holds the spreadsheet error {}; enter the value";
    ExportRefusesWorkbook => "{} bukan buku kerja ekspor pmi-desk: --force hanya mengganti ekspor sebelumnya. Tidak ada yang dihapus", "{} is not a pmi-desk export workbook: --force replaces only an earlier export. Nothing was deleted";
    ExportNeedsOut => "Beri --out FOLDER atau --xlsx BERKAS", "Give --out DIR or --xlsx FILE";
    DocumentAlreadyRecorded => "{} sudah dicatat untuk {} ({}). Perbaiki dengan: pmi-desk docs edit {} --kind {} [--number NOMOR] [--issued TANGGAL] [--expires TANGGAL]; atau hapus dulu dengan: pmi-desk docs remove {} --kind {} --reason \"...\". Tidak ada yang disimpan", "{} is already recorded for {} ({}). Correct it with: pmi-desk docs edit {} --kind {} [--number NUMBER] [--issued DATE] [--expires DATE]; or remove it first with: pmi-desk docs remove {} --kind {} --reason \"...\". Nothing was saved";
    DocumentNotRecorded => "Belum ada {} untuk {}; catat dengan: pmi-desk docs add {} --kind {}", "No {} is recorded for {}; record it with: pmi-desk docs add {} --kind {}";
    DocumentVerified => "{} untuk {} ditandai sudah diverifikasi", "{} for {} marked verified";
    DocumentAlreadyVerified => "{} untuk {} sudah diverifikasi pada {} oleh {}; tidak ada yang diubah", "{} for {} was already verified on {} by {}; nothing was changed";
    DocumentEdited => "{} untuk {} diperbaiki", "{} for {} corrected";
    DocumentUnchanged => "{} untuk {} tidak berubah", "{} for {} is unchanged";
    DocumentEditNothing => "Tidak ada yang diubah: beri --number, --issued, --expires atau --verified", "Nothing to change: give --number, --issued, --expires or --verified";
    DocumentRemoved => "{} untuk {} dihapus: tetap disimpan bersama alasannya dan tidak dihitung lagi", "{} for {} removed: it is kept with the reason and no longer counts";
    DocumentRemovalNeedsReason => "Dokumen yang dihapus perlu alasan penghapusan", "A removed document needs the reason for its removal";
    DocumentReasonNeedsRemoval => "Alasan penghapusan hanya untuk dokumen yang dihapus (tanggal dihapus kosong)", "A reason for removal belongs only to a removed document (the removal date is empty)";
    DocumentOnceConstraint => "Penempatan ini sudah memiliki dokumen jenis ini; perbaiki dengan pmi-desk docs edit", "This placement already has a document of this kind; correct it with pmi-desk docs edit";
    ImportSecondDocument => "Penempatan ini sudah memiliki {} yang berlaku ({}); satu penempatan hanya punya satu dokumen per jenis", "This placement already has a live {} ({}); a placement has one document of each kind";
    LogActionRemove => "dihapus (disimpan)", "removed (kept)";
    LogActionVerify => "diverifikasi", "verified";
    WorkbookTooLarge => "{} akan terbuka menjadi {} MB (paling banyak {} MB); buku kerja sebesar itu tidak dibaca: pakai folder CSV", "{} would unpack to {} MB (at most {} MB); a workbook that large is not read: use a CSV folder";
}
