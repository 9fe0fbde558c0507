//! The rules of registering a placement: who may not be registered, and what about a returning
//! person differs from what is stored.

use chrono::NaiveDate;

use super::date::age_on;
use super::person::Person;
use super::placement::Placement;
use super::record::Timestamp;
use super::{rules, Scheme, Warning};
use crate::error::Invalid;
use crate::i18n::Msg;
use crate::i18n::{Arg, IntoArg, Said};
use crate::said;

/// Minimum age on the registration date (UU 18/2017).
pub const MINIMUM_AGE: i32 = 18;

pub struct Facts<'a> {
    pub birth_date: NaiveDate,
    pub registered_on: NaiveDate,
    pub today: NaiveDate,
    pub scheme: Scheme,
    pub p3mi_name: Option<&'a str>,
    pub open_placement: Option<&'a Placement>,
    /// The person's return as remains (a DECEASED repatriation), when one is recorded.
    pub deceased: Option<&'a super::repatriation::Repatriation>,
}

/// Why someone born on `birth` cannot be placed on `on`: a birth date in the future (a typo, not an
/// age of minus five), or under 18.
pub fn age_problem(birth: NaiveDate, on: NaiveDate) -> Option<Said> {
    if birth > on {
        return Some(said!(Msg::BirthDateInFuture, birth));
    }
    let age = age_on(birth, on);
    (age < MINIMUM_AGE).then(|| said!(Msg::UnderAge, age, on, MINIMUM_AGE))
}

/// Every reason the registration is refused, all at once.
pub fn refusals(f: &Facts) -> Vec<Said> {
    let mut reasons = Vec::new();
    if f.registered_on > f.today {
        reasons.push(said!(Msg::RegisteredInFuture, f.registered_on));
    }
    reasons.extend(age_problem(f.birth_date, f.registered_on));
    if f.scheme == Scheme::P3mi && f.p3mi_name.is_none() {
        reasons.push(said!(Msg::P3miNameRequired));
    }
    if let Some(open) = f.open_placement {
        reasons.push(said!(
            Msg::OpenPlacementExists,
            open.reference(),
            open.stage
        ));
    }
    if let Some(remains) = f.deceased {
        reasons.push(deceased(remains));
    }
    reasons
}

fn deceased(remains: &super::repatriation::Repatriation) -> Said {
    said!(Msg::PersonDeceased, remains.reference(), remains.arrived_on)
}

/// The person's return as remains among their repatriations.
pub fn remains_of(
    repatriations: &[super::repatriation::Repatriation],
) -> Option<&super::repatriation::Repatriation> {
    repatriations
        .iter()
        .find(|r| r.category == super::RepatriationCategory::Deceased)
}

/// What the clerk should know before registering, to accept or not: an earlier placement of the
/// person still recorded abroad (its return never recorded), and a destination closed today (the
/// recommendation would be refused).
pub fn warnings(
    earlier: &[Placement],
    country: &super::CountryCode,
    scheme: Scheme,
    sector: Option<super::Sector>,
    closed: &[super::eligibility::ClosedRule],
) -> Vec<Warning> {
    let mut out: Vec<Warning> = earlier
        .iter()
        .filter(|p| p.stage == super::Stage::Departed)
        .map(|p| {
            Warning::new(
                super::warning::WarningCode::EarlierPlacementAbroad,
                said!(
                    Msg::EarlierStillAbroad,
                    p.reference(),
                    p.departed_on.map(|d| d.to_string()).unwrap_or("-".into()),
                    p.reference()
                ),
            )
        })
        .collect();
    if super::eligibility::closes(closed, country, scheme, sector) {
        let sector: Arg = match sector {
            Some(s) => s.into_arg(),
            None => Arg::Data("-".into()),
        };
        out.push(Warning::new(
            super::warning::WarningCode::DestinationClosed,
            said!(
                Msg::DestinationClosedNow,
                country.to_string(),
                scheme,
                sector
            ),
        ));
    }
    out
}

/// Identity fields of a stored person that differ from what the clerk entered (shown as warnings;
/// the stored identity is kept and can be corrected with `worker edit`).
pub fn identity_differences(stored: &Person, entered: &Person) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut compare = |field: &str, old: String, new: String| {
        if !new.is_empty() && old.to_lowercase() != new.to_lowercase() {
            out.push(Warning::new(
                crate::domain::warning::WarningCode::PersonDiffers,
                said!(Msg::PersonDiffers, field, old, new),
            ));
        }
    };
    compare(
        "full_name",
        stored.full_name.clone(),
        entered.full_name.clone(),
    );
    compare(
        "sex",
        super::person::opt(&stored.sex),
        super::person::opt(&entered.sex),
    );
    compare(
        "birth_place",
        super::person::opt(&stored.birth_place),
        super::person::opt(&entered.birth_place),
    );
    compare(
        "birth_date",
        super::person::date(&stored.birth_date),
        super::person::date(&entered.birth_date),
    );
    out
}

