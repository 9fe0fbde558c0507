//! `register`: a CPMI and a new placement application in stage REGISTERED, with a per-year
//! registration number. Reuses the stored person with the same NIK.

mod input;
mod person;

use anyhow::Result;
use chrono::Datelike;

use super::form::{self, Form, Review};
use crate::context::Ctx;
use crate::db::{self, records};
use crate::domain::audit::Action;
use crate::domain::person::Person;
use crate::domain::placement::{registration_number, Placement};
use crate::domain::registration::{self, check_saved, refusals, Facts};
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::prompt::Prompter;
use crate::settings;
use crate::t;
use crate::views;
use clap::Args;
use person::{person_of, placement_of};

/// The fields a registration cannot do without. Required here, optional in `worker edit` (which
/// shares the fields): marked on the command, so its help and clap's errors name them as every
/// other command's do.
const REQUIRED: &[&str] = &[
    "nik",
    "name",
    "sex",
    "birth_place",
    "birth_date",
    "regency",
    "scheme",
    "country",
];

fn mark_required(arg: clap::Arg) -> clap::Arg {
    let required = REQUIRED.contains(&arg.get_id().as_str());
    arg.required(required)
}

#[derive(Args, Debug)]
#[command(mut_args(mark_required))]
pub struct RegisterArgs {
    #[command(flatten)]
    pub person: PersonFields,
    #[command(flatten)]
    pub placement: PlacementFields,
    /// Save despite warnings (a NIK that does not match the birth date, an unusual phone...)
    #[arg(long)]
    pub accept_warnings: bool,
}

#[derive(Args, Debug, Default, Clone)]
pub struct PersonFields {
    /// National ID number (16 digits)
    #[arg(long, value_name = "NIK")]
    pub nik: Option<String>,
    /// Full name as on the ID card
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Sex: L (laki-laki) or P (perempuan)
    #[arg(long, value_name = "L|P")]
    pub sex: Option<String>,
    /// Place of birth
    #[arg(long, value_name = "TEXT")]
    pub birth_place: Option<String>,
    /// Date of birth (YYYY-MM-DD or DD-MM-YYYY)
    #[arg(long, value_name = "DATE")]
    pub birth_date: Option<String>,
    /// Home regency or city: code (1371) or name ("Kota Padang")
    #[arg(long, value_name = "REGENCY")]
    pub regency: Option<String>,
    /// Address
    #[arg(long, value_name = "TEXT")]
    pub address: Option<String>,
    /// Phone number (normalised to +62...)
    #[arg(long, value_name = "PHONE")]
    pub phone: Option<String>,
    /// Education: NONE, SD, SMP, SMA, D1-D4, S1-S3
    #[arg(long, value_name = "CODE")]
    pub education: Option<String>,
    /// Marital status: SINGLE, MARRIED, DIVORCED, WIDOWED
    #[arg(long, value_name = "CODE")]
    pub marital_status: Option<String>,
}

/// A value a clerk types for a person or a placement: its flag, the record's column it sets
/// (through the parser the record declares for it, the one an import uses), and its question.
/// `register`, `worker edit` and their prompts all read these tables.
pub(crate) struct Typed {
    pub flag: &'static str,
    pub column: &'static str,
    pub ask: Msg,
}

const fn typed(flag: &'static str, column: &'static str, ask: Msg) -> Typed {
    Typed { flag, column, ask }
}

/// The person's values, in the order they are asked.
pub(crate) const PERSON_TYPED: &[Typed] = &[
    typed("--nik", "nik", Msg::AskNik),
    typed("--name", "full_name", Msg::AskName),
    typed("--sex", "sex", Msg::AskSex),
    typed("--birth-place", "birth_place", Msg::AskBirthPlace),
    typed("--birth-date", "birth_date", Msg::AskBirthDate),
    typed("--regency", "regency_code", Msg::AskRegency),
    typed("--address", "address", Msg::AskAddress),
    typed("--phone", "phone", Msg::AskPhone),
    typed("--education", "education", Msg::AskEducation),
    typed("--marital-status", "marital_status", Msg::AskMaritalStatus),
];

/// The placement's values, in the order they are asked.
pub(crate) const PLACEMENT_TYPED: &[Typed] = &[
    typed("--scheme", "scheme", Msg::AskScheme),
    typed("--p3mi", "p3mi_name", Msg::AskP3mi),
    typed("--employer", "employer_name", Msg::AskEmployer),
    typed("--country", "country", Msg::AskCountry),
    typed("--sector", "sector", Msg::AskSector),
    typed("--occupation", "occupation", Msg::AskOccupation),
    typed("--registered-on", "registered_on", Msg::AskRegisteredOn),
];

