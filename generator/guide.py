"""The program guide worked out from a curriculum: agenda, session plans, checklists, keys.

Pure functions returning dataclasses. The guide templates show them (through
the ``program_guide`` Jinja global) and :func:`check_guide` reports the
problems of the schedule, so the page and ``berdaya validate`` can never
disagree about a clock time.

Clock times are minutes since midnight of the training day; 24:00 and later
means the day ran past midnight (an error).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from generator.book import (
    labelled_choices,
    labelled_matches,
    labelled_order,
    shuffles_on_paper,
)
from generator.diagnostics import Diagnostic, error
from generator.errors import dotted
from generator.i18n import Language, t
from generator.load import DataPath
from generator.model import (
    BreakSession,
    Day,
    Module,
    ModuleSession,
    MultipleQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from generator.model.curriculum import Session
from generator.plan import module_minutes
from generator.project import CurriculumSource, ModuleSource
from generator.quiz import format_number, with_unit

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


# Session plans ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanStep:
    """One row of a session plan."""

    start: int
    """Minutes since the session started."""
    minutes: int
    title: str
    method: str | None
    notes: str | None
    activity: str | None
    """Id of the activity the step runs (an anchor on the module page)."""
    practice: bool

    @property
    def time(self) -> str:
        """Relative to the start of the session: ``0:00`` to ``0:10``."""
        return f"{elapsed(self.start)}{DASH}{elapsed(self.start + self.minutes)}"


@dataclass(frozen=True)
class Slot:
    """When a module is scheduled."""

    day: int
    time: str


@dataclass(frozen=True)
class SessionPlan:
    """How to deliver one module: objectives, materials, preparation and steps."""

    module_id: str
    title: str
    minutes: int
    objectives: list[str]
    materials: list[str]
    preparation: list[str]
    steps: list[PlanStep]
    slots: list[Slot]


def session_plans(source: CurriculumSource, days: Agenda) -> list[SessionPlan]:
    """One plan per module, in the order the agenda first schedules them."""
    return [_plan(module, _slots(days, module.id)) for module in ordered_modules(source, days)]


def ordered_modules(source: CurriculumSource, days: Agenda) -> list[ModuleSource]:
    """Modules in agenda order; modules the agenda leaves out follow in curriculum order."""
    scheduled = [s.module_id for day in days.days for s in day.sessions if s.module_id]
    order = list(dict.fromkeys([*scheduled, *(m.id for m in source.modules)]))
    found = [source.module(module_id) for module_id in order]
    return [m for m in found if m is not None]


def _slots(days: Agenda, module_id: str) -> list[Slot]:
    return [
        Slot(day.number, s.time)
        for day in days.days
        for s in day.sessions
        if s.module_id == module_id
    ]


def _plan(module: ModuleSource, slots: list[Slot]) -> SessionPlan:
    model = module.model
    session = model.session
    return SessionPlan(
        module_id=module.id,
        title=model.title,
        minutes=session_minutes(model)[0],
        objectives=list(model.objectives.values()),
        materials=list(session.materials) if session else [],
        preparation=list(session.preparation) if session else [],
        steps=_steps(model),
        slots=slots,
    )


def _steps(model: Module) -> list[PlanStep]:
    if model.session is None:
        return []
    titles = {a.id: a.title for a in model.activities}
    steps, now = [], 0
    for step in model.session.steps:
        title = titles.get(step.activity or "", step.title or step.activity or "")
        steps.append(
            PlanStep(
                now,
                step.minutes,
                title,
                step.method,
                step.notes,
                step.activity if step.activity in titles else None,
                step.is_practice,
            )
        )
        now += step.minutes
    return steps


# Materials checklist ------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Where a material is needed: a module's session, or one of its activities."""

    module_id: str
    module: str
    activity: str | None = None
    activity_id: str | None = None
    days: tuple[int, ...] = ()


@dataclass
class Material:
    """One item of the checklist and every place that needs it."""

    item: str
    places: list[Place] = field(default_factory=list)


_TRAILING = re.compile(r"[\s.,;:]+$")


def material_key(item: str) -> str:
    """Two spellings of the same item share a key: case, spacing, final stop ignored."""
    return _TRAILING.sub("", " ".join(item.split()).casefold())


def materials(source: CurriculumSource, days: Agenda) -> list[Material]:
    """Every material of the programme's sessions and activities, merged by name.

    Items appear in the order the agenda first needs them.
    """
    merged: dict[str, Material] = {}
    for module in ordered_modules(source, days):
        for item, place in _module_materials(module, days):
            entry = merged.setdefault(material_key(item), Material(item))
            if place not in entry.places:
                entry.places.append(place)
    return list(merged.values())


