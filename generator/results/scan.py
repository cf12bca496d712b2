"""Find results codes in any text: a pasted WhatsApp chat, a CSV export, a note.

Letters are read as upper case (a code survives being lower-cased). Every
``BDY<digit>/`` starts a candidate, which is read symbol by symbol until the
structure of a code is complete. A candidate that runs into a space or a line
break before it is complete is read again across them (a code wrapped over
lines) and kept that way only when its check then matches; otherwise it is
reported as it stood, with the reason it fails. Nothing that looks like a
code is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.results.code import CodeError, Results, SymbolStream, parse

START = re.compile(r"BDY[0-9]/")


@dataclass(frozen=True)
class Found:
    """One candidate code in a text: where it is, what was read, what it holds or why not."""

    line: int
    """Line of its first symbol, from 1."""
    column: int
    """Column of its first symbol, from 1 (in characters)."""
    text: str
    """The symbols read (upper case, without the spaces it was wrapped at)."""
    results: Results | None
    """What it carries, when it is a correct code."""
    reason: str | None = None
    """Why not: ``format``, ``incomplete``, ``malformed`` or ``checksum``."""
    name: str | None = None
    """The name in it, when that much could be read (also for a broken code)."""


def upper(text: str) -> str:
    """``text`` with a-z upper-cased and nothing else changed (positions stay)."""
    return text.translate(_UPPER)


_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def scan(text: str) -> list[Found]:
    """Every candidate code in ``text``, in text order."""
    text = upper(text)
    found: list[Found] = []
    taken = 0  # a correct code's symbols are not searched again for a start
    line, counted = 1, 0  # lines are counted once through the text, however many codes
    for match in START.finditer(text):
        start = match.start()
        if start < taken:
            continue
        line += text.count("\n", counted, start)
        counted = start
        item, end = _read(text, start, line)
        if item.results is not None:
            taken = end
        found.append(item)
    return found


def _read(text: str, start: int, line: int) -> tuple[Found, int]:
    """The candidate at ``start`` (on ``line``) and where its symbols end."""
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    strict = SymbolStream(text, start, skip_space=False)
    try:
        results = parse(strict)
    except CodeError as exc:
        failure = exc
    else:
        return Found(line, column, strict.read(), results), strict.end
    if strict.stopped_at_space:
        joined = SymbolStream(text, start, skip_space=True)
        try:
            results = parse(joined)
        except CodeError:
            pass
        else:
            return Found(line, column, joined.read(), results), joined.end
    found = Found(line, column, strict.read(), None, failure.reason, failure.name)
    return found, strict.end
