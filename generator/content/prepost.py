"""A curriculum's pre-test and post-test, resolved: each question with its module and key.

``tests:`` in ``curriculum.yml`` lists, per test, references to questions of
the module quizzes and questions of its own (:mod:`generator.content.model.prepost`).
:func:`resolve_tests` turns both into one ordered list of :class:`TestQuestion`
per test, each holding a quiz question model (own questions are converted), so
that the pages, the printed papers and the results code all read the same
thing. The JSON the pages carry (the page contracts of ``docs/assessment.md``)
is made here too: :func:`question_key`, :func:`prepost_keys`, :func:`page_data`,
:func:`send_data` and :func:`tally_data`. Pure: models in, data out. Run on checked content only
(:mod:`generator.content.prepost_checks` reports what cannot be resolved).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from generator.content.load import DataPath
from generator.content.model import (
    Choice,
    MultipleQuestion,
    OwnMultipleQuestion,
    OwnQuestion,
    OwnSingleQuestion,
    OwnTrueFalseQuestion,
    PrePostTest,
    QuestionRef,
    SingleQuestion,
    TrueFalseQuestion,
)
from generator.content.project import CurriculumSource
from generator.i18n import t

Kind = Literal["pre", "post"]
KINDS: tuple[Kind, ...] = ("pre", "post")
TestQuestionModel = SingleQuestion | MultipleQuestion | TrueFalseQuestion
"""The quiz models a test question is shown, printed and keyed as."""


@dataclass(frozen=True)
class TestQuestion:
    """One question of a test, in the test's order.

    Attributes:
        number: 1, 2, ... in the test.
        module: the id of the module it tests.
        question: the question as a quiz model (a referenced one as it is in the quiz).
        ref: ``<module>/<question id>`` when the question is a reference, else None.
        where: the item's path in ``curriculum.yml`` (for diagnostics).
    """

    __test__ = False  # not a pytest test class

    number: int
    module: str
    question: TestQuestionModel
    ref: str | None
    where: DataPath

    @property
    def objective(self) -> str | None:
        """The id of the module objective the question covers, if it names one."""
        return self.question.objective

    @property
    def key(self) -> dict[str, Any]:
        """The question's key ``Q`` of the page contracts (``docs/assessment.md``)."""
        return question_key(self.question)


@dataclass(frozen=True)
class ResolvedTest:
    """The pre-test or the post-test, its questions resolved.

    Attributes:
        kind: ``pre`` or ``post``.
        title: its own title, or "Tes awal" / "Tes akhir" in the curriculum's language.
        shuffle: whether choices are shown (and printed) in a fixed mixed order.
        questions: in the test's order.
        same_as_pre: a post-test written as ``post: same``.
    """

    __test__ = False  # not a pytest test class

    kind: Kind
    title: str
    shuffle: bool
    questions: list[TestQuestion]
    same_as_pre: bool = False

    @property
    def keys(self) -> list[dict[str, Any]]:
        """The key ``Q`` of every question, in order."""
        return [q.key for q in self.questions]

    @property
    def points(self) -> int:
        """All points of the test."""
        return sum(q.question.points for q in self.questions)


def resolve_tests(source: CurriculumSource) -> dict[Kind, ResolvedTest]:
    """The curriculum's tests by kind (``pre`` first); empty when it declares none.

    A reference that names no question of the right type is left out: the
    checks report it as an error, so a built site never meets one.
    """
    tests = source.model.tests
    if tests is None:
        return {}
    pre = _resolve(source, "pre", tests.pre)
    if tests.post == "same":
        title = _title(source, "post", None)
        post = ResolvedTest("post", title, pre.shuffle, pre.questions, same_as_pre=True)
    else:
        post = _resolve(source, "post", tests.post)
    return {"pre": pre, "post": post}


def _title(source: CurriculumSource, kind: Kind, title: str | None) -> str:
    return title or t(f"test.{kind}", source.language)


