//! `review list|show|resolve`: what offices' records say that a clerk must decide (a field written
//! differently at two offices, two open placements of one person, one NIK on two persons, facts that
//! contradict each other...). Every office holding the same records lists the same items under the
//! same ids; a resolution is an ordinary change, so it travels and the item goes away everywhere.

use crate::i18n::Label;
use anyhow::Result;
use clap::{Args, Subcommand};

use crate::context::Ctx;
use crate::db::{self, records, Tx};
use crate::domain::audit::Action;
use crate::domain::case::{seen_by_new_event, Case, CaseEvent};
use crate::domain::document::Document;
use crate::domain::person::Person;
use crate::domain::placement::{derive_stage, Placement};
use crate::domain::recommendation::Recommendation;
use crate::domain::record::{self, Record};
use crate::domain::repatriation::Repatriation;
use crate::domain::review::{Item, ReviewKind};
use crate::domain::version::Versions;
use crate::domain::{CancelReason, CaseEventKind};
use crate::error::{refused, usage};
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::{settings, t, views};

#[derive(Subcommand, Debug)]
pub enum ReviewCommand {
    /// What waits for a clerk's decision, the same at every office that holds the records
    List {
        /// Only this kind (FIELD_CONFLICT, OPEN_PLACEMENTS, LIVE_DOCUMENTS, ISSUED_LETTERS,
        /// NIK_TAKEN, NUMBER_TAKEN, CONTRADICTION, WARNING, STATUS_CLASH, ACTED_WHILE_CLOSED)
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
    },
    /// One item: each side, and the commands that resolve it
    Show {
        /// The item's id (T-...)
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Resolve an item; the decision travels to the other offices like any change
    Resolve(ResolveArgs),
}

#[derive(Args, Debug)]
pub struct ResolveArgs {
    /// The item's id (T-...)
    #[arg(value_name = "ID")]
    pub id: String,
    /// Which side to keep: its number in `review show` (the others are dropped: a value, a
    /// duplicate document, a second open placement, a second letter), or departure /
    /// cancellation for facts that contradict each other
    #[arg(long, value_name = "WHICH")]
    pub keep: Option<String>,
    /// Another value for a field written differently at two offices
    #[arg(long, value_name = "TEXT", conflicts_with = "keep")]
    pub value: Option<String>,
    /// Accept a person's warnings (the NIK against the sex, birth date or regency)
    #[arg(long)]
    pub accept: bool,
    /// Keep a case's status as it is, now knowing of every office's change
    #[arg(long)]
    pub confirm: bool,
    /// Merge the two persons that hold one NIK (the same person)
    #[arg(long)]
    pub merge: bool,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "review",
        &[
            ex(
                "Apa yang menunggu keputusan",
                "What waits for a decision",
                "pmi-desk review list",
            ),
            ex(
                "Hanya dua penempatan terbuka untuk satu orang",
                "Only two open placements of one person",
                "pmi-desk review list --kind OPEN_PLACEMENTS",
            ),
        ],
    ),
    (
        "review list",
        &[
            ex("Semua", "All", "pmi-desk review list"),
            ex(
                "Untuk skrip",
                "For a script",
                "pmi-desk review list --format json",
            ),
        ],
    ),
    (
        "review show",
        &[
            ex(
                "Kedua sisi dan cara menyelesaikannya",
                "Both sides and how to resolve it",
                "pmi-desk review show T-3F9A2C",
            ),
            ex(
                "Untuk skrip",
                "For a script",
                "pmi-desk review show T-3F9A2C --format json",
            ),
        ],
    ),
    (
        "review resolve",
        &[
            ex(
                "Pilih nilai nomor 2",
                "Choose value number 2",
                "pmi-desk review resolve T-3F9A2C --keep 2",
            ),
            ex(
                "Tulis nilai yang benar",
                "Give the right value",
                "pmi-desk review resolve T-3F9A2C --value \"Jl. Sudirman 5\"",
            ),
            ex(
                "Terima peringatan NIK setelah memeriksa KTP",
                "Accept NIK warnings after checking the ID card",
                "pmi-desk review resolve T-7C94EB --accept",
            ),
        ],
    ),
];

