#!/usr/bin/env bash
# Load benchmark of POST /api/orders/check on loopback with wrk (Debian package `wrk`): `crisk serve` in Release on a
# SQLite store holding a generated portfolio, a credit manager's bearer token, checks spread over every customer.
#
#   benchmarks/load/order-check.sh                     # 10,000 customers, 2 wrk threads, 32 connections, 30 s
#   CUSTOMERS=2000 DURATION=10s benchmarks/load/order-check.sh
#
# Settings (environment): CUSTOMERS (10000), THREADS (2), CONNECTIONS (32), DURATION (30s), WARMUP (600s at most: one
# check of every customer, so their ledger figures are cached as in a server that has seen each customer once),
# PORT (5099), CRISK_BENCH_DIR (work folder: reused when it already holds a store; default a new temporary folder),
# NO_BUILD=1 (reuse the build in the work folder). Prints wrk's report (with --latency) and the server's CPU time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
customers="${CUSTOMERS:-10000}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
duration="${DURATION:-30s}"
warmup="${WARMUP:-600s}"
port="${PORT:-5099}"
as_of="2026-06-30"
work="${CRISK_BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

if [ "${NO_BUILD:-0}" != 1 ] || [ ! -f "$work/crisk/crisk.dll" ]; then
  echo "== building crisk (Release) into $work/crisk" >&2
  dotnet build "$root/src/CustomerRisk.Cli/CustomerRisk.Cli.csproj" -c Release -o "$work/crisk" -nologo -v quiet -clp:ErrorsOnly >&2
fi
crisk() { dotnet "$work/crisk/crisk.dll" --db "$work/store.db" "$@"; }

if [ ! -f "$work/store.db" ]; then
  echo "== generating and importing $customers customers" >&2
  dotnet "$work/crisk/crisk.dll" demo --customers "$customers" --seed 1 --as-of "$as_of" --out "$work/demo" >&2
  crisk import "$work/demo" >&2
  echo "a long benchmark password" | crisk users add bench --role credit_manager >&2
  crisk users token bench --label load-benchmark > "$work/token" 2>/dev/null
  tail -n +2 "$work/demo/customers.csv" | cut -d, -f1 > "$work/customers.txt"
fi

export CRISK_TOKEN="$(cat "$work/token")" CRISK_CUSTOMERS="$work/customers.txt" CRISK_AS_OF="$as_of" CRISK_THREADS="$threads"
url="http://127.0.0.1:$port"
dotnet "$work/crisk/crisk.dll" --db "$work/store.db" serve --urls "$url" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$url/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$url/health/ready" >/dev/null || { echo "the server did not start; see $work/serve.log" >&2; exit 1; }

echo "== warm-up: one check of every customer (at most $warmup)" >&2
# Each wrk thread stops after its share of the customers, but wrk itself waits out its duration: it is ended once
# the server has gone idle (under 0.1 s of CPU in 2 s).
CRISK_WALK=sequential wrk -t "$threads" -c 32 -d "${WARMUP:-600s}" -s "$here/order-check.lua" "$url" > "$work/warmup.txt" 2>&1 &
warm=$!
previous=0
while kill -0 "$warm" 2>/dev/null; do
  sleep 2
  used=$(awk '{print $14 + $15}' "/proc/$server/stat")
  if [ "$previous" -gt 0 ] && [ $((used - previous)) -lt $(( $(getconf CLK_TCK) / 10 )) ]; then kill "$warm" 2>/dev/null || true; fi
  previous=$used
done
wait "$warm" 2>/dev/null || true
cpu_before=$(awk '{print $14 + $15}' "/proc/$server/stat")
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "== measured: $threads threads, $connections connections, $duration, random customers of $(wc -l < "$work/customers.txt")"
CRISK_WALK=random wrk -t "$threads" -c "$connections" -d "$duration" --latency -s "$here/order-check.lua" "$url"
cpu_after=$(awk '{print $14 + $15}' "/proc/$server/stat")
ticks=$(getconf CLK_TCK)
echo "== server CPU during the measured run: $(( (cpu_after - cpu_before) / ticks )) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== server RSS: $(awk '/VmRSS/ {print $2, $3}' "/proc/$server/status")"
