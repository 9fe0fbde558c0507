//! Long tables on a terminal go through a pager, like git: `$PAGER`, else `less -FRX` (`-F`: a
//! table that fits on the screen is simply printed; `-X`: it stays on the screen after `q`). No
//! pager with `--no-pager`, with `PAGER` set empty, off a terminal, or for CSV and JSON; a pager
//! that cannot start is no pager at all: the table is printed.

use std::io::{IsTerminal, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use crate::output::{layout, Format};

/// Where a command prints its table: the pager's input, or standard output.
pub enum Out {
    Pager(Child, Option<ChildStdin>),
    Stdout(std::io::StdoutLock<'static>),
}

/// Standard output, through the pager when this output is a table on a terminal.
pub fn start(format: Format) -> Out {
    let stdout = || Out::Stdout(std::io::stdout().lock());
    if format != Format::Table || !layout().pager || !std::io::stdout().is_terminal() {
        return stdout();
    }
    let pager = match std::env::var("PAGER") {
        Ok(p) if p.trim().is_empty() => return stdout(),
        Ok(p) => p,
        Err(_) => "less -FRX".to_string(),
    };
    match spawn(&pager) {
        Some(mut child) => {
            crate::interrupt::to_the_pager();
            let stdin = child.stdin.take();
            Out::Pager(child, stdin)
        }
        None => stdout(),
    }
}

/// The pager's process: run directly when `PAGER` is a plain command line (so that a pager that
/// does not exist is known at once and the table printed instead), through the shell otherwise.
fn spawn(pager: &str) -> Option<Child> {
    const SHELL_SYNTAX: &[char] = &[
        '|', '&', ';', '<', '>', '(', ')', '$', '`', '\\', '"', '\'', '*', '?', '[', '#', '~', '=',
        '%',
    ];
    let mut command = if cfg!(windows) || !pager.contains(SHELL_SYNTAX) {
        let mut words = pager.split_whitespace();
        let mut command = Command::new(words.next()?);
        command.args(words);
        command
    } else {
        let mut command = Command::new("sh");
        command.arg("-c").arg(pager);
        command
    };
    // As git does: `PAGER=less` alone still quits on a short table and keeps the screen.
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        command.env("LV", "-c");
    }
    command.stdin(Stdio::piped()).spawn().ok()
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Out::Pager(_, Some(stdin)) => stdin.write(buf),
            Out::Pager(_, None) => Ok(buf.len()),
            Out::Stdout(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Out::Pager(_, Some(stdin)) => stdin.flush(),
            Out::Pager(_, None) => Ok(()),
            Out::Stdout(out) => out.flush(),
        }
    }
}

impl Drop for Out {
    /// The pager reads to the end of the table, then the clerk leaves it: wait for that.
    fn drop(&mut self) {
        if let Out::Pager(child, stdin) = self {
            drop(stdin.take());
            let _ = child.wait();
            crate::interrupt::back_from_the_pager();
        }
    }
}
