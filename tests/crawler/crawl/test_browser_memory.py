"""The browser memory watchdog (crawler/crawl/browser_memory.py) on real processes standing in for a browser: a
process carrying the marker switch, a child whose command line says `--type=renderer` (as Chromium's renderers'
do, space-separated) and a wrapper around it; what is measured, what is judged over budget, what is stopped."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from functools import partial

import pytest

from crawler.crawl import browser_memory
from crawler.crawl.browser_memory import KillLog, Usage, Verdict, judge, measure, new_marker

# A "browser": a Python process that starts one "renderer" child and waits; with --wrap first, a wrapper (as
# Debian's /usr/bin/chromium script can be) that starts the browser with the same switches and waits.
BROWSER = """
import subprocess, sys, time
args = sys.argv[1:]
if args[0] == "--wrap":
    subprocess.Popen([sys.executable, "-c", SCRIPT, *args[1:]])
else:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    open(args[0], "w").write(f"{child.pid} {__import__('os').getpid()}")
time.sleep(60)
"""


def _start(tmp_path, wrapped: bool = False):
    marker = new_marker()
    pid_file = tmp_path / "pids"
    code = BROWSER.replace("SCRIPT", repr(BROWSER))  # the wrapped browser's own copy never wraps again
    proc = subprocess.Popen([sys.executable, "-c", code, *(["--wrap"] if wrapped else []), str(pid_file), marker])
    deadline = time.monotonic() + 20
    while not (pid_file.exists() and pid_file.read_text()):
        assert time.monotonic() < deadline and proc.poll() is None, "the stand-in browser did not start"
        time.sleep(0.05)
    renderer, browser = map(int, pid_file.read_text().split())
    return proc, marker, browser, renderer


@pytest.fixture
def fake_browser(tmp_path):
    """(marker, browser pid, renderer pid) of a stand-in browser started by this test process."""
    proc, marker, browser, renderer = _start(tmp_path)
    try:
        yield marker, browser, renderer
    finally:
        for pid in (renderer, browser):
            browser_memory.kill(pid)
        proc.wait(timeout=10)


def _as_renderer(monkeypatch, renderer_pid: int) -> None:
    """Make the watchdog read the stand-in child's command line as a Chromium renderer's."""
    real = browser_memory._argv
    monkeypatch.setattr(browser_memory, "_argv", lambda pid: (
        real(pid) + ["--type=renderer"] if pid == renderer_pid else real(pid)))


def test_measure_finds_the_marked_browser_and_its_renderer(fake_browser, monkeypatch):
    marker, browser, renderer = fake_browser
    _as_renderer(monkeypatch, renderer)
    usage = measure([marker, "--footprint-browser=not-running"])[marker]
    assert usage.browser_pid == browser
    assert usage.renderers == {renderer}
    assert set(usage.pss) == {browser, renderer} and all(kib > 0 for kib in usage.pss.values())
    assert list(measure(["--footprint-browser=not-running"])) == []


def test_a_wrapper_around_the_browser_is_not_taken_for_it(tmp_path):
    proc, marker, browser, renderer = _start(tmp_path, wrapped=True)
    try:
        usage = measure([marker])[marker]
        assert (usage.browser_pid, proc.pid in usage.pss) == (browser, False)
        assert renderer in usage.pss
    finally:
        for pid in (renderer, browser, proc.pid):
            browser_memory.kill(pid)
        proc.wait(timeout=10)


def test_command_lines_split_as_chromium_writes_them(fake_browser):
    _, browser, _ = fake_browser
    assert browser_memory._argv(browser)[-1].startswith(browser_memory.MARKER)
    assert browser_memory._argv(2**22 + 7) == []  # no such process


def test_judge_stops_renderers_over_the_page_budget_then_restarts_a_browser_still_over():
    usage = Usage("m", 1, {1: 300, 2: 500, 3: 100}, renderers={2, 3})
    assert judge(usage, page_kib=600, browser_kib=1000) == Verdict([])  # near miss: every budget kept
    assert judge(usage, page_kib=400, browser_kib=1000) == Verdict([(2, 500)])
    assert judge(usage, page_kib=400, browser_kib=350) == Verdict([(2, 500)], restart="m")  # 400 left: over
    assert judge(usage, page_kib=600, browser_kib=800) == Verdict([], restart="m")


def test_kill_log_names_the_budget_while_recent():
    now = [100.0]
    log = KillLog(clock=lambda: now[0])
    assert "crashed" in log.reason()
    log.stopped(500 * 1024)
    assert log.reason().startswith("the page's renderer used 500 MiB, over the")
    now[0] += KillLog.KEEP_S + 1
    assert "crashed" in log.reason()


def test_watchdog_stops_a_renderer_over_budget_and_restarts_a_browser_over_its_bound(fake_browser, monkeypatch):
    marker, browser, renderer = fake_browser
    _as_renderer(monkeypatch, renderer)
    monkeypatch.setattr(browser_memory, "RENDER_MEMORY_CHECK_S", 0.05)
    restarts = []

    async def restart() -> None:
        restarts.append(marker)

    async def run(page_kib: int, browser_kib: int) -> None:
        monkeypatch.setattr(browser_memory, "judge", partial(judge, page_kib=page_kib, browser_kib=browser_kib))
        watchdog = browser_memory.Watchdog()
        watchdog.watch(marker, restart)
        await asyncio.sleep(1.0)
        watchdog.forget(marker)

    asyncio.run(run(page_kib=1 << 30, browser_kib=1 << 30))  # near miss: within budgets, nothing stopped
    assert restarts == [] and browser_memory.pss_kib(renderer) > 0
    asyncio.run(run(page_kib=1 << 30, browser_kib=1))
    assert restarts and set(restarts) == {marker}
    asyncio.run(run(page_kib=1, browser_kib=1 << 30))
    deadline = time.monotonic() + 5
    while browser_memory.pss_kib(renderer) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert browser_memory.pss_kib(renderer) == 0  # killed (a zombie until its parent reaps it: no memory)
    assert browser_memory.pss_kib(browser) > 0


def test_thread_watchdog_stops_the_largest_renderer_of_a_browser_over_its_bound(fake_browser, monkeypatch):
    """Screenshots' browser (Playwright's sync API) has nothing to relaunch it: over the browser bound, its largest
    renderer is stopped instead."""
    marker, browser, renderer = fake_browser
    _as_renderer(monkeypatch, renderer)
    monkeypatch.setattr(browser_memory, "RENDER_MEMORY_CHECK_S", 0.05)
    monkeypatch.setattr(browser_memory, "judge", partial(judge, page_kib=1 << 30, browser_kib=1 << 30))
    with browser_memory.ThreadWatchdog(marker):
        time.sleep(0.5)
    assert browser_memory.pss_kib(renderer) > 0  # near miss: within its bounds
    monkeypatch.setattr(browser_memory, "judge", partial(judge, page_kib=1 << 30, browser_kib=1))
    with browser_memory.ThreadWatchdog(marker) as watchdog:
        deadline = time.monotonic() + 5
        while browser_memory.pss_kib(renderer) and time.monotonic() < deadline:
            time.sleep(0.05)
    assert browser_memory.pss_kib(renderer) == 0 and browser_memory.pss_kib(browser) > 0
    assert watchdog.kills.reason().startswith("the page's renderer used")
