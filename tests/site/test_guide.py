"""The program guide: agenda clock times, session plans, checklist, answer keys and checks.

The two-day fixture ``tests/fixtures/guide/usaha-warung`` is worked out by
hand in its comments below; every check of the schedule has a test that
asserts its exact diagnostic line on a copy with one place edited.
"""

# ruff: noqa: RUF001 - time ranges are written with an en dash, as the pages show them

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.copies import GuideCopy, copy_guides

from generator.content.agenda import agenda, clock
from generator.content.check import read_project
from generator.content.model import OrderQuestion
from generator.content.project import CurriculumSource, find_curricula
from generator.site.generate import generate
from generator.site.book import demote, labelled_order, paper_quiz
from generator.site.guide import (
    Place,
    answer_keys,
    materials,
    program_guide,
    session_plans,
    table_cell,
)
from generator.site.plan import plan_site
from generator.site.render import environment, render_pages

GUIDE = Path(__file__).resolve().parents[1] / "fixtures" / "guide"


def _read(root: Path, curriculum_id: str) -> CurriculumSource:
    project = read_project(find_curricula([root]))
    return next(c for c in project.curricula if c.id == curriculum_id)


@pytest.fixture(scope="module")
def warung() -> CurriculumSource:
    return _read(GUIDE, "usaha-warung")


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GuideCopy:
    return copy_guides(tmp_path, monkeypatch)


# The agenda -----------------------------------------------------------------------------


def test_the_fixtures_have_no_diagnostics(copy: GuideCopy) -> None:
    assert copy.lines() == []


def test_agenda_clock_times_follow_the_minutes(warung: CurriculumSource) -> None:
    days = agenda(warung).days
    assert [(s.time, s.title) for s in days[0].sessions] == [
        ("08:00–08:30", "Pembukaan dan pre-test"),
        ("08:30–09:30", "Modal Warung"),  # steps 10 + 35 + 15
        ("09:30–09:45", "Istirahat teh"),
        ("09:45–11:30", "Harga Jual"),  # steps 20 + 60 + 25
        ("12:00–13:00", "Ishoma"),  # pinned at 12:00
        ("13:00–14:00", "Catatan Kas"),  # steps 10 + 50
        ("14:00–14:15", "Refleksi hari pertama"),
    ]
    assert [s.time for s in days[1].sessions] == [
        "07:30–07:50",
        "07:50–09:20",
        "09:20–09:30",
        "09:30–10:00",
        "10:00–10:15",
    ]


def test_a_pinned_start_after_the_previous_end_leaves_a_gap(warung: CurriculumSource) -> None:
    lunch = agenda(warung).days[0].sessions[4]
    assert lunch.pinned
    assert lunch.gap == 30
    assert lunch.gap_time == "11:30–12:00"


def test_day_and_programme_totals(warung: CurriculumSource) -> None:
    first, second = agenda(warung).days
    assert (first.time, first.training, first.breaks, first.practice) == (
        "08:00–14:15",
        270,
        75,
        185,
    )
    assert (second.time, second.training, second.breaks, second.practice) == (
        "07:30–10:15",
        155,
        10,
        95,
    )
    total = agenda(warung)
    assert (total.training, total.practice, total.practice_share) == (425, 280, 66)


def test_practice_counts_practice_steps_and_practice_sessions(warung: CurriculumSource) -> None:
    first, second = agenda(warung).days
    modal = first.sessions[1]
    assert modal.practice == 50, "the activity step (35) and a step marked practice (15)"
    assert first.sessions[0].practice == 0
    assert second.sessions[0].practice == 20, "a session with practice: true"
    assert first.sessions[2].practice == 0, "breaks are not training"


def test_clock_wraps_past_midnight() -> None:
    assert clock(24 * 60 + 30) == "00:30"


# Session plans, checklist, answer keys --------------------------------------------------


def test_session_plan_steps_show_clock_times_and_name_the_activity(
    warung: CurriculumSource,
) -> None:
    plans = session_plans(warung, agenda(warung))
    assert [p.module_id for p in plans] == ["modal", "harga", "catat", "jual"]
    modal = plans[0]
    # the module's agenda session starts at 08:30 (after a 30-minute opening from 08:00)
    assert [(s.time, s.title, s.activity) for s in modal.steps] == [
        ("08:30–08:40", "Cerita warung Bu Sari", None),
        ("08:40–09:15", "Menghitung modal warung Bu Sari", "hitung-modal"),
        ("09:15–09:30", "Pembahasan", None),
    ]
    assert modal.relative_note is None
    # day 2 starts at 07:30; 'jual' follows a 20-minute review, its steps end with the session
    jual = plans[3]
    assert jual.steps[0].time.startswith("07:50–")
    assert jual.steps[-1].time.endswith("–09:20")
    assert all(plan.relative_note is None for plan in plans)
    assert modal.objectives == ["Menghitung modal awal warung."]
    assert modal.materials == ["Kalkulator", "Kertas plano"]
    assert modal.preparation == ["Tulis daftar belanja Bu Sari di kertas plano"]
    assert [(s.day, s.time) for s in modal.slots] == [(1, "08:30–09:30")]


