"""One quiz question prepared for its template: data only, no HTML.

Each of the seven question types has its own input (radio buttons, check
boxes, a text field, a list to put in order, one ``<select>`` per pair), its
own way of writing the correct answer behind "Lihat jawaban", and its own
answer data for ``berdaya-quiz.js``. The HTML comes from the templates
``templates/quiz/<type>.html.j2`` (one per type, overridable like every
page); this module prepares what they show: the prose rendered with raw HTML
escaped (:mod:`generator.site.prose`), the display orders, the ids.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.content.amounts import number_answer, unit_first
from generator.content.model.quiz import (
    MatchQuestion,
    MultipleQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from generator.i18n import Language, t
from generator.site.prose import inline, plain, prose

_BLOCK = re.compile(r"<(?:p|ul|ol|table|pre|div|dl|h\d|blockquote|hr)\b")


@dataclass(frozen=True)
class QuizPage:
    """Where a quiz is shown: what its HTML and data need to know besides the quiz."""

    curriculum_id: str
    module_id: str
    language: Language
    media_prefix: str = ""

    def prose(self, text: str) -> Markup:
        """Markdown prose of this page as HTML (raw HTML in it shown as text)."""
        return Markup(prose(text, self.media_prefix))  # noqa: S704 - rendered with HTML escaped

    def inline(self, text: str) -> Markup:
        """Short Markdown of this page as inline HTML when it is one paragraph."""
        return Markup(inline(text, self.media_prefix))  # noqa: S704 - rendered with HTML escaped


@dataclass(frozen=True)
class ChoiceView:
    """A choice of a ``single``, ``multiple`` or ``true-false`` question."""

    value: str
    text: Markup
    correct: bool = False
    feedback: Markup | None = None


@dataclass(frozen=True)
class ItemView:
    """An item to put in order, or the left side of a pair, with its index in the content."""

    index: int
    text: Markup


@dataclass
class QuestionView:
    """Everything a question's template shows; the fields of other types stay empty."""

    number: int
    type: str
    prompt: Markup
    points: int
    hint: Markup | None
    explanation: Markup | None
    choices: list[ChoiceView] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    """The correct answer as text: accepted texts, the number, ``Benar``/``Salah``."""
    unit: str | None = None
    unit_first: bool = False
    items: list[ItemView] = field(default_factory=list)
    """Order: the items as shown (shuffled). Match: the left sides, in order."""
    options: list[tuple[str, Markup]] = field(default_factory=list)
    """Match: the right sides as shown (shuffled), as ``(value, plain text)``."""
    solution: list[Markup] = field(default_factory=list)
    """Order: the items in order. Match: "left → right" of every pair."""

    @property
    def id(self) -> str:
        """The id of the question's ``<fieldset>`` and the name of its inputs."""
        return f"berdaya-q{self.number}"

    @property
    def prompt_id(self) -> str:
        """The id of the question's ``<legend>``, which labels its inputs."""
        return f"{self.id}-prompt"

    @property
    def prompt_tag(self) -> str:
        """``div`` around a prompt of paragraphs or a list, else ``span``."""
        return "div" if _BLOCK.match(self.prompt) else "span"

    @property
    def correct_choices(self) -> list[Markup]:
        """The texts of the correct choices."""
        return [choice.text for choice in self.choices if choice.correct]

    @property
    def feedbacks(self) -> list[ChoiceView]:
        """The choices that have feedback."""
        return [choice for choice in self.choices if choice.feedback]


def question_view(question: Question, number: int, page: QuizPage) -> QuestionView:
    """What the template of ``question``'s type shows."""
    view = QuestionView(
        number,
        question.type,
        page.inline(question.prompt),
        question.points,
        page.prose(question.hint) if question.hint else None,
        page.prose(question.explanation) if question.explanation else None,
    )
    match question:
        case SingleQuestion() | MultipleQuestion():
            view.choices = [
                ChoiceView(str(i), page.inline(c.text), c.correct, _feedback(c.feedback, page))
                for i, c in enumerate(question.choices)
            ]
        case TrueFalseQuestion():
            view.choices = [
                ChoiceView(value, Markup.escape(t(f"quiz.{value}", page.language)))
                for value in ("true", "false")
            ]
            view.answers = [t("quiz.true" if question.answer else "quiz.false", page.language)]
        case TextQuestion():
            view.answers = list(question.answers)
        case NumberQuestion():
            view.answers = [number_answer(question, page.language)]
            view.unit, view.unit_first = question.unit, bool(question.unit) and unit_first(
                question.unit or ""
            )
        case OrderQuestion():
            order = shuffled(range(len(question.items)), seed=question.prompt)
            view.items = [ItemView(i, page.inline(question.items[i])) for i in order]
            view.solution = [page.inline(item) for item in question.items]
        case MatchQuestion():
            order = shuffled(range(len(question.pairs)), seed=question.prompt)
            view.items = [ItemView(i, page.inline(p.left)) for i, p in enumerate(question.pairs)]
            view.options = [(str(i), Markup(plain(question.pairs[i].right))) for i in order]  # noqa: S704 - escaped
            view.solution = [
                Markup("{} → {}").format(page.inline(p.left), page.inline(p.right))
                for p in question.pairs
            ]
    return view


def answer_data(question: Question) -> dict[str, Any]:
    """What the script needs to check the answer to a question, as its type asks for."""
    match question:
        case SingleQuestion() | MultipleQuestion():
            return {"correct": [i for i, c in enumerate(question.choices) if c.correct]}
        case TrueFalseQuestion():
            return {"answer": question.answer}
        case TextQuestion():
            return {"answers": list(question.answers)}
        case NumberQuestion():
            return {"answer": question.answer, "tolerance": question.tolerance, "unit": question.unit}
        case OrderQuestion():
            return {"same": [question.items.index(item) for item in question.items]}
        case MatchQuestion():
            rights = [p.right for p in question.pairs]
            return {"accept": [[j for j, r in enumerate(rights) if r == right] for right in rights]}
    raise TypeError(type(question).__name__)  # every question type is matched above


def shuffled(items: Iterable[int], seed: str) -> list[int]:
    """A repeatable shuffle that, for two or more items, never keeps the given order."""
    result = list(items)
    if len(result) < 2:
        return result
    rng = random.Random(seed)  # noqa: S311 - a display order, not a secret
    original = list(result)
    while result == original:
        rng.shuffle(result)
    return result


def _feedback(text: str | None, page: QuizPage) -> Markup | None:
    return page.prose(text) if text else None
