//! `open-case`: a complaint or incident, about a stored person (by NIK) or someone known only by
//! name; numbered per year, with its opening recorded as the first event of its timeline.

mod ask;

use crate::i18n::Label;
use anyhow::Result;
use chrono::Datelike;

use super::form::{self, Form, Review};
use super::subject;
use super::subject::SubjectFields;
use crate::context::{new_uid, Ctx};
use crate::db::{self, records};
use crate::domain::case::{case_number, reported_before_departure, Case, CaseEvent};
use crate::domain::record::Timestamp;
use crate::domain::rules;
use crate::domain::{CaseEventKind, CaseStatus};
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::output::Format;
use crate::prompt::Prompter;
use crate::settings;
use crate::t;
use crate::views;
use clap::Args;

/// Who the case is about is required: a NIK, or a name when the NIK is unknown.
#[derive(Args, Debug)]
#[command(group(
    clap::ArgGroup::new("worker")
        .args(["nik", "person_name"])
        .required(true)
        .multiple(true)
))]
pub struct OpenCaseArgs {
    /// Category, e.g. UNPAID_WAGES, TRAFFICKING (TPPO), DIED_ABROAD (see `ref codes "case category"`)
    #[arg(long, value_name = "CODE", required = true)]
    pub category: Option<String>,
    /// Date the complaint was received
    #[arg(long, value_name = "DATE", required = true)]
    pub reported_on: Option<String>,
    #[command(flatten)]
    pub subject: SubjectFields,
    /// Country where it happened
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// IN_PERSON, PHONE, EMAIL, ONLINE_FORM, SOCIAL_MEDIA, SMS, LETTER, OTHER
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// PROCEDURAL, NONPROCEDURAL or UNKNOWN
    #[arg(long, value_name = "CODE")]
    pub procedural_status: Option<String>,
    /// Who complained
    #[arg(long, value_name = "NAME")]
    pub complainant_name: Option<String>,
    /// The complainant's relation to the worker, e.g. "istri", "orang tua", "diri sendiri"
    #[arg(long, value_name = "TEXT")]
    pub complainant_relation: Option<String>,
    /// What happened
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
    /// Save despite warnings
    #[arg(long)]
    pub accept_warnings: bool,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "open-case",
        &[
            ex(
                "Gaji tidak dibayar, pekerja sudah tercatat",
                "Unpaid wages, for a registered worker",
                "pmi-desk open-case --category UNPAID_WAGES --reported-on 08-11-2023 --nik 1371021508900001 --country MY --channel IN_PERSON --summary \"Gaji 3 bulan belum dibayar\"",
            ),
            ex(
                "Dugaan TPPO, NIK belum diketahui",
                "Suspected trafficking, NIK unknown",
                "pmi-desk open-case --category TPPO --reported-on 08-11-2023 --person-name \"Rina Marlina\" --sex P --regency 1306 --complainant-name \"Yusnidar\" --complainant-relation \"orang tua\"",
            ),
        ],
    ),
];

impl crate::commands::Run for OpenCaseArgs {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["open-case"];

    fn name(&self) -> &'static str {
        "open-case"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, mut args: OpenCaseArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let now = ctx.clock.timestamp();
    let mut terminal = form::terminal(ctx);
    let mut form = Form::new(terminal.as_mut().map(|t| t as &mut dyn Prompter));
    let mut accepted = args.accept_warnings;
    let (subject, mut case) = loop {
        form.restart();
        let asked = ask::ask(&mut args, &mut form, store.conn(), ctx.clock.today)?;
        let mut subject = subject::resolve(store.conn(), &args.subject, &office.code, &now)?
            .ok_or_else(|| refused(t!(Msg::MissingOptions, "--nik / --person-name")))?;
        let case = new_case(ctx, asked, &subject.person.uid, &office.code, &now);
        let placements = db::placements::of_person(store.conn(), &subject.person.uid)?;
        subject.warnings.extend(reported_before_departure(
            case.category,
            case.reported_on,
            &placements,
        ));
        match form.review(&subject.warnings, &mut accepted)? {
            Review::Save => break (subject, case),
            Review::Correct(flag) => ask::clear(&mut args, flag),
        }
    };
    drop(form);
    let reported_on = case.reported_on;
    let actor = ctx.actor();
    store.write(|tx| {
        // Who the case is about, again inside the transaction: another clerk may have just
        // registered the same NIK.
        let now_subject = subject::resolve(tx, &args.subject, &office.code, &now)?
            .ok_or_else(|| refused(t!(Msg::MissingOptions, "--nik / --person-name")))?;
        if now_subject.is_new != subject.is_new {
            return Err(refused(t!(
                Msg::ChangedMeanwhile,
                views::record_kind_label("person"),
                subject.person.full_name
            )));
        }
        if subject.is_new {
            records::create(tx, &actor, &subject.person)?;
        }
        let year = reported_on.year();
        case.case_number = db::numbers::next(tx, db::numbers::Series::Case, year, |n| {
            case_number(&office.code, year, n)
        })?;
        rules::refuse(rules::case(&case, ctx.clock.today))?;
        records::create(tx, &actor, &case)?;
        let opened = opening_event(ctx, &case, &now);
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

/// The case as asked, new and not yet numbered.
fn new_case(
    ctx: &Ctx,
    asked: ask::Asked,
    person_uid: &str,
    office_code: &str,
    now: &Timestamp,
) -> Case {
    Case {
        uid: new_uid(),
        case_number: String::new(),
        person_uid: Some(person_uid.to_string()),
        category: asked.category,
        channel: asked.channel,
        procedural_status: asked.procedural_status,
        country: asked.country,
        reported_on: asked.reported_on,
        complainant_name: asked.complainant_name,
        complainant_relation: asked.complainant_relation,
        summary: asked.summary,
        status: CaseStatus::New,
        closure_reason: None,
        closed_on: None,
        outcome: None,
        clerk: Some(ctx.clerk.clone()),
        office_code: office_code.to_string(),
        created_at: now.clone(),
        updated_at: now.clone(),
        versions: crate::domain::version::Versions::unset(),
    }
}

/// The first event of the case's timeline: its opening, on the day it was reported, to NEW.
fn opening_event(ctx: &Ctx, case: &Case, now: &Timestamp) -> CaseEvent {
    CaseEvent {
        uid: new_uid(),
        case_uid: case.uid.clone(),
        occurred_on: case.reported_on,
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
        closure_reason: None,
        seen: Default::default(),
        versions: crate::domain::version::Versions::unset(),
    }
}
