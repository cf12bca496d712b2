"""The bundled curricula, built for real with ``mkdocs build --strict``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.helpers import ROOT, build, make_project

from generator.content.check import read_project
from generator.content.project import find_curricula
from generator.i18n import t

CURRICULA = read_project(find_curricula([ROOT / "content"])).curricula


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("bundled"))
    shutil.rmtree(project / "content")
    shutil.copytree(ROOT / "content", project / "content")
    return build(project)


def test_every_curriculum_module_lesson_and_quiz_has_a_page(site: Path) -> None:
    missing = []
    for c in CURRICULA:
        lang = c.language
        pages = [c.id, f"{c.id}/{t('slug.guide', lang)}", f"{c.id}/{t('slug.glossary', lang)}"]
        for m in c.modules:
            pages += [f"{c.id}/{m.id}", f"{c.id}/{m.id}/{t('slug.quiz', lang)}"]
            pages += [f"{c.id}/{m.id}/{lesson.id}" for lesson in m.model.lessons]
        missing += [p for p in pages if not (site / p / "index.html").is_file()]
    assert missing == []


def test_each_lesson_page_shows_its_title_and_links_its_module(site: Path) -> None:
    for c in CURRICULA:
        for m in c.modules:
            for lesson in m.model.lessons:
                html = (site / c.id / m.id / lesson.id / "index.html").read_text(encoding="utf-8")
                assert f"<title>{lesson.title}" in html.replace("&amp;", "&")
                assert 'href="../"' in html, "the lesson links back to its module"


def test_home_lists_every_curriculum(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    for c in CURRICULA:
        assert f'href="{c.id}/"' in home


def test_each_page_and_material_words_follow_the_curriculum_language(site: Path) -> None:
    english = site / "community-participation" / "running-community-meetings" / "index.html"
    html = english.read_text(encoding="utf-8")
    assert '<html lang="en" class="no-js">' in html
    assert 'placeholder="Search"' in html
    assert 'aria-label="Table of contents"' in html
    assert (
        '<a href="../../partisipasi-masyarakat/memimpin-rapat-warga/" hreflang="id">'
        "Read in Bahasa Indonesia</a>"
    ) in html
    indonesian = site / "partisipasi-masyarakat" / "memimpin-rapat-warga" / "index.html"
    html = indonesian.read_text(encoding="utf-8")
    assert '<html lang="id" class="no-js">' in html
    assert 'placeholder="Cari"' in html
    assert 'aria-label="Daftar isi"' in html
    assert (
        '<a href="../../community-participation/running-community-meetings/" hreflang="en">'
        "Baca dalam bahasa Inggris</a>"
    ) in html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id" class="no-js">' in home  # a mixed site: the plugin's language
