#!/usr/bin/env python3
"""The sandbox web's own speed (issue 12 item 5): responses per second through it, now (each answer in one write,
TCP_NODELAY, a full listen backlog) against the way it once answered (Nagle's algorithm on, the head and the body
in two writes: the body then waits for the client's delayed ACK of the head, about 40 ms per response).

It also measures the listen backlog: socketserver's default of 5 made the kernel drop the SYNs of a crawler
opening several connections at once, each retried only after 1 s (the sandbox now listens with SOMAXCONN).

The old ways are kept only here, as a handler that splits each answer's write in two on a socket with Nagle on
(`TwoWrites`) and a server with a backlog of 5 (`SmallBacklog`); `Before` has both, as issue 12 found the sandbox.
All four sides serve the same generated site (an index linking PAGES pages of about KIB KiB each) from SandboxWeb in
this process. Three clients, each run on every side, the sides alternated run by run:

- `http keep-alive`: http.client, one connection, absolute-form GETs of the pages (a plain proxied request);
- `https tunnel`: http.client through one CONNECT tunnel (TLS inside; the old tunnel's buffered stream joined the
  head and the body only when the body fitted in its 8 KiB buffer, so larger pages stalled there too);
- `scrapy crawl`: a bare Scrapy spider in a subprocess (its start-up not counted: it times from its first request
  to its last response) crawling the index and every page over http with footprint's per-domain concurrency (2)
  and no delay.

Printed: the machine line, the commit, then per client the best responses/s of each side and now/before; the last
line is `ratio: <now / before, scrapy crawl>`.

    .venv/bin/python benchmarks/sandbox.py [--pages 100] [--kib 20] [--runs 3] [--concurrency 2]
"""

from __future__ import annotations

import argparse
import http.client
import os
import ssl
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness  # noqa: E402
from crawler.sandbox import SandboxWeb  # noqa: E402
from crawler.sandbox.proxy import ProxyHandler, ProxyServer  # noqa: E402
from tests.support.sites import write_host  # noqa: E402

HOST = "sandbox-bench.test"

SPIDER = textwrap.dedent(
    """
    import sys, time

    import scrapy
    from scrapy.crawler import CrawlerProcess

    PROXY, START, CONCURRENCY = sys.argv[1], sys.argv[2], int(sys.argv[3])


    class Bench(scrapy.Spider):
        name = "bench"
        count = 0
        began = 0.0

        async def start(self):
            self.began = time.perf_counter()
            yield scrapy.Request(START, meta={"proxy": PROXY})

        def parse(self, response):
            self.count += 1
            self.ended = time.perf_counter()
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, meta={"proxy": PROXY})

        def closed(self, reason):
            print(f"RESULT {self.count} {self.ended - self.began:.6f}", flush=True)


    process = CrawlerProcess(settings={
        "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False, "ROBOTSTXT_OBEY": False, "DOWNLOAD_DELAY": 0,
        "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY,
    })
    process.crawl(Bench)
    process.start()
    """
)


class _HeadThenBody:
    """The handler's output stream, writing an answer's head and its body in two calls as the proxy once did."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        head, sep, body = bytes(data).partition(b"\r\n\r\n")
        if not (data.startswith(b"HTTP/") and sep and body):
            return self._stream.write(data)
        return self._stream.write(head + sep) + self._stream.write(body)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class TwoWriteHandler(ProxyHandler):
    """The proxy as it answered before issue 9: Nagle's algorithm on, head and body written apart."""

    disable_nagle_algorithm = False

    def setup(self) -> None:
        super().setup()
        self.wfile = _HeadThenBody(self.wfile)  # a CONNECT tunnel replaces it with a buffered stream, as before


class SmallBacklogServer(ProxyServer):
    """The proxy's listener as it was before issue 12: socketserver's default listen backlog."""

    request_queue_size = 5


class TwoWrites(SandboxWeb):
    handler_class = TwoWriteHandler


class SmallBacklog(SandboxWeb):
    server_class = SmallBacklogServer


class Before(SandboxWeb):
    """Both at once: the sandbox as issue 12 found it."""

    server_class = SmallBacklogServer
    handler_class = TwoWriteHandler


