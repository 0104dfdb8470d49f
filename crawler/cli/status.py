"""What a scan shows on the terminal while it runs (crawler/crawl/progress.py sends the events).

- On a terminal: one live status line (rich): firms done of all, pages fetched, failed fetches, elapsed time, an
  estimate of the time left once a firm has finished, and the firm and channel being crawled.
- Not on a terminal (cron, a pipe): one plain line per firm begun and ended, nothing per fetch.
- `--verbose`: every fetch as its own line, as well.
- `--quiet`: nothing but errors and the summary.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.live import Live
from rich.text import Text

from crawler.crawl import progress


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Status:
    """The counts behind the status line, updated from the firms' worker threads."""

    def __init__(self, firms: int, verbose: bool, live: Live | None, started: float | None = None):
        self.firms, self.verbose, self.live = firms, verbose, live
        self.started = time.monotonic() if started is None else started
        self.done = self.pages = self.failed = 0
        self.now: dict[str, str] = {}  # firm being scanned -> its channel last heard of
        self._lock = threading.Lock()

    def line(self, now: float | None = None) -> str:
        elapsed = (time.monotonic() if now is None else now) - self.started
        left = f"about {clock(elapsed / self.done * (self.firms - self.done))} left" if self.done else "time left: -"
        current = ", ".join(f"{firm} ({channel})" if channel else firm for firm, channel in sorted(self.now.items()))
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"firms {self.done}/{self.firms} | pages {self.pages}{failed} | {clock(elapsed)} elapsed, {left}"
                + (f" | now: {current}" if current else ""))

    def _say(self, line: str) -> None:
        if self.live is not None:
            self.live.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)

    def refresh(self) -> None:
        if self.live is not None:
            self.live.update(Text(self.line(), overflow="ellipsis", no_wrap=True))

    def firm_started(self, name: str) -> None:
        with self._lock:
            self.now[name] = ""
            if self.live is None:
                self._say(f"footprint: [{self.done}/{self.firms}] scanning {name}")
            self.refresh()

    def firm_ended(self, name: str, outcome: str) -> None:
        with self._lock:
            self.now.pop(name, None)
            self.done += 1
            self._say(f"footprint: [{self.done}/{self.firms}] {name}: {outcome} "
                      f"({clock(time.monotonic() - self.started)} elapsed)")
            self.refresh()

    def fetched(self, channel: str, line: str, failed: bool) -> None:
        with self._lock:
            self.pages += not failed
            self.failed += failed
            if len(self.now) == 1:  # with several firms at once, a fetch's firm is not known: no channel shown
                self.now[next(iter(self.now))] = channel
            if self.verbose:
                self._say(line)
            self.refresh()

    def message(self, line: str) -> None:
        with self._lock:
            if self.verbose:
                self._say(line)


@contextmanager
def showing_progress(firms: int, *, quiet: bool, verbose: bool) -> Iterator[None]:
    """Progress shown for a run of `firms` firms while the block runs, as the module docstring says. With --quiet
    nobody listens: the crawl sends no lines then, and the firms' events go nowhere."""
    if quiet:
        yield
        return
    console = Console(stderr=True)
    live = Live(console=console, transient=True, refresh_per_second=4) if console.is_terminal else None
    status = Status(firms, verbose, live)
    progress.listen(status)
    try:
        if live is None:
            yield
        else:
            with live:
                status.refresh()
                yield
    finally:
        progress.listen(None)
