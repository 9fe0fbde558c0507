//! `repatriate`: a facilitated return received at a debarkation point, numbered per year. When the
//! person has a departed placement, it can be marked returned in the same transaction.

use anyhow::Result;
use chrono::Datelike;

use super::form::{require, Form};
use super::lookup;
use super::subject;
use super::warnings::confirm_warnings;
use crate::cli::RepatriateArgs;
use crate::context::{new_uid, Ctx};
use crate::db::{self, records};
use crate::domain::date::parse_date;
use crate::domain::person::parse_name;
use crate::domain::placement::StageEvent;
use crate::domain::repatriation::{category_refusals, repatriation_number, Repatriation};
use crate::domain::rules;
use crate::domain::text;
use crate::domain::{RepatriationCategory, Stage};
use crate::error::{refused, Invalid};
use crate::i18n::Msg;
use crate::output::Format;
use crate::prompt::{Prompter, Terminal};
use crate::settings;
use crate::t;
use crate::views;

pub fn run(ctx: &Ctx, mut args: RepatriateArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    require(
        ctx.interactive,
        &[
            ("--category", args.category.is_some()),
            ("--arrived-on", args.arrived_on.is_some()),
        ],
    )?;
    let mut terminal = ctx.interactive.then_some(Terminal);
    let mut form = Form::new(terminal.as_mut().map(|t| t as &mut dyn Prompter));
    let category: RepatriationCategory = form.code(
        "--category",
        args.category.as_deref(),
        Msg::AskRepatriationCategory,
    )?;
    let arrived_on = form.value(
        "--arrived-on",
        args.arrived_on.as_deref(),
        Msg::AskArrivedOn,
        parse_date,
    )?;
    if args.subject.nik.is_none() && args.subject.person_name.is_none() && form.asks() {
        args.subject.person_name =
            Some(form.value("--person-name", None, Msg::AskPersonName, parse_name)?);
    }
    if arrived_on > ctx.clock.today {
        return Err(Invalid(t!(Msg::DateInFuture, arrived_on)).into());
    }
    let conn = store.conn();
    let now = ctx.clock.timestamp();
    let subject = subject::resolve(conn, &args.subject, &office.code, &now)?;
    let case = args
        .case
        .as_deref()
        .map(|c| super::case::find(conn, c))
        .transpose()?;
    let points: Vec<String> = settings::value(conn, "debarkation.points")?
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let debarkation = match text::line(args.debarkation.as_deref())? {
        Some(given) => points
            .iter()
            .find(|p| p.eq_ignore_ascii_case(&given))
            .cloned()
            .ok_or_else(|| refused(t!(Msg::DebarkationUnknown, given, points.join(", "))))?,
        None => points.first().cloned().unwrap_or_else(|| "BIM".into()),
    };
    let fit_to_travel = text::line(args.fit_to_travel.as_deref())?;
    let reasons = category_refusals(category, fit_to_travel.as_deref());
    if !reasons.is_empty() {
        return Err(refused(reasons.join("; ")));
    }
    let origin_regency = match form.optional(args.origin_regency.as_deref(), str::parse)? {
        Some(r) => Some(r),
        None => subject.as_ref().and_then(|s| s.person.regency.clone()),
    };
    let mut repatriation = Repatriation {
        uid: new_uid(),
        repatriation_number: String::new(),
        person_uid: subject.as_ref().map(|s| s.person.uid.clone()),
        case_uid: case.as_ref().map(|c| c.uid.clone()),
        category,
        from_country: form.optional(args.from_country.as_deref(), str::parse)?,
        debarkation: Some(debarkation),
        arrived_on,
        origin_regency,
        escort: text::line(args.escort.as_deref())?,
        fit_to_travel_letter: fit_to_travel,
        cause_of_death: text::line(args.cause_of_death.as_deref())?,
        airway_bill: text::line(args.airway_bill.as_deref())?,
        handed_over_to: None,
        handed_over_on: None,
        handover_record_number: None,
        receiver_name: None,
        receiver_relation: None,
        witness: None,
        notes: text::note(args.notes.as_deref())?,
        office_code: office.code.clone(),
        created_at: now.clone(),
        updated_at: now.clone(),
    };
    let warnings = subject
        .as_ref()
        .map(|s| s.warnings.clone())
        .unwrap_or_default();
    confirm_warnings(
        ctx,
        &warnings,
        args.accept_warnings,
        terminal.as_mut().map(|t| t as &mut dyn Prompter),
    )?;
    // A departed placement of this person can be closed as returned on the arrival date.
    let departed = match subject.as_ref().filter(|s| !s.is_new) {
        Some(s) => db::placements::of_person(conn, &s.person.uid)?
            .into_iter()
            .find(|p| p.stage == Stage::Departed),
        None => None,
    };
    let mark = match (&departed, terminal.as_mut()) {
        (Some(p), _) if args.mark_returned => Some(p.clone()),
        (Some(p), Some(t)) => t
            .confirm(&t!(Msg::ConfirmMarkReturned, p.reference()))?
            .then(|| p.clone()),
        (Some(p), None) => {
            ctx.warn(&t!(Msg::HintMarkReturned, p.reference()));
            None
        }
        _ => None,
    };
    let actor = ctx.actor();
    store.write(|tx| {
        if let Some(s) = subject.as_ref().filter(|s| s.is_new) {
            if let Some(nik) = &s.person.nik {
                if db::persons::by_nik(tx, nik)?.is_some() {
                    return Err(refused(t!(
                        Msg::ChangedMeanwhile,
                        "person",
                        s.person.full_name
                    )));
                }
            }
            records::create(tx, &actor, &s.person)?;
        }
        let year = arrived_on.year();
        repatriation.repatriation_number = repatriation_number(
            &office.code,
            year,
            db::counters::next(tx, "repatriation", year)?,
        );
        rules::refuse(rules::repatriation(&repatriation, ctx.clock.today))?;
        records::create(tx, &actor, &repatriation)?;
        if let Some(read) = &mark {
            // The placement as it is now: still departed, or another clerk moved it meanwhile.
            let (old, _) = lookup::placement(tx, &read.uid)?;
            let mut placement = old.clone();
            placement.apply(StageEvent::Return, arrived_on, ctx.clock.today)?;
            records::change(tx, &actor, "update", &old, placement)?;
        }
        super::warnings::record(tx, &actor, &repatriation.uid, &warnings)
    })?;
    let person = subject.as_ref().map(|s| &s.person);
    match ctx.format {
        Format::Table => ctx.say(&t!(
            Msg::RepatriationRecorded,
            repatriation.repatriation_number,
            repatriation.category.label(),
            person.map(|p| p.full_name.as_str()).unwrap_or("-"),
            repatriation.uid
        )),
        format => views::repatriation(&repatriation, person)
            .print_one(format, &mut std::io::stdout().lock()),
    }
}
