#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server on a private port and data folder, for tests.
# Usage: scripts/pg-private.sh start|stop   (prints the DATABASE_URL on start)
set -euo pipefail
PORT="${PG_PRIVATE_PORT:-55432}"
DIR="${PG_PRIVATE_DIR:-/tmp/regwatch-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$BIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = "0" ] && chown postgres "$DIR"
      as_pg "$BIN/initdb" -D "$DIR" -U postgres -A trust --no-sync >/dev/null
    fi
    if ! as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    fi
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtAc "SELECT 1" >/dev/null
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  createdb)
    name="$2"
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtAc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtAc "CREATE DATABASE $name" >/dev/null
    echo "postgres://postgres@127.0.0.1:$PORT/$name"
    ;;
  stop)
    as_pg "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
