"""The quiz of a module and its seven question types."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from generator.content.model.common import Slug, Strict, Text


class QuestionBase(Strict):
    """What every question has."""

    id: Slug | None = None
    prompt: Text
    objective: Slug | None = None
    hint: Text | None = None
    explanation: Text | None = None
    points: int = Field(1, ge=1, le=100)


class Choice(Strict):
    """One choice of a ``single`` or ``multiple`` question."""

    text: Text
    correct: bool = False
    feedback: Text | None = None


class SingleQuestion(QuestionBase):
    """Exactly one choice is correct."""

    type: Literal["single"]
    choices: list[Choice]


class MultipleQuestion(QuestionBase):
    """One or more choices are correct."""

    type: Literal["multiple"]
    choices: list[Choice]


class TrueFalseQuestion(QuestionBase):
    """A statement that is true or false."""

    type: Literal["true-false"]
    answer: bool


class TextQuestion(QuestionBase):
    """A short typed answer; case, spacing and accents are ignored."""

    type: Literal["text"]
    answers: list[Text] = Field(min_length=1)


class NumberQuestion(QuestionBase):
    """A number, within ``tolerance`` (absolute)."""

    type: Literal["number"]
    answer: float
    tolerance: float = Field(0, ge=0)
    unit: Text | None = None


class OrderQuestion(QuestionBase):
    """Items listed in the right order; shown shuffled."""

    type: Literal["order"]
    items: list[Text]


class MatchPair(Strict):
    """A left item and the right item that belongs to it."""

    left: Text
    right: Text


class MatchQuestion(QuestionBase):
    """Pairs to match; the right side is shown shuffled."""

    type: Literal["match"]
    pairs: list[MatchPair]


Question = Annotated[
    SingleQuestion
    | MultipleQuestion
    | TrueFalseQuestion
    | TextQuestion
    | NumberQuestion
    | OrderQuestion
    | MatchQuestion,
    Field(discriminator="type"),
]

QUESTION_TYPES = ("single", "multiple", "true-false", "text", "number", "order", "match")


class AfterAttempts(Strict):
    """Show the correct answers once the learner has checked the quiz this many times."""

    after_attempts: int = Field(alias="after-attempts", ge=1, le=20)


def _reveal_kind(value: Any) -> str:  # noqa: ANN401 - a discriminator sees untyped YAML
    """``after-pass`` and the like are names; anything else is read as ``{after-attempts: N}``."""
    return "name" if isinstance(value, str) else "attempts"


Reveal = Annotated[
    Annotated[Literal["after-pass", "always", "never"], Tag("name")]
    | Annotated[AfterAttempts, Tag("attempts")],
    Discriminator(_reveal_kind),
]
"""When a quiz shows its correct answers and explanations (docs/assessment.md)."""

DEFAULT_REVEAL: Reveal = "after-pass"


class Quiz(Strict):
    """A module's quiz."""

    pass_mark: int = Field(70, alias="pass", ge=0, le=100)
    shuffle: bool = False
    reveal: Reveal | None = None
    """When the correct answers are shown; default: the site's ``quiz_reveal`` (after-pass)."""
    questions: list[Question] = Field(min_length=1)
