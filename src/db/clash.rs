//! SQL for clashes between valid records of different offices: two open placements of one person,
//! two live documents of one kind, two issued letters, one NIK on two persons, one number on two
//! records. The schema's uniqueness rules hold among rows whose `clash` is 0; a row another office
//! sent that meets one here is stored beside it, and both get a `clash` of their own (their rowid)
//! so that neither blocks the other, and both are listed for review. When the group is down to one
//! row (a clerk cancelled one placement, merged the persons...), `settle` gives it back its 0 and
//! the rule holds for it again. Local commands check the rules on every row, clashing or not.

use anyhow::Result;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::Tx;

/// One rule of uniqueness: its unique index, its table, the columns that must be unique (the
/// index's, but `clash`), the rows it covers.
struct Rule {
    index: &'static str,
    table: &'static str,
    columns: &'static [&'static str],
    condition: &'static str,
}

/// Every clash-tolerant rule, as the schema's unique indexes hold them (migration 0008).
const RULES: &[Rule] = &[
    Rule {
        index: "persons_nik",
        table: "persons",
        columns: &["nik"],
        condition: "nik IS NOT NULL",
    },
    Rule {
        index: "placements_number",
        table: "placements",
        columns: &["registration_number"],
        condition: "registration_number IS NOT NULL",
    },
    Rule {
        index: "placements_one_open",
        table: "placements",
        columns: &["person_uid"],
        condition: "stage IN ('REGISTERED', 'RECOMMENDED')",
    },
    Rule {
        index: "documents_one_live",
        table: "documents",
        columns: &["placement_uid", "kind"],
        condition: "removed_on IS NULL",
    },
    Rule {
        index: "recommendations_number",
        table: "recommendations",
        columns: &["letter_number"],
        condition: "letter_number IS NOT NULL",
    },
    Rule {
        index: "recommendations_one_issued",
        table: "recommendations",
        columns: &["placement_uid"],
        condition: "status = 'ISSUED'",
    },
    Rule {
        index: "cases_number",
        table: "cases",
        columns: &["case_number"],
        condition: "1",
    },
    Rule {
        index: "repatriations_number",
        table: "repatriations",
        columns: &["repatriation_number"],
        condition: "repatriation_number IS NOT NULL",
    },
];

/// The rule of a unique index, if it tolerates clashes.
fn rule_of(index: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.index == index)
}

/// The rows of `rule` holding `key`, as `(rowid, clash)`, that the rule covers.
fn members(conn: &Connection, rule: &Rule, key: &[Value]) -> Result<Vec<(i64, i64)>> {
    let matching: Vec<String> = rule
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    let sql = format!(
        "SELECT rowid, clash FROM {} WHERE {} AND {} ORDER BY rowid",
        rule.table,
        matching.join(" AND "),
        rule.condition
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(key.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn set_clash(tx: &Tx, table: &str, rowid: i64, clash: i64) -> Result<()> {
    tx.prepare_cached(&format!(
        "UPDATE {table} SET clash = ?1, seq = ?2 WHERE rowid = ?3"
    ))?
    .execute(rusqlite::params![clash, tx.next_seq(), rowid])?;
    Ok(())
}

/// Before a row that meets the unique index named `index` with `key` is stored: the rows already holding the
/// key are marked as in a clash, so that the new row fits beside them. False when the index is
/// not one of the tolerant rules.
pub fn make_room(tx: &Tx, index: &str, key: &[Value]) -> Result<bool> {
    let Some(rule) = rule_of(index) else {
        return Ok(false);
    };
    let table = rule.table;
    for (rowid, clash) in members(tx, rule, key)? {
        if clash == 0 {
            set_clash(tx, table, rowid, rowid)?;
        }
    }
    Ok(true)
}

/// The columns a rule covers, for a caller that must give its key.
pub fn key_columns(index: &str) -> Option<&'static [&'static str]> {
    rule_of(index).map(|r| r.columns)
}

/// Every row in a clash, checked again: one that now shares none of its rules' keys with another
/// row leaves the clash (its `clash` back to 0), a row sharing a key with another marks that one
/// too. Run before every write commits; cheap, since only clashing rows are read (partial
/// indexes).
/// The rows of `table` in a clash, through its partial index of them (`<table>_clashing`): a few
/// rows, never a scan of a million at every commit (SQLite, without statistics, chose the scan:
/// `register` took 400 ms on a database of a million placements).
pub(super) fn clashing_sql(table: &str, columns: &[&str]) -> String {
    format!(
        "SELECT rowid, {} FROM {table} INDEXED BY {table}_clashing WHERE clash <> 0 ORDER BY rowid",
        columns.join(", ")
    )
}

pub fn settle(tx: &Tx) -> Result<()> {
    for table in [
        "persons",
        "placements",
        "documents",
        "recommendations",
        "cases",
        "repatriations",
    ] {
        let rules: Vec<&Rule> = RULES.iter().filter(|r| r.table == table).collect();
        let mut columns: Vec<&str> = rules
            .iter()
            .flat_map(|r| r.columns.iter().copied())
            .collect();
        columns.sort();
        columns.dedup();
        let sql = clashing_sql(table, &columns);
        let clashing: Vec<(i64, Vec<Value>)> = {
            let mut stmt = tx.prepare_cached(&sql)?;
            let rows = stmt.query_map([], |r| {
                let mut values = Vec::new();
                for i in 0..columns.len() {
                    values.push(r.get::<_, Value>(i + 1)?);
                }
                Ok((r.get::<_, i64>(0)?, values))
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        for (rowid, values) in clashing {
            let value_of = |c: &str| -> Value {
                columns
                    .iter()
                    .position(|x| *x == c)
                    .map(|i| values[i].clone())
                    .unwrap_or(Value::Null)
            };
            let mut shared = false;
            for rule in &rules {
                let key: Vec<Value> = rule.columns.iter().map(|c| value_of(c)).collect();
                if key.contains(&Value::Null) {
                    continue;
                }
                let group = members(tx, rule, &key)?;
                if group.len() > 1 && group.iter().any(|(r, _)| *r == rowid) {
                    shared = true;
                    for (other, clash) in group {
                        if clash == 0 {
                            set_clash(tx, table, other, other)?;
                        }
                    }
                }
            }
            if !shared {
                set_clash(tx, table, rowid, 0)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every tolerant rule is a unique index of the schema over its columns and `clash`.
    #[test]
    fn every_rule_is_a_unique_index() {
        for rule in RULES {
            let index = super::super::constraint::UNIQUE
                .iter()
                .find(|u| u.name == rule.index)
                .unwrap_or_else(|| panic!("{}: no such unique index", rule.index));
            assert_eq!(index.table, rule.table);
            let mut columns = rule.columns.to_vec();
            columns.push("clash");
            assert_eq!(index.columns, columns.as_slice(), "{}", rule.index);
        }
    }
}
