"""Write one ZIM archive with libzim (the optional extra ``berdaya[zim]``).

Imported only by :mod:`generator.outputs.zim` after it found libzim; everything
here is what libzim needs: items with their mimetype, title, hints and the text
to index, the metadata, the illustration and the main entry. libzim writes into
a temporary folder beside the target (with its own temporary files) and the
finished archive is renamed into place, so an interrupted export leaves the
previous ZIM as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from libzim.writer import (
    Creator,
    Hint,
    IndexData,
    Item,
    StringProvider,
)

from generator.outputs.zim_icon import SIZE
from generator.outputs.zim_meta import Metadata, article_text, mimetype, retitle

UNCOMPRESSED = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "font/woff2"})
"""Already compressed: libzim stores them as they are."""


@dataclass(frozen=True)
class Entry:
    """One file of the built site as it goes into the ZIM."""

    path: str
    data: bytes
    title: str
    front: bool
    """A page readers look for: in the title index, suggestions and full-text search."""


@dataclass(frozen=True)
class Archive:
    """Everything one ZIM is made of."""

    entries: list[Entry]
    metadata: Metadata
    main: str
    illustration: bytes
    language: str
    """The ISO 639-3 code the full-text index stems words for."""


def entry(path: str, data: bytes, title: str, *, front: bool) -> Entry:
    """An entry; a page gets ``title`` in its ``<title>`` element too."""
    if title and mimetype(path) == "text/html":
        data = retitle(data.decode("utf-8"), title).encode("utf-8")
    return Entry(path, data, title, front)


def write(archive: Archive, target: Path) -> None:
    """Write the ZIM to ``target`` through a temporary folder beside it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        built = work / target.name
        creator = Creator(built).config_indexing(True, archive.language)  # noqa: FBT003
        creator.config_nbworkers(1)  # one worker: entries are indexed in the order given
        with _quiet(), creator:
            creator.set_mainpath(archive.main)
            creator.add_illustration(SIZE, archive.illustration)
            for key, value in archive.metadata.items():
                creator.add_metadata(key, value)
            for item in sorted(archive.entries, key=lambda e: e.path):
                creator.add_item(_Item(item))
        built.replace(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Keep libzim's progress lines ("Index titles", "ZIM file is ready!") off standard output.

    libzim prints them from C++ whatever its verbosity, so the file descriptor itself
    is pointed at a temporary file while the archive is written.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 1)
        try:
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)


class _Item(Item):  # type: ignore[misc]  # libzim ships no type hints
    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry
        self.kind = mimetype(entry.path)

    def get_path(self) -> str:
        return self.entry.path

    def get_title(self) -> str:
        return self.entry.title

    def get_mimetype(self) -> str:
        return self.kind

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self.entry.data)

    def get_hints(self) -> dict[Hint, int]:
        return {
            Hint.FRONT_ARTICLE: self.entry.front,
            Hint.COMPRESS: self.kind not in UNCOMPRESSED,
        }

    def get_indexdata(self) -> IndexData | None:
        if self.kind != "text/html":
            return None
        text = article_text(self.entry.data.decode("utf-8")) if self.entry.front else ""
        return _Text(self.entry.title, text)


class _Text(IndexData):  # type: ignore[misc]  # libzim ships no type hints
    """The text libzim indexes for a page: its article, not the navigation around it."""

    def __init__(self, title: str, text: str) -> None:
        self.title = title
        self.text = text

    def has_indexdata(self) -> bool:
        return bool(self.text)

    def get_title(self) -> str:
        return self.title

    def get_content(self) -> str:
        return self.text

    def get_keywords(self) -> str:
        return ""

    def get_wordcount(self) -> int:
        return len(self.text.split())

    def get_geoposition(self) -> tuple[float, float] | None:
        return None
