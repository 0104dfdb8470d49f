"""The evidence archive (WARC 1.1), what the scan decided (kept in it), the readers of firm-supplied material,
and the evidence judging reads back from the archive alone."""
