//! The one-page office summary, in the shape of the office's own statements: placements in total
//! and by scheme, main destinations, sector, cases by category, returns by category.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::period::Period;
use super::{build, Dimension, Kind, Report};

pub struct Summary {
    pub period: Period,
    pub as_of: NaiveDate,
    pub placements_by_scheme: Report,
    pub placements_by_country: Report,
    pub placements_by_sector: Report,
    pub placements_by_sex: Report,
    pub cases_by_category: Report,
    pub cases_by_handling: Report,
    pub returns_by_category: Report,
}

pub fn build_summary(conn: &Connection, period: Period, as_of: NaiveDate) -> Result<Summary> {
    let by = |kind: Kind, dim: Dimension| build(conn, kind, &[dim], period, as_of, None);
    Ok(Summary {
        period,
        as_of,
        placements_by_scheme: by(Kind::Placements, Dimension::Scheme)?,
        placements_by_country: by(Kind::Placements, Dimension::Country)?,
        placements_by_sector: by(Kind::Placements, Dimension::Sector)?,
        placements_by_sex: by(Kind::Placements, Dimension::Sex)?,
        cases_by_category: by(Kind::Cases, Dimension::Category)?,
        cases_by_handling: by(Kind::Cases, Dimension::Handling)?,
        returns_by_category: by(Kind::Repatriations, Dimension::Category)?,
    })
}
