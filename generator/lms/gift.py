r"""GIFT: the question bank as Moodle's plain-text import format (``docs/lms.md``).

Each question is one block: comment lines, then ``::title::[markdown]prompt{...}``
with one answer a line. Text is Markdown (GIFT's ``[markdown]`` format, which the
answers and feedback inherit), with GIFT's special characters ``~ = # { } :``
and the backslash escaped, and line breaks written as ``\\n``, so a question
never holds a blank line. Moodle reads ``// [id:...]`` and ``// [tag:...]``
comments (id and objective); what GIFT cannot carry for Moodle (hints, points,
units, the ``order`` type, which is written as a matching of positions to items)
goes into ``// berdaya-...:`` comments that ``berdaya lms import`` reads back, and
is listed in :class:`GiftFile` ``losses`` for a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.model import (
    MatchQuestion,
    MultipleQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from generator.lms.bank import BankQuestion, Category
from generator.lms.markup import to_inline_html, to_plain
from generator.lms.names import shortanswer_text
from generator.lms.numbers import moodle_fraction, number_text, objective_tag

MARKDOWN = "[markdown]"
BERDAYA = "// berdaya-"
"""Comments of ours: ``// berdaya-points: 2``, ``-hint``, ``-unit``, ``-type: order``."""
_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\~=#{}:"} | {"\n": "\\n", "\r": ""})


def escape(text: str) -> str:
    r"""Text with GIFT's special characters escaped and line breaks as ``\\n``."""
    return text.translate(_SPECIAL)


def _markdown(text: str) -> str:
    """An answer or feedback, which inherits ``[markdown]`` from the prompt.

    A text that starts with ``[`` (a link) or ``%`` (read as a grade) gets the
    marker of its own, so that neither is taken for GIFT syntax.
    """
    return f"{MARKDOWN}{escape(text)}" if text[:1] in "[%" else escape(text)


@dataclass
class GiftFile:
    """The GIFT text and, per kind of loss, the questions it applies to."""

    text: str
    losses: dict[str, list[str]] = field(default_factory=dict)


def gift(categories: list[Category]) -> GiftFile:
    """The categories and their questions as one GIFT file."""
    out = GiftFile("")
    blocks: list[str] = []
    for category in categories:
        blocks.append(f"$CATEGORY: {category.path}")
        blocks += [_question(item, out.losses) for item in category.questions]
    out.text = "\n\n".join(blocks) + "\n"
    return out


def _question(item: BankQuestion, losses: dict[str, list[str]]) -> str:
    question = item.question
    lines: list[str] = []
    marks = [f"[id:{question.id}]"] if question.id else []
    if question.objective:
        marks.append(f"[tag:{objective_tag(question.objective)}]")
    if marks:
        lines.append("// " + " ".join(marks))
    extra: list[tuple[str, str]] = []
    if question.points != 1:
        extra.append(("points", str(question.points)))
        losses.setdefault("points", []).append(item.label)
    if question.hint:
        extra.append(("hint", escape(question.hint)))
        losses.setdefault("hint", []).append(item.label)
    if isinstance(question, NumberQuestion) and question.unit:
        extra.append(("unit", escape(question.unit)))
        losses.setdefault("unit", []).append(item.label)
    if isinstance(question, OrderQuestion):
        extra.append(("type", "order"))
        losses.setdefault("order", []).append(item.label)
    lines += [f"{BERDAYA}{key}: {value}" for key, value in extra]
    title = f"::{escape(question.id)}::" if question.id else ""
    answers = _answers(question)
    if question.explanation:
        answers.append(f"####{_markdown(question.explanation)}")
    body = "\n".join(f"\t{a}" for a in answers)
    lines.append(f"{title}{MARKDOWN}{escape(question.prompt)}{{\n{body}\n}}")
    return "\n".join(lines)


def _answers(question: Question) -> list[str]:
    match question:
        case SingleQuestion() | MultipleQuestion():
            return _choices(question)
        case TrueFalseQuestion():
            return ["TRUE" if question.answer else "FALSE"]
        case TextQuestion():
            return [f"={_markdown(shortanswer_text(a))}" for a in question.answers]
        case NumberQuestion():
            tolerance = number_text(question.tolerance)
            return [f"#{number_text(question.answer)}:{tolerance}"]
        case MatchQuestion():
            return [f"={_left(p.left)} -> {escape(to_plain(p.right))}" for p in question.pairs]
        case OrderQuestion():
            return [f"={i} -> {escape(to_plain(item))}" for i, item in enumerate(question.items, 1)]
    raise AssertionError(question.type)  # pragma: no cover - the union is closed


def _left(text: str) -> str:
    """A matching's left side; one holding ``->`` (which GIFT cannot escape) goes as HTML."""
    if "->" in text:
        return f"[html]{escape(to_inline_html(text))}"
    return _markdown(text)


def _choices(question: SingleQuestion | MultipleQuestion) -> list[str]:
    right = sum(1 for c in question.choices if c.correct)
    out: list[str] = []
    for choice in question.choices:
        if isinstance(question, SingleQuestion):
            mark = "=" if choice.correct else "~"
        else:
            mark = f"~%{moodle_fraction(right, correct=choice.correct)}%"
        feedback = f"#{_markdown(choice.feedback)}" if choice.feedback else ""
        out.append(f"{mark}{_markdown(choice.text)}{feedback}")
    return out
