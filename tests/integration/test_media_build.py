"""Media in real builds: only referenced files are copied, names with spaces work, and a
PDF reads nothing from outside the content.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support.helpers import build, requires_pdf
from support.media import SECRET, SVG, lesson_body, media, media_project

from generator.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return media_project(tmp_path, monkeypatch)


def test_only_referenced_media_are_copied_and_links_out_never(project: Path) -> None:
    (media(project) / "keluar.txt").symlink_to(project.parent / "rahasia.txt")
    lesson_body(project, "'![x](media/koin.svg)'")
    site = build(project)
    assert sorted(p.name for p in (site / "contoh" / "media").iterdir()) == ["koin.svg"]
    assert not any(SECRET in p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    "written", ["'![x](<media/foto kebun.svg>)'", "'![x](media/foto%20kebun.svg)'"]
)
def test_names_with_spaces_work_in_both_spellings(project: Path, written: str) -> None:
    (media(project) / "foto kebun.svg").write_bytes(SVG)
    lesson_body(project, written)
    site = build(project)
    assert (site / "contoh" / "media" / "foto kebun.svg").read_bytes() == SVG
    page = (site / "contoh" / "harga" / "harga-jual" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../media/foto%20kebun.svg"' in page


@requires_pdf
@pytest.mark.parametrize("html", ["safe", "trusted"])
def test_a_pdf_embeds_no_file_from_outside(
    project: Path, capsys: pytest.CaptureFixture[str], html: str
) -> None:
    if html == "trusted":
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        trusting = "      content_dir: content\n      trusted_html: true\n"
        config.write_text(text.replace("      content_dir: content\n", trusting), "utf-8")
    secret = (project.parent / "rahasia.txt").as_uri()
    lesson_body(
        project,
        f'\'<a rel="attachment" href="{secret}">a</a> '
        '<a rel="attachment" href="../../mkdocs.yml">b</a> '
        f'<img src="{secret}"> <img src="../../mkdocs.yml"> ![k](media/koin.svg)\'',
    )
    assert main(["pdf", "contoh", "--audience", "learner", "-o", "buku.pdf"]) == 0
    capsys.readouterr()
    listing = subprocess.run(
        ["pdfdetach", "-list", "buku.pdf"], capture_output=True, text=True, check=True
    ).stdout
    assert listing.startswith("0 embedded files"), listing
    data = Path("buku.pdf").read_bytes()
    assert SECRET.encode() not in data
    assert b"site_name" not in data
