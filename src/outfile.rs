//! `--out FILE`: the file's format comes from its extension, and an extension the command cannot
//! write is a usage error (exit 2) before anything is written. Each command lists what it writes.
//!
//! Every file a command writes (`letter --out`, `report --out`, `query --out`, `import --errors`,
//! `exchange key --out`) follows one rule, `Output`: checked before anything is written (never the
//! database or its journals, never through a symbolic link, an existing file only with `--force`
//! and only if it is an earlier output of the same kind, unchanged since pmi-desk wrote it), written
//! aside private to its owner, recorded in the audit log, and only then put into place.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::db;
use crate::db::audit::{self, Actor};
use crate::domain::audit::{Action, RecordKind};
use crate::error::{refused, storage, usage};
use crate::i18n::Msg;
use crate::t;

/// What a file is, for the rule that `--force` replaces only an earlier file of the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutKind {
    Letter,
    Report,
    Query,
    ImportErrors,
    Key,
}

impl OutKind {
    pub fn code(self) -> &'static str {
        match self {
            OutKind::Letter => "letter",
            OutKind::Report => "report",
            OutKind::Query => "query",
            OutKind::ImportErrors => "import_errors",
            OutKind::Key => "key",
        }
    }

    fn label(self) -> String {
        t!(match self {
            OutKind::Letter => Msg::OutKindLetter,
            OutKind::Report => Msg::OutKindReport,
            OutKind::Query => Msg::OutKindQuery,
            OutKind::ImportErrors => Msg::OutKindImportErrors,
            OutKind::Key => Msg::OutKindKey,
        })
    }
}

/// The names of the database's own files: itself and what SQLite keeps beside it.
pub fn database_files(db_path: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| PathBuf::from(format!("{}{suffix}", db_path.display())))
        .collect()
}

/// The path with its folder made canonical (the file itself need not exist).
pub fn canonical(path: &Path) -> PathBuf {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let parent = std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf());
    match path.file_name() {
        Some(name) => parent.join(name),
        None => parent,
    }
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// Refuses `path` when it is the database or one of its journals: by name (the journals come and
/// go) and by the file itself (a hard link or another name for it).
pub fn refuse_database(path: &Path, db_path: &Path) -> Result<()> {
    let target = canonical(path);
    let meta = std::fs::metadata(path).ok();
    for file in database_files(db_path) {
        let by_name = canonical(&file) == target;
        let by_file = match (&meta, std::fs::metadata(&file)) {
            (Some(a), Ok(b)) => same_file(a, &b),
            _ => false,
        };
        if by_name || by_file {
            return Err(refused(t!(Msg::OutIsDatabase, path.display())));
        }
    }
    Ok(())
}

/// The SHA-256 of a file's bytes, in hex.
fn digest_of_file(path: &Path) -> Option<String> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).ok()?;
    Some(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Opens a file pmi-desk reads (a logo, an import file) without ever waiting: a FIFO or a device
/// is refused before anything is read (`InvalidInput`), never read for ever.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            t!(Msg::NotRegular),
        ));
    }
    Ok(file)
}

/// A small regular file's bytes, at most `limit` of them (`FileTooLarge` past it), read with
/// `open_regular`.
pub fn read_small(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            t!(Msg::FileOverLimit, limit / 1024),
        ));
    }
    Ok(bytes)
}

/// Whether the process `pid` is still running (a leftover of a running command is not one).
fn running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        #[allow(unsafe_code)]
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        alive || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        pid == std::process::id()
    }
}

/// What pmi-desk left in `dir` when a command was killed while writing: `.NAME.partial-PID` and
/// `.NAME.old-PID` files and folders whose process is gone (of the one name `name`, or of any).
pub fn leftovers(dir: &Path, name: Option<&str>) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let file = e.file_name().to_string_lossy().into_owned();
            let Some(rest) = file.strip_prefix('.') else {
                return false;
            };
            let Some((stem, pid)) = rest
                .rsplit_once(".partial-")
                .or_else(|| rest.rsplit_once(".old-"))
            else {
                return false;
            };
            let ours = name.is_none_or(|n| n == stem);
            ours && pid.parse::<u32>().is_ok_and(|pid| !running(pid))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Removes one leftover (never through a link).
