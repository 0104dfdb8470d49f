"""A run's progress as events: firms begun and ended, pages fetched. Crawls and runs announce them here; the
command line decides how to show them (crawler/cli/status.py: a live status line on a terminal, plain lines for
cron, every fetch with --verbose). With nobody listening, a crawl's lines are printed as they come."""

from __future__ import annotations

import re
import sys
import threading
from typing import Protocol

# "  [website:nordwind-exchange.com] 200 rendered as DE https://..." (crawler/crawl/spiders)
_FETCH = re.compile(r"^\s*\[(?P<channel>[^\]]+)\] (?P<status>\d{3}|error)\b")


class Listener(Protocol):
    def firm_started(self, name: str) -> None: ...
    def firm_ended(self, name: str, outcome: str) -> None: ...
    def fetched(self, channel: str, line: str, failed: bool) -> None: ...
    def message(self, line: str) -> None: ...


_lock = threading.Lock()
_listener: Listener | None = None


def listen(listener: Listener | None) -> None:
    """Send the events to `listener` from now on (None: back to printing the crawl's lines)."""
    global _listener
    with _lock:
        _listener = listener


def crawl_line(line: str) -> None:
    """A progress line of a crawl child: a fetch ("[channel] 200 URL", "[channel] error URL: why") or a note."""
    listener = _listener
    if listener is None:
        print(line.rstrip("\n"), file=sys.stderr, flush=True)
        return
    fetch = _FETCH.match(line)
    if fetch:
        listener.fetched(fetch["channel"], line.rstrip(), fetch["status"] == "error")
    else:
        listener.message(line.rstrip())


def firm_started(name: str) -> None:
    if _listener is not None:
        _listener.firm_started(name)


def firm_ended(name: str, outcome: str) -> None:
    """`outcome`: the firm's level, or "failed" / "not scanned"."""
    if _listener is not None:
        _listener.firm_ended(name, outcome)
