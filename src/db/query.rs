//! The one statement of `pmi-desk query`: refused unless it only reads, run on a read-only
//! connection, its rows handed one by one to a sink as SQLite produces them (never collected), under
//! a time limit, with SQLite's messages reworded for a clerk.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Result;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, ErrorCode, InterruptHandle};

use crate::error::refused;
use crate::i18n::Msg;
use crate::t;

/// Where the rows go. `row` returns false to stop reading (a row limit reached).
pub trait RowSink {
    fn columns(&mut self, names: &[String]) -> Result<()>;
    fn row(&mut self, values: &[ValueRef<'_>]) -> Result<bool>;
}

/// Runs one read-only statement: anything that would write, attach another file or change a
/// setting is refused before it runs. `limit` (started on the same connection) bounds its time.
pub fn read_only_query(
    conn: &Connection,
    sql: &str,
    limit: Option<&TimeLimit>,
    sink: &mut dyn RowSink,
) -> Result<()> {
    // The keyword, not the first run of non-blanks: `VALUES(1)` and `SELECT*FROM t` begin
    // with a keyword followed straight by punctuation.
    let rest = strip_comments(sql);
    let keyword_end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let first_word = match keyword_end {
        0 => rest.split_whitespace().next().unwrap_or(""),
        end => &rest[..end],
    }
    .to_ascii_uppercase();
    if !["SELECT", "WITH", "VALUES"].contains(&first_word.as_str()) {
        return Err(refused(t!(Msg::QueryNotSelect, first_word)));
    }
    let mut stmt = conn.prepare(sql).map_err(|e| match e {
        rusqlite::Error::MultipleStatement => refused(t!(Msg::QueryOneStatement)),
        other => reworded(&other, limit),
    })?;
    if !stmt.readonly() {
        return Err(refused(t!(Msg::QueryNotSelect, first_word)));
    }
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    sink.columns(&names)?;
    let mut rows = stmt.query([]).map_err(|e| reworded(&e, limit))?;
    while let Some(row) = rows.next().map_err(|e| reworded(&e, limit))? {
        let values = (0..names.len())
            .map(|i| row.get_ref(i))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if !sink.row(&values)? {
            break;
        }
    }
    Ok(())
}

/// Interrupts the statement running on a connection once it has run longer than the limit.
/// Time spent waiting for the reader of the output does not count: a clerk reading a pager for a
/// minute is not a slow query, and a closed pipe ends the query anyway.
pub struct TimeLimit {
    limit: Duration,
    clock: Arc<Mutex<Clock>>,
    // Dropping the sender ends the timer thread.
    _stop: mpsc::Sender<()>,
}

struct Clock {
    started: Instant,
    waited: Duration,
    waiting_since: Option<Instant>,
    fired: bool,
}

impl TimeLimit {
    pub fn start(conn: &Connection, limit: Duration) -> TimeLimit {
        let handle: InterruptHandle = conn.get_interrupt_handle();
        let clock = Arc::new(Mutex::new(Clock {
            started: Instant::now(),
            waited: Duration::ZERO,
            waiting_since: None,
            fired: false,
        }));
        let (stop, stopped) = mpsc::channel::<()>();
        let shared = Arc::clone(&clock);
        thread::spawn(move || {
            while let Err(mpsc::RecvTimeoutError::Timeout) =
                stopped.recv_timeout(Duration::from_millis(20))
            {
                let Ok(mut c) = shared.lock() else { return };
                if c.waiting_since.is_none() && c.started.elapsed() - c.waited > limit {
                    c.fired = true;
                    // Repeated until the command ends: an interrupt only reaches a statement that
                    // is running, and only this statement ever runs on this connection.
                    handle.interrupt();
                }
            }
        });
        TimeLimit {
            limit,
            clock,
            _stop: stop,
        }
    }

    /// Runs `wait` (a write to the reader) off the clock.
    pub fn waiting<T>(&self, wait: impl FnOnce() -> T) -> T {
        if let Ok(mut c) = self.clock.lock() {
            c.waiting_since.get_or_insert_with(Instant::now);
        }
        let value = wait();
        if let Ok(mut c) = self.clock.lock() {
            if let Some(since) = c.waiting_since.take() {
                c.waited += since.elapsed();
            }
        }
        value
    }

    fn fired(&self) -> bool {
        self.clock.lock().map(|c| c.fired).unwrap_or(false)
    }
}

/// SQLite's message in the clerk's language, keeping the name it is about.
fn reworded(error: &rusqlite::Error, limit: Option<&TimeLimit>) -> anyhow::Error {
    let interrupted = error.sqlite_error_code() == Some(ErrorCode::OperationInterrupted);
    if let Some(limit) = limit.filter(|l| interrupted || l.fired()) {
        return refused(t!(Msg::QueryTimedOut, limit.limit.as_secs()));
    }
    let message = match error {
        rusqlite::Error::SqliteFailure(_, Some(m)) => m.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    };
    let after = |prefix: &str| message.strip_prefix(prefix).map(str::trim);
    let text = if let Some(name) = after("no such table:") {
        t!(Msg::QueryNoTable, name)
    } else if let Some(name) = after("no such column:") {
        t!(Msg::QueryNoColumn, name)
    } else if let Some(name) = after("no such function:") {
        t!(Msg::QueryNoFunction, name)
    } else if let Some(name) = after("ambiguous column name:") {
        t!(Msg::QueryAmbiguousColumn, name)
    } else if let Some(near) = message
        .strip_prefix("near \"")
        .and_then(|m| m.strip_suffix("\": syntax error"))
    {
        t!(Msg::QuerySyntax, near)
    } else if message.contains("incomplete input") || message.contains("unrecognized token") {
        t!(Msg::QueryIncomplete)
    } else if message.contains("not authorized") || message.contains("readonly") {
        t!(Msg::QueryNotAuthorized)
    } else {
        t!(Msg::QueryInvalid, message)
    };
    refused(text)
}

/// The statement without leading `--` and `/* */` comments.
fn strip_comments(sql: &str) -> &str {
    let mut rest = sql.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("--") {
            rest = after
                .split_once('\n')
                .map(|(_, r)| r)
                .unwrap_or("")
                .trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after
                .split_once("*/")
                .map(|(_, r)| r)
                .unwrap_or("")
                .trim_start();
        } else {
            return rest;
        }
    }
}