def write_site(root: Path, pages: int, kib: int) -> list[str]:
    """An index linking `pages` pages of about `kib` KiB of paragraphs each; their paths."""
    paragraph = "<p>Trade bitcoin and ether with low fees; deposits by SEPA transfer, card or bank wire.</p>\n"
    filler = paragraph * max(1, kib * 1024 // len(paragraph))
    paths = [f"/page/{n}.html" for n in range(pages)]
    files: dict[str, str | bytes] = {
        path: f"<!doctype html><html lang='en'><title>Page {n}</title><body>{filler}</body></html>"
        for n, path in enumerate(paths)
    }
    files["/"] = "<!doctype html><html><body>" + "".join(f'<a href="{p}">{p}</a>' for p in paths) + "</body></html>"
    write_host(root, HOST, files)
    return paths


def keep_alive(web: SandboxWeb, paths: list[str], tunnel: bool) -> float:
    """Seconds to fetch every path once over one kept-alive connection (all must be 200); the connection (and TLS
    handshake) is made by a first request for the index, not counted."""
    if tunnel:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            "127.0.0.1", web.port, context=context, timeout=30)
        conn.set_tunnel(HOST, 443)
        prefix = ""
    else:
        conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=30)
        prefix = f"http://{HOST}"
    try:
        conn.request("GET", prefix + "/")
        conn.getresponse().read()
        began = time.perf_counter()
        for path in paths:
            conn.request("GET", prefix + path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path}: status {response.status}")
        return time.perf_counter() - began
    finally:
        conn.close()


def scrapy_crawl(web: SandboxWeb, script: Path, concurrency: int, expected: int) -> float:
    """Seconds the Scrapy spider took from its first request to its last response (start-up not counted)."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    done = subprocess.run([sys.executable, str(script), web.url, f"http://{HOST}/", str(concurrency)],
                          capture_output=True, text=True, timeout=600, env=env, check=False)
    result = next((line.split() for line in done.stdout.splitlines() if line.startswith("RESULT")), None)
    if done.returncode != 0 or result is None or int(result[1]) != expected:
        raise SystemExit(f"scrapy crawl failed or incomplete ({result}): {done.stderr[-2000:]}")
    return float(result[2])


def alternate(run: Callable[[SandboxWeb], float], sides: dict[str, SandboxWeb], runs: int) -> dict[str, list[float]]:
    """The seconds each side took, run after run; each client times itself (connection set-up and Scrapy's
    start-up excluded), the harness only alternates the sides."""
    secs: dict[str, list[float]] = {side: [] for side in sides}
    harness.interleaved({side: (lambda side=side, web=web: secs[side].append(run(web)))
                         for side, web in sides.items()}, runs)
    return secs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--kib", type=int, default=20, help="size of each page")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=2, help="Scrapy's CONCURRENT_REQUESTS_PER_DOMAIN")
    args = parser.parse_args(argv)
    print(harness.machine())
    print(f"footprint {harness.revision('crawler/sandbox')}; {harness.versions('Scrapy')}")
    print(f"site: {args.pages} pages of about {args.kib} KiB and an index; best of {args.runs} alternated runs")
    with tempfile.TemporaryDirectory(prefix="footprint-bench-sandbox-") as tmp:
        paths = write_site(Path(tmp) / "web", args.pages, args.kib)
        script = Path(tmp) / "spider.py"
        script.write_text(SPIDER, encoding="utf-8")
        web = Path(tmp) / "web"
        with SandboxWeb(web) as now, TwoWrites(web) as two, SmallBacklog(web) as small, Before(web) as before:
            sides = {"now": now, "two writes": two, "backlog 5": small, "before": before}
            clients: dict[str, tuple[Callable[[SandboxWeb], float], int]] = {
                "http keep-alive": (lambda web: keep_alive(web, paths, tunnel=False), len(paths)),
                "https tunnel": (lambda web: keep_alive(web, paths, tunnel=True), len(paths)),
                "scrapy crawl": (lambda web: scrapy_crawl(web, script, args.concurrency, len(paths) + 1),
                                 len(paths) + 1),
            }
            ratios = {}
            for client, (run, responses) in clients.items():
                secs = alternate(run, sides, args.runs)
                rates = {side: responses / min(times) for side, times in secs.items()}
                ratios[client] = rates["now"] / rates["before"]
                print(f"{client} (responses/s): " + ", ".join(f"{side} {rate:.1f}" for side, rate in rates.items())
                      + f"; now/before {ratios[client]:.1f}")
    print(f"ratio: {ratios['scrapy crawl']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
