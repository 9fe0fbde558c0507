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
    OfficeAlreadyInitialised => "Basis data ini milik kantor {} ({}); kode kantor tidak dapat diganti", "This database belongs to office {} ({}); its office code cannot be changed";
    InitDone => "Kantor {} ({}) siap di {}", "Office {} ({}) is ready in {}";
    SettingUnknown => "Pengaturan '{}' tidak ada; pengaturan: {}", "No setting '{}'; settings: {}";
    SettingSaved => "{} = {}", "{} = {}";
    ChecklistEmpty => "Daftar dokumen kosong", "The document checklist is empty";
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
    DemoDone => "Basis data demo dibuat di {}: {} orang, {} penempatan, {} dokumen", "Demo database written to {}: {} persons, {} placements, {} documents";
    DemoNext => "Coba:\n  pmi-desk --db {} worker list --stage REGISTERED\n  pmi-desk --db {} worker find siti\n  pmi-desk --db {} check", "Try:\n  pmi-desk --db {} worker list --stage REGISTERED\n  pmi-desk --db {} worker find siti\n  pmi-desk --db {} check";
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
}
