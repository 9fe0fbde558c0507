//! The fields of a registration, from options or prompts, each parsed once into its domain type.

use anyhow::Result;
use chrono::NaiveDate;

use super::super::form::{require, Form};
use crate::cli::RegisterArgs;
use crate::domain::contact::parse_phone;
use crate::domain::date::parse_date;
use crate::domain::person::parse_name;
use crate::domain::text;
use crate::domain::*;
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::prompt::Prompter;

/// A registration as entered, every value validated.
#[derive(Debug, Clone)]
pub struct Entered {
    pub nik: Nik,
    pub full_name: String,
    pub sex: Sex,
    pub birth_place: String,
    pub birth_date: NaiveDate,
    pub regency: RegencyCode,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub education: Option<Education>,
    pub marital_status: Option<MaritalStatus>,
    pub scheme: Scheme,
    pub p3mi_name: Option<String>,
    pub employer_name: Option<String>,
    pub country: CountryCode,
    pub sector: Option<Sector>,
    pub occupation: Option<String>,
    pub registered_on: NaiveDate,
    pub warnings: Vec<Warning>,
}

fn required_line(s: &str) -> Result<String, Invalid> {
    text::line(Some(s))?.ok_or_else(|| Invalid(crate::t!(Msg::ValueEmpty)))
}

pub fn gather(
    args: &RegisterArgs,
    prompter: Option<&mut dyn Prompter>,
    today: NaiveDate,
) -> Result<Entered> {
    let p = &args.person;
    let pl = &args.placement;
    require(
        prompter.is_some(),
        &[
            ("--nik", p.nik.is_some()),
            ("--name", p.name.is_some()),
            ("--sex", p.sex.is_some()),
            ("--birth-place", p.birth_place.is_some()),
            ("--birth-date", p.birth_date.is_some()),
            ("--regency", p.regency.is_some()),
            ("--scheme", pl.scheme.is_some()),
            ("--country", pl.country.is_some()),
        ],
    )?;
    let mut form = Form::new(prompter);
    let nik: Nik = form.value("--nik", p.nik.as_deref(), Msg::AskNik, |s| s.parse())?;
    let full_name = form.value("--name", p.name.as_deref(), Msg::AskName, parse_name)?;
    let sex: Sex = form.code("--sex", p.sex.as_deref(), Msg::AskSex)?;
    let birth_place = form.value(
        "--birth-place",
        p.birth_place.as_deref(),
        Msg::AskBirthPlace,
        required_line,
    )?;
    let birth_date = form.value(
        "--birth-date",
        p.birth_date.as_deref(),
        Msg::AskBirthDate,
        parse_date,
    )?;
    let regency: RegencyCode =
        form.value("--regency", p.regency.as_deref(), Msg::AskRegency, |s| {
            s.parse()
        })?;
    let scheme: Scheme = form.code("--scheme", pl.scheme.as_deref(), Msg::AskScheme)?;
    let p3mi_name = match (scheme, text::line(pl.p3mi.as_deref())?) {
        (Scheme::P3mi, None) if form.asks() => {
            Some(form.value("--p3mi", None, Msg::AskP3mi, required_line)?)
        }
        (_, name) => name,
    };
    let country: CountryCode =
        form.value("--country", pl.country.as_deref(), Msg::AskCountry, |s| {
            s.parse()
        })?;
    let mut warnings = nik.warnings(Some(birth_date), Some(sex), Some(regency.as_str()));
    let phone = match form.optional(p.phone.as_deref(), parse_phone)? {
        Some((phone, warning)) => {
            warnings.extend(warning);
            Some(phone)
        }
        None => None,
    };
    Ok(Entered {
        nik,
        full_name,
        sex,
        birth_place,
        birth_date,
        regency,
        address: text::note(p.address.as_deref())?,
        phone,
        education: form.optional(p.education.as_deref(), |s| s.parse())?,
        marital_status: form.optional(p.marital_status.as_deref(), |s| s.parse())?,
        scheme,
        p3mi_name,
        employer_name: text::line(pl.employer.as_deref())?,
        country,
        sector: form.optional(pl.sector.as_deref(), |s| s.parse())?,
        occupation: text::line(pl.occupation.as_deref())?,
        registered_on: form
            .optional(pl.registered_on.as_deref(), parse_date)?
            .unwrap_or(today),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{PersonFields, PlacementFields};
    use crate::prompt::Scripted;

    fn args() -> RegisterArgs {
        RegisterArgs {
            person: PersonFields::default(),
            placement: PlacementFields::default(),
            accept_warnings: false,
        }
    }

    #[test]
    fn prompts_for_every_missing_field_in_order() {
        let mut script = Scripted::new(&[
            "1371025508900002",
            "Siti Rahmah",
            "P",
            "Padang",
            "15-08-1990",
            "Kota Padang",
            "P3MI",
            "PT Maju Jaya",
            "Jepang",
        ]);
        let today = "2023-11-08".parse().unwrap();
        let entered = gather(&args(), Some(&mut script), today).unwrap();
        assert_eq!(entered.nik.as_str(), "1371025508900002");
        assert_eq!(entered.scheme, Scheme::P3mi);
        assert_eq!(entered.p3mi_name.as_deref(), Some("PT Maju Jaya"));
        assert_eq!(entered.country.as_str(), "JP");
        assert_eq!(entered.registered_on, today);
        assert!(entered.warnings.is_empty(), "{:?}", entered.warnings);
        assert_eq!(script.asked.len(), 9);
    }

    #[test]
    fn given_options_are_not_asked_again() {
        let mut a = args();
        a.person.nik = Some("1371021508900001".into());
        a.person.name = Some("Budi".into());
        a.placement.scheme = Some("MANDIRI".into());
        let mut script = Scripted::new(&["L", "Padang", "1990-08-15", "1371", "MY"]);
        let entered = gather(&a, Some(&mut script), "2023-11-08".parse().unwrap()).unwrap();
        assert_eq!(entered.full_name, "Budi");
        assert_eq!(script.asked.len(), 5);
    }

    #[test]
    fn without_a_terminal_every_missing_option_is_named() {
        let mut a = args();
        a.person.nik = Some("1371021508900001".into());
        let err = gather(&a, None, "2023-11-08".parse().unwrap()).unwrap_err();
        assert_eq!(crate::error::exit_code(&err), 2);
        let message = err.to_string();
        for flag in [
            "--name",
            "--sex",
            "--birth-place",
            "--birth-date",
            "--regency",
            "--scheme",
            "--country",
        ] {
            assert!(message.contains(flag), "{message}");
        }
        assert!(!message.contains("--nik"), "{message}");
    }
}
