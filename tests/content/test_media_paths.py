"""Files stay inside: media references, links out of media/, names, and what a PDF may read.

The path corpus: every way a curriculum can name a file, each either refused
with its YAML line (``validate`` and ``build`` alike) or copied from inside the
curriculum's media folder, and nothing else copied.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.media import SVG, lesson_body, media, media_project

from generator.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return media_project(tmp_path, monkeypatch)


PATH_CORPUS = [
    ("'![x](media/keluar.txt)'", "link", "'media/keluar.txt' is a link that leads outside"),
    ("'![x](media/../../../rahasia.txt)'", None, "is outside the curriculum's media/ folder"),
    (
        "'![x](media/sub/../../modules/harga.yml)'",
        None,
        "is outside the curriculum's media/ folder",
    ),
    ("'[x](media/hilang.pdf)'", None, "media file 'media/hilang.pdf' does not exist"),
    ("'![x](media/Koin.svg) ![y](media/koin.svg)'", "case", "differ only in case"),
    (f"'![x](media/{'a' * 101}.svg)'", "long", "is longer than 100 characters"),
]


@pytest.mark.parametrize(("body", "setup", "message"), PATH_CORPUS)
def test_a_path_that_leaves_media_is_refused_by_validate_and_build(
    project: Path, capsys: pytest.CaptureFixture[str], body: str, setup: str | None, message: str
) -> None:
    if setup == "link":
        (media(project) / "keluar.txt").symlink_to(project.parent / "rahasia.txt")
    elif setup == "case":
        (media(project) / "Koin.svg").write_bytes(SVG)
    elif setup == "long":
        (media(project) / f"{'a' * 101}.svg").write_bytes(SVG)
    lesson_body(project, body)
    for command in (["validate"], ["build"]):
        assert main(command) == 1, command
        err = capsys.readouterr()
        lines = [line for line in (err.out + err.err).splitlines() if ": error: " in line]
        assert len(lines) == 1, lines
        assert lines[0].startswith("content/contoh/modules/harga.yml:23:")
        assert ": error: lessons[1].body: " in lines[0]
        assert message in lines[0]
    assert not (project / "site").exists()


def test_a_reference_inside_a_block_of_prose_points_at_its_own_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lesson_body(project, "|\n      Baris satu.\n\n      Lihat ![gambar](media/hilang.png) di sini.")
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "content/contoh/modules/harga.yml:26:23: error: lessons[1].body: "
        "media file 'media/hilang.png' does not exist"
    )


def test_a_media_folder_that_is_a_link_out_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(media(project))
    outside = project.parent / "di-luar"
    outside.mkdir()
    (outside / "koin.svg").write_bytes(SVG)
    media(project).symlink_to(outside)
    lesson_body(project, "'![x](media/koin.svg)'")
    assert main(["validate"]) == 1
    assert "'media/koin.svg' is a link that leads outside" in capsys.readouterr().out
