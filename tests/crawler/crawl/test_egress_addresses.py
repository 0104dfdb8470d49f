"""The egress classifier: every private form of address the issue lists is refused with its reason, in every
spelling a resolver or browser accepts; public addresses and public names that merely look odd are not."""

from __future__ import annotations

import ipaddress

import pytest

from crawler.crawl.egress.addresses import address_refusal, host_refusal, literal_address, url_refusal

REFUSED = {
    "127.0.0.1": "a loopback address 127.0.0.1",
    "127.255.1.2": "a loopback address 127.255.1.2",
    "localhost": "the local name localhost",
    "LocalHost.": "the local name localhost",
    "api.localhost": "the local name api.localhost",
    "metadata.google.internal": "the local name metadata.google.internal",
    "printer.local": "the local name printer.local",
    "nas.home.arpa": "the local name nas.home.arpa",
    "169.254.169.254": "a link-local address 169.254.169.254",
    "10.0.0.1": "a private address 10.0.0.1",
    "172.16.5.4": "a private address 172.16.5.4",
    "192.168.1.1": "a private address 192.168.1.1",
    "100.64.0.1": "a shared (CGNAT) address 100.64.0.1",
    "100.127.255.254": "a shared (CGNAT) address 100.127.255.254",
    "0.0.0.0": "an unspecified address 0.0.0.0",
    "224.0.0.251": "a multicast address 224.0.0.251",
    "240.0.0.1": "a private address 240.0.0.1",
    "255.255.255.255": "a private address 255.255.255.255",
    "[::1]": "a loopback address ::1",
    "::": "an unspecified address ::",
    "fe80::1%25eth0": "a link-local address fe80::1",
    "fd00::2": "a private address fd00::2",
    "ff02::1": "a multicast address ff02::1",
    "fec0::1": "a site-local address fec0::1",
    # legacy IPv4 spellings (inet_aton's, as getaddrinfo and browsers read them)
    "2130706433": "a loopback address 127.0.0.1",
    "0x7f000001": "a loopback address 127.0.0.1",
    "0x7f.1": "a loopback address 127.0.0.1",
    "017700000001": "a loopback address 127.0.0.1",
    "0177.0.0.1": "a loopback address 127.0.0.1",
    "127.1": "a loopback address 127.0.0.1",
    "0xA9.0xFE.0xA9.0xFE": "a link-local address 169.254.169.254",
    "%31%32%37.0.0.1": "a loopback address 127.0.0.1",
    # IPv4 inside IPv6
    "::ffff:127.0.0.1": "a loopback address 127.0.0.1 (inside ::ffff:7f00:1)",
    "[::ffff:a9fe:a9fe]": "a link-local address 169.254.169.254 (inside ::ffff:a9fe:a9fe)",
    "::127.0.0.1": "a loopback address 127.0.0.1 (inside ::7f00:1)",
    "2002:a00:1::": "a private address 10.0.0.1 (inside 2002:a00:1::)",
    "64:ff9b::c0a8:101": "a private address 192.168.1.1 (inside 64:ff9b::c0a8:101)",
}

# Near misses: public addresses, and public names that look numeric, local or odd, are left to the resolver.
ALLOWED = ["8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "169.255.0.1", "192.169.1.1",
           "11.0.0.1", "[2606:4700::1111]", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2002:808:808::",
           "64:ff9b::808:808", "example.com", "localhost.example.com", "mylocalhost.com", "internal.example.com",
           "local.de", "0xdead.beef.com", "deadbeef.com", "cafe.fr", "1e100.net", "123.example", "a.b.c.d.e",
           "10.0.0.1.example.com", "xn--bcher-kva.example"]


@pytest.mark.parametrize(("host", "reason"), REFUSED.items())
def test_private_hosts_are_refused_with_their_reason(host, reason):
    assert host_refusal(host) == reason


@pytest.mark.parametrize("host", ALLOWED)
def test_public_hosts_and_odd_public_names_are_not_refused(host):
    assert host_refusal(host) == ""


@pytest.mark.parametrize("host", ["1.2.3.4.5", "0x", "1.2.3.09", "0x1.0xfffffffff", "4294967296"])
def test_a_host_ending_in_a_number_that_is_no_address_is_refused_as_malformed(host):
    assert host_refusal(host).startswith("a malformed numeric host")


def test_legacy_spellings_read_as_the_address_a_resolver_connects_to():
    assert literal_address("2130706433") == ipaddress.IPv4Address("127.0.0.1")
    assert literal_address("0x7f.1") == literal_address("017700000001") == literal_address("127.1")
    assert literal_address("example.com") is None


def test_every_address_ipaddress_calls_non_global_is_refused():
    for network in ("0.0.0.0/8", "198.18.0.0/15", "192.0.2.0/24", "2001:db8::/32", "fc00::/7"):
        first = ipaddress.ip_network(network)[1]
        assert address_refusal(first), network


@pytest.mark.parametrize(("url", "refused"), [
    ("http://169.254.169.254/latest/meta-data/iam/", True),
    ("https://user:pw@[::1]:8443/x", True),
    ("http://2130706433:8080/", True),
    ("https://nordwind-exchange.com/de/", False),
    ("http://8.8.8.8/", False),
    ("mailto:someone@example.com", False),
])
def test_url_refusal_reads_the_urls_host(url, refused):
    assert bool(url_refusal(url)) is refused
