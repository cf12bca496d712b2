"""What a site was built from, so that a ``berdaya build`` with nothing changed writes nothing.

A build leaves :data:`NAME` in the site folder, written before the site is swapped
in. It holds three digests and the build's messages:

- ``inputs``: everything the build reads, taken *before* the build: mkdocs.yml (and
  the file it inherits from), the content, library and templates folders, the
  theme's ``custom_dir`` and hooks, Berdaya's own code and templates, the versions
  of the installed packages and of Python, the build's options (strict, audience)
  and the environment variables the output depends on (``SOURCE_DATE_EPOCH``, and
  those mkdocs.yml reads with ``!ENV``);
- ``docs``: the docs folder *after* the build (the generated Markdown and the
  organisation's own pages);
- ``site``: the path and size of every file of the site.

The next build computes the same digests first. When all three match, the site is
up to date: the build logs the stored messages again (content warnings, MkDocs'
warnings), says so and writes nothing. Files are compared by their bytes, never by
modification times, so a fresh checkout of the same content builds a stamp of the
same bytes. A site whose files were deleted or changed in size is built again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator import resources

NAME = ".berdaya-stamp"
"""The file in the site folder that says what the site was built from."""
FORMAT = 1
"""The stamp's format; a stamp of another format never matches."""
ENVIRONMENT = ("SOURCE_DATE_EPOCH",)
"""Environment variables every build's bytes depend on (the sitemap's dates)."""
_ENV_TAG = re.compile(r"!ENV\s+\[?\s*([A-Za-z_][A-Za-z0-9_]*)")
_INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"\n]+?)['\"]?\s*$", re.MULTILINE)
_SKIPPED = frozenset({"__pycache__"})
"""Folders below an input folder that no build reads."""
_CONTENT_LOGGER = "mkdocs.plugins.berdaya"
"""The logger of the content's messages: all of them are stored, whatever their level."""


@dataclass
class Stamp:
    """The inputs of one build, and the messages it logged.

    Attributes:
        inputs: the digest of everything the build reads but the docs folder.
        docs: the docs folder.
        messages: level, logger name and text of each message kept.
    """

    inputs: str
    docs: Path
    messages: list[tuple[int, str, str]] = field(default_factory=list)

    def matches(self, site: Path) -> bool:
        """Whether ``site`` was built from these inputs and is whole; if so, takes its messages."""
        stored = _read(site / NAME)
        if stored is None or stored.get("inputs") != self.inputs:
            return False
        if stored.get("docs") != folder_digest([self.docs]):
            return False
        if stored.get("site") != site_digest(site):
            return False
        kept: Any = stored.get("messages", [])
        self.messages = [(int(m[0]), str(m[1]), str(m[2])) for m in kept]
        return True

    def replay(self) -> None:
        """Log the stored messages again, as the build that made the site logged them."""
        for level, name, message in self.messages:
            logging.getLogger(name).log(level, "%s", message)

    def write(self, site: Path) -> None:
        """Write the stamp into ``site`` (a staging folder, before it is swapped in)."""
        data = {
            "format": FORMAT,
            "inputs": self.inputs,
            "docs": folder_digest([self.docs]),
            "site": site_digest(site),
            "messages": self.messages,
        }
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        (site / NAME).write_bytes(text.encode("utf-8"))

    @contextmanager
    def recording(self) -> Iterator[None]:
        """Keep the messages MkDocs' loggers log in the block: warnings and the content's."""
        keeper = _Keep(self.messages)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(keeper)
        try:
            yield
        finally:
            logger.removeHandler(keeper)


class _Keep(logging.Handler):
    def __init__(self, messages: list[tuple[int, str, str]]) -> None:
        super().__init__(logging.DEBUG)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING or record.name == _CONTENT_LOGGER:
            self.messages.append((record.levelno, record.name, record.getMessage()))


def of(
    config: MkDocsConfig, folders: Iterable[Path | None], options: Mapping[str, object]
) -> Stamp:
    """The stamp of a build of ``config`` that reads ``folders``, before the build.

    Args:
        config: the loaded mkdocs.yml.
        folders: the content, library and templates folders (None: not used).
        options: the build's options that change its output or its outcome.
    """
    digest = hashlib.sha256(f"berdaya-stamp {FORMAT}\n".encode())
    config_file = Path(config.config_file_path)
    text = config_file.read_text(encoding="utf-8")
    digest.update(text.encode("utf-8"))
    inherited = _INHERIT.search(text)
    if inherited:
        parent = config_file.parent / inherited.group(1)
        inherited_text = parent.read_text(encoding="utf-8") if parent.is_file() else ""
        digest.update(inherited_text.encode("utf-8") if parent.is_file() else b"-")
        text += inherited_text
    names = sorted(set(ENVIRONMENT) | set(_ENV_TAG.findall(text)))
    values = {name: os.environ.get(name) for name in names}
    digest.update(json.dumps([options, values, _versions()], sort_keys=True).encode("utf-8"))
    read = [*folders, resources.PACKAGE, resources.TEMPLATES, _custom_dir(config)]
    read += [Path(path) for path in _hooks(config)]
    digest.update(folder_digest(read).encode("ascii"))
    return Stamp(digest.hexdigest(), Path(config.docs_dir))


def _hooks(config: MkDocsConfig) -> list[str]:
    """The files of mkdocs.yml's ``hooks`` (MkDocs keeps them as modules by name)."""
    hooks: Any = config.hooks  # typed as a list; MkDocs makes it a dict by name
    modules = hooks.values() if isinstance(hooks, dict) else hooks or []
    return [path for module in modules if (path := getattr(module, "__file__", None))]


def _custom_dir(config: MkDocsConfig) -> Path | None:
    custom = config.theme.custom_dir
    return Path(custom) if custom else None


@lru_cache(maxsize=1)
def _versions() -> tuple[tuple[str, str], ...]:
    """Python's version and the name and version of every installed package.

    Read once per process (``serve`` rebuilds do not read 100 packages' metadata each).
    """
    found = {(d.metadata["Name"] or "", d.version) for d in metadata.distributions()}
    return (("python", platform.python_version()), *sorted(found))


def folder_digest(paths: Iterable[Path | None]) -> str:
    """A digest of the names and bytes of the files below ``paths`` (files count too)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"\0{path is not None and path.name}\0".encode())
        if path is None:
            continue
        if path.is_file():
            digest.update(_bytes_digest(path))
            continue
        for name in _files(path):
            digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
            digest.update(_bytes_digest(path / name))
    return digest.hexdigest()


def _bytes_digest(path: Path) -> bytes:
    """The digest of a file's bytes (of a marker when it cannot be read: a broken link)."""
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return b"unreadable"


def site_digest(site: Path) -> str:
    """A digest of the path and size of every file of ``site`` but the stamp."""
    digest = hashlib.sha256()
    for name in _files(site):
        if name != NAME:
            size = (site / name).stat().st_size
            digest.update(f"{name}\0{size}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _files(folder: Path) -> Iterator[str]:
    """The files below ``folder``, as sorted relative POSIX paths."""
    if not folder.is_dir():
        return
    for top, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED)
        relative = Path(top).relative_to(folder).as_posix()
        for name in sorted(names):
            yield name if relative == "." else f"{relative}/{name}"


def _read(path: Path) -> dict[str, object] | None:
    """The stored stamp; None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None
