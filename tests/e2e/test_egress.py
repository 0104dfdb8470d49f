"""The egress policy end to end, on a hostile site of the sandbox web: a public-looking firm site whose links
redirect to every private form of address (tests/support/hostile.py), scanned plainly and with `--render always`.
No private target is fetched (the sandbox web, which would serve each of them a SECRET page, is never asked for
one; a loopback trap sees no connection; the archive holds no SECRET), each refusal is in the report and the
archive with its reason, and the site's ordinary pages are still assessed. A site whose first page redirects to
the metadata address is not assessed, with the refusal as the reason. Without a proxy, a name that resolves to
loopback (a test resolver's answer) is refused at connect time."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from crawler.captures.warc import read_archive
from crawler.cli import main
from crawler.crawl.egress.addresses import host_refusal
from crawler.sandbox import SandboxWeb
from crawler.sandbox.answers import normalise_host
from tests.conftest import ROOT, firm_dir, read_report, require_chromium
from tests.support.hostile import METADATA_PATH, SECRET, SITE, START_REFUSED, LoopbackTrap, write_inward_site
from tests.support.tree_memory import TreePss, assert_within_bounds, communicate_within_bound, scan_in_child

SLUG = "inward-redirect-com"


def _private(url: str) -> bool:
    return bool(host_refusal(normalise_host(url.split("/")[2])))


@pytest.fixture(params=["never", "always"])
def render(request):
    if request.param == "always":
        require_chromium()
    return request.param


def test_redirects_to_private_addresses_are_refused_and_the_ordinary_pages_assessed(tmp_path, render):
    root, out = tmp_path / "web", tmp_path / "out"
    with LoopbackTrap() as trap:
        targets = write_inward_site(root, trap.port)
        with SandboxWeb(root) as web:
            # In a child process, as a user runs it: the tree measured is the scan's (footprint, the crawl child,
            # Chromium), not pytest's as well.
            code, tree, log = scan_in_child(f"https://{SITE}/", f"https://{START_REFUSED}/", "--proxy", web.url,
                                            "--render", render, "--delay", "0", "--no-screenshots", "--quiet",
                                            "--out", str(out))
            asked = [r["url"] for r in web.requests]
    assert "Traceback" not in log, log[-3000:]
    assert_within_bounds(tree, f"--render {render}")
    assert trap.connections == []
    assert [url for url in asked if _private(url)] == []
    assert code == 3  # inward-start.com: nothing could be fetched

    report = read_report(out, SLUG)
    channels = {c["id"]: c for c in report["channels"]}
    site = channels[f"website:{SITE}"]
    assert site["status"] == "assessed" and site["pages"] == {"fetched": 2, "failed": 0}
    assert {"LANG", "BONUS"} <= {f["indicator"] for f in site["findings"]}
    errors = [e["error"] for e in report["errors"] if e["channel"] == f"website:{SITE}"]
    for case in targets:
        hop = f"refused: redirect from https://{SITE}/go/{case} to "
        assert sum(hop in error for error in errors) == 1, (case, errors)
    assert any(f"redirect from https://{SITE}/go/metadata to a link-local address 169.254.169.254" in e
               for e in errors)
    start = channels[f"website:{START_REFUSED}"]
    assert start["status"] == "not-assessed"
    assert "refused: redirect from" in start["reason"] and "link-local address 169.254.169.254" in start["reason"]

    archive = read_archive(firm_dir(out, SLUG) / "capture.warc.gz")
    assert not any(SECRET.encode() in (c.get("body") or b"") for c in archive.captures)
    refused = [c for c in archive.captures if "refused:" in (c.get("error") or "")]
    assert len(refused) >= len(targets) + 1 and all(c["skipped"] for c in refused)
    assert not any(METADATA_PATH in c["url"] and c["status"] is not None for c in archive.captures)


def test_without_a_proxy_a_name_resolving_to_loopback_is_refused_at_connect_time(tmp_path):
    """The crawl child as `footprint scan` runs it, with a test resolver answering loopback for a made-up name:
    the request, and the robots.txt before it, never reach the loopback listener."""
    archive = tmp_path / "capture.warc.gz"
    with LoopbackTrap() as trap:
        job = {"channels": [{"id": "website:rebind.example", "start_urls": [f"http://rebind.example:{trap.port}/"],
                             "max_pages": 5, "max_depth": 1, "captures": str(archive), "visitors": [{}],
                             "render": "never", "spider": "website", "follow": "", "settings": {}}],
               "settings": {"TWISTED_DNS_RESOLVER": "tests.support.egress_resolver.TableResolver",
                            "DOWNLOAD_DELAY": 0, "RETRY_TIMES": 0},
               "progress": False}
        job_file = tmp_path / "job.json"
        job_file.write_text(json.dumps(job), encoding="utf-8")
        env = {**os.environ, "FOOTPRINT_TEST_HOSTS": json.dumps({"rebind.example": "127.0.0.1"}),
               "PYTHONPATH": str(ROOT), "HTTP_PROXY": "", "HTTPS_PROXY": "", "http_proxy": "", "https_proxy": ""}
        child = subprocess.Popen([sys.executable, "-m", "crawler.crawl.child", str(job_file)], env=env, cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with TreePss(child.pid) as tree:
            _, stderr = communicate_within_bound(child)
    assert child.returncode == 0, stderr[-3000:]
    assert_within_bounds(tree, "the crawl child")
    assert trap.connections == []
    errors = [c["error"] for c in read_archive(archive).captures]
    assert any("refused: request to rebind.example, which resolves to a loopback address 127.0.0.1" in e
               for e in errors), errors
    assert all(c["status"] is None for c in read_archive(archive).captures)


def test_the_opt_in_lifts_the_policy_and_is_recorded(tmp_path):
    """--allow-private (a firm auditing its own intranet site): the inward redirects are followed (the sandbox web
    answers for the private hosts) and the report's configuration says the policy was lifted."""
    root, out = tmp_path / "web", tmp_path / "out"
    with LoopbackTrap() as trap:
        write_inward_site(root, trap.port)
        with SandboxWeb(root) as web:
            with TreePss() as tree:
                code = main(["scan", f"https://{SITE}/", "--allow-private", "--proxy", web.url, "--delay", "0",
                             "--no-screenshots", "--quiet", "--render", "never", "--out", str(out)])
            asked = [r["url"] for r in web.requests]
    assert code == 0
    assert_within_bounds(tree)
    assert f"http://169.254.169.254{METADATA_PATH}" in asked and "http://10.0.0.1/router" in asked
    report = read_report(out, SLUG)
    assert report["scan"]["config"]["allow_private"] is True
    assert not any("refused:" in e["error"] for e in report["errors"])