impl PersonFields {
    /// The answer held for a flag of `PERSON_TYPED`.
    pub fn slot(&mut self, flag: &str) -> Option<&mut Option<String>> {
        Some(match flag {
            "--nik" => &mut self.nik,
            "--name" => &mut self.name,
            "--sex" => &mut self.sex,
            "--birth-place" => &mut self.birth_place,
            "--birth-date" => &mut self.birth_date,
            "--regency" => &mut self.regency,
            "--address" => &mut self.address,
            "--phone" => &mut self.phone,
            "--education" => &mut self.education,
            "--marital-status" => &mut self.marital_status,
            _ => return None,
        })
    }

    /// Each given value beside the person's column it sets.
    pub fn given(&self) -> Vec<(&'static str, String)> {
        let mut all = self.clone();
        PERSON_TYPED
            .iter()
            .filter_map(|t| Some((t.column, all.slot(t.flag)?.clone()?)))
            .collect()
    }
}

#[derive(Args, Debug, Default, Clone)]
pub struct PlacementFields {
    /// Placement scheme: G2G, P3MI, UKPS or MANDIRI
    #[arg(long, value_name = "CODE")]
    pub scheme: Option<String>,
    /// Placement company (required for the P3MI scheme)
    #[arg(long, value_name = "NAME")]
    pub p3mi: Option<String>,
    /// Employer abroad
    #[arg(long, value_name = "NAME")]
    pub employer: Option<String>,
    /// Destination country: code (MY, JPN) or name (Jepang)
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// Sector: FORMAL or INFORMAL
    #[arg(long, value_name = "CODE")]
    pub sector: Option<String>,
    /// Job abroad, e.g. "Caregiver"
    #[arg(long, value_name = "TEXT")]
    pub occupation: Option<String>,
    /// Registration date [default: today]
    #[arg(long, value_name = "DATE")]
    pub registered_on: Option<String>,
}

impl PlacementFields {
    /// The answer held for a flag of `PLACEMENT_TYPED`.
    pub fn slot(&mut self, flag: &str) -> Option<&mut Option<String>> {
        Some(match flag {
            "--scheme" => &mut self.scheme,
            "--p3mi" => &mut self.p3mi,
            "--employer" => &mut self.employer,
            "--country" => &mut self.country,
            "--sector" => &mut self.sector,
            "--occupation" => &mut self.occupation,
            "--registered-on" => &mut self.registered_on,
            _ => return None,
        })
    }

    /// Each given value beside the placement's column it sets.
    pub fn given(&self) -> Vec<(&'static str, String)> {
        let mut all = self.clone();
        PLACEMENT_TYPED
            .iter()
            .filter_map(|t| Some((t.column, all.slot(t.flag)?.clone()?)))
            .collect()
    }
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "register",
        &[
            ex(
                "CPMI skema mandiri ke Malaysia",
                "An individual (mandiri) placement to Malaysia",
                "pmi-desk register --nik 1371021508900001 --name \"Budi Santoso\" --sex L --birth-place Padang --birth-date 15-08-1990 --regency 1371 --scheme MANDIRI --country MY",
            ),
            ex(
                "Melalui P3MI, ke Taiwan, dengan alamat dan jabatan",
                "Through a P3MI to Taiwan, with address and job",
                "pmi-desk register --nik 1306085705940002 --name \"Siti Rahmah\" --sex P --birth-place \"Lubuk Basung\" --birth-date 17-05-1994 --regency \"Kabupaten Agam\" --address \"Jorong Sungai Jariang\" --phone 081266554433 --scheme P3MI --p3mi \"PT Sumber Rezeki\" --country Taiwan --sector INFORMAL --occupation Caregiver",
            ),
            ex(
                "Di terminal, kolom yang belum diisi akan ditanyakan",
                "On a terminal, the fields not given are asked for",
                "pmi-desk register --nik 1371021508900001",
            ),
        ],
    ),
];

impl crate::commands::Run for RegisterArgs {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["register"];

