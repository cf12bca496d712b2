"""A module: ``content/<curriculum>/modules/<module>.yml``."""

from __future__ import annotations

from pydantic import Field

from generator.content.model.common import Minutes, Resource, Slug, Strict, Text
from generator.content.model.demonstration import Demonstration
from generator.content.model.quiz import Quiz
from generator.content.model.worksheet import Worksheet


class Lesson(Strict):
    """One lesson; its body is Markdown and gets a page of its own."""

    id: Slug
    title: Text
    body: Text
    minutes: Minutes | None = None
    keypoints: list[Text] = []
    translation_of: Slug | None = None
    """In a translation: the id of the original's lesson; default: the same id."""


class Activity(Strict):
    """An exercise or practical; the solution stays hidden until opened."""

    id: Slug
    title: Text
    method: Text
    minutes: Minutes
    group: Text | None = None
    materials: list[Text] = []
    instructions: Text
    hints: list[Text] = []
    solution: Text | None = None
    objectives: list[Slug] = []
    worksheet: Worksheet | None = None


class Step(Strict):
    """One step of a session plan."""

    id: Slug | None = None
    """Names the step, so that an overlay can change it (docs/overlays.md)."""
    minutes: Minutes
    title: Text | None = None
    method: Text | None = None
    notes: Text | None = None
    activity: Slug | None = None
    practice: bool | None = None
    """Whether the step is practice rather than lecture; default: it names an activity."""

    @property
    def is_practice(self) -> bool:
        """Practice (activity, exercise, field work) rather than presentation."""
        return self.practice if self.practice is not None else self.activity is not None


class SessionPlan(Strict):
    """How a trainer delivers the module."""

    materials: list[Text] = []
    preparation: list[Text] = []
    steps: list[Step] = Field(min_length=1)


class Module(Strict):
    """A module file."""

    title: Text
    summary: Text
    translation_of: Slug | None = None
    """In a translation: the id of the original's module; default: the same id."""
    minutes: Minutes | None = None
    objectives: dict[Slug, Text] = {}
    lessons: list[Lesson] = []
    activities: list[Activity] = []
    quiz: Quiz | None = None
    session: SessionPlan | None = None
    demonstration: Demonstration | None = None
    resources: list[Resource] = []
