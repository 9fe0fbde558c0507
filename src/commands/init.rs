//! `init`: creates the database (private to the user) and records which office it belongs to.

use anyhow::Result;

use crate::cli::InitArgs;
use crate::context::Ctx;
use crate::db::{self, audit, OpenMode, Store};
use crate::error::refused;
use crate::i18n::Msg;
use crate::settings;
use crate::t;

pub fn run(ctx: &Ctx, args: InitArgs) -> Result<()> {
    let values = [
        (
            "office.code",
            (settings::find("office.code")?.check)(&args.office_code)?,
        ),
        (
            "office.name",
            (settings::find("office.name")?.check)(&args.office_name)?,
        ),
        (
            "office.province",
            (settings::find("office.province")?.check)(&args.province)?,
        ),
    ];
    if values[1].1.is_empty() {
        return Err(refused(t!(Msg::OfficeNameEmpty)));
    }
    let mut store = Store::open(&ctx.db_path, OpenMode::Create)?;
    // An office's identity is set once; renaming it is `config set office.name`, audited.
    let stored = |key: &str| db::settings::get(store.conn(), key);
    if let Some(code) = stored("office.code")? {
        let name = stored("office.name")?.unwrap_or_default();
        if code != values[0].1 || name != values[1].1 {
            return Err(refused(t!(
                Msg::OfficeAlreadyInitialised,
                ctx.db_path.display(),
                name,
                code
            )));
        }
    }
    let actor = ctx.actor();
    store.write(|tx| {
        for (key, value) in &values {
            let old = db::settings::get(tx, key)?;
            if old.as_deref() != Some(value.as_str()) {
                db::settings::set(tx, key, value)?;
                audit::record(
                    tx,
                    &actor,
                    "setting",
                    key,
                    "set",
                    &[(key.to_string(), old, Some(value.clone()))],
                )?;
            }
        }
        Ok(())
    })?;
    ctx.say(&t!(
        Msg::InitDone,
        values[1].1,
        values[0].1,
        ctx.db_path.display()
    ))
}
