"""Item pipelines: captures appended to a JSON-lines file as they arrive, so a crash keeps what was collected."""

from __future__ import annotations

import json
import os

from scrapy.exceptions import NotConfigured


class CaptureWriterPipeline:
    """Writes each capture to FOOTPRINT_CAPTURES (one file per crawler: footprint gives each channel its own)."""

    def __init__(self, path: str):
        self.path = path
        self.file = None

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("FOOTPRINT_CAPTURES")
        if not path:
            raise NotConfigured
        return cls(path)

    def open_spider(self, spider=None):
        os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        self.file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close_spider

    def close_spider(self, spider=None):
        if self.file:
            self.file.close()

    def process_item(self, item, spider=None):
        self.file.write(json.dumps(dict(item), sort_keys=True, ensure_ascii=False) + "\n")
        self.file.flush()  # one record at a time reaches the disk: a killed crawl loses at most the page in flight
        return item
