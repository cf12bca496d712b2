"""Media files of a curriculum (``content/<c>/media/``): checks and copies.

Prose links to media relative to the curriculum folder, e.g.
``![Kompos](media/kompos.jpg)``; resources name them with ``file:``. A name
with spaces is written ``<media/a b.png>`` or ``media/a%20b.png``.

Only the files the content refers to are copied into the site, and only when
they are inside the curriculum's media folder once links are followed: a
symbolic link that leads elsewhere is refused, so no file from outside the
content can reach a site, an export or a PDF. Names must be unique without
regard to case (a site copied to a USB stick or a laptop may not tell
``Foto.jpg`` from ``foto.jpg``) and at most :data:`MAX_NAME` characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.content.diagnostics import Diagnostic, Position, error
from generator.content.errors import dotted
from generator.content.load import DataPath, Document
from generator.content.project import MEDIA_DIR, CurriculumSource

MAX_NAME = 100
"""The longest media file name (many file systems and zip tools stop near 255 bytes)."""
_LINK = re.compile(r"""(\]\(\s*<?|\bsrc=["']|\bhref=["'])media/""")
_REFERENCE = re.compile(
    r"""\]\(\s*<(media/[^>\n]+)>"""  # ![x](<media/a b.png>)
    r"""|(?:\]\(\s*|\bsrc=["']|\bhref=["'])(media/[^)\s"'>]+)"""
)


def check_media(curriculum: CurriculumSource) -> list[Diagnostic]:
    """Every media reference names a file inside media/, uniquely, with a name short enough."""
    found: list[Diagnostic] = []
    seen: dict[str, str] = {}
    for doc, path, reference in _all_references(curriculum):
        problem = _problem(media_home(curriculum, reference), reference) or _clash(reference, seen)
        if problem:
            found.append(error(place(doc, path, reference), f"{dotted(path)}: {problem}"))
    return found


def place(doc: Document, path: DataPath, reference: str) -> Position:
    """Where ``reference`` is written: its own line, also inside a block of prose."""
    start = doc.at(path)
    try:  # an overlay's merged document holds values of several files
        lines = start.file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return start
    for number in range(start.line, min(len(lines), start.line + 2000) + 1):
        text = lines[number - 1]
        column = text.find(reference, start.column - 1 if number == start.line else 0)
        if column >= 0:
            return Position(start.file, number, column + 1)
    return start


def media_home(curriculum: CurriculumSource, reference: str) -> Path:
    """The curriculum folder whose ``media/`` holds ``reference``.

    An overlay's own media come first, then its bases' (nearest first); a file
    found nowhere is looked for in the overlay's folder (and reported there).
    """
    name = _file_part(reference)
    for folder in (curriculum.folder, *curriculum.bases):
        if (folder / name).is_file() or (folder / name).is_symlink():
            return folder
    return curriculum.folder


def media_references(curriculum: CurriculumSource) -> set[str]:
    """The media files the curriculum refers to, as ``media/<name>`` (decoded)."""
    return {_file_part(reference) for _doc, _path, reference in _all_references(curriculum)}


def media_files(curriculum: CurriculumSource) -> dict[str, bytes]:
    """The referenced media files keyed by their path in the site (checked: inside media/)."""
    return {path: source.read_bytes() for path, source in media_sources(curriculum).items()}


def media_sources(curriculum: CurriculumSource) -> dict[str, Path]:
    """Each referenced media file's path in the site and its file (checked: inside media/)."""
    found = {}
    for reference in sorted(media_references(curriculum)):
        home = media_home(curriculum, reference)
        if _problem(home, reference) is None:
            found[f"{curriculum.id}/{reference}"] = home / reference
    return found


def rewrite_media(text: str, prefix: str) -> str:
    """Point ``media/...`` links of the curriculum folder at the page's depth."""
    return _LINK.sub(lambda m: f"{m.group(1)}{prefix}media/", text)


def _all_references(curriculum: CurriculumSource) -> Iterator[tuple[Document, DataPath, str]]:
    for doc in [curriculum.doc, *(m.doc for m in curriculum.modules)]:
        for path, reference in _references(doc.data, ()):
            yield doc, path, reference


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
    elif isinstance(value, str) and "media/" in value:  # most texts name no media file
        for match in _REFERENCE.finditer(value):
            yield path, match.group(1) or match.group(2)


def _file_part(reference: str) -> str:
    """``media/a%20b.png#x`` -> ``media/a b.png``."""
    return unquote(reference.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0])


def media_folder(folder: Path) -> Path | None:
    """The curriculum's media folder, resolved; None when it leads outside the curriculum."""
    media = (folder / MEDIA_DIR).resolve()
    return media if media.is_relative_to(folder.resolve()) else None


def _problem(folder: Path, reference: str) -> str | None:
    media = media_folder(folder)
    name = _file_part(reference)
    target = folder / name
    inside = media is not None and target.resolve().is_relative_to(media)
    if not name.startswith(f"{MEDIA_DIR}/") or not inside:
        links = [target, *target.parents[: len(Path(name).parts) - 1]]
        if any(path.is_symlink() for path in links):
            return f"'{reference}' is a link that leads outside the curriculum's media/ folder"
        return f"'{reference}' is outside the curriculum's media/ folder"
    if not target.is_file():
        return f"media file '{reference}' does not exist"
    if len(target.name) > MAX_NAME:
        return f"media file name '{target.name[:40]}…' is longer than {MAX_NAME} characters"
    return None


def _clash(reference: str, seen: dict[str, str]) -> str | None:
    """Another reference names the same file but for case (e.g. Foto.jpg and foto.jpg)."""
    name = _file_part(reference)
    other = seen.setdefault(name.casefold(), name)
    if other != name:
        return f"'{name}' and '{other}' differ only in case; rename one of the files"
    return None
