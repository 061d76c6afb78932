#!/usr/bin/env bash
# Load benchmark of POST /api/orders/check on loopback with wrk (Debian package `wrk`): `crisk serve` in Release on a
# SQLite store holding a generated portfolio, a credit manager's bearer token, checks spread over every customer.
#
#   benchmarks/load/order-check.sh                     # 10,000 customers, 2 wrk threads, 32 connections, 30 s
#   CUSTOMERS=2000 DURATION=10s benchmarks/load/order-check.sh
#
# Settings (environment): CUSTOMERS (10000), THREADS (2), CONNECTIONS (32), SWEEP (connection counts measured in turn
# instead, e.g. "8 16 24 32 64"), DURATION (30s), WARMUP (600s at most: one
# check of every customer, so their ledger figures are cached as in a server that has seen each customer once),
# PORT (5099), CRISK_BENCH_DIR (work folder: reused when it already holds a store; default a new temporary folder),
# NO_BUILD=1 (reuse the build in the work folder). Prints wrk's report (with --latency) and the server's CPU time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
customers="${CUSTOMERS:-10000}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
duration="${DURATION:-30s}"
port="${PORT:-5099}"
work="${CRISK_BENCH_DIR:-$(mktemp -d)}"
serve_log=serve.log
. "$here/serve-warm.sh"
ticks=$(getconf CLK_TCK)
# One measured wrk run with $1 connections; prints wrk's report, then a summary line:
#   connections, checks/s, p50, p99, server CPU per check.
measure() {
  local conns="$1" before after out
  before=$(awk '{print $14 + $15}' "/proc/$server/stat")
  echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
  echo "== measured: $threads threads, $conns connections, $duration, random customers of $(wc -l < "$work/customers.txt")"
  out=$(CRISK_WALK=random wrk -t "$threads" -c "$conns" -d "$duration" --latency -s "$here/order-check.lua" "$url")
  echo "$out"
  after=$(awk '{print $14 + $15}' "/proc/$server/stat")
  echo "== server CPU during the measured run: $(( (after - before) / ticks )) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$out" | awk -v c="$conns" -v cpu="$(( (after - before) * 1000000 / ticks ))" '
    / 50%/ {p50 = $2} / 99%/ {p99 = $2} /requests in/ {n = $1} /Requests\/sec/ {rate = $2}
    END {printf "== summary: %s connections, %s checks/s, p50 %s, p99 %s, server CPU %d us/check\n", c, rate, p50, p99, (n > 0 ? cpu / n : 0)}'
}

# SWEEP="8 16 24 32 64" measures each connection count in turn on the same warmed server (the store grows by each
# run's checks); otherwise one run with CONNECTIONS.
for conns in ${SWEEP:-$connections}; do
  measure "$conns"
done
echo "== server RSS: $(awk '/VmRSS/ {print $2, $3}' "/proc/$server/status")"
