"""One crawl process for a batch's many firms at once (`python -m crawler.crawl.child --serve`).

A firm's crawl child spends ~1.4 s of CPU starting (Python, Scrapy, Twisted) and its crawl then mostly waits for the
per-host delay: a batch of crawl processes is bound by cores long before the web's politeness. Here one process
takes the firms' crawl jobs as they come, each channel a Scrapy crawler of its own (its own settings, archive and
download slots: nothing of one firm's crawl reaches another's), and reports each job's end. Its host gate
(crawler/crawl/host_gate.py) spaces requests to a host the firms share. `SharedCrawl.crawl` takes and returns
what crawler/crawl/job.py's `crawl` does, so a firm's scan runs unchanged on either (crawler/runs/firm.py).

A firm whose process-wide settings differ from the batch's (its own visitor proxies, private addresses allowed)
is crawled in a child process of its own, as before. If the shared process dies, every firm waiting on it gets
its exit code and last words, as a firm's own child's death would give it, and the next firm starts a new one: the
rest of the batch goes on (firms crawled in one process used to go down together, docs/0005).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from crawler.config.defaults import JUDGE_WHILE_CRAWLING_EVERY
from crawler.crawl.host_slots import SETTING as HOST_SLOTS
from crawler.crawl.job import JOB_FILE, CrawlJob, channels_of, child_env, crawl, process_settings, read_log
from crawler.crawl.scratch import scratch, write_private


class SharedCrawl:
    """Use as a context: the process starts on entry and, on exit, finishes the jobs it has and ends."""

    def __init__(self, proxy: str = "", user_agent: str = "", progress: bool = True,
                 supervise: Callable[[subprocess.Popen], contextlib.AbstractContextManager] = contextlib.nullcontext,
                 visitor_proxies: tuple[str, ...] = (), extra_settings: dict | None = None) -> None:
        self.settings = process_settings([], proxy, user_agent)
        self.settings["FOOTPRINT_ALLOW_PRIVATE"] = False
        self.settings["FOOTPRINT_PROXY_HOSTS"] = sorted(_hosts(visitor_proxies))
        self._extra = dict(extra_settings or {})
        self._progress, self._supervise = progress, supervise
        self._stack = contextlib.ExitStack()
        self._folder = None
        self._proc: subprocess.Popen | None = None  # the one new jobs go to
        self._procs: list[subprocess.Popen] = []  # every one started
        self._lock = threading.RLock()  # stdin writes, the job table, starting a process
        self._numbers = itertools.count(1)
        self._waiting: dict[int, tuple[threading.Event, subprocess.Popen]] = {}
        self._results: dict[int, tuple[int, str]] = {}
        self._tail: list[str] = []
        self._readers: list[threading.Thread] = []

    def __enter__(self) -> SharedCrawl:
        self._folder = self._stack.enter_context(scratch())
        with self._lock:
            self._start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            with self._lock:
                procs = list(self._procs)
                with contextlib.suppress(OSError):
                    self._proc.stdin.close()  # no more jobs: the process ends after the last
            for proc in procs:
                proc.wait()
            for reader in self._readers:
                reader.join()
        finally:
            self._stack.close()

    def _start(self) -> None:
        """A crawl process (the first, or the next after one died: the firms still to come go on). Under _lock."""
        job = write_private(self._folder / JOB_FILE, json.dumps({"settings": {**self.settings, **self._extra},
                                                                 "progress": self._progress}))
        proc = self._stack.enter_context(subprocess.Popen(
            [sys.executable, "-m", "crawler.crawl.child", "--serve", str(job)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env(self._folder)))
        self._stack.enter_context(self._supervise(proc))
        readers = [threading.Thread(target=read_log, args=(proc.stderr, self._progress, self._tail), daemon=True,
                                    name="crawl-log"),
                   threading.Thread(target=self._read_ends, args=(proc,), daemon=True, name="crawl-ends")]
        for reader in readers:
            reader.start()
        self._readers += readers
        self._procs.append(proc)
        self._proc = proc

    def accepts(self, jobs: list[CrawlJob], proxy: str, user_agent: str, host_slots: str = "") -> bool:
        """Whether the jobs can share this process: the same process-wide settings (resolver, proxy, agent, where
        turns at hosts are claimed)."""
        wanted = process_settings(jobs, proxy, user_agent, host_slots)
        return (not wanted["FOOTPRINT_ALLOW_PRIVATE"]
                and set(wanted["FOOTPRINT_PROXY_HOSTS"]) <= set(self.settings["FOOTPRINT_PROXY_HOSTS"])
                and wanted.get("FOOTPRINT_PROXY") == self.settings.get("FOOTPRINT_PROXY")
                and wanted.get("USER_AGENT") == self.settings.get("USER_AGENT")
                and wanted.get(HOST_SLOTS) == self.settings.get(HOST_SLOTS))

    def crawl(self, jobs: list[CrawlJob], proxy: str = "", user_agent: str = "", progress: bool = True,
              supervise: Callable[[subprocess.Popen], contextlib.AbstractContextManager] = contextlib.nullcontext,
              while_running: Callable[[], bool | None] | None = None, host_slots: str = "") -> tuple[int, str]:
        """crawler/crawl/job.py's `crawl`, in the shared process: (0, "") when every channel ended, else (1, the
        failures, one a line) or the dead process's (exit code, stderr tail)."""
        if not self.accepts(jobs, proxy, user_agent, host_slots):
            return crawl(jobs, proxy, user_agent, progress, supervise, while_running, host_slots)
        channels = [c for job in jobs for c in channels_of(job, proxy)]
        if not channels:
            return 0, ""
        number, ended = self._submit(channels)
        busy = False  # as in crawl(): while_running left work, so only look whether the crawl ended
        while not ended.wait(0 if busy else JUDGE_WHILE_CRAWLING_EVERY if while_running is not None else None):
            try:
                busy = bool(while_running())
            except BaseException:  # a stop, or judging failed: this firm's crawl is of no use any more
                self._send(number, {"cancel": number})
                raise
        with self._lock:
            return self._results.pop(number)

    def _submit(self, channels: list[dict]) -> tuple[int, threading.Event]:
        with self._lock:
            if self._proc.poll() is not None:
                self._start()
            number, ended = next(self._numbers), threading.Event()
            self._waiting[number] = (ended, self._proc)
        self._send(number, {"job": number, "channels": channels})
        return number, ended

    def _send(self, number: int, message: dict) -> None:
        with contextlib.suppress(OSError, ValueError, KeyError), self._lock:  # dead, or ended: nothing to tell
            _, proc = self._waiting[number]
            proc.stdin.write(json.dumps(message) + "\n")
            proc.stdin.flush()

    def _read_ends(self, proc: subprocess.Popen) -> None:
        with contextlib.suppress(ValueError, OSError):
            for line in proc.stdout:
                with contextlib.suppress(ValueError, KeyError, TypeError):
                    end = json.loads(line)
                    failures = [f"crawl failed: {failure}" for failure in end["failures"]]
                    self._end(end["job"], (1, "\n".join(failures)) if failures else (0, ""))
        proc.wait()
        with self._lock:
            orphans = [number for number, (_, owner) in self._waiting.items() if owner is proc]
        for number in orphans:  # the process died (or was stopped) under these jobs
            self._end(number, self._death(proc))

    def _end(self, number: int, result: tuple[int, str]) -> None:
        with self._lock:
            ended, _ = self._waiting.pop(number, (None, None))
            if ended is not None:
                self._results[number] = result
        if ended is not None:
            ended.set()

    def _death(self, proc: subprocess.Popen) -> tuple[int, str]:
        return (proc.poll() or 1), "\n".join(self._tail)


def _hosts(proxies) -> set[str]:
    return {urlsplit(p).hostname or "" for p in proxies if p} - {""}
