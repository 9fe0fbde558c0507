//! The `pmi-desk` binary: parse (help and usage errors in the clerk's language), run, print any error
//! once as `pmi-desk: ...`, choose the exit code.

fn main() {
    let (cli, db_chosen) = match pmi_desk::parse(std::env::args_os()) {
        Ok(parsed) => parsed,
        Err(stop) => std::process::exit(stop.report()),
    };
    let code = match pmi_desk::run(cli, db_chosen) {
        Ok(()) => 0,
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("pmi-desk: {e:#}");
            pmi_desk::error::exit_code(&e)
        }
    };
    std::process::exit(code);
}

/// Output piped into `head` and closed early is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
