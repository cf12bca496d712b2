"""One quiz question by its type: the input, the answer key and the answer data.

Each of the seven question types has its own input (radio buttons, check
boxes, a text field, a list to put in order, one ``<select>`` per pair), its
own way of writing the correct answer behind "Lihat jawaban", and its own
answer data for ``berdaya-quiz.js``. :mod:`generator.quiz` puts them together
into the page.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from generator.content.amounts import number_answer, unit_first
from generator.i18n import Language, t
from generator.content.model.quiz import Choice, MatchQuestion, MultipleQuestion, NumberQuestion, OrderQuestion, Question, SingleQuestion, TextQuestion, TrueFalseQuestion
from generator.site.prose import inline, plain, prose


@dataclass(frozen=True)
class QuizPage:
    """Where a quiz is shown: what its HTML and data need to know besides the quiz."""

    curriculum_id: str
    module_id: str
    language: Language
    media_prefix: str = ""

    def t(self, key: str) -> str:
        """The string ``key`` in the page's language."""
        return t(key, self.language)

    def prose(self, text: str) -> str:
        """Markdown prose of this page as HTML."""
        return prose(text, self.media_prefix)

    def inline(self, text: str) -> str:
        """Short Markdown of this page as inline HTML when it is one paragraph."""
        return inline(text, self.media_prefix)


@dataclass(frozen=True)
class QuestionSlot:
    """One question on the page: its number and the ids derived from it."""

    question: Question
    number: int
    page: QuizPage

    @property
    def id(self) -> str:
        """The id of the question's ``<fieldset>`` and the name of its inputs."""
        return f"berdaya-q{self.number}"

    @property
    def prompt_id(self) -> str:
        """The id of the question's ``<legend>``, which labels its inputs."""
        return f"{self.id}-prompt"


def input_html(slot: QuestionSlot) -> str:
    """The input of a question, as its type asks for."""
    return _INPUTS[slot.question.type](slot)


def answer_data(question: Question) -> dict[str, Any]:
    """What the script needs to check the answer to a question, as its type asks for."""
    return _ANSWERS[question.type](question)


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


# Inputs of each question type.


def _choice(slot: QuestionSlot, kind: str, value: str, label_html: str) -> str:
    return (
        f'<div class="berdaya-choice" data-choice="{value}"><label>'
        f'<input type="{kind}" name="{slot.id}" value="{value}"> '
        f'<span class="berdaya-choice__text">{label_html}</span></label></div>'
    )


def _choices_input(slot: QuestionSlot) -> str:
    question = slot.question
    assert isinstance(question, SingleQuestion | MultipleQuestion)  # noqa: S101 - dispatch by type
    kind = "radio" if question.type == "single" else "checkbox"
    rows = [
        _choice(slot, kind, str(i), slot.page.inline(c.text))
        for i, c in enumerate(question.choices)
    ]
    return _wrap("berdaya-q__choices", rows)


def _true_false_input(slot: QuestionSlot) -> str:
    page = slot.page
    rows = [
        _choice(slot, "radio", "true", escape(page.t("quiz.true"))),
        _choice(slot, "radio", "false", escape(page.t("quiz.false"))),
    ]
    return _wrap("berdaya-q__choices", rows)


def _text_input(slot: QuestionSlot) -> str:
    return (
        '<div class="berdaya-q__field">'
        f'<input class="berdaya-q__input" type="text" id="{slot.id}-input" name="{slot.id}" '
        f'aria-labelledby="{slot.prompt_id}" autocomplete="off" autocapitalize="none" '
        'spellcheck="false"></div>'
    )


def _number_input(slot: QuestionSlot) -> str:
    question = slot.question
    assert isinstance(question, NumberQuestion)  # noqa: S101 - dispatch by type
    unit_id = f"{slot.id}-unit"
    field = (
        f'<input class="berdaya-q__input berdaya-q__input--number" type="text" '
        f'id="{slot.id}-input" name="{slot.id}" inputmode="decimal" autocomplete="off" '
        f'aria-labelledby="{slot.prompt_id}"'
        + (f' aria-describedby="{unit_id}">' if question.unit else ">")
    )
    if not question.unit:
        return f'<div class="berdaya-q__field">{field}</div>'
    unit = f'<span class="berdaya-q__unit" id="{unit_id}">{escape(question.unit)}</span>'
    inner = f"{unit} {field}" if unit_first(question.unit) else f"{field} {unit}"
    return f'<div class="berdaya-q__field">{inner}</div>'


def _order_input(slot: QuestionSlot) -> str:
    question = slot.question
    assert isinstance(question, OrderQuestion)  # noqa: S101 - dispatch by type
    order = shuffled(range(len(question.items)), seed=question.prompt)
    items = [
        f'<li class="berdaya-order__item" data-item="{i}">'
        f'<span class="berdaya-order__text">{slot.page.inline(question.items[i])}</span></li>'
        for i in order
    ]
    help_text = escape(slot.page.t("quiz.order_help"))
    return "\n".join(
        [
            f'<p class="berdaya-q__help" id="{slot.id}-help" hidden>{help_text}</p>',
            f'<ol class="berdaya-order" aria-describedby="{slot.id}-help">',
            *items,
            "</ol>",
        ]
    )


