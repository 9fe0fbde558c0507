//! What each document says, in Indonesian, from the stored records and the office's paper:
//! the recommendation letter, the refusal letter (reasons in plain words and what to bring to apply
//! again) and the handover record (berita acara serah terima). A number that old data lacks is
//! replaced by the record's uid.

use chrono::{Datelike, NaiveDate};

use super::paper::Paper;
use super::{Block, Document, Signature};
use crate::domain::date::indonesian_long;
use crate::domain::eligibility::Detail;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::recommendation::Recommendation;
use crate::domain::repatriation::Repatriation;
use crate::domain::{
    CodeList, HandoverTo, RecommendationStatus, RefusalReason, RepatriationCategory, Sex,
};
use crate::i18n::Lang;

fn or_dash(value: Option<&str>) -> String {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .unwrap_or("-")
        .to_string()
}

/// Place and date of birth; the date the NIK carries when none was typed.
fn birth(person: &Person, on: NaiveDate) -> String {
    let date = person
        .birth_date
        .or_else(|| person.nik.as_ref().and_then(|n| n.birth_date_by(on)));
    match (&person.birth_place, date) {
        (Some(place), Some(date)) => format!("{place}, {}", indonesian_long(date)),
        (None, Some(date)) => indonesian_long(date),
        (Some(place), None) => place.clone(),
        (None, None) => "-".into(),
    }
}

/// The sex typed, else the one the NIK carries.
fn sex(person: &Person) -> &'static str {
    match person
        .sex
        .or_else(|| person.nik.as_ref().map(|n| n.embedded_sex()))
    {
        Some(Sex::L) => "Laki-laki",
        Some(Sex::P) => "Perempuan",
        None => "-",
    }
}

/// The worker and the placement, as both letters list them.
fn applicant(placement: &Placement, person: &Person, on: NaiveDate) -> Vec<(String, String)> {
    let mut rows = vec![
        ("Nama".to_string(), person.full_name.clone()),
        (
            "NIK".to_string(),
            or_dash(person.nik.as_ref().map(|n| n.as_str())),
        ),
        ("Tempat/Tanggal Lahir".to_string(), birth(person, on)),
        ("Jenis Kelamin".to_string(), sex(person).to_string()),
        ("Alamat".to_string(), or_dash(person.address.as_deref())),
        (
            "Negara Tujuan".to_string(),
            placement.country.name(Lang::Id).to_string(),
        ),
        (
            "Jabatan".to_string(),
            or_dash(placement.occupation.as_deref()),
        ),
        (
            "Skema Penempatan".to_string(),
            CodeList::label_in(placement.scheme, Lang::Id).to_string(),
        ),
    ];
    if let Some(p3mi) = placement.p3mi_name.as_deref().filter(|s| !s.is_empty()) {
        rows.push(("P3MI".to_string(), p3mi.to_string()));
    }
    if let Some(employer) = placement.employer_name.as_deref().filter(|s| !s.is_empty()) {
        rows.push(("Pemberi Kerja".to_string(), employer.to_string()));
    }
    rows.push((
        "Nomor Pendaftaran".to_string(),
        placement.reference().to_string(),
    ));
    rows
}

/// The head of office's signature, under the letter.
fn official(paper: &Paper) -> Signature {
    Signature {
        role: vec![format!("{},", paper.signatory.title)],
        name: paper.signatory.name.clone(),
        below: (!paper.signatory.nip.is_empty()).then(|| format!("NIP. {}", paper.signatory.nip)),
    }
}

fn void_notice(r: &Recommendation) -> Option<String> {
    (r.status == RecommendationStatus::Void).then(|| {
        format!(
            "DIBATALKAN - SURAT INI TIDAK BERLAKU ({})",
            r.void_reason.clone().unwrap_or_default()
        )
    })
}

/// The letter's number, or the recommendation's uid for a letter stored without one.
fn number(r: &Recommendation) -> String {
    r.letter_number
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| r.uid.clone())
}

