//! The WHERE clause of a listing, built from the filters the clerk gave and only those: a
//! condition written `(?1 IS NULL OR column = ?1)` hides its column from SQLite's planner, which
//! then reads the whole table; a condition that is there only when it filters lets the planner
//! take the index that answers it (`docs/performance.md`).

use anyhow::Result;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

/// A listing counts its rows up to this many; past it, it says "more than" (counting every row
/// of a large filter would cost more than the listing itself).
pub const COUNTED_UP_TO: i64 = 10_000;

/// How many rows `SELECT 1 FROM {from_where}` finds, up to `COUNTED_UP_TO + 1`.
pub fn count_rows(conn: &Connection, from_where: &str, values: Vec<Value>) -> Result<i64> {
    Ok(conn.query_row(
        &format!(
            "SELECT count(*) FROM (SELECT 1 FROM {from_where} LIMIT {})",
            COUNTED_UP_TO + 1
        ),
        params_from_iter(values),
        |r| r.get(0),
    )?)
}

/// The total a cut listing reports: the rows it shows when it stopped short of its limit (no
/// count needed), else what `count` finds.
pub fn total(shown: usize, limit: Option<i64>, count: impl FnOnce() -> Result<i64>) -> Result<i64> {
    match limit {
        Some(limit) if shown as i64 >= limit => count(),
        _ => Ok(shown as i64),
    }
}

/// Conditions joined by AND, each with its `?` placeholders, and their values in order.
#[derive(Default)]
pub struct Conditions {
    sql: Vec<String>,
    values: Vec<Value>,
}

impl Conditions {
    /// A condition on one value (`"r.stage = ?"`), when there is a value.
    pub fn when<T: Into<Value>>(&mut self, condition: &str, value: Option<T>) -> &mut Self {
        if let Some(value) = value {
            self.sql.push(condition.to_string());
            self.values.push(value.into());
        }
        self
    }

    /// A condition without a value (`"r.status IN ('NEW')"`), when `applies`.
    pub fn when_true(&mut self, condition: &str, applies: bool) -> &mut Self {
        if applies {
            self.sql.push(condition.to_string());
        }
        self
    }

    /// Whether any condition was given.
    pub fn is_empty(&self) -> bool {
        self.sql.is_empty()
    }

    /// `WHERE a AND b`, or nothing when no filter was given.
    pub fn clause(&self) -> String {
        match self.sql.is_empty() {
            true => String::new(),
            false => format!("WHERE {}", self.sql.join(" AND ")),
        }
    }

    /// The values of the placeholders, in order.
    pub fn values(&self) -> Vec<Value> {
        self.values.clone()
    }

    /// The values, followed by a `LIMIT ?` at the end of the statement (`-1`: none).
    pub fn values_and_limit(&self, limit: Option<i64>) -> Vec<Value> {
        let mut values = self.values();
        values.push(Value::Integer(limit.unwrap_or(-1)));
        values
    }
}

/// A text value for `Conditions::when`, from anything a filter holds as text.
/// `ORDER BY` over `keys`, newest first unless `oldest_first` (every key the same way, so the
/// index that orders them is read backwards and the listing still stops at its limit).
pub fn newest_first(keys: &[&str], oldest_first: bool) -> String {
    let way = if oldest_first { "" } else { " DESC" };
    let keys: Vec<String> = keys.iter().map(|k| format!("{k}{way}")).collect();
    format!("ORDER BY {}", keys.join(", "))
}

pub fn text(value: Option<impl ToString>) -> Option<Value> {
    value.map(|v| Value::Text(v.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_filters_given_become_conditions_with_their_values_in_order() {
        let mut c = Conditions::default();
        c.when("r.stage = ?", text(Some("REGISTERED")))
            .when("r.country = ?", text(None::<&str>))
            .when("r.registered_on >= ?", text(Some("2025-01-01")))
            .when_true("r.removed_on IS NULL", true)
            .when_true("r.x = 1", false);
        assert_eq!(
            c.clause(),
            "WHERE r.stage = ? AND r.registered_on >= ? AND r.removed_on IS NULL"
        );
        assert_eq!(
            c.values_and_limit(Some(50)),
            vec![
                Value::Text("REGISTERED".into()),
                Value::Text("2025-01-01".into()),
                Value::Integer(50)
            ]
        );
        assert_eq!(Conditions::default().clause(), "");
    }
}
