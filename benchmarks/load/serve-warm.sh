# Shared by order-check.sh and soak.sh (sourced, not run): builds crisk in Release, makes the store (a generated
# portfolio, a credit manager's bearer token), starts `crisk serve` and warms every customer once.
# The caller sets: here, port, threads, customers, and work (the work folder); `serve_log` names the server's log.
root="$(cd "$here/../.." && pwd)"
as_of="2026-06-30"
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
dotnet "$work/crisk/crisk.dll" --db "$work/store.db" serve --urls "$url" > "$work/$serve_log" 2>&1 &
server=$!
sampler=""
trap 'kill "$server" $sampler 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$url/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$url/health/ready" >/dev/null || { echo "the server did not start; see $work/$serve_log" >&2; exit 1; }

echo "== warm-up: one check of every customer (at most ${WARMUP:-600s})" >&2
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
