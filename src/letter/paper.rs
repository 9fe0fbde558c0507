//! The office's paper: letterhead, signatory and city, read from the settings. A document that
//! needs a setting the office has not given is refused with the `config set` commands to run,
//! never printed with a bare "," where a name belongs.

use anyhow::Result;
use rusqlite::Connection;

use super::{ImageFormat, Letterhead, Logo};
use crate::error::refused;
use crate::i18n::Msg;
use crate::settings;
use crate::t;

#[derive(Clone, Debug, Default)]
pub struct Signatory {
    pub name: String,
    pub title: String,
    pub nip: String,
}

/// The settings a document is printed with. Empty strings where the office has set nothing.
#[derive(Clone, Debug, Default)]
pub struct Paper {
    pub office_name: String,
    pub city: String,
    pub letterhead: Letterhead,
    pub signatory: Signatory,
    /// The setting keys that are empty, for `require`.
    empty: Vec<&'static str>,
}

const REQUIRED_ANYWHERE: [&str; 4] = [
    "office.city",
    "signatory.name",
    "signatory.title",
    "immigration.default",
];

impl Paper {
    /// The paper settings; the logo file is read only `with_logo` (PDF and HTML, not text).
    pub fn load(conn: &Connection, with_logo: bool) -> Result<Paper> {
        let value = |key: &str| settings::value(conn, key).map(|v| v.trim().to_string());
        let office_name = value("office.name")?;
        let logo_path = value("letterhead.logo")?;
        let logo = if logo_path.is_empty() || !with_logo {
            None
        } else {
            // Checked again at print time: the file may have changed since `config set`.
            let limit = settings::LOGO_LIMIT;
            let bytes = crate::outfile::read_small(std::path::Path::new(&logo_path), limit)
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::FileTooLarge => {
                        refused(t!(Msg::LogoTooLarge, logo_path, limit / 1024))
                    }
                    _ => refused(t!(Msg::LogoFileUnreadable, logo_path, e)),
                })?;
            let format = ImageFormat::sniff(&bytes)
                .ok_or_else(|| refused(t!(Msg::LogoNotImage, logo_path)))?;
            Some(Logo { bytes, format })
        };
        let office_line = value("letterhead.office")?;
        let mut contact = vec![value("letterhead.address")?];
        let phone = value("letterhead.phone")?;
        if !phone.is_empty() {
            contact.push(phone);
        }
        let mut empty = Vec::new();
        for key in REQUIRED_ANYWHERE {
            if value(key)?.is_empty() {
                empty.push(key);
            }
        }
        Ok(Paper {
            letterhead: Letterhead {
                agency: value("letterhead.agency")?,
                office: if office_line.is_empty() {
                    office_name.to_uppercase()
                } else {
                    office_line
                },
                contact,
                logo,
            },
            city: value("office.city")?,
            signatory: Signatory {
                name: value("signatory.name")?,
                title: value("signatory.title")?,
                nip: value("signatory.nip")?,
            },
            office_name,
            empty,
        })
    }

    /// Refuses when any of `keys` is empty, naming the command that sets each one.
    pub fn require(&self, keys: &[&str], db: Option<&std::path::Path>) -> Result<()> {
        let missing: Vec<String> = keys
            .iter()
            .filter(|k| self.empty.contains(k))
            .map(|k| format!("  {}", settings::fix_command(k, db)))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(refused(t!(Msg::PaperSettingsMissing, missing.join("\n"))))
    }
}
