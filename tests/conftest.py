"""Shared fixtures: a writable copy of the mini curriculum and ways to break it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.check import read_project
from generator.content.diagnostics import Diagnostic
from generator.content.project import find_curricula

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
"""A content root with one small, valid curriculum: ``contoh``."""


class Workspace:
    """A copy of the mini content root in a temporary folder (the working directory).

    Diagnostics name files relative to the working directory, so with this
    fixture they read ``contoh/modules/harga.yml:4:1: error: ...``.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.curriculum = root / "contoh"

    def path(self, relative: str) -> Path:
        """A file of the curriculum, e.g. ``modules/harga.yml``."""
        return self.curriculum / relative

    def read(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str | bytes) -> Path:
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return target

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace the one occurrence of ``old`` in a file; fail if it is not there once."""
        text = self.read(relative)
        count = text.count(old)
        assert count == 1, f"{old!r} occurs {count} times in {relative}, expected once"
        self.write(relative, text.replace(old, new))

    def diagnostics(self) -> list[Diagnostic]:
        return read_project(find_curricula([self.root])).diagnostics

    def lines(self) -> list[str]:
        """Every diagnostic of the content root, formatted, in reported order."""
        return [d.format() for d in self.diagnostics()]


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A fresh copy of the mini curriculum; the working directory is its content root."""
    shutil.copytree(MINI, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return Workspace(tmp_path)
