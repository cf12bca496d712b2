"""The program guide worked out from a curriculum: session plans, checklists, answer keys.

Pure functions returning dataclasses, which the guide templates show through
the ``program_guide`` Jinja global. The agenda with its clock times, and the
checks of the schedule, are in :mod:`generator.agenda`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup

from generator.content.agenda import DASH, Agenda, agenda, clock, elapsed, session_minutes
from generator.content.amounts import number_answer
from generator.site.book import labelled_choices, labelled_matches, labelled_order, shuffles_on_paper
from generator.i18n import Language, duration, t
from generator.content.model import Module, MultipleQuestion, NumberQuestion, OrderQuestion, Question, SingleQuestion, TextQuestion, TrueFalseQuestion
from generator.content.project import CurriculumSource, ModuleSource
from generator.site.jinja import html_environment, render_html
from generator.site.text import md_text

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
    begins: int | None = None
    """Clock time (minutes since midnight) the session starts, when the agenda fixes it."""

    @property
    def time(self) -> str:
        """Clock times (``08:20–08:55``) when the session's start is known, else relative.

        Relative times count from the start of the session: ``0:00`` to ``0:10``.
        """
        end = self.start + self.minutes
        if self.begins is None:
            return f"{elapsed(self.start)}{DASH}{elapsed(end)}"
        return f"{clock(self.begins + self.start)}{DASH}{clock(self.begins + end)}"


@dataclass(frozen=True)
class Slot:
    """When a module is scheduled."""

    day: int
    time: str
    start: int
    """Minutes since midnight when the session starts."""


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

    @property
    def relative_note(self) -> str | None:
        """Why the steps show times relative to the session's start (a string key), if they do.

        A module the agenda schedules exactly once shows clock times; one scheduled
        in several sessions, or not at all, keeps relative times and says so.
        """
        if len(self.slots) == 1 or not self.steps:
            return None
        return "guide.relative_several" if self.slots else "guide.relative_unscheduled"


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
        Slot(day.number, s.time, s.start)
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
        steps=_steps(model, slots[0].start if len(slots) == 1 else None),
        slots=slots,
    )


def _steps(model: Module, begins: int | None) -> list[PlanStep]:
    """The session's steps; with clock times from ``begins`` when it is not None."""
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
                begins,
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
    demo = model.demonstration
    if demo is not None:  # under the activity in which it happens, else the session
        found = next((a for a in model.activities if a.id == demo.activity), None)
        place = Place(module.id, model.title, found.title, found.id, on_days) if found else session
        for item in demo.materials:
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
        return [number_answer(question, language)]
    if isinstance(question, OrderQuestion):
        labels = {o.text: o.label for o in labelled_order(question)}
        return [f"{labels[item]}. {item}" for item in question.items]
    labels = {o.text: o.label for o in labelled_matches(question)}
    return [
        f"{i + 1}{DASH}{labels[p.right]}: {p.left} → {p.right}"
        for i, p in enumerate(question.pairs)
    ]


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


# The length on the curriculum page -----------------------------------------------------


def schedule_length(source: CurriculumSource, language: Language) -> str | None:
    """The guide's days and session time: ``3 hari, 15 jam 20 menit tanpa istirahat``.

    None when the curriculum has no guide with days. Shown next to the modules'
    planned minutes, so the two lengths are never mistaken for each other.
    """
    days = agenda(source)
    if not days.days:
        return None
    count = len(days.days)
    word = t("curriculum.day" if count == 1 else "curriculum.days", language)
    hours = duration(days.training, language)
    return f"{word.format(count=count)}, {hours} {t('curriculum.without_breaks', language)}"
# Print button ------------------------------------------------------------------------


def print_button_html(language: Language, env: jinja2.Environment | None = None) -> Markup:
    """The "Cetak" button of a printable page (``templates/partials/print_button.html.j2``).

    Hidden until ``berdaya-print.js`` shows it; the button calls ``window.print()`` and
    is never printed. A template writes ``{{ print_button_html(lang) }}``.
    """
    context = {"label": t("print.button", language), "title": t("print.button_title", language)}
    html = render_html("partials/print_button.html.j2", context, env or html_environment())
    return Markup(html.strip())  # noqa: S704 - rendered by an autoescaped template


# Table cells --------------------------------------------------------------------------


def table_cell(text: str | None) -> Markup:
    """Markdown for one cell of a table: text on one line, escaped (pipes too).

    Paragraphs and list items stay apart as lines (``<br>``); bullets become ``•``.
    """
    return Markup("<br>").join(md_text(line) for line in _cell(text))


def prose_cell(text: str | None) -> Markup:
    """Like :func:`table_cell` for prose (session notes): Markdown stays, pipes are escaped."""
    lines = (Markup(line.replace("|", "\\|")) for line in _cell(text))  # noqa: S704 - prose
    return Markup("<br>").join(lines)


def _cell(text: str | None) -> list[str]:
    lines: list[str] = []
    for paragraph in _PARAGRAPHS.split((text or "").strip()):
        lines += _cell_lines(paragraph)
    return lines


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
