"""A skill demonstration (unjuk keterampilan): ``demonstration:`` in a module or curriculum.

Each participant performs a task while the trainer observes and scores it with
a rubric: criteria, each tied to an objective, met on a yes/no check or at a
level of a scale. :mod:`generator.content.demonstration_checks` checks the
references (objectives, activity, levels), :mod:`generator.content.demonstration`
states and decides the pass rule (docs/trainer-kit.md).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from generator.content.model.common import Minutes, Slug, Strict, Text


class Criterion(Strict):
    """One thing the trainer assesses."""

    id: Slug
    title: Text
    observe: Text | None = None
    """What the trainer looks for (prose); shown to trainers only."""
    objective: Text
    """Module: an objective of the module; curriculum: ``<module>/<objective>`` or its own."""
    critical: bool = False
    levels: dict[Text, Text] = {}
    """What each level of the demonstration's ``scale`` looks like, by level name."""


class PassRule(Strict):
    """How many criteria a participant must meet to pass."""

    others: int = Field(ge=0)
    """Every critical criterion met, and at least this many of the others."""


class Demonstration(Strict):
    """A task each participant performs, and the rubric that scores it."""

    title: Text | None = None
    """Default: "Unjuk keterampilan" (Indonesian), "Skill demonstration" (English)."""
    task: Text
    minutes: Minutes
    activity: Text | None = None
    """Module: an activity of the module; curriculum: ``<module>/<activity>``."""
    materials: list[Text] = []
    scale: Annotated[list[Text], Field(min_length=2)] | None = None
    """The levels, lowest first; without a scale every criterion is a yes/no check."""
    met_from: Text | None = None
    """With a scale: the lowest level that meets a criterion; default the second level."""
    criteria: list[Criterion] = Field(min_length=1)
    pass_rule: PassRule | None = Field(None, alias="pass")
    """Default: every criterion met."""

    @property
    def met_level(self) -> str | None:
        """The lowest level that meets a criterion; ``None`` for yes/no checks."""
        if self.scale is None:
            return None
        return self.met_from if self.met_from is not None else self.scale[1]