impl crate::commands::Run for ReviewCommand {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "review"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, command: ReviewCommand) -> Result<()> {
    let mut store = ctx.open()?;
    match command {
        ReviewCommand::List { kind } => {
            let kind = kind
                .as_deref()
                .map(|k| {
                    ReviewKind::parse(k).ok_or_else(|| {
                        usage(t!(
                            Msg::CodeUnknown,
                            k,
                            "--kind",
                            ReviewKind::ALL.map(|k| k.code()).join(", ")
                        ))
                    })
                })
                .transpose()?;
            let items: Vec<Item> = db::review::open(store.conn())?
                .into_iter()
                .filter(|i| kind.is_none_or(|k| i.kind == k))
                .collect();
            if items.is_empty() && ctx.format == crate::output::Format::Table {
                return ctx.say(&t!(Msg::ReviewNothing));
            }
            let mut rows = Vec::new();
            for item in &items {
                rows.push(row(store.conn(), item)?);
            }
            Records {
                columns: vec![
                    column("id", t!(Msg::HeadId)).whole(),
                    column("kind", t!(Msg::HeadReviewKind)).wrapped(),
                    column("topic", t!(Msg::HeadField)).wide(),
                    column("record", t!(Msg::HeadRecord)).wrapped(),
                    column("values", t!(Msg::HeadValues)).wrapped(),
                ],
                rows,
            }
            .print(ctx.format, &mut std::io::stdout().lock())
        }
        ReviewCommand::Show { id } => {
            let item = db::review::find(store.conn(), &id)?
                .ok_or_else(|| refused(t!(Msg::ReviewNotFound, id)))?;
            show(ctx, store.conn(), &item)
        }
        ReviewCommand::Resolve(args) => {
            let actor = ctx.actor();
            let office = settings::office(store.conn())?;
            let said = store.write(|tx| {
                let item = db::review::find(tx, &args.id)?
                    .ok_or_else(|| refused(t!(Msg::ReviewNotFound, args.id)))?;
                resolve(ctx, tx, &actor, &office.code, &item, &args)
            })?;
            ctx.say(&said)
        }
    }
}

fn label(kind: ReviewKind) -> String {
    t!(match kind {
        ReviewKind::FieldConflict => Msg::ReviewFieldConflict,
        ReviewKind::OpenPlacements => Msg::ReviewOpenPlacements,
        ReviewKind::LiveDocuments => Msg::ReviewLiveDocuments,
        ReviewKind::IssuedLetters => Msg::ReviewIssuedLetters,
        ReviewKind::NikTaken => Msg::ReviewNikTaken,
        ReviewKind::NumberTaken => Msg::ReviewNumberTaken,
        ReviewKind::Contradiction => Msg::ReviewContradiction,
        ReviewKind::Warning => Msg::ReviewWarning,
        ReviewKind::StatusClash => Msg::ReviewStatusClash,
        ReviewKind::ActedWhileClosed => Msg::ReviewActedWhileClosed,
    })
}

/// What the item is about, in words: the field, the document kind, the contradiction.
fn topic(item: &Item) -> String {
    match item.kind {
        ReviewKind::FieldConflict | ReviewKind::NumberTaken | ReviewKind::NikTaken => {
            crate::i18n::field(&item.topic).to_string()
        }
        ReviewKind::LiveDocuments => item
            .topic
            .parse::<crate::domain::DocumentKind>()
            .map(|k| k.label().to_string())
            .unwrap_or_else(|_| item.topic.clone()),
        ReviewKind::Contradiction => t!(match item.topic.as_str() {
            "DEPARTED_AND_CANCELLED" => Msg::ContradictionDepartedCancelled,
            "RETURN_WITHOUT_DEPARTURE" => Msg::ContradictionReturnWithoutDeparture,
            _ => Msg::ContradictionReturnBeforeDeparture,
        }),
        _ => String::new(),
    }
}

