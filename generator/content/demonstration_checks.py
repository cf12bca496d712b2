"""Checks of a skill demonstration (``demonstration:`` in a module or curriculum).

Errors, each at its YAML value: a criterion's objective that the module (or
the curriculum) does not have, a criterion id twice, an ``activity`` that is
not an activity of the module, a level that is not on the scale (or levels
without a scale), a scale naming a level twice, ``met_from`` not on the scale,
and ``pass.others`` more than the criteria that are not critical. "No
criteria" is the model's (``needs at least 1 item``).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.diagnostics import Diagnostic, error
from generator.content.errors import dotted, quoted
from generator.content.load import DataPath, Document
from generator.content.model import Demonstration
from generator.content.project import CurriculumSource, ModuleSource

_BASE: DataPath = ("demonstration",)


def check_module_demonstration(module: ModuleSource) -> list[Diagnostic]:
    """Every problem of a module's demonstration (none without one)."""
    demo = module.model.demonstration
    if demo is None:
        return []
    doc = module.doc
    found = _rubric(doc, demo)
    known = set(module.model.objectives)
    hint = f"; objectives of this module: {', '.join(sorted(known))}" if known else ""
    for i, criterion in enumerate(demo.criteria):
        if criterion.objective not in known:
            where = (*_BASE, "criteria", i, "objective")
            message = f"unknown objective {quoted(criterion.objective)}{hint}"
            found.append(error(doc.at(where), f"{dotted(where)}: {message}"))
    activities = [a.id for a in module.model.activities]
    if demo.activity is not None and demo.activity not in activities:
        where = (*_BASE, "activity")
        hint = f"; activities of this module: {', '.join(activities)}" if activities else ""
        message = f"{quoted(demo.activity)} is not an activity of this module{hint}"
        found.append(error(doc.at(where), f"{dotted(where)}: {message}"))
    return found


def check_curriculum_demonstration(source: CurriculumSource) -> list[Diagnostic]:
    """Every problem of a curriculum's demonstration (none without one).

    Its criteria name ``<module>/<objective>`` or a curriculum objective; its
    ``activity`` names ``<module>/<activity>``.
    """
    demo = source.model.demonstration
    if demo is None:
        return []
    doc = source.doc
    found = _rubric(doc, demo)
    for i, criterion in enumerate(demo.criteria):
        where = (*_BASE, "criteria", i, "objective")
        if message := _objective_problem(source, criterion.objective):
            found.append(error(doc.at(where), f"{dotted(where)}: {message}"))
    if demo.activity is not None and (message := _activity_problem(source, demo.activity)):
        where = (*_BASE, "activity")
        found.append(error(doc.at(where), f"{dotted(where)}: {message}"))
    return found


def _objective_problem(source: CurriculumSource, name: str) -> str | None:
    module_id, slash, objective = name.partition("/")
    if not slash:
        known = sorted(source.model.objectives)
        if name in known:
            return None
        listed = f"objectives of this curriculum: {', '.join(known)}; or " if known else ""
        return f"unknown objective {quoted(name)}; {listed}write <module>/<objective>"
    if module_id not in source.model.modules:
        return f"{quoted(module_id)} is not a module of this curriculum"
    module = source.module(module_id)
    if module is None:
        return None  # its file is missing or invalid: reported there
    known = sorted(module.model.objectives)
    if objective in known:
        return None
    hint = f"; objectives of this module: {', '.join(known)}" if known else ""
    return f"unknown objective {quoted(objective)} of module {quoted(module_id)}{hint}"


def _activity_problem(source: CurriculumSource, name: str) -> str | None:
    module_id, slash, activity = name.partition("/")
    if not slash:
        return f"{quoted(name)} is not an activity reference: write <module>/<activity>"
    if module_id not in source.model.modules:
        return f"{quoted(module_id)} is not a module of this curriculum"
    module = source.module(module_id)
    if module is None:
        return None
    known = [a.id for a in module.model.activities]
    if activity in known:
        return None
    hint = f"; activities of this module: {', '.join(known)}" if known else ""
    return f"unknown activity {quoted(activity)} of module {quoted(module_id)}{hint}"


def _rubric(doc: Document, demo: Demonstration) -> list[Diagnostic]:
    """The problems of the rubric itself: ids, scale, levels, the pass rule."""
    found = list(_scale(doc, demo))
    seen: set[str] = set()
    for i, criterion in enumerate(demo.criteria):
        if criterion.id in seen:
            where = (*_BASE, "criteria", i, "id")
            message = f"duplicate criterion id {quoted(criterion.id)}"
            found.append(error(doc.at(where), f"{dotted(where)}: {message}"))
        seen.add(criterion.id)
        found += list(_levels(doc, demo, i))
    rule = demo.pass_rule
    others = sum(not c.critical for c in demo.criteria)
    if rule is not None and rule.others > others:
        where = (*_BASE, "pass", "others")
        count = f"{others} criteri{'on' if others == 1 else 'a'}"
        message = f"{rule.others} is more than the {count} that {_be(others)} not critical"
        found.append(error(doc.at(where), f"{dotted(where)}: {message}"))
    return found


def _be(count: int) -> str:
    return "is" if count == 1 else "are"


def _scale(doc: Document, demo: Demonstration) -> Iterator[Diagnostic]:
    scale = demo.scale
    if scale is not None:
        seen: set[str] = set()
        for j, level in enumerate(scale):
            if level in seen:
                where = (*_BASE, "scale", j)
                yield error(doc.at(where), f"{dotted(where)}: {quoted(level)} appears twice")
            seen.add(level)
    if demo.met_from is None:
        return
    where = (*_BASE, "met_from")
    if scale is None:
        message = "'met_from' needs a 'scale' (the levels, lowest first)"
        yield error(doc.at(where), f"{dotted(where)}: {message}")
    elif demo.met_from not in scale:
        message = f"{quoted(demo.met_from)} is not a level of the scale ({', '.join(scale)})"
        yield error(doc.at(where), f"{dotted(where)}: {message}")


def _levels(doc: Document, demo: Demonstration, i: int) -> Iterator[Diagnostic]:
    levels = demo.criteria[i].levels
    if not levels:
        return
    base = (*_BASE, "criteria", i, "levels")
    if demo.scale is None:
        message = "levels need a 'scale' on the demonstration (the levels, lowest first)"
        yield error(doc.key_at(base), f"{dotted(base)}: {message}")
        return
    for name in levels:
        if name not in demo.scale:
            where = (*base, name)
            message = f"{quoted(name)} is not a level of the scale ({', '.join(demo.scale)})"
            yield error(doc.key_at(where), f"{dotted(where)}: {message}")
