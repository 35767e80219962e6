#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: initdb in a temporary directory, a free port on 127.0.0.1
# and a unix socket in the same directory, trust authentication, no fsync (nothing here must survive a power
# cut; PG_CLUSTER_DURABLE=1 keeps it). Run as root it runs PostgreSQL as the `postgres` user (initdb refuses root).
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # exports TEST_DATABASE_URL and PG_TEST_CLUSTER_DIR
#   scripts/pg-test-cluster.sh stop              # stops it and deletes the directory (PG_TEST_CLUSTER_DIR)
#   scripts/pg-test-cluster.sh down|up DIR       # stops / starts its server, keeping the data (fault drills)
#
# Each test file creates its own database in it (test/support/postgres.ts).
set -euo pipefail

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "pg-test-cluster: no PostgreSQL binaries found (install Debian's postgresql, or set PG_BIN)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local dir port
  dir="$(mktemp -d "${TMPDIR:-/tmp}/convene-pg-XXXXXX")"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  echo "$port" >"$dir/port"
  up "$dir"
  echo "export PG_TEST_CLUSTER_DIR='$dir'"
  echo "export TEST_DATABASE_URL='postgres://postgres@127.0.0.1:$port/postgres'"
}

# PG_CLUSTER_DURABLE=1 keeps PostgreSQL's defaults (fsync on every commit), for benchmarks beside SQLite's
# synchronous=FULL; the tests do not need it.
durability() {
  if [ "${PG_CLUSTER_DURABLE:-}" = 1 ]; then echo ""; else echo "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"; fi
}

# Starts the server of an existing cluster directory again (same port), e.g. after `down`.
up() {
  local dir="$1" port
  port="$(cat "$dir/port")"
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $(durability) -c max_connections=300" \
    >/dev/null || {
    cat "$dir/postgres.log" >&2
    exit 1
  }
}

# Stops the server but keeps the cluster (fault drills: the database goes away mid-meeting, then comes back).
down() {
  as_owner "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null
}

stop() {
  local dir="${1:-${PG_TEST_CLUSTER_DIR:-}}"
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "pg-test-cluster: no cluster to stop (pass its directory or set PG_TEST_CLUSTER_DIR)" >&2
    exit 1
  fi
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  down) down "${2:?usage: $0 down DIR}" ;;
  up) up "${2:?usage: $0 up DIR}" ;;
  *)
    echo "usage: $0 start | stop [dir] | down DIR | up DIR" >&2
    exit 2
    ;;
esac
