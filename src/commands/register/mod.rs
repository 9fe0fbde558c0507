//! `register`: a CPMI and a new placement application in stage REGISTERED, with a per-year
//! registration number. Reuses the stored person with the same NIK.

mod input;
mod person;

use anyhow::Result;
use chrono::Datelike;

use super::form::{self, Form, Review};
use crate::cli::RegisterArgs;
use crate::context::Ctx;
use crate::db::{self, records};
use crate::domain::audit::Action;
use crate::domain::placement::registration_number;
use crate::domain::registration::{refusals, Facts};
use crate::domain::rules;
use crate::error::refused;
use crate::i18n::Msg;
use crate::prompt::Prompter;
use crate::settings;
use crate::t;
use crate::views;
use person::{person_of, placement_of};

pub fn run(ctx: &Ctx, mut args: RegisterArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    input::require_all(&args, ctx.interactive)?;
    let mut terminal = form::terminal(ctx);
    let mut form = Form::new(terminal.as_mut().map(|t| t as &mut dyn Prompter));
    let mut accepted = args.accept_warnings;
    let (entered, stored, person, mut placement) = loop {
        form.restart();
        let now = ctx.clock.timestamp();
        let mut entered = input::gather(&mut args, &mut form, store.conn(), ctx.clock.today)?;
        let (person, open_placement) = person_of(store.conn(), &mut entered, &office.code, &now)?;
        if let (Some(s), false) = (&entered.stored, form.asks()) {
            ctx.say(&t!(Msg::PersonAlreadyKnown, s.full_name, s.uid))?;
        }
        let reasons = refusals(&Facts {
            birth_date: person.birth_date.unwrap_or(entered.birth_date),
            registered_on: entered.registered_on,
            today: ctx.clock.today,
            scheme: entered.scheme,
            p3mi_name: entered.p3mi_name.as_deref(),
            open_placement: open_placement.as_ref(),
        });
        let review = match reasons.is_empty() {
            true => form.review(&entered.warnings, &mut accepted)?,
            false => form.refused(refused(t!(Msg::RegistrationRefused, reasons.join("; "))))?,
        };
        if let Review::Correct(flag) = review {
            input::clear(&mut args, flag);
            continue;
        }
        let placement = placement_of(&entered, &person, &office.code, now);
        let stored = entered.stored.clone();
        break (entered, stored, person, placement);
    };
    drop(form);

    // The answers are in; decide on the database as it is now, not as it was before the prompts.
    let actor = ctx.actor();
    store.write(|tx| {
        let now_stored = db::persons::by_nik(tx, &entered.nik)?;
        match (&stored, &now_stored) {
            (Some(old), Some(current)) if current.updated_at == old.updated_at => {
                records::change(tx, &actor, Action::Update.as_str(), old, person.clone())?;
            }
            (None, None) => records::create(tx, &actor, &person)?,
            _ => {
                return Err(refused(t!(
                    Msg::ChangedMeanwhile,
                    crate::views::record_kind_label("person"),
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
        problems.extend(rules::placement(
            &placement,
            person.birth_date,
            ctx.clock.today,
        ));
        if !problems.is_empty() {
            return Err(refused(t!(
                Msg::RegistrationRefused,
                rules::messages(&problems)
            )));
        }
        let year = placement.registered_on.year();
        placement.registration_number = Some(db::numbers::next(
            tx,
            db::numbers::Series::Registration,
            year,
            |n| registration_number(&office.code, year, n),
        )?);
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
