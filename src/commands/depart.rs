//! `depart`: a recommended placement leaves for abroad, with its passport (the one recorded with
//! `recommendation used`, or given here).

use anyhow::Result;
use clap::Args;

use super::form::ask::{clear_slot, confirmed, placement};
use super::form::{day_first, given};
use super::stage::move_placement;
use crate::context::Ctx;
use crate::domain::contact::parse_passport;
use crate::domain::date::parse_date;
use crate::domain::placement::{departure_warnings, DepartureFacts, Placement, StageEvent};
use crate::domain::Warning;
use crate::error::refused;
use crate::prompt::{Prompter, Terminal};
use crate::{db, settings, t};
use chrono::NaiveDate;
use rusqlite::Connection;

use super::lookup;
use super::warnings::{self, confirm_warnings};
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;

#[derive(Args, Debug)]
pub struct DepartArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// Departure date
    #[arg(long, value_name = "DATE", required = true)]
    pub on: Option<String>,
    /// Passport number [default: the one recorded with `recommendation used`]
    #[arg(long, value_name = "NUMBER")]
    pub passport: Option<String>,
    /// Record the departure despite warnings (documents not complete, passport dates)
    #[arg(long)]
    pub accept_warnings: bool,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "depart",
    &[
        ex(
            "Berangkat dengan paspor yang sudah dicatat",
            "Departed with the passport on record",
            "pmi-desk depart REG-2023-00002 --on 01-12-2023",
        ),
        ex(
            "Sebutkan nomor paspornya",
            "Giving the passport number",
            "pmi-desk depart REG-2023-00002 --on 01-12-2023 --passport C1234567",
        ),
    ],
)];

impl crate::commands::Run for DepartArgs {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["depart"];

    fn name(&self) -> &'static str {
        "depart"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, mut args: DepartArgs) -> Result<()> {
    ask(ctx, &mut args)?;
    let on = parse_date(given(&args.on))?;
    let passport = args.passport.as_deref().map(parse_passport).transpose()?;
    if let (Some((_, Some(w))), false) = (&passport, ctx.interactive) {
        ctx.warn(&w.message.to_string());
    }
    let key = given(&args.placement).to_string();
    // Shown and confirmed before the transaction; inside it the same warnings must hold.
    let seen = {
        let store = ctx.open_reading()?;
        let (placement, _) = lookup::placement(store.conn(), &key)?;
        // A departure refused anyway is refused before any warning is asked about.
        let passport = passport.as_ref().map(|(number, _)| number.clone());
        placement.clone().depart(on, passport, ctx.clock.today)?;
        warnings_for(store.conn(), &placement, on)?
    };
    let mut terminal = ctx.interactive.then_some(Terminal);
    confirm_warnings(
        ctx,
        &seen,
        args.accept_warnings,
        terminal.as_mut().map(|t| t as &mut dyn Prompter),
    )?;
    let actor = ctx.actor();
    move_placement(ctx, &key, |tx, placement| {
        let now = warnings_for(tx, placement, on)?;
        let codes = |w: &[Warning]| w.iter().map(|w| w.code).collect::<Vec<_>>();
        if codes(&now) != codes(&seen) {
            // Another clerk changed the documents meanwhile: the clerk confirmed something else.
            return Err(refused(t!(Msg::VerdictChanged, placement.reference())));
        }
        placement.depart(on, passport.map(|(number, _)| number), ctx.clock.today)?;
        warnings::record(tx, &actor, &placement.uid, &now)
    })
}

/// The departure's warnings from the placement's documents, checklist and passport.
fn warnings_for(conn: &Connection, placement: &Placement, on: NaiveDate) -> Result<Vec<Warning>> {
    let documents = db::documents::of_placement(conn, &placement.uid)?;
    let checklist = settings::checklist_for(conn, placement.scheme)?;
    let passport_issued_on = db::recommendations::of_person(conn, &placement.person_uid)?
        .into_iter()
        .filter(|r| r.placement_uid == placement.uid)
        .filter_map(|r| r.passport_issued_on)
        .max();
    Ok(departure_warnings(&DepartureFacts {
        on,
        documents: &documents,
        checklist: &checklist,
        medical_validity_days: settings::medical_validity_days(conn)?,
        passport_issued_on,
    }))
}

/// On a terminal, asks for what the options left out.
fn ask(ctx: &Ctx, args: &mut DepartArgs) -> Result<()> {
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let today = ctx.clock.today;
    confirmed(
        args,
        |a, form| {
            let (found, _) = placement(form, &mut a.placement, conn, |p| {
                p.clone().apply(StageEvent::Depart, today, today)
            })?;
            form.need(
                &mut a.on,
                "--on",
                Msg::AskDepartedOn,
                Some(day_first(today)),
                |s| {
                    let on = parse_date(s)?;
                    found.clone().apply(StageEvent::Depart, on, today)?;
                    Ok(on)
                },
            )?;
            match (&found.passport_number, &a.passport) {
                (Some(number), None) => {
                    form.fact(Msg::AskPassport, number.clone());
                    Ok(Vec::new())
                }
                _ => {
                    let (_, warning) = form.need(
                        &mut a.passport,
                        "--passport",
                        Msg::AskPassport,
                        None,
                        parse_passport,
                    )?;
                    Ok(warning.into_iter().collect())
                }
            }
        },
        |a, name| {
            clear_slot(
                &mut [
                    ("<PLACEMENT>", &mut a.placement),
                    ("--on", &mut a.on),
                    ("--passport", &mut a.passport),
                ],
                name,
            )
        },
    )?;
    Ok(())
}
