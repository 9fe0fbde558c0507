#!/usr/bin/env bash
# Speed and size at national scale: a demo office with 100 times the West Sumatra departures
# (about 300,000 placements over five years), then every report, an export and an import, timed.
# Usage: examples/bench.sh [SCALE]   (prints seconds per step; needs only cargo)
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-100}"
cargo build --release --quiet
bin="$PWD/target/release/pmi-desk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export PMI_DESK_NOW=2026-11-28 PMI_DESK_LANG=en

step() {
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  printf '%-48s %8.2f s\n' "$label" "$(echo "$end - $start" | bc)"
}

step "demo --scale $scale" "$bin" demo --scale "$scale" --db big.db
"$bin" --db big.db check --format csv | grep -E '^(persons|placements|recommendations),'
printf '%-48s %8s\n' "database size" "$(du -h big.db | cut -f1)"
db=(--db big.db)
step "report summary (1 Jan - 8 Nov 2023)" "$bin" "${db[@]}" report summary --from 2023-01-01 --to 2023-11-08
step "report placements --year 2025 --by country,sex" "$bin" "${db[@]}" report placements --year 2025 --by country,sex
step "report placements --by month --compare prev-year" "$bin" "${db[@]}" report placements --year 2025 --by month --compare previous-year
step "report registrations --by stage" "$bin" "${db[@]}" report registrations --year 2025 --by stage
step "report cases --by category,handling" "$bin" "${db[@]}" report cases --year 2025 --by category,handling
step "worker find siti" "$bin" "${db[@]}" worker find siti
step "query: placements by regency and sex" "$bin" "${db[@]}" query "SELECT regency_name, sex, count(*) FROM v_placements WHERE departed_year = 2025 GROUP BY 1, 2"
step "export (all files)" "$bin" "${db[@]}" export --out exported
printf '%-48s %8s\n' "export size" "$(du -sh exported | cut -f1)"
"$bin" --db fresh.db init --office-code BENCH --office-name Bench >/dev/null
step "import into an empty database" /usr/bin/env bash -c "'$bin' --db fresh.db import exported"
step "import again (nothing changes)" "$bin" --db fresh.db import exported
if command -v /usr/bin/time >/dev/null 2>&1; then
  /usr/bin/time -f "peak memory of the import: %M KiB" "$bin" --db fresh.db import exported --dry-run >/dev/null
fi
