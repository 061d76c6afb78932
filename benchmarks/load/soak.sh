#!/usr/bin/env bash
# Soak test of POST /api/orders/check: wrk at a moderate, steady load for a long time while the server's resident
# memory (RSS), CPU time, open file descriptors and the WAL file's size are sampled every 10 s into a CSV. Memory must
# stay flat.
#
#   benchmarks/load/soak.sh                          # 10 minutes, 2 threads, 8 connections
#   SOAK=2m benchmarks/load/soak.sh                  # a shorter run
#
# Settings as for order-check.sh (CUSTOMERS, THREADS, PORT, CRISK_BENCH_DIR, NO_BUILD) plus SOAK (10m: wrk's
# duration), SOAK_CONNECTIONS (8: a moderate rate, well below saturation), INTERVAL (10: seconds between samples),
# OUT (soak.csv in the work folder). The store is built and warmed as order-check.sh does (run that first with the
# same CRISK_BENCH_DIR to reuse its store).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
customers="${CUSTOMERS:-10000}"
threads="${THREADS:-2}"
connections="${SOAK_CONNECTIONS:-8}"
soak="${SOAK:-10m}"
interval="${INTERVAL:-10}"
port="${PORT:-5099}"
work="${CRISK_BENCH_DIR:-$(mktemp -d)}"
out="${OUT:-$work/soak.csv}"
serve_log=soak-serve.log
. "$here/serve-warm.sh"
ticks=$(getconf CLK_TCK)
start=$(date +%s)
echo "elapsed_s,rss_kb,cpu_s,open_fds,load1,wal_kb" > "$out"
(
  while kill -0 "$server" 2>/dev/null; do
    now=$(date +%s)
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
    cpu=$(awk -v t="$ticks" '{printf "%.1f", ($14 + $15) / t}' "/proc/$server/stat")
    fds=$(ls "/proc/$server/fd" | wc -l)
    wal=$(( $(stat -c %s "$work/store.db-wal" 2>/dev/null || echo 0) / 1024 ))
    echo "$((now - start)),$rss,$cpu,$fds,$(cut -d' ' -f1 /proc/loadavg),$wal" >> "$out"
    sleep "$interval"
  done
) &
sampler=$!
echo "== soak: $threads threads, $connections connections, $soak; samples every ${interval}s to $out"
CRISK_WALK=random wrk -t "$threads" -c "$connections" -d "$soak" --latency -s "$here/order-check.lua" "$url"
sleep "$interval"
kill "$sampler" 2>/dev/null || true
echo "== samples (elapsed_s,rss_kb,cpu_s,open_fds,load1,wal_kb):"
cat "$out"
# Flat memory: compare the second half of the run with the first (the first samples include the warm-up's growth).
awk -F, 'NR > 1 { n++; r[n] = $2; if ($2 > max) max = $2 }
  END { if (n < 4) exit; h = int(n / 2); for (i = 1; i <= h; i++) a += r[i]; for (i = h + 1; i <= n; i++) b += r[i];
        printf "== RSS first sample %d kB, last %d kB, max %d kB; mean of first half %d kB, of second half %d kB\n",
               r[1], r[n], max, a / h, b / (n - h) }' "$out"
