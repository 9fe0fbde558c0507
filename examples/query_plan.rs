//! The plan the bundled SQLite picks for a statement, on a pmi-desk database (read only): for
//! checking that a listing or report reads an index rather than a whole table.
//!
//! Usage: cargo run --release --example query_plan -- DATABASE "SELECT ..."

use rusqlite::{Connection, OpenFlags};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, sql] = args.as_slice() else {
        eprintln!("usage: query_plan DATABASE \"SELECT ...\"");
        std::process::exit(2);
    };
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (id, parent, detail): (i64, i64, String) = (row.get(0)?, row.get(1)?, row.get(3)?);
        println!("{id:>4} {parent:>4}  {detail}");
    }
    Ok(())
}
