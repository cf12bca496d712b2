"""Write generated files: only what changed, and nothing that no longer belongs."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

KEEP = {".gitkeep"}


@dataclass
class WriteReport:
    """What a write changed."""

    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_tree(folder: Path, files: dict[str, bytes]) -> WriteReport:
    """Make ``folder`` hold exactly ``files`` (paths relative to it).

    A file is written only when its bytes differ, so modification times of
    unchanged files stay as they were and ``mkdocs serve`` rebuilds only what
    changed. Files that are not in ``files`` are deleted, then empty folders.
    """
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
    for path in sorted(folder.rglob("*"), reverse=True):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and name not in files and path.name not in KEEP:
            path.unlink()
            report.deleted.append(name)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return report


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
