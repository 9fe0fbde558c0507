//! SQL for the published statistics: for each report kind, the records it counts, the date that
//! places a record in a period, and each dimension's grouping expression. A report is one indexed
//! query with GROUP BY, never a query per group.

use anyhow::{anyhow, Result};
use rusqlite::{params_from_iter, Connection};

/// Age in whole years between two ISO date expressions.
macro_rules! age_sql {
    ($on:literal, $birth:literal) => {
        concat!(
            "(CAST(strftime('%Y', ",
            $on,
            ") AS INTEGER) - CAST(strftime('%Y', ",
            $birth,
            ") AS INTEGER) - (strftime('%m-%d', ",
            $on,
            ") < strftime('%m-%d', ",
            $birth,
            ")))"
        )
    };
}

/// Age groups on a date column.
macro_rules! age_group_sql {
    ($on:literal) => {
        concat!(
            "CASE WHEN pe.birth_date IS NULL THEN NULL WHEN ",
            age_sql!($on, "pe.birth_date"),
            " < 25 THEN '18-24' WHEN ",
            age_sql!($on, "pe.birth_date"),
            " < 35 THEN '25-34' WHEN ",
            age_sql!($on, "pe.birth_date"),
            " < 45 THEN '35-44' ELSE '45+' END"
        )
    };
}

/// A case's status as of the as-of date (?3): the last status its timeline reached by then.
/// Imported cases may have no status events: their stored status stands.
macro_rules! case_status_as_of {
    () => {
        "coalesce((SELECT e.status_to FROM case_events e WHERE e.case_uid = c.uid AND e.status_to IS NOT NULL \
         AND e.occurred_on <= ?3 ORDER BY e.occurred_on DESC, e.created_at DESC, e.rowid DESC LIMIT 1), c.status)"
    };
}
const CASE_STATUS_AS_OF: &str = case_status_as_of!();

pub struct Source {
    /// The table counted (`placements pl`).
    from: &'static str,
    /// The persons joined to it, read only when a dimension needs them (`pe.`): a cut by
    /// scheme, country or sector then reads one index alone.
    persons: Option<&'static str>,
    /// The date column that places a record in the period.
    date: &'static str,
    /// Grouping expressions by dimension name.
    dimensions: &'static [(&'static str, &'static str)],
}

const PLACEMENT_DIMENSIONS: &[(&str, &str)] = &[
    ("scheme", "pl.scheme"),
    ("country", "pl.country"),
    ("sector", "pl.sector"),
    ("regency", "pe.regency_code"),
    ("sex", "pe.sex"),
    ("occupation", "pl.occupation"),
    ("education", "pe.education"),
    ("p3mi", "pl.p3mi_name"),
    ("age_group", age_group_sql!("pl.departed_on")),
];

/// Every placement has its person (a foreign key): the join never changes what is counted.
const PLACEMENT_PERSONS: Option<&str> = Some("JOIN persons pe ON pe.uid = pl.person_uid");

pub const PLACEMENTS: Source = Source {
    from: "placements pl",
    persons: PLACEMENT_PERSONS,
    date: "pl.departed_on",
    dimensions: PLACEMENT_DIMENSIONS,
};

pub const REGISTRATIONS: Source = Source {
    from: "placements pl",
    persons: PLACEMENT_PERSONS,
    date: "pl.registered_on",
    dimensions: &[
        ("scheme", "pl.scheme"),
        ("country", "pl.country"),
        ("sector", "pl.sector"),
        ("regency", "pe.regency_code"),
        ("sex", "pe.sex"),
        ("occupation", "pl.occupation"),
        ("education", "pe.education"),
        ("p3mi", "pl.p3mi_name"),
        ("stage", "pl.stage"),
        ("cancel_reason", "pl.cancel_reason"),
        ("age_group", age_group_sql!("pl.registered_on")),
    ],
};

pub const RECOMMENDATIONS: Source = Source {
    from: "recommendations r",
    persons: None,
    date: "r.decided_on",
    dimensions: &[
        ("status", "r.status"),
        ("office", "r.immigration_office"),
        ("reason", "rs.reason"),
    ],
};

