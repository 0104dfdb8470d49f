"""Writing a report's files. Every format is rendered in memory first, then each file is written atomically
(temp file in the same directory, fsync, os.replace), so a reader or a cron job never sees half a report.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from reports.csv_report import render_csv
from reports.html import render_html
from reports.markdown import render_markdown


def render_json(report: dict) -> str:
    """Compact (no indentation): at 20,000 pages with a distinct finding on each, indentation alone would add half
    again to the file (25.6 MiB against 17.0 MiB measured); `jq .` shows it indented."""
    return json.dumps(report, separators=(",", ":"), sort_keys=True, ensure_ascii=False) + "\n"


FORMATS: dict[str, tuple[str, Callable[[dict], str]]] = {
    "json": ("report.json", render_json),
    "html": ("report.html", render_html),
    "md": ("report.md", render_markdown),
    "csv": ("findings.csv", render_csv),
}


def atomic_write(path: Path, data: bytes) -> None:
    """Whole file or nothing: a crash leaves at most a hidden temp file, which is removed on any error."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open a directory; the rename is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_reports(
    report: dict, out_dir: Path, formats: Iterable[str] = ("json", "html", "md", "csv")
) -> dict[str, Path]:
    """Write the requested formats into out_dir (created if missing); returns format -> path written.

    `formats` may also be one comma-separated string, as given to `--format`.
    """
    if isinstance(formats, str):
        formats = [f.strip() for f in formats.split(",") if f.strip()]
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown report format {', '.join(map(repr, unknown))}; allowed: {', '.join(FORMATS)}")
    rendered = {f: FORMATS[f][1](report).encode("utf-8") for f in wanted}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt, data in rendered.items():
        path = out_dir / FORMATS[fmt][0]
        atomic_write(path, data)
        written[fmt] = path
    return written
