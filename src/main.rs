//! The `pmi-desk` binary: parse (help and usage errors in the clerk's language), run (or, with no
//! command on a terminal, the guided menu), print any error once as `pmi-desk: ...`, choose the
//! exit code.

fn main() {
    let (cli, db_source) = match pmi_desk::parse(std::env::args_os()) {
        Ok(parsed) => parsed,
        // `pmi-desk` alone on a terminal: the guided menu of the day's tasks.
        Err(pmi_desk::help::Stop::NoCommand(lang)) if pmi_desk::menu::can_start() => {
            std::process::exit(pmi_desk::menu::run(lang))
        }
        Err(stop) => std::process::exit(stop.report()),
    };
    let code = match pmi_desk::run(cli, db_source) {
        Ok(()) => 0,
        Err(e) if is_broken_pipe(&e) => 0,
        // Ctrl-C read as a key by a prompt: said as every other Ctrl-C is.
        Err(e) if pmi_desk::interrupt::is_interrupt(&e) => {
            eprintln!("{}", pmi_desk::t!(pmi_desk::i18n::Msg::NothingSaved));
            pmi_desk::interrupt::EXIT
        }
        Err(e) => {
            // An error may quote a value from outside: its escapes are shown, never run.
            let text = format!("pmi-desk: {e:#}");
            let text = pmi_desk::domain::text::visible(&text, true);
            // On a terminal, wrapped at words to its width (never inside a number).
            let width = pmi_desk::output::stderr_width();
            for line in text.lines() {
                for part in pmi_desk::output::wrap(line, width) {
                    eprintln!("{part}");
                }
            }
            pmi_desk::error::exit_code(&e)
        }
    };
    std::process::exit(code);
}

/// Output piped into `head` and closed early is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
            // A JSON listing writes through serde_json, whose error holds the I/O error's kind.
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                .is_some_and(|kind| kind == BrokenPipe)
    })
}
