# Nightly incremental export on Windows, for Task Scheduler:
#   schtasks /Create /SC DAILY /ST 23:30 /TN "pmi-desk export" ^
#     /TR "powershell -NoProfile -File C:\pmi-desk\examples\nightly-export.ps1 -Out D:\kirim"
# Exits with pmi-desk's exit code (0 done, 1 refused, 3 storage) so the task shows a failure.
param([string]$Out = ".", [string]$Db = "$env:LOCALAPPDATA\BP2MI\pmi-desk\data\pmi-desk.db")
$ErrorActionPreference = "Stop"
$stamp = Get-Date -Format "yyyy-MM-dd"
New-Item -ItemType Directory -Force -Path $Out | Out-Null
& pmi-desk --db $Db --no-input export --since-last --out (Join-Path $Out "export-$stamp")
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& pmi-desk --db $Db --no-input backup --out (Join-Path $Out "backup-$stamp.db")
exit $LASTEXITCODE
