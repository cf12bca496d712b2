"""The worked example of an organisation's own site (examples/organisasi), built for real.

Its content/ holds an overlay of the bundled manajemen-usaha-kecil, found through
``library_dirs``; its mkdocs.yml sets the site name, logo, favicon, colours, a
stylesheet and the organisation. The site builds with ``--strict``, its pages show
the overlay's values, the base is unchanged, and the zip and the single file carry
the branding.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from support.helpers import build, tree

from generator.content.check import check
from generator.outputs.export import ExportRequest, export
from generator.outputs.single import export_html

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "organisasi"
OVERLAY = "usaha-kecil-lombok-timur"
ORGANISATION = "Yayasan Usaha Mandiri Lombok Timur (contoh)"
BRAND_COLOUR = "--md-primary-fg-color: #0d47a1;"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's content/ and of the example beside it, as in the repository."""
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(ROOT / "content", root / "content")
    ignore = shutil.ignore_patterns("site", "dist", "*.md")
    shutil.copytree(EXAMPLE, root / "examples" / "organisasi", ignore=ignore)
    return root / "examples" / "organisasi"


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return build(project)


def page(site: Path, path: str) -> str:
    return (site / OVERLAY / path / "index.html").read_text(encoding="utf-8")


def test_the_pages_show_the_overlays_values(site: Path) -> None:
    folder = site / OVERLAY
    modules = sorted(p.name for p in folder.iterdir() if (p / "kuis" / "index.html").is_file())
    assert modules == [
        "arus-kas-dan-modal",
        "belanja-bersama",  # added
        "harga-pokok-dan-harga-jual",
        "ide-usaha",
        "pemasaran",
        "pembukuan-sederhana",
    ]  # legalitas-usaha dropped
    assert not (folder / "legalitas-usaha").exists()
    home = page(site, "")
    assert "<h1" in home
    assert "Manajemen Usaha Kecil — Lombok Timur" in home
    assert "Belanja Bahan Bersama" in home
    ide = sorted(p.name for p in (folder / "ide-usaha").iterdir() if p.is_dir())
    assert "sumber-ide" not in ide  # the removed lesson
    assert "sumber-ide-lombok-timur" in ide
    assert "produksi dodol rumput laut" in page(site, "harga-pokok-dan-harga-jual/kuis")
    assert "rengginang" not in page(site, "harga-pokok-dan-harga-jual/kuis")
    assert "Kabupaten Lombok Timur" in home  # vars: set by the overlay
    assert "{{" not in home
    guide = page(site, "panduan")
    assert "Hari 2: Arus Kas, Belanja Bersama, dan Rencana Usaha" in guide
    assert "Legalitas Usaha" not in guide


def test_the_base_curriculum_is_unchanged(project: Path, site: Path) -> None:
    del site  # built: nothing of the base was written
    content = project.parent.parent / "content"
    assert tree(content) == tree(ROOT / "content")
    _project, diagnostics = check(content, ids=["manajemen-usaha-kecil"])
    assert diagnostics == []
    base = _project.curricula[0]
    assert "legalitas-usaha" in base.model.modules
    assert base.model.title == "Manajemen Usaha Kecil"


def test_the_site_carries_the_branding(site: Path) -> None:
    home = page(site, "")
    assert "<title>" in home
    assert "Yayasan Usaha Mandiri Lombok Timur" in home
    assert re.search(r'<link[^>]+rel="icon"[^>]+href="\.\./images/favicon\.svg"', home)
    assert re.search(r'<img src="\.\./images/logo\.svg"', home)
    assert 'href="../stylesheets/brand.css"' in home
    assert BRAND_COLOUR in (site / "stylesheets" / "brand.css").read_text(encoding="utf-8")
    certificate = page(site, "panduan/lembar/sertifikat")
    assert ORGANISATION in certificate
    assert (site / OVERLAY / "panduan" / "lembar" / "organisation-logo.svg").is_file()
    assert ORGANISATION in page(site, "panduan-cetak")


def test_the_zip_carries_the_branding(project: Path, site: Path) -> None:
    del site
    written = export(ExportRequest(project / "mkdocs.yml", output=project / "dist" / "o.zip"))
    with zipfile.ZipFile(written.path) as archive:  # entries in the folder o/
        names = set(archive.namelist())
        home = archive.read(f"o/{OVERLAY}/index.html").decode("utf-8")
        brand = archive.read("o/stylesheets/brand.css").decode("utf-8")
    assert {"o/images/logo.svg", "o/images/favicon.svg", "o/stylesheets/brand.css"} <= names
    assert BRAND_COLOUR in brand
    assert 'href="../stylesheets/brand.css"' in home
    assert re.search(r'<img src="\.\./images/logo\.svg"', home)
    assert "Yayasan Usaha Mandiri Lombok Timur" in home


def test_the_single_file_carries_the_branding(project: Path, site: Path) -> None:
    del site
    request = ExportRequest(project / "mkdocs.yml", (OVERLAY,), "trainer", project / "dist")
    report = export_html(request)
    html = report.files[0].path.read_text(encoding="utf-8")
    logo = (EXAMPLE / "overrides" / "images" / "logo.svg").read_text(encoding="utf-8")
    assert re.search(r'<img class="b-bar__logo" src="data:image/svg\+xml,[^"]+"', html)
    assert '<link rel="icon" href="data:image/svg+xml,' in html
    assert "Yayasan Usaha Mandiri (contoh)" in logo
    assert BRAND_COLOUR in html
    # the organisation's colours come after ours, so they win
    assert html.index(BRAND_COLOUR) > html.index("--md-primary-fg-color: #1b5e20;")
    assert '<meta name="berdaya-site" content="Yayasan Usaha Mandiri Lombok Timur">' in html
    assert ORGANISATION in html  # the certificate among the trainer's sheets
