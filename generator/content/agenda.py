"""The agenda of a curriculum's guide: clock times of its days and sessions, and their checks.

Pure functions returning dataclasses. The guide templates show the agenda
(through :mod:`generator.guide`) and :func:`check_guide` reports the problems
of the schedule, so the page and ``berdaya validate`` can never disagree about
a clock time.

Clock times are minutes since midnight of the training day; 24:00 and later
means the day ran past midnight (an error).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from generator.content.diagnostics import Diagnostic, error
from generator.content.errors import dotted
from generator.content.load import DataPath
from generator.content.model import BreakSession, Day, Module, ModuleSession
from generator.content.model.curriculum import Session
from generator.content.project import CurriculumSource

MIDNIGHT = 24 * 60
DASH = "\N{EN DASH}"
"""Between the ends of a time range: ``08:00`` en dash ``08:30``."""
SessionKind = Literal["module", "break", "other"]


def clock(minutes: int) -> str:
    """Minutes since midnight as ``HH:MM`` (past midnight wraps: 24:30 is ``00:30``)."""
    hours, rest = divmod(minutes % MIDNIGHT, 60)
    return f"{hours:02d}:{rest:02d}"


def elapsed(minutes: int) -> str:
    """Minutes since the start of a session as ``H:MM`` (``0:10``, ``1:05``)."""
    hours, rest = divmod(minutes, 60)
    return f"{hours}:{rest:02d}"


def parse_clock(text: str) -> int:
    """``"08:30"`` as 510 minutes since midnight."""
    hours, rest = text.split(":")
    return int(hours) * 60 + int(rest)


@dataclass(frozen=True)
class AgendaSession:
    """One row of a day's agenda."""

    index: int
    """Position in the day's ``sessions`` list."""
    kind: SessionKind
    title: str
    start: int
    minutes: int
    practice: int
    """Minutes of practice (steps that are practice; the whole session when ``practice``)."""
    notes: str | None = None
    module_id: str | None = None
    pinned: bool = False
    gap: int = 0
    """Free minutes between the previous session's end and this session's pinned start."""

    @property
    def end(self) -> int:
        """Minutes since midnight when the session ends."""
        return self.start + self.minutes

    @property
    def time(self) -> str:
        """The clock times, ``08:00`` to ``08:30`` joined by :data:`DASH`."""
        return f"{clock(self.start)}{DASH}{clock(self.end)}"

    @property
    def gap_time(self) -> str:
        """The free time before the session, as a range of clock times."""
        return f"{clock(self.start - self.gap)}{DASH}{clock(self.start)}"

    @property
    def is_break(self) -> bool:
        """A break (tea, lunch, prayer): not training time."""
        return self.kind == "break"


@dataclass(frozen=True)
class AgendaDay:
    """One training day with clock times."""

    number: int
    title: str | None
    start: int
    sessions: list[AgendaSession]

    @property
    def end(self) -> int:
        """When the last session ends."""
        return max((s.end for s in self.sessions), default=self.start)

    @property
    def time(self) -> str:
        """From the start of the day to the end of its last session."""
        return f"{clock(self.start)}{DASH}{clock(self.end)}"

    @property
    def length(self) -> int:
        """Minutes from the start to the end of the day, breaks included."""
        return self.end - self.start

    @property
    def training(self) -> int:
        """Minutes of training: every session but breaks."""
        return sum(s.minutes for s in self.sessions if not s.is_break)

    @property
    def breaks(self) -> int:
        """Minutes of breaks."""
        return sum(s.minutes for s in self.sessions if s.is_break)

    @property
    def practice(self) -> int:
        """Minutes of practice."""
        return sum(s.practice for s in self.sessions)

    @property
    def practice_share(self) -> int:
        """Practice as a whole percentage of the day's training time."""
        return share(self.practice, self.training)


@dataclass(frozen=True)
class Agenda:
    """The whole programme: days and totals."""

    days: list[AgendaDay]

    @property
    def training(self) -> int:
        """Minutes of training over all days, breaks not counted."""
        return sum(day.training for day in self.days)

    @property
    def practice(self) -> int:
        """Minutes of practice over all days."""
        return sum(day.practice for day in self.days)

    @property
    def practice_share(self) -> int:
        """Practice as a whole percentage of the training time."""
        return share(self.practice, self.training)


