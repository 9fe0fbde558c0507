//! `import PATH`: a folder, one CSV file or a workbook from another office. A folder signed by its
//! site (version 2) is merged so that offices converge (`signed`); anything else (a folder of an
//! older pmi-desk, one made by hand or edited in a spreadsheet, a workbook, a single file) is read
//! only with `--unsigned`, as from an unknown sender, under the rules of version 1 (`unsigned`).

mod signed;
mod unsigned;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::context::Ctx;
use crate::db::{self, site};
use crate::error::{refused, storage};
use crate::exchange::read::{self, ErrorList, ImportError, Manifest, Table};
use crate::exchange::{sign, workbook, FileKind};
use crate::help::examples::{ex, Examples};
use crate::i18n::Msg;
use crate::outfile::{self, OutFormat, OutKind, Output};
use crate::settings;
use crate::t;
use clap::Args;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// An exchange folder, one CSV file (its kind is recognised from its header), or an .xlsx
    /// workbook with a sheet per file
    pub path: PathBuf,
    /// Check everything and report what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also write every error and conflict as CSV (kind, file, line, column, value, reason),
    /// when there are any; a new .csv file, or with --force an error list pmi-desk wrote before
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Replace an error list pmi-desk wrote to the --errors file before (never any other file)
    #[arg(long, requires = "errors")]
    pub force: bool,
    /// Store rows with warnings (a NIK that disagrees with the sex or birth date), as register does
    /// (folders of an older pmi-desk and unsigned folders; a signed folder's warnings travel with
    /// its records and new ones wait for review)
    #[arg(long)]
    pub accept_warnings: bool,
    /// Accept a folder without a valid signature (made by hand, edited in a spreadsheet, from an
    /// older pmi-desk, a workbook or a single file): read as from an unknown sender, under the
    /// rules of version 1
    #[arg(long)]
    pub unsigned: bool,
}

/// Folders larger than this are imported in bulk mode when the database is not shared at the time.
const BULK_BYTES: u64 = 32 << 20;

/// What an import reads: its tables, the manifest, where cells are in a workbook.
pub(crate) struct Source {
    tables: Vec<Table>,
    manifest: Option<Manifest>,
    places: workbook::Places,
    /// The bytes of the files (for the bulk mode and the progress bar).
    bytes: u64,
    is_workbook: bool,
    is_folder: bool,
}

