"""Shared fixtures: a writable copy of the mini curriculum and ways to break it.

The tests mirror the code (``content/``, ``site/``, ``outputs/``, ``cli/``);
real builds live in ``integration/`` (marked ``slow`` by folder) and Chromium
runs in ``browser/`` (marked ``browser``). A test not marked either that starts
a real MkDocs build fails (:func:`no_build_unless_slow`): ``make check`` stays
an edit loop of seconds.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.content.check import read_project
from generator.content.diagnostics import Diagnostic
from generator.content.project import find_curricula
from generator.outputs import export, mkdocs_site, serve

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
MARKED_BY_FOLDER = {"integration": pytest.mark.slow, "browser": pytest.mark.browser}
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of ``tests/integration/`` slow and of ``tests/browser/`` browser."""
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        if folder in MARKED_BY_FOLDER:
            item.add_marker(MARKED_BY_FOLDER[folder])


def refuse(name: str) -> Callable[..., None]:
    """A stand-in for an MkDocs command that fails the test; no ``except Exception`` catches it."""

    def refused(*_args: object, **_kwargs: object) -> None:
        pytest.fail(f"{name} in a test not marked slow: mark it, or move it to tests/integration/")

    return refused


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """Fixtures of fast tests (session-wide ones too) may not build either."""
    with no_build_unless_slow(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Real builds belong to slow tests, so `make check` stays an edit loop of seconds."""
    with no_build_unless_slow(item):
        return (yield)


@contextmanager
def no_build_unless_slow(item: pytest.Item) -> Iterator[None]:
    """Replace the MkDocs commands for a test not marked ``slow`` or ``browser``."""
    with pytest.MonkeyPatch.context() as patch:
        if not (item.get_closest_marker("slow") or item.get_closest_marker("browser")):
            for module in (mkdocs_site, export, serve):
                patch.setattr(module, "mkdocs_build", refuse("a real MkDocs build"))
            patch.setattr(serve, "LiveReloadServer", refuse("a live-reload server"))
        yield


@pytest.fixture(autouse=True)
def english_diagnostics(monkeypatch: pytest.MonkeyPatch) -> None:
    """Diagnostics in English whatever the developer's locale (tests assert exact lines)."""
    monkeypatch.setenv("BERDAYA_LANG", "en")
