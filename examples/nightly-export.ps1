# The nightly exchange on Windows, for Task Scheduler: the folders received today are imported,
# then one folder is written for each office this one sends to (only what changed since that
# office's last folder), and a backup beside them.
#   schtasks /Create /SC DAILY /ST 23:30 /TN "pmi-desk exchange" ^
#     /TR "powershell -NoProfile -File C:\pmi-desk\examples\nightly-export.ps1 -Inbox D:\terima -Out D:\kirim -To BP2MI"
# Exits with 0 (done), 4 (done, items wait for review: look at `pmi-desk review list`), or the
# failing command's code (1 refused, 3 storage) so the task shows a failure.
param([string]$Inbox = ".\terima", [string]$Out = ".", [string[]]$To = @("BP2MI"),
      [string]$Db = "$env:LOCALAPPDATA\BP2MI\pmi-desk\data\pmi-desk.db")
$stamp = Get-Date -Format "yyyy-MM-dd"
New-Item -ItemType Directory -Force -Path $Out, (Join-Path $Inbox "done") | Out-Null
$status = 0
foreach ($folder in Get-ChildItem -Path $Inbox -Directory | Where-Object { $_.Name -ne "done" }) {
  & pmi-desk --db $Db --no-input --quiet import $folder.FullName
  if ($LASTEXITCODE -eq 0 -or $LASTEXITCODE -eq 4) {
    Move-Item $folder.FullName (Join-Path $Inbox "done")
    if ($LASTEXITCODE -eq 4) { $status = 4 }
  } else { exit $LASTEXITCODE }
}
foreach ($office in $To) {
  & pmi-desk --db $Db --no-input export --since-last --to $office --out (Join-Path $Out "$office-$stamp")
  if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
& pmi-desk --db $Db --no-input backup --out (Join-Path $Out "backup-$stamp.db")
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
exit $status
