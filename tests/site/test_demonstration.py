"""Where a skill demonstration shows: the module or curriculum page, the guide, the printed guide.

Renders the guide fixtures' pages to Markdown (no build): ``usaha-warung``
has a demonstration with a scale on its module ``jual``, ``shop-basics`` one
with yes/no checks in ``curriculum.yml``. Learners see the task and the
criteria with their levels, never what the trainer observes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.agenda import agenda
from generator.content.check import read_project
from generator.content.project import CurriculumSource, find_curricula
from generator.site.demonstration import curriculum_view, demonstrations, module_view
from generator.site.guide import materials
from generator.site.plan import Options, plan_site
from generator.site.render import environment, render_pages
from tests.conftest import FIXTURES

GUIDE = FIXTURES / "guide"
OBSERVE = "Menyapa lebih dulu, dalam beberapa detik, sambil tersenyum."


@pytest.fixture(scope="module")
def curricula() -> list[CurriculumSource]:
    return read_project(find_curricula([GUIDE])).curricula


def pages(curricula: list[CurriculumSource], *, trainer: bool) -> dict[str, str]:
    plan = plan_site(curricula, Options(include_guides=trainer))
    return render_pages(plan.pages, environment(), Path())


@pytest.fixture(scope="module")
def learner(curricula: list[CurriculumSource]) -> dict[str, str]:
    return pages(curricula, trainer=False)


@pytest.fixture(scope="module")
def trainer(curricula: list[CurriculumSource]) -> dict[str, str]:
    return pages(curricula, trainer=True)


def section(page: str, heading: str) -> str:
    """The text from ``heading`` to the next heading of the same level."""
    start = page.index(heading)
    level = heading.split(" ", maxsplit=1)[0]
    end = page.find(f"\n{level} ", start + len(heading))
    return page[start : end if end != -1 else len(page)]


def test_the_learner_sees_the_task_criteria_and_levels_but_not_the_notes(
    learner: dict[str, str],
) -> None:
    text = section(learner["usaha-warung/jual/index.md"], "## Unjuk keterampilan")
    assert "## Unjuk keterampilan — melayani pembeli { #rubrik }" in text
    assert "Layani satu pembeli, diperankan oleh pelatih, dari **menyapa** sampai" in text
    assert (
        "**Waktu:** 10 menit · **Dalam kegiatan:** [Main peran melayani pembeli](#main-peran)"
        in text
    )
    assert "1. **Menyapa pembeli** · *kritis*" in text
    assert "    - *cukup:* Menyapa setelah pembeli bicara." in text
    assert "4. **Menutup dengan terima kasih**" in text
    assert (
        "**Syarat lulus:** Peserta lulus bila semua kriteria kritis (2) dan sekurang-kurangnya "
        "1 dari 2 kriteria lainnya terpenuhi." in text
    )
    assert "Yang diamati" not in text
    assert OBSERVE not in learner["usaha-warung/jual/index.md"]


def test_the_trainer_module_page_adds_what_to_observe(trainer: dict[str, str]) -> None:
    text = section(trainer["usaha-warung/jual/index.md"], "## Unjuk keterampilan")
    assert f"    *Yang diamati:* {OBSERVE}" in text
    assert "Setiap peserta mengerjakan tugas ini; amati dan nilai" in text


def test_the_section_comes_after_the_activities_and_before_the_quiz(
    learner: dict[str, str],
) -> None:
    page = learner["usaha-warung/jual/index.md"]
    assert page.index("## Kegiatan") < page.index("## Unjuk keterampilan") < page.index("## Kuis")


def test_a_curriculum_demonstration_is_on_the_curriculum_page(learner: dict[str, str]) -> None:
    text = section(learner["shop-basics/index.md"], "## Skill demonstration")
    assert (
        "**Time:** 5 min · **In the activity:** [Price a cup of tea](pricing/index.md#price-tea)"
        in text
    )
    assert "1. **Adds up the cost** · *critical*" in text
    assert "A criterion is met when ticked “yes”." in text
    assert "Every cost of the product is counted once." not in text


def test_the_guide_has_the_rubric_as_a_table(trainer: dict[str, str]) -> None:
    text = section(trainer["usaha-warung/panduan.md"], "## Rubrik unjuk keterampilan")
    assert "### Unjuk keterampilan — melayani pembeli · Melayani Pembeli" in text
    assert "[Main peran melayani pembeli](jual/index.md#main-peran)" in text
    assert "| No. | Kriteria | belum | cukup | baik |" in text
    assert (
        f"| 1 | **Menyapa pembeli** · *kritis*<br>{OBSERVE} | Tidak menyapa. | "
        "Menyapa setelah pembeli bicara. | Menyapa lebih dulu dengan ramah. |" in text
    )
    assert "| 4 | **Menutup dengan terima kasih** |  |  |  |" in text


def test_yes_no_checks_are_a_table_of_what_to_observe(trainer: dict[str, str]) -> None:
    text = section(trainer["shop-basics/guide.md"], "## Skill demonstration rubrics")
    assert "### Skill demonstration\n" in text
    assert "| No. | Criterion | What to observe |" in text
    assert (
        "| 1 | **Adds up the cost** · *critical* | Every cost of the product is counted once. |"
        in text
    )
    assert "| 2 | **Adds a margin** |  |" in text


def test_the_printed_guide_links_to_the_activity_on_the_same_page(trainer: dict[str, str]) -> None:
    text = section(trainer["usaha-warung/panduan-cetak.md"], "## Rubrik unjuk keterampilan")
    assert "[Main peran melayani pembeli](#jual-main-peran)" in text
    assert "| No. | Kriteria | belum | cukup | baik |" in text


def test_learner_builds_have_no_guide_rubric(learner: dict[str, str]) -> None:
    assert not any("Rubrik unjuk keterampilan" in text for text in learner.values())


def test_views_in_content_order(curricula: list[CurriculumSource]) -> None:
    warung, shop = (
        next(c for c in curricula if c.id == name) for name in ("usaha-warung", "shop-basics")
    )
    assert [v.module_id for v in demonstrations(warung, "id", "guide")] == ["jual"]
    view = module_view(warung, "jual", "id", "module")
    assert view.scale == ["belum", "cukup", "baik"]
    assert [r.critical for r in view.rows] == [True, True, False, False]
    assert view.rows[0].objective == "Melayani pembeli dengan ramah."
    assert [level.description for level in view.rows[3].levels] == [None, None, None]
    shop_view = curriculum_view(shop, "en", "curriculum")
    assert shop_view.module_id is None
    assert shop_view.rows[0].objective == "Set a selling price from the cost and a margin."
    with pytest.raises(ValueError, match="module 'modal' has no demonstration"):
        module_view(warung, "modal", "id", "module")


def test_its_materials_are_in_the_checklist_under_its_activity(
    curricula: list[CurriculumSource],
) -> None:
    warung = next(c for c in curricula if c.id == "usaha-warung")
    items = {m.item: m for m in materials(warung, agenda(warung))}
    places = items["Uang mainan"].places
    assert [(p.module_id, p.activity_id) for p in places] == [("jual", "main-peran")]
