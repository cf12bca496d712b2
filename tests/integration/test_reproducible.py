"""The same content builds the same bytes, in every format: site, zip, single file, PDF.

Two projects with the same content in different folders, built with the same
``SOURCE_DATE_EPOCH``; every output is compared byte for byte.
"""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest
from support.helpers import FIXTURES, build, make_project, requires_pdf

from generator.cli import main

pytestmark = [pytest.mark.slow, requires_pdf]

LATIHAN = FIXTURES / "single" / "latihan"


def outputs(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = make_project(folder, LATIHAN)
    build(project)
    monkeypatch.chdir(project)
    assert main(["export", "-o", "out/kursus.zip"]) == 0
    assert main(["export", "--format", "html", "-o", "out"]) == 0
    assert main(["export", "--format", "scorm", "-o", "out"]) == 0
    assert main(["pdf", "latihan", "-o", "out/panduan.pdf"]) == 0
    return project


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_two_builds_give_the_same_bytes_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = outputs(tmp_path / "satu", monkeypatch)
    second = outputs(tmp_path / "dua", monkeypatch)
    assert files(first / "out") == [
        "kursus.zip",
        "latihan-scorm.zip",
        "latihan.html",
        "panduan.pdf",
    ]
    for folder in ("site", "out"):
        names = files(first / folder)
        assert names == files(second / folder)
        _same, different, errors = filecmp.cmpfiles(
            first / folder, second / folder, names, shallow=False
        )
        assert (different, errors) == ([], []), folder


def _runs(first: bytes, second: bytes) -> list[tuple[int, int]]:
    """The ranges ``[start, end)`` where two byte strings of one length differ."""
    assert len(first) == len(second)
    runs: list[tuple[int, int]] = []
    for index, (a, b) in enumerate(zip(first, second, strict=True)):
        if a != b:
            if runs and runs[-1][1] >= index - 1:
                runs[-1] = (runs[-1][0], index + 1)
            else:
                runs.append((index, index + 1))
    return runs


XAPIAN = b"\x0f\rXapian Glass"
"""The start of a Xapian (glass) database; its UUID is 16 bytes from there, after the version."""


def _xapian_uuids(data: bytes) -> list[tuple[int, int]]:
    """Where the UUIDs of the ZIM's Xapian indexes (full text, titles) are: libzim stores the
    databases uncompressed."""
    starts = [match.start() for match in re.finditer(re.escape(XAPIAN), data)]
    return [(start + 16, start + 32) for start in starts]


def test_two_zim_exports_differ_only_in_libzims_uuids_and_checksum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libzim gives every archive and each of its two Xapian indexes a random UUID.

    Entries, titles, metadata and the compressed content are the same bytes; what
    differs is exactly the archive's UUID in the header (bytes 8-24), the UUID of
    the full-text and of the title index, and the MD5 checksum of the whole file
    (its last 16 bytes). docs/architecture.md says so.
    """
    reader = pytest.importorskip("libzim.reader", reason="libzim is not installed: '.[zim]'")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    paths = []
    for name in ("satu", "dua"):
        project = make_project(tmp_path / name, LATIHAN)
        monkeypatch.chdir(project)
        assert main(["export", "--format", "zim", "-o", "out"]) == 0
        paths.append(project / "out" / "latihan.zim")
    first, second = (path.read_bytes() for path in paths)
    archives = [reader.Archive(path) for path in paths]
    assert archives[0].uuid != archives[1].uuid
    indexes = _xapian_uuids(first)
    assert len(indexes) == 2, "a full-text and a title index"
    assert indexes == _xapian_uuids(second)
    allowed = [(8, 24), *indexes, (len(first) - 16, len(first))]
    runs = _runs(first, second)
    assert runs, "libzim's UUIDs are random: the test would show when that changes"
    for start, end in runs:
        assert any(a <= start and end <= b for a, b in allowed), (start, end, allowed)
