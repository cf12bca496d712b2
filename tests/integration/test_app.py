"""The offline app in real builds: manifest, worker, each curriculum's list; off where asked.

``mkdocs build --strict`` of the mini curriculum ``contoh`` (Indonesian, with a
guide and a glossary) and the guide fixtures ``usaha-warung`` and
``shop-basics`` (English). The browser half is ``tests/browser/test_app_browser.py``.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from support.helpers import CONTOH, GUIDE, build, make_project

from generator.outputs.app import BUNDLE, MANIFEST, WORKER
from generator.outputs.export import ExportRequest, export
from generator.outputs.single import export_html

CURRICULA = ("contoh", "shop-basics", "usaha-warung")
TRAINER = re.compile(r"^[a-z-]+/(panduan|guide)")
APP_FILES = (MANIFEST, WORKER, "assets/berdaya/berdaya-app.js", "assets/berdaya/app/icon-192.png")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("app") / "project"
    return make_project(folder, CONTOH, GUIDE / "shop-basics", GUIDE / "usaha-warung")


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return build(project)


def bundle(site: Path, curriculum: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((site / curriculum / BUNDLE).read_text(encoding="utf-8"))
    return data


def urls(site: Path, curriculum: str) -> list[str]:
    listed = bundle(site, curriculum)["urls"]
    assert isinstance(listed, list)
    return listed


def pages(site: Path, curriculum: str) -> set[str]:
    return {
        p.parent.relative_to(site).as_posix() + "/" for p in (site / curriculum).rglob("index.html")
    }


def test_the_manifest_and_worker_are_written(site: Path) -> None:
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["lang"], manifest["theme_color"]) == (
        "Berdaya",
        "id",
        "#1b5e20",
    )
    for icon in manifest["icons"]:
        assert (site / icon["src"]).is_file()
    worker = (site / WORKER).read_text(encoding="utf-8")
    versions = json.loads(re.search(r"var VERSIONS = (\{.*\});", worker).group(1))  # type: ignore[union-attr]
    assert sorted(versions) == list(CURRICULA)
    for curriculum in CURRICULA:
        assert versions[curriculum] == bundle(site, curriculum)["version"]


def test_every_page_links_the_manifest_and_names_its_curriculum(site: Path) -> None:
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        depth = len(page.relative_to(site).parts) - 1
        root = "../" * depth or "./"
        assert f'<link rel="manifest" href="{root}manifest.webmanifest">' in html, page
        assert '<meta name="theme-color" content="#1b5e20">' in html, page
        assert "assets/berdaya/berdaya-app.js" in html, page
        curriculum = page.relative_to(site).parts[0] if depth else ""
        meta = re.search(r'<meta name="berdaya-app" content="([^"]*)"([^>]*)>', html)
        assert meta is not None, page
        assert meta.group(1) == root
        assert (f'data-curriculum="{curriculum}"' in meta.group(2)) == bool(curriculum), page
        assert ("data-home" in meta.group(2)) == (depth == 1), page  # the curriculum's own page
    english = (site / "shop-basics" / "index.html").read_text(encoding="utf-8")
    assert 'data-ready="Available offline on this device"' in english
    indonesian = (site / "contoh" / "index.html").read_text(encoding="utf-8")
    assert 'data-ready="Tersedia tanpa internet di perangkat ini"' in indonesian


@pytest.mark.parametrize("curriculum", CURRICULA)
def test_a_curriculum_keeps_its_learner_pages_only(site: Path, curriculum: str) -> None:
    listed = urls(site, curriculum)
    learner = {page for page in pages(site, curriculum) if not TRAINER.match(page)}
    assert {url for url in listed if url.endswith("/") and url != "./"} == learner
    assert "./" in listed  # the home page, where the installed app starts
    assert [url for url in listed if TRAINER.match(url)] == []
    others = tuple(f"{other}/" for other in CURRICULA if other != curriculum)
    assert [url for url in listed if url.startswith(others)] == []
    assert {"search/search_index.json", MANIFEST, "assets/berdaya/berdaya-quiz.js"} <= set(listed)
    for url in listed:
        assert (site / (url + "index.html" if url.endswith("/") else url)).is_file(), url
    size = sum(
        (site / (url + "index.html" if url.endswith("/") else url)).stat().st_size for url in listed
    )
    assert bundle(site, curriculum)["size"] == size


def test_the_mini_curriculum_keeps_its_quizzes_tests_glossary_and_book(site: Path) -> None:
    listed = urls(site, "contoh")
    for page in (
        "contoh/harga/kuis/",
        "contoh/tes-awal/",
        "contoh/tes-akhir/",
        "contoh/glosarium/",
        "contoh/buku-peserta/",
        "contoh/harga/hpp/",
    ):
        assert page in listed
    assert (site / "contoh" / "panduan" / "index.html").is_file()  # built, but not kept


def test_a_changed_site_changes_the_versions_and_the_worker(project: Path, site: Path) -> None:
    """A changed lesson changes its curriculum's pages and the site's search index.

    Every curriculum keeps the search index of the whole site, so every version
    changes: each learner's copy gets the new index.
    """
    before = {c: bundle(site, c)["version"] for c in CURRICULA}
    worker = (site / WORKER).read_bytes()
    same = build(project)
    assert {c: bundle(same, c)["version"] for c in CURRICULA} == before
    assert (same / WORKER).read_bytes() == worker
    lesson = project / "content" / "contoh" / "modules" / "harga.yml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("title: Harga Jual", "title: Harga Jual Baru", 1), "utf-8")
    try:
        again = build(project)
        after = {c: bundle(again, c)["version"] for c in CURRICULA}
        assert [c for c in CURRICULA if after[c] == before[c]] == []
        assert (again / WORKER).read_bytes() != worker
    finally:
        lesson.write_text(text, encoding="utf-8")


def test_offline_app_false_writes_no_app(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", CONTOH)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "      content_dir: content\n", "      content_dir: content\n      offline_app: false\n"
        ),
        encoding="utf-8",
    )
    site = build(project)
    for name in (*APP_FILES, f"contoh/{BUNDLE}", "assets/berdaya/berdaya-app.css"):
        assert not (site / name).exists(), name
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "manifest" not in html
        assert "berdaya-app" not in html
        assert "berdaya-sw" not in html


def test_the_exports_carry_no_app(project: Path) -> None:
    report = export(ExportRequest(project / "mkdocs.yml", ("contoh",), output=project / "o.zip"))
    with zipfile.ZipFile(report.path) as archive:
        names = archive.namelist()
        texts = [archive.read(n).decode("utf-8") for n in names if n.endswith(".html")]
    assert [
        n
        for n in names
        if "berdaya-app" in n or "berdaya-sw" in n or n.endswith((MANIFEST, BUNDLE))
    ] == []
    assert [n for n in names if "/assets/berdaya/app/" in n] == []
    for html in texts:
        assert 'rel="manifest"' not in html
        assert "berdaya-app" not in html
    single = export_html(
        ExportRequest(project / "mkdocs.yml", ("contoh",), output=project / "single")
    )
    html = single.files[0].path.read_text(encoding="utf-8")
    assert "berdaya-sw" not in html
    assert 'rel="manifest"' not in html
    assert "berdaya-app" not in html
