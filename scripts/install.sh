#!/usr/bin/env bash
# Installs the `footprint` command for the current user, from this clone: a virtualenv of its own and a link to
# the command in ~/.local/bin (on PATH in most shells). Run it again to upgrade. Scanning with a browser also needs
# Chromium (`apt-get install chromium`, or FOOTPRINT_CHROMIUM); `footprint doctor` says what is missing.
#   FOOTPRINT_HOME  where the virtualenv goes (default: ${XDG_DATA_HOME:-~/.local/share}/footprint)
#   FOOTPRINT_BIN   where the command is linked (default: ~/.local/bin)
#   FOOTPRINT_EXTRAS  optional parts, comma-separated (default: render): `render` for the browser (rendering,
#                     screenshots, PDF), `postgres` for a shared PostgreSQL store, `fleet` for workers; set it empty
#                     (FOOTPRINT_EXTRAS=) for the core alone, which scans with static fetches and no screenshots
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
home=${FOOTPRINT_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/footprint}
bin=${FOOTPRINT_BIN:-$HOME/.local/bin}

"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || {
    echo "footprint needs Python >= 3.11 (found: $("$PYTHON" --version 2>&1 || echo none))" >&2; exit 1; }
if [ ! -x "$home/venv/bin/python" ]; then
    "$PYTHON" -m venv "$home/venv"
fi
extras=${FOOTPRINT_EXTRAS-render}  # unset: the browser too (the tour takes screenshots); empty: the core alone
"$home/venv/bin/python" -m pip install -q -c constraints.txt ".${extras:+[$extras]}"
mkdir -p "$bin"
ln -sf "$home/venv/bin/footprint" "$bin/footprint"
echo "footprint $("$bin/footprint" --version | cut -d' ' -f2) installed: $bin/footprint"
case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "add $bin to your PATH to run it as \`footprint\` (e.g. in ~/.profile: export PATH=\"$bin:\$PATH\")" ;;
esac
