"""Judging an archive as it is read: each record taken once, in archive order, and forgotten.

A scan reads its archive while its crawl child writes it (crawler/runs/firm.py calls `take_some()` while the crawl
runs, then `take_rest()`, which shares the pages left with a helper process), `footprint analyze` reads it once from
start to end; both through this class, so a scan's report and the report rebuilt from its archive are the same. In
archive order come: the scan's plan (warcinfo), the files the firm supplied, the captures of the planned channels,
the channels discovered on the firm's pages (warcinfo) and their captures, screenshots. Nothing here holds a body
past its record: supplied files are kept until judging starts (they come first), screenshots go to `on_screenshot`
as they are read. A website page the crawl parsed is judged as the crawl parsed it (crawler/captures/documents.py),
and parsed here only when it was not.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from crawler.captures.documents import DocumentFeed
from crawler.captures.evidence import capture_of, channel_header, firm_header
from crawler.captures.provenance import Navigation
from crawler.captures.record import ScanRecord
from crawler.captures.stream import ArchiveStream, Entry
from crawler.config.defaults import HELPER_FORK_AFTER, JUDGE_SLICE_SECONDS
from detectors.analyze import load_tables
from detectors.channels.stream import FirmJudgement
from detectors.channels.website import PageRole
from detectors.context import Context
from detectors.geo import PageView
from detectors.model import ChannelKind, ChannelResult, Finding


class Helper(Protocol):
    """What the judge asks of a helper sharing the crawl's backlog (crawler/crawl/judge_helper.py)."""

    def start(self, frame: int, offset: int, roles: dict[str, PageRole]) -> bool: ...

    def judged(self, frame: int, record_id: str) -> tuple[list[Finding], PageView | None] | None: ...

    def close(self) -> None: ...


_PARSED_IN_CRAWL = frozenset({ChannelKind.WEBSITE, ChannelKind.AFFILIATE})  # the website spider's channels

# One page judged at a time per process. A batch judges many firms in threads; the GIL runs one at a time anyway,
# and judging loads its tables (lexicons, compiled patterns: functools.cache) on first use: forty threads asking at
# once would each load them (100 s of CPU for a 40-firm batch, BENCHMARKS.md), one at a time loads them once.
_JUDGING = threading.RLock()