pub fn remove_leftover(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path)? {
        meta if meta.is_dir() => std::fs::remove_dir_all(path),
        _ => std::fs::remove_file(path),
    }
}

/// A file a command is about to write.
pub struct Output {
    path: PathBuf,
    /// The canonical name recorded in the audit log.
    name: String,
    partial: PathBuf,
    kind: OutKind,
    replaces: bool,
    digest: Option<String>,
    placed: bool,
}

impl Output {
    /// Checks `path` before anything is computed or written: not the database, not a symbolic
    /// link, and an existing file only with `force` and only when the audit log shows pmi-desk
    /// wrote it, as this kind, with exactly these bytes.
    pub fn prepare(
        conn: &Connection,
        db_path: &Path,
        path: &Path,
        kind: OutKind,
        force: bool,
    ) -> Result<Output> {
        refuse_database(path, db_path)?;
        let name = canonical(path).display().to_string();
        let replaces = match std::fs::symlink_metadata(path) {
            Err(_) => false,
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(refused(t!(Msg::OutIsLink, path.display())))
            }
            Ok(meta) if !meta.is_file() => {
                return Err(refused(t!(Msg::OutNotAFile, path.display())))
            }
            Ok(_) if !force => {
                return Err(refused(t!(Msg::OutExists, path.display(), kind.label())))
            }
            Ok(_) => {
                let earlier = audit::last_file(conn, &name)?;
                let ours = earlier.is_some_and(|(k, digest)| {
                    k == kind.code() && digest_of_file(path).as_deref() == Some(digest.as_str())
                });
                if !ours {
                    return Err(refused(t!(Msg::OutNotOurs, path.display(), kind.label())));
                }
                true
            }
        };
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let partial = path.with_file_name(format!(".{file_name}.partial-{}", std::process::id()));
        Ok(Output {
            path: path.to_path_buf(),
            name,
            partial,
            kind,
            replaces,
            digest: None,
            placed: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the bytes aside (a new file private to its owner), not yet in place.
    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        let _ = std::fs::remove_file(&self.partial);
        db::create_private_file(&self.partial)?;
        std::fs::write(&self.partial, bytes)
            .map_err(|e| storage(t!(Msg::FileCreateFailed, self.path.display(), e)))?;
        self.digest = Some(hex(&Sha256::digest(bytes)));
        Ok(())
    }

    /// Writes the file aside as `write` streams it (a query's rows), hashing what passes.
    pub fn write_with<T>(
        &mut self,
        write: impl FnOnce(&mut dyn std::io::Write) -> Result<T>,
    ) -> Result<T> {
        struct Hashing<'f> {
            file: &'f mut std::fs::File,
            hasher: Sha256,
        }
        impl std::io::Write for Hashing<'_> {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                let n = self.file.write(buf)?;
                self.hasher.update(&buf[..n]);
                Ok(n)
            }
            fn flush(&mut self) -> std::io::Result<()> {
                self.file.flush()
            }
        }
        let _ = std::fs::remove_file(&self.partial);
        db::create_private_file(&self.partial)?;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&self.partial)
            .map_err(|e| storage(t!(Msg::FileCreateFailed, self.path.display(), e)))?;
        let mut hashing = Hashing {
            file: &mut file,
            hasher: Sha256::new(),
        };
        let value = write(&mut hashing)?;
        self.digest = Some(hex(&hashing.hasher.finalize()));
        file.sync_all()?;
        Ok(value)
    }

    /// The audit entry of the file (inside the command's transaction): its kind and digest, so
    /// that a later `--force` knows it as pmi-desk's own.
    pub fn record(&self, tx: &db::Tx, actor: &Actor) -> Result<()> {
        audit::note(
            tx,
            actor,
            RecordKind::File,
            &self.name,
            Action::Write,
            &[
                ("kind".into(), None, Some(self.kind.code().into())),
                ("sha256".into(), None, self.digest.clone()),
            ],
        )
    }

    /// Puts the written file in place: over the earlier output it replaces, or only where nothing
    /// is (a file that appeared meanwhile is never replaced).
    pub fn place(mut self) -> Result<()> {
        let fail = |e: std::io::Error| storage(t!(Msg::FileCreateFailed, self.path.display(), e));
        if self.replaces {
            std::fs::rename(&self.partial, &self.path).map_err(fail)?;
        } else {
            match std::fs::hard_link(&self.partial, &self.path) {
                Ok(()) => {
                    let _ = std::fs::remove_file(&self.partial);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(refused(t!(
                        Msg::OutExists,
                        self.path.display(),
                        self.kind.label()
                    )))
                }
                // A file system without hard links: a rename, checked just before.
                Err(_) if !self.path.exists() => {
                    std::fs::rename(&self.partial, &self.path).map_err(fail)?
                }
                Err(e) => return Err(fail(e)),
            }
        }
        self.placed = true;
        Ok(())
    }
}

