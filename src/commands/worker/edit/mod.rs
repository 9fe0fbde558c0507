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
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::record::Record;
use crate::domain::registration::check_correction;
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

pub(super) fn run(ctx: &Ctx, mut args: WorkerEditArgs) -> Result<()> {
    ask::ask(ctx, &mut args)?;
    let mut store = ctx.open()?;
    let (old_placement, old_person) =
        lookup::placement(store.conn(), args.placement.as_deref().unwrap_or_default())?;
    let (person, placement, mut warnings) = corrected(&args, &old_person, &old_placement)?;
    if let Some(nik) = &person.nik {
        if let Some(other) = db::persons::by_nik(store.conn(), nik)?.filter(|o| o.uid != person.uid)
        {
            return Err(refused(t!(
                Msg::NikBelongsToOther,
                nik,
                other.full_name,
                nik
            )));
        }
    }
    let person_changes = audit::diff(&old_person.fields(), &person.fields());
    let placement_changes = audit::diff(&old_placement.fields(), &placement.fields());
    if person_changes.is_empty() && placement_changes.is_empty() {
        return Err(usage(nothing_changed(&args, &old_person, &old_placement)));
    }
    let changed: Vec<&str> = person_changes.iter().map(|c| c.0.as_str()).collect();
    warnings.extend(check_correction(
        &person,
        &placement,
        &changed,
        ctx.clock.today,
    )?);
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
        confirm_nik_change(&old_person, &person, terminal.as_mut())?;
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
        unchanged_meanwhile(
            &current_person,
            &old_person,
            &current_placement,
            &old_placement,
        )?;
        if let Some(nik) = &person.nik {
            if let Some(other) = db::persons::by_nik(tx, nik)?.filter(|o| o.uid != person.uid) {
                return Err(refused(t!(
                    Msg::NikBelongsToOther,
                    nik,
                    other.full_name,
                    nik
                )));
            }
        }
        let update = Action::Update.as_str();
        records::change(tx, &actor, update, &old_person, person.clone())?;
        records::change(tx, &actor, update, &old_placement, placement.clone())?;
        warnings::record(tx, &actor, &placement.uid, &warnings)
    })?;
    let fields: Vec<String> = person_changes
        .iter()
        .chain(&placement_changes)
        .map(|c| crate::i18n::field(&c.0).to_string())
        .collect();
    ctx.say(&t!(Msg::Edited, placement.reference(), fields.join(", ")))
}

/// Why there is nothing to save: no field named, or every named field already holds the value
/// given ("nama lengkap sudah 'Budi Santoso'").
fn nothing_changed(args: &WorkerEditArgs, person: &Person, placement: &Placement) -> String {
    let stored = |fields: Vec<(&'static str, String)>, column: &str| {
        let value = fields
            .into_iter()
            .find(|(c, _)| *c == column)
            .map(|(_, v)| v)
            .unwrap_or_default();
        match value.parse::<chrono::NaiveDate>() {
            Ok(date) => crate::commands::form::day_first(date),
            Err(_) => value,
        }
    };
    let person_given = args
        .person
        .given()
        .into_iter()
        .map(|(column, _)| (column, stored(person.fields(), column)));
    let placement_given = args
        .placement_fields
        .given()
        .into_iter()
        .map(|(column, _)| (column, stored(placement.fields(), column)));
    let unchanged: Vec<String> = person_given
        .chain(placement_given)
        .map(|(column, value)| match value.is_empty() {
            true => t!(Msg::FieldAlreadyEmpty, crate::i18n::field(column)),
            false => t!(Msg::FieldAlready, crate::i18n::field(column), value),
        })
        .collect();
    match unchanged.is_empty() {
        true => t!(Msg::NothingToChange),
        false => t!(Msg::NothingChanged, unchanged.join(", ")),
    }
}

/// The person and placement with every given flag set through the record's own parser (the one
/// its exchange cells are read with), and the warnings a value gives (an unusual phone).
fn corrected(
    args: &WorkerEditArgs,
    person: &Person,
    placement: &Placement,
) -> Result<(Person, Placement, Vec<crate::domain::Warning>)> {
    let (mut person, mut placement) = (person.clone(), placement.clone());
    let mut warnings = Vec::new();
    for (column, value) in args.person.given() {
        let known = person.set_text(column, &value)?;
        debug_assert!(known, "{column}");
    }
    for (column, value) in args.placement_fields.given() {
        let known = placement.set_text(column, &value)?;
        debug_assert!(known, "{column}");
    }
    if let Some(v) = args
        .person
        .phone
        .as_deref()
        .filter(|v| !v.trim().is_empty())
    {
        warnings.extend(parse_phone(v)?.1);
    }
    Ok((person, placement, warnings))
}

/// A NIK is changed only when the clerk says so (on a terminal, or by `--yes`).
fn confirm_nik_change(old: &Person, new: &Person, terminal: Option<&mut Terminal>) -> Result<()> {
    let question = t!(
        Msg::ConfirmNikChange,
        crate::domain::person::opt(&old.nik),
        crate::domain::person::opt(&new.nik)
    );
    let confirmed = match terminal {
        Some(p) => p.confirm(&question)?,
        None => false,
    };
    match confirmed {
        true => Ok(()),
        false => Err(refused(t!(Msg::NikChangeNeedsConfirmation))),
    }
}

/// Another clerk's save since these records were read refuses this one (nothing is overwritten).
fn unchanged_meanwhile(
    person: &Person,
    read_person: &Person,
    placement: &Placement,
    read_placement: &Placement,
) -> Result<()> {
    if person.updated_at != read_person.updated_at {
        return Err(refused(t!(
            Msg::ChangedMeanwhile,
            crate::views::record_kind_label("person"),
            read_person.full_name
        )));
    }
    if placement.updated_at != read_placement.updated_at {
        return Err(refused(t!(
            Msg::ChangedMeanwhile,
            crate::views::record_kind_label("placement"),
            read_placement.reference()
        )));
    }
    Ok(())
}