/// The recommendation letter, addressed to `immigration_office`.
pub fn recommendation_letter(
    paper: &Paper,
    r: &Recommendation,
    placement: &Placement,
    person: &Person,
    immigration_office: &str,
) -> Document {
    let number = number(r);
    let validity = r.valid_until.map(|d| {
        format!(
            "Surat rekomendasi ini berlaku sampai dengan tanggal {} dan hanya dapat dipergunakan untuk pengurusan paspor yang bersangkutan.",
            indonesian_long(d)
        )
    });
    let mut blocks = vec![
        Block::PlaceDate(format!("{}, {}", paper.city, indonesian_long(r.decided_on))),
        Block::Meta(vec![
            ("Nomor".into(), number.clone()),
            ("Lampiran".into(), "-".into()),
            (
                "Hal".into(),
                "Rekomendasi Penerbitan Paspor bagi Calon Pekerja Migran Indonesia".into(),
            ),
        ]),
        Block::Lines(vec![
            "Yth.".into(),
            immigration_office.to_string(),
            "di".into(),
            "    Tempat".into(),
        ]),
        Block::Paragraph("Dengan hormat,".into()),
        Block::Paragraph(format!(
            "Berdasarkan Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia, setelah dilakukan verifikasi identitas dan dokumen, {} dengan ini memberikan rekomendasi penerbitan paspor bagi Calon Pekerja Migran Indonesia (CPMI) berikut:",
            paper.office_name
        )),
        Block::Fields(applicant(placement, person, r.decided_on)),
    ];
    blocks.extend(validity.map(Block::Paragraph));
    blocks.push(Block::Paragraph(
        "Demikian rekomendasi ini kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.".into(),
    ));
    blocks.push(Block::Signatures(vec![official(paper)]));
    Document {
        title: format!("Rekomendasi Paspor {number}"),
        number,
        void_notice: void_notice(r),
        letterhead: paper.letterhead.clone(),
        blocks,
    }
}

/// Why a reason stops the recommendation, in words an applicant understands.
fn reason_in_words(reason: RefusalReason) -> &'static str {
    match reason {
        RefusalReason::DocsIncomplete => {
            "dokumen persyaratan yang wajib dilampirkan belum lengkap atau belum diverifikasi petugas"
        }
        RefusalReason::UnderAge => {
            "Calon Pekerja Migran Indonesia harus sudah berusia paling rendah 18 (delapan belas) tahun (Pasal 5 UU Nomor 18 Tahun 2017)"
        }
        RefusalReason::IdentityMismatch => {
            "data identitas (nama, tempat/tanggal lahir, NIK) tidak sama pada dokumen-dokumen yang diserahkan"
        }
        RefusalReason::DestinationClosed => {
            "penempatan ke negara tujuan tersebut untuk skema atau sektor ini sedang ditutup oleh pemerintah (moratorium)"
        }
        RefusalReason::ActiveRecommendationExists => {
            "Saudara masih memiliki surat rekomendasi paspor lain yang masih berlaku"
        }
        RefusalReason::P3miPermitInvalid => {
            "izin perekrutan (SIP2MI) perusahaan penempatan (P3MI) tidak berlaku untuk negara tujuan tersebut"
        }
        RefusalReason::TraffickingIndication => {
            "dari wawancara terdapat indikasi penempatan yang tidak sesuai prosedur atau berisiko perdagangan orang; hal ini untuk melindungi Saudara"
        }
        RefusalReason::Other => "alasan lain sebagaimana dijelaskan petugas",
    }
}

