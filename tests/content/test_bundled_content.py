"""The bundled curricula meet the programme's own standards, computed from the YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.agenda import agenda
from generator.content.check import read_project
from generator.content.model import NumberQuestion
from generator.content.project import CurriculumSource, find_curricula

CONTENT = Path(__file__).resolve().parents[2] / "content"
PROJECT = read_project(find_curricula([CONTENT]))
CURRICULA = {c.id: c for c in PROJECT.curricula}
SKILL_DEMONSTRATION = {"unjuk-keterampilan", "skill-demonstration"}


def test_bundled_content_has_no_problems_at_all() -> None:
    assert [d.format() for d in PROJECT.diagnostics] == []


def test_the_six_topics_and_one_english_translation_are_bundled() -> None:
    assert sorted(CURRICULA) == [
        "akses-permodalan",
        "community-participation",
        "kerajinan-tangan",
        "keterampilan-digital",
        "manajemen-usaha-kecil",
        "partisipasi-masyarakat",
        "pertanian-berkelanjutan",
    ]
    assert [c.id for c in PROJECT.curricula if c.language == "en"] == ["community-participation"]


@pytest.fixture(params=sorted(CURRICULA))
def curriculum(request: pytest.FixtureRequest) -> CurriculumSource:
    return CURRICULA[request.param]


def test_every_module_is_complete(curriculum: CurriculumSource) -> None:
    assert len(curriculum.modules) >= 4
    assert len(curriculum.model.glossary) >= 8
    for module in curriculum.modules:
        model = module.model
        assert model.objectives, module.id
        assert len(model.lessons) >= 2, module.id
        assert any(a.materials for a in model.activities), module.id
        assert model.session is not None, module.id
        assert model.quiz is not None, module.id
        assert len(model.quiz.questions) >= 6, module.id


def test_arithmetic_is_practised_with_number_questions(curriculum: CurriculumSource) -> None:
    numbers = [
        q
        for m in curriculum.modules
        for q in (m.model.quiz.questions if m.model.quiz else [])
        if isinstance(q, NumberQuestion)
    ]
    assert len(numbers) >= 2


def test_at_least_70_percent_of_session_time_is_practice(curriculum: CurriculumSource) -> None:
    days = agenda(curriculum)
    assert days.practice / days.training >= 0.70


def test_no_training_day_is_longer_than_8_hours(curriculum: CurriculumSource) -> None:
    assert all(day.length <= 8 * 60 for day in agenda(curriculum).days)


def test_pre_test_first_and_post_test_last(curriculum: CurriculumSource) -> None:
    days = agenda(curriculum).days
    first = [s.title.lower() for s in days[0].sessions[:3]]
    last = [s.title.lower() for s in days[-1].sessions[-4:]]
    assert any("pre-test" in title for title in first), first
    assert any("post-test" in title for title in last), last


def test_a_skill_demonstration_with_what_to_observe(curriculum: CurriculumSource) -> None:
    found = [
        a for m in curriculum.modules for a in m.model.activities if a.id in SKILL_DEMONSTRATION
    ]
    assert len(found) == 1
    assert found[0].solution is not None
    assert len(found[0].solution) > 300, "the observation checklist is in the solution"
