#!/usr/bin/env bash
# Sets up footprint on a fresh Debian/Ubuntu machine: system packages (when missing and we may install them),
# a virtualenv in .venv, the package itself with its test extras. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

need_apt=()
# A real Chromium for rendering and screenshots: Playwright's own download is used where it exists, else the
# system's (here `playwright install` cannot download; Debian's package works with Playwright).
if ! ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}" 2>/dev/null | grep -q '^chromium' \
   && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null && [ -z "${FOOTPRINT_CHROMIUM:-}" ]; then
    need_apt+=(chromium)
fi
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || {
    echo "footprint needs Python >= 3.11 (found: $("$PYTHON" --version 2>&1 || echo none))" >&2; exit 1; }
"$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
    else
        echo "missing system packages: ${need_apt[*]} (install them with apt-get as root)" >&2; exit 1
    fi
fi

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.footprint-installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -c constraints.txt -e '.[dev,postgres,render]'
    touch "$stamp"
fi
echo "footprint is set up in $VENV ($("$VENV/bin/python" --version))"
