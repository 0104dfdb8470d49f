"""RFC 3161 trusted timestamps over an evidence pack's manifest (rfc3161-client builds, reads and verifies them).

A time-stamp authority (TSA) signs "this sha256 existed at this time"; whoever holds the pack later can show the
manifest, hence every file it lists, has not changed since. Asking the TSA is the one network call of
`footprint evidence pack --tsa URL` (RFC 3161 over HTTP: a POST of the request, the response in the answer).
"""

from __future__ import annotations

import hashlib
import ssl
import urllib.error
import urllib.request
import warnings
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
from crawler.config.limits import cut

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
    """Whether the response is a valid timestamp over `digest` (sha256 of the manifest), signed by a TSA whose
    certificate chains to `roots` (--tsa-ca), or, none given, to this machine's trusted CAs. The certificates the
    response carries are never trusted by themselves: anyone can sign a token over a hash."""
    try:
        response = decode_timestamp_response(response_der)
    except ValueError as exc:
        return TimestampCheck(False, f"not a readable RFC 3161 response ({exc})")
    info = response.tst_info
    when = info.gen_time.strftime("%Y-%m-%dT%H:%M:%SZ")
    if info.message_imprint.message != digest:
        return TimestampCheck(False, f"it is over sha256 {info.message_imprint.message.hex()}, not over the "
                                     f"manifest's ({digest.hex()})", when)
    trusted = roots or system_roots()
    where = "the --tsa-ca given" if roots else "this machine's trusted CAs (give --tsa-ca for a private TSA)"
    if not trusted:
        return TimestampCheck(False, "no trusted certificate to check it against: give --tsa-ca", when)
    try:
        VerifierBuilder(roots=trusted).build().verify(response, digest)
    except (VerificationError, ValueError) as exc:
        reason = str(exc)
        if "unable to get local issuer certificate" in reason:
            reason = "its certificate does not chain to a trusted root"
        return TimestampCheck(False, f"its signature does not verify: {cut(reason, 300)} (trusted: {where})", when)
    carried = [x509.load_der_x509_certificate(c) for c in response.signed_data.certificates]
    signer = next((c.subject.rfc4514_string() for c in carried), "the TSA")
    return TimestampCheck(True, f"signed by {signer} at {when}; its certificate chains to {where}", when)


def system_roots() -> list[x509.Certificate]:
    """The CA certificates this machine trusts (the OpenSSL default bundle), [] when there is none."""
    cafile = ssl.get_default_verify_paths().cafile or ssl.get_default_verify_paths().openssl_cafile
    try:
        with warnings.catch_warnings():  # a bundle may hold old certificates cryptography warns about
            warnings.simplefilter("ignore")
            return x509.load_pem_x509_certificates(Path(cafile).read_bytes())
    except (OSError, ValueError, TypeError):
        return []


def load_certificates(path: Path) -> list[x509.Certificate]:
    """PEM certificates from a file (--tsa-ca)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return x509.load_pem_x509_certificates(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: expected PEM certificates ({exc})") from exc
