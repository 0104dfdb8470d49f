"""Throw-away TLS server contexts for HTTPS inside a CONNECT tunnel.

Clients of the sandbox do not verify the chain, so a self-signed certificate made on the spot is enough; nothing
about it outlives the process.
"""

from __future__ import annotations

import datetime as dt
import ssl
import tempfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CERT_COMMON_NAME = "footprint sandbox web"


def make_tls_context(hostname: str = "") -> ssl.SSLContext:
    """A server context with a fresh self-signed EC P-256 certificate (never written anywhere lasting).

    With a host name the certificate names it (subjectAltName), so clients that check the name against the
    certificate (Scrapy warns, browsers refuse) see what they would see on the real site, bar the trust chain.
    """
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CERT_COMMON_NAME)])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
    )
    if hostname:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
    cert = builder.sign(key, hashes.SHA256())
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    # Only HTTP/1.1 is spoken inside the tunnel; say so, or browsers may try h2.
    ctx.set_alpn_protocols(["http/1.1"])
    # load_cert_chain only takes file names: write them to a private temp dir and delete at once.
    with tempfile.TemporaryDirectory(prefix="footprint-sandbox-") as tmp:
        pem = Path(tmp) / "cert.pem"
        pem.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            + cert.public_bytes(serialization.Encoding.PEM)
        )
        ctx.load_cert_chain(pem)
    return ctx
