"""Mistakes found only by building: a warning in a build that is not strict, a file that
cannot be written, an address a lesson mentions (no load).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.helpers import edit, project_here, run

from generator.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return project_here(tmp_path, monkeypatch)


CURRICULUM = "content/contoh/curriculum.yml"


HARGA = "content/contoh/modules/harga.yml"


def test_a_file_that_cannot_be_written_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(["export", "-o", "/proc/berdaya/kursus.zip"], capsys)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("berdaya export: error: /proc/berdaya")
    assert lines[0].endswith("(--debug shows more)")
    with pytest.raises(OSError, match="berdaya"):
        main(["--debug", "export", "-o", "/proc/berdaya/kursus.zip"])


def test_a_content_warning_never_fails_a_build_that_is_not_strict(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "strict: true" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    edit(project / HARGA, "minutes: 60\n", "minutes: 75\n")
    warning = (
        f"{HARGA}:4:10: warning: minutes: the module says 75 minutes but its session steps add "
        "up to 60"
    )
    code, lines = run(["validate"], capsys)
    assert code == 0
    assert any(line.startswith(warning) for line in lines), lines
    code, lines = run(["build"], capsys)
    assert code == 0
    assert sum(warning in line for line in lines) == 1, "listed once"
    code, lines = run(["build", "--strict"], capsys)
    assert code == 1
    assert any(line.startswith(warning) for line in lines)


def test_an_address_a_lesson_mentions_is_no_load(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        project / HARGA,
        "    body: Harga jual = HPP + margin.\n",
        "    body: |\n      Lihat https://oss.go.id di rumah.\n\n"
        '      ```html\n      <img src="https://example.org/x.png">\n      ```\n',
    )
    code, lines = run(["export", "-o", "kursus.zip"], capsys)
    assert code == 0, lines
    assert not any("search_index" in line for line in lines)
    assert not any(": error: " in line for line in lines)
