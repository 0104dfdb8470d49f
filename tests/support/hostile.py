"""A hostile site for the egress policy's tests: a public-looking firm site whose links redirect inward, to every
private form of address, and a loopback trap that records any connection that reaches it (the rendering bounds have
their hostile pages in hostile_pages.py).

`write_inward_site(root, trap_port)` writes ROOT/inward-redirect.com: an ordinary German landing page (findings to
assess) and an /about/ page, plus /go/<case> links that redirect to the private targets in PRIVATE_TARGETS. Each
target's host also gets a folder of its own holding a page marked SECRET, so a redirect the policy failed to refuse
would be served by the sandbox web and land in the archive. ROOT/inward-start.com redirects its very first page to
the cloud metadata address. Targets on loopback point at the trap's port, so a connection that bypassed the proxy
(a browser going direct to loopback) would reach the trap.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import yaml

from tests.support.sites import write_host

SITE = "inward-redirect.com"
START_REFUSED = "inward-start.com"
SECRET = "SECRET-INSIDE-9f31"  # on every private target's page: must never reach an archive
METADATA_PATH = "/latest/meta-data/iam/security-credentials/admin"


def private_targets(trap_port: int) -> dict[str, str]:
    """Case name -> where /go/<case> redirects: every spelling of a private address the issue lists."""
    port = f":{trap_port}"
    return {
        "loopback": f"http://127.0.0.1{port}/admin",
        "localhost": f"http://localhost{port}/admin",
        "metadata": f"http://169.254.169.254{METADATA_PATH}",
        "ten": "http://10.0.0.1/router",
        "home-router": "http://192.168.1.1/",
        "unspecified": f"http://0.0.0.0{port}/",
        "ipv6-loopback": f"http://[::1]{port}/",
        "decimal": f"http://2130706433{port}/",
        "hex": f"http://0x7f.1{port}/",
        "octal": f"http://017700000001{port}/",
        "short": f"http://127.1{port}/",
        "ipv4-mapped": f"http://[::ffff:127.0.0.1]{port}/",
        "cgnat": "http://100.64.0.1/",
        "https-metadata": f"https://169.254.169.254{METADATA_PATH}",
    }


LANDING = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Inward Exchange</title></head><body>
<h1>Krypto kaufen in Deutschland</h1>
<p>Jetzt registrieren und 50 € Willkommensbonus sichern. Einzahlung per SEPA-Überweisung in Euro.</p>
<nav><a href="/about/">Über uns</a> {links}</nav></body></html>"""
ABOUT = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Über uns</title></head><body>
<h1>Über Inward Exchange</h1><p>Kundenservice für Deutschland und Österreich, Preise in EUR.</p></body></html>"""


def write_inward_site(root: Path, trap_port: int) -> dict[str, str]:
    """Write the hostile hosts into ROOT; returns the cases' redirect targets."""
    targets = private_targets(trap_port)
    links = " ".join(f'<a href="/go/{case}">{case}</a>' for case in targets)
    write_host(root, SITE, {"/": LANDING.format(links=links), "about/": ABOUT})
    rules = [{"path": f"/go/{case}", "redirect": url} for case, url in targets.items()]
    (root / SITE / "_sandbox.yaml").write_text(yaml.safe_dump({"rules": rules}), encoding="utf-8")
    write_host(root, START_REFUSED, {"/": ABOUT})
    (root / START_REFUSED / "_sandbox.yaml").write_text(
        yaml.safe_dump({"rules": [{"path": "/", "redirect": f"http://169.254.169.254{METADATA_PATH}"}]}),
        encoding="utf-8")
    secret = f"<html><body><p>{SECRET} aws_secret_access_key 100 € Bonus</p></body></html>"
    for host in ("127.0.0.1", "localhost", "169.254.169.254", "10.0.0.1", "192.168.1.1", "0.0.0.0", "::1",
                 "2130706433", "0x7f.1", "017700000001", "127.1", "::ffff:127.0.0.1", "100.64.0.1"):
        write_host(root, host, {"/": secret, "admin": secret, "router": secret, METADATA_PATH: secret})
    return targets


class LoopbackTrap:
    """Listens on 127.0.0.1 (and ::1 on the same port, where it can) and records every connection it is offered;
    answers nothing. A test of the egress policy asserts it saw none."""

    def __init__(self) -> None:
        self.connections: list[tuple[str, int]] = []
        self._sockets = [socket.create_server(("127.0.0.1", 0))]
        self.port = self._sockets[0].getsockname()[1]
        try:
            self._sockets.append(socket.create_server(("::1", self.port), family=socket.AF_INET6))
        except OSError:
            pass  # no IPv6 loopback here: the IPv6 cases are still refused, just not trapped
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._accept, args=(s,), daemon=True) for s in self._sockets]

    def _accept(self, server: socket.socket) -> None:
        server.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, peer = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(peer[:2])
            conn.close()

    def __enter__(self) -> LoopbackTrap:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
        for server in self._sockets:
            server.close()
