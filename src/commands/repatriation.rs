//! `repatriation list|show` and `handover`.

use anyhow::Result;

use super::form::given;
use crate::cli::{HandoverArgs, RepatriationCommand, YesNo};
use crate::context::Ctx;
use crate::db::{self, records};
use crate::domain::audit::Action;
use crate::domain::date::parse_date;
use crate::domain::repatriation::{check_handover, handover_record_number, Repatriation};
use crate::domain::rules;
use crate::domain::text;
use crate::domain::HandoverTo;
use crate::error::refused;
use crate::i18n::Msg;
use crate::output::row_limit;
use crate::settings;
use crate::views;
use crate::{pager, t};
use chrono::Datelike;

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
            rows,
        } => {
            let filter = db::repatriations::Filter {
                category: category.as_deref().map(str::parse).transpose()?,
                from: from.as_deref().map(parse_date).transpose()?,
                to: to.as_deref().map(parse_date).transpose()?,
                regency: regency.as_deref().map(str::parse).transpose()?,
                handed_over: handed_over.map(|h| h == YesNo::Yes),
                limit: row_limit(ctx.format, rows.limit, rows.all),
            };
            let listed = db::repatriations::list(conn, &filter)?;
            let total = db::filter::total(listed.len(), filter.limit, || {
                db::repatriations::count(conn, &filter)
            })?;
            crate::commands::print_listing(ctx, &views::repatriation_list(&listed), total)
        }
        RepatriationCommand::Show { repatriation } => {
            let r = find(conn, &repatriation)?;
            let person = match &r.person_uid {
                Some(uid) => db::persons::by_uid(conn, uid)?,
                None => None,
            };
            views::repatriation(&r, person.as_ref())
                .print_one(ctx.format, &mut pager::start(ctx.format))
        }
    }
}

pub fn handover(ctx: &Ctx, mut args: HandoverArgs) -> Result<()> {
    super::ask::handover(ctx, &mut args)?;
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let to: HandoverTo = given(&args.to).parse()?;
    let on = parse_date(given(&args.on))?;
    let receiver = text::line(args.receiver_name.as_deref())?;
    let relation = text::line(args.receiver_relation.as_deref())?;
    let record_number = text::line(args.record_number.as_deref())?;
    let actor = ctx.actor();
    let r = store.write(|tx| {
        let old = find(tx, given(&args.repatriation))?;
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
        // The berita acara is numbered by this office unless the clerk gives its number.
        r.handover_record_number = match &record_number {
            Some(n) => Some(n.clone()),
            None => Some(db::numbers::next(
                tx,
                db::numbers::Series::Handover,
                on.year(),
                |n| handover_record_number(&office.code, on.year(), n),
            )?),
        };
        r.receiver_name = receiver.clone();
        r.receiver_relation = relation.clone();
        r.witness = text::line(args.witness.as_deref())?;
        rules::refuse(rules::repatriation(&r, ctx.clock.today))?;
        records::change(tx, &actor, Action::Handover.as_str(), &old, r)
    })?;
    ctx.say(&t!(Msg::HandedOver, r.reference(), to.label(), on))
}
