"""Scrapy settings for footprint's spiders, commented (Scrapy's own convention). The scan settings a user may
change (delay, robots) take their defaults from crawler/config/defaults.py, declared once there.

Politeness first: robots.txt obeyed, AutoThrottle on, a per-host delay, an honest user agent naming footprint and
a contact URL. `footprint scan` overrides a few of these per run (delay, robots, proxy, user agent).
"""

from crawler.config.defaults import MAX_BODY_BYTES, SETTINGS

BOT_NAME = "footprint"
SPIDER_MODULES = ["crawler.crawl.spiders"]
NEWSPIDER_MODULE = "crawler.crawl.spiders"

# Identify ourselves: site operators can see who is crawling and why. The contact is a placeholder on the
# reserved .invalid domain until the operator sets theirs (--user-agent or FOOTPRINT_USER_AGENT): we will not
# pretend to be reachable somewhere we are not.
USER_AGENT = "footprint/0.1 (MiCA solicitation audit crawler; +https://contact.invalid/set-with---user-agent)"
ROBOTSTXT_OBEY = SETTINGS["obey_robots"].default

# Politeness: a delay between requests to one host, adapted by AutoThrottle to how fast the server answers
# (aiming at one request in flight per host, never more than two).
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = SETTINGS["delay"].default
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = SETTINGS["delay"].default
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# ...and, across the crawlers of one process (a batch's firms crawled together: crawler/crawl/shared.py), one gate
# per host spacing every request to it by the delay (crawler/crawl/host_gate.py). Rendering channels' handler
# (crawler/crawl/playwright_handler.py) passes the same gate.
# The delay is the delay: Scrapy's default randomises it per request between 0.5 and 1.5 times, so half a delay
# apart was possible; the gate (at least the delay after the previous request ended) holds it anyway, and on top of
# it the random draw only added an eighth of a delay on average (docs/0013).
RANDOMIZE_DOWNLOAD_DELAY = False
DOWNLOAD_HANDLERS = {"http": "crawler.crawl.host_gate.GatedHTTPDownloadHandler",
                     "https": "crawler.crawl.host_gate.GatedHTTPDownloadHandler"}

# Breadth-first, so a page budget keeps the pages nearest the start URLs (and the same ones on every run).
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Error pages are evidence too (a 451 is a geo-block): let the spider see every status.
HTTPERROR_ALLOW_ALL = True
RETRY_TIMES = 1
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 15
DOWNLOAD_MAXSIZE = MAX_BODY_BYTES  # decoded bytes (HttpCompressionMiddleware checks them too)
DOWNLOAD_WARNSIZE = 0
REDIRECT_MAX_TIMES = 10

# Names are checked where they are resolved: the address refused is the address that would be connected to.
TWISTED_DNS_RESOLVER = "crawler.crawl.egress.resolver.EgressCheckingResolver"

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy's remote control (on by default since 2.19) would serve code execution over HTTP on localhost from every
# crawl, and leave a job file with its token in ~/.local/state/scrapy/ whenever a crawl is killed. Nobody drives a
# footprint crawl from outside. (Scrapy still imports it, and aiohttp: it loads every extension to read the table.)
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "WARNING"

DOWNLOADER_MIDDLEWARES = {
    # The egress policy (crawler/crawl/egress/): before RobotsTxtMiddleware (100), so a refused host's robots.txt
    # is never asked for; every redirect hop comes back through it as a new request.
    "crawler.crawl.egress.middleware.EgressPolicyMiddleware": 50,
    # Below HttpProxyMiddleware (750), so robots.txt and sitemap requests go through --proxy too.
    "crawler.crawl.middlewares.ForcedProxyMiddleware": 740,
    # Scrapy's own, with proxies that carry a user name and no password (http://DE@geo-proxy:8080) working.
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None,
    "crawler.crawl.middlewares.UserNameProxyMiddleware": 750,
}
ITEM_PIPELINES = {
    "crawler.crawl.pipelines.CaptureWriterPipeline": 300,
}

# footprint's own settings.
FOOTPRINT_PROXY = ""  # --proxy: every request, robots.txt included, goes through it
FOOTPRINT_CAPTURES = ""  # JSON-lines file the captures are appended to (unset: no capture file)
FOOTPRINT_PARSED_PAGES = False  # each page's parse beside the captures, for the scan's judge (crawl/child.py sets it)
FOOTPRINT_PROGRESS = False  # print one line per fetched page on stderr
FOOTPRINT_ALLOW_PRIVATE = SETTINGS["allow_private"].default  # lift the egress policy (crawler/crawl/egress/)
FOOTPRINT_HOST_GATE = True  # off only in the tests' negative control of the per-host gate
FOOTPRINT_PROXY_HOSTS: list[str] = []  # the visitors' proxies' hosts, which the egress resolver lets resolve
