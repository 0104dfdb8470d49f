"""The `footprint` command line (crawler/cli/main.py): parsing, one module per command family, exit codes."""

from crawler.cli.main import main, run

__all__ = ["main", "run"]
