#!/usr/bin/env bash
# National scale, side by side with the sqlite3 shell in one run: for each N, an exchange folder of
# N persons and N placements (with documents, letters, cases, case events and returns in a real
# office's proportions) is imported, exported and reported on by pmi-desk, and the same job is done
# by the `sqlite3` shell on the same rows with the same keys and indexes; then the interactive
# commands are timed on the database pmi-desk built. Prints seconds, ratios and peak memory.
#
# Import is timed twice: the generated folder, unsigned, under version 1's rules; then the signed
# folder pmi-desk exports from it (version 2) into another office's empty database, against the
# shell's .import into the full reference schema and into bare tables with only their keys.
#
# Then untrusted input (the hardening issue's items 3 and 4): the peak memory of imports refused or
# read from malformed CSV files of growing size and from crafted and large workbooks; the target is a
# peak independent of the line count for malformed input and under 200 MB for any input.
#
# Usage: examples/bench.sh [N ...]        (default: 200000 1000000)
#        examples/bench.sh untrusted      (only the untrusted inputs: a minute; PMI_DESK_BIN=... to
#                                          measure another build, such as one before the fix)
# Needs: cargo, sqlite3 (installed with apt-get when missing), GNU time (/usr/bin/time) for memory.
# Not part of the tests: figures depend on the machine (see docs/performance.md for a recorded run).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(200000 1000000)

if [ "${sizes[0]}" != untrusted ] && ! command -v sqlite3 >/dev/null 2>&1; then
  echo "installing the sqlite3 shell (Debian package sqlite3)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3) >/dev/null
fi
cargo build --release --quiet --bin pmi-desk --example generate_exchange
bin="$PWD/target/release/pmi-desk"
gen="$PWD/target/release/examples/generate_exchange"
work="$(mktemp -d "${TMPDIR:-/tmp}/pmi-desk-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export PMI_DESK_NOW=2026-11-28 PMI_DESK_LANG=en PMI_DESK_CLERK=bench
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); sqlite3 $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"

# Peak memory (MB) and exit code of one import into a new office: "import FILE: 12 MB, exit 1".
peak_import() {
  local label="$1" file="$2" office="$work/untrusted-office.db" out
  local b="${PMI_DESK_BIN:-$bin}"
  rm -f "$office"*
  "$b" --db "$office" init --office-code BP3MI-SB --office-name Bench >/dev/null
  out=$( { /usr/bin/time -f 'peak %M' "$b" --db "$office" import "$file" --unsigned >/dev/null 2>"$work/err"; echo "exit $?"; } 2>&1 )
  printf '   %-52s %6.0f MB  %s  %s\n' "$label" "$(grep -o 'peak [0-9]*' "$work/err" | awk '{print $2 / 1024}')" \
    "$(echo "$out" | tail -n1)" "$(grep -v -e '^peak' -e '^Command exited' -e '^Command terminated' "$work/err" | tail -n1 | cut -c1-70)"
}

