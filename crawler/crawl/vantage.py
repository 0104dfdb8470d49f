"""The address a target sees when footprint connects to it directly (no proxy), where this machine can tell.

The kernel picks the source address of a route without sending anything (a UDP socket's connect), so the
address footprint's packets left from is known. The target sees that address when it is public, or when the
target is on this machine's own network; a private address behind a NAT router is replaced by the router's,
which only an outside address-echo service could tell, and footprint asks none (that would announce the scan).
"""

from __future__ import annotations

import ipaddress
import socket

from crawler.captures.provenance import EGRESS_DIRECT

PROBE_PORT = 443  # any port: nothing is sent


def direct_egress(server_ip: str) -> str:
    """The egress address as the target at `server_ip` saw it, or "not known: why"."""
    try:
        target = ipaddress.ip_address(server_ip)
    except ValueError:
        return EGRESS_DIRECT
    family = socket.AF_INET6 if target.version == 6 else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect((server_ip, PROBE_PORT))
            source = ipaddress.ip_address(probe.getsockname()[0])
    except OSError as exc:
        return f"not known: no route from this machine to {server_ip} now ({exc.strerror or exc})"
    if source.is_global:
        return (f"{source}: this machine's own public address, on its route to the target {server_ip}, with no "
                "proxy in between (a NAT beyond this machine would change it)")
    if not target.is_global:
        return f"{source}: the target {server_ip} is on this machine's own network and sees this address"
    return (f"not known: this machine's address on the route to {server_ip} is {source}, a private one; the NAT "
            "router beyond it shows the target another, which footprint asks no outside address-echo service for")
