"""Which addresses and hosts a scan may fetch from: the classifier behind the egress policy.

Every verdict comes from the standard `ipaddress` module (its loopback, private, link-local, multicast, reserved
and global tables, kept current with the IANA special-purpose registries), never from ranges written here. What
this module adds is the reading of a URL's host the way the software that connects will read it:

- IPv4 in the legacy spellings that `inet_aton` (and so getaddrinfo, Twisted and every browser's URL parser)
  accepts: `2130706433`, `0x7f.1`, `017700000001`, `127.1` are all 127.0.0.1;
- IPv6 carrying an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, 6to4 `2002::/16`,
  NAT64 `64:ff9b::/96`): judged by the IPv4 address inside, which is where the packets end up;
- special-use names that resolve to the local machine or a local network wherever they are looked up, a proxy
  included (RFC 6761 `localhost`, RFC 6762 `.local`, RFC 8375 `.home.arpa`, ICANN's private-use `.internal`).

A verdict is a reason ("a loopback address 127.0.0.1"), empty when the address may be fetched.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import unquote, urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

LOCAL_NAME_SUFFIXES = ("localhost", "local", "internal", "home.arpa")
NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052's well-known prefix; IPv4 in the last 32 bits
_NUMERIC_HOST = re.compile(r"^[0-9a-fx.]+$")  # what inet_aton could read as a number; anything else is a name
_NUMERIC_LABEL = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")


def address_refusal(address: Address) -> str:
    """Why a scan may not connect to `address` ("" when it may): "a loopback address 127.0.0.1"."""
    embedded = _embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else None
    if embedded is not None:
        inner = address_refusal(embedded)
        return f"{inner} (inside {address})" if inner else ""
    kind = _kind(address)
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} address {address}" if kind else ""


def _kind(address: Address) -> str:
    checks = (("unspecified", address.is_unspecified), ("loopback", address.is_loopback),
              ("link-local", address.is_link_local), ("multicast", address.is_multicast),
              # ipaddress: neither private nor global is the shared address space of carrier-grade NAT, 100.64/10
              ("shared (CGNAT)", not address.is_private and not address.is_global),
              ("private", address.is_private), ("reserved", address.is_reserved),
              ("site-local", getattr(address, "is_site_local", False)), ("non-global", not address.is_global))
    return next((kind for kind, hit in checks if hit), "")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64_PREFIX:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if 1 < int(address) < 2 ** 32:  # IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
        return ipaddress.IPv4Address(int(address))
    return None


def literal_address(host: str) -> Address | None:
    """The address a URL host spells literally, in any spelling a resolver or browser accepts; None for a name.
    Raises ValueError for a host that ends in a number but is no valid IPv4 address (as browsers refuse it)."""
    host = _bare(host)
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])  # an IPv6 zone (fe80::1%eth0) does not change the address
    except ValueError:
        pass
    if not _NUMERIC_HOST.match(host) or not _NUMERIC_LABEL.match(host.rsplit(".", 1)[-1]):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        raise ValueError(f"{host!r} ends in a number but is no IPv4 address") from None


def host_refusal(host: str) -> str:
    """Why a URL's host may not be fetched without resolving it ("" when it is an ordinary name, or a public
    address): a private address in any spelling, or a special-use local name."""
    try:
        address = literal_address(host)
    except ValueError as exc:
        return f"a malformed numeric host ({exc})"
    if address is not None:
        return address_refusal(address)
    name = _bare(host)
    if any(name == suffix or name.endswith("." + suffix) for suffix in LOCAL_NAME_SUFFIXES):
        return f"the local name {name}"
    return ""


def url_refusal(url: str) -> str:
    """`host_refusal` of a URL's host ("" for a URL without one, which no handler here fetches)."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return ""
    return host_refusal(host) if host else ""


def _bare(host: str) -> str:
    """A host as the connecting code sees it: percent-decoding (browsers decode hosts), no brackets, no final
    dot, lower case."""
    return unquote(host).strip("[]").rstrip(".").lower()
