"""`footprint batch report`: the batch's ranked index, as `footprint scan --firm` writes it, from the store and the
evidence location. Each done firm's report files (html, json, md, csv) are fetched from where its evidence was
uploaded into OUT/<firm>/ beside the index, so the index's links work; a firm still queued, running or failed is
listed unranked with what happened, never as low risk."""

from __future__ import annotations

from pathlib import Path

from crawler.config.defaults import FORMAT_CHOICES
from crawler.store import Store
from crawler.store.errors import StoreError
from crawler.store.evidence import reader_for
from detectors.timestamps import stamp
from reports.index import build_index, write_index
from reports.writer import atomic_write

REPORT_FILES = {f"report.{fmt}" for fmt in FORMAT_CHOICES} | {"findings.csv"}


def batch_report(store: Store, batch_id: str, out: Path) -> dict[str, Path]:
    firms = store.batch_firms(batch_id)
    if not firms:
        raise StoreError(f"store {store.location}: no batch {batch_id!r} (footprint batch status lists them)")
    entries = []
    for firm in firms:
        report = store.report(firm.scan_id) if firm.state == "done" and firm.scan_id else None
        formats: list[str] = []
        if report is not None:
            for item in store.evidence(firm.scan_id):
                if item.path in REPORT_FILES:
                    (out / firm.slug).mkdir(parents=True, exist_ok=True)
                    atomic_write(out / firm.slug / item.path, reader_for(item.location).read(item.location))
                    formats.append(item.path.rsplit(".", 1)[1])
        error = "" if report is not None else firm.error or f"not scanned yet: {firm.state}"
        entries.append({"slug": firm.slug, "name": firm.name, "report": report, "report_dir": firm.slug,
                        "error": error, "formats": tuple(formats)})
    batch = store.batch_status(batch_id)[0]
    index = build_index(entries, {"id": batch_id, "started_at": batch["created_at"], "finished_at": stamp(),
                                  "firms_file": batch["firms_file"]})
    return write_index(index, out)
