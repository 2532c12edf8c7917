#!/usr/bin/env bash
# The README's test command. Static checks, unit tests, a production build, then the HTTP
# integration suite and the browser suite against PGlite and against a private PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { echo; echo "=== $* ==="; }

step "lint";        npx eslint --max-warnings 0 .
step "typecheck";   npx tsc --noEmit
step "format";      npx prettier --check . >/dev/null || { npx prettier --list-different .; exit 1; }
step "unit";        npx vitest run --project unit
step "build";       npx next build >/tmp/regwatch-build.log 2>&1 || { tail -50 /tmp/regwatch-build.log; exit 1; }

started_pg=""
pg_skipped=""
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if TEST_DATABASE_URL="$(scripts/pg-private.sh start)"; then
    started_pg=1
    export TEST_DATABASE_URL
  elif [ -n "${CI:-}" ]; then
    # In CI the PostgreSQL half is part of the contract: a server that cannot start is a failure,
    # not a reason to report success on half the suites.
    echo "FAIL: PostgreSQL could not be started (scripts/pg-private.sh start) and CI is set." >&2
    exit 1
  else
    pg_skipped=1
    echo "No PostgreSQL server available: the PostgreSQL runs are skipped." >&2
  fi
fi
cleanup() { [ -n "$started_pg" ] && scripts/pg-private.sh stop; true; }
trap cleanup EXIT

step "database (PGlite)"
TEST_DB=pglite npx vitest run --project db
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "database (PostgreSQL)"
  TEST_DB=postgres npx vitest run --project db
fi

step "integration (PGlite)"
TEST_DB=pglite npx vitest run --project integration
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration (PostgreSQL)"
  TEST_DB=postgres npx vitest run --project integration
  step "device suites through the ingest server (PostgreSQL)"
  INGEST_SERVER=1 TEST_DB=postgres npx vitest run --project integration tests/integration/{device-,ingest-protocols,late-data,lifecycle,address-change,bad-input}*.test.ts
fi

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  # Its own private server (PG_PRIVATE_PORT, default 55499), since it stops and starts it.
  step "fault: kill -9 and PostgreSQL restart"
  PG_PRIVATE_PORT="${FAULT_PG_PORT:-55499}" npx vitest run --project fault
fi

if [ -d e2e ] && ls e2e/*.spec.ts >/dev/null 2>&1; then
  step "e2e (PGlite)"
  E2E_DB=pglite npx playwright test
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    step "e2e (PostgreSQL)"
    E2E_DB=postgres npx playwright test
  fi
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  # Its own primary, replica, two app instances and nginx on private ports (scripts/cluster-drills.mjs).
  step "cluster drills: kill -9 an instance, stop the replica, restart the primary"
  node scripts/cluster-drills.mjs
fi

if [ -n "$pg_skipped" ]; then
  echo; echo "Suites passed on PGlite only: the PostgreSQL runs were SKIPPED (no server could be started)."
else
  echo; echo "All suites passed."
fi
