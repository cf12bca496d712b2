"""A curriculum: ``content/<curriculum>/curriculum.yml``, with its program guide."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Discriminator, Field, Tag, WithJsonSchema

from generator.content.model.common import Minutes, Resource, Slug, Strict, Text
from generator.content.model.demonstration import Demonstration
from generator.content.model.prepost import PrePostTests
from generator.content.model.vars import VarName, VarValue

_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _check_clock(value: str) -> str:
    if not _CLOCK.match(value):
        raise ValueError(f"'{value}' is not a valid time; write HH:MM, e.g. 08:30")
    return value


Clock = Annotated[
    str,
    AfterValidator(_check_clock),
    WithJsonSchema({"type": "string", "pattern": _CLOCK.pattern, "examples": ["08:30"]}),
]
"""A clock time ``HH:MM`` (24 hours), e.g. ``13:00``."""


class Author(Strict):
    """Someone who wrote the curriculum."""

    name: Text
    organisation: Text | None = None


class GlossaryEntry(Strict):
    """A term and what it means; also shown as a hover definition in lessons."""

    term: Text
    definition: Text


class ModuleSession(Strict):
    """A session that delivers a module by its session plan."""

    module: Slug
    notes: Text | None = None
    start: Clock | None = None
    """Pin the session to a clock time; default: when the previous session ends."""


class OtherSession(Strict):
    """A session that is not a module: opening, pre-test, field visit..."""

    title: Text
    minutes: Minutes
    notes: Text | None = None
    practice: bool = False
    start: Clock | None = None
    """Pin the session to a clock time, e.g. a field visit at 13:00."""


class BreakSession(Strict):
    """A break (tea, lunch, prayer)."""

    break_: Text = Field(alias="break")
    minutes: Minutes
    start: Clock | None = None
    """Pin the break to a clock time, e.g. lunch at 12:00."""


def _session_kind(value: Any) -> str:  # noqa: ANN401 - a discriminator sees untyped YAML
    if isinstance(value, dict):
        if "module" in value:
            return "module"
        if "break" in value:
            return "break"
    return "other"


Session = Annotated[
    Annotated[ModuleSession, Tag("module")]
    | Annotated[BreakSession, Tag("break")]
    | Annotated[OtherSession, Tag("other")],
    Discriminator(_session_kind),
]


class Day(Strict):
    """One training day."""

    id: Slug | None = None
    """Names the day, so that an overlay can change it (docs/overlays.md)."""
    title: Text | None = None
    start: Clock
    sessions: list[Session] = Field(min_length=1)


class Guide(Strict):
    """The program guide for trainers."""

    overview: Text | None = None
    group_size: Text | None = None
    class_size: int | None = Field(None, ge=1, le=1000)
    """How many participants the plan and its materials are for (e.g. 30)."""
    venue: Text | None = None
    preparation: list[Text] = []
    days: list[Day] = []
    evaluation: Text | None = None
    follow_up: Text | None = None


class BaseCurriculum(Strict):
    """``extends:`` written out: the base curriculum and the version the overlay was written for."""

    curriculum: Slug
    version: Text | None = None


class Curriculum(Strict):
    """A curriculum file."""

    extends: Slug | BaseCurriculum | None = None
    """Makes this curriculum an overlay of another (docs/overlays.md)."""
    title: Text
    summary: Text
    language: Literal["id", "en"] | None = None
    translation_of: Slug | None = None
    """The id of the curriculum this one translates (in another language)."""
    audience: Text | None = None
    level: Text | None = None
    version: Text | None = None
    licence: Text = "CC-BY-SA-4.0"
    authors: list[Author] = []
    objectives: dict[Slug, Text] = {}
    prerequisites: list[Text] = []
    modules: list[Slug] = Field(min_length=1)
    glossary: list[GlossaryEntry] = []
    resources: list[Resource] = []
    guide: Guide | None = None
    tests: PrePostTests | None = None
    demonstration: Demonstration | None = None
    vars: dict[VarName, VarValue] = {}
    """Values of the ``{{ name }}`` placeholders in the curriculum and its modules."""
