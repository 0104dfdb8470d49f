"""`footprint view FOLDER|ARCHIVE`: the archived pages served on loopback until Ctrl-C (crawler/runs/view.py)."""

from __future__ import annotations

from pathlib import Path

from crawler.cli.exit_codes import ExitCode
from detectors.inputs import InputError


def cmd_view(args) -> int:
    from crawler.runs.view import ViewServer, resolve

    archive, report = resolve(Path(args.target))
    if not 0 <= args.port <= 65535:
        raise InputError("command line", "--port", f"a port number from 0 to 65535, not {args.port}")
    try:
        server = ViewServer(archive, report, args.host, args.port)
    except OSError as exc:  # the port is taken, or the address is not this machine's
        raise InputError("command line", "--port", f"a port free on {args.host} ({exc.strerror})") from None
    print(f"footprint view: {len(server.pages)} archived page(s) of {archive}, scripts off, never the live site")
    print(f"open {server.url}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return ExitCode.OK
