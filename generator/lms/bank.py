"""The question bank of curricula: one category per module quiz and per test.

A category's path is ``$course$/<curriculum>/<module>`` for a module's quiz and
``$course$/<curriculum>/<tes-awal|pre-test>`` (or ``tes-akhir``/``post-test``) for
a test, as Moodle reads it (``$course$``: the course the file is imported into).
A post-test written as ``post: same`` asks the pre-test's questions again and
gets no category of its own. Questions keep the order of the content.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.model import Question
from generator.content.prepost import resolve_tests
from generator.content.project import CurriculumSource
from generator.i18n import t

COURSE = "$course$"


@dataclass(frozen=True)
class BankQuestion:
    """One question of a category.

    Attributes:
        question: the quiz model (a test's own question converted to it).
        label: ``<curriculum>/<module or test>/<id or number>``, naming it in messages.
    """

    question: Question
    label: str


@dataclass(frozen=True)
class Category:
    """A question category: its path, a title for its description, its questions."""

    path: str
    title: str
    questions: list[BankQuestion]


def categories(curricula: list[CurriculumSource]) -> list[Category]:
    """The categories of the curricula, in curriculum order: modules first, then tests."""
    found: list[Category] = []
    for source in curricula:
        for module in source.modules:
            quiz = module.model.quiz
            if quiz is None:
                continue
            where = f"{source.id}/{module.id}"
            questions = [
                BankQuestion(q, f"{where}/{q.id or i}") for i, q in enumerate(quiz.questions, 1)
            ]
            found.append(Category(f"{COURSE}/{where}", module.model.title, questions))
        for kind, test in resolve_tests(source).items():
            if test.same_as_pre:
                continue
            slug = t(f"slug.{kind}_test", source.language)
            where = f"{source.id}/{slug}"
            questions = [
                BankQuestion(q.question, f"{where}/{q.question.id or q.number}")
                for q in test.questions
            ]
            found.append(Category(f"{COURSE}/{where}", test.title, questions))
    return found
