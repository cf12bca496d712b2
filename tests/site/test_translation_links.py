"""Links between a curriculum and its translation on curriculum, module and lesson pages."""

from __future__ import annotations

from pathlib import Path

from generator.content.check import read_project
from generator.site.plan import Options, plan_site
from generator.site.render import environment, render_pages

from support.helpers import ROOT

CONTENT = ROOT / "content"
PAIR = [CONTENT / "community-participation", CONTENT / "partisipasi-masyarakat"]


def _pages(folders: list[Path]) -> dict[str, str]:
    project = read_project(folders)
    return render_pages(plan_site(project.curricula).pages, environment(), ROOT)


def _link(text: str) -> str:
    lines = [line for line in text.splitlines() if "berdaya-translation" in line]
    assert len(lines) <= 1
    return lines[0] if lines else ""


def test_the_pair_links_its_curriculum_module_and_lesson_pages() -> None:
    pages = _pages(PAIR)
    assert _link(pages["community-participation/index.md"]) == (
        '<p class="berdaya-translation" markdown>:material-translate: '
        "[Read in Bahasa Indonesia](../partisipasi-masyarakat/index.md)"
        '{ hreflang="id" }</p>'
    )
    assert _link(pages["partisipasi-masyarakat/memimpin-rapat-warga/index.md"]) == (
        '<p class="berdaya-translation" markdown>:material-translate: '
        "[Baca dalam bahasa Inggris](../../community-participation/running-community-meetings/"
        'index.md){ hreflang="en" }</p>'
    )
    lesson = pages["community-participation/participatory-planning/proposing-activities.md"]
    assert "(../../partisipasi-masyarakat/perencanaan-partisipatif/mengusulkan-kegiatan.md)" in (
        _link(lesson)
    )


def test_other_pages_and_other_curricula_have_no_link() -> None:
    pages = _pages([*PAIR, CONTENT / "kerajinan-tangan"])
    assert _link(pages["community-participation/glossary.md"]) == ""
    assert _link(pages["partisipasi-masyarakat/memimpin-rapat-warga/kuis.md"]) == ""
    assert _link(pages["kerajinan-tangan/index.md"]) == ""


def test_a_translation_built_without_its_original_has_no_link() -> None:
    pages = _pages([CONTENT / "community-participation"])
    assert _link(pages["community-participation/index.md"]) == ""
    assert _link(pages["community-participation/participatory-planning/index.md"]) == ""


def test_files_of_one_curriculum_plan_no_links() -> None:
    """The single-file export holds one curriculum: its translation is not beside it."""
    project = read_project(PAIR)
    plan = plan_site(project.curricula, Options(translation_links=False))
    pages = render_pages(plan.pages, environment(), ROOT)
    assert _link(pages["community-participation/index.md"]) == ""
    assert _link(pages["partisipasi-masyarakat/memimpin-rapat-warga/index.md"]) == ""
