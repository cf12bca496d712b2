"""Media files of a curriculum (``content/<c>/media/``): checks and copies.

Prose links to media relative to the curriculum folder, e.g.
``![Kompos](media/kompos.jpg)``; resources name them with ``file:``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, error
from generator.errors import dotted
from generator.load import DataPath
from generator.project import MEDIA_DIR, CurriculumSource

_LINK = re.compile(r"""(\]\(\s*<?|\bsrc=["']|\bhref=["'])media/""")
_REFERENCE = re.compile(r"""(?:\]\(\s*<?|\bsrc=["']|\bhref=["'])(media/[^)\s"'>]+)""")


def check_media(curriculum: CurriculumSource) -> list[Diagnostic]:
    """Every media reference in the curriculum's files names an existing file inside media/."""
    found: list[Diagnostic] = []
    docs = [curriculum.doc, *(m.doc for m in curriculum.modules)]
    for doc in docs:
        for path, reference in _references(doc.data, ()):
            problem = _problem(curriculum.folder, reference)
            if problem:
                found.append(error(doc.at(path), f"{dotted(path)}: {problem}"))
    return found


def _references(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:  # noqa: ANN401
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "file" and isinstance(item, str):
                yield (*path, key), item
            else:
                yield from _references(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _references(item, (*path, i))
    elif isinstance(value, str):
        for match in _REFERENCE.finditer(value):
            yield path, match.group(1)


def _problem(folder: Path, reference: str) -> str | None:
    media = (folder / MEDIA_DIR).resolve()
    target = (folder / reference.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0]).resolve()
    if not reference.startswith(f"{MEDIA_DIR}/") or not target.is_relative_to(media):
        return f"'{reference}' is outside the curriculum's media/ folder"
    if not target.is_file():
        return f"media file '{reference}' does not exist"
    return None


def media_files(curriculum: CurriculumSource) -> dict[str, bytes]:
    """The curriculum's media files keyed by their path in the site."""
    folder = curriculum.folder / MEDIA_DIR
    if not folder.is_dir():
        return {}
    return {
        f"{curriculum.id}/{MEDIA_DIR}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def rewrite_media(text: str, prefix: str) -> str:
    """Point ``media/...`` links of the curriculum folder at the page's depth."""
    return _LINK.sub(lambda m: f"{m.group(1)}{prefix}media/", text)
