//! The question of `recommend-passport`: which placement (the verdict itself is shown and asked
//! about by the command).

use anyhow::Result;

use super::RecommendArgs;
use crate::commands::form::ask::placement;
use crate::commands::form::Form;
use crate::context::Ctx;
use crate::domain::Stage;
use crate::prompt::{Prompter, Terminal};

/// Asks which placement, when it was not named.
pub(super) fn ask(ctx: &Ctx, args: &mut RecommendArgs) -> Result<()> {
    if !ctx.interactive || args.placement.is_some() {
        return Ok(());
    }
    let store = ctx.open()?;
    let conn = store.conn();
    let mut terminal = Terminal;
    let mut form = Form::new(Some(&mut terminal as &mut dyn Prompter));
    let today = ctx.clock.today;
    placement(&mut form, &mut args.placement, conn, |p| {
        match matches!(p.stage, Stage::Registered | Stage::Recommended) {
            true => Ok(()),
            false => p.clone().apply(
                crate::domain::placement::StageEvent::Recommend,
                today,
                today,
            ),
        }
    })?;
    Ok(())
}
