"""What a process imports is what its run needs: a crawl child that does not render loads no browser stack, no
process that does not identify languages loads the language model (py3langid and numpy), a crawl child not run by a
fleet worker loads no database driver, and Scrapy's remote control (a code-execution server that leaves a job file
behind) never starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BROWSER_STACK = {"playwright", "scrapy_playwright"}
LANGUAGE_MODEL = {"py3langid", "numpy"}
VISITOR = {"country": "US", "language": "en", "locale": "en-US", "accept_language": "en-US,en;q=0.9",
           "timezone": "America/New_York", "proxy": "", "baseline": True}


def _loaded_by(code: str, *args: str, env: dict | None = None) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run `code` in a fresh interpreter from this checkout; the top-level packages it had loaded when it ended."""
    dump = "import atexit, sys; atexit.register(lambda: print('MODULES', ' '.join(sys.modules), file=sys.stderr))\n"
    run = subprocess.run([sys.executable, "-c", dump + code, *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    line = next(line for line in run.stderr.splitlines() if line.startswith("MODULES "))
    return run, {name.split(".")[0] for name in line.split()[1:]}


def test_a_crawl_child_that_does_not_render_loads_no_browser_and_no_language_model(sandbox, tmp_path):
    captures = tmp_path / "captures.warc.gz"
    channel = {"id": "website", "start_urls": ["https://atlas-markets.com/"], "max_pages": 2, "max_depth": 1,
               "captures": str(captures), "visitors": [VISITOR], "render": "never", "spider": "website",
               "settings": {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}}
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"channels": [channel], "settings": {"FOOTPRINT_PROXY": sandbox.url}}))
    state = tmp_path / "state"
    run, loaded = _loaded_by("import runpy, sys; sys.argv[1:] = sys.argv[1:]; "
                             "runpy.run_module('crawler.crawl.child', run_name='__main__')", str(job),
                             env={"SCRAPY_SETTINGS_MODULE": "crawler.crawl.settings", "XDG_STATE_HOME": str(state)})
    assert run.returncode == 0, run.stderr[-2000:]
    assert captures.stat().st_size > 0 and {"scrapy", "twisted", "detectors"} <= loaded  # it did crawl
    assert not loaded & (BROWSER_STACK | LANGUAGE_MODEL)
    assert "psycopg" not in loaded  # no store URL in its settings: no database (crawler/crawl/host_slots.py)
    assert not (state / "scrapy").exists()  # no remote-control job file


def test_a_scan_loads_the_language_model_only_when_it_identifies_a_language():
    prose = "Trade crypto with the lowest fees in the market and withdraw your funds whenever you like. " * 3
    before, loaded = _loaded_by("import crawler.cli.main, crawler.runs.batch, crawler.runs.firm")
    assert before.returncode == 0 and not loaded & LANGUAGE_MODEL
    judged, loaded = _loaded_by(f"from detectors.lang import text_language; assert text_language({prose!r})")
    assert judged.returncode == 0, judged.stderr[-2000:]
    assert LANGUAGE_MODEL <= loaded