/// The documents a refusal found lacking, each as the applicant must bring it: the one missing,
/// a valid one for the expired, the original of the unverified.
fn documents_to_bring(details: &[Detail]) -> Option<String> {
    use crate::domain::eligibility::Lack;
    let lacking: Vec<String> = details
        .iter()
        .filter_map(|d| match d {
            Detail::Documents { lacking } => Some(lacking),
            _ => None,
        })
        .flatten()
        .map(|l| {
            let names: Vec<&str> = l
                .kinds()
                .into_iter()
                .map(|k| CodeList::label_in(k, Lang::Id))
                .collect();
            let names = names.join(" atau ");
            match l.lack {
                Lack::Missing => names,
                Lack::Expired => format!("{names} yang masih berlaku"),
                Lack::Unverified => format!("{names} (untuk diverifikasi)"),
            }
        })
        .collect();
    (!lacking.is_empty()).then(|| format!("asli dan fotokopi: {}", lacking.join(", ")))
}

/// What to bring to apply again, for each reason; for missing documents, the very documents the
/// refusal found lacking.
fn what_to_bring(reason: RefusalReason, person: &Person, details: &[Detail]) -> String {
    match reason {
        RefusalReason::DocsIncomplete => documents_to_bring(details).unwrap_or_else(|| {
            "dokumen yang belum lengkap sebagaimana tersebut di atas (asli dan fotokopi)".into()
        }),
        RefusalReason::UnderAge => match person.birth_date {
            Some(birth) => format!(
                "permohonan dapat diajukan kembali mulai tanggal {}, saat Saudara berusia 18 tahun",
                indonesian_long(eighteenth_birthday(birth))
            ),
            None => "bukti tanggal lahir (akta kelahiran atau ijazah); permohonan dapat diajukan kembali setelah Saudara berusia 18 tahun".into(),
        },
        RefusalReason::IdentityMismatch => {
            "KTP, Kartu Keluarga dan akta kelahiran atau ijazah yang datanya sudah sama; perbaikan data kependudukan dilakukan di Dinas Kependudukan dan Pencatatan Sipil".into()
        }
        RefusalReason::DestinationClosed => {
            "permohonan untuk negara tujuan, skema atau sektor lain yang terbuka, atau ajukan kembali setelah penutupan dicabut".into()
        }
        RefusalReason::ActiveRecommendationExists => {
            "surat rekomendasi yang masih berlaku, atau ajukan kembali setelah masa berlakunya habis atau dibatalkan".into()
        }
        RefusalReason::P3miPermitInvalid => {
            "Surat Izin Perekrutan PMI (SIP2MI) dari P3MI yang berlaku untuk negara tujuan, atau pilih P3MI yang memiliki izin tersebut".into()
        }
        RefusalReason::TraffickingIndication => {
            "datang untuk wawancara ulang dan konsultasi; pastikan Saudara berangkat melalui jalur resmi dengan perjanjian kerja yang jelas".into()
        }
        RefusalReason::Other => "dokumen atau keterangan yang diminta petugas".into(),
    }
}

fn eighteenth_birthday(birth: NaiveDate) -> NaiveDate {
    birth
        .with_year(birth.year() + 18)
        // 29 February: the first day after it.
        .or_else(|| NaiveDate::from_ymd_opt(birth.year() + 18, 3, 1))
        .unwrap_or(birth)
}

