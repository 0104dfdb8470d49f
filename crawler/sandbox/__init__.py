"""Sandbox web: a local forward HTTP(S) proxy that answers for made-up hosts from files.

Tests and the demo route every fetch through it, so the crawler runs its production code path with only
the proxy swapped. Content comes from ``ROOT/<host>/<path>``; an optional ``ROOT/<host>/_sandbox.yaml`` holds
rules that vary the answer by visitor (proxy user name, as geo-proxies use it) or Accept-Language. HTTPS
arrives as CONNECT and is served inside the tunnel with a throw-away self-signed certificate (clients here
do not verify it).

Replay: ROOT may instead be a footprint capture archive (``*.warc.gz`` / ``*.warc``). Then every raw HTTP response
in it answers again, for the visitor who fetched it (else the baseline's, else the first capture of the URL), so a
captured crawl can be re-crawled offline. A redirect followed in the original crawl answers as a 302 from the
requested URL to the final one; rendered DOMs and failed fetches are not served; a URL not in the archive is a
404, a host not in it a 502 (as an unreachable host).

One module per job: ``rules`` (the ``_sandbox.yaml`` language), ``files`` (answers from ROOT/<host>/),
``replay`` (answers from an archive), ``answers`` (what both build), ``tls`` (certificates), ``proxy`` (the
request handler and server), ``web`` (SandboxWeb, which ties them together) and ``__main__`` (the command line).
"""

from crawler.sandbox.proxy import RequestLog
from crawler.sandbox.replay import ArchiveReplay, is_archive_path, replay_key
from crawler.sandbox.rules import Rule, SandboxConfigError, load_rules
from crawler.sandbox.web import SandboxWeb, serve_forever

__all__ = [
    "ArchiveReplay",
    "RequestLog",
    "Rule",
    "SandboxConfigError",
    "SandboxWeb",
    "is_archive_path",
    "load_rules",
    "replay_key",
    "serve_forever",
]