pub const CASES: Source = Source {
    from: "cases c",
    persons: Some("LEFT JOIN persons pe ON pe.uid = c.person_uid"),
    date: "c.reported_on",
    dimensions: &[
        ("category", "c.category"),
        ("status", CASE_STATUS_AS_OF),
        ("channel", "c.channel"),
        ("procedural_status", "c.procedural_status"),
        ("country", "c.country"),
        ("regency", "pe.regency_code"),
        (
            "handling",
            concat!(
                "CASE WHEN ",
                case_status_as_of!(),
                " IN ('RESOLVED', 'CLOSED') THEN 'DONE' ELSE 'IN_PROCESS' END"
            ),
        ),
    ],
};

pub const REPATRIATIONS: Source = Source {
    from: "repatriations x",
    persons: None,
    date: "x.arrived_on",
    dimensions: &[
        ("category", "x.category"),
        ("country", "x.from_country"),
        ("debarkation", "x.debarkation"),
        ("regency", "x.origin_regency_code"),
        ("handed_over", "CASE WHEN x.handed_over_on IS NOT NULL AND x.handed_over_on <= ?3 THEN 'YES' ELSE 'NO' END"),
    ],
};

impl Source {
    pub fn has(&self, dimension: &str) -> bool {
        dimension == "month" || self.dimensions.iter().any(|(name, _)| *name == dimension)
    }

    pub fn dimension_names(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.dimensions.iter().map(|(n, _)| *n).collect();
        names.push("month");
        names
    }

    fn expression(&self, dimension: &str) -> Result<String> {
        if dimension == "month" {
            return Ok(format!("substr({}, 1, 7)", self.date));
        }
        self.dimensions
            .iter()
            .find(|(name, _)| *name == dimension)
            .map(|(_, sql)| sql.to_string())
            .ok_or_else(|| anyhow!("unknown dimension {dimension}"))
    }
}

/// Counts records whose date lies in `[from, to]` (and not after `as_of`), grouped by `dimensions`.
/// Each row: the dimension values (NULL as `None`), then the count.
pub fn grouped_counts(
    conn: &Connection,
    source: &Source,
    dimensions: &[&str],
    from: &str,
    to: &str,
    as_of: &str,
) -> Result<Vec<(Vec<Option<String>>, i64)>> {
    let sql = grouped_sql(source, dimensions)?;
    let mut stmt = conn.prepare(&sql)?;
    let n = dimensions.len();
    let rows = stmt.query_map(params_from_iter([from, to, as_of]), |r| {
        let mut values = Vec::with_capacity(n);
        for i in 0..n {
            values.push(r.get::<_, Option<String>>(i)?);
        }
        Ok((values, r.get::<_, i64>(n)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The statement `grouped_counts` runs: `?1` to `?3` the period's first and last day and the
/// as-of date.
pub(super) fn grouped_sql(source: &Source, dimensions: &[&str]) -> Result<String> {
    let expressions: Vec<String> = dimensions
        .iter()
        .map(|d| source.expression(d))
        .collect::<Result<_>>()?;
    let select: Vec<String> = expressions
        .iter()
        .enumerate()
        .map(|(i, e)| format!("{e} AS d{i}"))
        .collect();
    let group: Vec<String> = (0..dimensions.len()).map(|i| format!("d{i}")).collect();
    // Refusal reasons are a list per decision: one row per reason when grouping by reason.
    let from_clause = if dimensions.contains(&"reason") {
        "recommendations r LEFT JOIN (WITH RECURSIVE split(uid, reason, rest) AS (
             SELECT uid, NULL, refusal_reasons || '|' FROM recommendations WHERE refusal_reasons IS NOT NULL
             UNION ALL SELECT uid, substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1)
             FROM split WHERE rest <> '')
           SELECT uid, reason FROM split WHERE reason IS NOT NULL) rs ON rs.uid = r.uid"
            .to_string()
    } else {
        match source.persons {
            Some(join) if expressions.iter().any(|e| e.contains("pe.")) => {
                format!("{} {join}", source.from)
            }
            _ => source.from.to_string(),
        }
    };
    let sql = format!(
        "SELECT {}{}count(*) FROM {from_clause} WHERE {date} >= ?1 AND {date} <= ?2 AND {date} <= ?3 {}{}",
        select.join(", "),
        if select.is_empty() { "" } else { ", " },
        if group.is_empty() { String::new() } else { format!("GROUP BY {}", group.join(", ")) },
        if group.is_empty() { String::new() } else { format!(" ORDER BY {}", group.join(", ")) },
        date = source.date,
    );
    Ok(sql)
}
