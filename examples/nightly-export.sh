#!/usr/bin/env bash
# Nightly incremental export for the provincial office or the centre: only what changed since the
# last successful export (by the database's change sequence, so what arrived today from a regency is
# relayed too, whatever its own timestamps), in a dated folder; a backup of the database beside it. Exit code 0 or the
# command's own (1 refused, 3 storage) so that cron mails a failure.
# Cron, every night at 23:30:
#   30 23 * * * PMI_DESK_DB=/srv/pmi-desk/pmi-desk.db /opt/pmi-desk/examples/nightly-export.sh /srv/kirim
set -euo pipefail
out="${1:-.}"
stamp="$(date +%Y-%m-%d)"
mkdir -p "$out"
pmi-desk --no-input export --since-last --out "$out/export-$stamp"
pmi-desk --no-input backup --out "$out/backup-$stamp.db"
