"""crawler/cli/status.py: what a scan shows while it runs."""

from __future__ import annotations

import io

from rich.console import Console
from rich.live import Live

from crawler.cli.main import main
from crawler.cli.status import Status, clock


def test_the_status_line_counts_firms_and_pages_and_estimates_the_time_left():
    status = Status(firms=4, verbose=False, live=None, started=0.0)
    assert status.line(now=5.0) == "firms 0/4 | pages 0 | 00:05 elapsed, time left: -"
    status.now = {"Nordwind": "website:nordwind-exchange.com"}
    status.done, status.pages, status.failed = 1, 120, 3
    # one firm in 60 s, three to go: about three minutes left
    assert status.line(now=60.0) == ("firms 1/4 | pages 120, 3 failed | 01:00 elapsed, about 03:00 left | now: "
                                     "Nordwind (website:nordwind-exchange.com)")
    assert clock(3725) == "1:02:05"


def test_on_a_terminal_the_status_is_one_live_line_and_fetches_stay_off_it():
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=200)
    with Live(console=console, transient=False, auto_refresh=False) as live:
        status = Status(firms=2, verbose=False, live=live, started=0.0)
        status.firm_started("Nordwind")
        status.fetched("website:nordwind-exchange.com", "[website:nordwind-exchange.com] 200 https://x/", False)
        live.refresh()
    shown = screen.getvalue()
    assert "firms 0/2 | pages 1" in shown and "now: Nordwind (website:nordwind-exchange.com)" in shown
    assert "200 https://x/" not in shown  # near miss: the fetch itself is not printed without --verbose


def _scan(sandbox, tmp_path, *flags: str) -> int:
    return main(["scan", "https://meridian-custody.com/", "--proxy", sandbox.url, "--render", "never",
                 "--no-screenshots", "--delay", "0", "--max-pages", "3", "--out", str(tmp_path), *flags])


def test_off_a_terminal_a_line_per_firm_verbose_adds_every_fetch_and_the_summary_says_what_to_open(
        sandbox, tmp_path, capsys):
    assert _scan(sandbox, tmp_path / "a") == 0
    out, err = capsys.readouterr()
    assert "[0/1] scanning meridian-custody.com" in err and "[1/1] meridian-custody.com: none" in err
    assert "] 200 " not in err  # no line per fetch by default
    assert out.rstrip().splitlines()[-1].startswith("open ") and out.rstrip().endswith("report.html")
    assert _scan(sandbox, tmp_path / "b", "--verbose") == 0
    assert "[website:meridian-custody.com] 200 as US https://meridian-custody.com/" in capsys.readouterr().err
    assert _scan(sandbox, tmp_path / "c", "--quiet") == 0
    assert capsys.readouterr().err == ""
