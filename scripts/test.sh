#!/usr/bin/env bash
# Set up from a clean clone and run every check: lint (ruff) and the test suite (pytest).
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'

echo "== ruff"
.venv/bin/ruff check .

echo "== mypy"  # strict on scoring, interview and sessions; see [tool.mypy] in pyproject.toml
.venv/bin/mypy

# PostgreSQL on loopback for the session tests (tests/sessions run on SQLite and PostgreSQL; in CI
# a missing ASSISTANT_TEST_DATABASE_URL fails them). A throw-away cluster in a temp dir, on a free
# port, stopped on exit. An already-set ASSISTANT_TEST_DATABASE_URL is used as it is.
PG_DIR="" PG_BIN=""
pg_stop() {
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -s stop >/dev/null 2>&1 || true
  fi
  [ -z "$PG_DIR" ] || rm -rf "$PG_DIR"
}
pg_as_owner() {  # initdb refuses root: as root run PostgreSQL as the postgres user
  if [ "$(id -u)" = 0 ]; then (cd "$PG_DIR" && runuser -u postgres -- "$@"); else "$@"; fi
}
pg_find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
pg_start() {
  PG_BIN=$(pg_find_bin)
  if [ ! -x "$PG_BIN/pg_ctl" ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "== PostgreSQL not installed and not root: PostgreSQL session tests will skip"; return 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq postgresql </dev/null >/dev/null 2>&1 \
      || { apt-get update -qq </dev/null >/dev/null && apt-get install -y -qq postgresql </dev/null >/dev/null; }
    PG_BIN=$(pg_find_bin)
  fi
  PG_DIR=$(mktemp -d /tmp/assistant-pg.XXXXXX)
  trap pg_stop EXIT
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; fi
  chmod 700 "$PG_DIR"
  local port password
  port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(16))')
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -E UTF8 --no-sync \
    --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -s \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  pg_as_owner "$PG_BIN/psql" -h "$PG_DIR" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE assistant LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE assistant_test OWNER assistant" >/dev/null
  export ASSISTANT_TEST_DATABASE_URL="postgresql+psycopg://assistant:$password@127.0.0.1:$port/assistant_test"
  echo "== PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') up on 127.0.0.1:$port"
}
if [ -n "${ASSISTANT_TEST_DATABASE_URL:-}" ]; then
  echo "== PostgreSQL: using ASSISTANT_TEST_DATABASE_URL"
else
  pg_start
fi

# --- Browser for the end-to-end tests (tests/e2e, marked e2e; they run in CI too) -------------
# Debian's chromium driven by Playwright through its executable path: never `playwright install`
# (no browser downloads). fonts-noto-cjk lets the Japanese screenshots show real glyphs.
if [ "$(id -u)" = 0 ] && ! { command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq chromium fonts-noto-cjk </dev/null >/dev/null 2>&1 \
    || { apt-get update -qq </dev/null >/dev/null && apt-get install -y -qq chromium fonts-noto-cjk </dev/null >/dev/null; }
fi
# WeasyPrint (the PDF reports) draws text with Pango; fonts-noto-cjk (above) gives Japanese PDFs
# real glyphs, embedded in the file.
if [ "$(id -u)" = 0 ] && ! ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0"; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk </dev/null >/dev/null 2>&1 \
    || { apt-get update -qq </dev/null >/dev/null \
         && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk </dev/null >/dev/null; }
fi
command -v chromium >/dev/null && echo "== $(chromium --version 2>/dev/null | head -n 1)" \
  || echo "== chromium not installed (not root): the e2e tests will fail"

echo "== pytest"
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
.venv/bin/python -m pytest -q "$@"
