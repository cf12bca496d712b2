"""A skill demonstration as the pages show it: the task, the rubric, the pass rule in words.

Pure functions returning dataclasses, shown by ``partials/demonstration.md.j2``
(the module or curriculum page: learners see the task and the criteria with
their levels, trainers also what to observe) and
``partials/demonstration_rubric.md.j2`` (the guide and the printable guide: the
rubric as a table). The pass rule is :mod:`generator.content.demonstration`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from generator.content.demonstration import pass_rule, title
from generator.content.model import Demonstration
from generator.content.project import CurriculumSource
from generator.i18n import Language

Where = Literal["module", "curriculum", "guide", "print"]
"""The page that shows it: its own module page, the curriculum page, the web guide, the
printable guide (where every module's content is on the page)."""


@dataclass(frozen=True)
class Level:
    """One level of a criterion: its name and what it looks like."""

    name: str
    description: str | None


@dataclass(frozen=True)
class Row:
    """One criterion of the rubric."""

    number: int
    title: str
    observe: str | None
    critical: bool
    objective: str | None
    """The text of the objective it assesses."""
    levels: list[Level]
    """One per level of the scale, lowest first (descriptions may be missing); none for checks."""


@dataclass(frozen=True)
class DemonstrationView:
    """Everything a page shows of one demonstration."""

    title: str
    module_id: str | None
    """The module that declares it; ``None`` for the curriculum's."""
    module: str | None
    """That module's title."""
    task: str
    minutes: int
    materials: list[str]
    scale: list[str]
    """The levels, lowest first; empty when every criterion is a yes/no check."""
    rows: list[Row]
    rule: str
    activity: str | None
    """The title of the activity in which it happens."""
    activity_link: Markup | None
    """A link target to that activity from the page that shows it (made of ids only)."""


def demonstrations(
    source: CurriculumSource, language: Language, where: Where
) -> list[DemonstrationView]:
    """Every demonstration of a curriculum: its modules' in order, then the curriculum's."""
    found = [
        module_view(source, module.id, language, where)
        for module in source.modules
        if module.model.demonstration is not None
    ]
    if source.model.demonstration is not None:
        found.append(curriculum_view(source, language, where))
    return found


def module_view(
    source: CurriculumSource, module_id: str, language: Language, where: Where
) -> DemonstrationView:
    """The demonstration of the module ``module_id``.

    Raises:
        ValueError: the module has no demonstration (a bug of the caller).
    """
    module = source.module(module_id)
    demo = module.model.demonstration if module is not None else None
    if module is None or demo is None:
        raise ValueError(f"module '{module_id}' has no demonstration")
    objectives = dict(module.model.objectives)
    activity = f"{module_id}/{demo.activity}" if demo.activity else None
    return _view(source, demo, (module_id, module.model.title), objectives, activity, language, where)


def curriculum_view(
    source: CurriculumSource, language: Language, where: Where
) -> DemonstrationView:
    """The curriculum's own demonstration.

    Raises:
        ValueError: the curriculum has none (a bug of the caller).
    """
    demo = source.model.demonstration
    if demo is None:
        raise ValueError(f"curriculum '{source.id}' has no demonstration")
    objectives = dict(source.model.objectives)
    for module in source.modules:
        for key, text in module.model.objectives.items():
            objectives[f"{module.id}/{key}"] = text
    return _view(source, demo, (None, None), objectives, demo.activity, language, where)


def _view(  # noqa: PLR0913 - the parts of a view, named
    source: CurriculumSource,
    demo: Demonstration,
    owner: tuple[str | None, str | None],
    objectives: dict[str, str],
    activity_ref: str | None,
    language: Language,
    where: Where,
) -> DemonstrationView:
    scale = list(demo.scale or [])
    rows = [
        Row(
            number=i,
            title=c.title,
            observe=c.observe,
            critical=c.critical,
            objective=objectives.get(c.objective),
            levels=[Level(name, c.levels.get(name)) for name in scale],
        )
        for i, c in enumerate(demo.criteria, start=1)
    ]
    activity, link = _activity(source, activity_ref, owner[0], where)
    return DemonstrationView(
        title=title(demo, language),
        module_id=owner[0],
        module=owner[1],
        task=demo.task,
        minutes=demo.minutes,
        materials=list(demo.materials),
        scale=scale,
        rows=rows,
        rule=pass_rule(demo, language),
        activity=activity,
        activity_link=link,
    )


def _activity(
    source: CurriculumSource, ref: str | None, page_module: str | None, where: Where
) -> tuple[str | None, Markup | None]:
    """The activity's title and a link to it from the page ``where``, if it exists.

    The link is made of a module id and an activity id of the model (slugs), so it
    is safe as Markdown.
    """
    if ref is None:
        return None, None
    module_id, _, activity_id = ref.partition("/")
    module = source.module(module_id)
    found = next((a for a in module.model.activities if a.id == activity_id), None) if module else None
    if found is None:
        return None, None
    if where == "print":
        link = f"#{module_id}-{activity_id}"
    elif where == "module" and module_id == page_module:
        link = f"#{activity_id}"
    else:
        link = f"{module_id}/index.md#{activity_id}"
    return found.title, Markup(link)  # noqa: S704 - two slugs of the model
