"""A time-stamp authority for tests: `openssl ts -reply` behind a tiny HTTP server on 127.0.0.1.

Its CA and TSA keys and certificates are made by the openssl command line in a temporary folder; the TSA's
certificate has the critical timeStamping extended key usage RFC 3161 asks for. Loopback only, one request at a
time, every openssl run bounded in time, stopped on leaving the `with` block.
"""

from __future__ import annotations

import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

OPENSSL_SECONDS = 20
MAX_QUERY_BYTES = 64 * 1024

CONFIG = """\
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""
TSA_EXTENSIONS = ("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                  "extendedKeyUsage=critical,timeStamping\n")


def _openssl(*args: str, cwd: Path) -> bytes:
    return subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True,
                          timeout=OPENSSL_SECONDS).stdout


def make_authority(folder: Path, name: str = "footprint test") -> Path:
    """A CA and a TSA certificate signed by it, in `folder`; returns the CA's PEM (what --tsa-ca takes)."""
    folder.mkdir(parents=True, exist_ok=True)
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
             "-subj", f"/CN={name} CA", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr",
             "-subj", f"/CN={name} TSA", cwd=folder)
    (folder / "tsa.ext").write_text(TSA_EXTENSIONS)
    _openssl("x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "2",
             "-out", "tsa.pem", "-days", "2", "-extfile", "tsa.ext", cwd=folder)
    (folder / "serial").write_text("01\n")
    (folder / "tsa.cnf").write_text(CONFIG.format(dir=folder))
    return folder / "ca.pem"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (http.server's name)
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_QUERY_BYTES:
            self.send_error(413)
            return
        folder: Path = self.server.folder
        (folder / "query.tsq").write_bytes(self.rfile.read(length))
        try:
            _openssl("ts", "-reply", "-config", "tsa.cnf", "-queryfile", "query.tsq", "-out", "reply.tsr",
                     cwd=folder)
        except subprocess.SubprocessError:
            self.send_error(500)
            return
        body = (folder / "reply.tsr").read_bytes()
        self.server.answered += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class LocalTSA:
    """`with LocalTSA(tmp_path / "tsa") as tsa:` serves RFC 3161 on `tsa.url`; `tsa.ca` is its CA's PEM."""

    def __init__(self, folder: Path):
        self.ca = make_authority(folder)
        self._server = HTTPServer(("127.0.0.1", 0), _Handler)
        self._server.folder = folder
        self._server.answered = 0
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        daemon=True)

    @property
    def answered(self) -> int:
        return self._server.answered

    def __enter__(self) -> LocalTSA:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
