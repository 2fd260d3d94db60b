#!/usr/bin/env bash
# Install everything the test suite needs and run the whole suite (browser + PostgreSQL tests included).
# Usage: bash scripts/test.sh [extra pytest args]   (`-n 0`: one process, no workers)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive

log() { printf '[test.sh] %s\n' "$*" >&2; }

run_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ---------------------------------------------------------------- dependencies
log "installing Python dev requirements"
python -m pip install -q --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt

apt_updated=0
apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
        run_as_root apt-get update -qq
        apt_updated=1
    fi
    run_as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian chromium"
    apt_install chromium
fi

# The PDF dossier's fonts (usually already there) and pdftoppm, which renders its pages to PNG.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then
    log "installing Debian fonts-dejavu-core"
    apt_install fonts-dejavu-core
fi
if ! command -v pdftoppm >/dev/null 2>&1; then
    log "installing Debian poppler-utils"
    apt_install poppler-utils
fi

pg_bin_dir() {
    local p
    # shellcheck disable=SC2012
    p=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$p" ] && dirname "$p"
}
if [ -z "$(pg_bin_dir)" ]; then
    log "installing Debian postgresql"
    apt_install postgresql
fi
PG_BIN=$(pg_bin_dir)
if [ -z "$PG_BIN" ]; then
    log "PostgreSQL server binaries not found after install"
    exit 1
fi

# ---------------------------------------------------------------- throwaway PostgreSQL cluster
PG_USER=postgres
if [ "$(id -u)" -eq 0 ]; then
    as_pg() { (cd / && runuser -u "$PG_USER" -- "$@"); }
else
    # Not root: run the cluster as the current user.
    as_pg() { "$@"; }
fi

PG_DIR=$(mktemp -d /tmp/unionboard-pg.XXXXXX)
PG_DATA="$PG_DIR/data"
if [ "$(id -u)" -eq 0 ]; then
    chown "$PG_USER": "$PG_DIR"
fi
chmod 700 "$PG_DIR"

cleanup() {
    local rc=$?
    if [ -f "$PG_DATA/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PG_PORT=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

log "starting throwaway PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT in $PG_DIR"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null; then
    cat "$PG_DIR/server.log" >&2 || true
    exit 1
fi
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres unionboard_test

export UNIONBOARD_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/unionboard_test"
log "UNIONBOARD_TEST_PG_URL=$UNIONBOARD_TEST_PG_URL"

# ---------------------------------------------------------------- lint + tests
log "ruff check ."
python -m ruff check .

# One worker per core (pytest-xdist), each test file whole in one worker: a file's module fixtures (its own
# Streamlit server, its browser) start once, and its tests run in their written order. `-n 0` after the
# script's name runs everything in this one process. At most 4: each worker starts its own servers and Chromium.
workers=$(nproc 2>/dev/null || echo 2)
if [ "$workers" -gt 4 ]; then workers=4; fi
log "pytest ($workers workers)"
set +e
python -m pytest -q -p no:cacheprovider -n "$workers" --dist loadfile "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    log "FAIL: pytest collected no tests (exit 5)"
    exit 1
fi
exit "$rc"
