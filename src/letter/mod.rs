//! The passport recommendation letter: its content, built once from the records and the office
//! settings, then rendered as terminal text, a print-ready HTML page or an A4 PDF. Always Indonesian.

mod html;
mod pdf;
mod text;

pub use html::render as html;
pub use pdf::render as pdf;
pub use text::render as text;

use crate::domain::date::indonesian_long;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::recommendation::Recommendation;
use crate::domain::{RecommendationStatus, Sex};
use crate::i18n::Lang;

/// Everything a letter says, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Letter {
    /// Set for a voided letter: printed across the top.
    pub void_notice: Option<String>,
    pub letterhead: Vec<String>,
    pub place_and_date: String,
    pub number: String,
    pub attachment: String,
    pub subject: String,
    pub addressee: Vec<String>,
    pub opening: String,
    pub intro: String,
    pub identity: Vec<(String, String)>,
    pub paragraphs: Vec<String>,
    pub signatory_title: String,
    pub signatory_name: String,
    pub signatory_nip: String,
}

/// Office settings the letter needs.
pub struct Office {
    pub letterhead: Vec<String>,
    pub city: String,
    pub name: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub signatory_nip: String,
}

fn or_dash(value: Option<&str>) -> String {
    value.filter(|v| !v.is_empty()).unwrap_or("-").to_string()
}

pub fn compose(
    office: &Office,
    r: &Recommendation,
    placement: &Placement,
    person: &Person,
) -> Letter {
    let birth = match (&person.birth_place, person.birth_date) {
        (Some(place), Some(date)) => format!("{place}, {}", indonesian_long(date)),
        (None, Some(date)) => indonesian_long(date),
        (Some(place), None) => place.clone(),
        (None, None) => "-".into(),
    };
    let sex = match person.sex {
        Some(Sex::L) => "Laki-laki",
        Some(Sex::P) => "Perempuan",
        None => "-",
    };
    let mut identity = vec![
        ("Nama".to_string(), person.full_name.clone()),
        (
            "NIK".to_string(),
            or_dash(person.nik.as_ref().map(|n| n.as_str())),
        ),
        ("Tempat/Tanggal Lahir".to_string(), birth),
        ("Jenis Kelamin".to_string(), sex.to_string()),
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
            placement.scheme.label_id().to_string(),
        ),
    ];
    if let Some(p3mi) = &placement.p3mi_name {
        identity.push(("P3MI".to_string(), p3mi.clone()));
    }
    identity.push((
        "Nomor Pendaftaran".to_string(),
        placement.reference().to_string(),
    ));
    let validity = r
        .valid_until
        .map(|d| format!("Surat rekomendasi ini berlaku sampai dengan tanggal {} dan hanya dapat dipergunakan untuk pengurusan paspor yang bersangkutan.", indonesian_long(d)))
        .unwrap_or_default();
    let void_notice = (r.status == RecommendationStatus::Void).then(|| {
        format!(
            "DIBATALKAN - SURAT INI TIDAK BERLAKU ({})",
            r.void_reason.clone().unwrap_or_default()
        )
    });
    Letter {
        void_notice,
        letterhead: office.letterhead.iter().filter(|l| !l.is_empty()).cloned().collect(),
        place_and_date: format!("{}, {}", office.city, indonesian_long(r.decided_on)),
        number: r.letter_number.clone().unwrap_or_default(),
        attachment: "-".into(),
        subject: "Rekomendasi Penerbitan Paspor bagi Calon Pekerja Migran Indonesia".into(),
        addressee: vec![
            "Yth.".into(),
            r.immigration_office.clone().unwrap_or_default(),
            "di".into(),
            "    Tempat".into(),
        ],
        opening: "Dengan hormat,".into(),
        intro: format!(
            "Berdasarkan Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia, setelah dilakukan verifikasi identitas dan dokumen, {} dengan ini memberikan rekomendasi penerbitan paspor bagi Calon Pekerja Migran Indonesia (CPMI) berikut:",
            office.name
        ),
        identity,
        paragraphs: vec![
            validity,
            "Demikian rekomendasi ini kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.".into(),
        ]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect(),
        signatory_title: format!("{},", office.signatory_title),
        signatory_name: office.signatory_name.clone(),
        signatory_nip: format!("NIP. {}", office.signatory_nip),
    }
}

/// Splits text into lines no wider than `max`, as measured by `width`.
pub fn wrap(text: &str, max: f32, width: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate) > max && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_keeps_words_whole() {
        let lines = wrap("satu dua tiga empat lima", 9.0, |s| {
            s.chars().count() as f32
        });
        assert_eq!(lines, ["satu dua", "tiga", "empat", "lima"]);
    }
}
