//! Every code list of the exchange format, each code with its Indonesian and English label and the
//! aliases clerks use. One parser for all of them, so a flag, a prompt and a CSV cell give the same
//! message.

use crate::error::Invalid;
use crate::i18n::{Lang, Msg};
use crate::said;

/// What every code list offers to the parser, the `ref codes` command and the prompts.
pub trait CodeList: Copy + Sized + 'static {
    /// The list's name as the exchange format's column (e.g. `scheme`).
    const LIST: &'static str;
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
    fn label_in(self, lang: Lang) -> &'static str;
    fn aliases(self) -> &'static [&'static str];

    /// Parses a code, an alias or a label, in any case, with spaces or dashes for underscores.
    fn parse(input: &str) -> Result<Self, Invalid> {
        // The code itself, as exports write it: the common case, without normalising anything.
        if let Some(exact) = Self::all().iter().copied().find(|c| c.code() == input) {
            return Ok(exact);
        }
        let wanted = normalise(input);
        if wanted.is_empty() {
            return Err(Invalid(said!(Msg::CodeEmpty, Self::LIST)));
        }
        Self::all()
            .iter()
            .copied()
            .find(|c| {
                normalise(c.code()) == wanted
                    || c.aliases().iter().any(|a| normalise(a) == wanted)
                    || normalise(c.label_in(Lang::Id)) == wanted
                    || normalise(c.label_in(Lang::En)) == wanted
            })
            .ok_or_else(|| {
                let codes: Vec<&str> = Self::all().iter().map(|c| c.code()).collect();
                Invalid(said!(
                    Msg::CodeUnknown,
                    input.trim(),
                    Self::LIST,
                    codes.join(", ")
                ))
            })
    }
}