    fn name(&self) -> &'static str {
        "register"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, mut args: RegisterArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let mut terminal = form::terminal(ctx);
    let mut form = Form::new(terminal.as_mut().map(|t| t as &mut dyn Prompter));
    let mut accepted = args.accept_warnings;
    let (entered, stored, person, mut placement) = loop {
        form.restart();
        let now = ctx.clock.timestamp();
        let mut entered = input::gather(&mut args, &mut form, store.conn(), ctx.clock.today)?;
        let (person, known) = person_of(store.conn(), &mut entered, &office.code, &now)?;
        entered.warnings.extend(registration::warnings(
            &known.placements,
            &entered.country,
            entered.scheme,
            entered.sector,
            &settings::closed_destinations(store.conn())?,
        ));
        if let (Some(s), false) = (&entered.stored, form.asks()) {
            ctx.say(&t!(Msg::PersonAlreadyKnown, s.full_name, s.uid))?;
        }
        let reasons = refusals(&Facts {
            birth_date: person.birth_date.unwrap_or(entered.birth_date),
            registered_on: entered.registered_on,
            today: ctx.clock.today,
            scheme: entered.scheme,
            p3mi_name: entered.p3mi_name.as_deref(),
            open_placement: known.open(),
            deceased: registration::remains_of(&known.repatriations),
        });
        let review = match reasons.is_empty() {
            true => form.review(&entered.warnings, &mut accepted)?,
            false => form.refused(refused(t!(
                Msg::RegistrationRefused,
                crate::i18n::Said::joined(reasons).to_string()
            )))?,
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
    store.write(|tx| {
        save(
            ctx,
            tx,
            &office.code,
            &entered,
            stored.as_ref(),
            &person,
            &mut placement,
        )
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

/// Inside the transaction: the person saved (new, or updated when nobody changed it meanwhile),
/// the last word of the rules on the records as they are, the placement numbered and saved, the
/// accepted warnings recorded.
fn save(
    ctx: &Ctx,
    tx: &db::Tx,
    office_code: &str,
    entered: &input::Entered,
    stored: Option<&Person>,
    person: &Person,
    placement: &mut Placement,
) -> Result<()> {
    let actor = ctx.actor();
    let now_stored = db::persons::by_nik(tx, &entered.nik)?;
    match (stored, &now_stored) {
        (Some(old), Some(current)) if current.updated_at == old.updated_at => {
            records::change(tx, &actor, Action::Update.as_str(), old, person.clone())?;
        }
        (None, None) => records::create(tx, &actor, person)?,
        (None, Some(current)) => {
            // Another clerk registered this NIK between the questions and the save.
            return Err(refused(t!(
                Msg::NikTakenMeanwhile,
                entered.nik,
                current.full_name
            )));
        }
        _ => {
            return Err(refused(t!(
                Msg::ChangedMeanwhile,
                views::record_kind_label("person"),
                person.full_name
            )))
        }
    }
    let open = db::placements::open_of_person(tx, &person.uid)?;
    let repatriations = db::repatriations::of_person(tx, &person.uid)?;
    let remains = registration::remains_of(&repatriations);
    check_saved(person, placement, open.as_ref(), remains, ctx.clock.today)?;
    let year = placement.registered_on.year();
    placement.registration_number = Some(db::numbers::next(
        tx,
        db::numbers::Series::Registration,
        year,
        |n| registration_number(office_code, year, n),
    )?);
    records::create(tx, &actor, &*placement)?;
    super::warnings::record(tx, &actor, &placement.uid, &entered.warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Record;
    use clap::CommandFactory;

    /// Every value a clerk types has its flag on the command, its answer slot and a column of its
    /// record: a flag cannot set a column the record has not, nor one without a question.
    #[test]
    fn every_typed_value_is_a_flag_a_slot_and_a_column() {
        #[derive(clap::Parser)]
        struct Cli {
            #[command(flatten)]
            args: RegisterArgs,
        }
        let command = Cli::command();
        let flags: Vec<String> = command
            .get_arguments()
            .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
            .collect();
        let columns = |cols: &[crate::domain::record::Column]| -> Vec<&'static str> {
            cols.iter().map(|c| c.name).collect()
        };
        let (mut person, mut placement) = (PersonFields::default(), PlacementFields::default());
        for t in PERSON_TYPED {
            assert!(flags.contains(&t.flag.to_string()), "{}", t.flag);
            assert!(person.slot(t.flag).is_some(), "{}", t.flag);
            assert!(
                columns(Person::columns()).contains(&t.column),
                "{}",
                t.column
            );
        }
        for t in PLACEMENT_TYPED {
            assert!(flags.contains(&t.flag.to_string()), "{}", t.flag);
            assert!(placement.slot(t.flag).is_some(), "{}", t.flag);
            assert!(
                columns(Placement::columns()).contains(&t.column),
                "{}",
                t.column
            );
        }
        let typed = PERSON_TYPED.len() + PLACEMENT_TYPED.len();
        assert_eq!(
            typed + 1,
            flags.len(),
            "every flag but --accept-warnings: {flags:?}"
        );
        person.address = Some("Jl. Sawahan 3\nPadang".into());
        assert_eq!(
            person.given(),
            vec![("address", "Jl. Sawahan 3\nPadang".to_string())]
        );
    }
}
