"""The printable sheets for real: ``mkdocs build --strict``, ``berdaya pdf`` and the single file.

The site's sheet pages are read back as HTML; the PDF with pdftotext and pdfinfo
(each sheet starts a page, landscape sheets on landscape pages).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from support.helpers import build, guide_project, requires_pdf

from generator.cli import main

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
    '<circle cx="20" cy="20" r="18" fill="green"/></svg>'
)
ORGANISATION = """      sheet_rows: 16
      organisation:
        name: Yayasan <Maju> & Co
        logo: logo.svg
"""
WORKSHEET = """    worksheet:
      title: Lembar <i>uang</i> kembalian
      orientation: landscape
      text: |
        Uang pembeli Rp____ dikurangi harga Rp____ = kembalian Rp____
      table:
        columns: [Harga, Dibayar, Kembalian]
        rows: 4
        prefilled:
          - [Rp7.000, Rp10.000]
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = guide_project(tmp_path_factory.mktemp("sheets"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "      content_dir: content\n", "      content_dir: content\n" + ORGANISATION
    )
    config.write_text(text, encoding="utf-8")
    (root / "logo.svg").write_text(LOGO, encoding="utf-8")
    module = root / "content" / "usaha-warung" / "modules" / "jual.yml"
    lines = module.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("    objectives:"))
    lines[at + 1 : at + 1] = WORKSHEET.rstrip("\n").split("\n")
    module.write_text("\n".join(lines), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return build(project)


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr><td class="berdaya-col-no">(\d+)</td>', html)


def test_sheet_pages_in_the_built_site(site: Path) -> None:
    sheets = site / "usaha-warung" / "panduan" / "lembar"
    index = (sheets / "index.html").read_text(encoding="utf-8")
    for link in (
        "daftar-hadir/",
        "daftar-peserta/",
        "nilai-tes/",
        "observasi/",
        "umpan-balik/",
        "sertifikat/",
    ):
        assert f'href="{link}"' in index
    attendance = (sheets / "daftar-hadir" / "index.html").read_text(encoding="utf-8")
    assert attendance.count('class="berdaya-sheet-page') == 2
    assert _rows(attendance) == [str(n) for n in range(1, 17)] * 2
    assert "Kelompok umur" in attendance
    observation = (sheets / "observasi" / "index.html").read_text(encoding="utf-8")
    assert "Peserta lulus bila" in observation
    assert observation.count('class="berdaya-col-criterion"') == 4
    guide = (site / "usaha-warung" / "panduan" / "index.html").read_text(encoding="utf-8")
    assert 'href="lembar/"' in guide


def test_certificate_and_worksheet_escaped(site: Path) -> None:
    sheets = site / "usaha-warung" / "panduan" / "lembar"
    certificate = (sheets / "sertifikat" / "index.html").read_text(encoding="utf-8")
    assert '<p class="berdaya-certificate-name">Yayasan &lt;Maju&gt; &amp; Co</p>' in certificate
    logo = re.search(r'<img class="berdaya-certificate-logo" src="([^"]+)"', certificate)
    assert logo
    target = (sheets / "sertifikat" / logo.group(1)).resolve()
    assert target == (sheets / "organisation-logo.svg").resolve()
    assert target.read_text(encoding="utf-8") == LOGO
    worksheet = (sheets / "jual" / "main-peran" / "index.html").read_text(encoding="utf-8")
    assert "Lembar &lt;i&gt;uang&lt;/i&gt; kembalian</h1>" in worksheet
    assert "<tr><td>Rp7.000</td><td>Rp10.000</td><td></td></tr>" in worksheet
    assert worksheet.count('<span class="berdaya-blank"></span>') == 3


def test_a_missing_logo_names_mkdocs_yml(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("logo: logo.svg", "logo: missing.png"), encoding="utf-8")
    monkeypatch.chdir(project)
    try:
        assert main(["build"]) == 2
    finally:
        config.write_text(text, encoding="utf-8")
    assert (
        "mkdocs.yml: organisation.logo: no file missing.png beside mkdocs.yml"
        in capsys.readouterr().err
    )


def _pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def _landscape(pdf: Path) -> list[bool]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.MULTILINE)
    return [float(w) > float(h) for w, h in sizes]


@requires_pdf
def test_every_sheet_starts_a_page_of_the_pdf(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    target = project / "guide.pdf"
    assert main(["pdf", "usaha-warung", "-o", str(target)]) == 0
    pages = _pdf_pages(target)
    landscape = _landscape(target)
    assert len(landscape) == len(pages)
    header = "Panduan pelatih: Usaha Warung "
    starts = {
        "Daftar hadir Hari 1": True,
        "Daftar peserta": True,
        "Nilai tes awal dan tes akhir": False,
        "Lembar observasi: Unjuk keterampilan": True,
        "Lembar <i>uang</i> kembalian": True,
        "Umpan balik peserta": False,
        "Yayasan <Maju> & Co": True,
    }
    assert pages[0].startswith("Yayasan <Maju> & Co PANDUAN PELATIH"), "the cover names it"
    for start, wide in starts.items():
        found = [
            i for i, page in enumerate(pages[1:], 1) if page.removeprefix(header).startswith(start)
        ]
        assert len(found) == 1, start
        assert landscape[found[0]] is wide, start
    certificate = next(p for p in pages if "diberikan kepada" in p)
    assert "Usaha Warung" in certificate
    day_two = [i for i, page in enumerate(pages) if page.startswith(header + "Hari 2 Tanggal:")]
    assert len(day_two) == 1, "the second day's attendance starts its own page"
    assert landscape[day_two[0]]


@requires_pdf
def test_trainer_single_file_has_the_sheets(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    out = project / "single"
    assert (
        main(
            ["export", "usaha-warung", "--format", "html", "--audience", "trainer", "-o", str(out)]
        )
        == 0
    )
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    for key in (
        "/panduan/lembar/",
        "/panduan/lembar/daftar-hadir/",
        "/panduan/lembar/sertifikat/",
        "/panduan/lembar/jual/main-peran/",
    ):
        assert f'id="{key}"' in html, key
    assert re.search(r'<img class="berdaya-certificate-logo" src="data:image/svg\+xml', html)
