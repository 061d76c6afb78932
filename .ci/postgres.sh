#!/usr/bin/env bash
# A throwaway PostgreSQL for the storage tests.
#   .ci/postgres.sh start   installs PostgreSQL from Debian packages when no server is found, starts one on
#                           127.0.0.1:${CRISK_PG_PORT:-55432} with a data folder under a fresh temporary folder, and
#                           prints one line for the caller to eval:  export CRISK_TEST_PG='Host=…'
#   .ci/postgres.sh stop    stops that server and removes its folder.
# Everything but that one line goes to stderr. PostgreSQL refuses to run as root, so the server runs as `postgres`.
set -euo pipefail

port=${CRISK_PG_PORT:-55432}
state=${CRISK_PG_STATE:-${TMPDIR:-/tmp}/crisk-postgres-$port.state}

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  if [ -f "$state" ]; then
    log "a server from an earlier start is recorded in $state; stopping it first"
    stop
  fi

  local bin
  if ! bin=$(find_bin); then
    log "no PostgreSQL server found; installing Debian's package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bin=$(find_bin) || { log "PostgreSQL is still missing after apt-get install"; return 1; }
  fi

  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  local dir
  dir=$(mktemp -d -t crisk-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  local password
  password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pwfile"

  # Record the folder before anything can fail, so that stop can clean up.
  printf 'dir=%s\nbin=%s\n' "$dir" "$bin" > "$state"

  as_postgres "$bin/initdb" -D "$dir/data" -U crisk --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  # Durability is not wanted from a throwaway server; speed is.
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$dir/server.log" >&2; return 1; }
  PGPASSWORD=$password as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U crisk -d postgres -q \
    -c "CREATE DATABASE crisk_test" >&2

  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$port (data in $dir)"
  echo "export CRISK_TEST_PG='Host=127.0.0.1;Port=$port;Database=crisk_test;Username=crisk;Password=$password'"
}

stop() {
  if [ ! -f "$state" ]; then
    log "nothing to stop"
    return 0
  fi

  local dir bin
  dir=$(sed -n 's/^dir=//p' "$state")
  bin=$(sed -n 's/^bin=//p' "$state")
  if [ -n "$dir" ] && [ -d "$dir/data" ]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi

  case "$dir" in
    */crisk-pg.*) rm -rf "$dir" ;;
  esac
  rm -f "$state"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
