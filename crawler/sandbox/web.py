"""SandboxWeb: the sandbox's lifecycle (start, stop, context manager) and which answering mode serves a request.

It picks the mode from ROOT (a directory of hosts, or a capture archive to replay), starts the proxy in a daemon
thread and keeps what lives as long as the server: the replay index, the TLS contexts, the request log.
"""

from __future__ import annotations

import ssl
import sys
import threading
from pathlib import Path

from crawler.sandbox.answers import Answer, html_page
from crawler.sandbox.files import HostFiles
from crawler.sandbox.proxy import ProxyHandler, ProxyServer, RequestLog
from crawler.sandbox.replay import ArchiveReplay, is_archive_path
from crawler.sandbox.tls import make_tls_context


class SandboxWeb:
    """A forward HTTP(S) proxy on ``host:port`` answering for any host from ``ROOT/<host>/``, or, when ROOT is a
    ``.warc.gz`` / ``.warc`` capture archive, replaying the responses recorded in it.

    ``start()`` runs it in a daemon thread; ``url`` is the proxy URL to give clients; ``requests`` records
    what was asked (method, absolute url, lower-cased headers, visitor, status); ``replay`` is the archive's
    index once started in replay mode; ``require_proxy_user`` makes it challenge (407) requests that name no
    visitor, as a real geo-proxy service does.
    """

    # The listening server and the handler it runs per connection; benchmarks/sandbox.py swaps in ones that work
    # the way the proxy once did (Nagle on, head and body apart; a listen backlog of 5) to measure what changed.
    server_class: type[ProxyServer] = ProxyServer
    handler_class: type[ProxyHandler] = ProxyHandler

    def __init__(self, root: str | Path, host: str = "127.0.0.1", port: int = 0,
                 require_proxy_user: bool = False) -> None:
        self.root = Path(root).resolve()
        # As geo-proxy services do: a request without a proxy user name (the exit country) gets a 407 challenge.
        self.require_proxy_user = require_proxy_user
        self.is_archive = is_archive_path(self.root) or self.root.is_file()
        self.replay: ArchiveReplay | None = None
        self.host = host
        self.port = port
        self.requests = RequestLog()
        self.tls_context: ssl.SSLContext | None = None
        self._files = None if self.is_archive else HostFiles(self.root)
        self._server: ProxyServer | None = None
        self._thread: threading.Thread | None = None
        self._tls_contexts: dict[str, ssl.SSLContext] = {}
        self._tls_lock = threading.Lock()

    # -- lifecycle ----------------------------------------------------------------------------------

    def start(self) -> SandboxWeb:
        if self._server is not None:
            return self
        if self.is_archive:
            if not self.root.is_file():
                raise FileNotFoundError(f"sandbox web archive not found: {self.root}")
            if self.replay is None:
                self.replay = ArchiveReplay(self.root)  # indexed once: later requests only read it
        elif not self.root.is_dir():
            raise FileNotFoundError(f"sandbox web root is not a directory: {self.root}")
        else:
            self.check_config()  # fail at start-up, not on the first request that happens to hit a bad file
        self.tls_context = make_tls_context()
        server = self.server_class((self.host, self.port), self.handler_class)
        server.web = self
        self._server = server
        self.port = server.server_address[1]
        # A short poll interval keeps stop() (and so every test fixture's teardown) quick.
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="sandbox-web", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> SandboxWeb:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("sandbox web is not running; call start() first")
        return f"http://{self.host}:{self.port}"

    def tls_context_for(self, host: str) -> ssl.SSLContext:
        """One certificate per host, made on first use and kept for the server's life."""
        with self._tls_lock:
            if host not in self._tls_contexts:
                self._tls_contexts[host] = make_tls_context(host) if host else self.tls_context
            return self._tls_contexts[host]

    def check_config(self) -> None:
        """Validate every ``ROOT/<host>/_sandbox.yaml``; raise SandboxConfigError on the first bad one."""
        if self._files is not None:
            self._files.check_config()

    # -- answering ----------------------------------------------------------------------------------

    def knows_host(self, host: str) -> bool:
        """Whether the sandbox answers for host (a CONNECT to any other is refused)."""
        if self.is_archive:
            return self.replay is not None and self.replay.knows_host(host)
        return self.host_dir(host) is not None

    def host_dir(self, host: str) -> Path | None:
        """ROOT/<host> if that host exists in the sandbox (directory mode), else None."""
        return None if self._files is None else self._files.host_dir(host)

    def answer(self, host: str, url: str, path: str, query: str, visitor: str, accept_language: str) -> Answer:
        """The answer to one proxied request (raw path and query as sent; visitor as the proxy user name)."""
        if self._files is not None:
            return self._files.answer(host, url, path, query, visitor, accept_language)
        if self.replay is None:
            return Answer(503, html_page(503, "Service Unavailable", "The archive is not indexed yet."))
        return self.replay.answer(host, url, visitor)


def serve_forever(root: str | Path, host: str = "127.0.0.1", port: int = 0) -> None:
    """Serve ROOT (a directory of hosts, or a ``.warc.gz`` / ``.warc`` archive to replay) as a sandbox web until
    Ctrl-C (for ``footprint sandbox ROOT --port N``)."""
    web = SandboxWeb(root, host, port).start()
    if web.replay is not None:
        replay = web.replay
        what = f"replaying {web.root} ({replay.responses} responses, {len(replay.hosts)} hosts)"
        if replay.torn:
            print(f"sandbox web: archive ends in a torn record, served up to it: {replay.torn}", file=sys.stderr)
    else:
        what = f"serving {web.root}"
    print(f"sandbox web {what} on {web.url}", file=sys.stderr, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        web.stop()
