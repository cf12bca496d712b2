"""Media in real builds: only referenced files are copied, names with spaces work, and a
PDF reads nothing from outside the content.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support.helpers import FIXTURES, build, make_project, requires_pdf

from generator.cli import main

CONTOH = FIXTURES / "mini" / "contoh"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect/></svg>\n'
BODY = "    body: Harga jual = HPP + margin.\n"
SECRET = "RAHASIA-DI-LUAR-KONTEN"  # noqa: S105 - a file that must not leak, not a password


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with a media folder, a secret file beside the content, the working directory."""
    root = make_project(tmp_path / "proyek", CONTOH)
    media = root / "content" / "contoh" / "media"
    media.mkdir()
    (media / "koin.svg").write_bytes(SVG)
    (media / "tidak-dipakai.svg").write_bytes(SVG)
    (tmp_path / "rahasia.txt").write_text(SECRET)
    monkeypatch.chdir(root)
    return root


def lesson_body(project: Path, body: str) -> None:
    module = project / "content" / "contoh" / "modules" / "harga.yml"
    text = module.read_text(encoding="utf-8")
    assert BODY in text
    module.write_text(text.replace(BODY, f"    body: {body}\n"), encoding="utf-8")


def media(project: Path) -> Path:
    return project / "content" / "contoh" / "media"


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
