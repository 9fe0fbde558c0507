//! The office settings a clerk can change without a new binary (`config list|get|set`): their keys,
//! defaults, meaning and validation. Stored in the database by `db::settings`.

use anyhow::Result;
use rusqlite::Connection;

use crate::db;
use crate::domain::document::{default_checklist, default_passport_checklist, Checklist};
use crate::domain::eligibility::{format_closed, parse_closed, ClosedRule};
use crate::domain::recommendation::{check_template, parse_routes};
use crate::domain::Scheme;
use crate::error::{refused, Invalid};
use crate::i18n::{lang, Lang, Msg};
use crate::t;

/// A setting: its key, its default (empty = none), what it means, and how a new value is checked.
pub struct Setting {
    pub key: &'static str,
    pub default: fn() -> String,
    pub about_id: &'static str,
    pub about_en: &'static str,
    pub check: fn(&str) -> Result<String, Invalid>,
}

impl Setting {
    pub fn about(&self) -> &'static str {
        match lang() {
            Lang::Id => self.about_id,
            Lang::En => self.about_en,
        }
    }
}

fn any_text(value: &str) -> Result<String, Invalid> {
    Ok(value.trim().to_string())
}

pub fn office_code(value: &str) -> Result<String, Invalid> {
    let code = value.trim().to_ascii_uppercase();
    if code.is_empty()
        || code.len() > 20
        || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(Invalid(crate::said!(Msg::OfficeCodeInvalid, value)));
    }
    Ok(code)
}

fn province(value: &str) -> Result<String, Invalid> {
    let code = value.trim();
    crate::reference::reference()
        .province(code)
        .map(|_| code.to_string())
        .ok_or_else(|| Invalid(crate::said!(Msg::ProvinceUnknown, code)))
}

fn hours(value: &str) -> Result<String, Invalid> {
    days(value)
}

fn days(value: &str) -> Result<String, Invalid> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|d| *d > 0)
        .map(|d| d.to_string())
        .ok_or_else(|| Invalid(crate::said!(Msg::DaysInvalid, value)))
}

fn checklist(value: &str) -> Result<String, Invalid> {
    value.parse::<Checklist>().map(|c| c.to_string())
}

fn none() -> String {
    String::new()
}

macro_rules! checklist_setting {
    ($key:literal, $scheme:expr) => {
        Setting {
            key: $key,
            default: || default_checklist($scheme).to_string(),
            about_id: "Dokumen wajib untuk skema ini (pisahkan dengan koma; A|B = salah satu)",
            about_en: "Documents this scheme requires (comma-separated; A|B = either)",
            check: checklist,
        }
    };
}

macro_rules! passport_checklist_setting {
    ($key:literal, $scheme:expr) => {
        Setting {
            key: $key,
            default: || default_passport_checklist($scheme).to_string(),
            about_id: "Dokumen wajib untuk rekomendasi paspor skema ini",
            about_en: "Documents a passport recommendation requires for this scheme",
            check: checklist,
        }
    };
}

fn holidays(value: &str) -> Result<String, Invalid> {
    let days = crate::domain::calendar::parse_holidays(value)?;
    Ok(days
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(","))
}

fn points(value: &str) -> Result<String, Invalid> {
    let list: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if list.is_empty() {
        return Err(Invalid(crate::said!(Msg::ValueEmpty)));
    }
    Ok(list.join(","))
}

fn template(value: &str) -> Result<String, Invalid> {
    check_template(value)
}

fn closed(value: &str) -> Result<String, Invalid> {
    parse_closed(value).map(|rules| format_closed(&rules))
}

fn routes(value: &str) -> Result<String, Invalid> {
    parse_routes(value).map(|_| value.trim().to_string())
}

/// The informal-sector moratorium for Middle East countries (Kepmenaker 260/2015).
const MORATORIUM: &str = "AE:*:INFORMAL,BH:*:INFORMAL,DZ:*:INFORMAL,EG:*:INFORMAL,IQ:*:INFORMAL,JO:*:INFORMAL,\
KW:*:INFORMAL,LB:*:INFORMAL,LY:*:INFORMAL,MA:*:INFORMAL,MR:*:INFORMAL,OM:*:INFORMAL,PK:*:INFORMAL,PS:*:INFORMAL,\
QA:*:INFORMAL,SA:*:INFORMAL,SS:*:INFORMAL,SY:*:INFORMAL,TN:*:INFORMAL,YE:*:INFORMAL";

