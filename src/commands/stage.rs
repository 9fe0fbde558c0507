//! Moving a placement through the stage machine, audited, for `depart`, `cancel` and `return`.
//! Each loads, checks and writes inside one transaction, so two clerks acting on one placement at
//! once cannot both win: the second sees the first's result and is refused by the stage machine.

use crate::i18n::Label;
use anyhow::Result;

use super::lookup;
use crate::context::Ctx;
use crate::db::{records, Tx};
use crate::domain::audit::Action;
use crate::domain::placement::Placement;
use crate::domain::rules;
use crate::i18n::Msg;
use crate::t;

/// Loads the placement inside the transaction, lets `decide` move it, saves it audited.
pub(super) fn move_placement(
    ctx: &Ctx,
    key: &str,
    decide: impl FnOnce(&Tx, &mut Placement) -> Result<()>,
) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor();
    let saved = store.write(|tx| {
        let (old, person) = lookup::placement(tx, key)?;
        let mut placement = old.clone();
        decide(tx, &mut placement)?;
        rules::refuse(rules::placement(
            &placement,
            person.birth_date,
            ctx.clock.today,
        ))?;
        records::change(tx, &actor, Action::Update.as_str(), &old, placement)
    })?;
    ctx.say(&t!(
        Msg::StageChanged,
        saved.reference(),
        saved.stage.label()
    ))
}
