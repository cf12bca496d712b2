"""The same content builds the same bytes, in every format: site, zip, single file, PDF.

Two projects with the same content in different folders, built with the same
``SOURCE_DATE_EPOCH``; every output is compared byte for byte.
"""

from __future__ import annotations

import filecmp
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
