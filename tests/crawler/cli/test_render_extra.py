"""A core install without the `render` extra (Playwright, scrapy-playwright): simulated by stub packages first on
PYTHONPATH whose import fails, as it would were they not installed, in a CLI run in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SITE = "https://meridian-custody.com/"
SENTENCE = "the render extra is not installed (playwright, scrapy_playwright cannot be imported): install " \
           "footprint[render]"


@pytest.fixture
def without_render_extra(tmp_path):
    stubs = tmp_path / "stubs"
    for name in ("playwright", "scrapy_playwright"):
        (stubs / name).mkdir(parents=True)
        (stubs / name / "__init__.py").write_text(f"raise ImportError('No module named {name}')\n")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(stubs), str(ROOT)])}


def _footprint(env, *argv):
    return subprocess.run([sys.executable, "-m", "crawler.cli", *argv], capture_output=True, text=True,
                          timeout=90, cwd=ROOT, env=env)


def test_a_scan_without_a_browser_needs_no_render_extra(tmp_path, sandbox, without_render_extra):
    run = _footprint(without_render_extra, "scan", SITE, "--proxy", sandbox.url, "--render", "never", "--delay", "0",
                     "--no-screenshots", "--out", str(tmp_path / "o"), "--store", str(tmp_path / "s.sqlite"),
                     "--quiet")
    assert run.returncode == 0, run.stderr
    assert list((tmp_path / "o").rglob("report.json")) and "render extra" not in run.stderr


def test_render_auto_without_the_extra_fetches_statically_and_says_so(tmp_path, sandbox, without_render_extra):
    run = _footprint(without_render_extra, "scan", SITE, "--proxy", sandbox.url, "--delay", "0",
                     "--out", str(tmp_path / "o"), "--store", str(tmp_path / "s.sqlite"), "--quiet")
    assert run.returncode == 0, run.stderr
    assert run.stderr.count(SENTENCE) == 1 and "no screenshots are taken" in run.stderr
    [report] = (tmp_path / "o").rglob("report.json")
    assert SENTENCE in json.dumps(json.loads(report.read_text(encoding="utf-8")))
    assert not list((tmp_path / "o").rglob("*.png"))


def test_render_always_without_the_extra_is_bad_input_before_anything_is_fetched(tmp_path, sandbox,
                                                                               without_render_extra):
    run = _footprint(without_render_extra, "scan", SITE, "--proxy", sandbox.url, "--render", "always",
                     "--out", str(tmp_path / "o"), "--store", str(tmp_path / "s.sqlite"))
    assert run.returncode == 2
    assert "--render" in run.stderr and SENTENCE in run.stderr and "Traceback" not in run.stderr
    assert len(sandbox.requests) == 0 and not (tmp_path / "o").exists()


def test_doctor_names_the_missing_extra_without_failing_for_it(tmp_path, without_render_extra):
    run = _footprint(without_render_extra, "doctor", "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path))
    assert "note render extra: " + SENTENCE in run.stdout
    assert "render extra" not in run.stderr  # optional: never among the things to fix


def test_doctor_says_the_render_extra_is_installed(tmp_path, capsys):
    from crawler.cli import main

    main(["doctor", "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path)])
    assert "ok   render extra: installed" in capsys.readouterr().out


def test_a_pdf_without_the_extra_is_bad_input(tmp_path, sandbox, without_render_extra):
    run = _footprint(without_render_extra, "scan", SITE, "--proxy", sandbox.url, "--render", "never", "--delay", "0",
                     "--no-screenshots", "--format", "json,pdf", "--out", str(tmp_path / "o"))
    assert run.returncode == 2 and "--format" in run.stderr and SENTENCE in run.stderr
    assert len(sandbox.requests) == 0
