"""A firm's evidence as one WACZ file (Web Archive Collection Zipped 1.1.1, the package ReplayWeb.page and pywb
read), written to its specification with zipfile (docs/0014-evidence.md says why not with the `wacz` package).

    archive/capture.warc.gz      the scan's WARC, stored as it is (already gzip: ZIP_STORED, as the spec asks)
    indexes/index.cdxj           its CDXJ index (cdxj-indexer, the reference indexer), so replay finds each URL
    pages/pages.jsonl            the pages a finding points at, the replay's entry points
    footprint/...                the firm folder's reports and screenshots, as they were written
    datapackage.json             the manifest: every file above with its sha256 and size
    datapackage-digest.json      the manifest's own sha256 (and the RFC 3161 timestamp's place, when there is one)
    timestamp.tsr                an RFC 3161 time-stamp response over the manifest's sha256 (optional)

Reading checks every file against the manifest and names each one that does not match (`check_package`).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cdxj_indexer.main import write_cdx_index

WACZ_VERSION = "1.1.1"
MANIFEST = "datapackage.json"
DIGEST = "datapackage-digest.json"
TIMESTAMP = "timestamp.tsr"
WARC_IN_PACK = "archive/capture.warc.gz"
INDEX = "indexes/index.cdxj"
PAGES = "pages/pages.jsonl"
EXTRAS = "footprint/"
OUTSIDE_MANIFEST = (MANIFEST, DIGEST, TIMESTAMP)  # the files that describe the others
READ_CHUNK = 1 << 20


def sha256_of(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as fh:
        while chunk := fh.read(READ_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return "sha256:" + digest.hexdigest(), size


def cdxj_index(warc: Path) -> bytes:
    out = io.StringIO()
    # Sorted (replay looks URLs up by binary search); each line names the WARC by its name in archive/.
    write_cdx_index(out, [str(warc)], {"sort": True, "post_append": True})
    return out.getvalue().encode("utf-8")


def pages_jsonl(pages: list[dict]) -> bytes:
    lines = [{"format": "json-pages-1.0", "id": "pages", "title": "Pages with findings"}]
    lines += [{"id": hashlib.sha256(f"{p['url']}|{p['ts']}".encode()).hexdigest()[:16], "url": p["url"],
               "ts": p["ts"], "title": p.get("title", "")} for p in pages]
    return "".join(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n" for line in lines).encode()


@dataclass
class PackContents:
    """What goes into a pack: the WARC, the firm folder's other files by their name in the pack, page entries."""

    warc: Path
    extras: dict[str, Path]  # name inside footprint/ -> file
    pages: list[dict]  # {url, ts, title}
    title: str
    created: str  # UTC, when the pack was made
    software: str
    date_time: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)  # zip entries' time: the scan's


def write_package(out: Path, contents: PackContents, stamp: Callable[[bytes], bytes] | None = None,
                  tsa: str = "") -> str:
    """Write the WACZ (whole or not at all); returns the manifest's sha256 ("sha256:..."). `stamp(manifest)`: a
    time-stamp response over the manifest's sha256, from the TSA `tsa` (crawler/crawl/timestamp.py)."""
    manifest, files = manifest_of(contents)
    timestamp = stamp(manifest) if stamp is not None else b""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        digest = _write_zip(partial, files, manifest, timestamp, tsa, contents.date_time)
    except BaseException:
        partial.unlink(missing_ok=True)  # no half pack left behind
        raise
    partial.replace(out)
    return digest["hash"]


def _write_zip(path: Path, files: list, manifest: bytes, timestamp: bytes, tsa: str, date_time) -> dict:
    with zipfile.ZipFile(path, "w") as pack:
        for name, source, compress in files:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = compress
            if isinstance(source, Path):
                with source.open("rb") as fh, pack.open(info, "w", force_zip64=True) as dest:
                    while chunk := fh.read(READ_CHUNK):
                        dest.write(chunk)
            else:
                pack.writestr(info, source)
        _write_small(pack, MANIFEST, manifest, date_time)
        digest = {"path": MANIFEST, "hash": sha256_of(manifest)}
        if timestamp:
            digest["timestamp"] = {"path": TIMESTAMP, "tsa": tsa, "format": "RFC 3161 TimeStampResp (DER)"}
            _write_small(pack, TIMESTAMP, timestamp, date_time)
        _write_small(pack, DIGEST, _json(digest), date_time)
    return digest


def manifest_of(contents: PackContents) -> tuple[bytes, list[tuple[str, Path | bytes, int]]]:
    """The manifest's bytes and the files it lists (name, file or bytes, zip compression)."""
    files: list[tuple[str, Path | bytes, int]] = [(WARC_IN_PACK, contents.warc, zipfile.ZIP_STORED),
                                                  (INDEX, cdxj_index(contents.warc), zipfile.ZIP_DEFLATED),
                                                  (PAGES, pages_jsonl(contents.pages), zipfile.ZIP_DEFLATED)]
    files += [(EXTRAS + name, path, zipfile.ZIP_STORED if name.endswith((".png", ".gz", ".pdf"))
               else zipfile.ZIP_DEFLATED) for name, path in sorted(contents.extras.items())]
    resources = []
    for name, source, _ in files:
        digest, size = _file_sha256(source) if isinstance(source, Path) else (sha256_of(source), len(source))
        resources.append({"name": _resource_name(name), "path": name, "hash": digest, "bytes": size})
    main = contents.pages[0] if contents.pages else {}
    manifest = {"profile": "data-package", "wacz_version": WACZ_VERSION, "title": contents.title,
                "created": contents.created, "software": contents.software, "resources": resources,
                **({"mainPageUrl": main["url"], "mainPageDate": main["ts"]} if main else {})}
    return _json(manifest), files


