"""The content format v1 as pydantic models."""

from generator.model.common import SLUG_PATTERN, Resource, Strict
from generator.model.curriculum import (
    Author,
    BreakSession,
    Curriculum,
    Day,
    GlossaryEntry,
    Guide,
    ModuleSession,
    OtherSession,
)
from generator.model.module import Activity, Lesson, Module, SessionPlan, Step
from generator.model.quiz import (
    QUESTION_TYPES,
    Choice,
    MatchPair,
    MatchQuestion,
    MultipleQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Quiz,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)

__all__ = [
    "QUESTION_TYPES",
    "SLUG_PATTERN",
    "Activity",
    "Author",
    "BreakSession",
    "Choice",
    "Curriculum",
    "Day",
    "GlossaryEntry",
    "Guide",
    "Lesson",
    "MatchPair",
    "MatchQuestion",
    "Module",
    "ModuleSession",
    "MultipleQuestion",
    "NumberQuestion",
    "OrderQuestion",
    "OtherSession",
    "Question",
    "Quiz",
    "Resource",
    "SessionPlan",
    "SingleQuestion",
    "Step",
    "Strict",
    "TextQuestion",
    "TrueFalseQuestion",
]