pub const SETTINGS: &[Setting] = &[
    Setting {
        key: "office.code",
        default: none,
        about_id: "Kode unit kantor (mis. BP3MI-SB)",
        about_en: "Office unit code (e.g. BP3MI-SB)",
        check: office_code,
    },
    Setting {
        key: "office.name",
        default: none,
        about_id: "Nama kantor",
        about_en: "Office name",
        check: any_text,
    },
    Setting {
        key: "office.province",
        default: || "13".into(),
        about_id: "Kode provinsi wilayah kerja",
        about_en: "Province the office serves",
        check: province,
    },
    Setting {
        key: "office.city",
        default: none,
        about_id: "Kota tempat surat ditandatangani (bawaan menurut provinsi)",
        about_en: "City where letters are signed (default by province)",
        check: any_text,
    },
    Setting {
        key: "letterhead.agency",
        default: none,
        about_id:
            "Kop surat: nama instansi induk (mis. KEMENTERIAN PELINDUNGAN PEKERJA MIGRAN INDONESIA)",
        about_en:
            "Letterhead: the parent agency (e.g. KEMENTERIAN PELINDUNGAN PEKERJA MIGRAN INDONESIA)",
        check: any_text,
    },
    Setting {
        key: "letterhead.office",
        default: none,
        about_id: "Kop surat: nama kantor (kosong = nama kantor)",
        about_en: "Letterhead: the office (empty = the office name)",
        check: any_text,
    },
    Setting {
        key: "letterhead.address",
        default: none,
        about_id: "Kop surat: alamat",
        about_en: "Letterhead: address",
        check: any_text,
    },
    Setting {
        key: "letterhead.phone",
        default: none,
        about_id: "Kop surat: telepon, surel, laman",
        about_en: "Letterhead: telephone, e-mail, website",
        check: any_text,
    },
    Setting {
        key: "letterhead.logo",
        default: none,
        about_id: "Kop surat: berkas logo PNG atau JPEG (paling besar 100 KB; kosong = tanpa logo)",
        about_en: "Letterhead: a PNG or JPEG logo file (at most 100 KB; empty = no logo)",
        check: logo,
    },
    Setting {
        key: "signatory.name",
        default: none,
        about_id: "Nama penanda tangan",
        about_en: "Signatory's name",
        check: any_text,
    },
    Setting {
        key: "signatory.title",
        default: none,
        about_id: "Jabatan penanda tangan",
        about_en: "Signatory's title",
        check: any_text,
    },
    Setting {
        key: "signatory.nip",
        default: none,
        about_id: "NIP penanda tangan",
        about_en: "Signatory's civil-service number (NIP)",
        check: any_text,
    },
    checklist_setting!("checklist.G2G", Scheme::G2g),
    checklist_setting!("checklist.P3MI", Scheme::P3mi),
    checklist_setting!("checklist.UKPS", Scheme::Ukps),
    checklist_setting!("checklist.MANDIRI", Scheme::Mandiri),
    Setting {
        key: "holidays",
        default: none,
        about_id: "Hari libur nasional (tanggal, pisahkan dengan koma) untuk tenggat 15 hari kerja",
        about_en: "Public holidays (dates, comma-separated) for the 15-working-day deadline",
        check: holidays,
    },
    Setting {
        key: "debarkation.points",
        default: || "BIM".into(),
        about_id: "Tempat debarkasi (nama singkat, pisahkan dengan koma; yang pertama bawaan)",
        about_en: "Debarkation points (short names, comma-separated; the first is the default)",
        check: points,
    },
    passport_checklist_setting!("passport.checklist.G2G", Scheme::G2g),
    passport_checklist_setting!("passport.checklist.P3MI", Scheme::P3mi),
    passport_checklist_setting!("passport.checklist.UKPS", Scheme::Ukps),
    passport_checklist_setting!("passport.checklist.MANDIRI", Scheme::Mandiri),
    Setting {
        key: "letter.template",
        default: || "B.{seq}/{office}/{roman_month}/{year}".into(),
        about_id: "Format nomor surat rekomendasi: {seq} {office} {roman_month} {month} {year}",
        about_en: "Recommendation letter number: {seq} {office} {roman_month} {month} {year}",
        check: template,
    },
    Setting {
        key: "recommendation.validity_days",
        default: || "30".into(),
        about_id: "Masa berlaku surat rekomendasi paspor (hari)",
        about_en: "Days a passport recommendation stays valid",
        check: days,
    },
    Setting {
        key: "destinations.closed",
        default: || MORATORIUM.into(),
        about_id: "Negara tujuan yang ditutup: NEGARA[:SKEMA[:SEKTOR]], * = semua",
        about_en: "Closed destinations: COUNTRY[:SCHEME[:SECTOR]], * = any",
        check: closed,
    },
    Setting {
        key: "immigration.default",
        default: none,
        about_id: "Kantor imigrasi tujuan surat (bawaan menurut provinsi)",
        about_en: "Immigration office letters are addressed to (default by province)",
        check: any_text,
    },
    Setting {
        key: "immigration.by_regency",
        default: none,
        about_id:
            "Kantor imigrasi per kabupaten/kota: KODE,KODE=KANTOR;... (bawaan menurut provinsi)",
        about_en: "Immigration office per regency: CODE,CODE=OFFICE;... (default by province)",
        check: routes,
    },
    Setting {
        key: "medical.validity_days",
        default: || "90".into(),
        about_id: "Masa berlaku surat keterangan sehat (hari)",
        about_en: "Days a medical certificate stays valid",
        check: days,
    },
    Setting {
        key: "import.clock_tolerance_hours",
        default: || "24".into(),
        about_id: "Impor menolak data yang dicap lebih dari sekian jam di depan jam kantor ini",
        about_en:
            "Import refuses records stamped more than this many hours ahead of this office's clock",
        check: hours,
    },
];

