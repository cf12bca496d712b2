"""A curriculum's results spec: what the tally needs to read and score its codes.

The spec is the JSON of the tally page's ``data-tally`` (docs/assessment.md,
"Page contracts"): the curriculum's id, version and title, its modules with a
quiz (id, title, pass mark) and the answer keys of its pre- and post-tests
(read by :mod:`generator.content.prepost`, which also writes the pages' data).
:func:`send_data` gives the learner pages' ``data-send`` from it, so both
sides hash the same curriculum variant; a test checks that both agree with
what the pages carry.
"""

from __future__ import annotations

from typing import Any, TypedDict

from generator.content.prepost import prepost_keys
from generator.content.project import CurriculumSource

ModuleSpec = TypedDict("ModuleSpec", {"id": str, "title": str, "pass": int})
"""A module with a quiz: its id, title and pass mark (percent)."""


class QuestionKey(TypedDict):
    """One test question's key: ``correct`` is ``[i]``, ``[i, ...]`` or a bool (true-false)."""

    type: str
    correct: list[int] | bool
    points: int


class TestKeys(TypedDict):
    """The keys of the pre- and post-test, question by question, in test order."""

    pre: list[QuestionKey]
    post: list[QuestionKey]


class Spec(TypedDict):
    """The tally's ``data-tally``."""

    curriculum: str
    version: str
    title: str
    modules: list[ModuleSpec]
    tests: TestKeys | None


def results_spec(curriculum: CurriculumSource, tests: TestKeys | None = None) -> Spec:
    """The spec of a curriculum: its modules that have a quiz, in curriculum order, and ``tests``.

    Args:
        curriculum: the checked curriculum.
        tests: the answer keys of its pre- and post-test (None: it has no tests).
    """
    modules: list[ModuleSpec] = [
        {"id": m.id, "title": m.model.title, "pass": m.model.quiz.pass_mark}
        for m in curriculum.modules
        if m.model.quiz is not None
    ]
    return {
        "curriculum": curriculum.id,
        "version": curriculum.model.version or "",
        "title": curriculum.model.title,
        "modules": modules,
        "tests": tests,
    }


def curriculum_spec(curriculum: CurriculumSource) -> Spec:
    """The spec of a checked curriculum, its test keys read from its ``tests:``."""
    return results_spec(curriculum, test_keys(curriculum))


def test_keys(curriculum: CurriculumSource) -> TestKeys | None:
    """The keys of the curriculum's pre- and post-test (:mod:`generator.content.prepost`)."""
    keys = prepost_keys(curriculum)
    if keys is None:
        return None
    return {"pre": [_key(q) for q in keys["pre"]], "post": [_key(q) for q in keys["post"]]}


def _key(question: dict[str, Any]) -> QuestionKey:
    return {
        "type": str(question["type"]),
        "correct": question["correct"],
        "points": int(question["points"]),
    }


def send_data(spec: Spec) -> dict[str, Any]:
    """The ``data-send`` of the learner pages of the curriculum of ``spec`` (no answer key)."""
    tests = spec["tests"]
    return {
        "curriculum": spec["curriculum"],
        "version": spec["version"],
        "modules": [m["id"] for m in spec["modules"]],
        "tests": None if tests is None else {"pre": len(tests["pre"]), "post": len(tests["post"])},
    }
