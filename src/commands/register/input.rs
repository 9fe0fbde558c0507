//! The fields of a registration, from options or prompts, each parsed once into its domain type.
//! On a terminal the NIK comes first: a person already on record is said at once (and refused at
//! once when an open placement exists), and what the record or the NIK already says is pre-filled.

use crate::i18n::Label;
use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::super::form::Form;
use super::RegisterArgs;
use crate::db;
use crate::domain::contact::parse_phone;
use crate::domain::date::parse_date;
use crate::domain::person::{parse_name, Person};
use crate::domain::text;
use crate::domain::*;
use crate::error::{refused, Invalid};
use crate::i18n::Msg;
use crate::t;

/// A registration as entered, every value validated.
#[derive(Debug, Clone)]
pub(super) struct Entered {
    pub nik: Nik,
    /// The person already on record with this NIK.
    pub stored: Option<Person>,
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
    text::line(Some(s))?.ok_or_else(|| Invalid(crate::said!(Msg::ValueEmpty)))
}

/// Forgets one answer, so the next pass asks it again.
pub(super) fn clear(args: &mut RegisterArgs, flag: &str) {
    if let Some(slot) = args.person.slot(flag) {
        *slot = None;
    } else if let Some(slot) = args.placement.slot(flag) {
        *slot = None;
    }
}

/// The birth date a NIK carries (its century guessed: the latest one not in the future).
pub(super) fn nik_birth_date(nik: &Nik, today: NaiveDate) -> Option<NaiveDate> {
    nik.birth_date_by(today)
}

/// The regency a NIK was issued in, by name, when it still exists.
fn nik_regency(nik: &Nik) -> Option<String> {
    nik.regency_code()
        .parse::<RegencyCode>()
        .ok()
        .map(|r| r.name().to_string())
}

fn given<T>(
    slot: &Option<String>,
    parse: impl Fn(&str) -> Result<T, Invalid>,
) -> Result<Option<T>> {
    Ok(slot
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(parse)
        .transpose()?)
}

