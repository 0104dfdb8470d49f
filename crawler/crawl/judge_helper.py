"""A second judge for the pages a crawl leaves behind it: once the crawl is over, a helper process shares the backlog.

While a site is crawled, the crawl process and the scan's judge each keep one of the two cores busy. The judge is
the slower (about 17 against 10 ms a page on the crawl benchmark's site), so when the crawl ends it still has a
backlog (700 to 800 pages of a 2,000-page crawl, 12 to 14 s) that it judged on one core while the other idled. So
when the crawl is over and at least HELPER_BACKLOG of its parsed pages (crawler/captures/documents.py) are not read
yet, a helper judges them from the last backwards while the judge goes on from the first. Where they meet depends
only on their speeds; from there on the judge takes the helper's findings instead of judging the page itself.

The helper is a fork of the judge's process, made once the judge has judged the site's first pages
(crawler/captures/feed.py): it has every table the judge loaded (a fresh process spends about 4 s loading and
checking them before its first page, a third of the backlog's time) and what judging compiled and remembered on those
pages, and the judge is still small (RSS counts the pages they share in both). It waits for its job until the crawl
ends. It keeps only its own three files open (the job and notice pipes, the unnamed file its results go to), reads
the frames, touches nothing the judge's other threads may hold, and ends with `os._exit`. What it sends for a page is
its findings and its view for the visitor comparison (detectors/channels/website.py `judge_in_role`), functions of
the page and its channel's role alone, whichever process computes them; only the record id, which the crawl's
Document does not know, is set by the judge. So the report is the one the judge alone writes, and the one `footprint
analyze` rebuilds from the archive. If the helper fails or falls behind, the judge judges those pages.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import signal
import struct
import tempfile
import threading
from dataclasses import asdict, replace
from pathlib import Path

from crawler.captures.documents import document_from, frame_offsets, read_frame
from crawler.config.defaults import HELPER_BACKLOG, HELPER_ENV
from crawler.crawl.child import die_with_parent
from detectors.channels.website import PageRole, judge_in_role
from detectors.context import Context
from detectors.geo import PageView
from detectors.model import Finding

_NOTICE = struct.Struct(">qQI")  # frame number, where its results begin in the results file, their size


class JudgeHelper:
    """The helper process of one archive's judge, and where the findings it has judged so far are (by frame number).
    The findings themselves wait in a file, not in memory: the judge meets the helper only halfway through the
    backlog, and half a 20,000-page crawl's backlog is thousands of pages' findings."""

    def __init__(self, pid: int, documents: Path, jobs, notices, results) -> None:
        self.pid, self.documents = pid, documents
        self._jobs, self._notices, self._results = jobs, notices, results
        self._found: dict[int, tuple[int, int]] = {}
        self._met = False
        self._ended = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @classmethod
    def fork(cls, documents: Path, ctx: Context) -> JudgeHelper | None:
        """A helper for the crawl's parsed pages `documents`, judging with `ctx`, forked now (once the judge has
        loaded its tables, before the process grows with the crawl's pages) and idle until `start`; None where one
        core is all there is, where the system cannot fork, or where HELPER_ENV is "0"."""
        if (os.cpu_count() or 1) < 2 or os.environ.get(HELPER_ENV) == "0" or not hasattr(os, "fork"):
            return None
        results = tempfile.TemporaryFile(dir=documents.parent)  # no name: gone with the last of the two processes
        job_read, job_write = os.pipe()
        notice_read, notice_write = os.pipe()
        judge = os.getpid()
        pid = os.fork()
        if pid == 0:  # the helper: never returns into the judge's code
            code = 1
            try:
                # A pipe's write end held here would keep its reader waiting: keep only the helper's own files.
                _keep_only(results.fileno(), job_read, notice_write)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the scan's stop handling: just end
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                die_with_parent(judge)
                with os.fdopen(job_read, "rb") as jobs, os.fdopen(notice_write, "wb") as notices, \
                        contextlib.suppress(BrokenPipeError):
                    job = jobs.readline()
                    if job:
                        judge_backwards(documents, json.loads(job), ctx, results.fileno(), notices)
                code = 0
            finally:
                os._exit(code)
        os.close(job_read)
        os.close(notice_write)
        return cls(pid, documents, os.fdopen(job_write, "wb"), os.fdopen(notice_read, "rb"), results)

    def start(self, frame: int, offset: int, roles: dict[str, PageRole]) -> bool:
        """Judge the frames from number `frame` (at byte `offset`) on, from the last backwards, in their channels'
        `roles` (channel id -> PageRole): when at least HELPER_BACKLOG are left (else the helper ends)."""
        left = frame_offsets(self.documents, offset, HELPER_BACKLOG) if self.documents.exists() else []
        enough = len(left) >= HELPER_BACKLOG
        with contextlib.suppress(OSError, ValueError):  # it died: the judge judges every page itself
            if enough:
                job = {"frame": frame, "offset": offset, "roles": {cid: asdict(role) for cid, role in roles.items()}}
                self._jobs.write(json.dumps(job).encode() + b"\n")
            self._jobs.close()
        if not enough:
            self._stop()
        return enough

    def judged(self, frame: int, record_id: str) -> tuple[list[Finding], PageView | None] | None:
        """The findings and view of frame number `frame` (`judge_in_role`) when the helper has sent them, the
        findings with the capture's record id (the view's is set where it is kept: WebsiteJudge.keep_view)."""
        where = self._found.pop(frame, None)
        if where is None:
            return None
        if not self._met:  # it judges backwards: every later frame is judged too, and every earlier one is ours
            self._met = True
            self._stop()
        found, view = pickle.loads(os.pread(self._results.fileno(), where[1], where[0]))
        return [f if f.record_id == record_id else replace(f, record_id=record_id) for f in found], view

    def close(self) -> None:
        self._stop()
        self._reader.join()
        self._found.clear()
        with contextlib.suppress(OSError, ValueError):
            self._jobs.close()
        self._notices.close()
        self._results.close()

    def _stop(self) -> None:
        if not self._ended:
            self._ended = True
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)

    def _read(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            while len(notice := self._notices.read(_NOTICE.size)) == _NOTICE.size:
                frame, at, size = _NOTICE.unpack(notice)
                self._found[frame] = at, size


def _keep_only(*fds: int) -> None:
    """Close every file descriptor of this process above stderr but `fds` (the shared crawl's stdin, the store's
    connection, the crawl child's pipes: the judge's, not the helper's)."""
    low = 3
    for fd in sorted(fds):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, os.sysconf("SC_OPEN_MAX"))


def judge_backwards(documents: Path, job: dict, ctx: Context, results: int, notices) -> None:
    """The helper's work: the frames of `documents` from the job's (numbered from its "frame", beginning at its
    "offset"), from the last back to the first, each page's findings and view (`judge_in_role`) appended to the file
    `results` (pickled) as it is judged, and where they are sent on `notices` (frame number, offset, size)."""
    first = job["frame"]
    roles = {cid: PageRole(**{**role, "viewed": tuple(role["viewed"])}) for cid, role in job["roles"].items()}
    offsets = frame_offsets(documents, job["offset"])
    at = 0
    with documents.open("rb") as fh:
        for number in range(len(offsets) - 1, -1, -1):
            fh.seek(offsets[number])
            frame = read_frame(fh)
            doc = document_from(frame[1]) if frame is not None else None
            role = roles.get(doc.channel) if doc is not None else None
            if role is not None:
                data = pickle.dumps(judge_in_role(doc, ctx, role), pickle.HIGHEST_PROTOCOL)
                os.pwrite(results, data, at)
                notices.write(_NOTICE.pack(first + number, at, len(data)))
                notices.flush()
                at += len(data)
