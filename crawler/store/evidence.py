"""Evidence off the worker's machine: a firm's folder (reports, archive, screenshots) copied, write-once, to an
S3-compatible object store (`s3://BUCKET/PREFIX`, through boto3) or a shared folder, with each file's sha256.

Objects are written under a key naming the batch, the firm and the scan (`BATCH/FIRM/SCAN_ID/...`), never
overwritten: S3's conditional put (`If-None-Match: *`) and a hard link on a folder refuse a second writer, and the
store checks the sha256 (S3 verifies the body against it on arrival). A `SHA256SUMS` file lists them all, written
last. Uploading happens before the scan is recorded complete (crawler/store/fleet.py `record_complete`): a crash
between the two leaves objects no row names, never a row naming objects that are not there. boto3 finds the
endpoint and credentials the usual way (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ~/.aws), so any S3-compatible
service works.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from crawler.store.errors import StoreError
from crawler.store.fleet import Evidence

MANIFEST = "SHA256SUMS"
_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class EvidenceTarget:
    """Where a fleet's evidence goes; `upload` a firm's folder, `read` a file back."""

    location: str

    def check(self) -> None:
        """StoreError unless the target can be written to (checked when a worker starts)."""
        raise NotImplementedError

    def upload(self, folder: Path, key: str) -> tuple[str, list[Evidence]]:
        """Every file of `folder` under `key`, then the manifest; the folder's location and what was written."""
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        written = []
        for path in files:
            relative = path.relative_to(folder).as_posix()
            digest = sha256_of(path)
            written.append(Evidence(relative, self._put(path, f"{key}/{relative}", digest), digest,
                                    path.stat().st_size))
        manifest = "".join(f"{item.sha256}  {item.path}\n" for item in written).encode()
        with tempfile.NamedTemporaryFile(dir=folder.parent, prefix=".manifest-", delete=False) as fh:
            fh.write(manifest)
        try:
            digest = hashlib.sha256(manifest).hexdigest()
            written.append(Evidence(MANIFEST, self._put(Path(fh.name), f"{key}/{MANIFEST}", digest), digest,
                                    len(manifest)))
        finally:
            os.unlink(fh.name)
        return self._where(key), written

    def read(self, location: str) -> bytes:
        raise NotImplementedError

    def _put(self, path: Path, key: str, digest: str) -> str:
        raise NotImplementedError

    def _where(self, key: str) -> str:
        raise NotImplementedError


class FolderTarget(EvidenceTarget):
    """A folder every worker mounts (NFS, a shared disk): files made read-only, never replaced."""

    def __init__(self, root: Path):
        self.root = root.expanduser().absolute()
        self.location = str(self.root)

    def check(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"evidence folder {self.root}: cannot create it: {exc.strerror or exc}") from exc
        if not os.access(self.root, os.W_OK | os.X_OK):
            raise StoreError(f"evidence folder {self.root} is not writable (expected a folder every worker may "
                             f"write to)")

    def _put(self, path: Path, key: str, digest: str) -> str:
        target = self.root / key
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".upload-", delete=False) as out, \
                open(path, "rb") as source:
            while chunk := source.read(_CHUNK):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.chmod(out.name, 0o444)
            os.link(out.name, target)  # fails if the name exists: write-once
        except FileExistsError:
            if sha256_of(target) != digest:
                raise StoreError(f"evidence {target} exists with other contents: refusing to replace it") from None
        finally:
            os.unlink(out.name)
        return str(target)

    def _where(self, key: str) -> str:
        return str(self.root / key)

    def read(self, location: str) -> bytes:
        return Path(location).read_bytes()


class S3Target(EvidenceTarget):
    """An S3-compatible bucket; objects put with their SHA-256 checksum and only if absent."""

    def __init__(self, bucket: str, prefix: str):
        self.bucket, self.prefix = bucket, prefix.strip("/")
        self.location = f"s3://{bucket}/{self.prefix}".rstrip("/")
        self._client = None

    @property
    def client(self):
        if self._client is None:
            try:
                import boto3
            except ImportError as exc:
                raise StoreError("s3:// evidence needs footprint's `fleet` extra (pip install 'footprint[fleet]')") \
                    from exc
            self._client = boto3.client("s3")
        return self._client

    def check(self) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as exc:
            raise StoreError(f"evidence {self.location}: bucket {self.bucket} cannot be reached: {exc} (expected an "
                             f"existing bucket; AWS_ENDPOINT_URL names a non-AWS service)") from exc

    def _key(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def _put(self, path: Path, key: str, digest: str) -> str:
        from botocore.exceptions import ClientError

        full = self._key(key)
        checksum = base64.b64encode(bytes.fromhex(digest)).decode()
        try:
            with open(path, "rb") as body:
                self.client.put_object(Bucket=self.bucket, Key=full, Body=body, ChecksumSHA256=checksum,
                                       IfNoneMatch="*")
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in ("PreconditionFailed", "412"):
                raise StoreError(f"evidence s3://{self.bucket}/{full}: upload failed: {exc}") from exc
            if hashlib.sha256(self._get(full)).hexdigest() != digest:
                raise StoreError(f"evidence s3://{self.bucket}/{full} exists with other contents: refusing to "
                                 f"replace it") from exc
        return f"s3://{self.bucket}/{full}"

    def _get(self, full: str) -> bytes:
        return self.client.get_object(Bucket=self.bucket, Key=full)["Body"].read()

    def _where(self, key: str) -> str:
        return f"s3://{self.bucket}/{self._key(key)}"

    def read(self, location: str) -> bytes:
        parts = urlsplit(location)
        return self.client.get_object(Bucket=parts.netloc, Key=parts.path.lstrip("/"))["Body"].read()


def evidence_target(spec: str) -> EvidenceTarget:
    """`s3://BUCKET[/PREFIX]` or a folder path; StoreError for anything else."""
    if "://" not in spec:
        if not spec.strip():
            raise StoreError("empty --evidence: expected a folder or s3://BUCKET/PREFIX")
        return FolderTarget(Path(spec))
    parts = urlsplit(spec)
    if parts.scheme != "s3" or not parts.netloc:
        raise StoreError(f"--evidence {spec}: expected s3://BUCKET/PREFIX or a folder path")
    return S3Target(parts.netloc, parts.path)


def reader_for(location: str) -> EvidenceTarget:
    """A target able to read back an evidence location recorded in the store."""
    return evidence_target(location if location.startswith("s3://") else str(Path(location).parent))
