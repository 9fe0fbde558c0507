//! `query`: ad-hoc statistics in SQL over a database opened read-only; see docs/queries.md for the
//! views (`v_placements`, `v_cases`, `v_repatriations`, `v_recommendations`).

use anyhow::Result;
use rusqlite::types::Value;

use crate::context::Ctx;
use crate::db::{self, OpenMode, Store};
use crate::output::{column, Cell, Records};

pub fn run(ctx: &Ctx, sql: &str) -> Result<()> {
    let store = Store::open(&ctx.db_path, OpenMode::ReadOnly)?;
    let (names, rows) = db::read_only_query(store.conn(), sql)?;
    let records = Records {
        columns: names.iter().map(|n| column(n.clone(), n.clone())).collect(),
        rows: rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|v| match v {
                        Value::Null => Cell::text(""),
                        Value::Integer(i) => Cell::number(i),
                        Value::Real(f) => Cell {
                            shown: format!("{f}"),
                            value: serde_json::json!(f),
                        },
                        Value::Text(t) => Cell::text(t),
                        Value::Blob(b) => Cell::text(format!("<{} bytes>", b.len())),
                    })
                    .collect()
            })
            .collect(),
    };
    records.print(ctx.format, &mut std::io::stdout().lock())
}
