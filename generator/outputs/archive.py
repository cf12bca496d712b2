"""The offline export's zip: sorted entries, fixed timestamps, written atomically.

The same files give the same bytes: entries are sorted, every entry has the
same timestamp (``SOURCE_DATE_EPOCH`` when set) and the same Unix mode. The zip
is written to a temporary file beside the target and renamed into place.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.site.write import write_atomically

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Entry:
    """One file in the zip: its name below the top folder and its sizes in bytes."""

    name: str
    size: int
    compressed: int


def zip_time() -> tuple[int, int, int, int, int, int]:
    """The timestamp of every zip entry: ``SOURCE_DATE_EPOCH`` if set, else 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ZIP_EPOCH
    stamp = time.gmtime(int(epoch))[:6]
    return max(ZIP_EPOCH, min(stamp, (2107, 12, 31, 23, 59, 58)))  # what zip can store


def write_zip(folder: Path, names: list[str], target: Path, top: str) -> list[Entry]:
    """Zip ``names`` of ``folder`` under ``top/`` into ``target``, atomically.

    The zip is made in memory and written to a temporary file beside ``target``
    that is renamed into place, so an interrupted export leaves the previous zip
    as it was.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(names):
            _add(archive, f"{top}/{name}", (folder / name).read_bytes())
        entries = [_entry(info, top) for info in archive.infolist()]
    write_atomically(target, buffer.getvalue())
    return entries


def zip_files(files: dict[str, bytes]) -> tuple[bytes, list[Entry]]:
    """A zip of ``files`` (name in the zip: bytes) at its root, entries sorted; and its entries."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            _add(archive, name, files[name])
        entries = [_entry(info, "") for info in archive.infolist()]
    return buffer.getvalue(), entries


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=zip_time())
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever system exports
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    archive.writestr(info, data, compresslevel=9)


def _entry(info: zipfile.ZipInfo, top: str) -> Entry:
    return Entry(info.filename.removeprefix(f"{top}/"), info.file_size, info.compress_size)
