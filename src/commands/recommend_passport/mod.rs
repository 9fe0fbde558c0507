//! `recommend-passport`: checks every eligibility rule, then issues the numbered letter or records
//! the refusal (numbered too: the refusal letter) with its reasons (`--check` records nothing).
//! The facts are loaded and the decision made inside one transaction, so two clerks (or four
//! processes) at once never issue two letters: the second finds the first's letter active.

mod ask;

use crate::i18n::Label;
use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::lookup;
use super::warnings;
use crate::context::{new_uid, Ctx};
use crate::db::{self, audit, records};
use crate::domain::audit::{Action, RecordKind};
use crate::domain::date::parse_date;
use crate::domain::decision::{self, Decision};
use crate::domain::eligibility::{assess, Facts, Finding};
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::recommendation::{
    join_reasons, letter_number, office_for, parse_reasons, Recommendation,
};
use crate::domain::text;
use crate::domain::{RecommendationStatus, RefusalReason, Warning};
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::{Lang, Msg};
use crate::output::{column, Cell, Format, Records};
use crate::prompt::{Prompter, Terminal};
use crate::settings;
use crate::t;
use crate::views;
use clap::Args;

#[derive(Args, Debug)]
pub struct RecommendArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// Decision date [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Addressee immigration office [default: from the worker's home regency, see `config list`]
    #[arg(long, value_name = "OFFICE")]
    pub office: Option<String>,
    /// Only show the verdict; record nothing
    #[arg(long)]
    pub check: bool,
    /// Refuse for reasons found at the interview, e.g. TRAFFICKING_INDICATION or P3MI_PERMIT_INVALID
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub refuse: Vec<String>,
    /// Note on the interview findings
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Acknowledge the NIK warnings after checking the documents
    #[arg(long)]
    pub accept_warnings: bool,
}

/// What the clerk asked for, parsed before anything is read.
struct Request {
    decided_on: Option<NaiveDate>,
    interview: Vec<RefusalReason>,
    note: Option<String>,
    accept_warnings: bool,
}

/// The facts as loaded, and what the rules found.
struct Assessment {
    placement: Placement,
    person: Person,
    decided_on: NaiveDate,
    nik_warnings: Vec<Warning>,
    findings: Vec<Finding>,
}

/// Loads the placement and everything the rules look at, and assesses it.
fn assess_placement(
    conn: &Connection,
    key: &str,
    request: &Request,
    today: NaiveDate,
) -> Result<Assessment> {
    let (placement, person) = lookup::placement(conn, key)?;
    let decided_on = request.decided_on.unwrap_or(today);
    decision::check_date(&placement, decided_on, today)?;
    let documents = db::documents::of_placement(conn, &placement.uid)?;
    let checklist = settings::passport_checklist_for(conn, placement.scheme)?;
    let closed = settings::closed_destinations(conn)?;
    let others = db::recommendations::of_person(conn, &person.uid)?;
    let active = others
        .iter()
        .find(|r| r.is_active(decided_on))
        .and_then(|r| r.letter_number.clone());
    let nik_warnings = match &person.nik {
        Some(nik) => nik.warnings(
            person.birth_date,
            person.sex,
            person.regency.as_ref().map(|r| r.as_str()),
        ),
        None => Vec::new(),
    };
    let accepted = audit::accepted_warning_codes(conn, &placement.uid)?;
    let unacknowledged: Vec<_> = if request.accept_warnings {
        Vec::new()
    } else {
        nik_warnings
            .iter()
            .filter(|w| !accepted.iter().any(|a| a == w.code.as_str()))
            .cloned()
            .collect()
    };
    let findings = assess(&Facts {
        birth_date: person.birth_date,
        has_nik: person.nik.is_some(),
        decided_on,
        scheme: placement.scheme,
        sector: placement.sector,
        country: &placement.country,
        documents: &documents,
        checklist: &checklist,
        medical_validity_days: settings::medical_validity_days(conn)?,
        closed: &closed,
        active_letter: active.as_deref(),
        unacknowledged: &unacknowledged,
        interview: &request.interview,
        interview_note: request.note.as_deref(),
    });
    Ok(Assessment {
        placement,
        person,
        decided_on,
        nik_warnings,
        findings,
    })
}

