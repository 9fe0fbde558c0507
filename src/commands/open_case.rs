//! `open-case`: a complaint or incident, about a stored person (by NIK) or someone known only by
//! name; numbered per year, with its opening recorded as the first event of its timeline.

use anyhow::Result;
use chrono::Datelike;

use super::form::{require, Form};
use super::subject;
use super::warnings::confirm_warnings;
use crate::cli::OpenCaseArgs;
use crate::context::{new_uid, Ctx};
use crate::db::{self, records};
use crate::domain::case::{case_number, Case, CaseEvent};
use crate::domain::date::parse_date;
use crate::domain::person::parse_name;
use crate::domain::rules;
use crate::domain::text;
use crate::domain::{CaseCategory, CaseEventKind, CaseStatus};
use crate::error::{refused, Invalid};
use crate::i18n::Msg;
use crate::output::Format;
use crate::prompt::{Prompter, Terminal};
use crate::settings;
use crate::t;
use crate::views;

pub fn run(ctx: &Ctx, mut args: OpenCaseArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    require(
        ctx.interactive,
        &[
            ("--category", args.category.is_some()),
            ("--reported-on", args.reported_on.is_some()),
        ],
    )?;
    subject::require(&args.subject, ctx.interactive)?;
    let mut terminal = ctx.interactive.then_some(Terminal);
    let mut form = Form::new(terminal.as_mut().map(|t| t as &mut dyn Prompter));
    let category: CaseCategory =
        form.code("--category", args.category.as_deref(), Msg::AskCategory)?;
    let reported_on = form.value(
        "--reported-on",
        args.reported_on.as_deref(),
        Msg::AskReportedOn,
        parse_date,
    )?;
    if args.subject.nik.is_none() && args.subject.person_name.is_none() {
        args.subject.person_name =
            Some(form.value("--person-name", None, Msg::AskPersonName, parse_name)?);
    }
    if reported_on > ctx.clock.today {
        return Err(Invalid(t!(Msg::DateInFuture, reported_on)).into());
    }
    let now = ctx.clock.timestamp();
    let subject = subject::resolve(store.conn(), &args.subject, &office.code, &now)?
        .ok_or_else(|| refused(t!(Msg::MissingOptions, "--nik / --person-name")))?;
    let mut case = Case {
        uid: new_uid(),
        case_number: String::new(),
        person_uid: Some(subject.person.uid.clone()),
        category,
        channel: form.optional(args.channel.as_deref(), str::parse)?,
        procedural_status: form.optional(args.procedural_status.as_deref(), str::parse)?,
        country: form.optional(args.country.as_deref(), str::parse)?,
        reported_on,
        complainant_name: text::line(args.complainant_name.as_deref())?,
        complainant_relation: text::line(args.complainant_relation.as_deref())?,
        summary: text::note(args.summary.as_deref())?,
        status: CaseStatus::New,
        closure_reason: None,
        closed_on: None,
        outcome: None,
        clerk: Some(ctx.clerk.clone()),
        office_code: office.code.clone(),
        created_at: now.clone(),
        updated_at: now.clone(),
    };
    confirm_warnings(
        ctx,
        &subject.warnings,
        args.accept_warnings,
        terminal.as_mut().map(|t| t as &mut dyn Prompter),
    )?;
    let actor = ctx.actor();
    store.write(|tx| {
        // Who the case is about, again inside the transaction: another clerk may have just
        // registered the same NIK.
        let now_subject = subject::resolve(tx, &args.subject, &office.code, &now)?
            .ok_or_else(|| refused(t!(Msg::MissingOptions, "--nik / --person-name")))?;
        if now_subject.is_new != subject.is_new {
            return Err(refused(t!(
                Msg::ChangedMeanwhile,
                "person",
                subject.person.full_name
            )));
        }
        if subject.is_new {
            records::create(tx, &actor, &subject.person)?;
        }
        let year = reported_on.year();
        case.case_number = case_number(&office.code, year, db::counters::next(tx, "case", year)?);
        rules::refuse(rules::case(&case, ctx.clock.today))?;
        records::create(tx, &actor, &case)?;
        let opened = CaseEvent {
            uid: new_uid(),
            case_uid: case.uid.clone(),
            occurred_on: reported_on,
            kind: CaseEventKind::StatusChange,
            partner: None,
            letter_number: None,
            note: case.summary.clone(),
            status_from: None,
            status_to: Some(CaseStatus::New),
            awaiting: None,
            contacted: true,
            clerk: Some(ctx.clerk.clone()),
            created_at: now.clone(),
        };
        records::insert(tx, &opened)?;
        super::warnings::record(tx, &actor, &case.uid, &subject.warnings)
    })?;
    match ctx.format {
        Format::Table => ctx.say(&t!(
            Msg::CaseOpened,
            case.case_number,
            case.category.label(),
            subject.person.full_name,
            case.uid
        )),
        format => views::case(&case, Some(&subject.person))
            .print_one(format, &mut std::io::stdout().lock()),
    }
}