untrusted_inputs() {
  echo "untrusted input: peak memory of an import (MB), exit code, last line of its message"
  # `yes | head` ends `yes` with SIGPIPE: not a failure here.
  set +o pipefail
  local header="person_uid,nik,full_name,sex,birth_date,office_code,created_at,updated_at"
  for lines in 1000000 10000000; do
    { echo "$header"; yes 'uid,x' | head -n "$lines"; } > "$work/persons.csv"
    peak_import "CSV, $lines bad rows" "$work/persons.csv"
  done
  { echo "$header"; head -c 64M /dev/zero | tr '\0' '\n'; } > "$work/persons.csv"
  peak_import "CSV, 64 MiB of line breaks" "$work/persons.csv"
  { echo "$header"; printf 'x,"'; head -c 256M /dev/zero | tr '\0' 'a'; printf '"\n'; } > "$work/persons.csv"
  peak_import "CSV, one 256 MiB field" "$work/persons.csv"
  { printf '%s,' "$header"; head -c 60M /dev/zero | tr '\0' 'n'; echo; } > "$work/persons.csv"
  peak_import "CSV, a 60 MB header name" "$work/persons.csv"
  rm -f "$work/persons.csv"
  # Workbooks: crafted (a few KB each) and one of many rows.
  python3 - "$work" <<'PY'
import sys, zipfile
work = sys.argv[1]
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
def book(name, rows, sst=None, dimension="A1"):
    with zipfile.ZipFile(f"{work}/{name}.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="persons" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>')
        if sst is not None:
            z.writestr("xl/sharedStrings.xml", sst)
head = '<row r="1">' + "".join(f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>' for c, h in zip("ABCDEFGH", "person_uid nik full_name sex birth_date office_code created_at updated_at".split())) + "</row>"
book("shared-count", head, f'<sst xmlns="{main}" count="4294967295" uniqueCount="4294967295"><si><t>x</t></si></sst>')
book("cell-xfd1048576", head + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
book("huge-reference", head + '<row r="2"><c r="A99999999999999999999"><v>1</v></c></row>')
book("dimension", head, dimension="A1:XFD1048576")
# Sparse: a value in column EZ of every 8th row down to row 1,000,000 (a dense range would be 156 x 1 M cells).
book("sparse", head + "".join(f'<row r="{r}"><c r="EZ{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(8, 1_000_000, 8)))
# Many rows of text cells: 200,000 rows x 8 shared texts.
texts = 200_000 * 8
sst = f'<sst xmlns="{main}">' + "".join(f"<si><t>text {i}</t></si>" for i in range(texts)) + "</sst>"
rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>{(r - 2) * 8 + i}</v></c>' for i, c in enumerate("ABCDEFGH")) + "</row>" for r in range(2, 200_002))
book("many-rows", head + rows, sst)
PY
  for name in shared-count cell-xfd1048576 huge-reference dimension sparse many-rows; do
    peak_import "workbook $name ($(du -k "$work/$name.xlsx" | cut -f1) KB)" "$work/$name.xlsx"
  done
}
if [ "${sizes[0]}" = untrusted ]; then
  untrusted_inputs
  exit 0
fi

# Wall-clock seconds of a command (its output discarded; a refusal, such as `--check` finding an
# application not yet eligible, is timed like any answer).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# The median of five runs, in milliseconds.
median_ms() {
  local runs=()
  for _ in 1 2 3 4 5; do runs+=("$(seconds "$@")"); done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p | awk '{printf "%.0f", $1 * 1000}'
}

ratio() { echo "scale=2; $1 / $2" | bc; }

# The exchange columns, keys and indexes of pmi-desk's schema (migrations/), for the shell.
reference_schema() {
  cat <<'SQL'
CREATE TABLE persons (person_uid TEXT PRIMARY KEY, nik TEXT UNIQUE, full_name TEXT NOT NULL, sex, birth_place, birth_date,
  regency_code, address, phone, education, marital_status, office_code NOT NULL, created_at NOT NULL, updated_at NOT NULL);
CREATE INDEX persons_regency ON persons(regency_code);
CREATE TABLE placements (placement_uid TEXT PRIMARY KEY, person_uid TEXT NOT NULL REFERENCES persons, scheme NOT NULL, p3mi_name,
  employer_name, country NOT NULL, sector, occupation, stage NOT NULL, registered_on NOT NULL, departed_on, returned_on,
  cancel_reason, passport_number, office_code NOT NULL, created_at NOT NULL, updated_at NOT NULL);
CREATE INDEX placements_person ON placements(person_uid, registered_on);
CREATE INDEX placements_registered_on ON placements(registered_on);
CREATE INDEX placements_departures ON placements(departed_on, scheme, country, sector, person_uid)
  WHERE departed_on IS NOT NULL;
CREATE INDEX placements_country ON placements(country, registered_on);
CREATE INDEX placements_scheme ON placements(scheme, registered_on);
CREATE INDEX placements_stage ON placements(stage, registered_on);
CREATE UNIQUE INDEX placements_one_open ON placements(person_uid) WHERE stage IN ('REGISTERED', 'RECOMMENDED');
CREATE TABLE documents (document_uid TEXT PRIMARY KEY, placement_uid NOT NULL REFERENCES placements, kind NOT NULL, number,
  issued_on, expires_on, verified_on, verified_by, updated_at NOT NULL);
CREATE INDEX documents_placement ON documents(placement_uid, kind);
CREATE TABLE recommendations (recommendation_uid TEXT PRIMARY KEY, placement_uid NOT NULL REFERENCES placements,
  letter_number UNIQUE, status NOT NULL, decided_on NOT NULL, valid_until, immigration_office, refusal_reasons, void_reason,
  clerk, office_code NOT NULL, created_at NOT NULL, updated_at NOT NULL);
CREATE INDEX recommendations_placement ON recommendations(placement_uid);
CREATE INDEX recommendations_decided_on ON recommendations(decided_on);
CREATE UNIQUE INDEX recommendations_one_issued ON recommendations(placement_uid) WHERE status = 'ISSUED';
CREATE INDEX recommendations_status ON recommendations(status, decided_on);
CREATE TABLE cases (case_uid TEXT PRIMARY KEY, case_number NOT NULL UNIQUE, person_uid REFERENCES persons, category NOT NULL,
  channel, procedural_status, country, reported_on NOT NULL, complainant_name, complainant_relation, summary,
  status NOT NULL, closure_reason, closed_on, office_code NOT NULL, created_at NOT NULL, updated_at NOT NULL);
CREATE INDEX cases_reported_on ON cases(reported_on);
CREATE INDEX cases_person ON cases(person_uid);
CREATE INDEX cases_status ON cases(status);
CREATE TABLE case_events (event_uid TEXT PRIMARY KEY, case_uid NOT NULL REFERENCES cases, occurred_on NOT NULL, kind NOT NULL,
  partner, letter_number, note, clerk, created_at NOT NULL);
CREATE INDEX case_events_case ON case_events(case_uid, occurred_on);
CREATE TABLE repatriations (repatriation_uid TEXT PRIMARY KEY, person_uid REFERENCES persons, case_uid REFERENCES cases,
  category NOT NULL, from_country, debarkation, arrived_on NOT NULL, origin_regency_code, handed_over_to, handed_over_on,
  handover_record_number, notes, office_code NOT NULL, created_at NOT NULL, updated_at NOT NULL);
CREATE INDEX repatriations_arrived_on ON repatriations(arrived_on);
CREATE INDEX repatriations_person ON repatriations(person_uid);
SQL
}

# The names' trigram index, filled once the rows are in (pmi-desk keeps it row by row).
reference_name_index() {
  cat <<'SQL'
CREATE VIRTUAL TABLE persons_words USING fts5(words, content = '', tokenize = 'trigram');
INSERT INTO persons_words (rowid, words)
  SELECT rowid, lower(replace(replace(replace(replace(full_name, ' ', ''), '''', ''), '-', ''), '.', '')) FROM persons;
SQL
}

files=(persons placements documents recommendations cases case_events repatriations)

# The seven GROUP BYs `report summary --year 2025` runs, bare (persons joined only for sex).
summary_sql() {
  local d="pl.departed_on >= '2025-01-01' AND pl.departed_on <= '2025-12-31'"
  local c="c.reported_on >= '2025-01-01' AND c.reported_on <= '2025-12-31'"
  for col in pl.scheme pl.country pl.sector; do
    echo "SELECT $col, count(*) FROM placements pl WHERE $d GROUP BY 1 ORDER BY 1;"
  done
  echo "SELECT pe.sex, count(*) FROM placements pl JOIN persons pe ON pe.uid = pl.person_uid WHERE $d GROUP BY 1 ORDER BY 1;"
  echo "SELECT c.category, count(*) FROM cases c WHERE $c GROUP BY 1 ORDER BY 1;"
  echo "SELECT CASE WHEN c.status = 'RESOLVED' OR (c.status = 'CLOSED' AND coalesce(c.closure_reason, '') <> 'HANDED_TO_AGENCY') THEN 'DONE' ELSE 'IN_PROCESS' END, count(*) FROM cases c WHERE $c GROUP BY 1 ORDER BY 1;"
  echo "SELECT x.category, count(*) FROM repatriations x WHERE x.arrived_on >= '2025-01-01' AND x.arrived_on <= '2025-12-31' GROUP BY 1 ORDER BY 1;"
}

for n in "${sizes[@]}"; do
  dir="$work/$n"
  mkdir -p "$dir"
  echo
  echo "== N = $n"
  "$gen" "$n" "$dir/folder" 2>&1 | sed 's/^/   /'
  printf '   exchange folder: %s\n' "$(du -sh "$dir/folder" | cut -f1)"

  # The generated folder is unsigned (as from a spreadsheet or an older pmi-desk): read under
  # version 1's rules, into an empty database.
  { reference_schema; echo ".mode csv"; for f in "${files[@]}"; do echo ".import --skip 1 '$dir/folder/$f.csv' $f"; done; reference_name_index; } >"$dir/import.sql"
  t_shell_import=$(seconds sqlite3 "$dir/shell.db" ".read $dir/import.sql")
  "$bin" --db "$dir/pmi.db" init --office-code BP2MI --office-name Pusat >/dev/null
  # Exit 4: imported, with the rows refused on their own listed (unsigned letters are never taken).
  /usr/bin/time -o "$dir/time" -f '%e %M' "$bin" --db "$dir/pmi.db" import "$dir/folder" --unsigned --quiet >/dev/null 2>&1 || true
  # GNU time puts "Command exited with non-zero status 4" first: the figures are the last line.
  read -r t_import peak_kb < <(tail -n 1 "$dir/time")
  printf '   %-34s %8.2f s   sqlite3 .import %8.2f s   ratio %sx   peak memory %s MB\n' \
    "import an unsigned folder" "$t_import" "$t_shell_import" "$(ratio "$t_import" "$t_shell_import")" "$(( ${peak_kb:-0} / 1024 ))"

  # Export every file.
  t_shell_export=$(seconds bash -c "for f in ${files[*]}; do
      case \$f in persons) k=person_uid;; placements) k=placement_uid;; documents) k=document_uid;;
        recommendations) k=recommendation_uid;; cases) k=case_uid;; case_events) k=event_uid;; repatriations) k=repatriation_uid;; esac
      sqlite3 -csv -header '$dir/shell.db' \"SELECT * FROM \$f ORDER BY \$k\" > '$dir/shell-'\$f.csv; done")
  t_export=$(seconds "$bin" --db "$dir/pmi.db" export --out "$dir/exported" --quiet)
  printf '   %-34s %8.2f s   sqlite3 -csv    %8.2f s   ratio %sx\n' \
    "export all files" "$t_export" "$t_shell_export" "$(ratio "$t_export" "$t_shell_export")"
  # What was taken of the unsigned folder (its passport letters are never taken unsigned).
  printf '   exported rows:'
  for f in "${files[@]}"; do
    [ -f "$dir/exported/$f.csv" ] && printf ' %s %s' "$f" "$(( $(wc -l <"$dir/exported/$f.csv") - 1 ))"
  done
  echo

  # The signed folder (version 2: versions, signature) into another office's empty database: the
  # exchange between offices. Against the shell's .import of the same files into the full
  # reference schema, and into tables with only their keys (indexes built after the load).
  { reference_schema; echo ".mode csv"; for f in "${files[@]}"; do echo ".import --skip 1 '$dir/exported/$f.csv' $f"; done; reference_name_index; } >"$dir/import2.sql"
  t_shell_import2=$(seconds sqlite3 "$dir/shell2.db" ".read $dir/import2.sql")
  {
    echo ".mode csv"
    for f in "${files[@]}"; do
      cols=$(head -1 "$dir/exported/$f.csv")
      key=${cols%%,*}
      echo "CREATE TABLE $f (${cols/$key/$key PRIMARY KEY});"
      echo ".import --skip 1 '$dir/exported/$f.csv' $f"
    done
  } >"$dir/import-keys.sql"
  t_shell_keys=$(seconds sqlite3 "$dir/shell-keys.db" ".read $dir/import-keys.sql")
  "$bin" --db "$dir/pmi2.db" init --office-code BP3MI-JI --office-name "Jawa Timur" >/dev/null
  /usr/bin/time -o "$dir/time2" -f '%e %M' "$bin" --db "$dir/pmi2.db" import "$dir/exported" --quiet >/dev/null 2>&1 || true
  read -r t_import2 peak_kb2 < <(tail -n 1 "$dir/time2")
  printf '   %-34s %8.2f s   sqlite3 .import %8.2f s   ratio %sx   peak memory %s MB\n' \
    "import a signed folder" "$t_import2" "$t_shell_import2" "$(ratio "$t_import2" "$t_shell_import2")" "$(( ${peak_kb2:-0} / 1024 ))"
  printf '   %-34s %8.2f s   keys only       %8.2f s   ratio %sx\n' \
    "  the same, against bare tables" "$t_import2" "$t_shell_keys" "$(ratio "$t_import2" "$t_shell_keys")"
  rm -f "$dir/shell2.db" "$dir/shell-keys.db" "$dir/pmi2.db"

  # One year's summary report, against its bare GROUP BYs on the same database.
  summary_sql >"$dir/summary.sql"
  t_shell_summary=$(median_ms sqlite3 "$dir/pmi.db" ".read $dir/summary.sql")
  t_summary=$(median_ms "$bin" --db "$dir/pmi.db" report summary --year 2025)
  printf '   %-34s %8s ms  bare GROUP BYs  %8s ms  ratio %sx\n' \
    "report summary --year 2025" "$t_summary" "$t_shell_summary" "$(ratio "$t_summary" "$t_shell_summary")"

  # Interactive commands (median of five runs).
  db=(--db "$dir/pmi.db")
  nik=$(sqlite3 "$dir/pmi.db" "SELECT nik FROM persons ORDER BY seq DESC LIMIT 1")
  reg=$(sqlite3 "$dir/pmi.db" "SELECT registration_number FROM placements WHERE stage = 'REGISTERED' ORDER BY seq DESC LIMIT 1")
  echo "   interactive commands (median of 5):"
  while IFS='|' read -r label command; do
    # A command's words split at spaces; "_" stands for a space inside one word.
    # shellcheck disable=SC2086
    set -- $command
    printf '     %-52s %6s ms\n' "$label" "$(median_ms "$bin" "${db[@]}" "${@//_/ }")"
  done <<EOF
--help|--help
worker find siti|worker find siti
worker find "siti rah" (two parts of the name)|worker find siti_rah
worker find nuraini (apostrophe ignored)|worker find nuraini
worker find aini (inside a name)|worker find aini
worker find by NIK prefix|worker find ${nik:0:10}
worker show (by NIK)|worker show $nik
worker list --stage REGISTERED|worker list --stage REGISTERED
worker list --country JP --limit 10|worker list --country JP --limit 10
worker list --regency 1371|worker list --regency 1371
worker list --from 2025-01-01 --to 2025-01-31|worker list --from 2025-01-01 --to 2025-01-31
recommendation list --status ISSUED|recommendation list --status ISSUED
case list --overdue (every open case weighed)|case list --overdue
case list --status IN_PROGRESS|case list --status IN_PROGRESS
repatriation list|repatriation list
log --limit 20|log --limit 20
report placements --year 2025 --by country|report placements --year 2025 --by country
EOF
  # Writing commands: each run on its own new worker.
  for i in 1 2 3 4 5; do
    printf -v nik '3171015508%02d%04d' 90 "$((9000 + i))"
    seconds "$bin" "${db[@]}" register --nik "$nik" --name "Bench $i" --sex P --birth-place Jakarta --birth-date 15-08-1990 --regency 3171 --scheme MANDIRI --country JP --accept-warnings
  done | sort -n | sed -n 3p | awk '{printf "     %-52s %6.0f ms\n", "register", $1 * 1000}'
  for i in 1 2 3 4 5; do
    seconds "$bin" "${db[@]}" recommend-passport "$reg" --check
  done | sort -n | sed -n 3p | awk '{printf "     %-52s %6.0f ms\n", "recommend-passport --check", $1 * 1000}'
  for i in 1 2 3 4 5; do
    seconds "$bin" "${db[@]}" repatriate --category TROUBLED --arrived-on 2026-11-01 --person-name "Bench $i" --from-country MY --debarkation BIM
  done | sort -n | sed -n 3p | awk '{printf "     %-52s %6.0f ms\n", "repatriate", $1 * 1000}'
  printf '   database: %s\n' "$(du -h "$dir/pmi.db" | cut -f1)"
  rm -rf "$dir"
done
untrusted_inputs
