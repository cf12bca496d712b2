"""Diagnostics in English or Bahasa Indonesia: the language, and the translation of a message.

Checks write their messages in English. When diagnostics are printed, each
message is looked up in :mod:`generator.content.message_catalogue` by its
English template and written in the chosen language; a message the catalogue
does not hold stays English. The ``error``/``warning`` word and the
``path:line:col`` stay as they are, so tools that read them keep working.

The language is the one a command was given (``--lang``, :func:`set_language`),
else ``BERDAYA_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``:
one starting with ``id`` is Indonesian), else English.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from generator.content.message_catalogue import MESSAGES, PHRASES

Language = Literal["id", "en"]

_PLACEHOLDER = re.compile(r"\{(\w+)(?::([^{}]+))?\}")
_PATH = re.compile(r"([A-Za-z_][\w-]*(?:\.[\w-]+|\[\d+\])*): (.+)\Z", re.DOTALL)
"""A data path (``quiz.questions[2].choices``) before a message."""

_chosen: list[Language] = []


@dataclass(frozen=True)
class _Entry:
    pattern: re.Pattern[str]
    target: str


def _compile(catalogue: Mapping[str, str]) -> list[_Entry]:
    entries = []
    for english, target in catalogue.items():
        parts, end = [], 0
        for match in _PLACEHOLDER.finditer(english):
            parts.append(re.escape(english[end : match.start()]))
            parts.append(f"(?P<{match.group(1)}>{match.group(2) or '.+?'})")
            end = match.end()
        parts.append(re.escape(english[end:]))
        entries.append(_Entry(re.compile("".join(parts) + r"\Z", re.DOTALL), target))
    return entries


_MESSAGES = _compile(MESSAGES)
_PHRASES = _compile(PHRASES)


def placeholders(template: str) -> set[str]:
    """The names of a template's placeholders (``{name}`` or ``{name:regex}``)."""
    return {match.group(1) for match in _PLACEHOLDER.finditer(template)}


def translate(message: str, language: Language) -> str:
    """``message`` in ``language``: looked up by its English template, else as it is."""
    if language == "en":
        return message
    found = _lookup(message, _MESSAGES)
    if found is not None:
        return found
    path = _PATH.match(message)
    if path is not None:
        rest = _lookup(path.group(2), _MESSAGES)
        if rest is not None:
            return f"{path.group(1)}: {rest}"
    return message


def _lookup(text: str, entries: list[_Entry]) -> str | None:
    for entry in entries:
        match = entry.pattern.match(text)
        if match is None:
            continue
        values = {
            name: _phrase(value) if name.endswith("_t") else value
            for name, value in match.groupdict().items()
        }
        return _fill(entry.target, values)
    return None


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _phrase(text: str) -> str:
    """A part of a message in Indonesian: a phrase, a whole message, else as it is."""
    found = _lookup(text, _PHRASES)
    if found is None:
        found = _lookup(text, _MESSAGES)
    return text if found is None else found


def locale_language(environ: Mapping[str, str] | None = None) -> Language:
    """The language of the environment: ``BERDAYA_LANG``, else the locale's messages."""
    env = os.environ if environ is None else environ
    chosen = env.get("BERDAYA_LANG", "")
    if chosen in ("id", "en"):
        return "id" if chosen == "id" else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "id" if value.lower().startswith("id") else "en"
    return "en"


def diagnostic_language() -> Language:
    """The language diagnostics are printed in now (see the module's docstring)."""
    return _chosen[-1] if _chosen else locale_language()


def set_language(language: Language | None) -> None:
    """Print diagnostics in ``language`` from now on (``None``: from the environment)."""
    _chosen[:] = [language] if language is not None else []


@contextmanager
def use_language(language: Language | None = None) -> Iterator[None]:
    """A block (a command's run) after which the earlier choice of language is back."""
    saved = list(_chosen)
    if language is not None:
        set_language(language)
    try:
        yield
    finally:
        _chosen[:] = saved
