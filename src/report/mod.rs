//! The statistics the office publishes: what each report counts (its definition), its dimensions
//! and their labels, the groups a reader expects even at zero, and the comparison with an earlier
//! period. Every figure travels with its period, as-of date and definition.

pub mod dimension;
pub mod period;
mod render;
pub mod summary;

pub use render::{render, render_summary, summary_document, write_summary_xlsx, write_xlsx};

use std::collections::{BTreeSet, HashMap};

use anyhow::Result;
use chrono::{Datelike, Months, NaiveDate};
use rusqlite::Connection;

use crate::db::stats::{self, Source};
use crate::domain::codes::CodeList;
use crate::domain::group::{self, Handling};
use crate::domain::*;
use crate::error::usage;
use crate::i18n::{lang, Lang, Msg};
use crate::t;
pub use dimension::Dimension;
use period::Period;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Placements,
    Registrations,
    Recommendations,
    Cases,
    Repatriations,
    Summary,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Placements => "placements",
            Kind::Registrations => "registrations",
            Kind::Recommendations => "recommendations",
            Kind::Cases => "cases",
            Kind::Repatriations => "repatriations",
            Kind::Summary => "summary",
        }
    }

    fn source(self) -> &'static Source {
        match self {
            Kind::Placements | Kind::Summary => &stats::PLACEMENTS,
            Kind::Registrations => &stats::REGISTRATIONS,
            Kind::Recommendations => &stats::RECOMMENDATIONS,
            Kind::Cases => &stats::CASES,
            Kind::Repatriations => &stats::REPATRIATIONS,
        }
    }

    /// What the report counts, in the clerk's language.
    pub fn definition(self) -> String {
        t!(match self {
            Kind::Placements | Kind::Summary => Msg::DefPlacements,
            Kind::Registrations => Msg::DefRegistrations,
            Kind::Recommendations => Msg::DefRecommendations,
            Kind::Cases => Msg::DefCases,
            Kind::Repatriations => Msg::DefRepatriations,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Compare {
    PreviousPeriod,
    PreviousYear,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// One code per dimension; `None` where the record has no value.
    pub keys: Vec<Option<String>>,
    pub count: i64,
    pub previous: Option<i64>,
}

#[derive(Clone, Debug)]
pub struct Report {
    pub kind: Kind,
    pub period: Period,
    pub as_of: NaiveDate,
    pub definition: String,
    pub dimensions: Vec<Dimension>,
    pub rows: Vec<Row>,
    pub total: i64,
    pub compared: Option<(Period, i64)>,
}

/// The codes a reader expects to see, even at zero (all four schemes, both sexes, every month).
fn expected(kind: Kind, dimension: Dimension, period: &Period) -> Option<Vec<String>> {
    fn codes<C: CodeList>() -> Option<Vec<String>> {
        Some(C::all().iter().map(|c| c.code().to_string()).collect())
    }
    match (kind, dimension) {
        (_, Dimension::Month) => Some(period.months()),
        (_, Dimension::Scheme) => codes::<Scheme>(),
        (_, Dimension::Sector) => codes::<Sector>(),
        (_, Dimension::Sex) => codes::<Sex>(),
        (_, Dimension::Stage) => codes::<Stage>(),
        (_, Dimension::AgeGroup) => Some(
            group::AGE_GROUPS
                .iter()
                .map(|g| g.code.to_string())
                .collect(),
        ),
        (Kind::Recommendations, Dimension::Status) => Some(
            group::decisions()
                .iter()
                .map(|s| s.code().to_string())
                .collect(),
        ),
        (Kind::Cases, Dimension::Status) => codes::<CaseStatus>(),
        (Kind::Cases, Dimension::Category) => codes::<CaseCategory>(),
        (Kind::Cases, Dimension::Channel) => codes::<Channel>(),
        (Kind::Cases, Dimension::ProceduralStatus) => codes::<ProceduralStatus>(),
        (Kind::Cases, Dimension::Handling) => {
            Some(Handling::ALL.iter().map(|h| h.code().to_string()).collect())
        }
        (Kind::Repatriations, Dimension::Category) => codes::<RepatriationCategory>(),
        (Kind::Repatriations, Dimension::HandedOver) => Some(vec!["YES".into(), "NO".into()]),
        _ => None,
    }
}

/// The label of a code in the clerk's language.
pub fn label(kind: Kind, dimension: Dimension, code: Option<&str>) -> String {
    let Some(code) = code else {
        // Only refusals have reasons: a decision without one is a letter that was issued.
        if (kind, dimension) == (Kind::Recommendations, Dimension::Reason) {
            return t!(Msg::ReportReasonNotRefused);
        }
        return t!(Msg::Unknown);
    };
    fn of<C: CodeList>(code: &str) -> Option<String> {
        C::parse(code).ok().map(|c| c.label_in(lang()).to_string())
    }
    let found = match (kind, dimension) {
        (_, Dimension::Scheme) => of::<Scheme>(code),
        (_, Dimension::Sector) => of::<Sector>(code),
        (_, Dimension::Sex) => of::<Sex>(code),
        (_, Dimension::Education) => of::<Education>(code),
        (_, Dimension::Stage) => of::<Stage>(code),
        (_, Dimension::CancelReason) => of::<CancelReason>(code),
        (_, Dimension::Country) => code
            .parse::<CountryCode>()
            .ok()
            .map(|c| c.name(lang()).to_string()),
        (_, Dimension::Regency) => crate::reference::reference()
            .regency(code)
            .map(|r| r.name.clone()),
        (_, Dimension::Month) => {
            let date = NaiveDate::parse_from_str(&format!("{code}-01"), "%Y-%m-%d").ok();
            date.map(|d| match lang() {
                Lang::Id => date::indonesian_long(d)
                    .split_once(' ')
                    .map(|(_, my)| my.to_string())
                    .unwrap_or_default(),
                Lang::En => d.format("%B %Y").to_string(),
            })
        }
        (Kind::Recommendations, Dimension::Status) => of::<RecommendationStatus>(code),
        (Kind::Recommendations, Dimension::Reason) => of::<RefusalReason>(code),
        (Kind::Cases, Dimension::Status) => of::<CaseStatus>(code),
        (Kind::Cases, Dimension::Category) => of::<CaseCategory>(code),
        (Kind::Cases, Dimension::Channel) => of::<Channel>(code),
        (Kind::Cases, Dimension::ProceduralStatus) => of::<ProceduralStatus>(code),
        (Kind::Cases, Dimension::Handling) => Some(t!(if code == Handling::Done.code() {
            Msg::HandlingDone
        } else {
            Msg::HandlingInProcess
        })),
        (Kind::Repatriations, Dimension::Category) => of::<RepatriationCategory>(code),
        (Kind::Repatriations, Dimension::HandedOver) => {
            Some(t!(if code == "YES" { Msg::Yes } else { Msg::No }))
        }
        _ => None,
    };
    found.unwrap_or_else(|| code.to_string())
}

/// Parses `--by scheme,country`, refusing dimensions the report does not have.
pub fn dimensions(kind: Kind, by: &[String]) -> Result<Vec<Dimension>> {
    let source = kind.source();
    let mut out = Vec::new();
    for d in by
        .iter()
        .map(|d| d.trim().to_lowercase())
        .filter(|d| !d.is_empty())
    {
        let unknown = || {
            usage(t!(
                Msg::DimensionUnknown,
                d,
                kind.name(),
                source.dimension_names().join(", ")
            ))
        };
        let dimension: Dimension = d.parse().map_err(|_| unknown())?;
        if !source.has(dimension.as_str()) || kind == Kind::Summary {
            return Err(unknown());
        }
        if !out.contains(&dimension) {
            out.push(dimension);
        }
    }
    Ok(out)
}

fn counts(
    conn: &Connection,
    kind: Kind,
    dims: &[&str],
    period: &Period,
    as_of: NaiveDate,
) -> Result<HashMap<Vec<Option<String>>, i64>> {
    let rows = stats::grouped_counts(
        conn,
        kind.source(),
        dims,
        &period.from.to_string(),
        &period.to.to_string(),
        &as_of.to_string(),
    )?;
    Ok(rows.into_iter().collect())
}

/// Moves the earlier period's months onto the months they are compared with (2022-03 -> 2023-03).
fn align_months(
    counts: HashMap<Vec<Option<String>>, i64>,
    names: &[&str],
    earlier: &Period,
    period: &Period,
) -> HashMap<Vec<Option<String>>, i64> {
    let Some(i) = names.iter().position(|d| *d == "month") else {
        return counts;
    };
    let index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let shift = index(period.from) - index(earlier.from);
    let moved = |m: &str| -> Option<String> {
        let date = NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok()?;
        let date = if shift >= 0 {
            date + Months::new(shift as u32)
        } else {
            date - Months::new((-shift) as u32)
        };
        Some(date.format("%Y-%m").to_string())
    };
    let mut out = HashMap::new();
    for (mut key, n) in counts {
        key[i] = key[i].as_deref().and_then(moved);
        *out.entry(key).or_insert(0) += n;
    }
    out
}

/// Runs one report: one grouped query (two when comparing), then the expected zero groups.
pub fn build(
    conn: &Connection,
    kind: Kind,
    dims: &[Dimension],
    period: Period,
    as_of: NaiveDate,
    compare: Option<Compare>,
) -> Result<Report> {
    let names: Vec<&str> = dims.iter().map(|d| d.as_str()).collect();
    let current = counts(conn, kind, &names, &period, as_of)?;
    let earlier = compare.map(|c| match c {
        Compare::PreviousPeriod => period.previous_period(),
        Compare::PreviousYear => period.previous_year(),
    });
    let previous = match earlier {
        Some(p) => Some(align_months(
            counts(conn, kind, &names, &p, as_of)?,
            &names,
            &p,
            &period,
        )),
        None => None,
    };
    // Values of each dimension: the expected ones in their order, then any others seen, by count.
    let seen: BTreeSet<&Vec<Option<String>>> = current
        .keys()
        .chain(previous.iter().flat_map(|p| p.keys()))
        .collect();
    let mut lists: Vec<Vec<Option<String>>> = Vec::new();
    for (i, d) in dims.iter().enumerate() {
        let mut values: Vec<Option<String>> = expected(kind, *d, &period)
            .unwrap_or_default()
            .into_iter()
            .map(Some)
            .collect();
        let mut others: Vec<(i64, Option<String>)> = Vec::new();
        for key in &seen {
            if !values.contains(&key[i]) && !others.iter().any(|(_, v)| *v == key[i]) {
                let total: i64 = current
                    .iter()
                    .filter(|(k, _)| k[i] == key[i])
                    .map(|(_, n)| n)
                    .sum();
                others.push((-total, key[i].clone()));
            }
        }
        others.sort();
        values.extend(others.into_iter().map(|(_, v)| v));
        lists.push(values);
    }
    let open: Vec<bool> = dims
        .iter()
        .map(|d| expected(kind, *d, &period).is_none())
        .collect();
    let mut rows = Vec::new();
    let mut keys: Vec<Vec<Option<String>>> = vec![Vec::new()];
    for list in &lists {
        keys = keys
            .into_iter()
            .flat_map(|k| {
                list.iter()
                    .map(move |v| [k.clone(), vec![v.clone()]].concat())
            })
            .collect();
    }
    for key in keys {
        let count = current.get(&key).copied().unwrap_or(0);
        let before = previous.as_ref().map(|p| p.get(&key).copied().unwrap_or(0));
        // A combination of open values (countries, regencies...) appears only if it was seen.
        let open_part_seen = seen.iter().any(|s| {
            s.iter()
                .zip(&key)
                .zip(&open)
                .all(|((a, b), open)| !open || a == b)
        });
        if open.iter().any(|o| *o) && !open_part_seen {
            continue;
        }
        rows.push(Row {
            keys: key,
            count,
            previous: before,
        });
    }
    let total = current.values().sum();
    let compared = earlier.map(|p| (p, previous.as_ref().map(|m| m.values().sum()).unwrap_or(0)));
    Ok(Report {
        kind,
        period,
        as_of,
        definition: kind.definition(),
        dimensions: dims.to_vec(),
        rows,
        total,
        compared,
    })
}
