"""Standards profiles: a curriculum checked against a training standard's criteria.

A profile is data, ``generator/content/profiles/<id>.yml``: the standard's title,
version and source, and its criteria, each a rule of this module with the
standard's figures (docs/trainer-kit.md, "Standards profiles"). Another
standard is another file that uses the same rules with its own figures.
``berdaya validate --profile <id>`` adds the findings to the other diagnostics
as errors, each naming the criterion: ``[prakerja.min-hours] ...``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Annotated, Literal

import yaml
from pydantic import Field

from generator.content.agenda import Agenda, agenda
from generator.content.diagnostics import Diagnostic, Position, error
from generator.content.load import DataPath, Document
from generator.content.model.common import Slug, Strict, Text
from generator.content.project import CurriculumSource
from generator.exceptions import UsageError

PROFILES = resources.files("generator.content") / "profiles"


class PracticeShare(Strict):
    """Practice takes at least ``min_percent`` of the session time."""

    id: Slug
    rule: Literal["practice-share"]
    min_percent: int = Field(ge=0, le=100)


class MaxDay(Strict):
    """No day has more than ``max_hours`` of sessions (breaks not counted)."""

    id: Slug
    rule: Literal["max-day"]
    max_hours: float = Field(gt=0)


class MinHours(Strict):
    """The sessions of all days take at least ``min_hours`` (breaks not counted)."""

    id: Slug
    rule: Literal["min-hours"]
    min_hours: float = Field(gt=0)


class Present(Strict):
    """Something the curriculum must have: a test, a quiz in every module, a demonstration."""

    id: Slug
    rule: Literal["pre-test", "post-test", "quizzes", "demonstration"]


class ClassSize(Strict):
    """The guide plans for at least ``min_participants``; every session plan lists materials."""

    id: Slug
    rule: Literal["class-size"]
    min_participants: int = Field(ge=1)


Criterion = Annotated[
    PracticeShare | MaxDay | MinHours | Present | ClassSize, Field(discriminator="rule")
]


class Profile(Strict):
    """A training standard: where its figures come from, and its criteria."""

    id: Slug
    title: Text
    version: Text
    source: Text
    criteria: list[Criterion] = Field(min_length=1)


def profile_names() -> list[str]:
    """The ids of the profiles in the package, sorted."""
    names = (p.name for p in PROFILES.iterdir())
    return sorted(name.removesuffix(".yml") for name in names if name.endswith(".yml"))


@cache
def load_profile(name: str) -> Profile:
    """The profile ``name`` from the package.

    Raises:
        UsageError: there is no such profile.
    """
    if name not in profile_names():
        known = ", ".join(profile_names())
        raise UsageError(f"no profile '{name}' (known: {known})")
    text = (PROFILES / f"{name}.yml").read_text(encoding="utf-8")
    return Profile.model_validate(yaml.safe_load(text), strict=False)


def check_profile(source: CurriculumSource, profile: Profile) -> list[Diagnostic]:
    """Every criterion of ``profile`` that ``source`` fails, as errors with positions."""
    days = agenda(source)
    found: list[Diagnostic] = []
    for criterion in profile.criteria:
        for doc, where, message in _findings(source, days, criterion):
            position = _key_position(doc, where)
            label = f"[{profile.id}.{criterion.id}]"
            found.append(error(position, f"{label} {message}; {profile.title} ({profile.version})"))
    return found


def _key_position(doc: Document, path: DataPath) -> Position:
    """Where ``path`` is written: its key, a list item itself, else its nearest ancestor's key."""
    if path in doc.positions and path not in doc.key_positions:
        return doc.at(path)
    for end in range(len(path), 0, -1):
        if path[:end] in doc.key_positions:
            return doc.key_at(path[:end])
    return doc.at(path)


Finding = tuple[Document, DataPath, str]
"""A criterion failed: the file, the place in it, and why."""


def hours(minutes: float) -> str:
    """``815`` minutes as ``13 h 35 min``; whole hours as ``15 h``."""
    whole, rest = divmod(round(minutes), 60)
    return f"{whole} h {rest} min" if rest else f"{whole} h"


def _practice_share(source: CurriculumSource, days: Agenda, c: PracticeShare) -> Iterator[Finding]:
    if not days.days:
        yield source.doc, ("guide",), "the guide has no days, so no session time to count"
        return
    exact = 100 * days.practice / days.training if days.training else 0.0
    if exact < c.min_percent:
        share = f"{days.practice} of {days.training} minutes ({exact:.1f}%)"
        message = f"practice takes {share}; at least {c.min_percent}% asked"
        yield source.doc, ("guide", "days"), message


def _max_day(source: CurriculumSource, days: Agenda, c: MaxDay) -> Iterator[Finding]:
    for day in days.days:
        if day.training > c.max_hours * 60:
            message = (
                f"day {day.number} has {hours(day.training)} of sessions (breaks not counted); "
                f"at most {hours(c.max_hours * 60)} a day"
            )
            yield source.doc, ("guide", "days", day.number - 1), message


def _min_hours(source: CurriculumSource, days: Agenda, c: MinHours) -> Iterator[Finding]:
    if days.training < c.min_hours * 60:
        message = (
            f"the training has {hours(days.training)} of sessions (breaks not counted); "
            f"at least {hours(c.min_hours * 60)} asked"
        )
        yield source.doc, ("guide", "days"), message


def _present(source: CurriculumSource, days: Agenda, c: Present) -> Iterator[Finding]:
    del days
    model = source.model
    if c.rule in ("pre-test", "post-test"):
        kind = c.rule.removesuffix("-test")
        if model.tests is None:
            yield source.doc, (), f"no {c.rule}: add 'tests:' with '{kind}:' to curriculum.yml"
    elif c.rule == "quizzes":
        for module in source.modules:
            if module.model.quiz is None:
                yield module.doc, (), f"module '{module.id}' has no quiz"
    elif model.demonstration is None and all(m.model.demonstration is None for m in source.modules):
        yield source.doc, (), "no skill demonstration: add 'demonstration:' with a rubric"


def _class_size(source: CurriculumSource, days: Agenda, c: ClassSize) -> Iterator[Finding]:
    del days
    guide = source.model.guide
    size = guide.class_size if guide else None
    if size is None or size < c.min_participants:
        said = "says no class_size" if size is None else f"plans for {size} participants"
        message = f"the guide {said}; materials for a class of {c.min_participants} asked"
        yield source.doc, ("guide", "class_size"), message
    for module in source.modules:
        session = module.model.session
        if session is None or not session.materials:
            where: DataPath = ("session", "materials")
            message = f"module '{module.id}' has no session plan materials to prepare for the class"
            yield module.doc, where, message


def _findings(source: CurriculumSource, days: Agenda, c: Criterion) -> Iterator[Finding]:
    """What ``source`` fails of the criterion ``c``, by its rule."""
    if isinstance(c, PracticeShare):
        return _practice_share(source, days, c)
    if isinstance(c, MaxDay):
        return _max_day(source, days, c)
    if isinstance(c, MinHours):
        return _min_hours(source, days, c)
    if isinstance(c, Present):
        return _present(source, days, c)
    return _class_size(source, days, c)
