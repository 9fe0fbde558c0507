//! `worker edit`: corrects a person or a placement. Every change is audited; changing a NIK needs
//! confirmation; new values are validated like at registration.

mod ask;

use anyhow::Result;

use crate::commands::lookup;
use crate::commands::register::{PersonFields, PlacementFields};
use crate::commands::warnings::{self, confirm_warnings};
use crate::context::Ctx;
use crate::db::{self, audit, records};
use crate::domain::audit::Action;
use crate::domain::contact::parse_phone;
use crate::domain::date::parse_date;
use crate::domain::person::parse_name;
use crate::domain::record::Record;
use crate::domain::registration::{refusals, Facts};
use crate::domain::rules;
use crate::domain::text;
use crate::domain::Nik;
use crate::error::{refused, usage};
use crate::i18n::Msg;
use crate::prompt::{Prompter, Terminal};
use crate::t;
use clap::Args;

#[derive(Args, Debug)]
pub struct WorkerEditArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    #[command(flatten)]
    pub person: PersonFields,
    #[command(flatten)]
    pub placement_fields: PlacementFields,
    /// Confirm a NIK change without a prompt
    #[arg(long)]
    pub yes: bool,
    /// Save despite warnings
    #[arg(long)]
    pub accept_warnings: bool,
}

/// Each change as `field: old -> new`, on standard error, before the question.
fn show_changes<'a>(changes: impl Iterator<Item = &'a audit::Change>) {
    eprintln!("{}", t!(Msg::ReviewTitle));
    for (field, old, new) in changes {
        eprintln!(
            "  {}: {} -> {}",
            crate::i18n::field(field),
            old.as_deref().unwrap_or("-"),
            new.as_deref().unwrap_or("-")
        );
    }
}

