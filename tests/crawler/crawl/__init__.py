"""Tests of crawler/crawl: rendering, a browser crash mid-crawl, the live selftest."""
