//! `repatriation list|show` and `handover`.

use anyhow::Result;

use crate::cli::{HandoverArgs, RepatriationCommand, YesNo};
use crate::context::Ctx;
use crate::db::{self, audit};
use crate::domain::date::parse_date;
use crate::domain::person::parse_text;
use crate::domain::repatriation::{check_handover, Repatriation};
use crate::domain::HandoverTo;
use crate::error::refused;
use crate::i18n::Msg;
use crate::t;
use crate::views;

fn find(conn: &rusqlite::Connection, key: &str) -> Result<Repatriation> {
    db::repatriations::by_number_or_uid(conn, key)?
        .ok_or_else(|| refused(t!(Msg::RepatriationNotFound, key)))
}

pub fn run(ctx: &Ctx, command: RepatriationCommand) -> Result<()> {
    let store = ctx.open()?;
    let conn = store.conn();
    match command {
        RepatriationCommand::List {
            category,
            from,
            to,
            regency,
            handed_over,
        } => {
            let filter = db::repatriations::Filter {
                category: category.as_deref().map(str::parse).transpose()?,
                from: from.as_deref().map(parse_date).transpose()?,
                to: to.as_deref().map(parse_date).transpose()?,
                regency: regency.as_deref().map(str::parse).transpose()?,
                handed_over: handed_over.map(|h| h == YesNo::Yes),
            };
            let rows = db::repatriations::list(conn, &filter)?;
            views::repatriation_list(&rows).print(ctx.format, &mut std::io::stdout().lock())
        }
        RepatriationCommand::Show { repatriation } => {
            let r = find(conn, &repatriation)?;
            let person = match &r.person_uid {
                Some(uid) => db::persons::by_uid(conn, uid)?,
                None => None,
            };
            views::repatriation(&r, person.as_ref())
                .print_one(ctx.format, &mut std::io::stdout().lock())
        }
    }
}

pub fn handover(ctx: &Ctx, args: HandoverArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let old = find(store.conn(), &args.repatriation)?;
    let to: HandoverTo = args.to.parse()?;
    let on = parse_date(&args.on)?;
    let receiver = args.receiver_name.as_deref().and_then(parse_text);
    let relation = args.receiver_relation.as_deref().and_then(parse_text);
    check_handover(
        &old,
        to,
        on,
        ctx.clock.today,
        receiver.as_deref(),
        relation.as_deref(),
    )?;
    let mut r = old.clone();
    r.handed_over_to = Some(to);
    r.handed_over_on = Some(on);
    r.handover_record_number = args.record_number.as_deref().and_then(parse_text);
    r.receiver_name = receiver;
    r.receiver_relation = relation;
    r.witness = args.witness.as_deref().and_then(parse_text);
    r.updated_at = ctx.clock.timestamp();
    let actor = ctx.actor();
    store.write(|tx| {
        db::repatriations::update(tx, &r)?;
        let mut changes = audit::diff(&old.fields(), &r.fields());
        changes.extend([
            ("receiver_name".into(), None, r.receiver_name.clone()),
            ("witness".into(), None, r.witness.clone()),
        ]);
        audit::record(tx, &actor, "repatriation", &r.uid, "handover", &changes)
    })?;
    ctx.say(&t!(Msg::HandedOver, r.repatriation_number, to.label(), on))
}