/// The letter that tells an applicant why the recommendation was refused and how to apply again.
pub fn refusal_letter(
    paper: &Paper,
    r: &Recommendation,
    placement: &Placement,
    person: &Person,
) -> Document {
    let number = number(r);
    let salutation = match person.sex {
        Some(Sex::L) => "Sdr.",
        Some(Sex::P) => "Sdri.",
        None => "Sdr./Sdri.",
    };
    let mut addressee = vec![
        "Yth.".to_string(),
        format!("{salutation} {}", person.full_name),
    ];
    addressee.extend(
        person
            .address
            .iter()
            .filter(|a| !a.trim().is_empty())
            .cloned(),
    );
    addressee.extend(["di".to_string(), "    Tempat".to_string()]);
    // The clerk's explanations are stored in the order of the reasons, joined by "; ": each goes
    // with its reason when they match one to one, else they follow the list.
    // Stored as codes and data, said here in Indonesian (the letter is composed in Indonesian).
    let details: Vec<String> = r
        .refusal_details
        .as_deref()
        .map(crate::views::refusal_details)
        .unwrap_or_default();
    let parsed: Vec<Detail> = r
        .refusal_details
        .as_deref()
        .and_then(Detail::parse_stored)
        .unwrap_or_default();
    let paired = details.len() == r.refusal_reasons.len();
    let mut reasons: Vec<String> = r
        .refusal_reasons
        .iter()
        .enumerate()
        .map(|(i, reason)| {
            let mut item = format!(
                "{}: {}.",
                CodeList::label_in(*reason, Lang::Id),
                reason_in_words(*reason)
            );
            if paired {
                item.push_str(&format!(
                    " Keterangan petugas: {}.",
                    details[i].trim_end_matches('.')
                ));
            }
            item
        })
        .collect();
    if reasons.is_empty() {
        reasons.push(format!("{}.", reason_in_words(RefusalReason::Other)));
    }
    let mut bring = vec!["KTP asli, Kartu Keluarga dan surat ini".to_string()];
    let mut seen = Vec::new();
    for reason in r.refusal_reasons.iter() {
        if !seen.contains(reason) {
            seen.push(*reason);
            bring.push(what_to_bring(*reason, person, &parsed));
        }
    }
    let mut blocks = vec![
        Block::PlaceDate(format!("{}, {}", paper.city, indonesian_long(r.decided_on))),
        Block::Meta(vec![
            ("Nomor".into(), number.clone()),
            ("Lampiran".into(), "-".into()),
            (
                "Hal".into(),
                "Pemberitahuan Penolakan Rekomendasi Penerbitan Paspor".into(),
            ),
        ]),
        Block::Lines(addressee),
        Block::Paragraph("Dengan hormat,".into()),
        Block::Paragraph(format!(
            "Menindaklanjuti permohonan rekomendasi penerbitan paspor yang Saudara ajukan, setelah dilakukan verifikasi identitas dan dokumen, dengan ini {} memberitahukan bahwa rekomendasi penerbitan paspor belum dapat diberikan kepada:",
            paper.office_name
        )),
        Block::Fields(applicant(placement, person, r.decided_on)),
        Block::Paragraph("dengan alasan sebagai berikut:".into()),
        Block::Numbered(reasons),
    ];
    if !paired && !details.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Keterangan petugas: {}.",
            details.join("; ").trim_end_matches('.')
        )));
    }
    blocks.extend([
        Block::Paragraph(
            "Penolakan ini bukan larangan untuk bekerja ke luar negeri. Saudara dapat mengajukan permohonan kembali setelah persyaratan dipenuhi, dengan datang ke kantor kami membawa:".into(),
        ),
        Block::Numbered(bring),
        Block::Paragraph(
            "Demikian pemberitahuan ini kami sampaikan untuk diketahui.".into(),
        ),
        Block::Signatures(vec![official(paper)]),
    ]);
    Document {
        title: format!("Penolakan Rekomendasi Paspor {number}"),
        number,
        void_notice: None,
        letterhead: paper.letterhead.clone(),
        blocks,
    }
}

const DAYS: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

/// Who took part in a handover besides what the record stores.
pub struct HandoverParties {
    /// The clerk who recorded the handover, for the office; empty when unknown (imported data),
    /// to be written in by hand.
    pub clerk: String,
}

/// The name under a signature, or a bracketed space to write it in by hand.
fn signed(name: &str) -> String {
    if name.trim().is_empty() {
        format!("({})", ".".repeat(22))
    } else {
        name.trim().to_string()
    }
}

/// A name, or dots to write it in by hand.
fn or_dots(value: Option<&str>) -> String {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .unwrap_or("..............................")
        .to_string()
}

