"""``berdaya build`` with nothing changed writes nothing; any change builds the site again."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.helpers import CONTOH, make_project

from generator.cli import main
from generator.outputs.stamp import NAME

pytestmark = pytest.mark.slow

LESSON = "content/contoh/modules/harga.yml"
PAGE = "site/contoh/harga/harga-jual/index.html"
WARNING = "contoh/modules/catatan.yml:6:3: warning: objectives.catat-kas"
UP_TO_DATE = "Documentation is up to date: nothing changed since the last build"


def _files(project: Path) -> dict[str, tuple[int, int, int]]:
    """Every file of the site and the docs folder: modification time, inode, size."""
    found = {}
    for top in ("site", "modules"):
        for path in (project / top).rglob("*"):
            if path.is_file():
                stat = path.stat()
                found[path.relative_to(project).as_posix()] = (
                    stat.st_mtime_ns,
                    stat.st_ino,
                    stat.st_size,
                )
    return found


@pytest.fixture
def project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """The mini curriculum with one content warning, built once without --strict."""
    folder = make_project(tmp_path / "proyek", CONTOH)
    catatan = folder / "content" / "contoh" / "modules" / "catatan.yml"
    text = catatan.read_text(encoding="utf-8")
    catatan.write_text(text.replace("      objective: catat-kas\n", ""), encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main(["build"]) == 0
    assert WARNING in capsys.readouterr().err
    return folder


def test_a_build_with_nothing_changed_writes_nothing_and_repeats_the_warnings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(project)
    assert main(["build"]) == 0
    err = capsys.readouterr().err
    assert UP_TO_DATE in err
    assert WARNING in err, "the last build's warnings are shown again"
    assert "Building documentation" not in err
    assert _files(project) == before
    assert not list(project.glob(".site-*")), "no staging folder"


def test_an_edited_lesson_is_built_again(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lesson = project / LESSON
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("Harga jual = HPP + margin.", "Harga jual naik."), "utf-8")
    assert main(["build"]) == 0
    assert UP_TO_DATE not in capsys.readouterr().err
    assert "Harga jual naik." in (project / PAGE).read_text(encoding="utf-8")


def test_a_deleted_page_of_the_site_is_built_again(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / PAGE).unlink()
    assert main(["build"]) == 0
    assert UP_TO_DATE not in capsys.readouterr().err
    assert (project / PAGE).is_file()


def test_strict_after_a_build_with_warnings_checks_again_and_fails(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(project)
    assert main(["build", "--strict"]) == 1
    err = capsys.readouterr().err
    assert WARNING in err
    assert UP_TO_DATE not in err
    assert _files(project) == before, "the site as it was"


def test_another_audience_is_built_again(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (project / "site" / "contoh" / "panduan" / "index.html").is_file()
    assert main(["build", "--audience", "learner"]) == 0
    assert UP_TO_DATE not in capsys.readouterr().err
    assert not (project / "site" / "contoh" / "panduan").exists()
    assert (project / "site" / NAME).is_file()


def test_messages_in_another_language_build_again(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--lang", "id"]) == 0
    err = capsys.readouterr().err
    assert UP_TO_DATE not in err
    assert "catatan.yml:6:3: warning: objectives.catat-kas: belum ada soal" in err
