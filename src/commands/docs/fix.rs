//! `docs verify|edit|remove`: documents a clerk can fix. Each acts on the placement's one live
//! document of a kind, decides inside one transaction and is audited (`verify`, `update`,
//! `remove`). A removed document is never deleted: it keeps its row with the date and reason of
//! its removal, travels to other offices like any change, and no longer counts in `docs list`,
//! `docs check` or the passport checklist.

use crate::i18n::Label;
use anyhow::Result;

use crate::commands::form::given;

use crate::commands::lookup;
use crate::context::Ctx;
use crate::db::{self, records, Tx};
use crate::domain::audit::Action;
use crate::domain::date::parse_date;
use crate::domain::document::Document;
use crate::domain::placement::Placement;
use crate::domain::{rules, text, DocumentKind};
use crate::error::{refused, usage, Invalid};
use crate::i18n::Msg;
use crate::settings;
use crate::t;
use clap::Args;

#[derive(Args, Debug)]
pub struct DocsKindArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// Document kind, e.g. KTP, KK, MEDICAL_CERTIFICATE (see `ref codes "document kind"`)
    #[arg(long, value_name = "CODE", required = true)]
    pub kind: Option<String>,
}

#[derive(Args, Debug)]
pub struct DocsEditArgs {
    #[command(flatten)]
    pub document: DocsKindArgs,
    /// The corrected document number ("" clears it)
    #[arg(long, value_name = "NUMBER")]
    pub number: Option<String>,
    /// The corrected issue date ("" clears it)
    #[arg(long, value_name = "DATE")]
    pub issued: Option<String>,
    /// The corrected expiry date ("" clears it)
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    /// The clerk has seen and checked the original
    #[arg(long)]
    pub verified: bool,
}

#[derive(Args, Debug)]
pub struct DocsRemoveArgs {
    #[command(flatten)]
    pub document: DocsKindArgs,
    /// Why it is removed (kept with the document and in the audit log)
    #[arg(long, value_name = "TEXT", required = true)]
    pub reason: Option<String>,
}

/// The refusal of a second document of a kind, with the commands that fix the first one.
pub(super) fn already_recorded(placement: &Placement, existing: &Document) -> Invalid {
    let reference = placement.reference();
    let code = existing.kind.code();
    let details = match (&existing.number, existing.issued_on) {
        (Some(number), _) => number.clone(),
        (None, Some(issued)) => issued.to_string(),
        (None, None) => existing.created_at.as_str().chars().take(10).collect(),
    };
    Invalid(crate::said!(
        Msg::DocumentAlreadyRecorded,
        existing.kind.label(),
        reference,
        details,
        reference,
        code,
        reference,
        code
    ))
}

/// The placement and its live document of the kind asked for, read inside the transaction.
fn live(tx: &Tx, args: &DocsKindArgs, kind: DocumentKind) -> Result<(Placement, Document)> {
    let (placement, _) = lookup::placement(tx, given(&args.placement))?;
    match db::documents::live_of_kind(tx, &placement.uid, kind)? {
        Some(document) => Ok((placement, document)),
        None => Err(refused(t!(
            Msg::DocumentNotRecorded,
            kind.label(),
            placement.reference(),
            placement.reference(),
            kind.code()
        ))),
    }
}

pub(super) fn verify(ctx: &Ctx, mut args: DocsKindArgs) -> Result<()> {
    super::ask::which(ctx, &mut args, None)?;
    let mut store = ctx.open()?;
    let kind: DocumentKind = given(&args.kind).parse()?;
    let actor = ctx.actor();
    let (placement, document, changed) = store.write(|tx| {
        let (placement, document) = live(tx, &args, kind)?;
        if document.verified_on.is_some() {
            return Ok((placement, document, false));
        }
        let mut verified = document.clone();
        verified.verified_on = Some(ctx.clock.today);
        verified.verified_by = Some(ctx.clerk.clone());
        let saved = records::change(tx, &actor, Action::Verify.as_str(), &document, verified)?;
        Ok((placement, saved, true))
    })?;
    if !changed {
        return ctx.say(&t!(
            Msg::DocumentAlreadyVerified,
            kind.label(),
            placement.reference(),
            document
                .verified_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
            document.verified_by.as_deref().unwrap_or("-")
        ));
    }
    ctx.say(&t!(
        Msg::DocumentVerified,
        kind.label(),
        placement.reference()
    ))
}

