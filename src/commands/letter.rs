//! `letter ID`: prints a document as text, or writes it as PDF, HTML or text by the extension of
//! `--out`. ID is a letter number or recommendation uid (the recommendation letter, or for a
//! refused recommendation the refusal letter) or a repatriation number or uid (the handover
//! record). Every print is counted and audited; a voided letter prints marked as void.

use std::io::Write;

use anyhow::Result;
use rusqlite::Connection;

use super::lookup;
use crate::context::Ctx;
use crate::db::{self, audit, records};
use crate::domain::audit::{Action, RecordKind};
use crate::domain::recommendation::{office_for, Recommendation};
use crate::domain::repatriation::Repatriation;
use crate::domain::RecommendationStatus;
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::{with_lang, Lang, Msg};
use crate::letter::{self, Document, HandoverParties, Paper};
use crate::outfile::{self, OutFormat, OutKind, Output};
use crate::settings;
use crate::t;
use clap::Args;

#[derive(Args, Debug)]
pub struct LetterArgs {
    /// Letter number or recommendation uid (a refused one gives the refusal letter), or
    /// repatriation number or uid (the handover record)
    pub letter: String,
    /// Write to FILE.pdf (A4), FILE.html (print-ready) or FILE.txt instead of the terminal
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Replace a letter pmi-desk wrote to that file before (never any other file)
    #[arg(long, requires = "out")]
    pub force: bool,
}

/// The record a document is printed from.
enum Source {
    Recommendation(Recommendation),
    Repatriation(Repatriation),
}

fn find(conn: &Connection, key: &str) -> Result<Source> {
    if let Some(r) = db::recommendations::by_letter_or_uid(conn, key)? {
        return Ok(Source::Recommendation(r));
    }
    if let Some(x) = db::repatriations::by_number_or_uid(conn, key)? {
        return Ok(Source::Repatriation(x));
    }
    Err(refused(t!(Msg::LetterOrRecordNotFound, key.trim())))
}

/// The immigration office a letter is addressed to: as stored, else as the settings route the
/// worker's regency today (a letter issued before the office set it).
fn immigration_office(
    conn: &Connection,
    r: &Recommendation,
    person: &crate::domain::person::Person,
) -> Result<String> {
    if let Some(stored) = r
        .immigration_office
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        return Ok(stored.to_string());
    }
    let routes = settings::immigration_routes(conn)?;
    Ok(office_for(
        &routes,
        &settings::text(conn, settings::Key::ImmigrationDefault)?,
        person.regency.as_ref(),
    ))
}

/// The clerk who recorded the handover, from the audit log.
fn handover_clerk(conn: &Connection, uid: &str) -> Result<Option<String>> {
    Ok(audit::entries(conn, None, Some(uid))?
        .into_iter()
        .rev()
        .find(|e| e.action == Action::Handover)
        .map(|e| e.clerk))
}

fn prints_before(conn: &Connection, uid: &str) -> Result<i64> {
    Ok(audit::entries(conn, None, Some(uid))?
        .iter()
        .filter(|e| e.action == Action::Print)
        .count() as i64)
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "letter",
    &[
        ex(
            "Tampilkan surat di layar",
            "Show the letter on screen",
            "pmi-desk letter B.0001/BP3MI-SB/XI/2023",
        ),
        ex(
            "Simpan sebagai PDF untuk dicetak",
            "Save it as PDF to print",
            "pmi-desk letter B.0001/BP3MI-SB/XI/2023 --out surat.pdf",
        ),
        ex(
            "Simpan sebagai HTML",
            "Save it as HTML",
            "pmi-desk letter B.0001/BP3MI-SB/XI/2023 --out surat.html",
        ),
    ],
)];

