"""Numbers and small names as Moodle writes them: grades, answers, tolerances, tags."""

from __future__ import annotations

import math

MOODLE_SHARES = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20})
"""``k`` for which 1/k is one of Moodle's grades (``question_bank::fraction_options_full``)."""
OBJECTIVE_TAG = "objective:"
"""A question's objective travels as the Moodle tag ``objective:<id>``."""


def moodle_fraction(correct_choices: int, *, correct: bool) -> str:
    """The grade in percent of a choice of a ``multiple`` question (docs/lms.md).

    A right choice is worth 100/k (k: the right choices), a wrong one -100/k:
    Moodle adds the grades of the chosen answers and keeps the total between 0
    and 100%, which is Berdaya's rule ((right chosen - wrong chosen) / k, never
    below 0). Written with five decimals, as Moodle writes its grades.
    """
    share = 100 / correct_choices
    text = f"{share:.5f}".rstrip("0").rstrip(".")
    return text if correct else f"-{text}"


def number_text(value: float) -> str:
    """A number as plain decimal text: ``1500000``, ``0.5``, ``-2.25``."""
    if math.isfinite(value) and value == int(value):
        return str(int(value))
    return repr(value)


def objective_tag(objective: str) -> str:
    """The tag that carries an objective id."""
    return f"{OBJECTIVE_TAG}{objective}"
