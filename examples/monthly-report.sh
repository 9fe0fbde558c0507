#!/usr/bin/env bash
# Monthly figures for the head of office: last month's summary (Indonesian), placements by country
# and by regency with the change from a year earlier, and cases by category, written to a folder.
# Cron, on the 2nd of each month at 07:00:
#   0 7 2 * * PMI_DESK_DB=/srv/pmi-desk/pmi-desk.db /opt/pmi-desk/examples/monthly-report.sh /srv/laporan
set -euo pipefail
out="${1:-.}"
month="$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)"
mkdir -p "$out/$month"
pmi-desk report summary --month "$month" --out "$out/$month/ringkasan.txt"
pmi-desk report placements --month "$month" --by country --compare previous-year --out "$out/$month/penempatan-negara.txt"
pmi-desk report placements --month "$month" --by regency,sex --format csv --out "$out/$month/penempatan-daerah.csv"
pmi-desk report cases --month "$month" --by category,handling --format csv --out "$out/$month/pengaduan.csv"
echo "Laporan $month: $out/$month"
