"""Pictures with a caption in real builds: the site, the learner book, the zip, the PDF."""

from __future__ import annotations

import posixpath
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from support.helpers import build, requires_pdf
from support.media import lesson_body, media, media_project

from generator.cli import main
from generator.content.check import check_folders
from generator.outputs.pdf import page_html, read_settings

DRAWING = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60">'
    b'<rect x="4" y="4" width="192" height="52" fill="none" stroke="#333"/>'
    b'<text x="100" y="38" font-family="sans-serif" font-size="20" text-anchor="middle">'
    b"LAPISAN</text></svg>\n"
)
CAPTION = "Susun berlapis, lalu siram."
ALT = "Tumpukan kompos: jerami dan kotoran ternak berlapis"
FIGURE = re.compile(
    r'<figure class="berdaya-figure"><img alt="Tumpukan kompos: jerami dan kotoran ternak '
    r'berlapis" src="([^"]*)media/lapisan\.svg" ?/?><figcaption>Susun berlapis, lalu siram\.'
    r"</figcaption></figure>"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = media_project(tmp_path, monkeypatch)
    (media(root) / "lapisan.svg").write_bytes(DRAWING)
    lesson_body(
        root,
        f'|\n      Lihat gambar.\n\n      ![{ALT}](media/lapisan.svg "{CAPTION}")',
    )
    return root


def test_the_lesson_page_and_the_learner_book_show_the_figure(project: Path) -> None:
    site = build(project)
    lesson = (site / "contoh" / "harga" / "harga-jual" / "index.html").read_text("utf-8")
    found = FIGURE.search(lesson)
    assert found, "no figure on the lesson page"
    assert found.group(1) == "../../"
    books = [
        p for p in (site / "contoh").rglob("index.html") if FIGURE.search(p.read_text("utf-8"))
    ]
    assert len(books) >= 2, books  # the lesson and the printable learner book
    assert (site / "contoh" / "media" / "lapisan.svg").read_bytes() == DRAWING


def test_the_offline_zip_carries_the_figure_and_its_picture(project: Path) -> None:
    assert main(["export", "-o", "offline.zip"]) == 0
    with zipfile.ZipFile(project / "offline.zip") as archive:
        names = archive.namelist()
        lesson = next(n for n in names if n.endswith("contoh/harga/harga-jual.html"))
        found = FIGURE.search(archive.read(lesson).decode("utf-8"))
        assert found
        picture = posixpath.normpath(
            posixpath.join(posixpath.dirname(lesson), f"{found.group(1)}media/lapisan.svg")
        )
        assert archive.read(picture) == DRAWING


def test_the_printable_page_shows_the_figure(project: Path) -> None:
    settings = read_settings(project / "mkdocs.yml")
    checked, _ = check_folders([project / "content" / "contoh"])
    html = page_html(settings, checked.curricula[0], "learner")
    assert FIGURE.search(html)


@requires_pdf
def test_the_pdf_draws_the_picture_and_prints_the_caption(project: Path) -> None:
    assert main(["pdf", "contoh", "--audience", "learner", "-o", "buku.pdf"]) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(project / "buku.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "LAPISAN" in text  # the drawing's own label: WeasyPrint drew the SVG
    assert "Susun berlapis, lalu siram." in text
