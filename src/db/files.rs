//! Files readable by their owner only: the database, letters, reports, exports and backups carry
//! personal data. Creating them so, and telling who else may read the database (for `check`).

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::storage;
use crate::i18n::Msg;
use crate::t;

/// Creates an empty file readable and writable by its owner only.
pub fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map_err(|e| storage(t!(Msg::FileCreateFailed, path.display(), e)))?;
    Ok(())
}

/// Makes a file readable and writable by its owner only.
pub(super) fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let private = std::fs::Permissions::from_mode(0o600);
        std::fs::set_permissions(path, private)
            .map_err(|e| storage(t!(Msg::FileCreateFailed, path.display(), e)))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Who besides the owner may read the database: the file, its write-ahead log and the folder it
/// is in, each with its mode (`0644`), for `check`.
pub fn readable_by_others(path: &Path) -> Vec<(PathBuf, u32)> {
    let mut open = Vec::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        // The folder by its whole name: "." tells the clerk nothing.
        let folder = match path.parent() {
            Some(p) if p.as_os_str().is_empty() => PathBuf::from("."),
            Some(p) => p.to_path_buf(),
            None => PathBuf::from("."),
        };
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        for candidate in [path.to_path_buf(), PathBuf::from(wal), folder] {
            if let Ok(meta) = std::fs::metadata(&candidate) {
                let mode = meta.permissions().mode() & 0o777;
                // Read for files; read or enter for the folder (listing it shows the names).
                if mode & 0o044 != 0 {
                    open.push((candidate, mode));
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    open
}

/// Writes (or replaces) a file readable by its owner only: letters and reports carry personal data.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let fail = |e: std::io::Error| storage(t!(Msg::FileCreateFailed, path.display(), e));
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    Ok(())
}

/// Creates a folder (and its parents) readable by its owner only.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| storage(t!(Msg::FileCreateFailed, dir.display(), e)))
}