/// Settings whose default depends on the province the office serves (`office.province`). West
/// Sumatra's are shipped as the example (Agam serves Agam, Pasaman, Pasaman Barat, Tanah Datar,
/// Lima Puluh Kota, Bukittinggi, Payakumbuh and Padang Panjang; Padang the rest). An office in
/// another province sets its own: a letter that needs a missing one names the `config set` command.
const REGIONAL: &[(&str, &[(&str, &str)])] = &[(
    "13",
    &[
        ("office.city", "Padang"),
        (
            "immigration.default",
            "Kepala Kantor Imigrasi Kelas I TPI Padang",
        ),
        (
            "immigration.by_regency",
            "1304,1306,1307,1308,1312,1374,1375,1376=Kepala Kantor Imigrasi Kelas I Non TPI Agam",
        ),
    ],
)];

/// Earlier names of settings, still accepted by `config` and read from older databases.
const RENAMED: &[(&str, &str)] = &[
    ("letterhead.line1", "letterhead.agency"),
    ("letterhead.line2", "letterhead.office"),
    ("letterhead.line3", "letterhead.address"),
];

/// The largest logo a letter takes.
pub const LOGO_LIMIT: u64 = 100 * 1024;

/// A logo file: readable, PNG or JPEG, small enough for a letter under 150 KB. Stored as an
/// absolute path so that letters find it from any folder.
fn logo(value: &str) -> Result<String, Invalid> {
    let path = value.trim();
    if path.is_empty() {
        return Ok(String::new());
    }
    let bytes =
        crate::outfile::read_small(std::path::Path::new(path), LOGO_LIMIT).map_err(|e| {
            if e.kind() == std::io::ErrorKind::FileTooLarge {
                Invalid(crate::said!(Msg::LogoTooLarge, path, LOGO_LIMIT / 1024))
            } else {
                Invalid(crate::said!(Msg::LogoFileUnreadable, path, e.to_string()))
            }
        })?;
    if crate::image::ImageFormat::sniff(&bytes).is_none() {
        return Err(Invalid(crate::said!(Msg::LogoNotImage, path)));
    }
    Ok(std::fs::canonicalize(path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.to_string()))
}

