"""Each finding's element marked on its screenshot: a crop of the full-page screenshot around the element's box
(measured in the browser when the screenshot was taken, kept in the archive: crawler/crawl/element_boxes.py), the
box drawn as a red rectangle, written beside the report as screenshots/mark-<finding id>.png.

Drawn from the archive's screenshot and boxes alone, so a scan and `footprint analyze` make the same files. A
finding whose element was not located gets no file, and the report says so; a box is never guessed.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from crawler.config.defaults import MARK_CROP_MARGIN
from detectors.model import ChannelResult
from reports.writer import atomic_write

MARK_COLOUR = (255, 0, 0)
MARK_WIDTH = 3  # pixels of the rectangle, drawn just outside the element so it covers none of it


def mark_name(finding_id: str) -> str:
    return f"screenshots/mark-{finding_id}.png"


def write_marks(channels: list[ChannelResult], boxes: dict[tuple[str, str], dict], out_dir: Path) -> dict[str, str]:
    """finding id -> its marked crop (relative to out_dir), or "" where its element was looked for and not
    located. Findings whose locator names no element, or whose page has no screenshot, are left out. `boxes`:
    per screenshot (url, visitor), the boxes measured on it."""
    wanted: dict[str, list[tuple[str, list[float] | None]]] = {}  # screenshot path -> (finding id, box)
    for finding in (f for c in channels for f in c.findings if f.screenshot):
        measured = boxes.get((finding.url, (finding.visitors or ("",))[0]), {})
        if finding.id in measured:
            wanted.setdefault(finding.screenshot, []).append((finding.id, measured[finding.id]))
    marks: dict[str, str] = {}
    for shot, findings in sorted(wanted.items()):
        with Image.open(out_dir / shot) as image:
            image = image.convert("RGB")
            for finding_id, box in findings:
                crop = marked_crop(image, box) if box else None
                if crop is None:
                    marks[finding_id] = ""
                    continue
                atomic_write(out_dir / mark_name(finding_id), _png(crop))
                marks[finding_id] = mark_name(finding_id)
    return marks


def marked_crop(image: Image.Image, box: list[float]) -> Image.Image | None:
    """The part of `image` around `box` ([x, y, width, height] in the image's pixels) with the box drawn; None
    when the box does not lie on the image (the page grew past the screenshot)."""
    x, y, width, height = box
    if x < -1 or y < -1 or x + width > image.width + 1 or y + height > image.height + 1:
        return None  # a pixel of rounding is allowed, not more
    left, top = round(x) - MARK_WIDTH, round(y) - MARK_WIDTH
    right, bottom = round(x + width) + MARK_WIDTH, round(y + height) + MARK_WIDTH
    window = (max(0, left - MARK_CROP_MARGIN), max(0, top - MARK_CROP_MARGIN),
              min(image.width, right + MARK_CROP_MARGIN), min(image.height, bottom + MARK_CROP_MARGIN))
    crop = image.crop(window)
    outline = (left - window[0], top - window[1], right - window[0] - 1, bottom - window[1] - 1)
    ImageDraw.Draw(crop).rectangle(outline, outline=MARK_COLOUR, width=MARK_WIDTH)
    return crop


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
