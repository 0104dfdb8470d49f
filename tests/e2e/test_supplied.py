"""Material a self-auditing firm supplies (posts export, e-mail campaigns): judged with the same detectors,
malformed lines and messages reported by number while the rest is still assessed, kept in the archive."""

from __future__ import annotations

from crawler.cli import main
from tests.conftest import PAGES, firm_dir, read_report

INPUTS = PAGES / "inputs"


def test_posts_and_mail_become_channels_with_numbered_problems_and_cross_selling(scan, tmp_path):
    code = scan("https://meridian-custody.com/", out=tmp_path, export=INPUTS / "posts.jsonl",
                mail=INPUTS / "campaigns.mbox")
    assert code == 3  # unreadable lines leave the supplied files partial: INCOMPLETE PICTURE, and exit 3 says so
    report = read_report(tmp_path, "meridian-custody-com")
    channels = {c["id"]: c for c in report["channels"]}
    posts, mail = channels["export:posts.jsonl"], channels["export:campaigns.mbox"]
    assert posts["status"] == "partial" and mail["status"] == "partial"
    post_errors = [e["url"] for e in report["errors"] if e["channel"] == "export:posts.jsonl"]
    assert post_errors == [f"export:posts.jsonl/line-{n}" for n in (3, 5, 7, 8)]
    mail_errors = [e["url"] for e in report["errors"] if e["channel"] == "export:campaigns.mbox"]
    assert mail_errors == ["mbox:campaigns.mbox/message-3"]
    assert any(f["indicator"] == "BONUS" for f in posts["findings"])
    sells = [f for f in mail["findings"] if f["indicator"] == "CROSS_SELL"]
    assert [(f["member_states"], f["evidence"]["value"].split(" (")[0]) for f in sells] == [
        (["AT", "DE"], "new service: staking")]
    assert "within the same-type window (unconfirmed)" in sells[0]["evidence"]["snippet"]


def test_supplied_material_is_rebuilt_from_the_archive(scan, tmp_path):
    scan("https://meridian-custody.com/", out=tmp_path / "scan", mail=INPUTS / "campaigns.mbox", same_type_window=7)
    archive = firm_dir(tmp_path / "scan", "meridian-custody-com") / "capture.warc.gz"
    assert main(["analyze", str(archive), "--out", str(tmp_path / "again")]) == 3  # as the scan: partial files
    ids = lambda r: sorted(f["id"] for c in r["channels"] for f in c["findings"])  # noqa: E731
    first, again = (read_report(tmp_path / d, "meridian-custody-com") for d in ("scan", "again"))
    assert ids(first) == ids(again) and ids(first)
    sells = [f for c in again["channels"] for f in c["findings"] if f["indicator"] == "CROSS_SELL"]
    assert sells and "outside the same-type window" in sells[0]["evidence"]["snippet"]


def test_a_missing_supplied_file_is_bad_input(tmp_path, capsys):
    assert main(["scan", "https://x.example/", "--export", str(tmp_path / "none.jsonl")]) == 2
    assert "none.jsonl" in capsys.readouterr().err
