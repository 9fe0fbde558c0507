#!/usr/bin/env bash
# The nightly exchange of an office: first the folders that arrived today (from the regencies, or
# from the province), then one folder for each office this one sends to, with only what changed
# since that office's last folder (by the database's change sequence, so what arrived today is
# relayed too), and a backup of the database beside them.
#
# Exit code: 0 done; 4 done, but items wait for a clerk's review (`pmi-desk review list`) or rows
# of a folder were refused on their own: cron mails the note, nothing needs to run again; 1
# refused (a malformed folder: nothing of it was written), 3 storage: cron mails the failure.
#
# Cron, every night at 23:30, at the province (folders from the regencies in /srv/terima, sent to
# the centre and back to each regency):
#   30 23 * * * PMI_DESK_DB=/srv/pmi-desk/pmi-desk.db /opt/pmi-desk/examples/nightly-export.sh \
#       /srv/terima /srv/kirim BP2MI DISNAKER-AGAM DISNAKER-PADANG
set -uo pipefail
inbox="${1:?folder of received folders}"
out="${2:?folder to write to}"
shift 2
stamp="$(date +%Y-%m-%d)"
mkdir -p "$out" "$inbox/done"
status=0
for folder in "$inbox"/*/; do
  [ -d "$folder" ] && [ "$(basename "$folder")" != done ] || continue
  pmi-desk --no-input --quiet import "$folder"
  code=$?
  case $code in
    0) mv "$folder" "$inbox/done/" ;;
    4) mv "$folder" "$inbox/done/"; [ $status -eq 0 ] && status=4 ;;
    *) exit $code ;;
  esac
done
for office in "$@"; do
  pmi-desk --no-input export --since-last --to "$office" --out "$out/$office-$stamp" || exit $?
done
pmi-desk --no-input backup --out "$out/backup-$stamp.db" || exit $?
exit $status
