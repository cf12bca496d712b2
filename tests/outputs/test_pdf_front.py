"""The front of a PDF: the contents' entries and ids, the cover, its HTML (no WeasyPrint)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.content.check import read_project
from generator.content.project import CurriculumSource, find_curricula
from generator.outputs.pdf_front import TocEntry, contents, cover, front_html

GUIDE = Path(__file__).resolve().parents[1] / "fixtures" / "guide"


@pytest.fixture(scope="module")
def curricula() -> dict[str, CurriculumSource]:
    project = read_project(find_curricula([GUIDE]))
    return {c.id: c for c in project.curricula}


def test_contents_lists_h2_and_h3_and_gives_ids_to_those_without() -> None:
    body = (
        '<h1 id="top">Title</h1>\n'
        '<h2 id="jadwal">Jadwal<a class="headerlink" href="#jadwal" title="Permanent link">'
        "&para;</a></h2>\n"
        "<h3>Hari 1 &mdash; <em>Modal</em> &amp; harga</h3>\n"
        "<h4>Not listed</h4>\n"
        '<h3 class="x">Hari 2</h3>'
    )
    changed, entries = contents(body)
    assert entries == [
        TocEntry(2, "jadwal", "Jadwal"),
        TocEntry(3, "berdaya-toc-2", "Hari 1 — Modal & harga"),
        TocEntry(3, "berdaya-toc-3", "Hari 2"),
    ]
    assert '<h3 id="berdaya-toc-2">Hari 1 &mdash; <em>Modal</em> &amp; harga</h3>' in changed
    assert '<h3 class="x" id="berdaya-toc-3">Hari 2</h3>' in changed
    assert '<h1 id="top">Title</h1>' in changed
    assert "<h4>Not listed</h4>" in changed


def test_the_cover_names_kind_organisation_and_length(
    curricula: dict[str, CurriculumSource],
) -> None:
    warung = cover(curricula["usaha-warung"], "trainer", "Yayasan Desa")
    assert warung.title == "Usaha Warung"
    assert warung.kind == "Panduan pelatih"
    assert warung.organisation == "Yayasan Desa"
    assert warung.facts == [("Lama pelatihan", "2 hari, 7 jam 5 menit pelatihan")]
    shop = cover(curricula["shop-basics"], "learner", "")
    assert shop.kind == "Learner book"
    assert shop.organisation is None
    assert shop.facts == [("Length", "1 day, 55 min training")]  # 15 + 30 + 10, tea not counted
    versioned = replace(
        curricula["usaha-warung"],
        model=curricula["usaha-warung"].model.model_copy(update={"version": "2.1", "guide": None}),
    )
    assert cover(versioned, "learner", None).facts == [
        ("Versi", "2.1"),
        ("Lama", "5 jam 15 menit"),  # the modules: 60 + 105 + 60 + 90 minutes, without an agenda
    ]


def test_front_html_escapes_text(curricula: dict[str, CurriculumSource]) -> None:
    entries = [TocEntry(2, 'a"b', "<Harga> & jual")]
    html = front_html(curricula["usaha-warung"], "trainer", "<b>Org</b>", entries)
    assert '<p class="berdaya-cover__organisation">&lt;b&gt;Org&lt;/b&gt;</p>' in html
    assert '<a href="#a&#34;b">&lt;Harga&gt; &amp; jual</a>' in html
    assert '<p class="berdaya-toc__title">Daftar isi</p>' in html
