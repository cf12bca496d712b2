"""Checks that need more than one value: cross-references, ids, counts.

They run on validated models, after everything is read, and report
diagnostics at the positions the values came from.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator

from generator.content.agenda import check_guide
from generator.content.demonstration_checks import (
    check_curriculum_demonstration,
    check_module_demonstration,
)
from generator.content.diagnostics import Diagnostic, error, warning
from generator.content.errors import describe, dotted, quoted
from generator.content.load import DataPath, Document
from generator.content.model import (
    MatchQuestion,
    Module,
    ModuleSession,
    MultipleQuestion,
    NumberQuestion,
    OrderQuestion,
    SingleQuestion,
)
from generator.content.prepost_checks import check_tests
from generator.content.project import CurriculumSource, ModuleSource
from generator.content.schedule import check_schedule
from generator.content.worksheet_checks import check_worksheets
from generator.i18n import RESERVED_SLUGS

_THOUSANDS = re.compile(r"^[-+]?[0-9]{1,3}\.[0-9]{3}$")


def check_curriculum(source: CurriculumSource) -> list[Diagnostic]:
    """All cross-reference checks of one curriculum and its modules."""
    found = list(_module_references(source))
    found += _duplicates(source.doc, ("modules",), source.model.modules, "module")
    for module in source.modules:
        found += check_module(module, source)
    found += list(_guide_references(source))
    found += check_guide(source)
    found += check_schedule(source)
    found += check_tests(source)
    found += check_curriculum_demonstration(source)
    return found


def _module_references(source: CurriculumSource) -> Iterator[Diagnostic]:
    doc = source.doc
    for i, module_id in enumerate(source.model.modules):
        if module_id not in source.module_files:
            expected = f"modules/{module_id}.yml"
            yield error(doc.at(("modules", i)), f"modules[{i}]: no module file {expected}")
        if module_id in RESERVED_SLUGS:
            message = f"modules[{i}]: '{module_id}' is the address of a generated page; rename it"
            yield error(doc.at(("modules", i)), message)


def check_module(module: ModuleSource, curriculum: CurriculumSource) -> list[Diagnostic]:
    """Ids, references and question rules inside one module."""
    doc, model = module.doc, module.model
    found: list[Diagnostic] = []
    found += _duplicates(doc, ("lessons",), [x.id for x in model.lessons], "lesson")
    found += _duplicates(doc, ("activities",), [x.id for x in model.activities], "activity")
    for i, lesson in enumerate(model.lessons):
        if lesson.id in RESERVED_SLUGS:
            where = ("lessons", i, "id")
            message = f"'{lesson.id}' is the address of a generated page; rename the lesson"
            found.append(error(doc.at(where), f"{dotted(where)}: {message}"))
    found += list(_objective_references(doc, model))
    found += list(_step_references(doc, model))
    found += list(_quiz_rules(doc, model, curriculum.language))
    found += list(_assessment(doc, model))
    found += list(_minutes(doc, model))
    found += list(check_worksheets(doc, model))
    found += check_module_demonstration(module)
    return found


def _duplicates(
    doc: Document, base: DataPath, ids: Iterable[str | None], kind: str
) -> list[Diagnostic]:
    seen: set[str] = set()
    found = []
    for i, item_id in enumerate(ids):
        if item_id is None:
            continue
        if item_id in seen:
            where = (*base, i) if kind == "module" else (*base, i, "id")
            found.append(error(doc.at(where), f"{dotted(where)}: duplicate {kind} id '{item_id}'"))
        seen.add(item_id)
    return found


def _objective_references(doc: Document, model: Module) -> Iterator[Diagnostic]:
    known = set(model.objectives)
    hint = f"; objectives of this module: {', '.join(sorted(known))}" if known else ""
    for i, activity in enumerate(model.activities):
        for j, name in enumerate(activity.objectives):
            if name not in known:
                where = ("activities", i, "objectives", j)
                yield error(doc.at(where), f"{dotted(where)}: unknown objective '{name}'{hint}")
    if model.quiz is None:
        return
    for i, question in enumerate(model.quiz.questions):
        if question.objective is not None and question.objective not in known:
            place = ("quiz", "questions", i, "objective")
            yield error(
                doc.at(place), f"{dotted(place)}: unknown objective '{question.objective}'{hint}"
            )


def _step_references(doc: Document, model: Module) -> Iterator[Diagnostic]:
    if model.session is None:
        return
    known = {a.id for a in model.activities}
    for i, step in enumerate(model.session.steps):
        where = ("session", "steps", i)
        if step.activity is not None and step.activity not in known:
            yield error(
                doc.at((*where, "activity")),
                f"{dotted((*where, 'activity'))}: unknown activity '{step.activity}'",
            )
        if step.activity is None and step.title is None:
            yield error(doc.at(where), f"{dotted(where)}: a step needs a 'title' or an 'activity'")


def _quiz_rules(doc: Document, model: Module, language: str) -> Iterator[Diagnostic]:
    if model.quiz is None:
        return
    seen_ids: set[str] = set()
    for i, question in enumerate(model.quiz.questions):
        base: DataPath = ("quiz", "questions", i)
        if question.id is not None:
            if question.id in seen_ids:
                yield error(
                    doc.at((*base, "id")),
                    f"{dotted((*base, 'id'))}: duplicate question id '{question.id}'",
                )
            seen_ids.add(question.id)
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            yield from _choice_rules(doc, base, question)
        elif isinstance(question, OrderQuestion):
            yield from _list_rules(doc, (*base, "items"), question.items, "items")
        elif isinstance(question, MatchQuestion):
            pairs = (*base, "pairs")
            lefts, rights = [p.left for p in question.pairs], [p.right for p in question.pairs]
            yield from _list_rules(doc, pairs, lefts, "pairs", side="left")
            yield from _list_rules(doc, pairs, rights, "pairs", side="right")
        elif isinstance(question, NumberQuestion):
            yield from _number_rules(doc, base, question, language)


def _choice_rules(
    doc: Document, base: DataPath, question: SingleQuestion | MultipleQuestion
) -> Iterator[Diagnostic]:
    where = (*base, "choices")
    label = dotted(where)
    correct = sum(c.correct for c in question.choices)
    if len(question.choices) < 2:
        yield error(doc.at(where), f"{label}: needs at least 2 choices")
    if isinstance(question, SingleQuestion) and correct != 1:
        yield error(
            doc.at(where),
            f"{label}: a 'single' question needs exactly one correct choice, found {correct}",
        )
    if isinstance(question, MultipleQuestion) and correct == 0:
        yield error(
            doc.at(where), f"{label}: a 'multiple' question needs at least one correct choice"
        )
    yield from _list_rules(doc, where, [c.text for c in question.choices], "choices", minimum=0)


def _list_rules(  # noqa: PLR0913 - one rule for every list of texts in a question
    doc: Document,
    where: DataPath,
    texts: list[str],
    kind: str,
    *,
    minimum: int = 2,
    side: str | None = None,
) -> Iterator[Diagnostic]:
    """At least ``minimum`` items and no text twice; ``side`` names the key of each text."""
    if len(texts) < minimum:
        yield error(doc.at(where), f"{dotted(where)}: needs at least {minimum} {kind}")
    seen: set[str] = set()
    for j, text in enumerate(texts):
        if text in seen:
            item = (*where, j, side) if side else (*where, j)
            yield error(doc.at(item), f"{dotted(item)}: {quoted(text)} appears twice")
        seen.add(text)


def _number_rules(
    doc: Document, base: DataPath, question: NumberQuestion, language: str
) -> Iterator[Diagnostic]:
    """A finite answer and tolerance; in Indonesian, a warning for ``15.000``."""
    for key, value in (("answer", question.answer), ("tolerance", question.tolerance)):
        if not math.isfinite(value):
            where = (*base, key)
            yield error(doc.at(where), f"{dotted(where)}: expected a number, got {describe(value)}")
    if language == "id":
        yield from _thousands_warning(doc, (*base, "answer"))


def _thousands_warning(doc: Document, where: DataPath) -> Iterator[Diagnostic]:
    text = doc.number_texts.get(where, "")
    if _THOUSANDS.match(text):
        value = text.replace(".", "")
        yield warning(
            doc.at(where),
            f"{dotted(where)}: YAML reads {text} as {float(text):g}; "
            f"for {value} write {value} (no thousands separator)",
        )


def _assessment(doc: Document, model: Module) -> Iterator[Diagnostic]:
    assessed = {a for activity in model.activities for a in activity.objectives}
    if model.quiz is not None:
        assessed |= {q.objective for q in model.quiz.questions if q.objective}
    if model.demonstration is not None:
        assessed |= {c.objective for c in model.demonstration.criteria}
    for name in model.objectives:
        if name not in assessed:
            where = ("objectives", name)
            yield warning(
                doc.key_at(where),
                f"{dotted(where)}: no question or activity assesses this objective",
            )


def _minutes(doc: Document, model: Module) -> Iterator[Diagnostic]:
    if model.session is None or model.minutes is None:
        return
    total = sum(step.minutes for step in model.session.steps)
    if total != model.minutes:
        said = f"{model.minutes} minute{'s' if model.minutes != 1 else ''}"
        yield warning(
            doc.at(("minutes",)),
            f"minutes: the module says {said} but its session steps add up to {total}",
        )


def _guide_references(source: CurriculumSource) -> Iterator[Diagnostic]:
    guide = source.model.guide
    if guide is None:
        return
    doc = source.doc
    scheduled: dict[str, DataPath] = {}
    for d, day in enumerate(guide.days):
        for s, session in enumerate(day.sessions):
            if not isinstance(session, ModuleSession):
                continue
            where = ("guide", "days", d, "sessions", s, "module")
            if session.module not in source.model.modules:
                yield error(
                    doc.at(where),
                    f"{dotted(where)}: '{session.module}' is not a module of this curriculum",
                )
            elif session.module in scheduled:
                first = doc.at(scheduled[session.module]).line
                message = f"module '{session.module}' is scheduled twice (first on line {first})"
                yield warning(doc.at(where), f"{dotted(where)}: {message}")
            else:
                scheduled[session.module] = where
    if guide.days:
        for i, module_id in enumerate(source.model.modules):
            if module_id not in scheduled:
                yield warning(
                    doc.at(("modules", i)),
                    f"modules[{i}]: module '{module_id}' is not scheduled in the guide",
                )
