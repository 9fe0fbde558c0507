//! `init`: creates the database (private to the user) and records which office it belongs to; on
//! a terminal it then asks for the office's paper (letterhead, signatory, city, immigration office),
//! Enter keeping what is there. Off a terminal it says which `config set` commands are still due.

use anyhow::Result;
use rusqlite::Connection;

use crate::context::Ctx;
use crate::db::{self, audit, OpenMode, Store};
use crate::domain::audit::{Action, RecordKind};
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::prompt::{Prompter, Terminal};
use crate::settings;
use crate::t;
use clap::Args;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Office unit code used in numbers and exports, e.g. BP3MI-SB
    #[arg(long, value_name = "CODE")]
    pub office_code: String,
    /// Office name, e.g. "BP3MI Sumatera Barat"
    #[arg(long, value_name = "NAME")]
    pub office_name: String,
    /// Province the office serves (Kemendagri code)
    // 13 for a new office when not given; an office's province is changed with `config set`.
    #[arg(long, value_name = "CODE")]
    pub province: Option<String>,
}

/// The paper settings `init` asks for, in order, with their question.
fn questions(office_name: &str) -> Vec<(&'static str, String)> {
    vec![
        ("letterhead.agency", t!(Msg::PromptLetterheadAgency)),
        (
            "letterhead.office",
            t!(Msg::PromptLetterheadOffice, office_name.to_uppercase()),
        ),
        ("letterhead.address", t!(Msg::PromptLetterheadAddress)),
        ("letterhead.phone", t!(Msg::PromptLetterheadPhone)),
        ("letterhead.logo", t!(Msg::PromptLetterheadLogo)),
        ("signatory.name", t!(Msg::PromptSignatoryName)),
        ("signatory.title", t!(Msg::PromptSignatoryTitle)),
        ("signatory.nip", t!(Msg::PromptSignatoryNip)),
        ("office.city", t!(Msg::PromptOfficeCity)),
        ("immigration.default", t!(Msg::PromptImmigrationDefault)),
    ]
}

/// Asks each paper setting; an empty answer keeps the current value. Returns what changed.
pub(crate) fn ask_paper(
    prompter: &mut dyn Prompter,
    conn: &Connection,
    office_name: &str,
) -> Result<Vec<(&'static str, String)>> {
    let mut changed = Vec::new();
    for (key, question) in questions(office_name) {
        let setting = settings::find(key)?;
        let now = settings::value(conn, key)?;
        // Enter alone keeps the current value, shown as the default.
        let current = (!now.is_empty()).then_some(now.as_str());
        let check = |answer: &str| {
            (setting.check)(answer)
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        if let Some(answer) = prompter.optional(&question, current, &check)? {
            let value = (setting.check)(&answer)?;
            if value != now {
                changed.push((setting.key, value));
            }
        }
    }
    Ok(changed)
}

/// The `config set` commands for the paper settings a letter needs and the office has not given.
fn still_due(conn: &Connection, ctx: &Ctx) -> Result<Vec<String>> {
    let db = ctx.db_hint();
    let mut due = Vec::new();
    for key in [
        "letterhead.agency",
        "letterhead.address",
        "signatory.name",
        "signatory.title",
        "signatory.nip",
        "office.city",
        "immigration.default",
    ] {
        if settings::value(conn, key)?.trim().is_empty() {
            due.push(format!("  {}", settings::fix_command(key, db)));
        }
    }
    Ok(due)
}

fn save(store: &mut Store, ctx: &Ctx, values: &[(&str, String)]) -> Result<()> {
    let actor = ctx.actor();
    store.write(|tx| {
        for (key, value) in values {
            let old = db::settings::get(tx, key)?;
            if old.as_deref() != Some(value.as_str()) {
                db::settings::set(tx, key, value)?;
                audit::note(
                    tx,
                    &actor,
                    RecordKind::Setting,
                    key,
                    Action::Set,
                    &[(key.to_string(), old, Some(value.clone()))],
                )?;
            }
        }
        Ok(())
    })
}

/// The province of a new office when `--province` is not given (West Sumatra).
const DEFAULT_PROVINCE: &str = "13";

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "init",
        &[
            ex(
                "Siapkan kantor BP3MI Sumatera Barat",
                "Set up the West Sumatra office",
                "pmi-desk init --office-code BP3MI-SB --office-name \"BP3MI Sumatera Barat\"",
            ),
            ex(
                "Kantor di provinsi lain, dengan berkas basis data sendiri",
                "An office in another province, with its own database file",
                "pmi-desk --db bp3mi-jateng.db init --office-code BP3MI-JT --office-name \"BP3MI Jawa Tengah\" --province 33",
            ),
        ],
    ),
];

impl crate::commands::Run for InitArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "init"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

/// "Kantor BP3MI Sumatera Barat", but "Kantor Provinsi Uji" as it is: the word `template` puts before
/// the name is left out when the name already begins with it.
fn office_named(template: Msg, name: &str) -> String {
    let word = t!(template, "");
    let first = name.split_whitespace().next().unwrap_or_default();
    match first.to_lowercase() == word.trim().to_lowercase() {
        true => name.to_string(),
        false => t!(template, name),
    }
}

