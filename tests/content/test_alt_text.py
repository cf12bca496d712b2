"""Pictures need alt text: an image without it is an error at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.media import lesson_body, media_project

from generator.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return media_project(tmp_path, monkeypatch)


NO_ALT = (
    "the picture 'media/koin.svg' has no alt text; write what it shows in ![...] or alt=\"...\""
)
WHERE = "content/contoh/modules/harga.yml"


def errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    err = capsys.readouterr()
    return [line for line in (err.out + err.err).splitlines() if ": error: " in line]


def test_a_markdown_image_without_alt_text_is_an_error_at_its_place(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lesson_body(project, '|\n      Baris satu.\n\n      ![](media/koin.svg "Koin")')
    for command in (["validate"], ["build"]):
        assert main(command) == 1, command
        assert errors(capsys) == [f"{WHERE}:26:7: error: lessons[1].body: {NO_ALT}"]
    assert not (project / "site").exists()


def test_alt_text_of_spaces_only_is_no_alt_text(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lesson_body(project, "'Lihat ![  ](<media/koin.svg>).'")
    assert main(["validate"]) == 1
    assert errors(capsys) == [f"{WHERE}:23:18: error: lessons[1].body: {NO_ALT}"]


def test_an_html_image_of_a_media_file_needs_an_alt_attribute(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = '|\n      <img src="media/koin.svg">\n\n      <img alt="" src="media/koin.svg">'
    lesson_body(project, body)
    assert main(["validate"]) == 1
    assert errors(capsys) == [
        f"{WHERE}:24:7: error: lessons[1].body: {NO_ALT}",
        f"{WHERE}:26:7: error: lessons[1].body: {NO_ALT}",
    ]


def test_pictures_with_alt_text_pass(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lesson_body(
        project,
        '|\n      ![Koin seratus rupiah](media/koin.svg "Koin")\n\n'
        '      <img alt="Koin" src="media/koin.svg">',
    )
    assert main(["validate", "--strict"]) == 0
    assert errors(capsys) == []