fn row(conn: &rusqlite::Connection, item: &Item) -> Result<Vec<Cell>> {
    let mut records_shown: Vec<String> = Vec::new();
    for s in &item.sides {
        let d = db::review::describe(conn, s.kind, &s.uid)?;
        if !records_shown.contains(&d) {
            records_shown.push(d);
        }
    }
    let values: Vec<String> = match item.kind {
        ReviewKind::FieldConflict => item
            .sides
            .iter()
            .map(|s| {
                let v = s.value.clone().unwrap_or_default();
                match &s.office {
                    Some(o) => format!("{v} ({o})"),
                    None => v,
                }
            })
            .collect(),
        ReviewKind::Warning => item
            .topic
            .split('|')
            .map(|c| views::warning_label(c).to_string())
            .collect(),
        _ => vec![topic(item)],
    };
    let kind = match (item.kind, topic(item)) {
        (ReviewKind::FieldConflict, t) => format!("{}: {t}", label(item.kind)),
        _ => label(item.kind),
    };
    Ok(vec![
        Cell::text(&item.id),
        Cell::code(item.kind.code(), &kind),
        Cell::code(&item.topic, &topic(item)),
        Cell::text(records_shown.join(" / ")),
        Cell::text(values.join(" | ")),
    ])
}

fn show(ctx: &Ctx, conn: &rusqlite::Connection, item: &Item) -> Result<()> {
    if ctx.format != crate::output::Format::Table {
        let doc = serde_json::json!({
            "id": item.id,
            "kind": item.kind.code(),
            "topic": item.topic,
            "sides": item.sides.iter().enumerate().map(|(i, s)| serde_json::json!({
                "n": i + 1, "record_kind": s.kind, "record_uid": s.uid,
                "record": db::review::describe(conn, s.kind, &s.uid).unwrap_or_default(),
                "value": s.value, "office": s.office,
            })).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(());
    }
    let mut out = String::new();
    out.push_str(&format!(
        "{} {}: {}\n",
        item.id,
        label(item.kind),
        topic(item)
    ));
    for (i, s) in item.sides.iter().enumerate() {
        let record = db::review::describe(conn, s.kind, &s.uid)?;
        let mut line = format!("  {}. {record}", i + 1);
        if let Some(v) = &s.value {
            if item.kind == ReviewKind::FieldConflict {
                line.push_str(&format!(": {v}"));
            }
        }
        if let Some(o) = &s.office {
            line.push_str(&format!(" ({o})"));
        }
        if i == 0 && item.kind == ReviewKind::FieldConflict {
            line.push_str(&format!(" {}", t!(Msg::ReviewCurrent)));
        }
        out.push_str(&line);
        out.push('\n');
    }
    let hint = match item.kind {
        ReviewKind::FieldConflict => t!(Msg::ReviewHowField, item.id),
        ReviewKind::OpenPlacements => t!(Msg::ReviewHowOpenPlacements, item.id),
        ReviewKind::LiveDocuments => t!(Msg::ReviewHowLiveDocuments, item.id),
        ReviewKind::IssuedLetters => t!(Msg::ReviewHowIssuedLetters, item.id),
        ReviewKind::NikTaken => t!(Msg::ReviewHowNik, item.id),
        ReviewKind::NumberTaken => t!(Msg::ReviewHowNumber),
        ReviewKind::Contradiction => t!(Msg::ReviewHowContradiction, item.id),
        ReviewKind::Warning => t!(Msg::ReviewHowWarning, item.id),
        ReviewKind::StatusClash | ReviewKind::ActedWhileClosed => {
            t!(Msg::ReviewHowCase, item.id)
        }
    };
    out.push_str(&crate::output::wrap_text(&hint, 2));
    print!("{out}");
    Ok(())
}

/// The side `--keep` names (1-based).
fn side(item: &Item, keep: Option<&str>) -> Result<usize> {
    let n: usize = keep
        .ok_or_else(|| usage(t!(Msg::ReviewNeedsKeep, item.id)))?
        .trim()
        .parse()
        .map_err(|_| usage(t!(Msg::ReviewNeedsKeep, item.id)))?;
    if n == 0 || n > item.sides.len() {
        return Err(refused(t!(Msg::ReviewNoSuchSide, n, item.sides.len())));
    }
    Ok(n - 1)
}

/// A record with one exchanged field set to `text`, parsed as a folder's cell is.
fn with_field<R: Record>(r: &R, field: &str, text: &str) -> Result<R> {
    let mut cells: std::collections::HashMap<&str, String> =
        record::exchange_fields(r).into_iter().collect();
    cells.insert(
        record::exchange_columns::<R>()
            .filter_map(|c| c.exchange)
            .find(|e| *e == field)
            .ok_or_else(|| refused(t!(Msg::ReviewNotFound, field)))?,
        text.to_string(),
    );
    let mut problems = Vec::new();
    let mut new = R::from_exchange(
        |c| cells.get(c).map(String::as_str).unwrap_or(""),
        &mut problems,
    )
    .filter(|_| problems.is_empty())
    .ok_or_else(|| {
        refused(
            problems
                .iter()
                .map(|(c, e)| format!("{}: {e}", crate::i18n::field(c)))
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    new.keep_local(r);
    Ok(new)
}

/// A clerk's value for a field both offices wrote: written here, so that it wins everywhere.
fn choose<R: Record>(
    tx: &Tx,
    actor: &db::audit::Actor,
    uid: &str,
    field: &str,
    text: &str,
) -> Result<()> {
    let old = records::get::<R>(tx, uid)?.ok_or_else(|| refused(t!(Msg::ReviewNotFound, uid)))?;
    let new = with_field(&old, field, text)?;
    records::decide(tx, actor, &old, new, field)
}

fn resolve(
    ctx: &Ctx,
    tx: &Tx,
    actor: &db::audit::Actor,
    office: &str,
    item: &Item,
    args: &ResolveArgs,
) -> Result<String> {
    let done = || t!(Msg::ReviewResolved, item.id, label(item.kind));
    match item.kind {
        ReviewKind::FieldConflict => {
            let s = &item.sides[0];
            let value = match (&args.value, args.keep.as_deref()) {
                (Some(v), _) if v.trim().is_empty() => {
                    return Err(usage(t!(Msg::ReviewValueEmpty, item.id)))
                }
                (Some(v), _) => v.clone(),
                (None, keep) => item.sides[side(item, keep)?]
                    .value
                    .clone()
                    .unwrap_or_default(),
            };
            let field = item.topic.as_str();
            match s.kind {
                "person" => choose::<Person>(tx, actor, &s.uid, field, &value)?,
                "placement" => choose::<Placement>(tx, actor, &s.uid, field, &value)?,
                "document" => choose::<Document>(tx, actor, &s.uid, field, &value)?,
                "recommendation" => choose::<Recommendation>(tx, actor, &s.uid, field, &value)?,
                "case" => choose::<Case>(tx, actor, &s.uid, field, &value)?,
                "repatriation" => choose::<Repatriation>(tx, actor, &s.uid, field, &value)?,
                _ => return Err(refused(t!(Msg::ReviewNotFound, item.id))),
            }
        }
        ReviewKind::Warning => {
            if !args.accept {
                return Err(usage(t!(Msg::ReviewHowWarning, item.id)));
            }
            let old = records::get::<Person>(tx, &item.sides[0].uid)?
                .ok_or_else(|| refused(t!(Msg::ReviewNotFound, item.id)))?;
            // Saved by a clerk, a person's warnings are accepted (`Person::on_save`).
            records::change(
                tx,
                actor,
                Action::AcceptWarnings.as_str(),
                &old,
                old.clone(),
            )?;
        }
        ReviewKind::OpenPlacements => {
            let keep = side(item, args.keep.as_deref())?;
            for (i, s) in item.sides.iter().enumerate() {
                if i == keep {
                    continue;
                }
                let old = records::get::<Placement>(tx, &s.uid)?
                    .ok_or_else(|| refused(t!(Msg::ReviewNotFound, item.id)))?;
                let mut p = old.clone();
                p.cancel_reason = Some(CancelReason::Other);
                p.cancel_note = Some(t!(Msg::ReviewDuplicateNote, item.id));
                p.stage = derive_stage(&p, false);
                records::change(tx, actor, Action::Resolve.as_str(), &old, p)?;
            }
        }
        ReviewKind::LiveDocuments => {
            let keep = side(item, args.keep.as_deref())?;
            for (i, s) in item.sides.iter().enumerate() {
                if i == keep {
                    continue;
                }
                let old = records::get::<Document>(tx, &s.uid)?
                    .ok_or_else(|| refused(t!(Msg::ReviewNotFound, item.id)))?;
                let mut d = old.clone();
                d.removed_on = Some(ctx.clock.today);
                d.removed_reason = Some(t!(Msg::ReviewDuplicateNote, item.id));
                records::change(tx, actor, Action::Remove.as_str(), &old, d)?;
            }
        }
        ReviewKind::IssuedLetters => {
            let keep = side(item, args.keep.as_deref())?;
            for (i, s) in item.sides.iter().enumerate() {
                if i == keep {
                    continue;
                }
                let old = records::get::<Recommendation>(tx, &s.uid)?
                    .ok_or_else(|| refused(t!(Msg::ReviewNotFound, item.id)))?;
                if old.office_code != office {
                    return Err(refused(t!(
                        Msg::VoidOnlyByIssuer,
                        old.letter_number.clone().unwrap_or(old.uid.clone()),
                        old.office_code
                    )));
                }
                let mut r = old.clone();
                r.void_reason = Some(t!(Msg::ReviewDuplicateNote, item.id));
                r.status = r.derived_status();
                records::change(tx, actor, Action::Void.as_str(), &old, r)?;
            }
        }
        ReviewKind::NikTaken => {
            if !args.merge {
                return Err(usage(t!(Msg::ReviewHowNik, item.id)));
            }
            let link = super::worker::merge::record_merge(
                tx,
                actor,
                office,
                &item.sides[0].uid,
                &item.sides[1].uid,
                crate::domain::identity::MergeReason::Clerk,
                Some(t!(Msg::ReviewDuplicateNote, item.id)),
            )?;
            let _ = link;
        }
        ReviewKind::NumberTaken => return Err(refused(t!(Msg::ReviewHowNumber))),
        ReviewKind::Contradiction => {
            let keep = args
                .keep
                .as_deref()
                .map(str::to_ascii_lowercase)
                .ok_or_else(|| usage(t!(Msg::ReviewHowContradiction, item.id)))?;
            let old = records::get::<Placement>(tx, &item.sides[0].uid)?
                .ok_or_else(|| refused(t!(Msg::ReviewNotFound, item.id)))?;
            let mut p = old.clone();
            match keep.as_str() {
                "departure" | "keberangkatan" => {
                    p.cancel_reason = None;
                    if p.returned_on
                        .is_some_and(|r| p.departed_on.is_none_or(|d| r < d))
                    {
                        p.returned_on = None;
                    }
                }
                "cancellation" | "pembatalan" => {
                    p.departed_on = None;
                    p.returned_on = None;
                    p.passport_number = None;
                }
                _ => return Err(usage(t!(Msg::ReviewHowContradiction, item.id))),
            }
            p.stage = derive_stage(&p, db::merge::live_letter(tx, &p.uid)?);
            records::change(tx, actor, Action::Resolve.as_str(), &old, p)?;
        }
        ReviewKind::StatusClash | ReviewKind::ActedWhileClosed => {
            if !args.confirm {
                return Err(usage(t!(Msg::ReviewHowCase, item.id)));
            }
            let case = records::get::<Case>(tx, &item.sides[0].uid)?
                .ok_or_else(|| refused(t!(Msg::ReviewNotFound, item.id)))?;
            let events = db::cases::events(tx, &case.uid)?;
            let event = CaseEvent {
                uid: crate::context::new_uid(),
                case_uid: case.uid.clone(),
                occurred_on: case
                    .closed_on
                    .unwrap_or(ctx.clock.today.max(case.reported_on)),
                kind: CaseEventKind::StatusChange,
                partner: None,
                letter_number: None,
                note: Some(t!(Msg::ReviewConfirmedNote, item.id)),
                status_from: Some(case.status),
                awaiting: None,
                contacted: false,
                clerk: Some(actor.clerk.clone()),
                created_at: record::Timestamp::from_datetime(actor.now),
                status_to: Some(case.status),
                closure_reason: case.closure_reason,
                seen: seen_by_new_event(&events),
                versions: Versions::unset(),
            };
            records::create(tx, actor, &event)?;
            db::cases::refresh_state(tx, actor, &case.uid)?;
        }
    }
    Ok(done())
}
