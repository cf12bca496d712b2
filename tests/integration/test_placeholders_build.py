"""Placeholders in real outputs: a ``mkdocs build --strict``, a single file and a PDF.

The fixture ``vars/tempat`` has a placeholder in every field that takes one;
here a hostile value is added too, in a text field and in prose.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from support.helpers import FIXTURES, build, edit, make_project, requires_pdf

from generator.cli import main
from generator.outputs.export import ExportRequest
from generator.outputs.single import export_html

TEMPAT = FIXTURES / "vars" / "tempat"
HOSTILE = '<script>alert(1)</script><b onclick="alert(2)">tebal</b>'
_HANDLER = re.compile(r"<[a-z]+[^>]*\sonclick|<script>alert")
_RAW = re.compile(r"\{\{ ?(kabupaten|koperasi|harga_beras_kg|luas_m2|ganas)")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("vars") / "project", TEMPAT)
    content = project / "content" / "tempat"
    edit(
        content / "curriculum.yml",
        "  luas_m2: 1.000\n",
        f"  luas_m2: 1.000\n  ganas: '{HOSTILE}'\n",
    )
    module = content / "modules" / "dasar.yml"
    edit(module, "    group: Kelompok {{ kabupaten }}", "    group: Kelompok {{ ganas }}")
    edit(
        module,
        "{{ harga_beras_kg }}.\n    objectives",
        "{{ harga_beras_kg }}. {{ ganas }}\n    objectives",
    )
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return build(project)


def _page(site: Path, page: str) -> str:
    return (site / "tempat" / page / "index.html").read_text(encoding="utf-8")


def test_the_pages_show_the_values(site: Path) -> None:
    lesson = _page(site, "dasar/harga-beras")
    assert re.search(r"<h1[^>]*>Harga beras di Kabupaten Contoh<", lesson)
    assert "berharga <strong>Rp15.000</strong>" in lesson
    assert "seluas 1.000 m²" in lesson, "a number as written in the YAML file"
    assert "<code>Koperasi Maju Bersama</code>" in lesson, "replaced in a code span"
    assert "tulis {{ nama }} di papan" in lesson, "the escape writes the braces"
    assert "Koperasi Maju Bersama\n</code></pre>" in lesson, "replaced in a code block"
    quiz = _page(site, "dasar/kuis")
    assert "Berapa harga beras di Kabupaten Contoh?" in quiz
    guide = _page(site, "panduan")
    assert "Aula Koperasi Maju Bersama" in guide
    assert "Sambutan ketua Koperasi Maju Bersama." in guide
    home = _page(site, "")
    assert re.search(r"<h1[^>]*>Usaha di Kabupaten Contoh<", home)


def test_no_placeholder_is_left_in_any_page(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not _RAW.search(text), page
        assert not _HANDLER.search(text), page


def test_a_hostile_value_is_escaped_like_its_field(site: Path) -> None:
    module = _page(site, "dasar")
    shown = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;b onclick="alert(2)"&gt;tebal&lt;/b&gt;'
    assert f"<strong>Kelompok:</strong> Kelompok {shown}</p>" in module, "text: shown as written"
    assert "<p>Harga sekitar Rp15.000. <b>tebal</b></p>" in module, "prose: sanitised"


def test_the_single_file_has_the_values(project: Path) -> None:
    request = ExportRequest(project / "mkdocs.yml", ("tempat",), "trainer", project / "out")
    [file] = export_html(request).files
    text = file.path.read_text(encoding="utf-8")
    assert "Harga beras di Kabupaten Contoh" in text
    assert "Aula Koperasi Maju Bersama" in text
    assert not _RAW.search(text)
    assert not _HANDLER.search(text)


@requires_pdf
def test_the_guide_pdf_has_the_values(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    target = project / "tempat.pdf"
    assert main(["pdf", "tempat", "-o", str(target)]) == 0
    words = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Aula Koperasi Maju Bersama" in words
    assert "Kabupaten Contoh" in words
    assert not _RAW.search(words)
