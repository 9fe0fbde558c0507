//! `recommend-passport`: checks every eligibility rule, then issues the numbered letter or records
//! the refusal with its reasons (`--check` records nothing).

use anyhow::Result;
use chrono::{Datelike, Duration};

use super::lookup;
use super::warnings;
use crate::cli::RecommendArgs;
use crate::context::{new_uid, Ctx};
use crate::db::{self, audit};
use crate::domain::date::parse_date;
use crate::domain::eligibility::{assess, Facts, Finding};
use crate::domain::person::parse_text;
use crate::domain::placement::StageEvent;
use crate::domain::recommendation::{
    join_reasons, letter_number, office_for, parse_reasons, parse_routes, Recommendation,
};
use crate::domain::{RecommendationStatus, Stage};
use crate::error::{refused, Invalid};
use crate::i18n::Msg;
use crate::output::{column, Cell, Format, Records};
use crate::settings;
use crate::t;
use crate::views;

pub fn run(ctx: &Ctx, args: RecommendArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let conn = store.conn();
    let (mut placement, person) = lookup::placement(conn, &args.placement)?;
    let decided_on = args
        .on
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(ctx.clock.today);
    if !matches!(placement.stage, Stage::Registered | Stage::Recommended) {
        placement
            .clone()
            .apply(StageEvent::Recommend, decided_on, ctx.clock.today)?;
    }
    if decided_on > ctx.clock.today {
        return Err(Invalid(t!(Msg::DateInFuture, decided_on)).into());
    }
    if decided_on < placement.registered_on {
        return Err(Invalid(t!(
            Msg::DateBeforeRegistration,
            decided_on,
            placement.registered_on
        ))
        .into());
    }
    let interview = parse_reasons(&args.refuse.join("|"))?;
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
    let unacknowledged: Vec<_> = if args.accept_warnings {
        Vec::new()
    } else {
        nik_warnings
            .iter()
            .filter(|w| !accepted.iter().any(|a| a == w.code))
            .cloned()
            .collect()
    };
    let note = args.note.as_deref().and_then(parse_text);
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
        interview: &interview,
        interview_note: note.as_deref(),
    });
    if args.check {
        print_findings(ctx, &findings, placement.reference())?;
        return match findings.is_empty() {
            true => Ok(()),
            false => Err(refused(t!(Msg::NotEligibleChecked, findings.len()))),
        };
    }

    let now = ctx.clock.timestamp();
    let routes = parse_routes(&settings::value(conn, "immigration.by_regency")?)?;
    let addressee = args
        .office
        .as_deref()
        .and_then(parse_text)
        .unwrap_or_else(|| {
            office_for(
                &routes,
                &settings::value(conn, "immigration.default").unwrap_or_default(),
                person.regency.as_ref(),
            )
        });
    let template = settings::value(conn, "letter.template")?;
    let validity = settings::days_setting(conn, "recommendation.validity_days")?;
    let reasons: Vec<_> = findings.iter().map(|f| f.reason).collect();
    let mut recommendation = Recommendation {
        uid: new_uid(),
        placement_uid: placement.uid.clone(),
        letter_number: None,
        status: if findings.is_empty() {
            RecommendationStatus::Issued
        } else {
            RecommendationStatus::Refused
        },
        decided_on,
        valid_until: findings
            .is_empty()
            .then(|| decided_on + Duration::days(validity)),
        immigration_office: findings.is_empty().then(|| addressee.clone()),
        refusal_reasons: reasons.clone(),
        refusal_details: (!findings.is_empty()).then(|| {
            findings
                .iter()
                .map(|f| f.explanation.clone())
                .collect::<Vec<_>>()
                .join("; ")
        }),
        void_reason: None,
        passport_number: None,
        passport_issued_on: None,
        reprints: 0,
        clerk: Some(ctx.clerk.clone()),
        office_code: office.code.clone(),
        created_at: now.clone(),
        updated_at: now.clone(),
    };
    let old_placement = placement.clone();
    let actor = ctx.actor();
    store.write(|tx| {
        if args.accept_warnings {
            warnings::record(tx, &actor, &placement.uid, &nik_warnings)?;
        }
        if findings.is_empty() {
            let year = decided_on.year();
            let seq = db::counters::next(tx, "letter", year)?;
            recommendation.letter_number =
                Some(letter_number(&template, seq, &office.code, decided_on));
            if placement.stage == Stage::Registered {
                placement.apply(StageEvent::Recommend, decided_on, ctx.clock.today)?;
                placement.updated_at = now.clone();
                db::placements::update_audited(tx, &actor, &old_placement, &placement)?;
            }
        }
        db::recommendations::insert(tx, &recommendation)?;
        let mut changes = audit::created(&recommendation.fields());
        changes.extend(
            recommendation
                .refusal_details
                .clone()
                .map(|d| ("refusal_details".to_string(), None, Some(d))),
        );
        audit::record(
            tx,
            &actor,
            "recommendation",
            &recommendation.uid,
            "create",
            &changes,
        )
    })?;

    if ctx.format != Format::Table {
        views::recommendation(&recommendation, &person, &placement, ctx.clock.today)
            .print_one(ctx.format, &mut std::io::stdout().lock())?;
    }
    match &recommendation.letter_number {
        Some(number) => ctx.say(&t!(
            Msg::RecommendationIssued,
            number,
            person.full_name,
            addressee,
            recommendation
                .valid_until
                .map(|d| d.to_string())
                .unwrap_or_default()
        )),
        None => {
            if ctx.format == Format::Table {
                print_findings(ctx, &findings, placement.reference())?;
            }
            Err(refused(t!(
                Msg::RecommendationRefused,
                join_reasons(&reasons),
                placement.reference()
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
                    Cell::text(&f.explanation),
                ]
            })
            .collect(),
    }
    .print(ctx.format, &mut std::io::stdout().lock())
}