/// A person on record registered again: the stored identity stays (a difference is a warning,
/// corrected with `worker edit`), the home regency and contact details follow what the clerk
/// just entered (a detail left empty keeps the stored one).
pub fn merge(stored: Person, entered: &Person, now: &Timestamp) -> (Person, Vec<Warning>) {
    let differences = identity_differences(&stored, entered);
    let mut merged = stored;
    merged.regency = entered.regency.clone();
    merged.address = entered.address.clone().or(merged.address);
    merged.phone = entered.phone.clone().or(merged.phone);
    merged.education = entered.education.or(merged.education);
    merged.marital_status = entered.marital_status.or(merged.marital_status);
    merged.updated_at = now.clone();
    (merged, differences)
}

/// The last word on a registration, on the records as they are in the transaction: the person has
/// no open placement, and the person and the placement are valid. One refusal names every reason.
pub fn check_saved(
    person: &Person,
    placement: &Placement,
    open: Option<&Placement>,
    remains: Option<&super::repatriation::Repatriation>,
    today: NaiveDate,
) -> Result<(), Invalid> {
    if let Some(remains) = remains {
        return Err(Invalid(said!(Msg::RegistrationRefused, deceased(remains))));
    }
    if let Some(open) = open {
        let reason = said!(Msg::OpenPlacementExists, open.reference(), open.stage);
        return Err(Invalid(said!(Msg::RegistrationRefused, reason)));
    }
    let mut problems = rules::person(person, today);
    problems.extend(rules::placement(placement, person.birth_date, today));
    match problems.is_empty() {
        true => Ok(()),
        false => Err(Invalid(said!(
            Msg::RegistrationRefused,
            rules::messages(&problems)
        ))),
    }
}

/// The fields a NIK speaks for: correcting one checks the NIK's agreement again.
pub const IDENTITY: &[&str] = &["nik", "birth_date", "sex", "regency_code"];

