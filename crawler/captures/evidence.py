"""Reading captures back as the evidence judging reads (detectors/evidence.py): the firm and its channels before
anything was crawled, each fetch as it is read from the archive, the files a firm supplied. Only the archive is
read, so `footprint analyze` judges exactly what a scan did."""

from __future__ import annotations

import tempfile
from pathlib import Path

from crawler.captures.record import ScanRecord
from crawler.captures.supplied import export_items, mail_items, read_mbox, read_posts_export
from crawler.config.defaults import SETTINGS
from crawler.plan.channels import ChannelPlan
from detectors.evidence import Capture, ChannelEvidence, FirmEvidence, SuppliedMaterial
from detectors.geography import geography
from detectors.model import ChannelKind


def firm_header(record: ScanRecord, supplied: dict[str, dict]) -> FirmEvidence:
    """What judging knows before the first capture: the firm and its channels, those of supplied files with the
    file read (`supplied`: channel id -> the archive's record of it, body included)."""
    eu_visitors = tuple(v["country"] for v in record.visitors
                        if not v.get("baseline") and geography().is_member(v["country"]))
    return FirmEvidence(
        channels=tuple(channel_header(p, p.id in record.discovered, supplied.get(p.id)) for p in record.plans),
        same_type_window_days=record.config.get("same_type_window_days", SETTINGS["same_type_window"].default),
        websites=record.websites,
        home_country=record.firm.get("home_country", ""), baseline=record.baseline, eu_visitors=eu_visitors)


def channel_header(plan: ChannelPlan, discovered: bool = False, supplied: dict | None = None) -> ChannelEvidence:
    """One channel without its captures (they are added one by one); a supplied channel with its file, or with
    none when the archive does not hold it."""
    if plan.kind == ChannelKind.EXPORT:
        material = _supplied(supplied["body"], Path(plan.target).name, plan.source) if supplied is not None else None
        return ChannelEvidence(plan.id, plan.kind, plan.target, supplied=material)
    return ChannelEvidence(plan.id, plan.kind, plan.target, discovered=discovered)


def capture_of(record: dict) -> Capture:
    return Capture(channel=record["channel"], requested_url=record["requested_url"], url=record["url"],
                   fetched_at=record["fetched_at"], status=record.get("status"), body=record.get("body"),
                   content_type=record.get("content_type", ""), visitor=record.get("visitor", ""),
                   rendered=bool(record.get("rendered")), record_id=record.get("record_id", ""),
                   optional=bool(record.get("optional")), skipped=bool(record.get("skipped")),
                   error=record.get("error", ""))


def _supplied(data: bytes, name: str, source: str) -> SuppliedMaterial:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / name
        copy.write_bytes(data)
        read = read_posts_export(copy) if source == "posts" else read_mbox(copy)
    items = export_items(read, name) if source == "posts" else mail_items(read, name)
    return SuppliedMaterial(name=name, source=source, items=tuple(items), problems=tuple(read.problems))
