"""The offline app's icons and colour: PNGs drawn in Python, the theme colour of the palette.

No image library is needed: the default icon is a few flat shapes (an open book
and a reader's head, white on the theme colour, full bleed so that launchers may
mask it to any shape), rasterised with exact horizontal coverage and four rows
of samples per pixel, and written as an RGB PNG with :mod:`zlib`. The same
colour gives the same bytes.

Pure apart from reading Material's palette stylesheet and ours.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import material

from generator import resources

BERDAYA_GREEN = "#1b5e20"
"""The ``custom`` primary colour of ``berdaya-theme.css``, and the colour of last resort."""
SIZES = (192, 512)
"""The PNG sizes browsers ask for (launcher icon, splash screen)."""
_PALETTE = Path(material.__file__).resolve().parent / "templates" / "assets" / "stylesheets"
_HEX = re.compile(r"#[0-9a-fA-F]{6}")

Point = tuple[float, float]
_BOOK: tuple[tuple[Point, ...], ...] = (
    ((0.20, 0.40), (0.47, 0.46), (0.47, 0.76), (0.20, 0.70)),  # the left page
    ((0.53, 0.46), (0.80, 0.40), (0.80, 0.70), (0.53, 0.76)),  # the right page
)
_HEAD = ((0.5, 0.29), 0.085)
"""Centre and radius of the reader's head, in units of the icon's side."""
_SAMPLES = 4


def theme_colour(palette: object) -> str:
    """The primary colour of Material's ``palette`` setting as ``#rrggbb``.

    ``custom`` is Berdaya's green (``berdaya-theme.css``); Material's named colours
    are read from its palette stylesheet; anything else is Berdaya's green. A list
    of schemes gives the first one's colour.
    """
    if isinstance(palette, list):
        palette = palette[0] if palette else {}
    primary = palette.get("primary") if isinstance(palette, dict) else None
    if not isinstance(primary, str) or primary == "custom":
        return _custom_colour()
    return _material_colours().get(primary, BERDAYA_GREEN)


def _custom_colour() -> str:
    css = (resources.ASSETS / "berdaya-theme.css").read_text(encoding="utf-8")
    found = re.search(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})\s*;", css)
    return found.group(1).lower() if found else BERDAYA_GREEN


@cache
def _material_colours() -> dict[str, str]:
    """Material's named primary colours, from its palette stylesheet."""
    colours: dict[str, str] = {}
    for sheet in sorted(_PALETTE.glob("palette.*.min.css")):
        text = sheet.read_text(encoding="utf-8")
        pattern = r"\[data-md-color-primary=([a-z-]+)\]\{--md-primary-fg-color:(#[0-9a-fA-F]{6})"
        for name, colour in re.findall(pattern, text):
            colours.setdefault(name, colour.lower())
    return colours


def icon_png(size: int, colour: str) -> bytes:
    """The default icon, ``size`` pixels square: white shapes on ``colour`` (``#rrggbb``).

    Raises:
        ValueError: ``colour`` is not ``#rrggbb``.
    """
    if not _HEX.fullmatch(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    background = bytes.fromhex(colour[1:])
    shades = [bytes(round(c + (255 - c) * level / 255) for c in background) for level in range(256)]
    plain = b"\x00" + shades[0] * size  # PNG filter type 0 (none) before each row
    rows = []
    for y in range(size):
        coverage = _row_coverage(y, size)
        if not any(coverage):
            rows.append(plain)
            continue
        rows.append(b"\x00" + b"".join(shades[round(amount * 255)] for amount in coverage))
    return _png(size, size, b"".join(rows))


def _row_coverage(y: int, size: int) -> list[float]:
    """How much of each pixel of row ``y`` the white shapes cover (0 to 1)."""
    coverage = [0.0] * size
    for sample in range(_SAMPLES):
        v = (y + (sample + 0.5) / _SAMPLES) / size
        for start, end in _merge(_spans(v)):
            _add_span(coverage, start * size, end * size, 1 / _SAMPLES)
    return [min(c, 1.0) for c in coverage]


def _spans(v: float) -> Iterable[tuple[float, float]]:
    """The horizontal spans of the shapes at height ``v`` (units of the side)."""
    for polygon in _BOOK:
        crossings = []
        for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
            if (y1 <= v < y2) or (y2 <= v < y1):
                crossings.append(x1 + (v - y1) * (x2 - x1) / (y2 - y1))
        if len(crossings) == 2:  # the shapes are convex
            yield min(crossings), max(crossings)
    (cx, cy), radius = _HEAD
    if abs(v - cy) < radius:
        half = (radius**2 - (v - cy) ** 2) ** 0.5
        yield cx - half, cx + half


def _merge(spans: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _add_span(coverage: list[float], start: float, end: float, weight: float) -> None:
    """Add ``weight`` times the part of each pixel that ``[start, end)`` covers."""
    start, end = max(start, 0.0), min(end, float(len(coverage)))
    first, last = int(start), int(end)
    if first == last:
        if first < len(coverage):
            coverage[first] += (end - start) * weight
        return
    coverage[first] += (first + 1 - start) * weight
    for x in range(first + 1, last):
        coverage[x] += weight
    if last < len(coverage):
        coverage[last] += (end - last) * weight


def _png(width: int, height: int, raw: bytes) -> bytes:
    """An 8-bit RGB PNG of filtered rows ``raw``."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(raw, 9)),
            _chunk(b"IEND", b""),
        ]
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG (from its header), or None when ``data`` is no PNG."""
    if len(data) < 24 or not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)