class ArchiveJudgement:
    """The judgement of one firm's archive, fed from it record by record."""

    def __init__(self, path: str | Path, on_screenshot: Callable[[dict], None] | None = None,
                 helper: Callable[[Path, Context], Helper | None] | None = None):
        self.stream = ArchiveStream(path)
        self.record: ScanRecord | None = None  # from the archive's first warcinfo record with a plan
        self.first_fetched = ""  # fetched_at of the first capture, and the latest one
        self.last_fetched = ""
        self._on_screenshot = on_screenshot
        self._supplied: dict[str, dict] = {}  # channel id -> its supplied file's record, until judging starts
        self._judge: FirmJudgement | None = None
        self.navigation = Navigation()  # each capture's referrer, times, address and client (no bodies)
        self.parsed = DocumentFeed(path)  # the pages the crawl parsed (crawler/captures/documents.py)
        self.helper: Helper | None = None  # shares the crawl's backlog (crawler/crawl/judge_helper.py)
        self._make_helper = helper  # (the crawl's parsed pages, the judge's context) -> a helper, or None
        self._forked = False
        self._captures = 0  # captures judged
        self._warmed = False
        self._pending: Iterator[Entry] | None = None  # entries read but not all taken yet (take_new's `seconds`)
        self.offsets: dict[str, int] = {}  # record id -> where its record begins in the archive (for page copies)

    def close(self) -> None:
        self.stream.close()
        self.parsed.close()
        if self.helper is not None:
            self.helper.close()

    def __enter__(self) -> ArchiveJudgement:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def take_some(self) -> bool:
        """`take_new` while the crawl goes on, for at most JUDGE_SLICE_SECONDS (whether records were left). Before
        the first page comes, the judge's tables are loaded (the crawl is starting: a core would idle); once
        HELPER_FORK_AFTER captures are judged, the helper that will share what the crawl leaves is forked
        (crawler/crawl/judge_helper.py): with what judging compiles and remembers on a site's first pages (a
        thousand patterns, its chrome's blocks: about a second of work), while this process is still small."""
        more = self.take_new(seconds=JUDGE_SLICE_SECONDS)
        if self._judge is None and not self._warmed:  # nothing archived yet: the crawl is starting, a core idles
            self._warmed = True
            with _JUDGING:
                load_tables(Context())
        if self._captures >= HELPER_FORK_AFTER:
            self._fork_helper()
        return more

    def take_rest(self) -> None:
        """`take_new` once the crawl writing the archive is over: where many of its parsed pages are left to judge,
        the helper judges them from the last backwards meanwhile."""
        while self._judge is None and self.take_new(seconds=0):  # up to the first capture: supplied files first
            pass
        self._fork_helper()
        if self.helper is not None and self._judge is not None:
            self.helper.start(*self.parsed.unread(), self._judge.page_roles())
        self.take_new()
        if self.helper is not None:
            self.helper.close()

    def _fork_helper(self) -> None:
        if not self._forked and self._judge is not None and self._make_helper is not None:
            self._forked = True
            self.helper = self._make_helper(self.parsed.path, self._judge.ctx)

    def take_new(self, final: bool = False, seconds: float | None = None) -> bool:
        """Judge every record completed since the last call. `final`: nothing more will be written (a half-written
        last record is then torn, not waited for). `seconds`: return after about that long, the rest left for the
        next call (a crawl's loop then sees sooner that its child has ended). Whether records were left."""
        deadline = None if seconds is None else time.monotonic() + seconds
        if self._pending is not None:  # a read an earlier call stopped in
            if not self._take(self._pending, deadline):
                return True
            self._pending = None
        entries = self.stream.entries(final)
        if not self._take(entries, deadline):
            self._pending = entries
            return True
        return False

    def _take(self, entries, deadline: float | None) -> bool:
        """Judge `entries` to their end (True), or until `deadline` (False)."""
        for kind, data in entries:
            if kind == "info":
                self._info(data)
            elif kind == "screenshot":
                if self._on_screenshot is not None:
                    self._on_screenshot(data)
            else:
                self._capture(data)
            if deadline is not None and time.monotonic() >= deadline:
                return False
        return True

    def linked_accounts(self) -> list[tuple[ChannelKind, str, str]]:
        """App listings and social accounts linked from the website pages judged so far."""
        return self._judgement().linked_accounts()

    def finish(self, crawl_failure: str = "") -> list[ChannelResult]:
        """Every channel's result, once the archive has been read to its end."""
        with _JUDGING:
            return self._judgement().finish(crawl_failure=crawl_failure, torn=self.stream.torn)

    def _info(self, info: dict) -> None:
        if self.record is None:
            if "plans" in info:
                self.record = ScanRecord.planned(info)
            return
        for plan in self.record.take(info):
            if self._judge is not None:
                self._judge.add_channel(channel_header(plan, discovered=True))

    def _capture(self, data: dict) -> None:
        if self.record is None:
            return
        if "offset" in data and data.get("record_id"):
            self.offsets[data["record_id"]] = data["offset"]
        self.first_fetched = self.first_fetched or data["fetched_at"]
        self.last_fetched = max(self.last_fetched, data["fetched_at"])
        plan = next((p for p in self.record.plans if p.id == data["channel"]), None)
        if plan is None:
            return  # a channel the scan did not plan: not judged (as ever)
        if plan.kind == ChannelKind.EXPORT:
            if data.get("supplied"):
                self._supplied.setdefault(plan.id, data)
            return
        self.navigation.add(data)
        self._captures += 1
        capture = capture_of(data)
        # The crawl's own parse of a website page, when it wrote one for this archive: the page is not parsed again
        parsed = self.parsed.document(capture) if plan.kind in _PARSED_IN_CRAWL else None
        judged = None  # its findings and view, where the helper judged the page
        if parsed is not None and self.helper is not None:
            judged = self.helper.judged(self.parsed.frame, capture.record_id)
        with _JUDGING:
            self._judgement().add(capture, parsed, *(judged or ()))

    def _judgement(self) -> FirmJudgement:
        if self._judge is None:
            if self.record is None:
                raise ValueError("not a footprint archive: no warcinfo record names the firm and its channels")
            self._judge = FirmJudgement(firm_header(self.record, self._supplied))
            self._supplied = {}
        return self._judge

