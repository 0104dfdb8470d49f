"""The browser's egress guard, exercised with a plain HTTP client: private hosts refused (literal, or a name that
resolves to one, checked on the address actually connected to) with the reason in a 403, never connected to;
ordinary requests relayed to the upstream proxy (the sandbox web) with its credentials."""

from __future__ import annotations

import http.client
import socket

import pytest

from crawler.crawl.egress.guard import REFUSAL_HEADER, EgressGuard
from crawler.sandbox import SandboxWeb
from tests.support.hostile import SITE, LoopbackTrap, write_inward_site


@pytest.fixture
def trap():
    with LoopbackTrap() as listening:
        yield listening


def _table(names: dict[str, str]):
    """A resolver answering from a table (the names of a test), in getaddrinfo's shape."""
    def resolve(host, port, type=0):  # noqa: A002 -- getaddrinfo's keyword
        if host not in names:
            raise socket.gaierror(f"unknown test name {host}")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (names[host], port))]
    return resolve


def _get(proxy: str, url: str) -> http.client.HTTPResponse:
    host, port = proxy.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", url)
    return conn.getresponse()


def _connect(proxy: str, target: str) -> bytes:
    host, port = proxy.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n".encode())
        return sock.recv(4096)


def test_a_name_resolving_to_loopback_is_refused_and_never_connected_to(trap):
    guard = EgressGuard(resolve=_table({"rebind.example": "127.0.0.1"}))
    try:
        route = guard.route_for("")
        response = _get(route, f"http://rebind.example:{trap.port}/admin")
        assert response.status == 403
        assert response.getheader(REFUSAL_HEADER) == "rebind.example, which resolves to a loopback address 127.0.0.1"
        assert _connect(route, f"rebind.example:{trap.port}").startswith(b"HTTP/1.1 403")
        assert guard.refusal_for(f"https://rebind.example:{trap.port}/") == \
            "rebind.example, which resolves to a loopback address 127.0.0.1"
    finally:
        guard.close()
    assert trap.connections == []


@pytest.mark.parametrize("target", ["127.0.0.1", "2130706433", "0x7f.1", "localhost", "[::1]", "[::ffff:127.0.0.1]"])
def test_literal_private_hosts_are_refused_even_through_an_upstream_proxy(tmp_path, trap, target):
    with SandboxWeb(tmp_path) as web:
        guard = EgressGuard()
        try:
            route = guard.route_for(web.url)
            response = _get(route, f"http://{target}:{trap.port}/")
            assert response.status == 403 and response.getheader(REFUSAL_HEADER)
            assert _connect(route, f"{target}:{trap.port}").startswith(b"HTTP/1.1 403")
        finally:
            guard.close()
        assert len(web.requests) == 0
    assert trap.connections == []


def test_ordinary_requests_reach_the_upstream_proxy_with_its_credentials(tmp_path, trap):
    write_inward_site(tmp_path, trap.port)
    with SandboxWeb(tmp_path, require_proxy_user=True) as web:
        guard = EgressGuard()
        try:
            upstream = web.url.replace("http://", "http://DE@")
            response = _get(guard.route_for(upstream), f"http://{SITE}/about/")
            assert response.status == 200 and "Über Inward Exchange" in response.read().decode()
            assert _connect(guard.route_for(upstream), f"{SITE}:443").startswith(b"HTTP/1.1 200")
        finally:
            guard.close()
        assert [(r["url"], r["visitor"]) for r in web.requests] == [(f"http://{SITE}/about/", "DE")]
