"""The browser's memory, measured from /proc, and what to stop when it is over budget.

A hostile page can make Chromium take gigabytes (a 50 MB page of paragraphs took 4.0 GiB, a gzip bomb 5.0 GiB)
and a long crawl makes the browser process itself grow. Chromium's own memory signals are not exposed to
Playwright, so the crawl process measures its browsers from the outside: the PSS (/proc/<pid>/smaps_rollup, shared
pages split between their users: what the machine really pays) of every process of each browser, every
RENDER_MEMORY_CHECK_S. A renderer process (`--type=renderer`: Chromium gives each new tab its own, so here one
per page) over RENDER_PAGE_MEMORY_MIB is killed, which Chromium reports as the page crashing, and the
page is refused with the reason (crawler/crawl/page_guard.py); a browser still over RENDER_BROWSER_MEMORY_MIB
without them is restarted (its pages in flight are retried in the new one). The bound is per browser, not on all
of a crawl's browsers together: several normal browsers over a shared bound would be restarted over and over.

Each browser is found by a marker switch on its command line (`--footprint-browser=ID`, which Chromium ignores):
Playwright does not say which process it launched, and one crawl process may run several browsers (one per
website channel).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from itertools import count

from crawler.config.defaults import RENDER_BROWSER_MEMORY_MIB, RENDER_MEMORY_CHECK_S, RENDER_PAGE_MEMORY_MIB

MARKER = "--footprint-browser="
RENDERER = "--type=renderer"
_ids = count(1)
logger = logging.getLogger(__name__)


def new_marker() -> str:
    """A launch switch naming one browser of this process."""
    return f"{MARKER}{os.getpid()}-{next(_ids)}"


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""  # the process is gone


def _argv(pid: int) -> list[str]:
    """A process's switches. Chromium rewrites its child processes' command lines as one string of
    space-separated switches (setproctitle), so they are split on spaces too."""
    return _read(f"/proc/{pid}/cmdline").replace("\x00", " ").split()


def pss_kib(pid: int) -> int:
    """A process's proportional set size in KiB (0 when it is gone)."""
    for line in _read(f"/proc/{pid}/smaps_rollup").splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc/<pid>/stat (field 4 is the parent)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            stat = _read(f"/proc/{entry.name}/stat")
            try:
                children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
            except (IndexError, ValueError):
                continue
    return children


def descendants(root: int, children: dict[int, list[int]] | None = None) -> list[int]:
    """Every process below root."""
    children = _children() if children is None else children
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


@dataclass
class Usage:
    """One browser's processes and their PSS (KiB), as measured now."""

    marker: str
    browser_pid: int
    pss: dict[int, int] = field(default_factory=dict)
    renderers: set[int] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.pss.values())


def measure(markers: list[str]) -> dict[str, Usage]:
    """The browsers of this process named by `markers` (those running), with their processes' PSS."""
    children = _children()
    matches: dict[int, str] = {}
    for pid in descendants(os.getpid(), children):
        argv = _argv(pid)
        marker = next((m for m in markers if m in argv), None)
        if marker is not None and not any(a.startswith("--type=") for a in argv):
            matches[pid] = marker
    usages = {}
    for pid, marker in matches.items():
        below = descendants(pid, children)
        if any(b in matches for b in below):
            continue  # a wrapper (Debian's /usr/bin/chromium script) around the browser itself
        usage = Usage(marker, pid)
        for member in [pid, *below]:
            usage.pss[member] = pss_kib(member)
            if RENDERER in _argv(member):
                usage.renderers.add(member)
        usages[marker] = usage
    return usages


@dataclass(frozen=True)
class Verdict:
    """What to stop: renderers over the page budget (pid, KiB), and the browser to restart ("" for none)."""

    renderers: list[tuple[int, int]]
    restart: str = ""


def judge(usage: Usage, page_kib: int = RENDER_PAGE_MEMORY_MIB * 1024,
          browser_kib: int = RENDER_BROWSER_MEMORY_MIB * 1024) -> Verdict:
    """A browser's renderers over `page_kib` are stopped; if it is still over `browser_kib` without them, it is
    restarted."""
    over = [(pid, kib) for pid in sorted(usage.renderers) if (kib := usage.pss[pid]) > page_kib]
    restart = usage.marker if usage.total - sum(kib for _, kib in over) > browser_kib else ""
    return Verdict(over, restart)


def kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class KillLog:
    """Why renderers were stopped, kept briefly so that the page that crashed with one can say why."""

    KEEP_S = 10.0

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._last: tuple[float, str] | None = None

    def stopped(self, kib: int) -> None:
        self._last = (self.clock(), f"the page's renderer used {kib // 1024} MiB, over the "
                                    f"{RENDER_PAGE_MEMORY_MIB} MiB memory budget of a page: stopped")

    def reason(self) -> str:
        """Why a page's renderer just crashed: the last stop, if recent, else a crash of Chromium's own."""
        if self._last and self.clock() - self._last[0] < self.KEEP_S:
            return self._last[1]
        return "the page's renderer crashed (out of memory, or a Chromium fault)"


class Watchdog:
    """The crawl process's browsers under watch (one per rendering channel), measured on the event loop's default
    executor every RENDER_MEMORY_CHECK_S while any is registered."""

    def __init__(self) -> None:
        self.browsers: dict[str, Callable[[], Awaitable[None]]] = {}  # marker -> restart
        self.kills = KillLog()
        self._task: asyncio.Task | None = None

    def watch(self, marker: str, restart: Callable[[], Awaitable[None]]) -> None:
        self.browsers[marker] = restart
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run())

    def forget(self, marker: str) -> None:
        self.browsers.pop(marker, None)
        if not self.browsers and self._task is not None:
            self._task.cancel()
            self._task = None

    async def _run(self) -> None:
        while self.browsers:
            usages = await asyncio.to_thread(measure, list(self.browsers))
            for usage in usages.values():
                verdict = judge(usage)
                for pid, kib in verdict.renderers:
                    self.kills.stopped(kib)
                    kill(pid)
                restart = self.browsers.get(verdict.restart)
                if restart is not None:
                    logger.warning("a browser uses %d MiB, over its %d MiB bound: restarting it",
                                   usage.total // 1024, RENDER_BROWSER_MEMORY_MIB)
                    await restart()
            await asyncio.sleep(RENDER_MEMORY_CHECK_S)


WATCHDOG = Watchdog()  # one per crawl process: one scan of /proc a tick for all of its browsers


class ThreadWatchdog:
    """The same budgets for a browser driven by Playwright's sync API (screenshots), from a thread: renderers over
    the page budget are killed, and over the browser bound the largest renderer is (nothing relaunches a
    browser there; the page it held fails and is noted)."""

    def __init__(self, marker: str) -> None:
        self.marker = marker
        self.kills = KillLog()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="browser-memory", daemon=True)

    def __enter__(self) -> ThreadWatchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(RENDER_MEMORY_CHECK_S):
            usage = measure([self.marker]).get(self.marker)
            if usage is None:
                continue
            verdict = judge(usage)
            stop = list(verdict.renderers)
            if verdict.restart and not stop:
                stop = sorted(((pid, usage.pss[pid]) for pid in usage.renderers), key=lambda x: -x[1])[:1]
            for pid, kib in stop:
                self.kills.stopped(kib)
                kill(pid)
