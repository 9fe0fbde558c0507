//! `--out FILE`: the file's format comes from its extension, and an extension the command cannot
//! write is a usage error (exit 2) before anything is written. Each command lists what it writes.

use std::path::Path;

use anyhow::Result;

use crate::error::usage;
use crate::i18n::Msg;
use crate::t;

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
}

impl OutFormat {
    const ALL: [(OutFormat, &'static [&'static str]); 6] = [
        (OutFormat::Csv, &["csv"]),
        (OutFormat::Json, &["json"]),
        (OutFormat::Text, &["txt"]),
        (OutFormat::Html, &["html", "htm"]),
        (OutFormat::Pdf, &["pdf"]),
        (OutFormat::Xlsx, &["xlsx"]),
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
