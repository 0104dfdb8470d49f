"""RFC 3161 trusted timestamps over an evidence pack's manifest (rfc3161-client builds, reads and verifies them).

A time-stamp authority (TSA) signs "this sha256 existed at this time"; whoever holds the pack later can show the
manifest, hence every file it lists, has not changed since. Asking the TSA is the one network call of
`footprint evidence pack --tsa URL` (RFC 3161 over HTTP: a POST of the request, the response in the answer).
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from rfc3161_client import (
    HashAlgorithm,
    TimestampRequestBuilder,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)
from rfc3161_client.tsp import PKIStatus

from crawler.config.defaults import TSA_MAX_RESPONSE_BYTES, TSA_TIMEOUT_SECONDS

QUERY_TYPE = "application/timestamp-query"


class TimestampFailed(RuntimeError):
    """The TSA could not be reached or refused: no pack is written (it was asked for a timestamp)."""


def request_timestamp(tsa: str, manifest: bytes) -> bytes:
    """The TSA's time-stamp response (DER) over the manifest's sha256, with a nonce and the TSA's certificate in
    it, checked to answer this request before it is kept."""
    request = TimestampRequestBuilder(data=manifest, hash_algorithm=HashAlgorithm.SHA256, nonce=True,
                                      cert_req=True).build()
    http = urllib.request.Request(tsa, data=request.as_bytes(), method="POST",
                                  headers={"Content-Type": QUERY_TYPE, "Accept": "application/timestamp-reply"})
    try:
        with urllib.request.urlopen(http, timeout=TSA_TIMEOUT_SECONDS) as answer:  # noqa: S310 (the user's TSA URL)
            body = answer.read(TSA_MAX_RESPONSE_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise TimestampFailed(f"time-stamp authority {tsa}: {exc}") from exc
    if len(body) > TSA_MAX_RESPONSE_BYTES:
        raise TimestampFailed(f"time-stamp authority {tsa}: answer over {TSA_MAX_RESPONSE_BYTES} bytes")
    try:
        response = decode_timestamp_response(body)
    except ValueError as exc:
        raise TimestampFailed(f"time-stamp authority {tsa}: not an RFC 3161 response ({exc})") from exc
    if response.status not in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
        raise TimestampFailed(f"time-stamp authority {tsa} refused: status {response.status} "
                              f"{' '.join(response.status_string)}")
    if response.tst_info.message_imprint.message != hashlib.sha256(manifest).digest() or \
            response.tst_info.nonce != request.nonce:
        raise TimestampFailed(f"time-stamp authority {tsa}: the timestamp does not answer the request sent")
    return body


@dataclass(frozen=True)
class TimestampCheck:
    ok: bool
    message: str  # what was checked, or what does not match
    time: str = ""  # the TSA's time, UTC


def verify_timestamp(response_der: bytes, digest: bytes, roots: list[x509.Certificate]) -> TimestampCheck:
    """Whether the response is a valid timestamp over `digest` (sha256 of the manifest). `roots`: the trusted
    certificates the TSA's must chain to; none given, the certificates the response carries are used, which shows
    the signature is intact but not who the TSA is (the message says so)."""
    try:
        response = decode_timestamp_response(response_der)
    except ValueError as exc:
        return TimestampCheck(False, f"not a readable RFC 3161 response ({exc})")
    info = response.tst_info
    when = info.gen_time.strftime("%Y-%m-%dT%H:%M:%SZ")
    if info.message_imprint.message != digest:
        return TimestampCheck(False, f"it is over sha256 {info.message_imprint.message.hex()}, not over the "
                                     f"manifest's ({digest.hex()})", when)
    carried = [x509.load_der_x509_certificate(c) for c in response.signed_data.certificates]
    trusted = roots or carried
    if not trusted:
        return TimestampCheck(False, "it carries no certificate and no --tsa-ca was given", when)
    try:
        VerifierBuilder(roots=trusted).build().verify(response, digest)
    except (VerificationError, ValueError) as exc:
        return TimestampCheck(False, f"its signature does not verify: {exc}", when)
    signer = next((c.subject.rfc4514_string() for c in carried), "the TSA")
    trust = ("its certificate chains to the --tsa-ca given" if roots else
             "its certificate was not checked against a trusted root (give --tsa-ca to check it)")
    return TimestampCheck(True, f"signed by {signer} at {when}; {trust}", when)


def load_certificates(path: Path) -> list[x509.Certificate]:
    """PEM certificates from a file (--tsa-ca)."""
    try:
        return x509.load_pem_x509_certificates(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: expected PEM certificates ({exc})") from exc
