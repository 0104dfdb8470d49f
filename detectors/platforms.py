"""Platform hosts (app stores, social networks, video sites): their localisation is theirs, not the firm's."""

from __future__ import annotations

from functools import cache

from detectors.data_files import check_keys, load, string_list

FILE = "platforms.yaml"


@cache
def platform_hosts() -> dict[str, str]:
    """host -> platform kind."""
    data = load(FILE)
    check_keys(FILE, "(top)", data, {"version", "hosts"})
    hosts: dict[str, str] = {}
    for kind, names in data["hosts"].items():
        for name in string_list(FILE, f"hosts.{kind}", names):
            hosts[name.lower()] = kind
    return hosts


def platform_kind(host: str) -> str:
    """The platform kind of a host or of any parent domain of it ("" when the host is not a platform)."""
    host = host.lower().rstrip(".")
    hosts = platform_hosts()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        kind = hosts.get(".".join(parts[i:]))
        if kind:
            return kind
    return ""
