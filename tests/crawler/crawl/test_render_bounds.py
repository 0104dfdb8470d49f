"""Rendering is bounded: with `--render always`, a 50 MB page and a gzip bomb (10 GiB of zeros, made on the fly)
on a site of ordinary pages are refused with the reason, the ordinary pages are still rendered and assessed, and
the scan finishes in time with its whole process tree (footprint, the crawl process, Playwright's driver, every
Chromium process) under the documented memory bound, its PSS sampled from /proc/<pid>/smaps_rollup while it runs.

Before the bounds (crawler/crawl/page_guard.py, browser_memory.py), the 50 MB page took the tree to 4.1 GiB of PSS
(Chromium 3.9 GiB) and the bomb held a page for its whole 30 s navigation timeout.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reports.validate import validate_report
from tests.conftest import firm_dir
from tests.support.hostile_pages import BIG_PATH, BOMB_PATH, GROWN_PATH, ORDINARY_PATHS, HostileWeb, write_site
from tests.support.tree_memory import TreePss, assert_within_bounds, scan_in_child

HOST = "hostile-render.com"
BIG_BYTES = 50_000_000
BOMB_BYTES = 10 << 30


def _scan(web_root: Path, out: Path, unannounced: bool) -> tuple[int, TreePss, str]:
    """`footprint scan --render always` of the hostile site; (exit code, its tree's time and PSS, stderr)."""
    with HostileWeb(web_root, BOMB_BYTES, unannounced=unannounced) as web:
        return scan_in_child(f"https://{HOST}/", "--proxy", web.url, "--render", "always", "--delay", "0",
                             "--no-screenshots", "--format", "json", "--out", str(out))


def _assert_bounded_and_assessed(out: Path, code: int, tree: TreePss, log: str, refused: str, reason: str) -> dict:
    assert code in (0, 3), f"exit code {code}\n{log[-3000:]}"
    assert "Traceback" not in log, log[-3000:]
    assert_within_bounds(tree)
    report = json.loads((firm_dir(out, "hostile-render-com") / "report.json").read_text(encoding="utf-8"))
    assert validate_report(report) == []
    (channel,) = report["channels"]
    # The ordinary pages of the same site: rendered, and judged (the German and French bonus pages give findings).
    ordinary = {f"https://{HOST}{path}" for path in ORDINARY_PATHS}
    assert ordinary <= set(channel["rendered_pages"]), channel["rendered_pages"]
    assert {f["url"] for f in channel["findings"]} & (ordinary - {f"https://{HOST}/"}), channel["findings"]
    assert channel["level"] in ("low", "medium", "high")
    # The hostile page: refused, with the reason, and not rendered.
    errors = {e["url"]: e["error"] for e in report["errors"]}
    assert "RenderRefused" not in errors[f"https://{HOST}{refused}"], errors  # a sentence, not a class name
    assert reason in errors[f"https://{HOST}{refused}"], errors
    assert f"https://{HOST}{refused}" not in channel["rendered_pages"]
    # A refused page past the start page is listed, and leaves the channel assessed (issue 15).
    assert channel["status"] == "assessed" and channel["pages"]["failed"] == len(errors)
    return report


@pytest.mark.parametrize("unannounced", [False, True], ids=["content-length", "chunked"])
def test_50mb_page_is_refused_and_the_site_assessed(chromium, tmp_path, unannounced):
    """Announced, the page is refused at its headers; streamed without a length, Chromium parses it until its
    renderer passes the page memory budget (parsing is what costs memory: 8 MB of markup is ~400 MiB of DOM)."""
    write_site(tmp_path / "web", HOST, (BIG_PATH,), BIG_BYTES)
    code, tree, log = _scan(tmp_path / "web", tmp_path / "out", unannounced)
    reason = "memory budget of a page" if unannounced else "(Content-Length), over the 16.0 MiB limit"
    _assert_bounded_and_assessed(tmp_path / "out", code, tree, log, BIG_PATH, reason)


def test_gzip_bomb_is_refused_and_the_site_assessed(chromium, tmp_path):
    """10 GiB of zeros in about 10 MiB of gzip (its Content-Length under the limit): refused once its decoded bytes
    pass the body limit of plain fetches. On the same site, a small page whose script grows its DOM past the limit
    is refused before its DOM is taken."""
    write_site(tmp_path / "web", HOST, (BOMB_PATH, GROWN_PATH))
    code, tree, log = _scan(tmp_path / "web", tmp_path / "out", unannounced=False)
    report = _assert_bounded_and_assessed(tmp_path / "out", code, tree, log, BOMB_PATH,
                                          "passed the 16.0 MiB limit of a page")
    errors = {e["url"]: e["error"] for e in report["errors"]}
    assert "decoded received" in errors[f"https://{HOST}{BOMB_PATH}"]
    assert "the rendered page is 17.0 MiB of HTML, over the 16.0 MiB limit" in errors[f"https://{HOST}{GROWN_PATH}"]
    assert f"https://{HOST}{GROWN_PATH}" not in report["channels"][0]["rendered_pages"]
