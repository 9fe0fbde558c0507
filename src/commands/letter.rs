//! `letter`: prints a recommendation letter, or writes it as PDF, HTML or text. Every print is
//! counted and audited; a voided letter prints marked as void.

use std::io::Write;

use anyhow::Result;

use super::recommendation::find;
use crate::cli::LetterArgs;
use crate::context::Ctx;
use crate::db::records;
use crate::domain::RecommendationStatus;
use crate::error::refused;
use crate::i18n::Msg;
use crate::letter::{self, compose, Office};
use crate::settings;
use crate::t;

pub fn run(ctx: &Ctx, args: LetterArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let (old, placement, person) = find(store.conn(), &args.letter)?;
    if old.status == RecommendationStatus::Refused {
        return Err(refused(t!(Msg::LetterNotIssued, placement.reference())));
    }
    let conn = store.conn();
    let value = |key: &str| settings::value(conn, key);
    let office = Office {
        letterhead: vec![
            value("letterhead.line1")?,
            value("letterhead.line2")?,
            value("letterhead.line3")?,
        ],
        city: value("office.city")?,
        name: value("office.name")?,
        signatory_name: value("signatory.name")?,
        signatory_title: value("signatory.title")?,
        signatory_nip: value("signatory.nip")?,
    };
    let content = compose(&office, &old, &placement, &person);
    let bytes = match &args.out {
        None => letter::text(&content).into_bytes(),
        Some(path) => match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("pdf") => letter::pdf(&content)?,
            Some("html") | Some("htm") => letter::html(&content).into_bytes(),
            Some("txt") => letter::text(&content).into_bytes(),
            _ => return Err(refused(t!(Msg::LetterFormatUnknown, path.display()))),
        },
    };
    match &args.out {
        None => std::io::stdout().lock().write_all(&bytes)?,
        Some(path) => {
            crate::db::write_private_file(path, &bytes)?;
            ctx.say(&t!(Msg::LetterWritten, content.number, path.display()))?;
        }
    }
    let actor = ctx.actor();
    store.write(|tx| {
        // Counted on the record as it is now, not as it was read before printing.
        let (now, _, _) = find(tx, &args.letter)?;
        let mut r = now.clone();
        r.reprints += 1;
        let target = args
            .out
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "terminal".into());
        records::change_with(
            tx,
            &actor,
            "print",
            &now,
            r,
            vec![("printed_to".into(), None, Some(target))],
        )?;
        Ok(())
    })?;
    Ok(())
}
