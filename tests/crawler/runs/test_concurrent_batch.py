"""A batch's firms crawled together in one shared crawl process (crawler/crawl/shared.py) get exactly the reports
they get when scanned alone, in a crawl process of their own: the same findings, the same verdicts, apart from
when the scan ran. And how many firms a batch takes at once comes from its memory budget (crawler/config/defaults.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from crawler.config import defaults
from crawler.crawl.shared import SharedCrawl
from crawler.sandbox import SandboxWeb
from tests.conftest import run_scan
from tests.support.sites import generate, plan

FIRMS, SEED = 3, 7


def _comparable(report: dict) -> str:
    """report.json without what differs between two scans of the same pages: times, scan ids, WARC record ids."""
    text = json.dumps(report, sort_keys=True)
    text = re.sub(r'"\d{4}-\d\d-\d\dT[\d:.]+Z"', '"T"', text)
    text = re.sub(r'"id": "[0-9a-f]{12}"', '"id": "S"', text)
    return re.sub(r'"record_id": "<urn:uuid:[0-9a-f-]+>"', '"record_id": "R"', text)


def _report(out: Path, slug: str) -> dict:
    return json.loads((out / "latest" / slug / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The three firms in one batch (all at once, sharing a crawl process), and two of them each scanned alone."""
    base = tmp_path_factory.mktemp("concurrent")
    firms_file = generate(base / "web", FIRMS, 0, SEED)
    specs = plan(FIRMS, 0, SEED)
    chosen = [next(s for s in specs if s.profile == "eu"), next(s for s in specs if s.profile != "eu")]
    shared_jobs: list[int] = []
    original = SharedCrawl.crawl

    def counted(self, jobs, *args, **kwargs):
        shared_jobs.append(len(jobs))
        return original(self, jobs, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch, SandboxWeb(base / "web") as web:
        patch.setattr(SharedCrawl, "crawl", counted)
        # A store of the fixture's own (the autouse private store is set per test, after a module fixture runs).
        batch_code = run_scan("--firm", str(firms_file), out=base / "batch", proxy=web.url,
                              store=str(base / "batch.sqlite"))
        batch_jobs = len(shared_jobs)
        doc = yaml.safe_load(firms_file.read_text(encoding="utf-8"))
        alone_codes = []
        for spec in chosen:
            one = base / f"{spec.slug}.yaml"
            entries = [e for e in doc["firms"] if e["firm"]["name"] == spec.name]
            one.write_text(yaml.safe_dump({**doc, "firms": entries}), encoding="utf-8")
            alone_codes.append(run_scan("--firm", str(one), out=base / "alone" / spec.slug, proxy=web.url,
                                        store=str(base / f"{spec.slug}.sqlite")))
    return {"base": base, "chosen": chosen, "batch_code": batch_code, "alone_codes": alone_codes,
            "batch_jobs": batch_jobs, "alone_jobs": len(shared_jobs) - batch_jobs}


def test_the_batch_crawled_its_firms_in_the_shared_process_and_a_lone_firm_in_its_own(runs):
    assert runs["batch_code"] == 0 and runs["alone_codes"] == [0, 0]
    assert runs["batch_jobs"] >= FIRMS  # one crawl job per firm (and one more per firm with linked channels)
    assert runs["alone_jobs"] == 0  # near miss: a run of one firm keeps its own crawl process


def test_a_firm_scanned_in_a_concurrent_batch_gets_the_report_it_gets_alone(runs):
    for spec in runs["chosen"]:
        batch = _report(runs["base"] / "batch", spec.slug)
        alone = _report(runs["base"] / "alone" / spec.slug, spec.slug)
        assert batch["verdict"] == alone["verdict"]
        assert _comparable(batch) == _comparable(alone)
    eu = _report(runs["base"] / "batch", runs["chosen"][0].slug)
    assert eu["verdict"]["level"] != "none" and any(c["findings"] for c in eu["channels"])  # not empty reports


def test_firms_in_flight_come_from_the_memory_budget_unless_parallel_is_given(monkeypatch):
    browsers = defaults.BATCH_BROWSERS * defaults.RENDER_BROWSER_MEMORY_MIB
    expected = (defaults.BATCH_MEMORY_BUDGET_MIB - browsers) // defaults.STATIC_FIRM_MEMORY_MIB
    assert defaults.firms_in_flight() == expected > 4  # far more than the cores: a firm in flight mostly waits
    assert defaults.firms_in_flight(3) == 3
    monkeypatch.setattr(defaults, "BATCH_MEMORY_BUDGET_MIB", browsers + defaults.STATIC_FIRM_MEMORY_MIB * 5 + 1)
    assert defaults.firms_in_flight() == 5  # a smaller budget, fewer firms at once
    monkeypatch.setattr(defaults, "BATCH_MEMORY_BUDGET_MIB", browsers)
    assert defaults.firms_in_flight() == 1  # never none
