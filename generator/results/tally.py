"""Score found codes against a curriculum's spec: one row per learner, every problem listed.

The same rules as the tally page (``generator/assets/berdaya-tally.js``):

1. a candidate that is not a correct code is a problem with its reason;
2. a code of another curriculum (``curriculum``) or of another edition of this
   one (``version``: another version, other modules or test lengths) is a problem;
3. the same code read again is a problem (``duplicate``), counted once;
4. of several codes with one name, the newest (by its date, then by place in
   the text) is used and the others are problems (``replaced``).

Rows are sorted by name, problems kept in reading order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.results.code import Answer, Results, curriculum_hash, variant_hash
from generator.results.scan import Found
from generator.results.spec import QuestionKey, Spec


@dataclass(frozen=True)
class Entry:
    """A found candidate and where it was read (a file, or the tally page's paste number)."""

    source: str
    found: Found


@dataclass(frozen=True)
class ModuleResult:
    """A module's best quiz score and whether it passes (both None: not attempted)."""

    score: int | None
    passed: bool | None


@dataclass(frozen=True)
class Row:
    """One learner."""

    name: str
    date: str
    pre: int | None
    post: int | None
    gain: int | None
    modules: tuple[ModuleResult, ...]
    code: str

    def as_json(self) -> dict[str, Any]:
        """JSON-ready, as the test vectors write it."""
        return {
            "name": self.name,
            "date": self.date,
            "pre": self.pre,
            "post": self.post,
            "gain": self.gain,
            "modules": [{"score": m.score, "passed": m.passed} for m in self.modules],
            "code": self.code,
        }


@dataclass(frozen=True)
class Problem:
    """A candidate that is not counted, and why."""

    reason: str
    source: str
    line: int
    column: int
    text: str
    name: str | None

    def as_json(self) -> dict[str, Any]:
        """JSON-ready, as the test vectors write it (without the source)."""
        return {
            "reason": self.reason,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "name": self.name,
        }


@dataclass(frozen=True)
class Tally:
    """The table of one curriculum and what was not counted."""

    rows: list[Row]
    problems: list[Problem]


def problem(entry: Entry, reason: str) -> Problem:
    """``entry`` as a problem for ``reason``."""
    found = entry.found
    name = found.name if found.results is None else found.results.name
    shown = name.replace("-", " ") if name else None
    return Problem(reason, entry.source, found.line, found.column, found.text, shown)


def tally(entries: Sequence[Entry], spec: Spec) -> Tally:
    """The table of ``spec``'s curriculum from ``entries``, in reading order."""
    problems: list[tuple[int, Problem]] = []
    accepted: list[tuple[int, Entry, Results]] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        results = entry.found.results
        reason = _rejection(entry.found, spec, seen)
        if reason is not None or results is None:
            problems.append((index, problem(entry, reason or "malformed")))
            continue
        seen.add(entry.found.text)
        accepted.append((index, entry, results))
    newest: dict[str, tuple[int, Entry, Results]] = {}
    for item in accepted:
        name = item[2].name
        other = newest.get(name)
        if other is None:
            newest[name] = item
            continue
        older, newer = sorted((other, item), key=lambda i: (i[2].date, i[0]))
        newest[name] = newer
        problems.append((older[0], problem(older[1], "replaced")))
    rows = [_row(entry, results, spec) for _, entry, results in newest.values()]
    rows.sort(key=lambda row: row.name)
    return Tally(rows, [p for _, p in sorted(problems, key=lambda item: item[0])])


def _rejection(found: Found, spec: Spec, seen: set[str]) -> str | None:
    results = found.results
    if results is None:
        return found.reason or "malformed"
    if results.curriculum != curriculum_hash(spec["curriculum"]):
        return "curriculum"
    keys = spec["tests"]
    pre, post = (len(keys["pre"]), len(keys["post"])) if keys else (0, 0)
    variant = variant_hash(spec["version"], [m["id"] for m in spec["modules"]], pre, post)
    lengths_fit = len(results.modules) == len(spec["modules"]) and all(
        answers is None or len(answers) == length
        for answers, length in ((results.pre, pre), (results.post, post))
    )
    if results.variant != variant or not lengths_fit:
        return "version"
    if found.text in seen:
        return "duplicate"
    return None


def _row(entry: Entry, results: Results, spec: Spec) -> Row:
    keys = spec["tests"]
    pre = score(results.pre, keys["pre"]) if keys and results.pre is not None else None
    post = score(results.post, keys["post"]) if keys and results.post is not None else None
    modules = tuple(
        ModuleResult(best, None if best is None else best >= module["pass"])
        for best, module in zip(results.modules, spec["modules"], strict=True)
    )
    gain = post - pre if pre is not None and post is not None else None
    date = results.date.isoformat()
    return Row(results.display_name, date, pre, post, gain, modules, entry.found.text)


def score(answers: Sequence[Answer], keys: Sequence[QuestionKey]) -> int:
    """A test's score: points earned / all points, a whole percent rounded half up.

    Computed in whole numbers (the script does the same), so both round alike.
    """
    fractions = [_fraction(answer, key) for answer, key in zip(answers, keys, strict=True)]
    common = math.lcm(*(den for _, den in fractions)) if fractions else 1
    earned = sum(
        key["points"] * num * (common // den)
        for (num, den), key in zip(fractions, keys, strict=True)
    )
    total = sum(key["points"] for key in keys) * common
    return (200 * earned + total) // (2 * total) if total else 0


def _fraction(answer: Answer, key: QuestionKey) -> tuple[int, int]:
    """The share of the question's points earned, as (numerator, denominator)."""
    correct = key["correct"]
    if key["type"] == "true-false":
        return (1 if isinstance(answer, bool) and answer == correct else 0), 1
    if answer is None or isinstance(answer, bool) or isinstance(correct, bool):
        return 0, 1
    chosen = set(answer) if isinstance(answer, tuple) else {answer}
    right = set(correct)
    if key["type"] == "single":
        return (1 if chosen == right else 0), 1
    return max(0, len(chosen & right) - len(chosen - right)), max(1, len(right))