impl crate::commands::Run for LetterArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "letter"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, args: LetterArgs) -> Result<()> {
    // The extension is checked before anything is read or written.
    let format = match &args.out {
        None => OutFormat::Text,
        Some(path) => outfile::choose(
            path,
            &[OutFormat::Pdf, OutFormat::Html, OutFormat::Text],
            "letter",
        )?,
    };
    let mut store = ctx.open()?;
    let conn = store.conn();
    let mut output = args
        .out
        .as_deref()
        .map(|path| Output::prepare(conn, &ctx.db_path, path, OutKind::Letter, args.force))
        .transpose()?;
    let paper = Paper::load(conn, format != OutFormat::Text)?;
    let db_hint = ctx.db_hint();
    let source = find(conn, &args.letter)?;
    let Composed {
        document,
        kind,
        record_kind,
        uid,
        count,
    } = match &source {
        Source::Recommendation(r) => recommendation_document(conn, &paper, db_hint, r)?,
        Source::Repatriation(x) => handover_document(conn, &paper, x)?,
    };
    let bytes = match format {
        OutFormat::Pdf => letter::pdf(&document)?,
        OutFormat::Html => letter::html(&document).into_bytes(),
        _ => letter::text(&document).into_bytes(),
    };
    match output.as_mut() {
        None => std::io::stdout().lock().write_all(&bytes)?,
        // Written aside; in place only once its print is recorded.
        Some(output) => output.write(&bytes)?,
    }
    let target = args
        .out
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "terminal".into());
    let actor = ctx.actor();
    store.write(|tx| {
        if let Some(output) = &output {
            output.record(tx, &actor)?;
        }
        let printed = vec![
            ("printed_to".into(), None, Some(target.clone())),
            ("document".into(), None, Some(document.number.clone())),
        ];
        record_print(tx, &actor, &source, record_kind, &uid, printed)
    })?;
    if let Some(output) = output {
        output.place()?;
    }
    if let Some(path) = &args.out {
        ctx.say(&t!(
            Msg::DocumentWritten,
            t!(kind),
            document.number,
            path.display(),
            count
        ))?;
    }
    Ok(())
}

/// A document composed for printing: what it is, the record it prints and which print this is.
struct Composed {
    document: Document,
    kind: Msg,
    record_kind: RecordKind,
    uid: String,
    count: i64,
}

/// The recommendation letter, or for a refused recommendation the refusal letter, once the
/// settings it needs are there.
fn recommendation_document(
    conn: &Connection,
    paper: &Paper,
    db_hint: Option<&std::path::Path>,
    r: &Recommendation,
) -> Result<Composed> {
    let (placement, person) = lookup::placement(conn, &r.placement_uid)?;
    let count = r.reprints + 1;
    if r.status == RecommendationStatus::Refused {
        paper.require(
            &["office.city", "signatory.name", "signatory.title"],
            db_hint,
        )?;
        let doc = with_lang(Lang::Id, || {
            letter::refusal_letter(paper, r, &placement, &person)
        });
        Ok(Composed {
            document: doc,
            kind: Msg::DocRefusalLetter,
            record_kind: RecordKind::Recommendation,
            uid: r.uid.clone(),
            count,
        })
    } else {
        let office = immigration_office(conn, r, &person)?;
        let mut needed = vec!["office.city", "signatory.name", "signatory.title"];
        if office.trim().is_empty() {
            needed.push("immigration.default");
        }
        paper.require(&needed, db_hint)?;
        let doc = with_lang(Lang::Id, || {
            letter::recommendation_letter(paper, r, &placement, &person, &office)
        });
        Ok(Composed {
            document: doc,
            kind: Msg::DocRecommendationLetter,
            record_kind: RecordKind::Recommendation,
            uid: r.uid.clone(),
            count,
        })
    }
}

/// The handover record of a repatriation, refused before its handover is recorded.
fn handover_document(conn: &Connection, paper: &Paper, x: &Repatriation) -> Result<Composed> {
    let Some(on) = x.handed_over_on.filter(|_| x.handed_over_to.is_some()) else {
        return Err(refused(t!(
            Msg::HandoverNotYet,
            x.reference(),
            x.reference()
        )));
    };
    let person = match &x.person_uid {
        Some(uid) => db::persons::by_uid(conn, uid)?,
        None => None,
    };
    let parties = HandoverParties {
        clerk: handover_clerk(conn, &x.uid)?.unwrap_or_default(),
    };
    let doc = with_lang(Lang::Id, || {
        letter::handover_record(paper, x, person.as_ref(), &parties, on)
    });
    let count = prints_before(conn, &x.uid)? + 1;
    Ok(Composed {
        document: doc,
        kind: Msg::DocHandoverRecord,
        record_kind: RecordKind::Repatriation,
        uid: x.uid.clone(),
        count,
    })
}

/// Counts the print: on a recommendation (its reprints), in the audit log for a handover record.
fn record_print(
    tx: &db::Tx,
    actor: &audit::Actor,
    source: &Source,
    record_kind: RecordKind,
    uid: &str,
    printed: Vec<audit::Change>,
) -> Result<()> {
    match source {
        // Counted on the record as it is now, not as it was read before printing.
        Source::Recommendation(read) => {
            let now = db::recommendations::by_letter_or_uid(tx, &read.uid)?
                .ok_or_else(|| refused(t!(Msg::LetterOrRecordNotFound, read.uid)))?;
            let mut r = now.clone();
            r.reprints += 1;
            records::change_with(tx, actor, Action::Print.as_str(), &now, r, printed)?;
            Ok(())
        }
        Source::Repatriation(_) => {
            audit::note(tx, actor, record_kind, uid, Action::Print, &printed)
        }
    }
}
