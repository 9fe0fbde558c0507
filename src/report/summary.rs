//! The one-page office summary, in the shape of the office's own statements: placements in total
//! and by scheme, main destinations, sector; the counter's own work (registrations, passport
//! recommendations issued and refused); cases by category and handling; returns by category.
//! Compared, every figure stands beside the earlier period's.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::period::Period;
use super::{build, Compare, Dimension, Kind, Report};

pub struct Summary {
    pub period: Period,
    pub as_of: NaiveDate,
    /// The earlier period every figure is compared with.
    pub compared: Option<Period>,
    pub placements_by_scheme: Report,
    pub placements_by_country: Report,
    pub placements_by_sector: Report,
    pub placements_by_sex: Report,
    pub registrations_by_scheme: Report,
    pub recommendations_by_status: Report,
    pub cases_by_category: Report,
    pub cases_by_handling: Report,
    pub returns_by_category: Report,
}

pub fn build_summary(
    conn: &Connection,
    period: Period,
    as_of: NaiveDate,
    compare: Option<Compare>,
) -> Result<Summary> {
    let by = |kind: Kind, dim: Dimension| build(conn, kind, &[dim], period, as_of, compare);
    let placements_by_scheme = by(Kind::Placements, Dimension::Scheme)?;
    Ok(Summary {
        period,
        as_of,
        compared: placements_by_scheme.compared.map(|(p, _)| p),
        placements_by_scheme,
        placements_by_country: by(Kind::Placements, Dimension::Country)?,
        placements_by_sector: by(Kind::Placements, Dimension::Sector)?,
        placements_by_sex: by(Kind::Placements, Dimension::Sex)?,
        registrations_by_scheme: by(Kind::Registrations, Dimension::Scheme)?,
        recommendations_by_status: by(Kind::Recommendations, Dimension::Status)?,
        cases_by_category: by(Kind::Cases, Dimension::Category)?,
        cases_by_handling: by(Kind::Cases, Dimension::Handling)?,
        returns_by_category: by(Kind::Repatriations, Dimension::Category)?,
    })
}