def _resolve(source: CurriculumSource, kind: Kind, test: PrePostTest) -> ResolvedTest:
    questions: list[TestQuestion] = []
    for i, item in enumerate(test.questions):
        where: DataPath = ("tests", kind, "questions", i)
        if isinstance(item, QuestionRef):
            found = referenced(source, item.ref)
            if found is not None:
                module_id, question = found
                questions.append(
                    TestQuestion(len(questions) + 1, module_id, question, item.ref, where)
                )
        else:
            question = as_quiz_question(item)
            questions.append(TestQuestion(len(questions) + 1, item.module, question, None, where))
    return ResolvedTest(kind, _title(source, kind, test.title), test.shuffle, questions)


def referenced(source: CurriculumSource, ref: str) -> tuple[str, TestQuestionModel] | None:
    """The module id and quiz question ``ref`` names, if it is one a test may hold."""
    module_id, _, question_id = ref.partition("/")
    module = source.module(module_id)
    if module is None or module.model.quiz is None:
        return None
    for question in module.model.quiz.questions:
        if question.id == question_id and isinstance(
            question, (SingleQuestion, MultipleQuestion, TrueFalseQuestion)
        ):
            return module_id, question
    return None


def as_quiz_question(item: OwnQuestion) -> TestQuestionModel:
    """A test's own question as the quiz model of its type (for pages, papers and keys)."""
    common: dict[str, Any] = {
        "id": item.id,
        "prompt": item.prompt,
        "objective": item.objective,
        "explanation": item.explanation,
        "points": item.points,
    }
    if isinstance(item, OwnTrueFalseQuestion):
        return TrueFalseQuestion.model_construct(type="true-false", answer=item.answer, **common)
    choices = [Choice.model_construct(text=c.text, correct=c.correct) for c in item.choices]
    if isinstance(item, OwnSingleQuestion):
        return SingleQuestion.model_construct(type="single", choices=choices, **common)
    assert isinstance(item, OwnMultipleQuestion)  # noqa: S101 - the union has three members
    return MultipleQuestion.model_construct(type="multiple", choices=choices, **common)


def question_key(question: TestQuestionModel) -> dict[str, Any]:
    """``Q``: ``{"type", "correct", "points"}``; choices by their 0-based index as written."""
    if isinstance(question, TrueFalseQuestion):
        correct: object = question.answer
    else:
        correct = [i for i, choice in enumerate(question.choices) if choice.correct]
    return {"type": question.type, "correct": correct, "points": question.points}


def prepost_keys(source: CurriculumSource) -> dict[Kind, list[dict[str, Any]]] | None:
    """The keys of both tests (``{"pre": [Q, ...], "post": [Q, ...]}``), None without tests."""
    tests = resolve_tests(source)
    return {kind: test.keys for kind, test in tests.items()} if tests else None


def quiz_modules(source: CurriculumSource) -> list[str]:
    """The modules that have a quiz, in curriculum order: the modules a results code scores."""
    return [m.id for m in source.modules if m.model.quiz is not None]


def send_data(source: CurriculumSource) -> dict[str, Any]:
    """The data of ``.berdaya-send`` (page contract "Send results")."""
    tests = resolve_tests(source)
    counts = {kind: len(test.questions) for kind, test in tests.items()}
    return {
        "curriculum": source.id,
        "version": source.model.version or "",
        "modules": quiz_modules(source),
        "tests": counts or None,
    }


def tally_data(source: CurriculumSource) -> dict[str, Any]:
    """The data of ``.berdaya-tally`` (page contract "Tally"): pass marks and the test keys."""
    modules = [
        {"id": m.id, "title": m.model.title, "pass": m.model.quiz.pass_mark}
        for m in source.modules
        if m.model.quiz is not None
    ]
    return {
        "curriculum": source.id,
        "version": source.model.version or "",
        "title": source.model.title,
        "modules": modules,
        "tests": prepost_keys(source),
    }


def page_data(source: CurriculumSource, kind: Kind, *, with_key: bool) -> dict[str, Any]:
    """The data of a test page's ``.berdaya-test``; the key only when ``with_key`` (trainers)."""
    test = resolve_tests(source)[kind]
    data: dict[str, Any] = {
        "curriculum": source.id,
        "kind": kind,
        "count": len(test.questions),
    }
    if with_key:
        data["key"] = test.keys
    return data
