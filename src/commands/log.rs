//! `log`: the audit log, optionally since a moment or for one record.

use anyhow::Result;

use crate::cli::LogArgs;
use crate::clock::Clock;
use crate::context::Ctx;
use crate::db::audit;
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::t;

pub fn run(ctx: &Ctx, args: LogArgs) -> Result<()> {
    let store = ctx.open()?;
    let since = args
        .since
        .as_deref()
        .map(Clock::parse)
        .transpose()?
        .map(|c| c.timestamp().to_string());
    let entries = audit::entries(store.conn(), since.as_deref(), args.record.as_deref())?;
    let records = Records {
        columns: vec![
            column("at", t!(Msg::HeadAt)),
            column("clerk", t!(Msg::HeadClerk)),
            column("command", t!(Msg::HeadCommand)),
            column("record_kind", t!(Msg::HeadRecordKind)),
            column("record_uid", t!(Msg::HeadRecord)),
            column("action", t!(Msg::HeadAction)),
            column("changes", t!(Msg::HeadChanges)),
        ],
        rows: entries
            .into_iter()
            .map(|e| {
                vec![
                    Cell::text(e.at),
                    Cell::text(e.clerk),
                    Cell::text(e.command),
                    Cell::text(e.record_kind),
                    Cell::text(e.record_uid),
                    Cell::text(e.action),
                    Cell::text(e.changes),
                ]
            })
            .collect(),
    };
    records.print(ctx.format, &mut std::io::stdout().lock())
}
