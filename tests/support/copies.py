"""Copies of fixtures to edit in a test, and the cases that edit them."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.content.check import read_project
from generator.content.project import CurriculumSource, find_curricula

from .helpers import FIXTURES

GUIDE = FIXTURES / "guide"


class GuideCopy:
    """The guide fixtures in a temporary working directory, edited one place at a time."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace the one occurrence of ``old`` in ``usaha-warung/<relative>``."""
        path = self.root / "usaha-warung" / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def source(self) -> CurriculumSource:
        """The edited ``usaha-warung``, read and checked."""
        project = read_project(find_curricula([self.root]))
        return next(c for c in project.curricula if c.id == "usaha-warung")

    def lines(self) -> list[str]:
        """Every diagnostic of the copy, one line each."""
        return [d.format() for d in read_project(find_curricula([self.root])).diagnostics]


def copy_guides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GuideCopy:
    """The guide fixtures copied into ``tmp_path``, the working directory."""
    shutil.copytree(GUIDE, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return GuideCopy(tmp_path)


@dataclass(frozen=True)
class Case:
    """Replace ``old`` with ``new`` in ``file``; the diagnostics that must follow."""

    name: str
    file: str
    old: str
    new: str
    expected: tuple[str, ...]


def case(name: str, file: str, old: str, new: str, *expected: str) -> Case:
    """A :class:`Case`; the expected lines come last, one argument each."""
    return Case(name, file, old, new, expected)
