"""The curriculum page's two lengths: the modules' material and the training schedule.

``usaha-warung`` plans its modules at 5 h 15 min (60 + 105 + 60 + 90) and
schedules 2 days with 7 h 5 min of sessions; ``shop-basics`` (English) has a
one-day guide; the curricula of ``tests/fixtures/quiz`` have no guide.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.check import read_project
from generator.content.project import find_curricula
from generator.site.guide import schedule_length
from generator.site.plan import plan_site
from generator.site.render import environment, render_pages

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _pages() -> dict[str, str]:
    project = read_project(find_curricula([FIXTURES / "guide"]))
    plan = plan_site(project.curricula)
    pages = [p for p in plan.pages if p.template == "curriculum.md.j2"]
    return render_pages(pages, environment(), FIXTURES)


def test_schedule_length_counts_days_and_sessions_without_breaks() -> None:
    project = read_project(find_curricula([FIXTURES / "guide"]))
    warung, shop = (
        next(c for c in project.curricula if c.id == i) for i in ("usaha-warung", "shop-basics")
    )
    assert schedule_length(warung, "id") == "2 hari, 7 jam 5 menit tanpa istirahat"
    assert schedule_length(warung, "en") == "2 days, 7 h 5 min without breaks"
    assert schedule_length(shop, "en") == "1 day, 55 min without breaks"


def test_no_schedule_without_guide_days() -> None:
    project = read_project(find_curricula([FIXTURES / "quiz"]))
    lengths = {c.id: schedule_length(c, "id") for c in project.curricula}
    assert lengths == {"keamanan": None, "practice": None, "reveal": None}


def test_the_curriculum_page_labels_both_lengths() -> None:
    pages = _pages()
    assert (
        ":material-clock-outline: **Materi modul:** 5 jam 15 menit, 4 modul<br>\n"
        ":material-calendar-clock: **Jadwal pelatihan:** 2 hari, 7 jam 5 menit tanpa istirahat\n"
    ) in pages["usaha-warung/index.md"]
    assert (
        ":material-clock-outline: **Module material:** 30 min, 1 modules<br>\n"
        ":material-calendar-clock: **Training schedule:** 1 day, 55 min without breaks\n"
    ) in pages["shop-basics/index.md"]


def test_without_a_guide_the_page_shows_one_length() -> None:
    project = read_project(find_curricula([FIXTURES / "quiz"]))
    plan = plan_site(project.curricula)
    pages = [p for p in plan.pages if p.template == "curriculum.md.j2"]
    text = render_pages(pages, environment(), FIXTURES)["practice/index.md"]
    assert ":material-clock-outline: **Length:** " in text
    assert "calendar-clock" not in text
