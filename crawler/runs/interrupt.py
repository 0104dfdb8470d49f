"""Stopping a run cleanly on SIGTERM or Ctrl-C (cron's timeout, systemd's stop, a supervisor's kill).

The signal handler only records the request and raises `Interrupted` in the main thread. Worker threads (one per
firm in a batch) notice through `check()` between steps; the crawl child processes they wait on are terminated
so the waits end. Each firm then records its scan as interrupted in the store, keeps what it captured, and no
report is published half-written. The store's own transactions cover the rest.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import threading


class Interrupted(BaseException):  # a BaseException, like KeyboardInterrupt: `except Exception` must not eat it
    def __init__(self, signame: str = "SIGTERM"):
        super().__init__(f"interrupted by {signame}")
        self.signame = signame


_stop = threading.Event()
_signame = ""
_raised = False  # only the first signal raises: a second Ctrl-C must not cut short the orderly stop of the first
_children: set[subprocess.Popen] = set()
_children_lock = threading.RLock()  # re-entrant: a signal handler may run while this thread holds it


def requested() -> bool:
    return _stop.is_set()


def stop_reason() -> str:
    return _signame or "SIGTERM"


def check() -> None:
    """Raise Interrupted in a worker when a stop was requested."""
    if _stop.is_set():
        raise Interrupted(_signame or "SIGTERM")


def request_stop(signame: str) -> None:
    global _signame
    _signame = _signame or signame
    _stop.set()
    with _children_lock:
        children = list(_children)
    for proc in children:
        _terminate(proc)


def _terminate(proc: subprocess.Popen, grace: float = 5.0) -> None:
    """SIGTERM (Scrapy closes its spiders), then SIGKILL if it is still there after `grace` seconds."""
    with contextlib.suppress(ProcessLookupError, OSError):
        proc.terminate()
    timer = threading.Timer(grace, lambda: proc.poll() is None and proc.kill())
    timer.daemon = True
    timer.start()


@contextlib.contextmanager
def child(proc: subprocess.Popen):
    """Track a child process so that a stop request terminates it (and a late request still reaches it)."""
    with _children_lock:
        _children.add(proc)
    try:
        if _stop.is_set():
            _terminate(proc)
        yield proc
    finally:
        with _children_lock:
            _children.discard(proc)


def _handler(signum, _frame):
    global _raised
    name = signal.Signals(signum).name
    request_stop(name)
    if not _raised:
        _raised = True
        raise Interrupted(name)


@contextlib.contextmanager
def handle_signals():
    """SIGTERM, SIGINT and SIGHUP stop the run. Only possible in the main thread; elsewhere a no-op."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    global _signame, _raised
    _stop.clear()
    _signame, _raised = "", False
    previous = {s: signal.signal(s, _handler) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)  # the console script ignores late signals itself (crawler.cli.run)
