#!/usr/bin/env bash
# Fuzzes the readers of untrusted input with libFuzzer through cargo-fuzz. Not part of CI.
#   import_reader    (fuzz/fuzz_targets/import_reader.rs): arbitrary bytes as an exchange CSV file,
#                    read, header-checked, every row parsed and checked by the record rules.
#   workbook_reader  (fuzz/fuzz_targets/workbook_reader.rs): arbitrary bytes as an .xlsx workbook
#                    (or as its sheet, shared texts and styles, packed into one), opened and every
#                    row of every sheet read as an import reads it.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET|all]   (default 600 seconds, all targets in turn)
# Needs the nightly toolchain and `cargo install cargo-fuzz`. A crash is saved under
# fuzz/artifacts/TARGET/; keep it as a regression test before the fix. The log of the last run of
# each target is fuzz/last-run-TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
which="${2:-all}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
run() {
    local target="$1" max_len="$2"
    mkdir -p "fuzz/corpus/$target"
    cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 2>&1 \
        | tee "fuzz/last-run-$target.log" | tail -n 20
}
case "$which" in
    import_reader) run import_reader 4096 ;;
    workbook_reader) run workbook_reader 16384 ;;
    all) run import_reader 4096; run workbook_reader 16384 ;;
    *) echo "unknown target $which (import_reader, workbook_reader or all)" >&2; exit 2 ;;
esac
