//! Who a case or a repatriation is about: the stored person with the NIK given, or a new person
//! made from what is known (a name at least). Trafficking victims and remains often have no NIK.

use anyhow::Result;
use rusqlite::Connection;

use crate::context::new_uid;
use crate::db;
use crate::domain::date::parse_date;
use crate::domain::person::{parse_name, Person};
use crate::domain::record::Timestamp;
use crate::domain::registration::identity_differences;
use crate::domain::{Nik, Warning};
use crate::error::refused;
use crate::i18n::Msg;
use crate::t;
use clap::Args;

/// Who a case or a repatriation is about: by NIK (linking the stored person) or, when the NIK is
/// unknown, by name with whatever else is known.
#[derive(Args, Debug, Default, Clone)]
pub struct SubjectFields {
    /// NIK of the worker, if known
    #[arg(long, value_name = "NIK")]
    pub nik: Option<String>,
    /// Name of the worker (needed when the NIK is unknown or not on record)
    #[arg(long, value_name = "NAME")]
    pub person_name: Option<String>,
    /// Sex of the worker: L or P
    #[arg(long, value_name = "L|P")]
    pub sex: Option<String>,
    /// Date of birth of the worker
    #[arg(long, value_name = "DATE")]
    pub birth_date: Option<String>,
    /// Home regency of the worker (anywhere in Indonesia)
    #[arg(long, value_name = "REGENCY")]
    pub regency: Option<String>,
}

pub(super) struct Subject {
    pub person: Person,
    /// Not stored yet: to be inserted with the record.
    pub is_new: bool,
    pub warnings: Vec<Warning>,
}

/// Finds or prepares the person; `None` when neither a NIK nor a name was given.
pub(super) fn resolve(
    conn: &Connection,
    f: &SubjectFields,
    office_code: &str,
    now: &Timestamp,
) -> Result<Option<Subject>> {
    let nik: Option<Nik> = f
        .nik
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(str::parse)
        .transpose()?;
    let name = f.person_name.as_deref().map(parse_name).transpose()?;
    let sex = f.sex.as_deref().map(str::parse).transpose()?;
    let birth_date = f.birth_date.as_deref().map(parse_date).transpose()?;
    let regency = f.regency.as_deref().map(str::parse).transpose()?;
    let entered = Person {
        uid: new_uid(),
        nik: nik.clone(),
        full_name: name.clone().unwrap_or_default(),
        sex,
        birth_place: None,
        birth_date,
        regency,
        address: None,
        phone: None,
        education: None,
        marital_status: None,
        office_code: office_code.to_string(),
        created_at: now.clone(),
        updated_at: now.clone(),
        accepted_warnings: None,
        versions: crate::domain::version::Versions::unset(),
    };
    if let Some(nik) = &nik {
        if let Some(stored) = db::persons::by_nik(conn, nik)? {
            let warnings = identity_differences(&stored, &entered);
            return Ok(Some(Subject {
                person: stored,
                is_new: false,
                warnings,
            }));
        }
        if name.is_none() {
            return Err(refused(t!(Msg::NameNeededForNewNik, nik)));
        }
        let warnings = nik.warnings(
            entered.birth_date,
            entered.sex,
            entered.regency.as_ref().map(|r| r.as_str()),
        );
        return Ok(Some(Subject {
            person: entered,
            is_new: true,
            warnings,
        }));
    }
    Ok(name.map(|_| Subject {
        person: entered,
        is_new: true,
        warnings: Vec::new(),
    }))
}
