"""`python -m crawler.cli`, as the console script."""

from crawler.cli.main import run

run()