pub(super) fn gather(
    args: &mut RegisterArgs,
    form: &mut Form,
    conn: &Connection,
    today: NaiveDate,
) -> Result<Entered> {
    let (p, pl) = (&mut args.person, &mut args.placement);
    let nik: Nik = form.need(&mut p.nik, "--nik", Msg::AskNik, None, |s| s.parse())?;
    let stored = db::persons::by_nik(conn, &nik)?;
    if let (Some(s), true) = (&stored, form.asks()) {
        // Said right after the NIK, not after every other question.
        if let Some(open) = db::placements::open_of_person(conn, &s.uid)? {
            let reason = t!(
                Msg::OpenPlacementExists,
                open.reference(),
                open.stage.label()
            );
            return Err(refused(t!(Msg::RegistrationRefused, reason)));
        }
        let repatriations = db::repatriations::of_person(conn, &s.uid)?;
        if let Some(remains) = registration::remains_of(&repatriations) {
            let reason = crate::said!(Msg::PersonDeceased, remains.reference(), remains.arrived_on);
            return Err(refused(t!(Msg::RegistrationRefused, reason)));
        }
        if p.name.is_none() {
            crate::prompt::say(&t!(Msg::PersonAlreadyKnown, s.full_name, s.uid));
        }
    }
    let known = stored.as_ref();
    let full_name = form.need(
        &mut p.name,
        "--name",
        Msg::AskName,
        known.map(|s| s.full_name.clone()),
        parse_name,
    )?;
    let sex: Sex = form.code(
        &mut p.sex,
        "--sex",
        Msg::AskSex,
        Some(known.and_then(|s| s.sex).unwrap_or(nik.embedded_sex())),
    )?;
    let birth_place = form.need(
        &mut p.birth_place,
        "--birth-place",
        Msg::AskBirthPlace,
        known.and_then(|s| s.birth_place.clone()),
        required_line,
    )?;
    let birth_date = form.date(
        &mut p.birth_date,
        "--birth-date",
        Msg::AskBirthDate,
        known
            .and_then(|s| s.birth_date)
            .or_else(|| nik_birth_date(&nik, today)),
    )?;
    let regency: RegencyCode = form.need(
        &mut p.regency,
        "--regency",
        Msg::AskRegency,
        known
            .and_then(|s| s.regency.as_ref().map(|r| r.name().to_string()))
            .or_else(|| nik_regency(&nik)),
        |s| s.parse(),
    )?;
    form.describe("--regency", format!("{} ({})", regency.name(), regency));
    let address = form
        .offer(
            &mut p.address,
            "--address",
            Msg::AskAddress,
            known.and_then(|s| s.address.clone()),
            |s| text::note(Some(s)),
        )?
        .flatten();
    let mut warnings = nik.warnings(Some(birth_date), Some(sex), Some(regency.as_str()));
    let phone = match form.offer(
        &mut p.phone,
        "--phone",
        Msg::AskPhone,
        known.and_then(|s| s.phone.clone()),
        parse_phone,
    )? {
        Some((phone, warning)) => {
            warnings.extend(warning);
            Some(phone)
        }
        None => None,
    };
    // Marital status decides which documents the checklist asks (MARITAL_STATUS_LETTER).
    let education = form.code_offer(
        &mut p.education,
        "--education",
        Msg::AskEducation,
        known.and_then(|s| s.education),
    )?;
    let marital_status = form.code_offer(
        &mut p.marital_status,
        "--marital-status",
        Msg::AskMaritalStatus,
        known.and_then(|s| s.marital_status),
    )?;
    let scheme: Scheme = form.code(&mut pl.scheme, "--scheme", Msg::AskScheme, None)?;
    let p3mi_name = match scheme {
        Scheme::P3mi if form.asks() => {
            Some(form.need(&mut pl.p3mi, "--p3mi", Msg::AskP3mi, None, required_line)?)
        }
        _ => text::line(pl.p3mi.as_deref())?,
    };
    let employer_name = form
        .offer(
            &mut pl.employer,
            "--employer",
            Msg::AskEmployer,
            None,
            |s| text::line(Some(s)),
        )?
        .flatten();
    let country: CountryCode =
        form.need(&mut pl.country, "--country", Msg::AskCountry, None, |s| {
            s.parse()
        })?;
    form.describe(
        "--country",
        format!("{} ({})", country.name(crate::i18n::lang()), country),
    );
    let sector = form.code_offer(&mut pl.sector, "--sector", Msg::AskSector, None)?;
    let occupation = form
        .offer(
            &mut pl.occupation,
            "--occupation",
            Msg::AskOccupation,
            None,
            |s| text::line(Some(s)),
        )?
        .flatten();
    Ok(Entered {
        nik,
        stored,
        full_name,
        sex,
        birth_place,
        birth_date,
        regency,
        address,
        phone,
        education,
        marital_status,
        scheme,
        p3mi_name,
        employer_name,
        country,
        sector,
        occupation,
        registered_on: given(&pl.registered_on, parse_date)?.unwrap_or(today),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{PersonFields, PlacementFields};
    use super::*;
    use crate::prompt::Scripted;

    fn args() -> RegisterArgs {
        RegisterArgs {
            person: PersonFields::default(),
            placement: PlacementFields::default(),
            accept_warnings: false,
        }
    }

    fn store() -> (tempfile::TempDir, db::Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = db::Store::open(&dir.path().join("t.db"), db::OpenMode::Create);
        (dir, store.unwrap())
    }

    fn today() -> NaiveDate {
        "2023-11-08".parse().unwrap()
    }

    #[test]
    fn prompts_for_every_missing_field_in_order_with_what_the_nik_says_pre_filled() {
        let mut script = Scripted::new(&[
            "1371025508900002",
            "Siti Rahmah",
            "",
            "Padang",
            "",
            "",
            "Jl. Sudirman 1, Padang",
            "",
            "SMA",
            "MARRIED",
            "P3MI",
            "PT Maju Jaya",
            "",
            "Jepang",
            "FORMAL",
            "Caregiver",
        ]);
        let mut a = args();
        let (_dir, store) = store();
        let mut form = Form::new(Some(&mut script));
        let entered = gather(&mut a, &mut form, store.conn(), today()).unwrap();
        drop(form);
        assert_eq!(entered.nik.as_str(), "1371025508900002");
        assert_eq!(entered.sex, Sex::P, "from the NIK");
        assert_eq!(entered.birth_date, "1990-08-15".parse().unwrap());
        assert_eq!(entered.regency.as_str(), "1371");
        assert_eq!(entered.address.as_deref(), Some("Jl. Sudirman 1, Padang"));
        assert_eq!(entered.scheme, Scheme::P3mi);
        assert_eq!(entered.p3mi_name.as_deref(), Some("PT Maju Jaya"));
        assert_eq!(entered.country.as_str(), "JP");
        assert_eq!(entered.occupation.as_deref(), Some("Caregiver"));
        assert_eq!(entered.education, Some(Education::Sma), "asked");
        assert_eq!(
            entered.marital_status,
            Some(MaritalStatus::Married),
            "asked"
        );
        assert_eq!(entered.registered_on, today());
        assert!(entered.warnings.is_empty(), "{:?}", entered.warnings);
        assert_eq!(script.defaults[4].as_deref(), Some("15-08-1990"));
        assert_eq!(script.defaults[5].as_deref(), Some("Kota Padang"));
        assert_eq!(a.person.address.as_deref(), Some("Jl. Sudirman 1, Padang"));
    }

    #[test]
    fn given_options_are_not_asked_again() {
        let mut a = args();
        a.person.nik = Some("1371021508900001".into());
        a.person.name = Some("Budi".into());
        a.placement.scheme = Some("MANDIRI".into());
        let mut script = Scripted::new(&[
            "L",
            "Padang",
            "1990-08-15",
            "1371",
            "",
            "",
            "",
            "",
            "",
            "MY",
            "",
            "",
        ]);
        let (_dir, store) = store();
        let mut form = Form::new(Some(&mut script));
        let entered = gather(&mut a, &mut form, store.conn(), today()).unwrap();
        drop(form);
        assert_eq!(entered.full_name, "Budi");
        assert_eq!(script.asked.len(), 12);
    }

    #[test]
    fn the_century_of_a_nik_birth_date_is_the_latest_not_in_the_future() {
        let nik: Nik = "1371021508050001".parse().unwrap();
        assert_eq!(
            nik_birth_date(&nik, today()),
            Some("2005-08-15".parse().unwrap())
        );
        let nik: Nik = "1371021512300001".parse().unwrap();
        assert_eq!(
            nik_birth_date(&nik, today()),
            Some("1930-12-15".parse().unwrap())
        );
    }
}
