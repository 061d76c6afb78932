#!/usr/bin/env bash
# Times the review queue (GET /api/reviews/due) and the collection worklist (GET /api/collections/) on a large store:
# the first request after the day's assessment and the later ones, wall time by curl and the server's CPU time from
# /proc. Usage: benchmarks/load/worklists.sh WORK [CUSTOMERS]
#   WORK       a folder; WORK/store.db is used when present (an imported store), else a demo of CUSTOMERS (default
#              100000) is generated and imported there.
# Set CRISK_DLL to a built crisk.dll to time another build (default: a Release build of this checkout into WORK/crisk).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${1:?usage: worklists.sh WORK [CUSTOMERS]}"
customers="${2:-100000}"
as_of="2026-06-30"
port="${PORT:-5187}"
mkdir -p "$work"
dll="${CRISK_DLL:-$work/crisk/crisk.dll}"
if [ ! -f "$dll" ]; then
  dotnet build "$root/src/CustomerRisk.Cli/CustomerRisk.Cli.csproj" -c Release -o "$work/crisk" -nologo -v quiet -clp:ErrorsOnly >&2
fi
crisk() { dotnet "$dll" --db "$work/store.db" "$@"; }
if [ ! -f "$work/store.db" ]; then
  dotnet "$dll" demo --customers "$customers" --seed 1 --as-of "$as_of" --out "$work/demo" >&2
  crisk import "$work/demo" >&2
fi
if [ ! -f "$work/token" ]; then
  echo "== assess as of $as_of" >&2
  /usr/bin/time -f "assess: wall %e s, cpu %U+%S s" dotnet "$dll" --db "$work/store.db" assess --as-of "$as_of" --format json --out "$work/assess.json" >&2
  echo "a long benchmark password" | crisk users add bench --role credit_manager >&2
  crisk users token bench --label worklists > "$work/token" 2>/dev/null
fi
token="$(cat "$work/token")"
url="http://127.0.0.1:$port"
dotnet "$dll" --db "$work/store.db" serve --urls "$url" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -fs "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
tick=$(getconf CLK_TCK)
get() {
  local before after
  before=$(cpu)
  curl -s -o "$work/last.json" -w "%{http_code} %{time_total}s" -H "Authorization: Bearer $token" "$url$1"
  after=$(cpu)
  printf ' server cpu %.2fs  %s\n' "$(echo "($after - $before) / $tick" | bc -l)" "$1"
}
for path in "/api/reviews/due?as_of=$as_of" "/api/collections/?as_of=$as_of"; do
  for i in 1 2 3 4 5; do get "$path&page=$i"; done
  get "$path&page=200"
done
get "/api/reviews/due?as_of=$as_of&all=true&page=3"
customer=$(grep -o '"customer_id":"[^"]*"' "$work/last.json" | head -1 | cut -d'"' -f4)
if [ -n "$customer" ]; then
  # A decision moves one customer's rows: the next request refreshes that customer, not the whole list.
  curl -s -o /dev/null -w "record a call: %{http_code}\n" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"kind\":\"call\",\"action_date\":\"$as_of\",\"note\":\"benchmark\"}" "$url/api/customers/$customer/collections/actions"
  get "/api/collections/?as_of=$as_of&page=1"
  curl -s -o /dev/null -w "record a review: %{http_code}\n" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"decision\":\"keep\",\"reason\":\"benchmark\",\"reviewed_on\":\"$as_of\"}" "$url/api/customers/$customer/reviews"
  get "/api/reviews/due?as_of=$as_of&page=1"
  get "/api/reviews/due?as_of=$as_of&page=2"
fi
