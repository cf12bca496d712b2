"""Pictures say what they show: an image in prose without alt text is an error.

Learners who cannot load or see a picture (a screen reader, a page printed
without images, a slow phone) get its alt text instead, so every Markdown image
needs it (``![What the picture teaches](media/x.svg)``), and so does an HTML
``<img>`` of a media file (``alt="..."``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.content.diagnostics import Diagnostic, error
from generator.content.errors import dotted
from generator.content.load import DataPath
from generator.content.media import place
from generator.content.project import CurriculumSource

_EMPTY_MARKDOWN = re.compile(r"!\[\s*\]\(\s*<?([^)>\s]*)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_MEDIA_SRC = re.compile(r"""\bsrc\s*=\s*["']?(media/[^"'\s>]*)""", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"\s*[^"\s]|'\s*[^'\s]|[^"'\s>])""", re.IGNORECASE)


def check_alt_text(curriculum: CurriculumSource) -> list[Diagnostic]:
    """Every image in prose has alt text."""
    found: list[Diagnostic] = []
    for doc in [curriculum.doc, *(m.doc for m in curriculum.modules)]:
        for path, written, address in _missing(doc.data, ()):
            where = place(doc, path, written)
            found.append(
                error(
                    where,
                    f"{dotted(path)}: the picture '{address}' has no alt text; write what it "
                    'shows in ![...] or alt="..."',
                )
            )
    return found


def _missing(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str, str]]:  # noqa: ANN401
    """Path, the text as written and the address of each image without alt text."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _missing(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _missing(item, (*path, i))
    elif isinstance(value, str):
        for match in _EMPTY_MARKDOWN.finditer(value):
            yield path, match.group(0), match.group(1)
        for match in _HTML_IMAGE.finditer(value):
            source = _MEDIA_SRC.search(match.group(0))
            if source and not _ALT.search(match.group(0)):
                yield path, match.group(0), source.group(1)