fn open(path: &Path, warnings: &mut Vec<String>) -> Result<Source> {
    type Files = Vec<(Option<FileKind>, PathBuf, Option<(i64, String)>)>;
    let mut source = Source {
        tables: Vec::new(),
        manifest: None,
        places: workbook::Places::default(),
        bytes: 0,
        is_workbook: false,
        is_folder: false,
    };
    let files: Files = if !path.is_dir() && workbook::looks_like_workbook(path) {
        let book = workbook::read::open(path, warnings)?;
        source.tables = book.tables;
        source.places = book.places;
        source.manifest = book.manifest;
        source.is_workbook = true;
        Vec::new()
    } else if path.is_dir() {
        let (found, manifest) = read::folder_files(path, warnings)?;
        source.manifest = manifest;
        source.is_folder = true;
        found
            .into_iter()
            .map(|(k, p, expected)| (Some(k), p, expected))
            .collect()
    } else if path.exists() {
        vec![(None, path.to_path_buf(), None)]
    } else {
        return Err(storage(t!(
            Msg::FileUnreadable,
            path.display(),
            t!(Msg::NotFound)
        )));
    };
    source.bytes = files
        .iter()
        .filter_map(|(_, p, _)| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    for (kind, path, expected) in &files {
        let mut table = read::open(path, *kind)?;
        table.expected = expected.clone();
        source.tables.push(table);
    }
    for table in &source.tables {
        if !table.unknown.is_empty() {
            warnings.push(t!(
                Msg::ImportUnknownColumns,
                table.name,
                table.unknown.join(", ")
            ));
        }
    }
    Ok(source)
}

/// Who vouches for what is read.
pub(crate) enum Trust {
    /// A folder signed by the key of the site it names.
    Signed {
        site: crate::domain::version::Site,
        office: String,
        key: String,
        /// Its key is learned now (the first folder from it).
        first: bool,
    },
    /// Nobody: why not, in the clerk's words.
    Unsigned(String),
}

fn trust(conn: &rusqlite::Connection, source: &Source) -> Result<Trust> {
    if source.is_workbook {
        return Ok(Trust::Unsigned(t!(Msg::UnsignedWorkbook)));
    }
    if !source.is_folder {
        return Ok(Trust::Unsigned(t!(Msg::UnsignedSingleFile)));
    }
    let Some(m) = &source.manifest else {
        return Ok(Trust::Unsigned(t!(Msg::UnsignedNoManifest)));
    };
    let (Some(site), Some(key)) = (m.site, m.public_key.clone()) else {
        return Ok(Trust::Unsigned(t!(Msg::UnsignedOlder)));
    };
    let office = m.office_code.clone().unwrap_or_default();
    let Some(signature) = &m.signature else {
        return Ok(Trust::Unsigned(t!(Msg::UnsignedNoSignature)));
    };
    if !sign::verify(&key, &m.bytes, signature) {
        return Ok(Trust::Unsigned(t!(Msg::UnsignedBadSignature)));
    }
    let known = site::peer(conn, site)?;
    let own = site::own(conn)?;
    if site == own.site {
        if key != own.public_key_text() {
            return Ok(Trust::Unsigned(t!(
                Msg::UnsignedWrongKey,
                office,
                site,
                "-",
                site
            )));
        }
        return Ok(Trust::Signed {
            site,
            office,
            key,
            first: false,
        });
    }
    match known.and_then(|p| p.public_key.clone().map(|k| (k, p.trusted_on))) {
        Some((stored, on)) if stored != key => Ok(Trust::Unsigned(t!(
            Msg::UnsignedWrongKey,
            office,
            site,
            on.unwrap_or_default(),
            site
        ))),
        Some(_) => Ok(Trust::Signed {
            site,
            office,
            key,
            first: false,
        }),
        None => Ok(Trust::Signed {
            site,
            office,
            key,
            first: true,
        }),
    }
}

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[(
    "import",
    &[
        ex(
            "Periksa dulu tanpa menulis",
            "Check first, writing nothing",
            "pmi-desk import ekspor-2023-11-08 --dry-run",
        ),
        ex(
            "Impor, dengan daftar kesalahan sebagai CSV",
            "Import, with the errors as CSV",
            "pmi-desk import ekspor-2023-11-08 --errors kesalahan.csv",
        ),
        ex(
            "Satu berkas CSV (tanpa tanda tangan: pengirim tak dikenal)",
            "One CSV file (unsigned: an unknown sender)",
            "pmi-desk import placements.csv --unsigned",
        ),
        ex(
            "Buku kerja yang disunting di spreadsheet",
            "A workbook edited in a spreadsheet",
            "pmi-desk import data-2023-11-08.xlsx --unsigned --dry-run",
        ),
    ],
)];

impl crate::commands::Run for ImportArgs {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "import"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, args: ImportArgs) -> Result<()> {
    if let Some(path) = &args.errors {
        outfile::choose(path, &[OutFormat::Csv], "import --errors")?;
    }
    let store = ctx.open()?;
    // The error list's file is checked before anything is read or written.
    let errors_out = args
        .errors
        .as_deref()
        .map(|p| {
            Output::prepare(
                store.conn(),
                &ctx.db_path,
                p,
                OutKind::ImportErrors,
                args.force,
            )
        })
        .transpose()?;
    let office = settings::office(store.conn())?;
    let mut warnings = Vec::new();
    let source = open(&args.path, &mut warnings)?;
    for w in &warnings {
        ctx.warn(w);
    }
    match trust(store.conn(), &source)? {
        Trust::Signed {
            site,
            office: sender,
            key,
            first,
        } => signed::import(
            ctx,
            store,
            &office,
            source,
            signed::Sender {
                site,
                office: sender,
                key,
                first,
            },
            &args,
            errors_out,
        ),
        Trust::Unsigned(why) if args.unsigned => {
            ctx.warn(&t!(Msg::ImportAsUnknownSender, why));
            unsigned::import(ctx, store, &office, source, &args, errors_out)
        }
        Trust::Unsigned(why) => Err(refused(t!(Msg::ImportNeedsUnsigned, why))),
    }
}

/// The errors of a rejected import on standard error, the first `read::LISTED` of them and how many
/// more; the refusal to return. Escapes in the values are shown, never run; off a terminal (a
/// nightly script whose output is mailed) personal data is masked, whole only in `--errors FILE`.
fn rejected(errors: &ErrorList, places: &workbook::Places) -> anyhow::Error {
    use std::io::IsTerminal;
    let private = !std::io::stderr().is_terminal();
    for e in errors.listed() {
        let (value, reason) = if private {
            (
                crate::exchange::masked_for_log(&e.column, &e.value),
                crate::exchange::masked_niks(&e.reason),
            )
        } else {
            (e.value.clone(), e.reason.clone())
        };
        let line = format!(
            "{}: {} '{}': {}",
            places.place(&e.file, e.line, &e.column),
            e.column,
            value,
            reason
        );
        eprintln!("{}", crate::domain::text::visible(&line, false));
    }
    if errors.unlisted() > 0 {
        eprintln!(
            "{}",
            t!(Msg::ImportMoreErrors, errors.unlisted(), read::LISTED)
        );
    }
    if private && !errors.is_empty() {
        eprintln!("{}", t!(Msg::ImportErrorsMasked));
    }
    refused(t!(Msg::ImportRejected, errors.len()))
}

/// Rows refused on their own (the rest imported) listed on the terminal before "and N more".
const REFUSALS_LISTED: usize = 20;

/// The rows refused on their own, the first few by line and reason, then how many more.
fn warn_refused(ctx: &Ctx, refused: &ErrorList) {
    for r in refused.listed().iter().take(REFUSALS_LISTED) {
        ctx.warn(&format!("{}:{}: {}", r.file, r.line, r.reason));
    }
    if refused.len() > REFUSALS_LISTED {
        ctx.warn(&t!(Msg::ImportMoreRefused, refused.len() - REFUSALS_LISTED));
    }
}

/// `--errors FILE`: the errors listed (and a last line saying how many more), then every other
/// finding, as CSV; no file when there is nothing to list. Recorded in the audit log before it is
/// put in place.
fn write_report(
    ctx: &Ctx,
    store: &mut db::Store,
    mut output: Output,
    errors: &ErrorList,
    others: &[(&str, &ImportError)],
    places: &workbook::Places,
) -> Result<()> {
    if errors.is_empty() && others.is_empty() {
        return Ok(());
    }
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut out);
        w.write_record(["kind", "file", "line", "column", "value", "reason"])?;
        for e in errors.listed() {
            w.write_record([
                "error",
                e.file.as_str(),
                // For a workbook, the cell (`C5`).
                &places.line_or_cell(e),
                &e.column,
                &e.value,
                &e.reason,
            ])?;
        }
        if errors.unlisted() > 0 {
            let more = t!(Msg::ImportMoreErrors, errors.unlisted(), read::LISTED);
            w.write_record(["error", "", "", "", "", &more])?;
        }
        for (kind, e) in others {
            w.write_record([
                kind,
                e.file.as_str(),
                &places.line_or_cell(e),
                &e.column,
                &e.value,
                &e.reason,
            ])?;
        }
        w.flush()?;
    }
    output.write(&out)?;
    let actor = ctx.actor();
    store.write(|tx| output.record(tx, &actor))?;
    output.place()
}
