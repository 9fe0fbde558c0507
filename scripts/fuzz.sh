#!/usr/bin/env bash
# Fuzzes the import reader (fuzz/fuzz_targets/import_reader.rs) with libFuzzer through cargo-fuzz:
# arbitrary bytes as an exchange file, read, header-checked, every row parsed and checked by the
# record rules. Not part of CI. Usage: scripts/fuzz.sh [SECONDS]   (default 600)
# Needs the nightly toolchain and `cargo install cargo-fuzz`. A crash is saved under
# fuzz/artifacts/import_reader/; keep it as a regression test (tests/test_fuzz_regressions.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
mkdir -p fuzz/corpus/import_reader
cargo +nightly fuzz run import_reader fuzz/corpus/import_reader -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 2>&1 | tee fuzz/last-run.log | tail -n 20