pub fn find(key: &str) -> Result<&'static Setting> {
    let key = RENAMED
        .iter()
        .find(|(old, _)| old.eq_ignore_ascii_case(key.trim()))
        .map(|(_, new)| *new)
        .unwrap_or(key.trim());
    SETTINGS
        .iter()
        .find(|s| s.key.eq_ignore_ascii_case(key))
        .ok_or_else(|| {
            let keys: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
            refused(t!(Msg::SettingUnknown, key, keys.join(", ")))
        })
}

/// The stored value of a setting (under its name or an earlier one), else its default for the
/// office's province, else its default.
pub fn value(conn: &Connection, key: &str) -> Result<String> {
    let setting = find(key)?;
    if let Some(stored) = db::settings::get(conn, setting.key)? {
        return Ok(stored);
    }
    for (old, _) in RENAMED.iter().filter(|(_, new)| *new == setting.key) {
        if let Some(stored) = db::settings::get(conn, old)? {
            return Ok(stored);
        }
    }
    if REGIONAL
        .iter()
        .any(|(_, values)| values.iter().any(|(k, _)| *k == setting.key))
    {
        let province = text(conn, Key::OfficeProvince)?;
        if let Some(v) = regional_default(&province, setting.key) {
            return Ok(v.to_string());
        }
    }
    Ok((setting.default)())
}

fn regional_default(province: &str, key: &str) -> Option<&'static str> {
    REGIONAL
        .iter()
        .find(|(p, _)| *p == province)
        .and_then(|(_, values)| values.iter().find(|(k, _)| *k == key))
        .map(|(_, v)| *v)
}

/// The command that sets a setting, for a message telling the clerk how to fix what is missing:
/// `pmi-desk config set signatory.name "..."` (with `--db` when the clerk gave one).
pub fn fix_command(key: &str, db: Option<&std::path::Path>) -> String {
    let db = db
        .map(|p| {
            let p = p.display().to_string();
            if p.contains(char::is_whitespace) || p.contains('"') {
                format!(" --db \"{}\"", p.replace('"', "\\\""))
            } else {
                format!(" --db {p}")
            }
        })
        .unwrap_or_default();
    format!("pmi-desk{db} config set {key} \"...\"")
}

/// The office this database belongs to; refuses with the fix when `init` was never run.
#[derive(Clone, Debug)]
pub struct Office {
    pub code: String,
    pub name: String,
}

pub fn office(conn: &Connection) -> Result<Office> {
    let code = text(conn, Key::OfficeCode)?;
    if code.is_empty() {
        return Err(refused(t!(Msg::OfficeNotInitialised)));
    }
    Ok(Office {
        code,
        name: text(conn, Key::OfficeName)?,
    })
}

/// The settings pmi-desk reads itself, by key. A closed list with no `Other`: settings are this
/// office's own (never exchanged), `config set` refuses a key not in `SETTINGS`, and an earlier
/// key name is read through `RENAMED`; so a key this version does not know is a mistake, refused
/// with the list of keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    OfficeCode,
    OfficeName,
    OfficeProvince,
    OfficeCity,
    LetterheadAgency,
    LetterheadOffice,
    LetterheadAddress,
    LetterheadPhone,
    LetterheadLogo,
    SignatoryName,
    SignatoryTitle,
    SignatoryNip,
    Checklist(Scheme),
    PassportChecklist(Scheme),
    Holidays,
    DebarkationPoints,
    LetterTemplate,
    RecommendationValidityDays,
    DestinationsClosed,
    ImmigrationDefault,
    ImmigrationByRegency,
    MedicalValidityDays,
    ImportClockToleranceHours,
}

