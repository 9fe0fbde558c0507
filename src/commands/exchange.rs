//! `export` and `import`: exchanging folders of CSV files with other offices.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::{ExportArgs, ImportArgs};
use crate::clock::Clock;
use crate::context::Ctx;
use crate::db::{self, audit};
use crate::error::{refused, storage};
use crate::exchange::export::{write_folder, Options};
use crate::exchange::import::Importer;
use crate::exchange::read::{self, ImportError};
use crate::exchange::FileKind;
use crate::i18n::Msg;
use crate::output::{column, Cell, Records};
use crate::settings;
use crate::t;

/// Where the last successful export's moment is kept.
const LAST_EXPORT: &str = "export.last";

pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let only = args
        .only
        .iter()
        .map(|k| FileKind::parse(k).ok_or_else(|| refused(t!(Msg::ExportKindUnknown, k))))
        .collect::<Result<Vec<_>>>()?;
    let since = match (&args.since, args.since_last) {
        (Some(s), _) => Some(Clock::parse(s)?.timestamp()),
        (None, true) => db::settings::get(store.conn(), LAST_EXPORT)?,
        (None, false) => None,
    };
    if args.out.exists() && !args.force {
        return Err(refused(t!(Msg::ExportExists, args.out.display())));
    }
    let name = args
        .out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let parent = args
        .out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let partial = parent.join(format!(".{name}.partial-{}", std::process::id()));
    db::create_private_dir(&partial)?;
    let exported_at = ctx.clock.timestamp();
    let on_terminal = std::io::stderr().is_terminal();
    let mut progress = |kind: FileKind, rows: usize| {
        if on_terminal {
            eprint!("\r{}: {rows}        ", kind.file_name());
        }
    };
    let options = Options {
        since: since.as_deref(),
        only: &only,
        mask: args.mask,
    };
    let written = match write_folder(
        store.conn(),
        &partial,
        &options,
        &office.code,
        &exported_at,
        &mut progress,
    ) {
        Ok(w) => w,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&partial);
            return Err(e);
        }
    };
    if on_terminal {
        eprintln!();
    }
    // The folder appears whole: written aside, then renamed into place.
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if args.out.exists() {
        std::fs::rename(&args.out, &old)
            .map_err(|e| storage(t!(Msg::FileCreateFailed, args.out.display(), e)))?;
    }
    std::fs::rename(&partial, &args.out)
        .map_err(|e| storage(t!(Msg::FileCreateFailed, args.out.display(), e)))?;
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    let actor = ctx.actor();
    let rows: Vec<String> = written
        .iter()
        .map(|w| format!("{} {}", w.kind.name(), w.rows))
        .collect();
    store.write(|tx| {
        if !args.mask && only.is_empty() {
            db::settings::set(tx, LAST_EXPORT, &exported_at)?;
        }
        audit::record(
            tx,
            &actor,
            "export",
            &args.out.display().to_string(),
            "export",
            &[("rows".into(), None, Some(rows.join(", ")))],
        )
    })?;
    ctx.say(&t!(Msg::ExportDone, args.out.display(), rows.join(", ")))
}

pub fn import(ctx: &Ctx, args: ImportArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let office = settings::office(store.conn())?;
    let mut warnings = Vec::new();
    let files: Vec<(Option<FileKind>, PathBuf)> = if args.path.is_dir() {
        read::folder_files(&args.path, &mut warnings)?
            .into_iter()
            .map(|(k, p)| (Some(k), p))
            .collect()
    } else if args.path.exists() {
        vec![(None, args.path.clone())]
    } else {
        return Err(storage(t!(
            Msg::FileUnreadable,
            args.path.display(),
            "not found"
        )));
    };
    let mut opened = Vec::new();
    for (kind, path) in &files {
        let file = read::open(path, *kind)?;
        if !file.unknown.is_empty() {
            warnings.push(t!(
                Msg::ImportUnknownColumns,
                file.name,
                file.unknown.join(", ")
            ));
        }
        opened.push(file);
    }
    for w in &warnings {
        ctx.warn(w);
    }
    let actor = ctx.actor();
    let dry_run = args.dry_run;
    let (counts, errors, conflicts) = store.write_if(|tx| {
        let mut importer = Importer::new(tx, actor.clone(), &office.code);
        for file in &mut opened {
            importer.file(file)?;
        }
        let commit = importer.errors.is_empty() && !dry_run;
        Ok((
            (importer.counts, importer.errors, importer.conflicts),
            commit,
        ))
    })?;
    if let Some(path) = &args.errors {
        write_errors(path, &errors)?;
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!(
                "{}:{}: {} '{}': {}",
                e.file, e.line, e.column, e.value, e.reason
            );
        }
        return Err(refused(t!(Msg::ImportRejected, errors.len())));
    }
    for c in &conflicts {
        ctx.warn(c);
    }
    let records = Records {
        columns: vec![
            column("file", t!(Msg::HeadFile)),
            column("inserted", t!(Msg::HeadInserted)),
            column("updated", t!(Msg::HeadUpdated)),
            column("unchanged", t!(Msg::HeadUnchanged)),
            column("merged", t!(Msg::HeadMerged)),
        ],
        rows: counts
            .iter()
            .map(|(kind, c)| {
                vec![
                    Cell::text(kind.file_name()),
                    Cell::number(c.inserted as i64),
                    Cell::number(c.updated as i64),
                    Cell::number(c.unchanged as i64),
                    Cell::number(c.merged as i64),
                ]
            })
            .collect(),
    };
    records.print(ctx.format, &mut std::io::stdout().lock())?;
    ctx.say(&t!(if dry_run {
        Msg::ImportDryRun
    } else {
        Msg::ImportDone
    }))
}

fn write_errors(path: &Path, errors: &[ImportError]) -> Result<()> {
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut out);
        w.write_record(["file", "line", "column", "value", "reason"])?;
        for e in errors {
            w.write_record([
                e.file.as_str(),
                &e.line.to_string(),
                &e.column,
                &e.value,
                &e.reason,
            ])?;
        }
        w.flush()?;
    }
    db::write_private_file(path, &out)
}