impl Drop for Output {
    /// A file written aside and never placed (the command failed, the database was busy) is removed.
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.partial);
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutFormat {
    Csv,
    Json,
    /// The table or document as plain text (`.txt`).
    Text,
    Html,
    Pdf,
    /// A workbook (`report`; `query` and `export` recognise `.xlsx` themselves).
    Xlsx,
    /// An SQLite database (`backup`).
    Database,
}

impl OutFormat {
    const ALL: [(OutFormat, &'static [&'static str]); 7] = [
        (OutFormat::Csv, &["csv"]),
        (OutFormat::Json, &["json"]),
        (OutFormat::Text, &["txt"]),
        (OutFormat::Html, &["html", "htm"]),
        (OutFormat::Pdf, &["pdf"]),
        (OutFormat::Xlsx, &["xlsx"]),
        (OutFormat::Database, &["db", "sqlite", "sqlite3"]),
    ];

    fn of_extension(extension: &str) -> Option<OutFormat> {
        let extension = extension.to_ascii_lowercase();
        OutFormat::ALL
            .iter()
            .find(|(_, names)| names.contains(&extension.as_str()))
            .map(|(format, _)| *format)
    }

    pub fn extension(self) -> &'static str {
        OutFormat::ALL
            .iter()
            .find(|(format, _)| *format == self)
            .map(|(_, names)| names[0])
            .unwrap_or("txt")
    }
}

/// The format of `path` if it is one of `allowed`; else a usage error naming the allowed
/// extensions, e.g. "use .csv, .json, .txt".
pub fn choose(path: &Path, allowed: &[OutFormat], command: &str) -> Result<OutFormat> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    match OutFormat::of_extension(extension) {
        Some(format) if allowed.contains(&format) => Ok(format),
        _ => {
            let names: Vec<String> = allowed
                .iter()
                .map(|f| format!(".{}", f.extension()))
                .collect();
            let shown = if extension.is_empty() {
                path.display().to_string()
            } else {
                format!(".{extension}")
            };
            Err(usage(t!(
                Msg::OutExtensionUnknown,
                shown,
                command,
                names.join(", ")
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_chooses_the_format_whatever_its_case() {
        let allowed = [OutFormat::Csv, OutFormat::Json, OutFormat::Text];
        assert_eq!(
            choose(Path::new("tempat.CSV"), &allowed, "report").unwrap(),
            OutFormat::Csv
        );
        assert_eq!(
            choose(Path::new("a/b.json"), &allowed, "report").unwrap(),
            OutFormat::Json
        );
        for refused in ["x.doc", "x.xlsx", "x.pdf", "noextension"] {
            let error = choose(Path::new(refused), &allowed, "report").unwrap_err();
            assert_eq!(crate::error::exit_code(&error), 2, "{refused}");
            assert!(error.to_string().contains(".csv, .json, .txt"), "{error}");
        }
    }
}