pub(crate) fn run(ctx: &Ctx, args: InitArgs) -> Result<()> {
    let mut values = checked(&args)?;
    let mut store = Store::open(&ctx.db_path, OpenMode::Create)?;
    keep_identity(ctx, store.conn(), &args, &mut values)?;
    save(&mut store, ctx, &values)?;
    if unmark(&mut store, ctx)? {
        ctx.warn(&t!(Msg::InitDemoUnmarked, ctx.db_path.display()));
    }
    ctx.say(&t!(
        Msg::InitDone,
        office_named(Msg::OfficeNamed, &values[1].1),
        values[0].1,
        ctx.db_path.display()
    ))?;
    if ctx.interactive {
        let paper = ask_paper(&mut Terminal, store.conn(), &values[1].1)?;
        save(&mut store, ctx, &paper)?;
    }
    let due = still_due(store.conn(), ctx)?;
    if !due.is_empty() {
        ctx.say(&t!(Msg::InitPaperHint, due.join("\n")))?;
    }
    Ok(())
}

/// The office's code, name and province as given, each checked as `config set` checks it; a name
/// must say something.
fn checked(args: &InitArgs) -> Result<[(&'static str, String); 3]> {
    let province = args.province.as_deref().unwrap_or(DEFAULT_PROVINCE);
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
            (settings::find("office.province")?.check)(province)?,
        ),
    ];
    if values[1].1.is_empty() {
        return Err(refused(t!(Msg::OfficeNameEmpty)));
    }
    Ok(values)
}

/// An office's identity is set once; renaming it is `config set office.name`, audited. Run again,
/// `init` is refused for another code or name, and keeps the stored province.
fn keep_identity(
    ctx: &Ctx,
    conn: &Connection,
    args: &InitArgs,
    values: &mut [(&'static str, String); 3],
) -> Result<()> {
    let stored = |key: &str| db::settings::get(conn, key);
    let Some(code) = stored("office.code")? else {
        return Ok(());
    };
    let name = stored("office.name")?.unwrap_or_default();
    if code != values[0].1 || name != values[1].1 {
        return Err(refused(t!(
            Msg::OfficeAlreadyInitialised,
            ctx.db_path.display(),
            office_named(Msg::OfficeNamedInline, &name),
            code
        )));
    }
    // The province decides letters' and reports' defaults: never changed in passing by an
    // `init` run again (without `--province` it stays as it is).
    if let Some(stored) = stored("office.province")? {
        match &args.province {
            Some(_) if stored != values[2].1 => {
                return Err(refused(t!(
                    Msg::OfficeProvinceDiffers,
                    ctx.db_path.display(),
                    stored,
                    values[2].1
                )));
            }
            _ => values[2].1 = stored,
        }
    }
    Ok(())
}

/// `init` makes the database an office's own: a demo's mark goes (so that `demo --force` never
/// wipes what is registered from now on), and so does a backup's. True when it was a demo's.
fn unmark(store: &mut Store, ctx: &Ctx) -> Result<bool> {
    let actor = ctx.actor();
    store.write(|tx| {
        let demo = db::settings::remove(tx, db::DEMO_MARK)?;
        let backup = db::settings::remove(tx, db::BACKUP_MARK)?;
        if demo || backup {
            audit::note(
                tx,
                &actor,
                RecordKind::Database,
                "office",
                Action::Init,
                &[],
            )?;
        }
        Ok(demo)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompt::Scripted;

    /// A database in a temporary folder (removed when the folder is dropped).
    fn office(province: &str) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("office.db"), OpenMode::Create).unwrap();
        store
            .write(|tx| db::settings::set(tx, "office.province", province))
            .unwrap();
        (dir, store)
    }

    #[test]
    fn init_asks_for_the_paper_and_enter_keeps_what_is_there() {
        let (_dir, store) = office("13");
        let mut script = Scripted::new(&[
            "KEMENTERIAN PELINDUNGAN PEKERJA MIGRAN INDONESIA",
            "",
            "Jl. Khatib Sulaiman No. 1, Padang",
            "(0751) 123456",
            "",
            "Dra. Siti Aminah",
            "Kepala Balai",
            "197001012000032001",
            "",
            "",
        ]);
        let changed = ask_paper(&mut script, store.conn(), "BP3MI Sumatera Barat").unwrap();
        let keys: Vec<&str> = changed.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "letterhead.agency",
                "letterhead.address",
                "letterhead.phone",
                "signatory.name",
                "signatory.title",
                "signatory.nip"
            ]
        );
        // West Sumatra's city is shown as the current value, kept on Enter.
        assert_eq!(
            script.defaults[8].as_deref(),
            Some("Padang"),
            "{:?}",
            script.asked
        );
        assert!(script.asked[1].contains("BP3MI SUMATERA BARAT"));
    }

    #[test]
    fn an_office_elsewhere_is_asked_for_its_city_without_a_padang_default() {
        let (_dir, store) = office("35");
        let mut script = Scripted::new(&[
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Surabaya",
            "Kepala Kantor Imigrasi Kelas I TPI Surabaya",
        ]);
        let changed = ask_paper(&mut script, store.conn(), "BP3MI Jawa Timur").unwrap();
        assert!(!script.asked[8].contains("Padang"), "{:?}", script.asked);
        assert_eq!(
            changed,
            [
                ("office.city", "Surabaya".to_string()),
                (
                    "immigration.default",
                    "Kepala Kantor Imigrasi Kelas I TPI Surabaya".to_string()
                )
            ]
        );
    }

    #[test]
    fn a_logo_that_is_not_an_image_is_refused_at_the_question() {
        let (_dir, store) = office("13");
        let mut script = Scripted::new(&["", "", "", "", "/nonexistent/logo.png"]);
        assert!(ask_paper(&mut script, store.conn(), "X").is_err());
    }
}
