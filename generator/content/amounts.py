"""Numbers as the pages write them: ``9.000`` or ``9,000``, ``Rp 9.000`` but ``2,5 kg``.

The web quiz, the learner book and the trainer's answer keys all write the
answer of a ``number`` question with these functions, so they never disagree.
"""

from __future__ import annotations

from generator.content.model import NumberQuestion
from generator.i18n import Language

CURRENCIES = frozenset({"rp", "rp.", "idr", "$", "us$", "usd", "€", "eur", "£"})
"""Units written before the number (``Rp 9.000``); all others follow it (``2,5 kg``)."""


def format_number(value: float, language: Language) -> str:
    """``9000`` as ``9.000`` (Indonesian) or ``9,000`` (English); ``2.5`` as ``2,5`` / ``2.5``."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    if language == "id":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def unit_first(unit: str) -> bool:
    """Whether ``unit`` is written before the number: a currency (see :data:`CURRENCIES`)."""
    return unit.strip().lower() in CURRENCIES


def with_unit(number: str, unit: str | None) -> str:
    """A number and its unit: ``Rp 9.000`` but ``2,5 kg``."""
    if not unit:
        return number
    if unit_first(unit):
        return f"{unit} {number}"
    return f"{number} {unit}"


def number_answer(question: NumberQuestion, language: Language) -> str:
    """The answer of a ``number`` question with its unit and tolerance: ``Rp 9.000 (± 500)``."""
    text = with_unit(format_number(question.answer, language), question.unit)
    if question.tolerance:
        text += f" (± {format_number(question.tolerance, language)})"
    return text
