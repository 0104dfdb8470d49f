"""Reading captures back: each channel's fetches, and the files a firm supplied, as the evidence judging reads
(detectors/evidence.py). Only the archive is read, so `footprint analyze` judges exactly what a scan did."""

from __future__ import annotations

import tempfile
from pathlib import Path

from crawler.captures.record import ScanRecord
from crawler.captures.supplied import export_items, mail_items, read_mbox, read_posts_export
from crawler.captures.warc import Archive
from crawler.config.defaults import SETTINGS
from crawler.plan.channels import ChannelPlan
from detectors.evidence import Capture, ChannelEvidence, FirmEvidence, SuppliedMaterial
from detectors.geography import geography
from detectors.model import ChannelKind, Document


def firm_evidence(record: ScanRecord, archive: Archive, crawl_failure: str = "",
                  parsed: dict[str, tuple[Document, ...]] | None = None) -> FirmEvidence:
    """`parsed`: channel id -> the documents of its captures, where they were parsed already."""
    parsed = parsed or {}
    eu_visitors = tuple(v["country"] for v in record.visitors
                        if not v.get("baseline") and geography().is_member(v["country"]))
    return FirmEvidence(
        channels=tuple(channel_evidence(archive, p, p.id in record.discovered, parsed.get(p.id))
                       for p in record.plans),
        same_type_window_days=record.config.get("same_type_window_days", SETTINGS["same_type_window"].default),
        websites=record.websites,
        home_country=record.firm.get("home_country", ""), baseline=record.baseline, eu_visitors=eu_visitors,
        crawl_failure=crawl_failure)


def channel_evidence(archive: Archive, plan: ChannelPlan, discovered: bool = False,
                     documents: tuple[Document, ...] | None = None) -> ChannelEvidence:
    """The captures of one channel; for a supplied channel, its file read again from the archive."""
    records = [r for r in archive.captures if r["channel"] == plan.id]
    if plan.kind == ChannelKind.EXPORT:
        stored = next((r for r in records if r.get("supplied")), None)
        material = _supplied(stored["body"], Path(plan.target).name, plan.source) if stored is not None else None
        return ChannelEvidence(plan.id, plan.kind, plan.target, supplied=material)
    return ChannelEvidence(plan.id, plan.kind, plan.target, captures=tuple(_capture(r) for r in records),
                           discovered=discovered, torn=archive.torn, documents=documents)


def _capture(record: dict) -> Capture:
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
