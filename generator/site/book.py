"""Quizzes and prose on paper: the printable learner book and the trainer's answer keys.

A printed quiz cannot reshuffle on every visit like the web quiz, so its
choices, items and pairs get fixed letters here. The shuffles are seeded by
the question itself: the same question always prints the same way, and the
answer keys of the trainer guide name the same letters as the learner book.
"""

from __future__ import annotations

import random
import re
import string
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup

from generator.content.amounts import unit_first
from generator.content.model import MatchQuestion, MultipleQuestion, NumberQuestion, OrderQuestion, Question, Quiz, SingleQuestion

T = TypeVar("T")

_HEADING = re.compile(r"^(#{1,6})(?=[ \t]|$)")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


@dataclass(frozen=True)
class Option:
    """A lettered choice, item or right-hand side of a printed question."""

    label: str
    text: str
    correct: bool = False


def label(index: int) -> str:
    """``A``, ``B``, … ``Z``, then numbers (no quiz has that many choices)."""
    letters = string.ascii_uppercase
    return letters[index] if index < len(letters) else str(index + 1)


def labelled_choices(
    question: SingleQuestion | MultipleQuestion, *, shuffle: bool = False
) -> list[Option]:
    """The choices lettered A, B, …; in the written order unless ``shuffle``."""
    choices = list(question.choices)
    if shuffle:
        choices = _shuffled(question.prompt, choices, [c.text for c in choices])
    return [Option(label(i), c.text, c.correct) for i, c in enumerate(choices)]


def labelled_order(question: OrderQuestion) -> list[Option]:
    """The items of an ``order`` question, shuffled and lettered."""
    items = _shuffled(question.prompt, list(question.items), list(question.items))
    return [Option(label(i), text) for i, text in enumerate(items)]


def labelled_matches(question: MatchQuestion) -> list[Option]:
    """The right-hand sides of a ``match`` question, shuffled and lettered."""
    rights = [pair.right for pair in question.pairs]
    return [
        Option(label(i), text) for i, text in enumerate(_shuffled(question.prompt, rights, rights))
    ]


def _shuffled(seed: str, values: list[T], texts: list[str]) -> list[T]:
    """A fixed shuffle of ``values``; never the written order when there are two or more."""
    key = zlib.crc32("\n".join([seed, *texts]).encode("utf-8"))
    order = list(range(len(values)))
    random.Random(key).shuffle(order)  # noqa: S311 - a layout, not a secret
    if len(order) > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return [values[i] for i in order]


def demote(markdown: str, top: int) -> Markup:
    """Shift the headings of a Markdown text so that its highest heading has level ``top``.

    Lesson bodies are written for a page of their own; inside a printed
    book they sit below the module and lesson headings. Fenced code is left
    alone; no heading goes deeper than level 6. The text is prose: Markdown
    stays Markdown (:func:`generator.text.prose`).
    """
    lines = list(_prose_lines(markdown))
    levels = [len(m.group(1)) for line, prose in lines if prose and (m := _HEADING.match(line))]
    if not levels:
        return Markup(markdown)  # noqa: S704 - prose is Markdown by design
    shift = top - min(levels)

    def deeper(match: re.Match[str]) -> str:
        return "#" * max(1, min(6, len(match.group(1)) + shift))

    lines_out = (_HEADING.sub(deeper, line) if prose else line for line, prose in lines)
    return Markup("\n".join(lines_out))  # noqa: S704 - prose is Markdown by design


def _prose_lines(markdown: str) -> Iterator[tuple[str, bool]]:
    """Each line, and whether it is outside fenced code."""
    fenced: str | None = None
    for line in markdown.split("\n"):
        fence = _FENCE.match(line)
        if fence and fenced is None:
            fenced = fence.group(1)[0]
            yield line, False
        elif fence and fence.group(1)[0] == fenced:
            fenced = None
            yield line, False
        else:
            yield line, fenced is None


@dataclass(frozen=True)
class PaperQuestion:
    """A quiz question as the learner book prints it, with space to answer."""

    number: int
    kind: str
    """The question type: ``single``, ``multiple``, ``true-false``, ``text``, …"""
    prompt: str
    options: list[Option]
    """Lettered choices, items to order, or right-hand sides to match."""
    lefts: list[str]
    """The numbered left-hand sides of a ``match`` question."""
    unit_before: str | None = None
    """A currency, written before the answer line: ``Rp ______``."""
    unit_after: str | None = None
    """Any other unit, written after it: ``______ kg``."""


def paper_quiz(quiz: Quiz) -> list[PaperQuestion]:
    """A module's quiz as printed questions, in the written order."""
    shuffle = shuffles_on_paper(quiz)
    return [_paper(i + 1, q, shuffle=shuffle) for i, q in enumerate(quiz.questions)]


def shuffles_on_paper(quiz: Quiz) -> bool:
    """Whether printed choices are shuffled: yes, unless the quiz says ``shuffle: false``.

    Authors tend to write the correct choice first; on paper, where nothing
    reshuffles, that would make "A" the answer to most questions.
    """
    return quiz.shuffle or "shuffle" not in quiz.model_fields_set


def _paper(number: int, question: Question, *, shuffle: bool) -> PaperQuestion:
    options: list[Option] = []
    lefts: list[str] = []
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        options = [Option(o.label, o.text) for o in labelled_choices(question, shuffle=shuffle)]
    elif isinstance(question, OrderQuestion):
        options = labelled_order(question)
    elif isinstance(question, MatchQuestion):
        options = labelled_matches(question)
        lefts = [pair.left for pair in question.pairs]
    unit = question.unit if isinstance(question, NumberQuestion) else None
    before = unit if unit and unit_first(unit) else None
    after = unit if unit and not before else None
    return PaperQuestion(number, question.type, question.prompt, options, lefts, before, after)