/// On a terminal, the verdict is shown before anything is recorded and the clerk decides: issue
/// the letter, or record the refusal (it counts in the statistics and gets its refusal letter).
/// The reasons agreed to; the transaction records nothing else.
fn decide(
    ctx: &Ctx,
    conn: &Connection,
    key: &str,
    request: &Request,
) -> Result<Vec<RefusalReason>> {
    let a = assess_placement(conn, key, request, ctx.clock.today)?;
    print_findings(ctx, &a.findings, a.placement.reference())?;
    let question = match a.findings.is_empty() {
        true => t!(Msg::ConfirmIssue, a.person.full_name),
        false => t!(Msg::ConfirmRecordRefusal),
    };
    if !Terminal.confirm(&question)? {
        return Err(refused(t!(Msg::NothingSaved)));
    }
    Ok(a.findings.iter().map(|f| f.reason).collect())
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "recommend-passport",
        &[
            ex(
                "Periksa syarat saja, tanpa mencatat",
                "Check eligibility only, recording nothing",
                "pmi-desk recommend-passport REG-2023-00002 --check",
            ),
            ex(
                "Terbitkan surat rekomendasi",
                "Issue the recommendation letter",
                "pmi-desk recommend-passport REG-2023-00002 --on 08-11-2023",
            ),
            ex(
                "Tolak karena temuan wawancara",
                "Refuse for an interview finding",
                "pmi-desk recommend-passport REG-2023-00002 --refuse TRAFFICKING_INDICATION --note \"Keterangan tidak sesuai dokumen\"",
            ),
        ],
    ),
];

impl crate::commands::Run for RecommendArgs {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["recommend-passport"];

    fn name(&self) -> &'static str {
        "recommend-passport"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, mut args: RecommendArgs) -> Result<()> {
    ask::ask(ctx, &mut args)?;
    let key = args.placement.clone().unwrap_or_default();
    let request = Request {
        decided_on: args.on.as_deref().map(parse_date).transpose()?,
        interview: parse_reasons(&args.refuse.join("|"))?,
        note: text::note(args.note.as_deref())?,
        accept_warnings: args.accept_warnings,
    };
    let office_override = text::line(args.office.as_deref())?;
    let mut store = ctx.open()?;
    let today = ctx.clock.today;
    if args.check {
        let a = assess_placement(store.conn(), &key, &request, today)?;
        print_findings(ctx, &a.findings, a.placement.reference())?;
        return match a.findings.is_empty() {
            true => Ok(()),
            false => Err(refused(t!(Msg::NotEligibleChecked, a.findings.len()))),
        };
    }
    let agreed = match ctx.interactive {
        true => Some(decide(ctx, store.conn(), &key, &request)?),
        false => None,
    };
    let (recommendation, a, addressee) = store.write(|tx| {
        record_decision(ctx, tx, &key, &request, agreed.as_deref(), &office_override)
    })?;

    tell_outcome(ctx, &recommendation, &a, &addressee, agreed.is_some())
}