def test_materials_are_merged_with_where_they_are_needed(warung: CurriculumSource) -> None:
    items = materials(warung, agenda(warung))
    assert [m.item for m in items] == [
        "Kalkulator",
        "Kertas plano",
        "Lembar kerja modal",
        "Contoh produk",
        "Buku tulis",
        "Uang mainan",
    ]
    calculator = items[0]
    assert calculator.places == [
        Place("modal", "Modal Warung", days=(1,)),
        Place("modal", "Modal Warung", "Menghitung modal warung Bu Sari", "hitung-modal", (1,)),
        Place("harga", "Harga Jual", "Menghitung harga jual gula", "hitung-harga", (1,)),
    ]
    assert [p.module_id for p in items[1].places] == ["modal", "catat"], "'Kertas plano.' merged"


def test_answer_keys_give_the_answer_explanation_and_objective(warung: CurriculumSource) -> None:
    keys = {k.module_id: k for k in answer_keys(warung, "id")}
    number = keys["modal"].questions[0]
    assert number.answers == ["Rp 2.500.000"]
    assert number.explanation == "Jumlahkan modal tetap dan modal kerja."
    assert number.objective == "Menghitung modal awal warung."
    assert keys["harga"].questions[0].answers == ["Salah"]
    assert keys["catat"].questions[1].answers == ["kas / buku kas"]
    assert len(keys["jual"].questions[0].answers) == 2


def test_answer_key_letters_are_those_of_the_learner_book(warung: CurriculumSource) -> None:
    module = warung.module("harga")
    assert module is not None
    assert module.model.quiz is not None
    question = module.model.quiz.questions[1]
    assert isinstance(question, OrderQuestion)
    printed = {o.text: o.label for o in labelled_order(question)}
    assert [o.text for o in labelled_order(question)] != question.items, "shown shuffled"
    key = answer_keys(warung, "id")[1].questions[1].answers
    assert key == [f"{printed[item]}. {item}" for item in question.items]
    choices = paper_quiz(module.model.quiz)[1].options
    assert {o.text for o in choices} == set(question.items)


def test_printed_choices_keep_the_written_order_only_when_asked(copy: GuideCopy) -> None:
    quiz = _read(copy.root, "usaha-warung").module("modal")
    assert quiz is not None
    assert quiz.model.quiz is not None
    shuffled = [o.text for o in paper_quiz(quiz.model.quiz)[1].options]
    assert shuffled[0] != "Stok barang dagangan", "the correct choice is not always A"
    copy.edit("modules/modal.yml", "quiz:\n  questions:", "quiz:\n  shuffle: false\n  questions:")
    kept = _read(copy.root, "usaha-warung").module("modal")
    assert kept is not None
    assert kept.model.quiz is not None
    assert next(o.text for o in paper_quiz(kept.model.quiz)[1].options) == "Stok barang dagangan"


def test_english_guide_uses_english_words() -> None:
    shop = _read(GUIDE, "shop-basics")
    guide = program_guide(shop, "en")
    assert [s.time for s in guide.agenda.days[0].sessions] == [
        "09:00–09:15",
        "09:15–09:45",
        "09:45–10:00",
        "10:00–10:10",
    ]
    assert guide.keys[0].questions[0].answers == ["3,000"]


def test_table_cells_keep_list_items_apart() -> None:
    text = "Pre-test:\n- soal 1 | 2\n- soal 3\n\nJangan dibahas."
    assert table_cell(text) == "Pre-test:<br>• soal 1 \\| 2<br>• soal 3<br>Jangan dibahas."
    assert table_cell(None) == ""


def test_demote_shifts_headings_outside_code() -> None:
    text = "### A\n\n```\n# not a heading\n```\n\n#### B"
    assert demote(text, 5) == "##### A\n\n```\n# not a heading\n```\n\n###### B"
    assert demote("no headings", 4) == "no headings"


# Checks -------------------------------------------------------------------------------


def test_objective_no_question_or_activity_assesses(copy: GuideCopy) -> None:
    copy.edit(
        "modules/catat.yml",
        "  catat-kas: Mencatat kas harian.\n",
        "  catat-kas: Mencatat kas harian.\n  hitung-saldo: Menghitung saldo.\n",
    )
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:59:3: warning: tests.pre: no question covers "
            "objective 'hitung-saldo' of module 'catat'"
        ),
        (
            "usaha-warung/modules/catat.yml:7:3: warning: objectives.hitung-saldo: "
            "no question or activity assesses this objective"
        ),
    ]


