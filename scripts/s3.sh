#!/usr/bin/env bash
# A private S3-compatible server for the fleet's tests: moto's server (the `dev` extra), on 127.0.0.1 only (port
# 54330, or $FOOTPRINT_S3_PORT), its pid and log in .s3/ (gitignored). Made-up credentials; nothing leaves the machine.
#
#   bash scripts/s3.sh start   # idempotent; prints ONLY the endpoint URL on stdout
#   bash scripts/s3.sh url     # prints the URL if it runs (exit 1 if not)
#   bash scripts/s3.sh stop
#
# When moto is not installed, `start` prints nothing on stdout, the reason on stderr (and in .s3/reason) and exits
# 0, so `make test` goes on and the S3 tests skip saying why. Production fleets use any S3-compatible service (see
# README, "Running a fleet"); moto is only the tests' stand-in.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${FOOTPRINT_S3_DIR:-$ROOT/.s3}
PORT=${FOOTPRINT_S3_PORT:-54330}
URL="http://127.0.0.1:$PORT"
PY=${FOOTPRINT_PYTHON:-$ROOT/.venv/bin/python}
[[ -x $PY ]] || PY=python3

say() { echo "s3.sh: $*" >&2; }
give_up() { say "$*"; { mkdir -p "$DIR" && printf '%s\n' "$*" >"$DIR/reason"; } 2>/dev/null; exit 0; }
answers() { "$PY" - "$URL" <<'PY' 2>/dev/null
import sys, urllib.request
try:
    urllib.request.urlopen(sys.argv[1] + "/moto-api/", timeout=1)
except Exception:
    sys.exit(1)
PY
}
running() { [[ -f $DIR/pid ]] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null && answers; }

cmd_start() {
    if running; then echo "$URL"; return 0; fi
    "$PY" -c "import moto.server" 2>/dev/null || give_up "moto is not installed (pip install 'footprint[dev]')"
    mkdir -p "$DIR"
    rm -f "$DIR/reason"
    nohup "$PY" -m moto.server -H 127.0.0.1 -p "$PORT" >"$DIR/log" 2>&1 &
    echo $! >"$DIR/pid"
    for _ in $(seq 1 100); do
        if answers; then echo "$URL"; return 0; fi
        kill -0 "$(cat "$DIR/pid")" 2>/dev/null || break
        sleep 0.1
    done
    give_up "moto's server did not answer on $URL: $(tail -n 2 "$DIR/log" 2>/dev/null | tr '\n' ' ')"
}

cmd_stop() {
    if [[ -f $DIR/pid ]]; then kill "$(cat "$DIR/pid")" 2>/dev/null; rm -f "$DIR/pid"; fi
    return 0
}

cmd_url() { running || { say "not running (bash scripts/s3.sh start)"; return 1; }; echo "$URL"; }

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    url) cmd_url ;;
    *) echo "usage: bash scripts/s3.sh start|stop|url" >&2; exit 2 ;;
esac
