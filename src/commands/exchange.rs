//! `exchange status|key|trust|forget`: the exchange with other offices as this office sees it:
//! every other site it knows (its office, its key and since when, its last folder), which of each
//! site's changes are held and which are missing (holes: a folder not received), what was last sent
//! to each recipient; and the keys folders are signed with.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::db::{self, site};
use crate::domain::audit::{Action, RecordKind};
use crate::domain::version::Site;
use crate::error::refused;
use crate::exchange::sign;
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::outfile::{OutKind, Output};
use crate::output::{column, Cell, Format, Records};
use crate::{settings, t};

#[derive(Subcommand, Debug)]
pub enum ExchangeCommand {
    /// Each other office: its key, its last folder, what is missing from it; what was sent to whom
    Status,
    /// This office's key file, to give another office before the first folder
    Key {
        /// Write the key file here (else print it)
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
        /// Replace a key file pmi-desk wrote there before (never any other file)
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Learn another office's key from its key file (`exchange key`), before its first folder
    Trust {
        /// The key file
        file: std::path::PathBuf,
    },
    /// Forget the key of a site that reinstalled pmi-desk (its next folder teaches the new one)
    Forget {
        /// The site id (from `exchange status`)
        #[arg(value_name = "SITE")]
        site: String,
    },
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "exchange",
        &[
            ex(
                "Dari siapa menerima, apa yang belum tiba",
                "Whom folders came from, what has not arrived",
                "pmi-desk exchange status",
            ),
            ex(
                "Berkas kunci kantor ini untuk BP2MI",
                "This office's key file for BP2MI",
                "pmi-desk exchange key --out kunci-bp3mi-sb.json",
            ),
        ],
    ),
    (
        "exchange status",
        &[
            ex("Ringkasan", "Summary", "pmi-desk exchange status"),
            ex(
                "Untuk skrip",
                "For a script",
                "pmi-desk exchange status --format json",
            ),
        ],
    ),
    (
        "exchange key",
        &[
            ex("Tampilkan", "Print it", "pmi-desk exchange key"),
            ex(
                "Ke berkas",
                "To a file",
                "pmi-desk exchange key --out kunci-bp3mi-sb.json",
            ),
        ],
    ),
    (
        "exchange trust",
        &[
            ex(
                "Kunci Disnaker Agam sebelum folder pertamanya",
                "Disnaker Agam's key before its first folder",
                "pmi-desk exchange trust kunci-agam.json",
            ),
            ex(
                "Dalam bahasa Indonesia",
                "In Indonesian",
                "pmi-desk --lang id exchange trust kunci-agam.json",
            ),
        ],
    ),
    (
        "exchange forget",
        &[
            ex(
                "Situs yang memasang ulang pmi-desk",
                "A site that reinstalled pmi-desk",
                "pmi-desk exchange forget 1610aba2cd153922",
            ),
            ex(
                "Dalam bahasa Indonesia",
                "In Indonesian",
                "pmi-desk --lang id exchange forget 1610aba2cd153922",
            ),
        ],
    ),
];

impl crate::commands::Run for ExchangeCommand {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "exchange"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, command: ExchangeCommand) -> Result<()> {
    match command {
        ExchangeCommand::Status => status(ctx),
        ExchangeCommand::Key { out, force } => key(ctx, out, force),
        ExchangeCommand::Trust { file } => trust(ctx, &file),
        ExchangeCommand::Forget { site } => forget(ctx, &site),
    }
}