def _module_materials(module: ModuleSource, days: Agenda) -> Iterator[tuple[str, Place]]:
    model = module.model
    on_days = tuple(dict.fromkeys(slot.day for slot in _slots(days, module.id)))
    session = Place(module.id, model.title, days=on_days)
    for item in model.session.materials if model.session else []:
        yield item, session
    for activity in model.activities:
        place = Place(module.id, model.title, activity.title, activity.id, on_days)
        for item in activity.materials:
            yield item, place


# Answer keys --------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyedQuestion:
    """A quiz question with its correct answer."""

    number: int
    prompt: str
    answers: list[str]
    """The correct answer, one line per part (choices, items in order, pairs)."""
    explanation: str | None
    objective: str | None
    """The text of the objective the question assesses."""


@dataclass(frozen=True)
class AnswerKey:
    """The answer key of one module's quiz."""

    module_id: str
    title: str
    questions: list[KeyedQuestion]


def answer_keys(source: CurriculumSource, language: Language) -> list[AnswerKey]:
    """The answer key of every module that has a quiz, in curriculum order."""
    keys = []
    for module in source.modules:
        quiz = module.model.quiz
        if quiz is None:
            continue
        objectives = module.model.objectives
        questions = [
            KeyedQuestion(
                i + 1,
                q.prompt,
                correct_answers(q, language, shuffle=shuffles_on_paper(quiz)),
                q.explanation,
                objectives.get(q.objective) if q.objective else None,
            )
            for i, q in enumerate(quiz.questions)
        ]
        keys.append(AnswerKey(module.id, module.model.title, questions))
    return keys


def correct_answers(question: Question, language: Language, *, shuffle: bool = False) -> list[str]:
    """The correct answer as lines, with the letters the learner book prints."""
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        options = labelled_choices(question, shuffle=shuffle)
        return [f"{o.label}. {o.text}" for o in options if o.correct]
    if isinstance(question, TrueFalseQuestion):
        return [t("answer.true" if question.answer else "answer.false", language)]
    if isinstance(question, TextQuestion):
        return [" / ".join(question.answers)]
    if isinstance(question, NumberQuestion):
        return [_number_answer(question, language)]
    if isinstance(question, OrderQuestion):
        labels = {o.text: o.label for o in labelled_order(question)}
        return [f"{labels[item]}. {item}" for item in question.items]
    labels = {o.text: o.label for o in labelled_matches(question)}
    return [
        f"{i + 1}{DASH}{labels[p.right]}: {p.left} → {p.right}"
        for i, p in enumerate(question.pairs)
    ]


def _number_answer(question: NumberQuestion, language: Language) -> str:
    text = with_unit(format_number(question.answer, language), question.unit)
    if question.tolerance:
        text += f" (± {format_number(question.tolerance, language)})"
    return text


# The whole guide ----------------------------------------------------------------------


@dataclass(frozen=True)
class ProgramGuide:
    """Everything the guide pages show that is computed rather than written."""

    agenda: Agenda
    plans: list[SessionPlan]
    materials: list[Material]
    keys: list[AnswerKey]


def program_guide(source: CurriculumSource, language: Language) -> ProgramGuide:
    """The agenda, session plans, materials checklist and answer keys of a curriculum."""
    days = agenda(source)
    return ProgramGuide(
        days,
        session_plans(source, days),
        materials(source, days),
        answer_keys(source, language),
    )


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


def table_cell(text: str | None) -> str:
    """Markdown for one cell of a table: one line, pipes escaped.

    Paragraphs and list items stay apart as lines (``<br>``); bullets become ``•``.
    """
    if not text:
        return ""
    lines: list[str] = []
    for paragraph in _PARAGRAPHS.split(text.strip()):
        lines += _cell_lines(paragraph)
    return "<br>".join(lines).replace("|", "\\|")


_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_NUMBERED = re.compile(r"^[ \t]*[0-9]+[.)][ \t]+")


def _cell_lines(paragraph: str) -> list[str]:
    lines: list[str] = []
    for raw in paragraph.split("\n"):
        words = " ".join(_BULLET.sub("• ", raw).split())
        if lines and not (_BULLET.match(raw) or _NUMBERED.match(raw)):
            lines[-1] = f"{lines[-1]} {words}"
        elif words:
            lines.append(words)
    return lines
