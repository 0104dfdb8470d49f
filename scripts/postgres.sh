#!/usr/bin/env bash
# A private PostgreSQL for the tests: one cluster in .pg/ (gitignored), listening on 127.0.0.1 only (port 54329, or
# $FOOTPRINT_PG_PORT), its unix socket inside .pg, trust auth, superuser `footprint`, database `footprint_test`.
#
#   bash scripts/postgres.sh start   # idempotent (fast when already running); prints ONLY the URL on stdout
#   bash scripts/postgres.sh url     # prints the URL if it runs (exit 1 if not)
#   bash scripts/postgres.sh stop
#
# When PostgreSQL cannot be had, `start` prints nothing on stdout, the reason on stderr (and in .pg/reason) and
# exits 0, so `make test` goes on and the PostgreSQL tests skip saying why. Server binaries are looked for under
# /usr/lib/postgresql/*/bin (Debian), then $FOOTPRINT_PG_BIN, then PATH; as root with apt-get, the `postgresql`
# package is installed when they are missing. initdb refuses to run as root, so as root the cluster belongs to the
# `postgres` system user (which the Debian package creates) and runs under it.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGROOT=${FOOTPRINT_PG_DIR:-$ROOT/.pg}
# As root the server runs as `postgres`, which may not be able to reach a checkout under a private home directory:
# then the cluster lives in /tmp instead (one per checkout), rather than PostgreSQL tests being skipped.
if [[ -z ${FOOTPRINT_PG_DIR:-} && $EUID -eq 0 ]] && id -u postgres >/dev/null 2>&1 \
   && ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
    PGROOT=/tmp/footprint-pg-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)
fi
PORT=${FOOTPRINT_PG_PORT:-54329}
SUPERUSER=footprint
DB=footprint_test
DATA=$PGROOT/data
SOCK=$PGROOT/run
LOG=$PGROOT/log
URL="postgresql://$SUPERUSER@127.0.0.1:$PORT/$DB"

say() { echo "postgres.sh: $*" >&2; }
# Cannot start: say why (stderr and .pg/reason, for the tests' skip message), print no URL, exit 0.
give_up() {
    say "$*"
    { mkdir -p "$PGROOT" && printf '%s\n' "$*" >"$PGROOT/reason"; } 2>/dev/null
    exit 0
}
log_size() { stat -c %s "$LOG" 2>/dev/null || echo 0; }
# What went wrong, from the log written since byte $1: its FATAL/ERROR lines if any, else its last lines.
log_reason() {
    local new errors
    new=$(tail -c +$(( ${1:-0} + 1 )) "$LOG" 2>/dev/null)
    errors=$(grep -E 'FATAL|ERROR|PANIC|could not bind' <<<"$new" | tail -n 2 | sed -E 's/^.*(FATAL|ERROR|PANIC|LOG): +//')
    tr '\n' ' ' <<<"${errors:-$(tail -n 3 <<<"$new")}"
}

find_bin() {
    local dir
    for dir in ${FOOTPRINT_PG_BIN:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
        if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"; return 0
    fi
    return 1
}
psql_bin() { if [[ -x $BIN/psql ]]; then echo "$BIN/psql"; else command -v psql || echo psql; fi; }

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {  # our cluster is up, on the port asked for
    [[ -f $DATA/postmaster.pid ]] || return 1
    as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || return 1
    [[ $(sed -n 4p "$DATA/postmaster.pid" 2>/dev/null) == "$PORT" ]]
}

ensure_database() {
    local psql=("$(psql_bin)" -X -q -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" -d postgres -v ON_ERROR_STOP=1 -tA)
    local since
    since=$(log_size)
    if [[ $("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" 2>>"$LOG") != 1 ]]; then
        "${psql[@]}" -c "CREATE DATABASE $DB" >/dev/null 2>>"$LOG" \
            || [[ $("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" 2>/dev/null) == 1 ]] \
            || give_up "could not create database $DB (see $LOG): $(log_reason "$since")"
    fi
}

install_server() {
    if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null; then
        give_up "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or" \
            "on PATH; install them (apt-get install postgresql) or point FOOTPRINT_PG_BIN at their directory"
    fi
    say "PostgreSQL server not found: installing the postgresql package with apt-get"
    mkdir -p "$PGROOT"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -qq postgresql || { apt-get update -qq && apt-get install -y -qq postgresql; }; } \
        >"$PGROOT/apt.log" 2>&1 || give_up "apt-get install postgresql failed (see $PGROOT/apt.log):" \
        "$(tail -n 2 "$PGROOT/apt.log" | tr '\n' ' ')"
}

cmd_start() {
    mkdir -p "$PGROOT" || give_up "cannot create $PGROOT"
    exec 9>"$PGROOT/lock"  # two `start`s at once (make test beside a pytest run) take turns
    command -v flock >/dev/null && flock -w 120 9  # (the server must not inherit fd 9: see `9>&-` below)
    BIN=$(find_bin) || { install_server; BIN=$(find_bin) || give_up "postgresql installed, but no initdb found"; }

    if ! running; then
        if [[ $EUID -eq 0 ]]; then
            id -u postgres >/dev/null 2>&1 || give_up "running as root but there is no 'postgres' system user to" \
                "run the server as (initdb refuses root); create it or run as an ordinary user"
            command -v runuser >/dev/null || give_up "running as root but runuser (util-linux) is missing"
        fi
        mkdir -p "$SOCK" && touch "$LOG" || give_up "cannot write to $PGROOT"
        [[ $EUID -eq 0 ]] && chown postgres: "$PGROOT" "$SOCK" "$LOG"
        as_owner test -w "$PGROOT" -a -x "$PGROOT" || give_up "the postgres user cannot use $PGROOT (a parent" \
            "directory is not searchable by it?); set FOOTPRINT_PG_DIR to a directory it can reach, e.g. /tmp/footprint-pg"

        local since
        since=$(log_size)
        if [[ ! -s $DATA/PG_VERSION ]]; then
            rm -rf "$DATA"
            as_owner "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" --auth-local=trust --auth-host=trust -E UTF8 \
                --no-locale --no-instructions >>"$LOG" 2>&1 || give_up "initdb failed (see $LOG): $(log_reason "$since")"
            # A throw-away test cluster: durability traded for speed.
            as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<EOF
# footprint test cluster (scripts/postgres.sh)
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
        fi
        [[ -f $DATA/postmaster.pid ]] && as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >>"$LOG" 2>&1
        # Unix socket paths are limited to ~107 bytes: in a deep checkout, TCP on loopback only.
        local sockdir=$SOCK
        (( ${#SOCK} > 90 )) && sockdir=""
        as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
            -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$sockdir'" start >>"$LOG" 2>&1 9>&- \
            || give_up "PostgreSQL did not start on 127.0.0.1:$PORT (see $LOG; FOOTPRINT_PG_PORT picks another" \
                "port): $(log_reason "$since")"
    fi
    ensure_database
    rm -f "$PGROOT/reason"
    echo "$URL"
}

cmd_stop() {
    BIN=$(find_bin) || { say "no PostgreSQL binaries: nothing to stop"; return 0; }
    if [[ -f $DATA/postmaster.pid ]]; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >>"$LOG" 2>&1 || { say "pg_ctl stop failed (see $LOG)"; return 1; }
        say "stopped"
    else
        say "not running"
    fi
}

cmd_url() {
    BIN=$(find_bin) || { say "no PostgreSQL binaries"; return 1; }
    running || { say "not running (bash scripts/postgres.sh start)"; return 1; }
    echo "$URL"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    url) cmd_url ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
