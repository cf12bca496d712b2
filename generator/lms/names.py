"""Question names, ids made from names, and short-answer texts (Moodle's wildcard ``*``)."""

from __future__ import annotations

import re

from generator.content.model import MAX_ID, Question
from generator.lms.markup import to_plain

NAME_LENGTH = 80
"""The longest name made from a prompt; an ellipsis marks a cut."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ACCENTS = str.maketrans("àáâãäåèéêëìíîïòóôõöùúûüýÿñç", "aaaaaaeeeeiiiiooooouuuuyync")
_WILDCARD = re.compile(r"(?<!\\)\*")


def question_name(question: Question) -> str:
    """The name Moodle lists a question by: its id, or the start of its prompt."""
    return question.id or prompt_name(question.prompt)


def prompt_name(prompt: str) -> str:
    """The start of a prompt as plain text, cut at a word before :data:`NAME_LENGTH`."""
    text = " ".join(to_plain(prompt).split())
    if len(text) <= NAME_LENGTH:
        return text
    cut = text[:NAME_LENGTH].rsplit(" ", 1)[0]
    return f"{cut}…"


def is_prompt_name(name: str, prompt: str) -> bool:
    """Whether ``name`` is only the start of the prompt (no id of its own)."""
    start = re.sub(r"\s*(?:…|\.\.\.)$", "", " ".join(name.split()))
    return bool(start) and " ".join(to_plain(prompt).split()).startswith(start)


def slug(name: str) -> str:
    """An id made from a name: ``Arti HPP (1)`` -> ``arti-hpp-1``; empty when nothing is left."""
    text = name.lower().translate(_ACCENTS)
    return _NOT_SLUG.sub("-", text).strip("-")[:MAX_ID].strip("-")


def shortanswer_text(answer: str) -> str:
    r"""An accepted answer for Moodle's short answer: ``*`` is its wildcard, so ``\\*``."""
    return answer.replace("*", "\\*")


def from_shortanswer(text: str) -> tuple[str, bool]:
    """A Moodle short answer as Berdaya's text, and whether it used the wildcard ``*``."""
    return text.replace("\\*", "*"), bool(_WILDCARD.search(text))
