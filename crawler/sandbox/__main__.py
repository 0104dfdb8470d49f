"""``python -m crawler.sandbox ROOT|ARCHIVE.warc.gz [PORT]``: serve a sandbox web until Ctrl-C."""

from __future__ import annotations

import sys

from crawler.sandbox.web import serve_forever

if __name__ == "__main__":
    serve_forever(sys.argv[1], port=int(sys.argv[2]) if len(sys.argv) > 2 else 0)
