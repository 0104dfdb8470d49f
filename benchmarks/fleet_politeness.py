#!/usr/bin/env python3
"""Politeness across a fleet (issue 13 item 4's acceptance, docs/0013-fleet.md): FIRMS firms (default 4) on one
shared host, WORKERS `footprint worker` processes (default 3) over the test PostgreSQL (scripts/postgres.sh, port
$FOOTPRINT_PG_PORT), a delay of DELAY seconds (default 0.5). Every request the workers' crawls send reaches the
sandbox web in this process, which logs its arrival; printed: the wall time, every firm's state, the number of
requests to the shared host and the smallest gap between two of them, which must be at least DELAY - 0.02 (exit 1
otherwise). About 30 s here; too slow for the test suite, whose crawl-level tests carry the same rule
(tests/crawler/crawl/test_host_slots.py).

    .venv/bin/python benchmarks/fleet_politeness.py [--firms 4] [--workers 3] [--delay 0.5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawler.sandbox import SandboxWeb  # noqa: E402
from tests.crawler.store.test_store import sql  # noqa: E402
from tests.support.fleet_harness import Fleet, cli_env, settled  # noqa: E402
from tests.support.pg_server import fresh_schema, postgres_url, skip_reason  # noqa: E402
from tests.support.sites import write_host  # noqa: E402

HOST = "shared-hosting.com"
NAMES = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta")


def _web(root: Path, firms: list[str]) -> None:
    files = {}
    for name in firms:
        files[f"{name}/index.html"] = f"<html lang=en><title>{name}</title><a href='/{name}/more.html'>More</a></html>"
        files[f"{name}/more.html"] = f"<html lang=en><title>{name} more</title><p>Plain text.</p></html>"
    write_host(root, HOST, files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=4, choices=range(1, len(NAMES) + 1))
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.5)
    args = parser.parse_args()
    url = postgres_url()
    if url is None:
        print(skip_reason(), file=sys.stderr)
        return 2
    firms = list(NAMES[:args.firms])
    tmp = Path(tempfile.mkdtemp(prefix="fleet-politeness-"))
    _web(tmp / "web", firms)
    doc = {"firms": [{"firm": {"name": f"{name.title()} Ltd", "home_country": "SG"},
                      "channels": {"websites": [f"https://{HOST}/{name}/"]}} for name in firms],
           "scan": {"visitors": [], "delay": args.delay, "max_pages": 2, "max_depth": 1, "screenshots": False}}
    (tmp / "firms.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    (tmp / "evidence").mkdir()
    env = cli_env({})
    with fresh_schema(url) as store, SandboxWeb(tmp / "web") as web:
        def footprint(*command: str) -> None:
            subprocess.run([sys.executable, "-m", "crawler.cli", *command], cwd=ROOT, env=env, check=True,
                           capture_output=True, timeout=120)

        footprint("db", "migrate", "--store", store)
        footprint("enqueue", "--firm", str(tmp / "firms.yaml"), "--store", store, "--batch", "politeness",
                  "--proxy", web.url, "--render", "never", "--no-screenshots")
        fleet = Fleet(store, str(tmp / "evidence"), env, tmp)
        for _ in range(args.workers):
            fleet.start()
        started = time.monotonic()
        try:
            while time.monotonic() - started < 300:
                if settled(store):
                    break
                time.sleep(0.5)
        finally:
            fleet.stop_all()
        wall = time.monotonic() - started
        states = dict(sql(store, "SELECT firm_slug, state FROM fleet_firms"))
        workers = sorted({w for (w,) in sql(store, "SELECT worker FROM fleet_attempts")})
        times = sorted(r["at"] for r in web.requests if urlsplit(r["url"]).hostname == HOST)
    gaps = [b - a for a, b in pairwise(times)]
    print(f"wall_s: {wall:.1f}\nfirms: {states}\nworkers_used: {workers}\nrequests_to_host: {len(times)}")
    print(f"gaps_s: {[round(g, 3) for g in gaps]}\nmin_gap_s: {min(gaps):.3f} (bound {args.delay - 0.02:.2f})")
    return 0 if min(gaps) >= args.delay - 0.02 and all(s == "done" for s in states.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
