"""Is the optional `render` extra (Playwright, scrapy-playwright) installed? A core install scans without a
browser: `--render auto` then fetches every page statically and screenshots are skipped, each said once; only
`--render always`, which promises a browser, is refused (exit 2), before anything is fetched."""

from __future__ import annotations

import functools
import importlib

EXTRA = "render"
MODULES = ("playwright", "scrapy_playwright")  # the import names of the extra's packages
INSTALL_HINT = "install footprint[render] (pip install 'footprint[render]', or FOOTPRINT_EXTRAS=render for " \
               "scripts/install.sh)"


@functools.cache
def missing_modules() -> tuple[str, ...]:
    """The extra's modules that do not import here: really imported, not just looked up, so a broken install
    counts as missing too."""
    missing = []
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return tuple(missing)


def missing_sentence() -> str:
    """One sentence saying the extra is missing and what to do ("" when it is installed)."""
    missing = missing_modules()
    if not missing:
        return ""
    return f"the {EXTRA} extra is not installed ({', '.join(missing)} cannot be imported): {INSTALL_HINT}"