impl Key {
    /// The key as stored and as `config` names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Key::OfficeCode => "office.code",
            Key::OfficeName => "office.name",
            Key::OfficeProvince => "office.province",
            Key::OfficeCity => "office.city",
            Key::LetterheadAgency => "letterhead.agency",
            Key::LetterheadOffice => "letterhead.office",
            Key::LetterheadAddress => "letterhead.address",
            Key::LetterheadPhone => "letterhead.phone",
            Key::LetterheadLogo => "letterhead.logo",
            Key::SignatoryName => "signatory.name",
            Key::SignatoryTitle => "signatory.title",
            Key::SignatoryNip => "signatory.nip",
            Key::Checklist(scheme) => match scheme {
                Scheme::G2g => "checklist.G2G",
                Scheme::P3mi => "checklist.P3MI",
                Scheme::Ukps => "checklist.UKPS",
                Scheme::Mandiri => "checklist.MANDIRI",
            },
            Key::PassportChecklist(scheme) => match scheme {
                Scheme::G2g => "passport.checklist.G2G",
                Scheme::P3mi => "passport.checklist.P3MI",
                Scheme::Ukps => "passport.checklist.UKPS",
                Scheme::Mandiri => "passport.checklist.MANDIRI",
            },
            Key::Holidays => "holidays",
            Key::DebarkationPoints => "debarkation.points",
            Key::LetterTemplate => "letter.template",
            Key::RecommendationValidityDays => "recommendation.validity_days",
            Key::DestinationsClosed => "destinations.closed",
            Key::ImmigrationDefault => "immigration.default",
            Key::ImmigrationByRegency => "immigration.by_regency",
            Key::MedicalValidityDays => "medical.validity_days",
            Key::ImportClockToleranceHours => "import.clock_tolerance_hours",
        }
    }

    /// Every key, in the order of `SETTINGS`.
    pub fn all() -> Vec<Key> {
        let schemes = || <Scheme as crate::domain::CodeList>::all().iter().copied();
        let mut keys = vec![
            Key::OfficeCode,
            Key::OfficeName,
            Key::OfficeProvince,
            Key::OfficeCity,
            Key::LetterheadAgency,
            Key::LetterheadOffice,
            Key::LetterheadAddress,
            Key::LetterheadPhone,
            Key::LetterheadLogo,
            Key::SignatoryName,
            Key::SignatoryTitle,
            Key::SignatoryNip,
        ];
        keys.extend(schemes().map(Key::Checklist));
        keys.extend([Key::Holidays, Key::DebarkationPoints]);
        keys.extend(schemes().map(Key::PassportChecklist));
        keys.extend([
            Key::LetterTemplate,
            Key::RecommendationValidityDays,
            Key::DestinationsClosed,
            Key::ImmigrationDefault,
            Key::ImmigrationByRegency,
            Key::MedicalValidityDays,
            Key::ImportClockToleranceHours,
        ]);
        keys
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A key as a clerk types it (any case, or an earlier name); an unknown one is refused with the
/// list of keys.
impl std::str::FromStr for Key {
    type Err = anyhow::Error;
    fn from_str(text: &str) -> Result<Key> {
        let setting = find(text)?;
        Key::all()
            .into_iter()
            .find(|k| k.as_str() == setting.key)
            .ok_or_else(|| anyhow::anyhow!("setting {} has no key", setting.key))
    }
}

/// A setting's value as text (stored, else its regional default, else its default).
pub fn text(conn: &Connection, key: Key) -> Result<String> {
    value(conn, key.as_str())
}

/// A setting's value through `parse`: a stored value that does not parse is an error naming the
/// key, its value and how to set it, never a silent default (these are legal deadlines and
/// checklists).
pub fn parsed<T>(
    conn: &Connection,
    key: Key,
    parse: impl FnOnce(&str) -> Result<T, Invalid>,
) -> Result<T> {
    let stored = text(conn, key)?;
    parse(&stored).map_err(|Invalid(why)| {
        refused(t!(
            Msg::SettingStoredInvalid,
            key,
            stored.trim(),
            why,
            fix_command(key.as_str(), None)
        ))
    })
}

/// A number of days (or hours) greater than zero, as `config set` accepts it.
fn count(value: &str) -> Result<i64, Invalid> {
    days(value).map(|d| d.parse().unwrap_or_default())
}

/// A setting counted in days (or hours): `recommendation.validity_days`,
/// `medical.validity_days`, `import.clock_tolerance_hours`.
pub fn number(conn: &Connection, key: Key) -> Result<i64> {
    parsed(conn, key, count)
}

pub fn checklist_for(conn: &Connection, scheme: Scheme) -> Result<Checklist> {
    parsed(conn, Key::Checklist(scheme), |v| v.parse())
}

pub fn passport_checklist_for(conn: &Connection, scheme: Scheme) -> Result<Checklist> {
    parsed(conn, Key::PassportChecklist(scheme), |v| v.parse())
}

pub fn closed_destinations(conn: &Connection) -> Result<Vec<ClosedRule>> {
    parsed(conn, Key::DestinationsClosed, parse_closed)
}

/// The national holidays, for the working-day deadlines of cases.
pub fn holiday_dates(conn: &Connection) -> Result<Vec<chrono::NaiveDate>> {
    parsed(conn, Key::Holidays, crate::domain::calendar::parse_holidays)
}

/// The immigration office for each regency (`immigration.by_regency`).
pub fn immigration_routes(
    conn: &Connection,
) -> Result<Vec<(Vec<crate::domain::RegencyCode>, String)>> {
    parsed(conn, Key::ImmigrationByRegency, parse_routes)
}

pub fn medical_validity_days(conn: &Connection) -> Result<i64> {
    number(conn, Key::MedicalValidityDays)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CodeList;

    #[test]
    fn defaults_pass_their_own_checks() {
        for setting in SETTINGS {
            let default = (setting.default)();
            if !default.is_empty() {
                assert_eq!(
                    (setting.check)(&default).as_deref(),
                    Ok(default.as_str()),
                    "{}",
                    setting.key
                );
            }
        }
        assert_eq!(
            SETTINGS
                .iter()
                .filter(|s| s.key.starts_with("checklist."))
                .count(),
            Scheme::all().len()
        );
    }

    #[test]
    fn regional_defaults_pass_their_checks_and_belong_to_regional_settings() {
        for (province, values) in REGIONAL {
            assert!(crate::reference::reference().province(province).is_some());
            for (key, value) in *values {
                let setting = find(key).unwrap();
                assert_eq!((setting.check)(value).as_deref(), Ok(*value), "{key}");
                assert_eq!((setting.default)(), "", "{key} has no national default");
            }
        }
        assert_eq!(regional_default("13", "office.city"), Some("Padang"));
        assert_eq!(regional_default("35", "office.city"), None);
    }

    #[test]
    fn earlier_letterhead_names_still_work_and_the_fix_command_quotes_paths() {
        assert_eq!(find("letterhead.line1").unwrap().key, "letterhead.agency");
        assert_eq!(find("LETTERHEAD.LINE3").unwrap().key, "letterhead.address");
        assert_eq!(
            fix_command("signatory.name", None),
            "pmi-desk config set signatory.name \"...\""
        );
        assert_eq!(
            fix_command(
                "office.city",
                Some(std::path::Path::new("/tmp/my office.db"))
            ),
            "pmi-desk --db \"/tmp/my office.db\" config set office.city \"...\""
        );
    }

    #[test]
    fn a_logo_must_be_a_small_png_or_jpeg() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let png = dir.join("logo.png");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\nrest").unwrap();
        assert!(logo(png.to_str().unwrap()).unwrap().ends_with("logo.png"));
        let gif = dir.join("logo.gif");
        std::fs::write(&gif, b"GIF89a").unwrap();
        assert!(logo(gif.to_str().unwrap()).is_err());
        assert!(logo(dir.join("none.png").to_str().unwrap()).is_err());
        assert_eq!(logo("  ").unwrap(), "");
    }

    #[test]
    fn checks_refuse_bad_values() {
        assert!(office_code("BP3MI SB").is_err());
        assert_eq!(office_code("bp3mi-sb").unwrap(), "BP3MI-SB");
        assert!(province("99").is_err());
        assert!(days("0").is_err());
        assert!(checklist("KTP,NOPE").is_err());
    }

    #[test]
    fn every_setting_has_its_key_and_every_key_its_setting() {
        let keys: Vec<&str> = Key::all().into_iter().map(Key::as_str).collect();
        let settings: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
        assert_eq!(keys, settings);
        for key in Key::all() {
            assert_eq!(key.as_str().parse::<Key>().unwrap(), key);
        }
        assert!("office.nothing".parse::<Key>().is_err());
    }
}
