"""``berdaya diff`` and ``berdaya new --from``: overlays on the command line.

The diff of the repository's example overlay (examples/organisasi) is asserted
line by line: it is what a programme manager reads.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.helpers import run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "organisasi"
CONTENT = ROOT / "content"

EXAMPLE_DIFF = (
    (ROOT / "tests" / "fixtures" / "overlay" / "example-diff.txt")
    .read_text(encoding="utf-8")
    .splitlines()
)
"""What `berdaya diff usaha-kecil-lombok-timur` prints, line by line."""


def test_diff_of_the_example_lists_every_change(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(EXAMPLE)  # its mkdocs.yml names the library folder ../../content
    code, lines = run(["diff", "usaha-kecil-lombok-timur"], capsys)
    assert code == 0
    assert lines == EXAMPLE_DIFF


def test_diff_with_the_library_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(EXAMPLE / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml here
    code, lines = run(["diff", "usaha-kecil-lombok-timur", "--library", str(CONTENT)], capsys)
    assert (code, lines) == (0, EXAMPLE_DIFF)
    code, lines = run(["diff", "usaha-kecil-lombok-timur"], capsys)
    assert code == 1
    assert lines == [
        (
            "content/usaha-kecil-lombok-timur/curriculum.yml:7:15: error: extends: no curriculum "
            "'manajemen-usaha-kecil' in the content folder"
        )
    ]


def test_diff_of_a_curriculum_that_extends_none(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    code, lines = run(["diff", "manajemen-usaha-kecil"], capsys)
    assert (code, lines) == (
        2,
        [
            (
                "berdaya diff: error: 'manajemen-usaha-kecil' extends no curriculum: it "
                "has no 'extends:'"
            )
        ],
    )
    code, lines = run(["diff", "nothing-here"], capsys)
    assert code == 2
    assert lines[0].startswith("berdaya diff: error: no curriculum 'nothing-here' in content/")


def test_validate_finds_bases_through_library(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(EXAMPLE)
    assert run(["validate", "--strict"], capsys) == (0, ["ok: 1 curricula, 6 modules"])
    code, lines = run(["validate", "--strict", "--library", str(EXAMPLE / "content")], capsys)
    assert code == 1
    assert lines == [
        (
            "content/usaha-kecil-lombok-timur/curriculum.yml:7:15: error: extends: no curriculum "
            "'manajemen-usaha-kecil' in the content folder, content/"
        )
    ]


def test_new_from_a_base_scaffolds_an_overlay_that_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    library = ["--library", str(CONTENT)]
    code, lines = run(["new", "usaha-desa", "--from", "manajemen-usaha-kecil", *library], capsys)
    assert code == 0
    assert lines == [
        (
            "created content/usaha-desa/ — an overlay of manajemen-usaha-kecil; write your changes "
            "in content/usaha-desa/curriculum.yml, then run 'berdaya diff usaha-desa'"
        )
    ]
    text = (tmp_path / "content" / "usaha-desa" / "curriculum.yml").read_text(encoding="utf-8")
    assert 'extends:\n  curriculum: manajemen-usaha-kecil\n  version: "1.0"' in text
    for example in (
        "#     - id: sumber-ide",
        "#       - id: gabungan-ide",
        '#   - term: "Arus kas"',
    ):
        assert example in text
    assert run(["validate", "content", "--strict", *library], capsys) == (
        0,
        ["ok: 1 curricula, 6 modules"],
    )
    code, lines = run(["diff", "usaha-desa", *library], capsys)
    assert (code, lines) == (0, ["usaha-desa: 0 changes to manajemen-usaha-kecil (version 1.0)"])


def test_the_scaffolds_examples_work_when_uncommented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The commented module file of the scaffold, uncommented, is a working change."""
    monkeypatch.chdir(tmp_path)
    library = ["--library", str(CONTENT)]
    run(
        ["new", "usaha-desa", "--from", "manajemen-usaha-kecil", "--title", "Usaha Desa", *library],
        capsys,
    )
    folder = tmp_path / "content" / "usaha-desa"
    text = folder.joinpath("curriculum.yml").read_text(encoding="utf-8")
    module = text.split("misalnya modules/ide-usaha.yml:\n", 1)[1]
    folder.joinpath("modules", "ide-usaha.yml").write_text(
        "\n".join(line[2:] for line in module.splitlines()) + "\n", encoding="utf-8"
    )
    code, lines = run(["diff", "usaha-desa", *library], capsys)
    assert code == 0
    assert lines == [
        "usaha-desa: 4 changes to manajemen-usaha-kecil (version 1.0)",
        "curriculum.yml",
        "  changed  title: 'Manajemen Usaha Kecil' -> 'Usaha Desa'",
        "modules/ide-usaha.yml",
        (
            "  changed  lessons[id=sumber-ide].title: 'Dari mana ide usaha datang' -> "
            "'Judul baru pelajaran ini'"
        ),
        "  added    lessons[id=pelajaran-baru]: 'Contoh dari daerah kami', after id=sumber-ide",
        (
            "  changed  quiz.questions[id=cara-uji-ide].prompt: 'Bu Ratna punya ide "
            "membuat keripik "
            "pisan...' -> 'Pertanyaan dengan contoh setempat.'"
        ),
    ]
    assert run(["validate", "content", *library], capsys)[0] == 0


def test_new_from_an_unknown_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, lines = run(["new", "x", "--from", "tidak-ada"], capsys)
    assert (code, lines) == (
        2,
        ["berdaya new: error: no curriculum 'tidak-ada' in content/ (known: none)"],
    )