fn normalise(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' | '/' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

/// One row of `ref codes`: a list's name and its codes with both labels.
pub struct CodeListInfo {
    pub list: &'static str,
    pub entries: Vec<(&'static str, &'static str, &'static str)>,
}

fn info<C: CodeList>() -> CodeListInfo {
    CodeListInfo {
        list: C::LIST,
        entries: C::all()
            .iter()
            .map(|c| (c.code(), c.label_in(Lang::Id), c.label_in(Lang::En)))
            .collect(),
    }
}

/// All code lists, in the order of the exchange format.
pub fn all_lists() -> Vec<CodeListInfo> {
    vec![
        info::<Sex>(),
        info::<Education>(),
        info::<MaritalStatus>(),
        info::<Scheme>(),
        info::<Sector>(),
        info::<Stage>(),
        info::<CancelReason>(),
        info::<DocumentKind>(),
        info::<RecommendationStatus>(),
        info::<RefusalReason>(),
        info::<CaseCategory>(),
        info::<Channel>(),
        info::<ProceduralStatus>(),
        info::<CaseStatus>(),
        info::<ClosureReason>(),
        info::<CaseEventKind>(),
        info::<Partner>(),
        info::<RepatriationCategory>(),
        info::<HandoverTo>(),
    ]
}

macro_rules! code_list {
    ($(#[$meta:meta])* $name:ident, $list:literal {
        $($variant:ident = $code:literal, $id:literal, $en:literal $(, [$($alias:literal),*])?;)+
    }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant),+
        }

        impl CodeList for $name {
            const LIST: &'static str = $list;
            fn all() -> &'static [Self] {
                &[$($name::$variant),+]
            }
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            fn label_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Id => match self { $($name::$variant => $id),+ },
                    Lang::En => match self { $($name::$variant => $en),+ },
                }
            }
            fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($($alias),*)?]),+ }
            }
        }

        impl $name {
            pub fn code(self) -> &'static str {
                <Self as CodeList>::code(self)
            }
            pub fn label_id(self) -> &'static str {
                <Self as CodeList>::label_in(self, Lang::Id)
            }
        }

        impl $crate::domain::record::Text for $name {
            fn as_text(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed(self.code())
            }
            fn parse_text(text: &str) -> Result<Self, Invalid> {
                <Self as CodeList>::parse(text)
            }
        }

        impl $crate::i18n::IntoArg for $name {
            fn into_arg(self) -> $crate::i18n::Arg {
                $crate::i18n::Arg::Word {
                    id: <Self as CodeList>::label_in(self, Lang::Id).into(),
                    en: <Self as CodeList>::label_in(self, Lang::En).into(),
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = Invalid;
            fn from_str(s: &str) -> Result<Self, Invalid> {
                <Self as CodeList>::parse(s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_list!(Sex, "sex" {
    L = "L", "Laki-laki", "Male", ["M", "LK", "PRIA", "MALE"];
    P = "P", "Perempuan", "Female", ["F", "PR", "W", "WANITA", "FEMALE"];
});

code_list!(Education, "education" {
    None = "NONE", "Tidak sekolah", "No schooling", ["TIDAK_SEKOLAH"];
    Sd = "SD", "SD", "Primary school";
    Smp = "SMP", "SMP", "Junior secondary school", ["SLTP"];
    Sma = "SMA", "SMA/SMK", "Senior secondary school", ["SMK", "SLTA", "MA"];
    D1 = "D1", "Diploma I", "Diploma 1";
    D2 = "D2", "Diploma II", "Diploma 2";
    D3 = "D3", "Diploma III", "Diploma 3";
    D4 = "D4", "Diploma IV", "Diploma 4";
    S1 = "S1", "Sarjana (S1)", "Bachelor's degree";
    S2 = "S2", "Magister (S2)", "Master's degree";
    S3 = "S3", "Doktor (S3)", "Doctorate";
});

code_list!(MaritalStatus, "marital_status" {
    Single = "SINGLE", "Belum kawin", "Single", ["BELUM_KAWIN"];
    Married = "MARRIED", "Kawin", "Married", ["KAWIN"];
    Divorced = "DIVORCED", "Cerai hidup", "Divorced", ["CERAI", "CERAI_HIDUP"];
    Widowed = "WIDOWED", "Cerai mati", "Widowed", ["CERAI_MATI"];
});

code_list!(
    /// Placement scheme (UU 18/2017 Art. 49 and 63).
    Scheme, "scheme" {
    G2g = "G2G", "G to G (antar pemerintah)", "G2G (government to government)", ["GTG"];
    P3mi = "P3MI", "P to P (melalui P3MI)", "P3MI (through a placement company)", ["P2P", "PTP"];
    Ukps = "UKPS", "Untuk kepentingan perusahaan sendiri", "UKPS (company placing its own staff)";
    Mandiri = "MANDIRI", "Perseorangan (mandiri)", "Individual (mandiri)", ["PERSEORANGAN", "INDIVIDUAL"];
});

code_list!(Sector, "sector" {
    Formal = "FORMAL", "Formal", "Formal";
    Informal = "INFORMAL", "Informal", "Informal";
});

code_list!(
    /// Where a placement stands: registered -> recommended -> departed -> returned, or cancelled.
    Stage, "stage" {
    Registered = "REGISTERED", "Terdaftar", "Registered", ["TERDAFTAR"];
    Recommended = "RECOMMENDED", "Direkomendasikan paspor", "Passport recommended", ["DIREKOMENDASIKAN"];
    Departed = "DEPARTED", "Berangkat", "Departed", ["BERANGKAT"];
    Returned = "RETURNED", "Pulang", "Returned", ["PULANG"];
    Cancelled = "CANCELLED", "Batal", "Cancelled", ["BATAL", "CANCELED"];
});

code_list!(CancelReason, "cancel_reason" {
    FailedDeparture = "FAILED_DEPARTURE", "Gagal berangkat", "Failed to depart", ["GAGAL_BERANGKAT"];
    Withdrawn = "WITHDRAWN", "Mengundurkan diri", "Withdrawn", ["MENGUNDURKAN_DIRI"];
    PreventedNonprocedural = "PREVENTED_NONPROCEDURAL", "Dicegah (nonprosedural)", "Prevented as non-procedural", ["DICEGAH"];
    Unfit = "UNFIT", "Tidak sehat (unfit)", "Medically unfit";
    Other = "OTHER", "Lainnya", "Other", ["LAINNYA"];
});

code_list!(DocumentKind, "document kind" {
    Ktp = "KTP", "KTP", "ID card (KTP)";
    Kk = "KK", "Kartu keluarga", "Family card (KK)";
    BirthCertificate = "BIRTH_CERTIFICATE", "Akta kelahiran", "Birth certificate", ["AKTA_KELAHIRAN", "AKTA_LAHIR"];
    Diploma = "DIPLOMA", "Ijazah", "Diploma", ["IJAZAH"];
    MarriageBook = "MARRIAGE_BOOK", "Buku nikah", "Marriage book", ["BUKU_NIKAH"];
    DivorceCertificate = "DIVORCE_CERTIFICATE", "Akta cerai", "Divorce certificate", ["AKTA_CERAI"];
    MaritalStatusLetter = "MARITAL_STATUS_LETTER", "Surat keterangan status perkawinan", "Marital-status letter";
    FamilyPermission = "FAMILY_PERMISSION", "Surat izin keluarga/wali", "Permission of spouse, parents or guardian", ["IZIN_KELUARGA"];
    CompetenceCertificate = "COMPETENCE_CERTIFICATE", "Sertifikat kompetensi", "Competence certificate", ["SERTIFIKAT_KOMPETENSI"];
    MedicalCertificate = "MEDICAL_CERTIFICATE", "Surat keterangan sehat (MCU)", "Health and psychological certificate (MCU)", ["MCU"];
    Passport = "PASSPORT", "Paspor", "Passport", ["PASPOR"];
    WorkVisa = "WORK_VISA", "Visa kerja", "Work visa", ["VISA", "VISA_KERJA"];
    PlacementAgreement = "PLACEMENT_AGREEMENT", "Perjanjian penempatan", "Placement agreement", ["PERJANJIAN_PENEMPATAN"];
    EmploymentContract = "EMPLOYMENT_CONTRACT", "Perjanjian kerja", "Employment contract", ["PERJANJIAN_KERJA"];
    BpjsMembership = "BPJS_MEMBERSHIP", "Kepesertaan BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan membership", ["BPJS"];
    PoliceCertificate = "POLICE_CERTIFICATE", "SKCK", "Police certificate (SKCK)", ["SKCK"];
    Ak1Card = "AK1_CARD", "Kartu AK/I", "AK/I job-seeker card", ["AK1"];
    Sip2mi = "SIP2MI", "SIP2MI", "Recruitment permit (SIP2MI)";
    P3miCoverLetter = "P3MI_COVER_LETTER", "Surat pengantar P3MI", "P3MI cover letter";
});

code_list!(RecommendationStatus, "recommendation status" {
    Issued = "ISSUED", "Terbit", "Issued", ["TERBIT"];
    Void = "VOID", "Dibatalkan", "Void", ["BATAL"];
    Used = "USED", "Digunakan", "Used", ["DIGUNAKAN"];
    Refused = "REFUSED", "Ditolak", "Refused", ["DITOLAK"];
});

code_list!(RefusalReason, "refusal_reasons" {
    DocsIncomplete = "DOCS_INCOMPLETE", "Dokumen tidak lengkap", "Documents incomplete";
    UnderAge = "UNDER_AGE", "Belum berusia 18 tahun", "Under 18";
    IdentityMismatch = "IDENTITY_MISMATCH", "Identitas tidak sesuai", "Identity mismatch between documents";
    DestinationClosed = "DESTINATION_CLOSED", "Negara tujuan ditutup (moratorium)", "Destination closed (moratorium)";
    ActiveRecommendationExists = "ACTIVE_RECOMMENDATION_EXISTS", "Masih ada rekomendasi aktif", "An active recommendation exists";
    P3miPermitInvalid = "P3MI_PERMIT_INVALID", "Izin P3MI tidak berlaku untuk negara tujuan", "P3MI permit not valid for the destination";
    TraffickingIndication = "TRAFFICKING_INDICATION", "Indikasi TPPO/nonprosedural", "Indication of trafficking or non-procedural migration", ["TPPO", "TRAFFICKING", "NONPROSEDURAL"];
    Other = "OTHER", "Lainnya", "Other";
});

code_list!(CaseCategory, "case category" {
    WantsRepatriation = "WANTS_REPATRIATION", "PMI ingin dipulangkan", "Worker wants to come home";
    UnpaidWages = "UNPAID_WAGES", "Gaji tidak dibayar", "Unpaid wages", ["GAJI_TIDAK_DIBAYAR"];
    Overcharging = "OVERCHARGING", "Penempatan melebihi struktur biaya", "Overcharging";
    FailedDeparture = "FAILED_DEPARTURE", "PMI gagal berangkat", "Failed departure";
    Deportation = "DEPORTATION", "PMI dideportasi", "Deportation", ["DEPORTASI"];
    DiedAbroad = "DIED_ABROAD", "PMI meninggal dunia di negara tujuan", "Died abroad", ["MENINGGAL"];
    JobFraud = "JOB_FRAUD", "Penipuan peluang kerja", "Job fraud", ["PENIPUAN"];
    Trafficking = "TRAFFICKING", "Tindak pidana perdagangan orang (TPPO)", "Trafficking in persons", ["TPPO"];
    Pregnancy = "PREGNANCY", "PMI hamil/punya anak", "Pregnancy or child", ["HAMIL"];
    Sick = "SICK", "PMI sakit", "Sick", ["SAKIT"];
    SocialSecurity = "SOCIAL_SECURITY", "Jaminan sosial", "Social security", ["JAMSOS"];
    ContractMismatch = "CONTRACT_MISMATCH", "Pekerjaan tidak sesuai perjanjian kerja", "Work not as contracted";
    EmployerViolence = "EMPLOYER_VIOLENCE", "Tindak kekerasan dari majikan", "Violence by employer", ["KEKERASAN"];
    SexualHarassment = "SEXUAL_HARASSMENT", "Pelecehan seksual", "Sexual harassment";
    MentalIllness = "MENTAL_ILLNESS", "Depresi/sakit jiwa", "Depression or mental illness", ["DEPRESI"];
    LostContact = "LOST_CONTACT", "Hilang kontak", "Lost contact", ["HILANG_KONTAK"];
    UnilateralDismissal = "UNILATERAL_DISMISSAL", "PHK sepihak", "Unilateral dismissal", ["PHK"];
    DocumentsWithheld = "DOCUMENTS_WITHHELD", "Penahanan dokumen", "Documents withheld";
    Overstay = "OVERSTAY", "Overstay/masalah keimigrasian", "Overstay or immigration problem";
    Other = "OTHER", "Lainnya", "Other", ["LAINNYA"];
});

code_list!(Channel, "channel" {
    InPerson = "IN_PERSON", "Datang langsung", "In person", ["LANGSUNG"];
    Phone = "PHONE", "Telepon", "Phone", ["TELEPON"];
    Email = "EMAIL", "Surel", "E-mail", ["SUREL"];
    OnlineForm = "ONLINE_FORM", "Formulir pengaduan daring", "Online complaint form", ["DARING", "ONLINE"];
    SocialMedia = "SOCIAL_MEDIA", "Media sosial", "Social media", ["MEDSOS"];
    Sms = "SMS", "SMS", "SMS";
    Letter = "LETTER", "Surat", "Letter", ["SURAT"];
    Other = "OTHER", "Lainnya", "Other", ["LAINNYA"];
});

code_list!(ProceduralStatus, "procedural_status" {
    Procedural = "PROCEDURAL", "Prosedural", "Procedural", ["PROSEDURAL"];
    Nonprocedural = "NONPROCEDURAL", "Nonprosedural", "Non-procedural", ["NONPROSEDURAL", "NON_PROCEDURAL"];
    Unknown = "UNKNOWN", "Tidak diketahui", "Unknown", ["TIDAK_DIKETAHUI"];
});

code_list!(CaseStatus, "case status" {
    New = "NEW", "Baru", "New", ["BARU"];
    InProgress = "IN_PROGRESS", "Dalam proses", "In progress", ["PROSES", "DALAM_PROSES"];
    Referred = "REFERRED", "Dirujuk", "Referred", ["DIRUJUK"];
    Resolved = "RESOLVED", "Selesai", "Resolved", ["SELESAI"];
    Closed = "CLOSED", "Ditutup", "Closed", ["DITUTUP"];
});

code_list!(
    /// Reasons a case may be closed without resolution (Perban 6/2024 Art. 30).
    ClosureReason, "closure_reason" {
    DocsNotCompleted30d = "DOCS_NOT_COMPLETED_30D", "Dokumen tidak dilengkapi dalam 30 hari", "Documents not completed within 30 days";
    NoClarification15wd = "NO_CLARIFICATION_15WD", "Tidak ada klarifikasi dalam 15 hari kerja", "No clarification within 15 working days";
    Unreachable60d = "UNREACHABLE_60D", "Pengadu tidak dapat dihubungi 60 hari", "Complainant unreachable for 60 days";
    HandedToAgency = "HANDED_TO_AGENCY", "Dilimpahkan ke instansi lain", "Handed to another agency";
    NoResponse6m = "NO_RESPONSE_6M", "Tidak ada tanggapan 6 bulan", "No response for 6 months";
});

code_list!(CaseEventKind, "case event kind" {
    Note = "NOTE", "Catatan", "Note", ["CATATAN"];
    Consultation = "CONSULTATION", "Konsultasi", "Consultation", ["KONSULTASI"];
    Clarification = "CLARIFICATION", "Klarifikasi", "Clarification", ["KLARIFIKASI"];
    Mediation = "MEDIATION", "Mediasi", "Mediation", ["MEDIASI"];
    SocialSecurityClaim = "SOCIAL_SECURITY_CLAIM", "Fasilitasi klaim jaminan sosial", "Social-security claim facilitation";
    LitigationAssistance = "LITIGATION_ASSISTANCE", "Pendampingan hukum", "Litigation assistance";
    Referral = "REFERRAL", "Rujukan", "Referral", ["RUJUKAN"];
    Coordination = "COORDINATION", "Koordinasi", "Coordination", ["KOORDINASI"];
    StatusChange = "STATUS_CHANGE", "Perubahan status", "Status change";
});

code_list!(Partner, "partner" {
    Police = "POLICE", "Kepolisian", "Police", ["POLDA", "POLRI", "POLISI"];
    Embassy = "EMBASSY", "KBRI/KJRI", "Embassy or consulate", ["KBRI", "KJRI"];
    Immigration = "IMMIGRATION", "Imigrasi", "Immigration", ["IMIGRASI"];
    LabourOfficeProvince = "LABOUR_OFFICE_PROVINCE", "Disnaker provinsi", "Provincial labour office";
    LabourOfficeRegency = "LABOUR_OFFICE_REGENCY", "Disnaker kabupaten/kota", "Regency labour office", ["DISNAKER"];
    SocialServices = "SOCIAL_SERVICES", "Dinas sosial", "Social services", ["DINSOS"];
    Bpjs = "BPJS", "BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan";
    Hospital = "HOSPITAL", "Rumah sakit", "Hospital", ["RUMAH_SAKIT", "RS"];
    P3mi = "P3MI", "P3MI", "Placement company (P3MI)";
    OtherUnit = "OTHER_UNIT", "UPT/BP3MI lain", "Another regional unit";
    Ngo = "NGO", "LSM", "NGO", ["LSM"];
    Other = "OTHER", "Lainnya", "Other", ["LAINNYA"];
});

code_list!(RepatriationCategory, "repatriation category" {
    Troubled = "TROUBLED", "PMI bermasalah/terkendala", "Troubled worker", ["PMI_B", "PMI_T", "BERMASALAH"];
    Deported = "DEPORTED", "Deportasi", "Deported", ["DEPORTASI"];
    Sick = "SICK", "PMI sakit", "Sick", ["SAKIT"];
    Deceased = "DECEASED", "Jenazah", "Remains", ["JENAZAH"];
    Cpmi = "CPMI", "CPMI (dicegah/gagal berangkat)", "CPMI (prevented or failed to depart)";
    Family = "FAMILY", "Anggota keluarga/anak", "Family members or children", ["KELUARGA"];
    Mixed = "MIXED", "Campuran", "Mixed", ["CAMPURAN"];
});

code_list!(HandoverTo, "handed_over_to" {
    Family = "FAMILY", "Keluarga", "Family", ["KELUARGA"];
    FamilyProxy = "FAMILY_PROXY", "Kuasa keluarga", "Family's proxy", ["KUASA"];
    SocialServices = "SOCIAL_SERVICES", "Dinas sosial", "Social services", ["DINSOS"];
    Hospital = "HOSPITAL", "Rumah sakit", "Hospital", ["RS", "RUMAH_SAKIT"];
    OtherUnit = "OTHER_UNIT", "UPT/BP3MI lain", "Another regional unit";
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_in_any_case_and_with_aliases() {
        assert_eq!("g2g".parse::<Scheme>(), Ok(Scheme::G2g));
        assert_eq!("Perseorangan".parse::<Scheme>(), Ok(Scheme::Mandiri));
        assert_eq!("p2p".parse::<Scheme>(), Ok(Scheme::P3mi));
        assert_eq!(
            "TPPO".parse::<CaseCategory>(),
            Ok(CaseCategory::Trafficking)
        );
        assert_eq!(
            "jenazah".parse::<RepatriationCategory>(),
            Ok(RepatriationCategory::Deceased)
        );
        assert_eq!("langsung".parse::<Channel>(), Ok(Channel::InPerson));
        assert_eq!("M".parse::<Sex>(), Ok(Sex::L));
        assert_eq!("f".parse::<Sex>(), Ok(Sex::P));
        assert_eq!(
            "in progress".parse::<CaseStatus>(),
            Ok(CaseStatus::InProgress)
        );
        assert_eq!(
            "birth-certificate".parse::<DocumentKind>(),
            Ok(DocumentKind::BirthCertificate)
        );
    }

    #[test]
    fn unknown_code_names_the_list_and_the_valid_codes() {
        let err = "XYZ".parse::<Scheme>().unwrap_err().to_string();
        assert!(err.contains("XYZ"), "{err}");
        assert!(err.contains("G2G, P3MI, UKPS, MANDIRI"), "{err}");
    }

    #[test]
    fn every_list_has_unique_codes_and_aliases() {
        for list in all_lists() {
            let mut codes: Vec<&str> = list.entries.iter().map(|e| e.0).collect();
            let before = codes.len();
            codes.sort();
            codes.dedup();
            assert_eq!(before, codes.len(), "duplicate code in {}", list.list);
        }
        assert_eq!(all_lists().len(), 19);
    }
}