def _match_input(slot: QuestionSlot) -> str:
    question = slot.question
    assert isinstance(question, MatchQuestion)  # noqa: S101 - dispatch by type
    order = shuffled(range(len(question.pairs)), seed=question.prompt)
    options = [f'<option value="">{escape(slot.page.t("quiz.choose"))}</option>']
    options += [f'<option value="{i}">{plain(question.pairs[i].right)}</option>' for i in order]
    rows = []
    for i, pair in enumerate(question.pairs):
        select_id = f"{slot.id}-m{i}"
        rows.append(
            f'<div class="berdaya-match__row"><label for="{select_id}">'
            f"{slot.page.inline(pair.left)}</label> "
            f'<select id="{select_id}" name="{select_id}" data-left="{i}">'
            f"{''.join(options)}</select></div>"
        )
    return _wrap("berdaya-match", rows)


def _wrap(css_class: str, rows: Iterable[str]) -> str:
    return "\n".join([f'<div class="{css_class}">', *rows, "</div>"])


_INPUTS: dict[str, Callable[[QuestionSlot], str]] = {
    "single": _choices_input,
    "multiple": _choices_input,
    "true-false": _true_false_input,
    "text": _text_input,
    "number": _number_input,
    "order": _order_input,
    "match": _match_input,
}


# The answer key behind "Lihat jawaban".


def key_html(slot: QuestionSlot) -> str:
    """The answer key of a question: its solution, the feedback per choice and the explanation."""
    question, page = slot.question, slot.page
    parts = [
        '<div class="berdaya-q__solution">',
        _solution(slot),
        "</div>",
    ]
    if isinstance(question, SingleQuestion | MultipleQuestion):
        parts.append(_feedbacks(question.choices, page))
    if question.explanation:
        label = f"<p><strong>{escape(page.t('quiz.explanation'))}:</strong></p>"
        parts.append(
            f'<div class="berdaya-q__explanation">{label}\n{page.prose(question.explanation)}</div>'
        )
    return "\n".join(p for p in parts if p)


def _solution(slot: QuestionSlot) -> str:
    question, page = slot.question, slot.page
    label = f"<strong>{escape(page.t('quiz.answer'))}:</strong>"
    if isinstance(question, SingleQuestion | MultipleQuestion):
        right = [page.inline(c.text) for c in question.choices if c.correct]
        return _labelled_list(label, right, "ul")
    if isinstance(question, TrueFalseQuestion):
        return f"<p>{label} {escape(page.t('quiz.true' if question.answer else 'quiz.false'))}</p>"
    if isinstance(question, TextQuestion):
        joined = f" {escape(page.t('quiz.or'))} ".join(escape(a) for a in question.answers)
        return f"<p>{label} {joined}</p>"
    if isinstance(question, NumberQuestion):
        return f"<p>{label} {escape(number_answer(question, page.language))}</p>"
    if isinstance(question, OrderQuestion):
        return _labelled_list(label, [page.inline(i) for i in question.items], "ol")
    assert isinstance(question, MatchQuestion)  # noqa: S101 - the last of the seven types
    pairs = [f"{page.inline(p.left)} → {page.inline(p.right)}" for p in question.pairs]
    return _labelled_list(label, pairs, "ul")


def _labelled_list(label: str, items: list[str], tag: str) -> str:
    if len(items) == 1 and tag == "ul":
        return f"<p>{label} {items[0]}</p>"
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f"<p>{label}</p>\n<{tag}>{rows}</{tag}>"


def _feedbacks(choices: list[Choice], page: QuizPage) -> str:
    rows = [
        f'<li><span class="berdaya-q__fb-choice">{page.inline(c.text)}</span>'
        f'<div class="berdaya-fb" data-choice="{i}">{page.prose(c.feedback)}</div></li>'
        for i, c in enumerate(choices)
        if c.feedback
    ]
    if not rows:
        return ""
    label = f"<p><strong>{escape(page.t('quiz.feedback'))}:</strong></p>"
    return f'<div class="berdaya-q__feedbacks">{label}\n<ul>{"".join(rows)}</ul></div>'


# Answer data for the script.


def _choice_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, SingleQuestion | MultipleQuestion)  # noqa: S101
    return {"correct": [i for i, c in enumerate(question.choices) if c.correct]}


def _true_false_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, TrueFalseQuestion)  # noqa: S101
    return {"answer": question.answer}


def _text_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, TextQuestion)  # noqa: S101
    return {"answers": list(question.answers)}


def _number_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, NumberQuestion)  # noqa: S101
    return {"answer": question.answer, "tolerance": question.tolerance, "unit": question.unit}


def _order_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, OrderQuestion)  # noqa: S101
    return {"same": _same_as_first(question.items)}


def _match_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, MatchQuestion)  # noqa: S101
    rights = [p.right for p in question.pairs]
    return {"accept": [[j for j, r in enumerate(rights) if r == right] for right in rights]}


def _same_as_first(items: list[str]) -> list[int]:
    """Per item, the index of the first item with the same text: duplicates are interchangeable."""
    return [items.index(item) for item in items]


_ANSWERS: dict[str, Callable[[Question], dict[str, Any]]] = {
    "single": _choice_answers,
    "multiple": _choice_answers,
    "true-false": _true_false_answers,
    "text": _text_answers,
    "number": _number_answers,
    "order": _order_answers,
    "match": _match_answers,
}
