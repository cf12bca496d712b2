"""The pages of the pre-test and post-test, the placeholders for results, and the papers.

- The test page (``/<c>/tes-awal/``, ``/<c>/tes-akhir/``): an HTML form of the
  test's questions, made with the ``input(q)`` macros of the quiz templates
  (``templates/quiz/<type>.html.j2``) inside ``templates/partials/test.html.j2``.
  ``generator/assets/berdaya-test.js`` takes it over. In learner builds the page
  holds **no key**: the questions are prepared without their correct answers,
  feedback or explanations, and ``data-test`` carries only the curriculum, the
  kind and the count. Trainer builds add the key (``"key": [Q, ...]``).
- ``.berdaya-send`` (curriculum page and test pages) and ``.berdaya-tally`` (the
  trainer's results page): empty elements with their JSON, filled by
  ``berdaya-results.js`` (``templates/partials/send.html.j2``, ``tally.html.j2``).
- The trainer guide's test papers and answer keys, lettered as on screen.

Choices of a test are shown and printed in one fixed order: mixed (the shuffle of
the printed learner book) unless the test says ``shuffle: false``; stored answers
name choices by their index as written, whatever the order shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import jinja2
from markupsafe import Markup

from generator.content.model import MultipleQuestion, Question, Quiz, SingleQuestion
from generator.content.prepost import (
    Kind,
    ResolvedTest,
    TestQuestionModel,
    page_data,
    resolve_tests,
    send_data,
    tally_data,
)
from generator.content.project import CurriculumSource
from generator.i18n import Language, t
from generator.site.book import PaperQuestion, labelled_choices, paper_quiz
from generator.site.guide import correct_answers
from generator.site.jinja import html_environment, render_html
from generator.site.prose import json_attribute
from generator.site.quiz_view import QuestionView, QuizPage, question_view


def display_order(question: TestQuestionModel, *, shuffle: bool) -> list[int]:
    """The indices of the choices as the test shows and prints them."""
    if not isinstance(question, (SingleQuestion, MultipleQuestion)):
        return [0, 1]
    texts = [choice.text for choice in question.choices]
    return [texts.index(option.text) for option in labelled_choices(question, shuffle=shuffle)]


def question_for_test(
    question: TestQuestionModel, number: int, page: QuizPage, *, shuffle: bool
) -> QuestionView:
    """A test question for its ``input(q)`` macro: choices in the test's order, no answers.

    Everything that would tell the answer (which choice is correct, feedback, the
    hint, the explanation, the answer text) is left out of the view, so no
    template can show it.
    """
    view = question_view(question, number, page)
    choices = [view.choices[i] for i in display_order(question, shuffle=shuffle)]
    view.choices = [replace(c, correct=False, feedback=None) for c in choices]
    view.hint = view.explanation = None
    view.answers = []
    return view



def prepost_html(  # noqa: PLR0913 - what a test page is shown with
    c: CurriculumSource,
    kind: Kind,
    *,
    trainer: bool,
    media_prefix: str = "",
    env: jinja2.Environment | None = None,
) -> Markup:
    """The test ``kind`` of ``c`` as an HTML fragment; the key only when ``trainer``."""
    lang = c.language
    test = resolve_tests(c)[kind]
    page = QuizPage(c.id, kind, lang, media_prefix)
    questions = [question_for_test(q.question, q.number, page, shuffle=test.shuffle) for q in test.questions]
    context = {
        "data": _json(page_data(c, kind, with_key=trainer)),
        "intro": t("test.intro", lang).format(count=len(questions), points=test.points),
        "help": t("test.help_trainer" if trainer else "test.help", lang),
        "questions": questions,
        "trainer": trainer,
        "send": send_html(c, hidden=True, env=env),
        "t": lambda key: t(key, lang),
    }
    html = render_html("partials/test.html.j2", context, env or html_environment())
    return Markup(html.strip())  # noqa: S704 - rendered by an autoescaped template


def send_html(
    c: CurriculumSource, *, hidden: bool = False, env: jinja2.Environment | None = None
) -> Markup:
    """``.berdaya-send`` with its data; on test pages ``hidden`` until the test is handed in."""
    context = {"data": _json(send_data(c)), "hidden": hidden}
    html = render_html("partials/send.html.j2", context, env or html_environment())
    return Markup(html.strip())  # noqa: S704 - rendered by an autoescaped template


def tally_html(c: CurriculumSource, env: jinja2.Environment | None = None) -> Markup:
    """``.berdaya-tally`` with the curriculum's pass marks and test keys (trainer builds only)."""
    context = {"data": _json(tally_data(c)), "note": t("tally.needs_script", c.language)}
    html = render_html("partials/tally.html.j2", context, env or html_environment())
    return Markup(html.strip())  # noqa: S704 - rendered by an autoescaped template


def _json(data: object) -> Markup:
    """JSON for an attribute, escaped (:func:`generator.site.prose.json_attribute`)."""
    return Markup(json_attribute(data))  # noqa: S704 - escaped by json_attribute


# The trainer guide: papers and answer keys ---------------------------------------------


@dataclass(frozen=True)
class KeyRow:
    """One row of a test's answer key."""

    number: int
    prompt: str
    letters: str
    """The correct letters (``B``, ``A, C``) or ``Benar`` / ``Salah``: what a marker looks for."""
    answers: list[str]
    """The correct answer in full, lettered as on the paper and on screen."""
    points: int
    module: str
    """The title of the module the question tests."""
    objective: str | None
    """The text of the objective it covers."""
    explanation: str | None


@dataclass(frozen=True)
class TestSheet:
    """A test as the trainer guide prints it: the paper and the answer key."""

    __test__ = False  # not a pytest test class

    kind: Kind
    title: str
    same_as_pre: bool
    points: int
    paper: list[PaperQuestion]
    key: list[KeyRow]


def papers_and_keys(c: CurriculumSource, language: Language) -> list[TestSheet]:
    """The pre-test and the post-test as papers with keys; empty without tests."""
    return [_sheet(c, test, language) for test in resolve_tests(c).values()]



def _sheet(c: CurriculumSource, test: ResolvedTest, language: Language) -> TestSheet:
    questions: list[Question] = [q.question for q in test.questions]
    paper = paper_quiz(Quiz.model_construct(questions=questions, shuffle=test.shuffle))
    key = []
    for q in test.questions:
        module = c.module(q.module)
        objectives = module.model.objectives if module else {}
        lines = correct_answers(q.question, language, shuffle=test.shuffle)
        key.append(
            KeyRow(
                q.number,
                q.question.prompt,
                _letters(q.question, lines, shuffle=test.shuffle),
                lines,
                q.question.points,
                module.model.title if module else q.module,
                objectives.get(q.objective) if q.objective else None,
                q.question.explanation,
            )
        )
    return TestSheet(test.kind, test.title, test.same_as_pre, test.points, paper, key)


def _letters(question: TestQuestionModel, lines: list[str], *, shuffle: bool) -> str:
    """The correct letters of a choice question; the answer itself of a true-false one."""
    if not isinstance(question, (SingleQuestion, MultipleQuestion)):
        return lines[0]
    options = labelled_choices(question, shuffle=shuffle)
    return ", ".join(option.label for option in options if option.correct)
