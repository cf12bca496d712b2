"""Where Berdaya may write: the folders it may replace, and the swap that replaces one.

Berdaya replaces or deletes only what it made. Every folder it builds a site
into holds a marker file (:data:`MARKER`); before anything is built, an output
path is checked and refused (exit code 2) when it is:

- the project folder, the content, templates or docs folder, or a folder above
  one of them (replacing it would take them along);
- a folder that holds ``mkdocs.yml`` or ``.git``, or one inside the content folder;
- an existing folder that is not empty and has no marker (Berdaya did not make it);
- a file where a folder is wanted.

Output files (zip, HTML, PDF, ZIM) are refused when they would overwrite a file of
another kind or lie in a protected folder.

A new site is built in a marked staging folder beside the target and swapped in
with one atomic exchange of the two paths (Linux ``renameat2(RENAME_EXCHANGE)``),
so a crash at any moment leaves the old or the new site complete at the target.
Where the exchange is not available, the old site is renamed aside first and
the next run puts it back if the crash came between the two renames. Staging
folders left by a crash are removed by the next run (only those with a marker).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.content.diagnostics import display_path
from generator.exceptions import UsageError

MARKER = ".berdaya-site"
"""The file in every folder Berdaya builds a site into: it may replace that folder."""
MARKER_TEXT = "This folder was built by Berdaya; 'berdaya build' may replace it.\n"
_KINDS = {"zip": "a zip", "html": "a Berdaya HTML", "pdf": "a PDF", "zim": "a ZIM"}
"""How messages name the kinds of output file."""
ZIM_MAGIC = b"ZIM\x04"
"""The first bytes of every ZIM archive (its magic number 72173914, little-endian)."""
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@dataclass(frozen=True)
class Protected:
    """The folders of a project that no output may replace or fill.

    Attributes:
        root: the folder of mkdocs.yml.
        content: the content folder.
        docs: MkDocs' docs folder (generated Markdown).
        templates: the organisation's template overrides, if any.
    """

    root: Path
    content: Path
    docs: Path
    templates: Path | None = None

    def folders(self) -> list[tuple[str, Path]]:
        """The protected folders with their names, resolved."""
        named = [("project folder", self.root), ("content folder", self.content)]
        named.append(("docs folder", self.docs))
        if self.templates is not None:
            named.append(("templates folder", self.templates))
        return [(name, path.resolve()) for name, path in named]


def check_site_folder(target: Path, protected: Protected) -> None:
    """Refuse a folder that a new site may not replace.

    Raises:
        UsageError: the folder is protected, or is not one Berdaya made.
    """
    shown = display_path(target)
    resolved = target.resolve()
    for name, folder in protected.folders():
        if resolved == folder or folder.is_relative_to(resolved):
            what = "is" if resolved == folder else "holds"
            raise UsageError(f"{shown} {what} the {name}: a build would replace it")
    if resolved.is_relative_to(protected.content.resolve()):
        raise UsageError(f"{shown} is inside the content folder: build the site elsewhere")
    if resolved.exists() and not resolved.is_dir():
        raise UsageError(f"{shown} is a file, not a folder for the site")
    for inside in ("mkdocs.yml", ".git"):
        if (resolved / inside).exists():
            raise UsageError(f"{shown} holds {inside}: a build would replace it")
    if resolved.is_dir() and not is_ours(resolved) and any(resolved.iterdir()):
        raise UsageError(
            f"{shown}/ was not built by Berdaya (it has no {MARKER} file) and is not empty: "
            "remove it yourself or build into another folder"
        )


def check_docs_folder(docs: Path, protected: Protected) -> None:
    """Refuse a docs folder (where generated pages are written) that holds the project's own.

    Raises:
        UsageError: the docs folder is, holds, or lies in the content or templates folder.
    """
    resolved = docs.resolve()
    for name, folder in protected.folders():
        if name == "docs folder":
            continue
        inside = name != "project folder" and resolved.is_relative_to(folder)
        if resolved == folder or folder.is_relative_to(resolved) or inside:
            raise UsageError(
                f"docs_dir {display_path(docs)} is, holds or lies in the {name}: "
                "Berdaya writes its generated pages there; use a folder of their own"
            )


def check_output_file(target: Path, kind: str, protected: Protected | None = None) -> None:
    """Refuse an output file that would overwrite a folder or a file of another kind.

    Args:
        target: the file to write.
        kind: ``zip``, ``html``, ``pdf`` or ``zim``.
        protected: the project's folders, which output files stay out of.

    Raises:
        UsageError: the file cannot be written there.
    """
    shown = display_path(target)
    what = _KINDS[kind]
    if target.is_dir():
        raise UsageError(f"{shown} is a folder: name the file to write")
    if target.exists() and not _is_kind(target, kind):
        raise UsageError(f"{shown} exists and is not {what} file: Berdaya will not replace it")
    if protected is not None:
        resolved = target.resolve()
        for name, folder in protected.folders()[1:]:
            if resolved.is_relative_to(folder):
                raise UsageError(f"{shown} is inside the {name}: write it elsewhere")


def is_ours(folder: Path) -> bool:
    """Whether Berdaya built this folder (it holds the marker)."""
    return (folder / MARKER).is_file()


def mark(folder: Path) -> None:
    """Mark a folder as built by Berdaya (not written again when it is: a no-op rebuild)."""
    marker = folder / MARKER
    if not marker.is_file() or marker.read_text(encoding="utf-8") != MARKER_TEXT:
        marker.write_text(MARKER_TEXT, encoding="utf-8")


def staging_folder(target: Path) -> Path:
    """A new, marked folder beside ``target`` to build into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    mark(folder)
    return folder


def recover(target: Path) -> None:
    """Undo what a crash left: put back an old site, remove marked leftovers beside ``target``."""
    leftovers = sorted(_leftovers(target))
    if not target.exists():
        old = [path for path in leftovers if path.name.startswith(f".{target.name}-old-")]
        if old:
            old[-1].rename(target)
            leftovers.remove(old[-1])
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)


def swap(new: Path, target: Path) -> None:
    """Put the folder ``new`` at ``target`` in one step; the old site is then removed."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # it now holds the old site
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _leftovers(target: Path) -> Iterable[Path]:
    if not target.parent.is_dir():
        return []
    prefixes = (f".{target.name}-new-", f".{target.name}-old-")
    return (
        path
        for path in target.parent.iterdir()
        if path.name.startswith(prefixes) and path.is_dir() and is_ours(path)
    )


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP}:
        return False  # an old kernel or a file system that cannot exchange
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _is_kind(path: Path, kind: str) -> bool:
    """Whether an existing file is of the kind Berdaya writes there (so it may be replaced)."""
    if kind == "zip":
        return zipfile.is_zipfile(path)
    with path.open("rb") as stream:
        head = stream.read(4096)
    if kind == "pdf":
        return head.startswith(b"%PDF")
    if kind == "zim":
        return head.startswith(ZIM_MAGIC)
    return b'<meta name="generator" content="Berdaya">' in head