/// The handover record (berita acara serah terima) of a repatriation that was handed over.
pub fn handover_record(
    paper: &Paper,
    x: &Repatriation,
    person: Option<&Person>,
    parties: &HandoverParties,
    on: NaiveDate,
) -> Document {
    let number = x
        .handover_record_number
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| x.uid.clone());
    let remains = x.category == RepatriationCategory::Deceased;
    let subject = if remains {
        "jenazah Pekerja Migran Indonesia (PMI)"
    } else {
        "Pekerja Migran Indonesia (PMI)"
    };
    let to = x.handed_over_to.unwrap_or(HandoverTo::Family);
    let receiver = x.receiver_name.clone().unwrap_or_default();
    let place = if paper.city.is_empty() {
        paper.office_name.clone()
    } else {
        paper.city.clone()
    };
    let mut worker = vec![
        (
            "Nama".to_string(),
            person
                .map(|p| p.full_name.clone())
                .unwrap_or_else(|| "-".into()),
        ),
        (
            "NIK".to_string(),
            or_dash(person.and_then(|p| p.nik.as_ref()).map(|n| n.as_str())),
        ),
    ];
    if let Some(p) = person {
        worker.push(("Jenis Kelamin".into(), sex(p).into()));
        worker.push(("Tempat/Tanggal Lahir".into(), birth(p, on)));
        worker.push(("Alamat".into(), or_dash(p.address.as_deref())));
    }
    worker.push((
        "Daerah Asal".into(),
        or_dash(
            x.origin_regency
                .as_ref()
                .and_then(|r| crate::reference::reference().regency(r.as_str()))
                .map(|r| r.name.as_str()),
        ),
    ));
    worker.push((
        "Dipulangkan dari".into(),
        or_dash(x.from_country.as_ref().map(|c| c.name(Lang::Id))),
    ));
    worker.push((
        "Tiba".into(),
        match &x.debarkation {
            Some(point) if !point.is_empty() => {
                format!("{}, di {point}", indonesian_long(x.arrived_on))
            }
            _ => indonesian_long(x.arrived_on),
        },
    ));
    worker.push((
        "Kategori".into(),
        CodeList::label_in(x.category, Lang::Id).to_string(),
    ));
    for (label, value) in [
        ("Sebab Meninggal", &x.cause_of_death),
        ("Nomor Surat Muatan Udara (AWB)", &x.airway_bill),
        ("Surat Layak Terbang", &x.fit_to_travel_letter),
        ("Pendamping", &x.escort),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            worker.push((label.into(), v.to_string()));
        }
    }
    worker.push(("Nomor Pemulangan".into(), x.reference().to_string()));

    let mut blocks = vec![
        Block::Title(vec![
            "BERITA ACARA SERAH TERIMA".into(),
            if remains {
                "JENAZAH PEKERJA MIGRAN INDONESIA".into()
            } else {
                "PEKERJA MIGRAN INDONESIA".into()
            },
            format!("Nomor: {number}"),
        ]),
        Block::Paragraph(format!(
            "Pada hari ini {}, tanggal {}, bertempat di {place}, kami yang bertanda tangan di bawah ini:",
            DAYS[on.weekday().num_days_from_monday() as usize],
            indonesian_long(on),
        )),
        Block::Fields(vec![
            ("Nama".into(), or_dots(Some(&parties.clerk))),
            ("Jabatan".into(), format!("Petugas {}", paper.office_name)),
        ]),
        Block::Paragraph("selanjutnya disebut PIHAK PERTAMA (yang menyerahkan);".into()),
        Block::Fields(vec![
            ("Nama".into(), or_dots(Some(&receiver))),
            (
                "Hubungan dengan PMI".into(),
                or_dash(x.receiver_relation.as_deref()),
            ),
            ("Sebagai".into(), CodeList::label_in(to, Lang::Id).to_string()),
        ]),
        Block::Paragraph("selanjutnya disebut PIHAK KEDUA (yang menerima).".into()),
        Block::Paragraph(format!(
            "PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima dari PIHAK PERTAMA, {subject} dengan keterangan sebagai berikut:"
        )),
        Block::Fields(worker),
    ];
    if let Some(witness) = x.witness.as_deref().filter(|w| !w.trim().is_empty()) {
        blocks.push(Block::Paragraph(format!(
            "Serah terima ini disaksikan oleh {witness}."
        )));
    }
    blocks.push(Block::Paragraph(format!(
        "Sejak ditandatanganinya berita acara ini, {} menjadi tanggung jawab PIHAK KEDUA. Demikian berita acara ini dibuat dengan sebenarnya dalam rangkap secukupnya untuk dipergunakan sebagaimana mestinya.",
        if remains { "jenazah tersebut" } else { "PMI tersebut" }
    )));
    let signatures = vec![
        Signature {
            role: vec!["PIHAK KEDUA,".into(), "Yang Menerima".into()],
            name: signed(&receiver),
            below: x.receiver_relation.clone().filter(|r| !r.trim().is_empty()),
        },
        Signature {
            role: vec!["Saksi,".into()],
            name: signed(x.witness.as_deref().unwrap_or_default()),
            below: None,
        },
        Signature {
            role: vec!["PIHAK PERTAMA,".into(), "Yang Menyerahkan".into()],
            name: signed(&parties.clerk),
            below: Some(paper.office_name.clone()),
        },
    ];
    blocks.push(Block::Signatures(signatures));
    Document {
        title: format!("Berita Acara Serah Terima {number}"),
        number,
        void_notice: None,
        letterhead: paper.letterhead.clone(),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_applicant_born_on_29_february_may_apply_on_1_march() {
        let birth = NaiveDate::from_ymd_opt(2008, 2, 29).unwrap();
        assert_eq!(
            eighteenth_birthday(birth),
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
        );
        let birth = NaiveDate::from_ymd_opt(2007, 5, 10).unwrap();
        assert_eq!(
            eighteenth_birthday(birth),
            NaiveDate::from_ymd_opt(2025, 5, 10).unwrap()
        );
    }

    /// The list of what to bring names the documents the refusal found lacking, and no others.
    #[test]
    fn what_to_bring_names_exactly_the_lacking_documents() {
        use crate::domain::eligibility::{Lack, Lacking};
        let lacking = |kinds: &[&str], lack| Lacking {
            kinds: kinds.iter().map(|k| k.to_string()).collect(),
            lack,
        };
        let details = [
            Detail::NikMissing,
            Detail::Documents {
                lacking: vec![
                    lacking(&["KK"], Lack::Missing),
                    lacking(&["MEDICAL_CERTIFICATE"], Lack::Expired),
                    lacking(&["BIRTH_CERTIFICATE", "DIPLOMA"], Lack::Unverified),
                ],
            },
        ];
        let person = crate::domain::fixtures::person();
        let bring = what_to_bring(RefusalReason::DocsIncomplete, &person, &details);
        assert_eq!(
            bring,
            "asli dan fotokopi: Kartu keluarga, Surat keterangan sehat (MCU) yang masih \
             berlaku, Akta kelahiran atau Ijazah (untuk diverifikasi)"
        );
        let only_kk = [Detail::Documents {
            lacking: vec![lacking(&["KK"], Lack::Missing)],
        }];
        let bring = what_to_bring(RefusalReason::DocsIncomplete, &person, &only_kk);
        assert!(!bring.contains("sehat"), "not among the reasons: {bring}");
    }

    #[test]
    fn every_refusal_reason_says_why_and_what_to_bring() {
        let person = Person {
            uid: "u".into(),
            nik: None,
            full_name: "Uji".into(),
            sex: None,
            birth_place: None,
            birth_date: None,
            regency: None,
            address: None,
            phone: None,
            education: None,
            marital_status: None,
            office_code: "X".into(),
            created_at: Default::default(),
            updated_at: Default::default(),
            accepted_warnings: None,
            versions: crate::domain::version::Versions::unset(),
        };
        for reason in RefusalReason::all() {
            assert!(reason_in_words(*reason).len() > 20);
            assert!(what_to_bring(*reason, &person, &[]).len() > 20);
        }
    }
}