/// A correction (`worker edit`) of a person and their placement, checked as a registration is:
/// an open placement still meets the registration rules with the corrected birth date, scheme and
/// company (on the registration date, or today for a later correction); the records are valid;
/// and a changed identity field gives the NIK's warnings again, for the clerk to confirm.
pub fn check_correction(
    person: &Person,
    placement: &Placement,
    changed: &[&str],
    today: NaiveDate,
) -> Result<Vec<Warning>, Invalid> {
    if let (Some(birth), true) = (person.birth_date, placement.stage.is_open()) {
        let reasons = refusals(&Facts {
            birth_date: birth,
            registered_on: placement.registered_on,
            today: today.max(placement.registered_on),
            scheme: placement.scheme,
            p3mi_name: placement.p3mi_name.as_deref(),
            open_placement: None,
            deceased: None,
        });
        if !reasons.is_empty() {
            return Err(Invalid(Said::joined(reasons)));
        }
    }
    rules::refuse(rules::person(person, today))?;
    if placement.stage.is_open() {
        rules::refuse(rules::placement(placement, person.birth_date, today))?;
    }
    let identity_changed = changed.iter().any(|c| IDENTITY.contains(c));
    Ok(match (&person.nik, identity_changed) {
        (Some(nik), true) => nik.warnings(
            person.birth_date,
            person.sex,
            person.regency.as_ref().map(|r| r.as_str()),
        ),
        _ => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12: a birth date after the registration said "berumur -5 tahun".
    #[test]
    fn a_birth_date_in_the_future_is_called_so_not_a_negative_age() {
        let reasons = refusals(&facts("2028-01-01", "2023-11-08"));
        assert_eq!(reasons.len(), 1, "{reasons:?}");
        assert!(reasons[0].to_string().contains("2028-01-01"), "{reasons:?}");
        assert!(!reasons[0].to_string().contains("aged -"), "{reasons:?}");
        assert_eq!(
            age_problem("2028-01-01".parse().unwrap(), "2023-11-08".parse().unwrap())
                .map(|said| said.render(crate::i18n::Lang::Id)),
            Some("tanggal lahir 2028-01-01 belum terjadi".to_string())
        );
    }

    fn facts(birth: &str, on: &str) -> Facts<'static> {
        Facts {
            birth_date: birth.parse().unwrap(),
            registered_on: on.parse().unwrap(),
            today: "2023-12-31".parse().unwrap(),
            scheme: Scheme::Mandiri,
            p3mi_name: None,
            open_placement: None,
            deceased: None,
        }
    }

    use crate::domain::fixtures::person;

    #[test]
    fn a_returning_person_keeps_the_stored_identity_and_takes_the_new_contact_details() {
        let stored = person();
        let mut entered = person();
        entered.full_name = "Budi Santoso".into();
        entered.regency = Some("1301".parse().unwrap());
        entered.address = Some("Jl. Baru".into());
        entered.phone = None;
        let now = Timestamp::default();
        let (merged, warnings) = merge(stored, &entered, &now);
        assert_eq!(merged.full_name, "Budi", "identity stays");
        assert_eq!(warnings.len(), 1, "the name differs: {warnings:?}");
        assert_eq!(merged.regency.unwrap().as_str(), "1301");
        assert_eq!(merged.address.as_deref(), Some("Jl. Baru"));
        assert_eq!(merged.phone.as_deref(), Some("+6281200000001"), "kept");
    }

    #[test]
    fn a_registration_is_refused_beside_an_open_placement_with_its_number() {
        use crate::domain::fixtures::placement_in;
        let today: NaiveDate = "2023-11-08".parse().unwrap();
        let new = placement_in(super::super::Stage::Registered);
        let open = placement_in(super::super::Stage::Recommended);
        assert!(check_saved(&person(), &new, None, None, today).is_ok());
        let refused = check_saved(&person(), &new, Some(&open), None, today).unwrap_err();
        assert!(refused
            .0
            .render(crate::i18n::Lang::En)
            .contains("REG-2023-00001"));
    }

    #[test]
    fn remains_refuse_and_a_placement_abroad_or_a_closed_destination_warn() {
        use crate::domain::fixtures::placement_in;
        use crate::domain::warning::WarningCode;
        use crate::domain::{Sector, Stage};
        let today: NaiveDate = "2023-11-08".parse().unwrap();
        let mut remains = crate::domain::fixtures::remains();
        remains.repatriation_number = Some("SB-R-2023-0001".into());
        let new = placement_in(Stage::Registered);
        let refused = check_saved(&person(), &new, None, Some(&remains), today).unwrap_err();
        assert!(refused
            .0
            .render(crate::i18n::Lang::Id)
            .contains("SB-R-2023-0001"));
        let mut abroad = placement_in(Stage::Departed);
        abroad.departed_on = Some("2023-06-01".parse().unwrap());
        let closed = crate::domain::eligibility::parse_closed("SA:*:INFORMAL").unwrap();
        let sa = "SA".parse().unwrap();
        let codes = |earlier: &[Placement], sector| -> Vec<WarningCode> {
            warnings(earlier, &sa, Scheme::Mandiri, sector, &closed)
                .into_iter()
                .map(|w| w.code)
                .collect()
        };
        assert_eq!(
            codes(&[abroad.clone()], Some(Sector::Formal)),
            [WarningCode::EarlierPlacementAbroad]
        );
        assert_eq!(
            codes(&[], Some(Sector::Informal)),
            [WarningCode::DestinationClosed]
        );
        assert!(codes(&[placement_in(Stage::Returned)], None).is_empty());
    }

    #[test]
    fn a_correction_gives_the_nik_warnings_only_when_an_identity_field_changed() {
        use crate::domain::fixtures::placement_in;
        let today = "2023-11-08".parse().unwrap();
        let p = placement_in(super::super::Stage::Registered);
        let mut wrong = person();
        wrong.sex = Some(super::super::Sex::P);
        let warned = check_correction(&wrong, &p, &["sex"], today).unwrap();
        assert_eq!(warned.len(), 1, "{warned:?}");
        assert!(check_correction(&wrong, &p, &["address"], today)
            .unwrap()
            .is_empty());
        // Made under age by the corrected birth date: refused while the placement is open.
        let mut young = person();
        young.birth_date = Some("2010-01-01".parse().unwrap());
        assert!(check_correction(&young, &p, &["birth_date"], today).is_err());
        let closed = placement_in(super::super::Stage::Cancelled);
        assert!(check_correction(&young, &closed, &["birth_date"], today).is_ok());
    }

    #[test]
    fn eighteenth_birthday_is_old_enough() {
        assert!(refusals(&facts("2005-11-08", "2023-11-08")).is_empty());
        assert_eq!(refusals(&facts("2005-11-09", "2023-11-08")).len(), 1);
    }

    #[test]
    fn all_reasons_at_once() {
        let mut f = facts("2010-01-01", "2024-01-05");
        f.scheme = Scheme::P3mi;
        assert_eq!(
            refusals(&f).len(),
            3,
            "future date, under age, no P3MI name"
        );
    }
}
