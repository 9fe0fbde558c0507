//! `return`: a departed worker came home.

use anyhow::Result;
use clap::Args;

use super::form::ask::{clear_slot, confirmed, placement};
use super::form::{day_first, given};
use super::stage::move_placement;
use crate::context::Ctx;
use crate::domain::date::parse_date;
use crate::domain::placement::StageEvent;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;

#[derive(Args, Debug)]
pub struct ReturnArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// Return date
    #[arg(long, value_name = "DATE", required = true)]
    pub on: Option<String>,
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "return",
    &[
        ex(
            "Pulang setelah kontrak selesai",
            "Home after the contract",
            "pmi-desk return REG-2023-00002 --on 01-12-2025",
        ),
        ex(
            "Dengan NIK",
            "By NIK",
            "pmi-desk return 1371021508900001 --on 2025-12-01",
        ),
    ],
)];

impl crate::commands::Run for ReturnArgs {
    const EXAMPLES: Examples = EXAMPLES;
    const ASKS: &'static [&'static str] = &["return"];

    fn name(&self) -> &'static str {
        "return"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, mut args: ReturnArgs) -> Result<()> {
    ask(ctx, &mut args)?;
    let on = parse_date(given(&args.on))?;
    move_placement(ctx, given(&args.placement), |_, placement| {
        placement
            .apply(StageEvent::Return, on, ctx.clock.today)
            .map_err(Into::into)
    })
}

/// On a terminal, asks for what the options left out.
fn ask(ctx: &Ctx, args: &mut ReturnArgs) -> Result<()> {
    if !ctx.interactive {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let today = ctx.clock.today;
    confirmed(
        args,
        |a, form| {
            let (found, _) = placement(form, &mut a.placement, conn, |p| {
                p.clone()
                    .apply(StageEvent::Return, today, today)
                    .map(|_| ())
            })?;
            form.need(
                &mut a.on,
                "--on",
                Msg::AskReturnedOn,
                Some(day_first(today)),
                |s| {
                    let on = parse_date(s)?;
                    found.clone().apply(StageEvent::Return, on, today)?;
                    Ok(on)
                },
            )?;
            Ok(Vec::new())
        },
        |a, name| {
            clear_slot(
                &mut [("<PLACEMENT>", &mut a.placement), ("--on", &mut a.on)],
                name,
            )
        },
    )?;
    Ok(())
}
