"""Item pipelines: each capture goes into the firm's WARC archive as it arrives, so a crash keeps what was
collected (every record is flushed as its own gzip member), and a page's parse beside it for the scan's judge
(crawler/captures/documents.py)."""

from __future__ import annotations

import base64
from typing import BinaryIO

from scrapy.exceptions import NotConfigured

from crawler.captures.documents import beside, write_document
from crawler.captures.warc import CaptureWriter


class CaptureWriterPipeline:
    """Writes each capture to the WARC file FOOTPRINT_CAPTURES. Several channels (crawlers) of one firm share
    one archive: writers are shared per path within the crawl process and closed with their last user."""

    _open: dict[str, tuple[CaptureWriter, int]] = {}
    _documents: dict[str, BinaryIO] = {}  # the parsed pages beside each archive (crawler/captures/documents.py)

    def __init__(self, path: str, crawler=None):
        self.path = path
        self.crawler = crawler
        self.parsed = bool(crawler and crawler.settings.getbool("FOOTPRINT_PARSED_PAGES"))

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("FOOTPRINT_CAPTURES")
        if not path:
            raise NotConfigured
        return cls(path, crawler)

    def open_spider(self, spider=None):
        writer, users = self._open.get(self.path, (None, 0))
        self._open[self.path] = (writer or CaptureWriter(self.path), users + 1)
        if self.parsed and self.path not in self._documents:
            self._documents[self.path] = beside(self.path).open("ab")

    def close_spider(self, spider=None):
        writer, users = self._open.pop(self.path)
        # Where the page budget or the depth limit cut the crawl short, the archive says so (and so the report).
        limits = getattr(spider or getattr(self.crawler, "spider", None), "limits_reached", None)
        if limits is not None and limits():
            writer.write_info({"crawl_limits": limits()})
        if users > 1:
            self._open[self.path] = (writer, users - 1)
        else:
            writer.close()
            if self.path in self._documents:
                self._documents.pop(self.path).close()

    def process_item(self, item, spider=None):
        writer, _ = self._open[self.path]
        doc = item.pop("_document", None)
        if doc is not None and self.path in self._documents:  # before its record: the judge then finds it
            write_document(self._documents[self.path], doc)
        body = base64.b64decode(item["body_b64"]) if item.get("body_b64") else b""
        item["record_id"] = writer.write_capture(item, body)
        return item