pub fn run(ctx: &Ctx, mut args: WorkerEditArgs) -> Result<()> {
    ask::ask(ctx, &mut args)?;
    let mut store = ctx.open()?;
    let (old_placement, old_person) =
        lookup::placement(store.conn(), args.placement.as_deref().unwrap_or_default())?;
    let (mut person, mut placement) = (old_person.clone(), old_placement.clone());
    let (p, pl) = (&args.person, &args.placement_fields);
    let mut warnings = Vec::new();
    if let Some(v) = &p.nik {
        let nik: Nik = v.parse()?;
        if let Some(other) =
            db::persons::by_nik(store.conn(), &nik)?.filter(|o| o.uid != person.uid)
        {
            return Err(refused(t!(Msg::NikBelongsToOther, nik, other.full_name)));
        }
        person.nik = Some(nik);
    }
    if let Some(v) = &p.name {
        person.full_name = parse_name(v)?;
    }
    if let Some(v) = &p.sex {
        person.sex = Some(v.parse()?);
    }
    if let Some(v) = &p.birth_place {
        person.birth_place = text::line(Some(v))?;
    }
    if let Some(v) = &p.birth_date {
        person.birth_date = Some(parse_date(v)?);
    }
    if let Some(v) = &p.regency {
        person.regency = Some(v.parse()?);
    }
    if let Some(v) = &p.address {
        // The parser the record declares for it (an address may hold line breaks).
        person.address = text::note(Some(v))?;
    }
    if let Some(v) = &p.phone {
        let (phone, warning) = parse_phone(v)?;
        warnings.extend(warning);
        person.phone = Some(phone);
    }
    if let Some(v) = &p.education {
        person.education = Some(v.parse()?);
    }
    if let Some(v) = &p.marital_status {
        person.marital_status = Some(v.parse()?);
    }
    if let Some(v) = &pl.scheme {
        placement.scheme = v.parse()?;
    }
    if let Some(v) = &pl.p3mi {
        placement.p3mi_name = text::line(Some(v))?;
    }
    if let Some(v) = &pl.employer {
        placement.employer_name = text::line(Some(v))?;
    }
    if let Some(v) = &pl.country {
        placement.country = v.parse()?;
    }
    if let Some(v) = &pl.sector {
        placement.sector = Some(v.parse()?);
    }
    if let Some(v) = &pl.occupation {
        placement.occupation = text::line(Some(v))?;
    }
    if let Some(v) = &pl.registered_on {
        placement.registered_on = parse_date(v)?;
    }
    let person_changes = audit::diff(&old_person.fields(), &person.fields());
    let placement_changes = audit::diff(&old_placement.fields(), &placement.fields());
    if person_changes.is_empty() && placement_changes.is_empty() {
        return Err(usage(t!(Msg::NothingToChange)));
    }
    if let (Some(birth), true) = (person.birth_date, placement.stage.is_open()) {
        let reasons = refusals(&Facts {
            birth_date: birth,
            registered_on: placement.registered_on,
            today: ctx.clock.today.max(placement.registered_on),
            scheme: placement.scheme,
            p3mi_name: placement.p3mi_name.as_deref(),
            open_placement: None,
        });
        if !reasons.is_empty() {
            return Err(refused(crate::i18n::Said::joined(reasons).to_string()));
        }
    }
    if let Some(nik) = &person.nik {
        let identity_changed = person_changes
            .iter()
            .any(|(f, _, _)| ["nik", "birth_date", "sex", "regency_code"].contains(&f.as_str()));
        if identity_changed {
            warnings.extend(nik.warnings(
                person.birth_date,
                person.sex,
                person.regency.as_ref().map(|r| r.as_str()),
            ));
        }
    }
    let mut terminal = ctx.interactive.then_some(Terminal);
    let nik_question = old_person.nik != person.nik && !args.yes;
    if let Some(p) = terminal.as_mut() {
        // The changes, then one question: the NIK's own when it changes, else whether to save.
        show_changes(person_changes.iter().chain(&placement_changes));
        if !nik_question && !p.confirm(&t!(Msg::ConfirmSave))? {
            return Err(refused(t!(Msg::NothingSaved)));
        }
    }
    if nik_question {
        let question = t!(
            Msg::ConfirmNikChange,
            crate::domain::person::opt(&old_person.nik),
            crate::domain::person::opt(&person.nik)
        );
        let confirmed = match terminal.as_mut() {
            Some(p) => p.confirm(&question)?,
            None => false,
        };
        if !confirmed {
            return Err(refused(t!(Msg::NikChangeNeedsConfirmation)));
        }
    }
    confirm_warnings(
        ctx,
        &warnings,
        args.accept_warnings,
        terminal.as_mut().map(|t| t as &mut dyn Prompter),
    )?;
    // The prompts are answered; now decide on the records as they are, not as they were read.
    let actor = ctx.actor();
    store.write(|tx| {
        let (current_placement, current_person) = lookup::placement(tx, &old_placement.uid)?;
        if current_person.updated_at != old_person.updated_at {
            return Err(refused(t!(
                Msg::ChangedMeanwhile,
                crate::views::record_kind_label("person"),
                old_person.full_name
            )));
        }
        if current_placement.updated_at != old_placement.updated_at {
            return Err(refused(t!(
                Msg::ChangedMeanwhile,
                crate::views::record_kind_label("placement"),
                old_placement.reference()
            )));
        }
        if let Some(nik) = &person.nik {
            if let Some(other) = db::persons::by_nik(tx, nik)?.filter(|o| o.uid != person.uid) {
                return Err(refused(t!(Msg::NikBelongsToOther, nik, other.full_name)));
            }
        }
        rules::refuse(rules::person(&person, ctx.clock.today))?;
        if placement.stage.is_open() {
            rules::refuse(rules::placement(
                &placement,
                person.birth_date,
                ctx.clock.today,
            ))?;
        }
        records::change(
            tx,
            &actor,
            Action::Update.as_str(),
            &old_person,
            person.clone(),
        )?;
        records::change(
            tx,
            &actor,
            Action::Update.as_str(),
            &old_placement,
            placement.clone(),
        )?;
        warnings::record(tx, &actor, &placement.uid, &warnings)
    })?;
    let fields: Vec<String> = person_changes
        .iter()
        .chain(&placement_changes)
        .map(|c| crate::i18n::field(&c.0).to_string())
        .collect();
    ctx.say(&t!(Msg::Edited, placement.reference(), fields.join(", ")))
}
