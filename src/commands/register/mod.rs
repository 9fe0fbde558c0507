//! `register`: a CPMI and a new placement application in stage REGISTERED, with a per-year
//! registration number. Reuses the stored person with the same NIK.

mod input;

use anyhow::Result;
use chrono::Datelike;

use super::warnings::confirm_warnings;
use crate::cli::RegisterArgs;
use crate::context::{new_uid, Ctx};
use crate::db::{self, records};
use crate::domain::person::Person;
use crate::domain::placement::{registration_number, Placement};
use crate::domain::registration::{identity_differences, refusals, Facts};
use crate::domain::rules;
use crate::domain::Stage;
use crate::error::refused;
use crate::i18n::Msg;
use crate::prompt::{Prompter, Terminal};
use crate::settings;
use crate::t;
use crate::views;

pub fn run(ctx: &Ctx, args: RegisterArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let mut terminal = ctx.interactive.then_some(Terminal);
    let mut entered = input::gather(
        &args,
        terminal.as_mut().map(|t| t as &mut dyn Prompter),
        ctx.clock.today,
    )?;
    let now = ctx.clock.timestamp();

    let stored = db::persons::by_nik(store.conn(), &entered.nik)?;
    let mut person = Person {
        uid: new_uid(),
        nik: Some(entered.nik.clone()),
        full_name: entered.full_name.clone(),
        sex: Some(entered.sex),
        birth_place: Some(entered.birth_place.clone()),
        birth_date: Some(entered.birth_date),
        regency: Some(entered.regency.clone()),
        address: entered.address.clone(),
        phone: entered.phone.clone(),
        education: entered.education,
        marital_status: entered.marital_status,
        office_code: office.code.clone(),
        created_at: now.clone(),
        updated_at: now.clone(),
    };
    let mut open_placement = None;
    if let Some(stored) = &stored {
        ctx.say(&t!(Msg::PersonAlreadyKnown, stored.full_name, stored.uid))?;
        entered
            .warnings
            .extend(identity_differences(stored, &person));
        open_placement = db::placements::of_person(store.conn(), &stored.uid)?
            .into_iter()
            .find(|p| p.stage.is_open());
        // The stored identity stays; contact details follow what the clerk just entered.
        let mut merged = stored.clone();
        merged.regency = person.regency.clone();
        merged.address = person.address.clone().or(merged.address);
        merged.phone = person.phone.clone().or(merged.phone);
        merged.education = person.education.or(merged.education);
        merged.marital_status = person.marital_status.or(merged.marital_status);
        merged.updated_at = now.clone();
        person = merged;
    }
    let reasons = refusals(&Facts {
        birth_date: person.birth_date.unwrap_or(entered.birth_date),
        registered_on: entered.registered_on,
        today: ctx.clock.today,
        scheme: entered.scheme,
        p3mi_name: entered.p3mi_name.as_deref(),
        open_placement: open_placement.as_ref(),
    });
    if !reasons.is_empty() {
        return Err(refused(t!(Msg::RegistrationRefused, reasons.join("; "))));
    }
    let mut placement = Placement {
        uid: new_uid(),
        registration_number: None,
        person_uid: person.uid.clone(),
        scheme: entered.scheme,
        p3mi_name: entered.p3mi_name.clone(),
        employer_name: entered.employer_name.clone(),
        country: entered.country.clone(),
        sector: entered.sector,
        occupation: entered.occupation.clone(),
        stage: Stage::Registered,
        registered_on: entered.registered_on,
        departed_on: None,
        returned_on: None,
        cancel_reason: None,
        cancel_note: None,
        passport_number: None,
        office_code: office.code.clone(),
        created_at: now.clone(),
        updated_at: now,
    };
    confirm_warnings(
        ctx,
        &entered.warnings,
        args.accept_warnings,
        terminal.as_mut().map(|t| t as &mut dyn Prompter),
    )?;
    if let Some(p) = terminal.as_mut() {
        views::person_placement(&person, &placement)
            .print_one(ctx.format, &mut std::io::stderr())?;
        if !p.confirm(&t!(Msg::ConfirmSave))? {
            return Err(refused(t!(Msg::NothingSaved)));
        }
    }

    // The answers are in; decide on the database as it is now, not as it was before the prompts.
    let actor = ctx.actor();
    store.write(|tx| {
        let now_stored = db::persons::by_nik(tx, &entered.nik)?;
        match (&stored, &now_stored) {
            (Some(old), Some(current)) if current.updated_at == old.updated_at => {
                records::change(tx, &actor, "update", old, person.clone())?;
            }
            (None, None) => records::create(tx, &actor, &person)?,
            _ => {
                return Err(refused(t!(
                    Msg::ChangedMeanwhile,
                    "person",
                    person.full_name
                )))
            }
        }
        if let Some(open) = db::placements::open_of_person(tx, &person.uid)? {
            return Err(refused(t!(
                Msg::RegistrationRefused,
                t!(
                    Msg::OpenPlacementExists,
                    open.reference(),
                    open.stage.label()
                )
            )));
        }
        let mut problems = rules::person(&person, ctx.clock.today);
        problems.extend(rules::placement(&placement, Some(&person), ctx.clock.today));
        if !problems.is_empty() {
            return Err(refused(t!(
                Msg::RegistrationRefused,
                rules::messages(&problems)
            )));
        }
        let year = placement.registered_on.year();
        placement.registration_number = Some(registration_number(
            year,
            db::counters::next(tx, "registration", year)?,
        ));
        records::create(tx, &actor, &placement)?;
        super::warnings::record(tx, &actor, &placement.uid, &entered.warnings)
    })?;

    let view = views::person_placement(&person, &placement);
    match ctx.format {
        crate::output::Format::Table => ctx.say(&t!(
            Msg::Registered,
            placement.reference(),
            person.full_name,
            placement.uid
        )),
        format => view.print_one(format, &mut std::io::stdout().lock()),
    }
}