def _resource_name(path: str) -> str:
    """A Frictionless data-package resource name (lower case, `-a-z0-9._/`), unique as the path is."""
    return re.sub(r"[^-a-z0-9._/]", "-", path.lower())


def _json(data: dict) -> bytes:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n"


def _write_small(pack: zipfile.ZipFile, name: str, data: bytes, date_time) -> None:
    info = zipfile.ZipInfo(name, date_time=date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    pack.writestr(info, data)


# ------------------------------------------------------------------------------------------------- checking


@dataclass
class PackageCheck:
    """What reading a pack found: each problem names its file; `manifest` is its bytes when it could be read."""

    problems: list[str] = field(default_factory=list)
    checked: int = 0  # files whose hash matched
    manifest: bytes = b""
    timestamp: bytes = b""  # the time-stamp response, when the pack has one
    tsa: str = ""


class NotAPackage(ValueError):
    """The file is no WACZ footprint can read (not a zip, or no manifest): nothing to compare."""


def check_package(path: Path) -> PackageCheck:
    """Every file of the pack against the manifest, the manifest against its digest; the timestamp is returned
    for the caller to verify (crawler/crawl/timestamp.py)."""
    try:
        pack = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise NotAPackage(f"{path}: not a WACZ (zip) file: {exc}") from exc
    result = PackageCheck()
    with pack:
        names = set(pack.namelist())
        if MANIFEST not in names:
            raise NotAPackage(f"{path}: no {MANIFEST} in it: not a WACZ made by `footprint evidence pack`")
        result.manifest = _read(pack, MANIFEST, result) or b""
        resources = _resources(result)
        digest = _digest(pack, names, result)
        for resource in resources:
            _check_resource(pack, names, resource, result)
        listed = {r["path"] for r in resources}
        for name in sorted(names - listed - set(OUTSIDE_MANIFEST)):
            result.problems.append(f"{name}: not listed in {MANIFEST} (added after the pack was made)")
        if digest.get("timestamp"):
            result.tsa = str(digest["timestamp"].get("tsa", ""))
            if TIMESTAMP in names:
                result.timestamp = _read(pack, TIMESTAMP, result) or b""
            else:
                result.problems.append(f"{TIMESTAMP}: missing, though {DIGEST} says the pack was timestamped")
    return result


def _read(pack: zipfile.ZipFile, name: str, result: PackageCheck) -> bytes | None:
    try:
        return pack.read(name)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:  # a damaged member: its CRC or its data
        result.problems.append(f"{name}: cannot be read from the zip ({exc})")
        return None


def _resources(result: PackageCheck) -> list[dict]:
    try:
        resources = json.loads(result.manifest)["resources"]
        if not all(isinstance(r, dict) and {"path", "hash"} <= set(r) for r in resources):
            raise ValueError("a resource without path or hash")
        return resources
    except (ValueError, KeyError, TypeError) as exc:
        result.problems.append(f"{MANIFEST}: not a readable manifest ({exc}); no file could be checked")
        return []


def _digest(pack: zipfile.ZipFile, names: set[str], result: PackageCheck) -> dict:
    if DIGEST not in names:
        result.problems.append(f"{DIGEST}: missing: the manifest's own hash cannot be checked")
        return {}
    raw = _read(pack, DIGEST, result)
    try:
        digest = json.loads(raw or b"")
        expected = digest["hash"]
    except (ValueError, KeyError, TypeError):
        result.problems.append(f"{DIGEST}: not readable JSON with a hash")
        return {}
    found = sha256_of(result.manifest)
    if expected != found:
        result.problems.append(f"{MANIFEST}: sha256 does not match {DIGEST} (expected {expected}, found {found})")
    return digest


def _check_resource(pack: zipfile.ZipFile, names: set[str], resource: dict, result: PackageCheck) -> None:
    name = resource["path"]
    if name not in names:
        result.problems.append(f"{name}: listed in {MANIFEST} but missing from the pack")
        return
    digest, size = hashlib.sha256(), 0
    try:
        with pack.open(name) as fh:
            while chunk := fh.read(READ_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        result.problems.append(f"{name}: cannot be read from the zip ({exc})")
        return
    found = "sha256:" + digest.hexdigest()
    if found != resource["hash"]:
        result.problems.append(f"{name}: sha256 does not match {MANIFEST} (expected {resource['hash']}, "
                               f"found {found})")
    elif "bytes" in resource and resource["bytes"] != size:
        result.problems.append(f"{name}: {size} bytes, {MANIFEST} says {resource['bytes']}")
    else:
        result.checked += 1
