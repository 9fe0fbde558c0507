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

fn office_code(value: &str) -> Result<String, Invalid> {
    let code = value.trim().to_ascii_uppercase();
    if code.is_empty()
        || code.len() > 20
        || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(Invalid(t!(Msg::OfficeCodeInvalid, value)));
    }
    Ok(code)
}

fn province(value: &str) -> Result<String, Invalid> {
    let code = value.trim();
    crate::reference::reference()
        .province(code)
        .map(|_| code.to_string())
        .ok_or_else(|| Invalid(t!(Msg::ProvinceUnknown, code)))
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
        .ok_or_else(|| Invalid(t!(Msg::DaysInvalid, value)))
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
        return Err(Invalid(t!(Msg::ValueEmpty)));
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
        default: || "Padang".into(),
        about_id: "Kota tempat surat ditandatangani",
        about_en: "City where letters are signed",
        check: any_text,
    },
    Setting {
        key: "letterhead.line1",
        default: none,
        about_id: "Kop surat, baris 1",
        about_en: "Letterhead, line 1",
        check: any_text,
    },
    Setting {
        key: "letterhead.line2",
        default: none,
        about_id: "Kop surat, baris 2",
        about_en: "Letterhead, line 2",
        check: any_text,
    },
    Setting {
        key: "letterhead.line3",
        default: none,
        about_id: "Kop surat, baris 3 (alamat)",
        about_en: "Letterhead, line 3 (address)",
        check: any_text,
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
        default: || "Kepala Kantor Imigrasi Kelas I TPI Padang".into(),
        about_id: "Kantor imigrasi tujuan surat (bawaan)",
        about_en: "Immigration office letters are addressed to (default)",
        check: any_text,
    },
    Setting {
        key: "immigration.by_regency",
        default: || {
            "1304,1306,1307,1308,1312,1374,1375,1376=Kepala Kantor Imigrasi Kelas I Non TPI Agam"
                .into()
        },
        about_id: "Kantor imigrasi per kabupaten/kota: KODE,KODE=KANTOR;...",
        about_en: "Immigration office per regency: CODE,CODE=OFFICE;...",
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

pub fn find(key: &str) -> Result<&'static Setting> {
    SETTINGS
        .iter()
        .find(|s| s.key.eq_ignore_ascii_case(key))
        .ok_or_else(|| {
            let keys: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
            refused(t!(Msg::SettingUnknown, key, keys.join(", ")))
        })
}

/// The stored value of a setting, else its default.
pub fn value(conn: &Connection, key: &str) -> Result<String> {
    let setting = find(key)?;
    Ok(db::settings::get(conn, setting.key)?.unwrap_or_else(setting.default))
}

/// The office this database belongs to; refuses with the fix when `init` was never run.
#[derive(Clone, Debug)]
pub struct Office {
    pub code: String,
    pub name: String,
}

pub fn office(conn: &Connection) -> Result<Office> {
    let code = value(conn, "office.code")?;
    if code.is_empty() {
        return Err(refused(t!(Msg::OfficeNotInitialised)));
    }
    Ok(Office {
        code,
        name: value(conn, "office.name")?,
    })
}

pub fn checklist_for(conn: &Connection, scheme: Scheme) -> Result<Checklist> {
    let text = value(conn, &format!("checklist.{}", scheme.code()))?;
    Ok(text.parse()?)
}

pub fn passport_checklist_for(conn: &Connection, scheme: Scheme) -> Result<Checklist> {
    Ok(value(conn, &format!("passport.checklist.{}", scheme.code()))?.parse()?)
}

pub fn closed_destinations(conn: &Connection) -> Result<Vec<ClosedRule>> {
    Ok(parse_closed(&value(conn, "destinations.closed")?)?)
}

pub fn days_setting(conn: &Connection, key: &str) -> Result<i64> {
    Ok(value(conn, key)?.parse().unwrap_or(30))
}

pub fn medical_validity_days(conn: &Connection) -> Result<i64> {
    Ok(value(conn, "medical.validity_days")?.parse().unwrap_or(90))
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
    fn checks_refuse_bad_values() {
        assert!(office_code("BP3MI SB").is_err());
        assert_eq!(office_code("bp3mi-sb").unwrap(), "BP3MI-SB");
        assert!(province("99").is_err());
        assert!(days("0").is_err());
        assert!(checklist("KTP,NOPE").is_err());
    }
}
