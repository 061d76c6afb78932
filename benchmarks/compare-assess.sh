#!/usr/bin/env bash
# Checks that two builds of crisk give the same results: generates a demo portfolio, imports it into a fresh SQLite
# store per build, runs `assess` three times per store (as of T, which opens the alerts; T again, which finds them
# unchanged; T + 31 days, which opens, updates and resolves some) and compares, byte for byte, the JSON output of each
# run and the alerts and webhook outbox that the runs left.
#
#   benchmarks/compare-assess.sh OLD_CRISK_DLL NEW_CRISK_DLL [CUSTOMERS] [WORK_FOLDER]
#
# Build each with `dotnet build src/CustomerRisk.Cli -c Release -o FOLDER` (e.g. from a `git worktree` of the old
# commit). CUSTOMERS defaults to 2000; WORK_FOLDER to a new temporary folder. Needs the sqlite3 shell.
# Exits 0 when everything is equal, 1 and the first differing file otherwise.
set -euo pipefail

old=${1:?usage: compare-assess.sh OLD_CRISK_DLL NEW_CRISK_DLL [CUSTOMERS] [WORK_FOLDER]}
new=${2:?usage: compare-assess.sh OLD_CRISK_DLL NEW_CRISK_DLL [CUSTOMERS] [WORK_FOLDER]}
customers=${3:-2000}
work=${4:-$(mktemp -d)}
as_of=2026-11-30
later=2026-12-31
mkdir -p "$work"

dotnet "$new" demo --customers "$customers" --seed 7 --as-of "$as_of" --out "$work/demo" >/dev/null

for build in old new; do
  dll=${!build}
  db="$work/$build.db"
  rm -f "$db" "$db-wal" "$db-shm"
  dotnet "$dll" --db "$db" import "$work/demo" >/dev/null
  # A subscription to every event, so that the outbox is compared too.
  dotnet "$dll" --db "$db" webhooks add http://127.0.0.1:9/hook >/dev/null
  run=0
  for date in "$as_of" "$as_of" "$later"; do
    run=$((run + 1))
    dotnet "$dll" --db "$db" assess --as-of "$date" --format json --out "$work/$build-assess$run.json"
  done
  # Ids, the run's instants and the HMAC secret differ between stores by design; everything else must not.
  sqlite3 "$db" "SELECT alert_id, customer_id, rule_id, metric, threshold, value, severity, message, first_seen, last_seen, status,
                        acknowledged_by, acknowledge_note, resolved_by, resolved_on, resolution FROM alerts ORDER BY alert_id" \
    > "$work/$build-alerts.txt"
  sqlite3 "$db" "SELECT customer_id, event_type, status, attempts,
                        json_remove(payload, '$.occurred_at', '$.alert.resolved_at') FROM webhook_deliveries ORDER BY delivery_id" \
    > "$work/$build-deliveries.txt"
done

status=0
for file in assess1.json assess2.json assess3.json alerts.txt deliveries.txt; do
  if cmp -s "$work/old-$file" "$work/new-$file"; then
    echo "same:    $file ($(wc -c < "$work/new-$file") bytes)"
  else
    echo "DIFFERS: $file (see $work/old-$file and $work/new-$file)"
    status=1
  fi
done
exit $status