def test_module_minutes_that_differ_from_the_steps(copy: GuideCopy) -> None:
    copy.edit("modules/harga.yml", "minutes: 105\n", "minutes: 90\n")
    assert copy.lines() == [
        (
            "usaha-warung/modules/harga.yml:4:10: warning: minutes: the module says 90 minutes "
            "but its session steps add up to 105"
        )
    ]


def test_a_day_that_runs_past_midnight(copy: GuideCopy) -> None:
    copy.edit("curriculum.yml", '    - start: "07:30"', '    - start: "22:00"')
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:52:11: error: guide.days[1].sessions[3]: day 2 runs past "
            "midnight: 'Post-test' (00:00, 30 minutes) ends at 00:30 the next day"
        )
    ]


def test_a_pinned_start_before_the_previous_session_ends(copy: GuideCopy) -> None:
    copy.edit("curriculum.yml", 'start: "12:00"', 'start: "11:00"')
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:39:18: error: guide.days[0].sessions[4].start: "
            "11:00 is before the previous session 'Harga Jual' ends (11:30); "
            "the sessions overlap by 30 minutes"
        )
    ]


def test_a_pinned_start_before_the_day_starts(copy: GuideCopy) -> None:
    copy.edit(
        "curriculum.yml",
        "        - title: Kilas balik\n",
        '        - title: Kilas balik\n          start: "07:00"\n',
    )
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:46:18: error: guide.days[1].sessions[0].start: 07:00 is "
            "before the day starts (07:30)"
        )
    ]


def test_a_start_that_is_not_a_clock_time(copy: GuideCopy) -> None:
    copy.edit("curriculum.yml", 'start: "12:00"', "start: 12.00")
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:39:18: error: guide.days[0].sessions[4].start: "
            "expected text, got the number 12.0"
        )
    ]


def test_a_module_scheduled_twice(copy: GuideCopy) -> None:
    copy.edit("curriculum.yml", "        - module: catat\n", "        - module: modal\n")
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:12:5: warning: modules[2]: "
            "module 'catat' is not scheduled in the guide"
        ),
        (
            "usaha-warung/curriculum.yml:40:19: warning: guide.days[0].sessions[5].module: module "
            "'modal' is scheduled twice (first on line 33)"
        ),
    ]


def test_a_module_scheduled_twice_keeps_relative_times_and_says_so(copy: GuideCopy) -> None:
    copy.edit("curriculum.yml", "        - module: catat\n", "        - module: modal\n")
    warung = _read(copy.root, "usaha-warung")
    plans = {p.module_id: p for p in session_plans(warung, agenda(warung))}
    assert [s.time for s in plans["modal"].steps] == ["0:00–0:10", "0:10–0:45", "0:45–1:00"]
    assert plans["modal"].relative_note == "guide.relative_several"
    assert [(s.day, s.time) for s in plans["modal"].slots] == [
        (1, "08:30–09:30"),
        (1, "13:00–14:00"),
    ]
    assert [s.time for s in plans["catat"].steps] == ["0:00–0:10", "0:10–1:00"]
    assert plans["catat"].relative_note == "guide.relative_unscheduled"
    assert plans["harga"].steps[0].time == "09:45–10:05"
    generate(copy.root, copy.root / "docs")
    page = (copy.root / "docs" / "usaha-warung" / "panduan.md").read_text(encoding="utf-8")
    several = (
        "*Waktu dihitung dari awal sesi (0:00), karena modul ini dijadwalkan di lebih dari "
        "satu sesi.*"
    )
    assert page.count(several) == 1
    assert page.count("*Waktu dihitung dari awal sesi (0:00), karena modul ini tidak ada") == 1


def test_a_module_left_out_of_the_guide(copy: GuideCopy) -> None:
    copy.edit(
        "curriculum.yml",
        "        - module: jual\n          notes: Bawa contoh produk dari warung peserta.\n",
        "",
    )
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:13:5: warning: modules[3]: module 'jual' is not scheduled "
            "in the guide"
        )
    ]


def test_the_guide_says_for_how_many_participants_materials_are_prepared() -> None:
    fixtures = GUIDE.parent / "standards"
    project = read_project(find_curricula([fixtures]))
    pages = plan_site(project.curricula).pages
    text = render_pages(pages, environment(), fixtures)["kelas/panduan.md"]
    assert "- **Bahan disiapkan untuk:** 30 peserta\n" in text
