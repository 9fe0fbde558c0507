#!/usr/bin/env bash
# The long run of the convergence simulation (tests/test_converge.rs): many seeds, longer
# histories, a release build. `cargo test` runs three seeds of 3 days x 12 commands; this runs, by
# default, 200 seeds of 6 days x 30 commands, and prints one line per seed and the total.
#
# Usage: scripts/converge.sh [FIRST_SEED] [SEEDS] [DAYSxCOMMANDS]
#        scripts/converge.sh 1 200 6x30
# A failing seed is named with what differed; rerun it alone with
#        PMI_DESK_SIM_SEEDS=N PMI_DESK_SIM_SIZE=6x30 cargo test --release --test tests test_converge -- --nocapture
set -euo pipefail
cd "$(dirname "$0")/.."
first=${1:-1}
count=${2:-200}
size=${3:-6x30}
cargo test --release --no-run --test tests --quiet
start=$(date +%s)
failed=0
for ((seed = first; seed < first + count; seed++)); do
  if out=$(PMI_DESK_SIM_SEEDS=$seed PMI_DESK_SIM_SIZE=$size \
      cargo test --release --quiet --test tests test_converge -- --nocapture 2>&1); then
    echo "$out" | grep '^seed' || true
  else
    failed=$((failed + 1))
    echo "seed $seed FAILED"
    echo "$out" | grep -E 'panicked|differs|lost|refused' | head -5
  fi
done
echo "seeds $first..$((first + count - 1)) at $size: $((count - failed)) converged, $failed failed, $(( $(date +%s) - start )) s"
[ "$failed" -eq 0 ]
