//! `report`: the published statistics for a period, as of a date, optionally compared with an
//! earlier period; to the terminal or a file.

use std::io::Write;

use anyhow::Result;

use crate::cli::ReportArgs;
use crate::context::Ctx;
use crate::domain::date::parse_date;

use crate::i18n::Msg;
use crate::report::period::{Period, PeriodArgs};
use crate::report::{self, summary, Kind};
use crate::settings;
use crate::t;

pub fn run(ctx: &Ctx, args: ReportArgs) -> Result<()> {
    let store = ctx.open()?;
    let conn = store.conn();
    let as_of = args
        .as_of
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(ctx.clock.today);
    let period = Period::from_args(
        &PeriodArgs {
            from: args.from.as_deref(),
            to: args.to.as_deref(),
            year: args.year.as_deref(),
            month: args.month.as_deref(),
            ytd: args.ytd,
        },
        as_of,
    )?;
    let dims = report::dimensions(args.kind, &args.by)?;
    let bytes = if args.kind == Kind::Summary {
        let office = settings::office(conn)?;
        report::render_summary(
            &summary::build_summary(conn, period, as_of)?,
            &office.name,
            ctx.format,
        )?
    } else {
        report::render(
            &report::build(conn, args.kind, &dims, period, as_of, args.compare)?,
            ctx.format,
        )?
    };
    match &args.out {
        None => crate::pager::start(ctx.format).write_all(&bytes)?,
        Some(path) => {
            crate::db::write_private_file(path, &bytes)?;
            ctx.say(&t!(Msg::ReportWritten, path.display()))?;
        }
    }
    Ok(())
}
