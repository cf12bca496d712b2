"""What an import reads: questions as Berdaya data, with the place they came from.

Both readers (:mod:`generator.lms.gift_read`, :mod:`generator.lms.moodle_read`)
return a :class:`Reading`: each question as the plain data of a ``quiz.questions``
item (keys in the order the YAML files use), with its position in the source
file and its category, plus diagnostics for what could not be carried.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.content.diagnostics import Diagnostic, Position, error, warning
from generator.lms.names import is_prompt_name, slug

KEY_ORDER = (
    "type", "id", "objective", "points", "prompt", "choices", "answer", "answers", "tolerance",
    "unit", "items", "pairs", "hint", "explanation",
)  # fmt: skip
"""The order of a question's keys in the module file."""


@dataclass
class ImportedQuestion:
    """One question read from the source file.

    Attributes:
        data: the ``quiz.questions`` item, as YAML data.
        position: where the question starts in the source file.
        category: the category it was in (``$course$/...``), or "".
    """

    data: dict[str, Any]
    position: Position
    category: str = ""


@dataclass
class Reading:
    """The questions of a source file and what was said about it."""

    questions: list[ImportedQuestion] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, position: Position, message: str) -> None:
        """Note something the import cannot carry."""
        self.diagnostics.append(warning(position, message))

    def fail(self, position: Position, message: str) -> None:
        """Note something the file gets wrong (the import writes nothing)."""
        self.diagnostics.append(error(position, message))


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its keys in :data:`KEY_ORDER`, empty values left out."""
    return {key: data[key] for key in KEY_ORDER if data.get(key) not in (None, "", [])}


def question_id(explicit: str, name: str, prompt: str) -> str | None:
    """The id of an imported question: its id number, else one made from its name.

    A name that is only the start of the prompt (what Moodle and Berdaya write
    for a question without a name) gives no id.
    """
    if explicit:
        return explicit
    if not name or is_prompt_name(name, prompt):
        return None
    return slug(name) or None
