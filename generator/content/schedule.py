"""Warnings about how a guide's days are paced: long runs, the midday break, long days.

They read the same :func:`~generator.content.agenda.agenda` the guide pages
show, so a warning's clock times are those the trainer sees. Free time that a
pinned ``start:`` leaves before a session counts as a pause, like a break.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.content.agenda import DASH, AgendaDay, AgendaSession, agenda, clock
from generator.content.diagnostics import Diagnostic, warning
from generator.content.errors import dotted
from generator.content.load import DataPath
from generator.content.project import CurriculumSource
from generator.i18n import duration

LONGEST_RUN = 180
"""Minutes of sessions in a row after which a break is due."""
ISHOMA = 45
"""Minutes of the midday break (istirahat, sholat, makan) at least."""
ISHOMA_NEEDED_AFTER = 13 * 60
"""A day that starts before noon and runs past this time needs a midday break."""
NOON = 12 * 60
MIDDAY = (11 * 60, 14 * 60)
"""The midday break must overlap this window (11:00 to 14:00)."""
LONGEST_DAY = 8 * 60
"""Minutes from a day's start to the end of its last session, at most."""


@dataclass(frozen=True)
class Pause:
    """Time without training: breaks and free time next to each other, merged."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        """How long the pause lasts."""
        return self.end - self.start


def check_schedule(source: CurriculumSource) -> list[Diagnostic]:
    """The schedule warnings of every day of the guide, at the day or session they concern."""
    found: list[Diagnostic] = []
    for day in agenda(source).days:
        base: DataPath = ("guide", "days", day.number - 1)
        found += _long_runs(source, base, day)
        found += _midday_break(source, base, day)
        found += _long_day(source, base, day)
    return found


def runs(day: AgendaDay) -> list[list[AgendaSession]]:
    """The day's sessions in runs without a pause between them (breaks left out)."""
    found: list[list[AgendaSession]] = []
    current: list[AgendaSession] = []
    for session in day.sessions:
        if session.is_break or session.gap:
            if current:
                found.append(current)
            current = []
        if not session.is_break:
            current.append(session)
    if current:
        found.append(current)
    return found


def pauses(day: AgendaDay) -> list[Pause]:
    """Breaks and free time of a day; those that touch are one pause."""
    found: list[Pause] = []
    for session in day.sessions:
        spans = []
        if session.gap:
            spans.append(Pause(session.start - session.gap, session.start))
        if session.is_break:
            spans.append(Pause(session.start, session.end))
        for span in spans:
            if found and found[-1].end == span.start:
                found[-1] = Pause(found[-1].start, span.end)
            else:
                found.append(span)
    return found


def has_midday_break(day: AgendaDay) -> bool:
    """Whether a pause of at least :data:`ISHOMA` minutes overlaps :data:`MIDDAY`."""
    first, last = MIDDAY
    return any(p.minutes >= ISHOMA and p.start < last and p.end > first for p in pauses(day))


def _long_runs(source: CurriculumSource, base: DataPath, day: AgendaDay) -> Iterator[Diagnostic]:
    for run in runs(day):
        start, end = run[0].start, max(s.end for s in run)
        if end - start <= LONGEST_RUN:
            continue
        where = (*base, "sessions", run[0].index)
        message = (
            f"day {day.number}: {duration(end - start, 'en')} of sessions without a break "
            f"({clock(start)}{DASH}{clock(end)}), more than 3 hours"
        )
        yield warning(source.doc.at(where), f"{dotted(where)}: {message}")


def _midday_break(source: CurriculumSource, base: DataPath, day: AgendaDay) -> Iterator[Diagnostic]:
    if day.start >= NOON or day.end <= ISHOMA_NEEDED_AFTER or has_midday_break(day):
        return
    message = (
        f"day {day.number} ({day.time}) has no midday break of at least {ISHOMA} minutes "
        f"(ishoma) and runs past {clock(ISHOMA_NEEDED_AFTER)}"
    )
    yield warning(source.doc.at(base), f"{dotted(base)}: {message}")


def _long_day(source: CurriculumSource, base: DataPath, day: AgendaDay) -> Iterator[Diagnostic]:
    if day.length <= LONGEST_DAY:
        return
    message = (
        f"day {day.number} lasts {duration(day.length, 'en')} ({day.time}), "
        f"longer than {LONGEST_DAY // 60} hours"
    )
    yield warning(source.doc.at(base), f"{dotted(base)}: {message}")
