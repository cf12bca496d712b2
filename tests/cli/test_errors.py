"""One truth for validity: what build refuses, validate reports first; mistakes are one line.

Each bad input asserts its diagnostic (file, line, column, message), the exit
code, and that no traceback was printed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.helpers import edit, project_here, run


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return project_here(tmp_path, monkeypatch)


CURRICULUM = "content/contoh/curriculum.yml"
HARGA = "content/contoh/modules/harga.yml"
LONG = "a" * 258


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            (CURRICULUM, "title: Contoh Kurikulum", 'title: "Contoh \\ud800 Kurikulum"'),
            (
                f"{CURRICULUM}:2:8: error: a lone surrogate (U+D800) cannot be written to any "
                "file; remove its escape"
            ),
        ),
        (
            (HARGA, "  - id: hpp\n", f"  - id: {LONG}\n"),
            f"{HARGA}:9:9: error: lessons[0].id: an id has at most 64 characters; this one has 258",
        ),
        (
            (HARGA, "  - id: harga-jual\n", "  - id: index\n"),
            (
                f"{HARGA}:21:9: error: lessons[1].id: 'index' is the address of a generated page; "
                "rename the lesson"
            ),
        ),
        (
            (CURRICULUM, "  - catatan\n", "  - catatan\n  - media\n"),
            (
                f"{CURRICULUM}:17:5: error: modules[2]: 'media' is the address of a generated "
                "page; rename it"
            ),
        ),
    ],
)
def test_validate_reports_what_build_would_refuse(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    change: tuple[str, str, str],
    expected: str,
) -> None:
    file, old, new = change
    edit(project / file, old, new)
    if "media" in new:
        shutil.copy(project / HARGA, project / "content/contoh/modules/media.yml")
    for command in (["validate"], ["build"], ["export", "--format", "html"]):
        code, lines = run(command, capsys)
        assert code == 1, command
        assert expected in lines, (command, lines)
    assert not (project / "site").exists()
    assert not (project / "dist").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "c" * 70,
            (
                f"content/{'c' * 70}/curriculum.yml:1:1: error: folder name '{'c' * 40}…' is "
                "not a valid id"
            ),
        ),
        (
            "assets",
            (
                "content/assets/curriculum.yml:1:1: error: folder name 'assets' is a folder of "
                "the site itself; rename the folder"
            ),
        ),
    ],
)
def test_a_curriculum_folder_name_that_cannot_be_a_site_folder(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    (project / "content" / "contoh").rename(project / "content" / name)
    code, lines = run(["validate"], capsys)
    assert code == 1
    assert lines[0].startswith(expected), lines


def test_a_module_file_name_too_long(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    modules = project / "content" / "contoh" / "modules"
    shutil.copy(modules / "harga.yml", modules / f"{'b' * 70}.yml")
    code, lines = run(["validate"], capsys)
    assert code == 1
    assert lines[0].startswith(f"content/contoh/modules/{'b' * 70}.yml:1:1: error: file name ")
    assert "at most 64 characters" in lines[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["new", "Bad_Id"],
            (
                "berdaya new: error: 'Bad_Id' is not a valid id: use lowercase "
                "letters, digits and hyphens, at most 64 characters"
            ),
        ),
        (
            ["new", "kopi", "--content", "mkdocs.yml"],
            "berdaya new: error: --content mkdocs.yml is a file, not the content folder",
        ),
        (["new", "contoh"], "berdaya new: error: content/contoh exists already; choose another id"),
        (
            ["export", "kebun"],
            "berdaya export: error: no curriculum 'kebun' in content/ (known: contoh)",
        ),
        (["pdf", "kebun"], "berdaya pdf: error: no curriculum 'kebun' in content/ (known: contoh)"),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, lines = run(args, capsys)
    assert (code, lines) == (2, [message])


def test_a_github_annotation_escapes_its_file_and_message() -> None:
    from generator.content.diagnostics import Diagnostic, Position, Severity  # noqa: PLC0415

    odd = Diagnostic(Position(Path("a,b:c%d.yml"), 2, 3), Severity.ERROR, "bad\nkey 50%")
    assert odd.github() == "::error file=a%2Cb%3Ac%25d.yml,line=2,col=3::bad%0Akey 50%25"
    assert odd.format() == "a,b:c%d.yml:2:3: error: bad\\nkey 50%"


def test_a_key_with_a_line_break_is_still_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(project / CURRICULUM, "title: Contoh Kurikulum", '"tit\\nle": x\ntitle: Contoh Kurikulum')
    code, lines = run(["validate"], capsys)
    assert code == 1
    assert lines == [
        f"{CURRICULUM}:2:1: error: unknown key 'tit...' (did you mean 'title'?)",
    ]