def share(part: int, whole: int) -> int:
    """``part`` as a whole percentage of ``whole`` (0 when there is no whole)."""
    return round(100 * part / whole) if whole else 0


def agenda(source: CurriculumSource) -> Agenda:
    """The agenda of a curriculum's guide (no days when it has no guide)."""
    guide = source.model.guide
    days = guide.days if guide else []
    return Agenda([_day(source, i + 1, day) for i, day in enumerate(days)])


def _day(source: CurriculumSource, number: int, day: Day) -> AgendaDay:
    start = parse_clock(day.start)
    now = start
    rows = []
    for i, session in enumerate(day.sessions):
        pinned = parse_clock(session.start) if session.start else None
        begin = now if pinned is None else pinned
        row = _session(source, i, session, begin)
        rows.append(_with_gap(row, pinned, now))
        now = row.end
    return AgendaDay(number, day.title, start, rows)


def _with_gap(row: AgendaSession, pinned: int | None, previous_end: int) -> AgendaSession:
    if pinned is None:
        return row
    return replace(row, pinned=True, gap=max(pinned - previous_end, 0))


def _session(source: CurriculumSource, index: int, session: Session, start: int) -> AgendaSession:
    if isinstance(session, ModuleSession):
        module = source.module(session.module)
        title = module.model.title if module else session.module
        minutes, practice = session_minutes(module.model) if module else (0, 0)
        return AgendaSession(
            index, "module", title, start, minutes, practice, session.notes, session.module
        )
    if isinstance(session, BreakSession):
        return AgendaSession(index, "break", session.break_, start, session.minutes, 0)
    practice = session.minutes if session.practice else 0
    return AgendaSession(
        index, "other", session.title, start, session.minutes, practice, session.notes
    )


def session_minutes(module: Module) -> tuple[int, int]:
    """A module session's length and practice minutes, from its ``session.steps``.

    A module without a session plan lasts its planned minutes, with no
    practice counted.
    """
    if module.session is None:
        return module_minutes(module), 0
    steps = module.session.steps
    return sum(s.minutes for s in steps), sum(s.minutes for s in steps if s.is_practice)


# Checks -------------------------------------------------------------------------------


def check_guide(source: CurriculumSource) -> list[Diagnostic]:
    """Schedule errors: sessions that overlap and days that run past midnight."""
    found: list[Diagnostic] = []
    for day in agenda(source).days:
        base: DataPath = ("guide", "days", day.number - 1)
        found += _overlaps(source, base, day)
        found += _midnight(source, base, day)
    return found


def _overlaps(source: CurriculumSource, base: DataPath, day: AgendaDay) -> Iterator[Diagnostic]:
    previous: AgendaSession | None = None
    for session in day.sessions:
        before = previous.end if previous else day.start
        if session.pinned and session.start < before:
            where = (*base, "sessions", session.index, "start")
            if previous is None:
                message = f"{clock(session.start)} is before the day starts ({clock(day.start)})"
            else:
                message = (
                    f"{clock(session.start)} is before the previous session "
                    f"'{previous.title}' ends ({clock(previous.end)}); "
                    f"the sessions overlap by {before - session.start} minutes"
                )
            yield error(source.doc.at(where), f"{dotted(where)}: {message}")
        previous = session


def _midnight(source: CurriculumSource, base: DataPath, day: AgendaDay) -> Iterator[Diagnostic]:
    late = next((s for s in day.sessions if s.end > MIDNIGHT), None)
    if late is None:
        return
    where = (*base, "sessions", late.index)
    message = (
        f"day {day.number} runs past midnight: '{late.title}' "
        f"({clock(late.start)}, {late.minutes} minutes) ends at {clock(late.end)} the next day"
    )
    yield error(source.doc.at(where), f"{dotted(where)}: {message}")


def module_minutes(module: Module) -> int:
    """Planned length: ``minutes``, else the session steps, else lessons and activities."""
    if module.minutes is not None:
        return module.minutes
    if module.session is not None:
        return sum(step.minutes for step in module.session.steps)
    lessons = sum(lesson.minutes or 0 for lesson in module.lessons)
    return lessons + sum(activity.minutes for activity in module.activities)


def curriculum_minutes(curriculum: CurriculumSource) -> int:
    """The sum of the planned lengths of a curriculum's modules."""
    return sum(module_minutes(m.model) for m in curriculum.modules)