fn ranges(r: &[(i64, i64)]) -> String {
    r.iter()
        .map(|(a, b)| format!("{a}..{b}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn status(ctx: &Ctx) -> Result<()> {
    let store = ctx.open()?;
    let conn = store.conn();
    let office = settings::office(conn)?;
    let own = site::own(conn)?;
    let peers: Vec<_> = site::peers(conn)?
        .into_iter()
        .filter(|p| p.site != own.site)
        .collect();
    let holes = site::holes(conn)?;
    let cursors = site::cursors(conn)?;
    let pending = db::merge::pending(conn)?;
    if ctx.format == Format::Json {
        let doc = serde_json::json!({
            "office": office.code,
            "site": own.site.to_string(),
            "key_fingerprint": sign::fingerprint(&own.public_key_text()),
            "sites": peers.iter().map(|p| serde_json::json!({
                "site": p.site.to_string(),
                "office": p.office_code,
                "key_fingerprint": p.public_key.as_deref().map(sign::fingerprint),
                "trusted_on": p.trusted_on,
                "trusted_by": p.trusted_by,
                "last_folder_made": p.last_exported_at,
                "last_folder_imported": p.last_imported_at,
                "held": site::held(conn, p.site).unwrap_or_default(),
            })).collect::<Vec<_>>(),
            "holes": holes.iter().map(|h| serde_json::json!({
                "site": h.site.to_string(), "office": h.office, "from": h.from, "to": h.to,
            })).collect::<Vec<_>>(),
            "sent": cursors.iter().map(|(to, seq, at, folder)| serde_json::json!({
                "to": to, "seq": seq, "exported_at": at, "folder": folder,
            })).collect::<Vec<_>>(),
            "held_rows": pending.len(),
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(());
    }
    ctx.say(&t!(
        Msg::ExchangeThisSite,
        office.code,
        own.site,
        sign::fingerprint(&own.public_key_text())
    ))?;
    let mut rows = Vec::new();
    for p in &peers {
        let held = site::held(conn, p.site)?;
        rows.push(vec![
            Cell::text(&p.office_code),
            Cell::text(p.site.short()),
            Cell::text(match &p.public_key {
                Some(k) => format!(
                    "{} ({})",
                    sign::fingerprint(k),
                    p.trusted_on
                        .as_deref()
                        .map(|d| &d[..10.min(d.len())])
                        .unwrap_or("")
                ),
                None => t!(Msg::ExchangeNoKey),
            }),
            Cell::text(
                p.last_imported_at
                    .as_deref()
                    .map(|d| d[..10.min(d.len())].to_string())
                    .unwrap_or_default(),
            ),
            Cell::text(ranges(&held)),
        ]);
    }
    if rows.is_empty() {
        ctx.say(&t!(Msg::ExchangeNoPeers))?;
    } else {
        Records {
            columns: vec![
                column("office", t!(Msg::HeadOffice)),
                column("site", t!(Msg::HeadSite)).whole(),
                column("key", t!(Msg::HeadKey)),
                column("last_imported_on", t!(Msg::HeadLastFolder)),
                column("held", t!(Msg::HeadHeldChanges)),
            ],
            rows,
        }
        .print(ctx.format, &mut std::io::stdout().lock())?;
    }
    for h in &holes {
        ctx.warn(&t!(
            Msg::ImportHole,
            h.office,
            h.site.short(),
            h.from,
            h.to,
            office.code,
            h.from - 1
        ));
    }
    if !pending.is_empty() {
        ctx.warn(&t!(Msg::ImportHeldRows, pending.len()));
    }
    if cursors.is_empty() {
        return ctx.say(&t!(Msg::ExchangeNothingSent));
    }
    Records {
        columns: vec![
            column("to", t!(Msg::HeadRecipient)),
            column("seq", t!(Msg::HeadUpTo)),
            column("exported_at", t!(Msg::HeadWhen)),
            column("folder", t!(Msg::HeadFolder)),
        ],
        rows: cursors
            .iter()
            .map(|(to, seq, at, folder)| {
                vec![
                    Cell::text(to),
                    Cell::number(*seq),
                    Cell::text(&at[..16.min(at.len())]),
                    Cell::text(folder),
                ]
            })
            .collect(),
    }
    .print(ctx.format, &mut std::io::stdout().lock())
}

fn key(ctx: &Ctx, out: Option<std::path::PathBuf>, force: bool) -> Result<()> {
    let mut store = ctx.open()?;
    let output = out
        .as_deref()
        .map(|path| Output::prepare(store.conn(), &ctx.db_path, path, OutKind::Key, force))
        .transpose()?;
    let office = settings::office(store.conn())?;
    let own = site::own(store.conn())?;
    let doc = serde_json::json!({
        "format": "pmi-desk-site-key",
        "office_code": office.code,
        "site_id": own.site.to_string(),
        "public_key": own.public_key_text(),
    });
    let text = format!("{}\n", serde_json::to_string_pretty(&doc)?);
    match output {
        Some(mut output) => {
            output.write(text.as_bytes())?;
            let actor = ctx.actor();
            store.write(|tx| output.record(tx, &actor))?;
            let path = output.path().to_path_buf();
            output.place()?;
            ctx.say(&t!(
                Msg::ExchangeKeyWritten,
                path.display(),
                sign::fingerprint(&own.public_key_text())
            ))
        }
        None => {
            print!("{text}");
            // The fingerprint to read out over the phone, beside (never inside) the key file.
            eprintln!(
                "{}",
                t!(
                    Msg::ExchangeKeyFingerprint,
                    sign::fingerprint(&own.public_key_text())
                )
            );
            Ok(())
        }
    }
}

fn trust(ctx: &Ctx, file: &std::path::Path) -> Result<()> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(64 * 1024).read_to_string(&mut text))
        .map_err(|e| refused(t!(Msg::FileUnreadable, file.display(), e)))?;
    let bad = || refused(t!(Msg::ExchangeKeyFileInvalid, file.display()));
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|_| bad())?;
    if doc["format"] != "pmi-desk-site-key" {
        return Err(bad());
    }
    let site = doc["site_id"]
        .as_str()
        .and_then(|s| Site::parse(s).ok())
        .ok_or_else(bad)?;
    let office = doc["office_code"]
        .as_str()
        .and_then(|o| settings::office_code(o).ok())
        .ok_or_else(bad)?;
    let key = doc["public_key"]
        .as_str()
        .filter(|k| sign::public_key(k).is_some())
        .ok_or_else(bad)?
        .to_string();
    let mut store = ctx.open()?;
    let now = ctx.clock.timestamp();
    let actor = ctx.actor();
    store.write(|tx| {
        if site == tx.site() {
            return Err(refused(t!(Msg::ExchangeOwnSite, site)));
        }
        if let Some(p) = site::peer(tx, site)? {
            if p.public_key.as_deref().is_some_and(|k| k != key) {
                return Err(refused(t!(Msg::ExchangeKeyDiffers, p.office_code, site)));
            }
        }
        site::trust(
            tx,
            site,
            &office,
            &key,
            "KEY_FILE",
            now.as_str(),
            tx.next_seq(),
        )?;
        db::audit::note(
            tx,
            &actor,
            RecordKind::Site,
            &site.to_string(),
            Action::Trust,
            &[
                ("office_code".into(), None, Some(office.clone())),
                ("public_key".into(), None, Some(key.clone())),
            ],
        )
    })?;
    ctx.say(&t!(
        Msg::ExchangeTrusted,
        office,
        site.short(),
        sign::fingerprint(&key)
    ))
}

fn forget(ctx: &Ctx, site_text: &str) -> Result<()> {
    let text = site_text.trim().to_ascii_lowercase();
    if text.len() < 4 || text.len() > 16 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        Site::parse(site_text)?;
    }
    let mut store = ctx.open()?;
    let actor = ctx.actor();
    let site = store.write(|tx| {
        // The full id, or the first digits `exchange status` shows, if only one site has them.
        let matching: Vec<Site> = site::peers(tx)?
            .into_iter()
            .map(|p| p.site)
            .chain(std::iter::once(tx.site()))
            .filter(|s| s.to_string().starts_with(&text))
            .collect();
        let site = match matching.as_slice() {
            [one] => *one,
            [] => return Err(refused(t!(Msg::ExchangeUnknownSite, text))),
            _ => return Err(refused(t!(Msg::ExchangeSiteAmbiguous, text))),
        };
        if site == tx.site() {
            return Err(refused(t!(Msg::ExchangeOwnSite, site)));
        }
        if !site::forget_key(tx, site)? {
            return Err(refused(t!(Msg::ExchangeUnknownSite, site)));
        }
        db::audit::note(
            tx,
            &actor,
            RecordKind::Site,
            &site.to_string(),
            Action::Forget,
            &[],
        )?;
        Ok(site)
    })?;
    ctx.say(&t!(Msg::ExchangeForgotten, site))
}
