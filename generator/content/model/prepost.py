"""The pre-test and post-test of a curriculum: ``tests:`` in ``curriculum.yml``.

Each test is a list of items. An item is either a reference to a question of
a module quiz (``ref: <module>/<question id>``) or a question of its own, of
one of the three types whose answers fit in a short results code: ``single``,
``multiple`` and ``true-false``. A callable discriminator tells the two kinds
of item apart (``ref`` or not), the ``type`` key the question types.
:mod:`generator.content.prepost` checks the references and resolves them.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Discriminator, Field, Tag, WithJsonSchema

from generator.content.model.common import SLUG_PATTERN, Slug, Strict, Text

TEST_TYPES = ("single", "multiple", "true-false")
"""The question types a test may hold (their answers fit in a results code)."""
TEST_KINDS = ("pre", "post")
_SLUG = SLUG_PATTERN.strip("^$")
_REF = re.compile(rf"^{_SLUG}/{_SLUG}$")


def _check_ref(value: str) -> str:
    if not _REF.match(value):
        raise ValueError(
            f"'{value}' is not a question reference: write <module>/<question id>, "
            "e.g. harga/arti-hpp"
        )
    return value


Ref = Annotated[
    str,
    AfterValidator(_check_ref),
    WithJsonSchema({"type": "string", "pattern": _REF.pattern, "examples": ["harga/arti-hpp"]}),
]
"""``<module>/<question id>``: a question of a module quiz, named by its ``id``."""


class QuestionRef(Strict):
    """A question of a module quiz, asked again in a test."""

    ref: Ref


class OwnChoice(Strict):
    """One choice of a test question (tests give no feedback)."""

    text: Text
    correct: bool = False


class OwnQuestionBase(Strict):
    """What every question of a test's own has."""

    id: Slug | None = None
    module: Slug
    """The module the question tests."""
    objective: Slug | None = None
    """The objective of that module it covers."""
    prompt: Text
    points: int = Field(1, ge=1, le=100)
    explanation: Text | None = None
    """Shown in the trainer's answer sheet only."""


class OwnSingleQuestion(OwnQuestionBase):
    """Exactly one choice is correct."""

    type: Literal["single"]
    choices: list[OwnChoice]


class OwnMultipleQuestion(OwnQuestionBase):
    """One or more choices are correct."""

    type: Literal["multiple"]
    choices: list[OwnChoice]


class OwnTrueFalseQuestion(OwnQuestionBase):
    """A statement that is true or false."""

    type: Literal["true-false"]
    answer: bool


OwnQuestion = Annotated[
    OwnSingleQuestion | OwnMultipleQuestion | OwnTrueFalseQuestion,
    Field(discriminator="type"),
]


def _item_kind(value: Any) -> str:  # noqa: ANN401 - a discriminator sees untyped YAML
    if isinstance(value, dict):
        return "ref" if "ref" in value else "own"
    if isinstance(value, QuestionRef):
        return "ref"
    return "own"


TestItem = Annotated[
    Annotated[QuestionRef, Tag("ref")] | Annotated[OwnQuestion, Tag("own")],
    Discriminator(_item_kind),
]


class PrePostTest(Strict):
    """One test: the pre-test or the post-test."""

    title: Text | None = None
    """Default: "Tes awal" / "Tes akhir" (in English "Pre-test" / "Post-test")."""
    shuffle: bool = True
    """Choices in a fixed mixed order, the same on screen and on paper; ``false``: as written."""
    questions: list[TestItem] = Field(min_length=1)


def _post_kind(value: Any) -> str:  # noqa: ANN401 - a discriminator sees untyped YAML
    return "same" if isinstance(value, str) else "test"


class PrePostTests(Strict):
    """``tests:``: the pre-test, and the post-test (``same``, or questions of its own)."""

    pre: PrePostTest
    post: Annotated[
        Annotated[Literal["same"], Tag("same")] | Annotated[PrePostTest, Tag("test")],
        Discriminator(_post_kind),
    ]
