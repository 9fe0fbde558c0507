//! Ctrl-C, one behaviour everywhere: "Dibatalkan; tidak ada yang disimpan" on standard error, the
//! cursor shown again, exit 130 (128 + SIGINT). Nothing is saved: a write transaction not yet
//! committed is rolled back by SQLite when the process ends, as after a kill. While a pager runs,
//! Ctrl-C is the pager's (`less` stops a search with it).

use std::io::IsTerminal;
use std::sync::OnceLock;

use crate::i18n::Msg;
use crate::t;

/// What the handler writes, put into words before any Ctrl-C can come (a handler may not
/// allocate or lock).
static SAID: OnceLock<Vec<u8>> = OnceLock::new();

/// Exit code of a run cut short by Ctrl-C.
pub const EXIT: i32 = 130;

/// Ctrl-C from now on ends the run with the message, in the run's language (the first call's).
pub fn install() {
    SAID.get_or_init(|| {
        let mut text = Vec::new();
        if std::io::stderr().is_terminal() {
            // A pick list hides the cursor while it is shown.
            text.extend_from_slice(b"\x1b[?25h\r\n");
        }
        text.extend_from_slice(t!(Msg::NothingSaved).as_bytes());
        text.push(b'\n');
        text
    });
    handle();
}

#[cfg(unix)]
extern "C" fn on_interrupt(_: libc::c_int) {
    if let Some(text) = SAID.get() {
        // SAFETY: write(2) and _exit(2) are async-signal-safe; `text` is never freed.
        #[allow(unsafe_code)]
        unsafe {
            libc::write(2, text.as_ptr().cast(), text.len());
        }
    }
    // SAFETY: ends the process at once, as the default action of SIGINT would.
    #[allow(unsafe_code)]
    unsafe {
        libc::_exit(EXIT)
    }
}

#[allow(unsafe_code)]
fn handle() {
    #[cfg(unix)]
    // SAFETY: installs a handler that only writes and exits (see `on_interrupt`).
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
}

/// While a pager runs, Ctrl-C belongs to it: were pmi-desk to die of it, the shell would take the
/// terminal back from a pager still running. pmi-desk ends when the pager closes its input.
#[allow(unsafe_code)]
pub fn to_the_pager() {
    #[cfg(unix)]
    // SAFETY: setting a signal to be ignored installs no handler.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
        libc::signal(libc::SIGQUIT, libc::SIG_IGN);
    }
}

/// The pager has closed: Ctrl-C is pmi-desk's again.
#[allow(unsafe_code)]
pub fn back_from_the_pager() {
    #[cfg(unix)]
    // SAFETY: restores the default action of SIGQUIT.
    unsafe {
        libc::signal(libc::SIGQUIT, libc::SIG_DFL);
    }
    if SAID.get().is_some() {
        handle();
    }
}

/// A Ctrl-C a prompt read as a key (a pick list reads the keyboard raw): the same ending.
pub fn is_interrupt(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::Interrupted)
    })
}
