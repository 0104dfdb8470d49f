"""Issue 14, items 1 and 2 end to end: a scanned firm's provenance (report and archive, rebuilt by `analyze`, old
archives still read) and its evidence pack (`footprint evidence pack|verify`, with a local `openssl ts` TSA).

One firm is scanned once for the module (rendered in Chromium, screenshots on, a German visitor)."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from crawler.captures.provenance import OLD_ARCHIVE
from crawler.captures.warc import CaptureWriter, read_archive
from crawler.cli import main
from crawler.cli.exit_codes import ExitCode
from crawler.config.defaults import VALIDATE_ENV
from crawler.sandbox import SandboxWeb
from tests.conftest import DEMO_WEB, read_report, require_chromium
from tests.support.tsa import LocalTSA

URL = "https://atlas-markets.com/"
SLUG = "atlas-markets-com"


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> tuple[Path, Path]:
    """(the firm folder of one rendered scan with screenshots, the store it was recorded in)."""
    require_chromium()
    out = tmp_path_factory.mktemp("scan")
    store = out / "store.sqlite"
    with pytest.MonkeyPatch.context() as patch, SandboxWeb(DEMO_WEB) as web:
        patch.setenv(VALIDATE_ENV, "1")
        code = main(["scan", URL, "--visitor", "DE", "--max-pages", "3", "--render", "always", "--proxy", web.url,
                     "--delay", "0", "--quiet", "--store", str(store), "--out", str(out)])
    assert code in (ExitCode.OK, ExitCode.FAIL_ON)
    return (out / "latest" / SLUG).resolve(), store


def _verify(pack: Path, capsys, *extra: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["evidence", "verify", str(pack), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _rewrite(pack: Path, change) -> None:
    """The pack rewritten as a tamperer would: each member through `change(name, data) -> data | None (drop)`,
    the zip itself valid (its CRCs recomputed)."""
    with zipfile.ZipFile(pack) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(pack, "w") as target:
        for info, data in members:
            data = change(info.filename, data)
            if data is not None:
                target.writestr(info, data)


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:]


# ------------------------------------------------------------------------------------------------- provenance


def test_the_report_carries_every_provenance_field_filled_or_said_unknown(scanned):
    folder, _ = scanned
    provenance = json.loads((folder / "report.json").read_text())["provenance"]
    assert [v["visitor"] for v in provenance["vantage"]] == ["US", "DE"]
    for vantage in provenance["vantage"]:
        assert vantage["route"].startswith("proxy http://127.0.0.1:") and vantage["route"].endswith("(--proxy)")
        assert vantage["egress_ip"].startswith("not known: ") and vantage["exit_country"].startswith("not known: ")
    assert "no cookies" in provenance["browser_profile"]
    assert provenance["system"]["os"] and provenance["system"]["python"]
    assert provenance["clients"]["crawl"].startswith("Chromium ")  # every page was rendered
    assert provenance["clients"]["screenshots"] == provenance["browser"]
    pages = provenance["pages"]
    assert pages and {p["visitor"] for p in pages} == {"US", "DE"}
    for page in pages:
        assert page["path"][0] == URL and page["path"][-1] == page["url"]
        assert page["started_at"] <= page["finished_at"] and page["record_id"].startswith("<urn:uuid:")
        assert page["server_ip"] == "127.0.0.1"  # the sandbox proxy: the address connected to
    deeper = [p for p in pages if len(p["path"]) > 1]
    assert deeper, "a finding on a page reached by a link"
    html = (folder / "report.html").read_text()
    assert 'id="provenance"' in html and deeper[0]["path"][0] in html
    assert "## Provenance of the captures" in (folder / "report.md").read_text()


def test_the_archive_keeps_it_and_analyze_rebuilds_the_same_block(scanned, tmp_path):
    folder, _ = scanned
    archive = read_archive(folder / "capture.warc.gz")
    assert archive.info[0]["provenance"]["vantage"][1]["visitor"] == "DE"
    linked = [c for c in archive.captures if c.get("referrer")]
    assert linked and all(c["started_at"] and c["client"].startswith("Chromium ") for c in linked
                          if c.get("rendered"))
    assert main(["analyze", str(folder / "capture.warc.gz"), "--out", str(tmp_path)]) in (0, 1)
    rebuilt = read_report(tmp_path, SLUG)["provenance"]
    scanned_block = json.loads((folder / "report.json").read_text())["provenance"]
    for key in ("vantage", "browser_profile", "system", "clients", "pages"):
        assert rebuilt[key] == scanned_block[key], key


def test_an_archive_from_before_provenance_still_reads_and_says_what_it_lacks(scanned, tmp_path):
    folder, _ = scanned
    old = tmp_path / "capture.warc.gz"
    writer = CaptureWriter(old)
    archive = read_archive(folder / "capture.warc.gz")
    for info in archive.info:
        stripped = {k: v for k, v in info.items() if k != "provenance"}
        if stripped:
            writer.write_info(stripped)
    for capture in archive.captures:
        item = {k: v for k, v in capture.items() if k not in ("referrer", "started_at", "server_ip", "client")}
        writer.write_capture(item, capture.get("body") or b"")
    writer.close()
    assert main(["analyze", str(old), "--out", str(tmp_path / "out")]) in (0, 1)
    provenance = read_report(tmp_path / "out", SLUG)["provenance"]
    assert provenance["vantage"][0]["route"] == OLD_ARCHIVE and provenance["system"]["os"] == OLD_ARCHIVE
    assert provenance["clients"]["crawl"] == OLD_ARCHIVE
    assert provenance["pages"] and all(p["started_at"] == OLD_ARCHIVE and p["path"] == [] for p in provenance["pages"])


# ------------------------------------------------------------------------------------------------- the pack


@pytest.fixture(scope="module")
def packed(scanned, tmp_path_factory) -> Path:
    folder, _ = scanned
    pack = tmp_path_factory.mktemp("pack") / "atlas.wacz"
    assert main(["evidence", "pack", str(folder), "--out", str(pack)]) == ExitCode.OK
    return pack


def test_the_pack_holds_the_warc_reports_screenshots_and_their_hashes(scanned, packed, capsys):
    folder, _ = scanned
    with zipfile.ZipFile(packed) as pack:
        manifest = json.loads(pack.read("datapackage.json"))
        names = set(pack.namelist())
        index = pack.read("indexes/index.cdxj").decode()
    hashes = {r["path"]: r["hash"] for r in manifest["resources"]}
    screenshots = sorted(p.relative_to(folder).as_posix() for p in folder.glob("screenshots/*.png"))
    assert screenshots, "the scan took screenshots"
    expected = {"archive/capture.warc.gz": folder / "capture.warc.gz",
                **{f"footprint/{name}": folder / name for name in ("report.json", "report.html", "report.md",
                                                                   "findings.csv", *screenshots)}}
    for name, source in expected.items():
        assert hashes[name] == "sha256:" + hashlib.sha256(source.read_bytes()).hexdigest(), name
    assert {"indexes/index.cdxj", "pages/pages.jsonl", "datapackage-digest.json"} <= names
    assert manifest["wacz_version"] == "1.1.1" and URL in index
    assert _verify(packed, capsys)[0] == ExitCode.OK


@pytest.mark.parametrize("member", ["archive/capture.warc.gz", "footprint/report.json", "footprint/report.html",
                                    "indexes/index.cdxj", "pages/pages.jsonl", "screenshot"])
def test_one_flipped_byte_in_any_file_is_named(packed, tmp_path, capsys, member):
    pack = tmp_path / "tampered.wacz"
    shutil.copy(packed, pack)
    if member == "screenshot":
        with zipfile.ZipFile(pack) as source:
            member = next(n for n in source.namelist() if n.endswith(".png"))
    _rewrite(pack, lambda name, data: _flip(data) if name == member else data)
    code, _, err = _verify(pack, capsys)
    assert code == ExitCode.EVIDENCE_MISMATCH
    problems = [line for line in err.splitlines() if line.startswith("MISMATCH ")]
    assert problems == [f"MISMATCH {member}: " + problems[0].split(": ", 1)[1]] and "sha256 does not match" in err


def test_a_changed_manifest_a_raw_byte_and_an_added_file_are_named(packed, tmp_path, capsys):
    manifest = tmp_path / "manifest.wacz"
    shutil.copy(packed, manifest)
    _rewrite(manifest, lambda name, data: data.replace(b'"bytes"', b'"bytez"', 1) if name == "datapackage.json"
             else data)
    code, _, err = _verify(manifest, capsys)
    assert code == ExitCode.EVIDENCE_MISMATCH and "MISMATCH datapackage.json: sha256 does not match" in err

    raw = tmp_path / "raw.wacz"  # a byte flipped in the zip file itself, inside the stored WARC
    data = packed.read_bytes()
    with zipfile.ZipFile(packed) as source:
        info = source.getinfo("archive/capture.warc.gz")
    raw.write_bytes(_flip(data[: info.header_offset + 200 + info.compress_size]) +
                    data[info.header_offset + 200 + info.compress_size:])
    code, _, err = _verify(raw, capsys)
    assert code == ExitCode.EVIDENCE_MISMATCH and "MISMATCH archive/capture.warc.gz" in err

    added = tmp_path / "added.wacz"
    shutil.copy(packed, added)
    with zipfile.ZipFile(added, "a") as pack:
        pack.writestr("footprint/extra.txt", b"added later")
    code, _, err = _verify(added, capsys)
    assert code == ExitCode.EVIDENCE_MISMATCH and "MISMATCH footprint/extra.txt: not listed" in err


def test_pack_by_scan_id_and_bad_input(scanned, tmp_path, capsys):
    folder, store = scanned
    scan_id = json.loads((folder / "report.json").read_text())["scan"]["id"]
    pack = tmp_path / "by-id.wacz"
    assert main(["evidence", "pack", scan_id[:6], "--store", str(store), "--out", str(pack)]) == ExitCode.OK
    assert _verify(pack, capsys)[0] == ExitCode.OK
    assert main(["evidence", "pack", "ffffffff", "--store", str(store), "--out", str(pack)]) == ExitCode.BAD_INPUT
    assert main(["evidence", "pack", str(tmp_path), "--out", str(pack)]) == ExitCode.BAD_INPUT
    assert "capture.warc.gz" in capsys.readouterr().err
    not_zip = tmp_path / "not.wacz"
    not_zip.write_bytes(b"plain text")
    assert _verify(not_zip, capsys)[0] == ExitCode.BAD_INPUT


def test_a_local_tsa_timestamp_verifies_and_a_tampered_manifest_fails(scanned, tmp_path, capsys):
    folder, _ = scanned
    pack = tmp_path / "stamped.wacz"
    with LocalTSA(tmp_path / "tsa") as tsa:
        assert main(["evidence", "pack", str(folder), "--out", str(pack), "--tsa", tsa.url]) == ExitCode.OK
        assert tsa.answered == 1
    code, out, _ = _verify(pack, capsys, "--tsa-ca", str(tsa.ca))
    assert code == ExitCode.OK and "signed by CN=footprint test TSA" in out and "timestamp verifies" in out
    # Near miss: the same pack, with no trusted root for this private TSA, is not taken on its own word.
    code, _, err = _verify(pack, capsys)
    assert code == ExitCode.EVIDENCE_MISMATCH and "does not chain to a trusted root" in err

    # A careful tamperer changes the manifest and its digest together: only the timestamp catches it.
    _rewrite(pack, lambda name, data: data.replace(b'"title": "footprint', b'"title": "Footprint', 1)
             if name == "datapackage.json" else data)
    with zipfile.ZipFile(pack) as source:
        manifest = source.read("datapackage.json")
    _rewrite(pack, lambda name, data: json.dumps({**json.loads(data), "hash": "sha256:" + hashlib.sha256(
        manifest).hexdigest()}).encode() if name == "datapackage-digest.json" else data)
    code, _, err = _verify(pack, capsys, "--tsa-ca", str(tsa.ca))
    assert code == ExitCode.EVIDENCE_MISMATCH
    assert [line for line in err.splitlines() if line.startswith("MISMATCH")] == [
        line for line in err.splitlines() if line.startswith("MISMATCH timestamp.tsr: ")]
    assert "not over the manifest" in err


def test_a_tsa_that_does_not_answer_writes_no_pack(scanned, tmp_path):
    folder, _ = scanned
    pack = tmp_path / "none.wacz"
    code = main(["evidence", "pack", str(folder), "--out", str(pack), "--tsa", "http://127.0.0.1:9/"])
    assert code == ExitCode.BAD_INPUT and not pack.exists()
    code = main(["evidence", "pack", str(folder), "--out", str(pack), "--tsa", "file:///etc/hostname"])
    assert code == ExitCode.BAD_INPUT and not pack.exists()
