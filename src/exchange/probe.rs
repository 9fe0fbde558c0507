//! Reading an exchange file without a database: every row parsed by its record declaration and
//! checked by the record's own rules, exactly as an import would before it looks anything up. Used
//! by the fuzzer (`fuzz/`) and by tests that feed arbitrary bytes: whatever arrives, this returns
//! errors with a reason, never a panic.

use std::io::Cursor;

use anyhow::Result;
use chrono::NaiveDate;

use super::read::{read_table, ErrorList, Row, Table};
use super::FileKind;
use crate::domain::case::{Case, CaseEvent};
use crate::domain::document::Document;
use crate::domain::identity::PersonMerge;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::recommendation::Recommendation;
use crate::domain::record::{FieldError, Record};
use crate::domain::repatriation::Repatriation;
use crate::domain::rules;
use crate::domain::version::KeptWrite;

/// What probing a file found: rows that would pass, and every error.
#[derive(Debug, Default)]
pub struct Probed {
    pub valid: usize,
    /// The first errors (`read::LISTED`), and how many.
    pub errors: ErrorList,
}

fn rows<R: Record>(
    table: &mut Table,
    out: &mut Probed,
    rules_of: impl Fn(&R) -> Vec<FieldError>,
) -> Result<()> {
    let mut record = csv::StringRecord::new();
    while let Some((line, problem)) = table.rows.next_row(&table.name, &mut record)? {
        if let Some(e) = problem {
            out.errors.push(e);
            continue;
        }
        let row = Row {
            file: &table.name,
            line,
            record: &record,
            columns: &table.columns,
        };
        let mut problems = Vec::new();
        match R::from_exchange(|c| row.cell(c), &mut problems) {
            Some(r) if problems.is_empty() => problems = rules_of(&r),
            _ => {}
        }
        if problems.is_empty() && record.len() == table.width {
            out.valid += 1;
        }
        out.errors.extend(
            problems
                .into_iter()
                .map(|(c, e)| row.error(c, e.to_string())),
        );
    }
    Ok(())
}

/// Probes CSV bytes as the file `name` (its kind from the name, else from the header).
pub fn probe(name: &str, bytes: &[u8], today: NaiveDate) -> Result<Probed> {
    let kind = FileKind::parse(name);
    let mut table = read_table(
        name.to_string(),
        kind,
        Box::new(Cursor::new(bytes.to_vec())),
    )?;
    let mut out = Probed {
        ..Probed::default()
    };
    out.errors.append(&mut table.problems);
    match table.kind {
        FileKind::Persons => rows(&mut table, &mut out, |p: &Person| rules::person(p, today))?,
        FileKind::Placements => rows(&mut table, &mut out, |p: &Placement| {
            rules::placement(p, None, today)
        })?,
        FileKind::Documents => rows(&mut table, &mut out, |d: &Document| {
            rules::document(d, today)
        })?,
        FileKind::Recommendations => rows(&mut table, &mut out, |r: &Recommendation| {
            rules::recommendation(r, None, today)
        })?,
        FileKind::Cases => rows(&mut table, &mut out, |c: &Case| rules::case(c, today))?,
        FileKind::CaseEvents => rows(&mut table, &mut out, |e: &CaseEvent| {
            rules::case_event(e, None, today)
        })?,
        FileKind::Repatriations => rows(&mut table, &mut out, |r: &Repatriation| {
            rules::repatriation(r, today)
        })?,
        FileKind::PersonMerges => rows(&mut table, &mut out, |_: &PersonMerge| Vec::new())?,
        FileKind::Conflicts => rows(&mut table, &mut out, |_: &KeptWrite| Vec::new())?,
    }
    let _ = table.rows.digest();
    Ok(out)
}