/// Loads, checks and decides inside the transaction: the letter (or the numbered refusal), the
/// expired letter it replaces, the placement's stage, the warnings accepted, all written together.
fn record_decision(
    ctx: &Ctx,
    tx: &db::Tx,
    key: &str,
    request: &Request,
    agreed: Option<&[RefusalReason]>,
    office_override: &Option<String>,
) -> Result<(Recommendation, Assessment, String)> {
    let today = ctx.clock.today;
    let actor = ctx.actor();
    let mut a = assess_placement(tx, key, request, today)?;
    let reasons: Vec<RefusalReason> = a.findings.iter().map(|f| f.reason).collect();
    if agreed.is_some_and(|agreed| agreed != reasons) {
        // Another clerk changed something meanwhile: record only what this clerk saw.
        return Err(refused(t!(Msg::VerdictChanged, a.placement.reference())));
    }
    let addressee = match office_override {
        Some(o) => o.clone(),
        None => office_for(
            &settings::immigration_routes(tx)?,
            &settings::text(tx, settings::Key::ImmigrationDefault)?,
            a.person.regency.as_ref(),
        ),
    };
    let office = settings::office(tx)?;
    let template = settings::text(tx, settings::Key::LetterTemplate)?;
    let number = db::numbers::next(
        tx,
        db::numbers::Series::Letter,
        a.decided_on.year(),
        |seq| letter_number(&template, seq, &office.code, a.decided_on),
    )?;
    let still_issued = db::recommendations::issued_of_placement(tx, &a.placement.uid)?;
    let decided = decision::decide(Decision {
        placement: &a.placement,
        findings: &a.findings,
        decided_on: a.decided_on,
        today,
        uid: new_uid(),
        number,
        addressee: &addressee,
        validity_days: settings::number(tx, settings::Key::RecommendationValidityDays)?,
        still_issued: still_issued.as_ref(),
        clerk: ctx.clerk.clone(),
        office_code: office.code,
        now: ctx.clock.timestamp(),
    })?;
    if request.accept_warnings {
        warnings::record(tx, &actor, &a.placement.uid, &a.nik_warnings)?;
    }
    if let (Some((mut void, why)), Some(expired)) = (decided.voided, &still_issued) {
        // The record keeps its reason in the office's language, as a letter would.
        void.void_reason = Some(why.render(Lang::Id));
        records::change(tx, &actor, Action::Void.as_str(), expired, void)?;
    }
    let recommendation = decided.letter;
    records::create(tx, &actor, &recommendation)?;
    if let Some(details) = &recommendation.refusal_details {
        audit::note(
            tx,
            &actor,
            RecordKind::Recommendation,
            &recommendation.uid,
            Action::RefusalDetails,
            &[("refusal_details".into(), None, Some(details.clone()))],
        )?;
    }
    if let Some(placement) = decided.placement {
        a.placement =
            records::change(tx, &actor, Action::Update.as_str(), &a.placement, placement)?;
    }
    Ok((recommendation, a, addressee))
}

/// The letter issued (a sentence, or the record in CSV/JSON), or the refusal (exit 1, with the
/// findings when the clerk has not already seen them).
fn tell_outcome(
    ctx: &Ctx,
    recommendation: &Recommendation,
    a: &Assessment,
    addressee: &str,
    seen: bool,
) -> Result<()> {
    let today = ctx.clock.today;
    if ctx.format != Format::Table {
        views::recommendation(recommendation, &a.person, &a.placement, today)
            .print_one(ctx.format, &mut std::io::stdout().lock())?;
    }
    match recommendation.status {
        RecommendationStatus::Issued => ctx.say(&t!(
            Msg::RecommendationIssued,
            recommendation.letter_number.clone().unwrap_or_default(),
            a.person.full_name,
            addressee,
            recommendation
                .valid_until
                .map(|d| d.to_string())
                .unwrap_or_default()
        )),
        _ => {
            if ctx.format == Format::Table && !seen {
                print_findings(ctx, &a.findings, a.placement.reference())?;
            }
            if ctx.interactive {
                ctx.say(&t!(
                    Msg::RefusalLetterHint,
                    recommendation.letter_number.clone().unwrap_or_default()
                ))?;
            }
            Err(refused(t!(
                Msg::RecommendationRefused,
                join_reasons(&recommendation.refusal_reasons),
                a.placement.reference()
            )))
        }
    }
}

fn print_findings(ctx: &Ctx, findings: &[Finding], reference: &str) -> Result<()> {
    if findings.is_empty() && ctx.format == Format::Table {
        return ctx.say(&t!(Msg::Eligible, reference));
    }
    if ctx.format == Format::Table {
        ctx.say(&t!(Msg::NotEligible, findings.len()))?;
    }
    Records {
        columns: vec![
            column("reason", t!(Msg::HeadRefusalReasons)),
            column("explanation", t!(Msg::HeadMeaning)),
        ],
        rows: findings
            .iter()
            .map(|f| {
                vec![
                    Cell::code(f.reason.code(), f.reason.label()),
                    Cell::text(views::finding_detail(&f.detail)),
                ]
            })
            .collect(),
    }
    .print(ctx.format, &mut std::io::stdout().lock())
}
