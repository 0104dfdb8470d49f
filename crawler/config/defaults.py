"""Every default and limit of a scan, declared once (Scrapy's default_settings.py is the model).

A scan's configuration is resolved from these, then a firms file's shared `scan:`, then the firm's own `scan:`,
then the command line, each overriding the one before (crawler/config/scan_config.py). The command line and the
firm profile take the same settings with the same limits: both check against `SETTINGS`, and the published firm
profile schema (crawler/config/schema/firm-profile.schema.json) is generated from it, a test keeping them equal.
Scrapy's own settings (politeness, timeouts, sizes) are in crawler/crawl/settings.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RENDER_MODES = ("auto", "always", "never")
FORMATS = ("json", "html", "md", "csv")  # written by default
PDF_FORMAT = "pdf"  # the HTML printed to A4 by Chromium (crawler/runs/pdf.py): on request, it needs the browser
FORMAT_CHOICES = (*FORMATS, PDF_FORMAT)
BASELINE_VISITOR = "US"  # the neutral, non-EU visitor every EU visitor is compared with
# The EU visitor a scan adds when neither --visitor nor the firm's `visitors:` names one: the --jurisdiction (or
# profile `jurisdiction:`) state when given, else Germany, the EU's most populous state and largest language
# community, whose visitors the sites we scan most often localise for (docs/0015-what-a-user-sees.md). It fetches
# each website channel's start pages only (and where they redirect it): the front door, where geo-redirects and
# geo-blocks sit, at one fetch per start URL; a visitor that is asked for fetches every page.
DEFAULT_EU_VISITOR = "DE"


@dataclass(frozen=True)
class Setting:
    """One scan setting: its default, its limits and what it means (shown by `--help` and in the schema)."""

    default: Any
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()

    def kind(self) -> type:
        return type(self.default)


SETTINGS: dict[str, Setting] = {
    # per firm (command line and firm profile)
    "max_pages": Setting(200, "page budget per website channel", 1, 100_000),
    "max_depth": Setting(5, "link depth limit from the start URLs", 0, 50),
    "render": Setting("auto", "browser rendering: auto (pages that need it), always, never", choices=RENDER_MODES),
    "delay": Setting(1.0, "seconds between requests to one host", 0, 600),
    "obey_robots": Setting(True, "obey robots.txt (off only for a firm auditing its own sites)"),
    "screenshots": Setting(True, "screenshots of the pages with findings"),
    "allow_private": Setting(False, "also fetch from private, loopback, link-local and other non-public addresses "
                                    "(refused by default; only for a firm auditing its own intranet site: "
                                    "docs/SECURITY.md)"),
    # per run (command line only)
    "same_type_window": Setting(30, "days after a client's first contact within which offers of the same type are "
                                    "marked (the window is not confirmed in ESMA's final guidelines)", 0, 3650),
    "parallel": Setting(0, "firms scanned at once in a batch, at most (default 0: as many as the batch's memory "
                           "budget holds; their crawls share one process, so a batch waits on each host's delay, "
                           "not on the cores)", 0, 256),
}
FIRM_SETTINGS = ("max_pages", "max_depth", "render", "delay", "obey_robots", "screenshots", "allow_private")
# What a --since-last baseline must share with a scan: a quick check with a smaller page budget is no baseline.
COMPARABLE_SETTINGS = ("max_pages", "max_depth", "render", "obey_robots")

OUT = "footprint-out"
DEMO_OUT = "footprint-out/demo"
ANALYZE_OUT = "footprint-out/analyze"
# Set (to anything), every report.json is checked against its schema before it is written, as --validate does;
# off by default (a fifth of the judging time on a large report). The test suite sets it.
VALIDATE_ENV = "FOOTPRINT_VALIDATE"
HISTORY_DEPTH = 8  # earlier scans searched for a channel's --since-last baseline
TELEGRAM_PAGES = 3  # preview pages per Telegram channel: the newest posts and two pages of older ones
SCREENSHOTS_PER_CHANNEL = 40  # pages per channel and visitor; the evidence table still lists every finding
MARKED_ELEMENTS_PER_PAGE = 100  # findings per screenshot whose element is measured and marked on it
MARK_CROP_MARGIN = 160  # CSS pixels of the page kept around a marked element (crawler/runs/shot_marks.py)
# Archived copies beside report.html (crawler/runs/page_copies.py): captured pages per channel saved script-free with
# the match highlighted; past it a finding's page is still served by `footprint view FOLDER`.
ARCHIVED_COPIES_PER_CHANNEL = 200
# `footprint view` (crawler/runs/view.py): loopback only; port 0 lets the system choose a free one, printed.
VIEW_HOST = "127.0.0.1"
VIEW_PORT = 0
NAVIGATION_TIMEOUT_MS = 30_000  # a browser navigation (rendering, screenshots)

# Bounded fetching and rendering (issue 11; docs/SECURITY.md). A page's body, plain or rendered, is refused past
# MAX_BODY_BYTES (decoded bytes: a gzip bomb counts as what it inflates to). In the browser every page (its
# Chromium renderer process) has a memory budget and every browser (all its processes) a bound: past the first the
# page's renderer is stopped and the page refused, with the reason; past the second the browser is restarted. With
# the crawl process, Playwright's driver and footprint itself, a scan with one rendering website channel stays
# under SCAN_MEMORY_BOUND_MIB of PSS for its whole process tree (tests/crawler/crawl/test_render_bounds.py
# measures it); each further website channel rendering at the same time adds one browser and one driver.
MAX_BODY_BYTES = 16 * 1024 * 1024
RENDER_PAGE_MEMORY_MIB = 384  # PSS of one page's renderer process (ordinary pages: 40-150 MiB)
RENDER_BROWSER_MEMORY_MIB = 896  # PSS of one browser's processes together (an ordinary crawl: 350-650 MiB)
RENDER_JS_HEAP_MIB = 256  # V8's old space per renderer (--max-old-space-size): past it the page's renderer stops
RENDER_MEMORY_CHECK_S = 0.25  # how often the browsers' memory is measured (/proc/<pid>/smaps_rollup)
SCAN_MEMORY_BOUND_MIB = 1536  # the documented bound of a scan's whole process tree (PSS), rendering included

# Inputs that become folder and file names, URLs and HTTP headers: longer ones are refused as bad input (exit 2),
# naming the file and the field (crawler/config/limits.py). A long legal name is fine: its folder name is cut.
INPUT_LIMITS = {
    "firm_name": 1_000,  # characters of a firm's name
    "url": 2_048,  # characters of a website, affiliate or proxy URL (what browsers and sitemaps accept)
    "handle": 256,  # characters of a social handle or an app id
    "header": 1_024,  # characters of a value sent as a header (the user agent)
}
SLUG_CHARS = 80  # a firm's folder name (its slug); longer ones are cut and end in a hash of the whole name
MESSAGE_CHARS = 2_000  # an error message printed or logged, at most (an input may be megabytes)
SCRATCH_GRACE_SECONDS = 60  # a crawl's private folder with no lock file yet is swept only once this old
UNVISITED_COUNTED = 100_000  # URLs a crawl counts as left unvisited by its page budget or depth limit, at most
# Requests a website crawl hands Scrapy ahead of its answers; the pages found beyond them wait in the spider as
# (URL, depth, referrer), about a sixth of a queued Request's memory (a 20,000-page crawl queues most of its pages).
REQUESTS_AHEAD = 64

# One page's parsing limits (nesting depth, tags, attribute size, text) are declared with the parser, in
# detectors/page_limits.py (PAGE_LIMITS): judging applies them too and may not import crawler/.
PROXY_CHECK_SECONDS = 5  # the connection to each proxy tried before a scan: a dead one is bad input, not 50 firms lost
PAGE_PARSE_SECONDS = 20  # the crawl's longest wait for one page's parse (in a thread) before going on without it
JUDGE_WHILE_CRAWLING_EVERY = 0.2  # seconds between a scan's reads of the archive its crawl is writing
JUDGE_SLICE_SECONDS = 1.0  # judging at most this long between two looks at whether the crawl has ended
# Parsed pages left unjudged when a crawl ends from which a helper process shares them (crawler/crawl/
# judge_helper.py): about a second of judging.
HELPER_BACKLOG = 64
HELPER_FORK_AFTER = 200  # captures judged before the helper is forked (or the crawl's end, if sooner)
HELPER_ENV = "FOOTPRINT_JUDGE_HELPER"  # "0": never start one (a machine whose other cores are spoken for)
# gzip level of each archive record (warcio writes 9): on the crawl benchmark's pages level 3 takes half the CPU of 9
# (0.49 against 0.94 ms a page, in the crawl process) for 9 % more bytes (11.6 against 10.6 KiB a page).
WARC_GZIP_LEVEL = 3

# The per-client initiation register (`footprint register check`, issue 16; docs/0016-initiation-register.md).
REGISTER_KEY_ENV = "FOOTPRINT_REGISTER_KEY"  # the key client ids are hashed with (HMAC-SHA256), never stored
REGISTER_KEY_FILE_ENV = "FOOTPRINT_REGISTER_KEY_FILE"  # or a file holding it (as --key-file)
REGISTER_KEY_MIN_BYTES = 16  # a shorter key makes the hashes guessable from a list of client ids
REGISTER_OUT = "footprint-out/register"
REGISTER_COVERAGE_DAYS = 31  # a scan shows the firm's marketing for this long after it; later dates are gaps
REGISTER_COHORT_WEEKS = 4  # weeks of onboardings compared before and after content directed at a state appeared
REGISTER_COHORT_RATIO = 2.0  # onboardings after / before that make a spike
REGISTER_COHORT_MIN_CLIENTS = 5  # fewer onboardings after than this are never a spike
REGISTER_EXAMPLES = 5  # example rows shown per register finding
REGISTER_KEYWORD_LANGUAGE_MIN = 0.9  # identifier probability at which a campaign's keywords are in a language
REGISTER_MAX_ROWS = 1_000_000  # rows of an onboarding or services file read, at most
REGISTER_MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # a compressed export (gzip, ZIP) unpacked, at most
# Evidence packs (`footprint evidence pack --tsa URL`, crawler/crawl/timestamp.py; docs/0014-evidence.md).
TSA_TIMEOUT_SECONDS = 30  # the time-stamp authority's answer, at most (a public TSA answers in about a second)
TSA_MAX_RESPONSE_BYTES = 1 << 20  # a time-stamp response (a few KiB with its certificate chain), at most
# A fleet of workers over one PostgreSQL store (issue 13; docs/0013-fleet.md). A running attempt holds a lease that
# its worker renews every third of FLEET_LEASE_SECONDS; once it has expired and the worker's queue heartbeat is as
# old, any worker's watch loop records the attempt abandoned and queues the firm again, up to FLEET_MAX_ATTEMPTS.
FLEET_MAX_ATTEMPTS = 3  # attempts at one firm of a batch (killed, interrupted or failed) before it is `failed`
FLEET_LEASE_SECONDS = 45.0  # a killed worker's firm is queued again at most this long (+ one poll) after its death
FLEET_POLL_SECONDS = 5.0  # how often a worker polls for jobs (besides LISTEN/NOTIFY) and looks for stalled ones
FLEET_CONCURRENCY = 1  # firms one worker scans at once (each in its own process)
FLEET_QUEUE = "footprint"  # the queue's name in procrastinate's tables
# A store that stops answering (a PostgreSQL restart): a firm's runner waits this long, trying again every
# FLEET_STORE_RETRY_SECONDS, before it fails its attempt; a worker waits as long as it takes to record an attempt.
FLEET_STORE_WAIT_SECONDS = 120.0
FLEET_STORE_RETRY_SECONDS = 1.0
# One machine's batch (issue 13; docs/0013-one-machine-batches.md): the firms' crawls share one crawl process
# (crawler/crawl/shared.py), so a firm in flight costs memory (its crawlers, its judging), not a core. The batch
# admits firms while their cost fits BATCH_MEMORY_BUDGET_MIB (PSS, beyond footprint's own process and the shared
# crawl process at rest): a static firm STATIC_FIRM_MEMORY_MIB (measured: under 1 MiB per firm of 10 pages in flight,
# BENCHMARKS.md; a firm's crawl and judging state grows with its pages, docs/0012, hence the margin); each
# Chromium of a batch (screenshots, `render: always` crawls) is held to BATCH_BROWSERS at once, each under
# RENDER_BROWSER_MEMORY_MIB, and their share comes out of the budget first.
BATCH_MEMORY_BUDGET_MIB = 3072
STATIC_FIRM_MEMORY_MIB = 8
BATCH_BROWSERS = 2


def firms_in_flight(parallel: int = 0) -> int:
    """Firms a batch scans at once: `--parallel` when given (1 or more), else what the memory budget holds."""
    if parallel > 0:
        return parallel
    static_share = BATCH_MEMORY_BUDGET_MIB - BATCH_BROWSERS * RENDER_BROWSER_MEMORY_MIB
    return max(1, static_share // STATIC_FIRM_MEMORY_MIB)
# Politeness across a fleet (issue 13 item 4; docs/0013-fleet.md): a crawl under a fleet worker claims each turn at a
# host in the store's `host_slots` (crawler/crawl/host_slots.py). A platform's hosts (detectors/data/platforms.yaml:
# app stores, social, video and publishing sites) are asked by many firms of a batch, so each request to one waits
# at least SHARED_HOST_INTERVAL_SECONDS after the previous, whatever the firms' delays.
SHARED_HOST_INTERVAL_SECONDS = 2.0
# A claimed turn holds the host until its request ends; a holder that dies lets go this long after its turn (more than
# a request may take: crawler/crawl/settings.py DOWNLOAD_TIMEOUT, 30 s). Waiters look again when the next turn could
# come, and at least this often apart.
HOST_SLOT_HOLD_SECONDS = 60.0
HOST_SLOT_POLL_SECONDS = 0.05
