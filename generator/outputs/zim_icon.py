"""The 48x48 PNG illustration of a ZIM: the organisation's logo, or one drawn here.

Kiwix libraries show a ZIM by its ``Illustration_48x48@1``, which must be PNG
bytes. The logo is taken as it is when it already is a 48x48 PNG; other raster
logos are scaled with Pillow when it is installed (the ``zim`` extra brings it).
Otherwise, and for an SVG logo, the default is drawn in pure Python: an open
book in white on Berdaya's dark green, the same bytes on every machine.
"""

from __future__ import annotations

import importlib
import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from generator.content.diagnostics import display_path

SIZE = 48
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GREEN = (0x1B, 0x5E, 0x20)
"""The theme's primary colour (generator/assets/berdaya-theme.css)."""
WHITE = (0xFF, 0xFF, 0xFF)
_SAMPLES = 4
"""Samples per pixel along each axis: the edges of the drawing are smoothed."""
_RADIUS = 9.0
_PAGES = (
    ((9.0, 14.0), (23.0, 17.5), (23.0, 36.0), (9.0, 32.5)),
    ((25.0, 17.5), (39.0, 14.0), (39.0, 32.5), (25.0, 36.0)),
)
"""The book's two pages as quadrilaterals (x, y), clockwise, in a 48-unit square."""


@dataclass(frozen=True)
class Illustration:
    """The PNG bytes and where they came from.

    Attributes:
        png: the 48x48 PNG.
        source: the logo it was made from (``None``: drawn here).
        note: why the logo could not be used, if it could not.
    """

    png: bytes
    source: Path | None = None
    note: str | None = None


def illustration(logo: Path | None) -> Illustration:
    """The 48x48 PNG for a ZIM: from ``logo`` when it can be used, else the default."""
    if logo is None:
        return Illustration(default_png())
    data = logo.read_bytes()
    if png_size(data) == (SIZE, SIZE):
        return Illustration(data, logo)
    if logo.suffix.lower() == ".svg":
        note = f"{display_path(logo)} is an SVG: the ZIM shows Berdaya's default icon"
        return Illustration(default_png(), note=f"{note} (give a PNG logo of {SIZE}x{SIZE})")
    scaled = scale(data)
    if scaled is None:
        note = f"{display_path(logo)} cannot be scaled to {SIZE}x{SIZE} without Pillow"
        hint = "pip install 'berdaya[zim]'"
        return Illustration(default_png(), note=f"{note}: the ZIM shows the default icon ({hint})")
    return Illustration(scaled, logo)


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of PNG bytes (``None``: not a PNG)."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def scale(data: bytes) -> bytes | None:
    """A raster logo fitted into a transparent 48x48 PNG, centred.

    Returns ``None`` without Pillow, or for bytes Pillow cannot read as an image.
    """
    try:
        image_module = importlib.import_module("PIL.Image")
    except ImportError:
        return None
    try:
        with image_module.open(io.BytesIO(data)) as image:
            image.load()
            logo = image.convert("RGBA")
    except (OSError, ValueError):
        return None
    logo.thumbnail((SIZE, SIZE), image_module.Resampling.LANCZOS)
    canvas = image_module.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    canvas.paste(logo, ((SIZE - logo.width) // 2, (SIZE - logo.height) // 2), logo)
    out = io.BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()


def default_png() -> bytes:
    """Berdaya's default icon: an open book in white on a rounded dark-green square."""
    rows = []
    for y in range(SIZE):
        row = bytearray(b"\x00")  # filter type: none
        for x in range(SIZE):
            row += bytes(_pixel(x, y))
        rows.append(bytes(row))
    return encode_png(SIZE, SIZE, b"".join(rows))


def _pixel(x: int, y: int) -> tuple[int, int, int, int]:
    """The RGBA colour of one pixel: the share of samples in the square and in the book."""
    inside = book = 0
    for i in range(_SAMPLES):
        for j in range(_SAMPLES):
            px, py = x + (i + 0.5) / _SAMPLES, y + (j + 0.5) / _SAMPLES
            if _in_rounded_square(px, py):
                inside += 1
                book += any(_in_quad(px, py, quad) for quad in _PAGES)
    total = _SAMPLES * _SAMPLES
    if inside == 0:
        return (0, 0, 0, 0)
    share = book / inside
    colour = tuple(round(g + (w - g) * share) for g, w in zip(GREEN, WHITE, strict=True))
    return (colour[0], colour[1], colour[2], round(255 * inside / total))


def _in_rounded_square(x: float, y: float) -> bool:
    cx = min(max(x, _RADIUS), SIZE - _RADIUS)
    cy = min(max(y, _RADIUS), SIZE - _RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= _RADIUS**2


def _in_quad(x: float, y: float, quad: tuple[tuple[float, float], ...]) -> bool:
    """Whether a point lies in a convex quadrilateral given clockwise (y downwards)."""
    for (ax, ay), (bx, by) in zip(quad, (*quad[1:], quad[0]), strict=True):
        if (bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0:
            return False
    return True


def encode_png(width: int, height: int, raw: bytes) -> bytes:
    """PNG bytes of 8-bit RGBA rows (each starting with its filter byte), no metadata."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
