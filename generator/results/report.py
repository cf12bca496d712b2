"""``berdaya results``: codes read from files, sorted into the tables of a project's curricula.

Each file is text (a WhatsApp export, messages, a CSV): every candidate code in
it is found (:mod:`~generator.results.scan`), given to the curriculum whose
hash it carries and tallied there (:mod:`~generator.results.tally`). What
cannot be counted becomes one line each: ``path:line:column: warning: ...``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.content.project import CurriculumSource
from generator.i18n import Language, t
from generator.results.code import curriculum_hash
from generator.results.scan import scan
from generator.results.spec import Spec, curriculum_spec
from generator.results.tally import Entry, Problem, Tally, problem, tally

BINARY_SAMPLE = 8192
"""The bytes looked at to tell a text file from a picture, a zip, ..."""


@dataclass(frozen=True)
class Table:
    """One curriculum's table."""

    spec: Spec
    language: Language
    tally: Tally


@dataclass(frozen=True)
class Report:
    """The tables with at least one learner, every problem, and how many candidates there were."""

    tables: list[Table]
    problems: list[Problem]
    found: int


def text_of(data: bytes) -> str | None:
    """A file's bytes as text (UTF-8, or UTF-16 with its mark); None for a file that is not text.

    Undecodable bytes become U+FFFD: codes are ASCII, so the codes in a
    chat saved in another encoding are still found.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:BINARY_SAMPLE]:
        return None
    return data.decode("utf-8-sig", errors="replace")


def read_results(texts: Sequence[tuple[str, str]], curricula: Sequence[CurriculumSource]) -> Report:
    """The report of ``texts`` (name, text) against ``curricula``."""
    entries = [Entry(name, found) for name, text in texts for found in scan(text)]
    specs = [(curriculum_spec(c), c.language) for c in curricula]
    owner = {curriculum_hash(spec["curriculum"]): i for i, (spec, _) in enumerate(specs)}
    mine: list[list[Entry]] = [[] for _ in specs]
    problems: list[Problem] = []
    for entry in entries:
        results = entry.found.results
        if results is None:
            problems.append(problem(entry, entry.found.reason or "malformed"))
        elif results.curriculum not in owner:
            problems.append(problem(entry, "curriculum"))
        else:
            mine[owner[results.curriculum]].append(entry)
    tables = []
    for (spec, language), own in zip(specs, mine, strict=True):
        result = tally(own, spec)
        problems += result.problems
        if result.rows:
            tables.append(Table(spec, language, result))
    order = {name: i for i, (name, _) in enumerate(texts)}
    problems.sort(key=lambda p: (order[p.source], p.line, p.column))
    return Report(tables, problems, len(entries))


def problem_line(item: Problem) -> str:
    """``chat.txt:7:21: warning: SITI AMINAH: <reason>: <code>`` (the reason in English)."""
    who = f"{item.name}: " if item.name else ""
    reason = t(f"results.reason.{item.reason}", "en")
    return f"{item.source}:{item.line}:{item.column}: warning: {who}{reason}: {item.text}"
