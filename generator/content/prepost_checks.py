"""Checks of a curriculum's pre-test and post-test (``tests:`` in ``curriculum.yml``).

Errors: a module or objective that does not exist, a reference that names no
question (or one of a type a test cannot hold), the same question twice in one
test, and the choice rules of a test's own questions (as for quiz questions).
Warnings: a curriculum with a guide and no tests, and a module objective that
no question of a test covers. Every diagnostic is placed at its YAML value.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.diagnostics import Diagnostic, error, warning
from generator.content.errors import dotted, quoted
from generator.content.load import DataPath, Document
from generator.content.model import (
    TEST_TYPES,
    OwnMultipleQuestion,
    OwnQuestion,
    OwnSingleQuestion,
    PrePostTest,
    QuestionRef,
)
from generator.content.prepost import KINDS, Kind, resolve_tests
from generator.content.project import CurriculumSource

_TYPES = ", ".join(TEST_TYPES)


def check_tests(source: CurriculumSource) -> list[Diagnostic]:
    """Every problem of the curriculum's tests (or of their absence)."""
    tests = source.model.tests
    doc = source.doc
    if tests is None:
        if source.model.guide is None:
            return []
        message = "guide: the curriculum has a guide but no 'tests' (a pre-test and a post-test)"
        return [warning(doc.key_at(("guide",)), message)]
    found: list[Diagnostic] = []
    for kind in KINDS:
        test = tests.pre if kind == "pre" else tests.post
        if isinstance(test, PrePostTest):
            found += _test_problems(source, kind, test)
    found += list(_coverage(source))
    return found


def _test_problems(source: CurriculumSource, kind: Kind, test: PrePostTest) -> list[Diagnostic]:
    doc = source.doc
    found: list[Diagnostic] = []
    first: dict[str, int] = {}
    for i, item in enumerate(test.questions):
        where: DataPath = ("tests", kind, "questions", i)
        if isinstance(item, QuestionRef):
            found += _ref_problems(source, (*where, "ref"), item.ref)
            name, place = item.ref, (*where, "ref")
        else:
            found += list(_own_problems(source, where, item))
            name, place = item.id or "", (*where, "id")
        if not name:
            continue
        if name in first:
            message = f"{quoted(name)} is already question {first[name] + 1} of this test"
            found.append(error(doc.at(place), f"{dotted(place)}: {message}"))
        else:
            first[name] = i
    return found


def _ref_problems(source: CurriculumSource, where: DataPath, ref: str) -> list[Diagnostic]:
    module_id, _, question_id = ref.partition("/")
    module = source.module(module_id)
    label = dotted(where)
    if module_id not in source.model.modules:
        message = f"'{module_id}' is not a module of this curriculum"
        return [error(source.doc.at(where), f"{label}: {message}")]
    if module is None:
        return []  # its file is missing or invalid: reported there
    quiz = module.model.quiz
    if quiz is None:
        return [error(source.doc.at(where), f"{label}: module '{module_id}' has no quiz")]
    question = next((q for q in quiz.questions if q.id == question_id), None)
    if question is None:
        ids = [q.id for q in quiz.questions if q.id]
        hint = (
            f"; ids of its questions: {', '.join(ids)}"
            if ids
            else f"; give the question an 'id' in modules/{module_id}.yml"
        )
        message = f"module '{module_id}' has no quiz question with id '{question_id}'{hint}"
        return [error(source.doc.at(where), f"{label}: {message}")]
    if question.type not in TEST_TYPES:
        message = f"'{ref}' is a '{question.type}' question; a test takes only {_TYPES} questions"
        return [error(source.doc.at(where), f"{label}: {message}")]
    return []


def _own_problems(
    source: CurriculumSource, where: DataPath, item: OwnQuestion
) -> Iterator[Diagnostic]:
    doc = source.doc
    module = source.module(item.module)
    if item.module not in source.model.modules:
        place = (*where, "module")
        message = f"'{item.module}' is not a module of this curriculum"
        yield error(doc.at(place), f"{dotted(place)}: {message}")
    elif module is not None and item.objective is not None:
        known = module.model.objectives
        if item.objective not in known:
            place = (*where, "objective")
            hint = f"; objectives of this module: {', '.join(sorted(known))}" if known else ""
            message = f"unknown objective '{item.objective}' of module '{item.module}'{hint}"
            yield error(doc.at(place), f"{dotted(place)}: {message}")
    if isinstance(item, (OwnSingleQuestion, OwnMultipleQuestion)):
        yield from _choice_rules(doc, (*where, "choices"), item)


def _choice_rules(
    doc: Document, where: DataPath, item: OwnSingleQuestion | OwnMultipleQuestion
) -> Iterator[Diagnostic]:
    """The rules of a quiz question's choices, worded the same."""
    label = dotted(where)
    correct = sum(c.correct for c in item.choices)
    if len(item.choices) < 2:
        yield error(doc.at(where), f"{label}: needs at least 2 choices")
    if isinstance(item, OwnSingleQuestion) and correct != 1:
        message = f"a 'single' question needs exactly one correct choice, found {correct}"
        yield error(doc.at(where), f"{label}: {message}")
    if isinstance(item, OwnMultipleQuestion) and correct == 0:
        message = "a 'multiple' question needs at least one correct choice"
        yield error(doc.at(where), f"{label}: {message}")
    seen: set[str] = set()
    for j, choice in enumerate(item.choices):
        if choice.text in seen:
            place = (*where, j)
            yield error(doc.at(place), f"{dotted(place)}: {quoted(choice.text)} appears twice")
        seen.add(choice.text)


def _coverage(source: CurriculumSource) -> Iterator[Diagnostic]:
    """A warning for each module objective that no question of a test covers."""
    for kind, test in resolve_tests(source).items():
        if test.same_as_pre:
            continue  # the pre-test's warnings say it
        covered = {(q.module, q.objective) for q in test.questions if q.objective}
        place: DataPath = ("tests", kind)
        for module in source.modules:
            for objective in module.model.objectives:
                if (module.id, objective) not in covered:
                    message = f"no question covers objective '{objective}' of module '{module.id}'"
                    yield warning(source.doc.key_at(place), f"{dotted(place)}: {message}")
