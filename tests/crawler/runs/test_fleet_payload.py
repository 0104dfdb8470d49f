"""What a queued firm carries to a worker on another machine: its profile entry and the batch's run options come
back equal, so the worker scans it as `footprint scan --firm` would have; and the runner's exit codes are the
command line's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from crawler.cli.exit_codes import ExitCode
from crawler.config.profiles import load_profile
from crawler.config.scan_config import RunOptions, resolve
from crawler.runs.fleet import runner
from crawler.runs.fleet.payload import firm_from_json, firm_to_json, options_from_json, options_to_json

PROFILE = """
firms:
  - firm: {name: Nordwind Exchange Ltd, home_country: SC}
    channels:
      websites: [https://nordwind-exchange.com/]
      apps: {apple: ["1587000042"]}
      social: {telegram: [nordwind_de]}
    scan: {visitors: [DE, FR], visitor_proxies: {DE: "http://de.proxy.example:3128"}, max_pages: 7, delay: 0.5}
  - firm: {name: Meridian Custody Partners LLC, home_country: US}
    channels: {websites: [https://meridian-custody.com/]}
scan: {render: never, screenshots: false}
"""


def test_a_firm_and_the_run_options_come_back_equal_and_resolve_the_same(tmp_path):
    (tmp_path / "firms.yaml").write_text(PROFILE, encoding="utf-8")
    options = RunOptions(proxy="http://127.0.0.1:8899", formats=("json", "html"), since_last=True,
                         visitors=("PL",), visitor_proxies={"PL": "http://pl.proxy.example:3128"},
                         settings={"max_depth": 2}, user_agent="footprint-test")
    back = options_from_json(options_to_json(options), tmp_path / "out")
    assert back == dataclasses.replace(options, out=tmp_path / "out", progress=False)
    for firm in load_profile(tmp_path / "firms.yaml"):
        carried = firm_from_json(firm_to_json(firm))
        assert carried == firm
        assert resolve(carried, back) == resolve(firm, options)


def test_per_machine_options_are_not_carried(tmp_path):
    options = RunOptions(out=Path("/somewhere/else"), parallel=3, exports=("posts.jsonl",), progress=True)
    assert '"out"' not in options_to_json(options) and "posts.jsonl" not in options_to_json(options)
    assert options_from_json(options_to_json(options), tmp_path).out == tmp_path


def test_the_store_url_for_host_slots_is_the_running_workers_not_carried_in_the_queue(tmp_path):
    options = RunOptions(host_slots="postgresql://footprint:secret@db.example/footprint")
    assert "secret" not in options_to_json(options)
    assert options_from_json(options_to_json(options), tmp_path).host_slots == ""


def test_the_runner_exits_with_the_command_line_codes():
    assert (runner.EXIT_OK, runner.EXIT_FAILED, runner.EXIT_INTERRUPTED) == \
        (ExitCode.OK, ExitCode.INTERNAL, ExitCode.INTERRUPTED)
