"""``berdaya pdf``: real PDFs from the guide fixtures, read back with pdftotext and pdfinfo."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from support.helpers import edit, guide_project

from generator.cli import main


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return guide_project(tmp_path_factory.mktemp("pdf"))


def test_missing_weasyprint_is_one_line_and_exit_1(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    assert main(["pdf", "usaha-warung"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "berdaya pdf: error: WeasyPrint is not installed: in a checkout run "
        ".venv/bin/pip install -e '.[pdf]' (make site does it), otherwise "
        "pip install 'berdaya[pdf]'\n"
    )


def test_unknown_curriculum(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["pdf", "nope"]) == 2
    assert capsys.readouterr().err == (
        "berdaya pdf: error: no curriculum 'nope' in content/ (known: shop-basics, usaha-warung)\n"
    )


def test_content_errors_stop_the_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    guide_project(tmp_path)
    edit(
        tmp_path / "content" / "usaha-warung" / "curriculum.yml", 'start: "12:00"', 'start: "11:00"'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["pdf", "usaha-warung"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "content/usaha-warung/curriculum.yml:39:18: error: guide.days[0].sessions[4].start: "
    )
    assert not list(tmp_path.glob("*.pdf"))
