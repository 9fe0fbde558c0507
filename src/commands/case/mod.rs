//! `case show|list` and the follow-up commands (`note`, `act`, `refer`, `resolve`, `close`,
//! `reopen`) in `follow`.

mod follow;

use std::io::Write;

use anyhow::Result;
use rusqlite::Connection;
use serde_json::json;

use crate::cli::{CaseCommand, CaseListArgs};
use crate::context::Ctx;
use crate::db;
use crate::domain::case::{deadlines_passed, Case, Overdue};
use crate::domain::date::parse_date;
use crate::error::refused;
use crate::i18n::Msg;
use crate::output::{column, row_limit, Cell, Format};
use crate::settings;
use crate::views;
use crate::{pager, t};

pub fn find(conn: &Connection, key: &str) -> Result<Case> {
    db::cases::by_number_or_uid(conn, key)?.ok_or_else(|| refused(t!(Msg::CaseNotFound, key)))
}

pub fn run(ctx: &Ctx, command: CaseCommand) -> Result<()> {
    match command {
        CaseCommand::Show { case } => show(ctx, &case),
        CaseCommand::List(args) => list(ctx, args),
        other => follow::run(ctx, other),
    }
}

fn show(ctx: &Ctx, key: &str) -> Result<()> {
    let store = ctx.open()?;
    let conn = store.conn();
    let case = find(conn, key)?;
    let person = match &case.person_uid {
        Some(uid) => db::persons::by_uid(conn, uid)?,
        None => None,
    };
    let placements = match &person {
        Some(p) => db::placements::of_person(conn, &p.uid)?,
        None => Vec::new(),
    };
    let main = views::case(&case, person.as_ref());
    let timeline = views::case_events(&db::cases::events(conn, &case.uid)?);
    let placements = match &person {
        Some(p) => views::placements_of(p, placements),
        None => views::placement_list(std::iter::empty()),
    };
    let out = &mut pager::start(ctx.format);
    match ctx.format {
        Format::Json => {
            let value = json!({"record": main.row_json(&main.rows[0]), "events": timeline.to_json(), "placements": placements.to_json()});
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)?;
        }
        Format::Csv => timeline.print_csv(out)?,
        Format::Table => {
            main.print_one(Format::Table, out)?;
            views::section(out, &t!(Msg::SectionTimeline), &timeline)?;
            views::section(out, &t!(Msg::SectionPlacements), &placements)?;
        }
    }
    Ok(())
}

fn list(ctx: &Ctx, args: CaseListArgs) -> Result<()> {
    let store = ctx.open()?;
    let conn = store.conn();
    let filter = db::cases::Filter {
        status: args.status.as_deref().map(str::parse).transpose()?,
        category: args.category.as_deref().map(str::parse).transpose()?,
        country: args.country.as_deref().map(str::parse).transpose()?,
        from: args.from.as_deref().map(parse_date).transpose()?,
        to: args.to.as_deref().map(parse_date).transpose()?,
        clerk: args.mine.then(|| ctx.clerk.clone()),
        open_only: args.overdue,
        // Which open cases are overdue is known only once their timelines are read: all of them.
        limit: None,
    };
    let limit = row_limit(ctx.format, args.rows.limit, args.rows.all);
    if args.overdue {
        return list_overdue(ctx, conn, &filter, limit);
    }
    let cut = db::cases::Filter { limit, ..filter };
    let cases = db::cases::list(conn, &cut)?;
    let total = db::filter::total(cases.len(), limit, || db::cases::count(conn, &cut))?;
    crate::commands::print_listing(ctx, &views::case_list(&cases), total)
}

/// `case list --overdue`: which open cases are overdue is known only once their timelines are
/// read, so every open case is weighed (timelines read in one query); names are looked up for
/// the rows shown only.
fn list_overdue(
    ctx: &Ctx,
    conn: &rusqlite::Connection,
    filter: &db::cases::Filter,
    limit: Option<i64>,
) -> Result<()> {
    let holidays = settings::holiday_dates(conn)?;
    let mut late = Vec::new();
    for (uid, timeline) in db::cases::timelines(conn, filter)? {
        for reason in deadlines_passed(&timeline, ctx.clock.today, &holidays) {
            late.push((uid.clone(), reason));
        }
    }
    let total = late.len() as i64;
    if let Some(n) = limit {
        late.truncate(n as usize);
    }
    let cases = db::cases::by_uids(conn, late.iter().map(|(uid, _)| uid.as_str()))?;
    let names = db::persons::names(conn, cases.values().filter_map(|c| c.person_uid.as_deref()))?;
    let late: Vec<(&Case, Overdue)> = late
        .into_iter()
        .filter_map(|(uid, reason)| cases.get(&uid).map(|c| (c, reason)))
        .collect();
    let shown: Vec<(Case, Option<String>)> = late
        .iter()
        .map(|(c, _)| {
            let name = c.person_uid.as_ref().and_then(|u| names.get(u).cloned());
            ((*c).clone(), name)
        })
        .collect();
    let mut records = views::case_list(&shown);
    // What a clerk acts on: which case, whose, the whole reason it could be closed for, and how
    // long it has waited; the rest (all of them open) only with --wide.
    for c in &mut records.columns {
        if !["case_number", "full_name"].contains(&c.key.as_str()) {
            c.wide_only = true;
        }
    }
    records.columns.extend([
        column("closure_reason", t!(Msg::HeadWouldClose)).whole(),
        column("waiting_since", t!(Msg::HeadWaitingSince)).wide(),
        column("waited", t!(Msg::HeadWaited)),
    ]);
    for (row, (_, late)) in records.rows.iter_mut().zip(&late) {
        row.extend([
            Cell::code(late.reason.code(), late.reason.label()),
            Cell::text(late.since.to_string()),
            Cell::number(late.waited),
        ]);
    }
    crate::commands::print_listing(ctx, &records, total)
}