/// An optional date option where `""` clears the value: `None` when not given.
fn date_option(value: Option<&str>) -> Result<Option<Option<chrono::NaiveDate>>, Invalid> {
    value
        .map(|v| match v.trim() {
            "" => Ok(None),
            v => parse_date(v).map(Some),
        })
        .transpose()
}

pub(super) fn edit(ctx: &Ctx, args: DocsEditArgs) -> Result<()> {
    if args.number.is_none() && args.issued.is_none() && args.expires.is_none() && !args.verified {
        return Err(usage(t!(Msg::DocumentEditNothing)));
    }
    let mut store = ctx.open()?;
    let kind: DocumentKind = given(&args.document.kind).parse()?;
    let number = args
        .number
        .as_deref()
        .map(|n| text::line(Some(n)))
        .transpose()?;
    let issued = date_option(args.issued.as_deref())?;
    let expires = date_option(args.expires.as_deref())?;
    let actor = ctx.actor();
    let (placement, document, changed) = store.write(|tx| {
        let (placement, document) = live(tx, &args.document, kind)?;
        let mut new = document.clone();
        if let Some(number) = &number {
            new.number = number.clone();
        }
        if let Some(issued) = issued {
            new.issued_on = issued;
        }
        if let Some(expires) = expires {
            new.expires_on = expires;
        }
        if args.verified && new.verified_on.is_none() {
            new.verified_on = Some(ctx.clock.today);
            new.verified_by = Some(ctx.clerk.clone());
        }
        rules::refuse(rules::document(&new, ctx.clock.today))?;
        if new == document {
            return Ok((placement, document, false));
        }
        let saved = records::change(tx, &actor, Action::Update.as_str(), &document, new)?;
        Ok((placement, saved, true))
    })?;
    let done = if changed {
        Msg::DocumentEdited
    } else {
        Msg::DocumentUnchanged
    };
    ctx.say(&t!(done, kind.label(), placement.reference()))?;
    let medical_days = settings::medical_validity_days(store.conn())?;
    if document.expired(ctx.clock.today, medical_days) {
        ctx.warn(&t!(Msg::DocumentExpired, kind.label()));
    }
    let person = db::persons::by_uid(store.conn(), &placement.person_uid)?;
    let nik = person.as_ref().and_then(|p| p.nik.as_ref());
    if let Some(differs) = crate::domain::document::ktp_differs(&document, nik) {
        ctx.warn(&differs.to_string());
    }
    Ok(())
}

pub(super) fn remove(ctx: &Ctx, mut args: DocsRemoveArgs) -> Result<()> {
    // On a terminal: which document, why, and a confirmation before it is removed.
    super::ask::which(ctx, &mut args.document, Some(&mut args.reason))?;
    let reason = text::parse_line(given(&args.reason))?;
    if reason.is_empty() {
        return Err(refused(t!(Msg::DocumentRemovalNeedsReason)));
    }
    let mut store = ctx.open()?;
    let kind: DocumentKind = given(&args.document.kind).parse()?;
    let actor = ctx.actor();
    let placement = store.write(|tx| {
        let (placement, document) = live(tx, &args.document, kind)?;
        let mut removed = document.clone();
        removed.removed_on = Some(ctx.clock.today);
        removed.removed_reason = Some(reason.clone());
        rules::refuse(rules::document(&removed, ctx.clock.today))?;
        records::change(tx, &actor, Action::Remove.as_str(), &document, removed)?;
        Ok(placement)
    })?;
    ctx.say(&t!(
        Msg::DocumentRemoved,
        kind.label(),
        placement.reference()
    ))
}
