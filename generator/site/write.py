"""Write generated files: only what changed, and delete only what Berdaya wrote before.

The docs folder may hold files of other people (an organisation's own pages):
a file is deleted only when Berdaya wrote it, as listed in the folder's
:data:`MANIFEST` or, for pages of a Berdaya that kept no list, as said by the
comment that heads every generated page.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.i18n import STRINGS

MANIFEST = ".berdaya-files"
"""The list of the files Berdaya wrote into a docs folder: the only ones it may delete."""
_GENERATED = tuple(
    "<!-- " + text.split("{source}")[0] for text in STRINGS["generated.comment"].values()
)


@dataclass
class WriteReport:
    """What a write changed."""

    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_tree(
    folder: Path, files: dict[str, bytes], keep: set[str] | None = None
) -> WriteReport:
    """Make ``folder`` hold ``files`` (paths relative to it), and nothing else of Berdaya's.

    A file is written only when its bytes differ, so modification times of
    unchanged files stay as they were and ``mkdocs serve`` rebuilds only what
    changed. Files Berdaya wrote before that are not in ``files`` are deleted,
    then the folders that leaves empty; other files are left alone.

    Args:
        folder: the docs folder.
        files: what to write.
        keep: the files Berdaya keeps in the folder (default: ``files``); a build in
            parts writes the others afterwards (:func:`write_files`).
    """
    keep = set(files) if keep is None else keep | set(files)
    before = written_before(folder)
    report = write_files(folder, files)
    for name in sorted(before - keep):
        path = folder / name
        if path.is_file() and not path.is_symlink():
            path.unlink()
            report.deleted.append(name)
            _remove_empty(path.parent, folder)
    listing = "".join(f"{name}\n" for name in sorted(keep))
    manifest = folder / MANIFEST
    if not manifest.is_file() or manifest.read_text("utf-8") != listing:
        manifest.write_text(listing, "utf-8")
    return report


def write_files(folder: Path, files: dict[str, bytes]) -> WriteReport:
    """Write each of ``files`` whose bytes differ; delete nothing, list nothing."""
    report = WriteReport()
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        target = folder / name
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        report.written.append(name)
    return report


def written_before(folder: Path) -> set[str]:
    """The files of ``folder`` that Berdaya wrote: its list, and pages headed as generated."""
    manifest = folder / MANIFEST
    names = set(manifest.read_text("utf-8").splitlines()) if manifest.is_file() else set()
    for path in folder.rglob("*.md"):
        if path.is_file() and _is_generated(path):
            names.add(path.relative_to(folder).as_posix())
    return {name for name in names if _inside(name)}


def _is_generated(path: Path) -> bool:
    with path.open("rb") as stream:
        head = stream.read(1024).decode("utf-8", errors="replace")
    return any(marker in head for marker in _GENERATED)


def _inside(name: str) -> bool:
    """A relative path that stays in the folder (a changed list cannot reach elsewhere)."""
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


def _remove_empty(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it into place.

    An interrupted write leaves the previous file as it was. The file gets the
    usual mode of a new file (a temporary file is private).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).chmod(_file_mode())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _file_mode() -> int:
    """The mode of a new file under the current umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
