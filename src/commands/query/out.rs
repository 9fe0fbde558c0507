//! Where a query's rows go: the format a file name asks for, a file that appears only once the
//! query has finished, and the output's writes kept off the query's time limit.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::db::query::TimeLimit;
use crate::error::usage;
use crate::i18n::Msg;
use crate::output::Format;
use crate::t;

/// The format a file name asks for; anything else is refused before anything is written.
pub(super) fn format_of(path: &Path) -> Result<Format> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => Ok(Format::Csv),
        Some("json") => Ok(Format::Json),
        Some("txt") => Ok(Format::Table),
        _ => Err(usage(t!(Msg::OutFormatUnknown, path.display()))),
    }
}

/// Whether a file name asks for a workbook (`.xlsx`).
pub(super) fn is_xlsx(path: &Path) -> bool {
    crate::exchange::workbook::is_workbook(path)
}

/// The output, with the time spent waiting for its reader (a pager, a slow pipe) kept off the
/// query's time limit.
pub(super) struct OffTheClock<'a, W: Write + ?Sized> {
    pub inner: &'a mut W,
    pub limit: Option<&'a TimeLimit>,
}

impl<W: Write + ?Sized> Write for OffTheClock<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.limit {
            Some(limit) => limit.waiting(|| self.inner.write(buf)),
            None => self.inner.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.limit {
            Some(limit) => limit.waiting(|| self.inner.flush()),
            None => self.inner.flush(),
        }
    }
}
