r"""Placeholders: ``{{ name }}`` in text and prose replaced by the curriculum's ``vars``.

A plain substitution, run once on the validated models of a curriculum (however
they were assembled: one folder, or a base and an overlay), before the checks,
so every output gets the replaced text and every check sees it:

* ``{{ name }}`` (spaces inside optional) is replaced by the value of ``name``
  in ``vars:`` of ``curriculum.yml``, a number as written in the YAML file;
  the value is inserted as it is and not searched again;
* ``\{{`` writes ``{{`` (``}}`` alone is never special);
* anything else that starts with ``{{``, and a name that ``vars`` lacks, are
  errors at the placeholder's line and column;
* only the fields of :data:`FIELDS` are replaced; a placeholder in another
  text (an address, a file name, a level of a scale) is a warning.

The values land in the field before it is rendered, so they are escaped or
sanitised exactly like the rest of that field.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from generator.content.diagnostics import Diagnostic, Position, error, warning
from generator.content.errors import dotted
from generator.content.load import DataPath, Document
from generator.content.model import (
    Activity,
    Author,
    BreakSession,
    Choice,
    Criterion,
    Curriculum,
    Day,
    Demonstration,
    GlossaryEntry,
    Guide,
    Lesson,
    MatchPair,
    MatchQuestion,
    Module,
    ModuleSession,
    NumberQuestion,
    OrderQuestion,
    OtherSession,
    OwnChoice,
    OwnMultipleQuestion,
    OwnSingleQuestion,
    OwnTrueFalseQuestion,
    PrePostTest,
    Resource,
    SessionPlan,
    Step,
    TextQuestion,
    Worksheet,
    WorksheetTable,
)
from generator.content.model.curriculum import BaseCurriculum
from generator.content.model.quiz import MultipleQuestion, SingleQuestion, TrueFalseQuestion
from generator.content.project import CurriculumSource, ModuleSource

M = TypeVar("M", bound=BaseModel)
_QUESTION = frozenset({"prompt", "hint", "explanation"})
_OWN_QUESTION = frozenset({"prompt", "explanation"})

FIELDS: Mapping[type[BaseModel], frozenset[str]] = {
    Curriculum: frozenset({"title", "summary", "audience", "level", "objectives", "prerequisites"}),
    Author: frozenset({"name", "organisation"}),
    GlossaryEntry: frozenset({"term", "definition"}),
    Resource: frozenset({"title", "note"}),
    Guide: frozenset({"overview", "group_size", "venue", "preparation", "evaluation", "follow_up"}),
    Day: frozenset({"title"}),
    ModuleSession: frozenset({"notes"}),
    OtherSession: frozenset({"title", "notes"}),
    BreakSession: frozenset({"break_"}),
    PrePostTest: frozenset({"title"}),
    OwnSingleQuestion: _OWN_QUESTION,
    OwnMultipleQuestion: _OWN_QUESTION,
    OwnTrueFalseQuestion: _OWN_QUESTION,
    OwnChoice: frozenset({"text"}),
    Demonstration: frozenset({"title", "task", "materials"}),
    Criterion: frozenset({"title", "observe", "levels"}),
    Module: frozenset({"title", "summary", "objectives"}),
    Lesson: frozenset({"title", "body", "keypoints"}),
    Activity: frozenset(
        {"title", "method", "group", "materials", "instructions", "hints", "solution"}
    ),
    Worksheet: frozenset({"title", "intro", "text"}),
    WorksheetTable: frozenset({"columns", "prefilled"}),
    SessionPlan: frozenset({"materials", "preparation"}),
    Step: frozenset({"title", "method", "notes"}),
    SingleQuestion: _QUESTION,
    MultipleQuestion: _QUESTION,
    TrueFalseQuestion: _QUESTION,
    TextQuestion: _QUESTION | {"answers"},
    NumberQuestion: _QUESTION | {"unit"},
    OrderQuestion: _QUESTION | {"items"},
    MatchQuestion: _QUESTION,
    MatchPair: frozenset({"left", "right"}),
    Choice: frozenset({"text", "feedback"}),
}
"""The fields whose text placeholders are replaced in (strings in lists and mapping values too)."""

NOT_REPLACED: Mapping[type[BaseModel], frozenset[str]] = {
    Curriculum: frozenset({"version", "licence"}),
    Resource: frozenset({"url", "file"}),
    Demonstration: frozenset({"activity", "scale", "met_from"}),
    Criterion: frozenset({"objective"}),
    BaseCurriculum: frozenset({"version"}),
}
"""Texts that are addresses, names of files or references: a placeholder there is a warning."""

_TOKEN = re.compile(r"\\\{\{|\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}|\{\{")
_MALFORMED = re.compile(r"\{\{[^\n]{0,38}?\}\}")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # as generator.content.load counts lines
_ESCAPE = "\\{{"


@dataclass(frozen=True)
class Miss:
    """A placeholder that cannot be replaced, at ``offset`` in the text."""

    offset: int
    token: str
    """The placeholder as written, e.g. ``{{ kabupatn }}``, or ``{{`` when it is malformed."""
    name: str | None
    """The unknown name; None when the text after ``{{`` is no placeholder at all."""
    shown: str
    """What to quote in a message: the placeholder, or the start of the text after ``{{``."""


def replace_placeholders(text: str, values: Mapping[str, str]) -> tuple[str, list[Miss]]:
    r"""``text`` with its placeholders replaced by ``values`` and ``\{{`` by ``{{``.

    A placeholder that cannot be replaced stays as written and comes back as a
    :class:`Miss`.
    """
    misses: list[Miss] = []

    def one(match: re.Match[str]) -> str:
        token, name = match.group(0), match.group(1)
        if token == _ESCAPE:
            return "{{"
        if name is not None and name in values:
            return values[name]
        if name is None:
            written = _MALFORMED.match(text, match.start())
            shown = written.group(0) if written else token
        else:
            shown = token
        misses.append(Miss(match.start(), token, name, shown))
        return token

    if "{{" not in text:
        return text, []
    return _TOKEN.sub(one, text), misses


def has_placeholder(text: str) -> bool:
    """Whether ``text`` holds a ``{{`` that is not escaped."""
    return any(m.group(0) != _ESCAPE for m in _TOKEN.finditer(text))


def var_texts(curriculum: CurriculumSource) -> dict[str, str]:
    """The text each of the curriculum's vars stands for; a number as written in YAML."""
    texts: dict[str, str] = {}
    for name, value in curriculum.model.vars.items():
        if isinstance(value, str):
            texts[name] = value
        else:
            written = curriculum.doc.number_texts.get(("vars", name))
            texts[name] = written if written is not None else _number_text(value)
    return texts


def _number_text(value: float) -> str:
    if isinstance(value, int) or not value.is_integer():
        return str(value)
    return str(int(value))


def substitute(curriculum: CurriculumSource) -> tuple[CurriculumSource, list[Diagnostic]]:
    """The curriculum and its modules with every placeholder replaced, and the problems found.

    The models given are not changed; the curriculum returned holds new ones.
    """
    values = var_texts(curriculum)
    top = _Walk(values, curriculum.doc)
    model = top.model(curriculum.model)
    diagnostics = top.found
    modules: list[ModuleSource] = []
    for module in curriculum.modules:
        walk = _Walk(values, module.doc)
        modules.append(replace(module, model=walk.model(module.model)))
        diagnostics += walk.found
    return replace(curriculum, model=model, modules=modules), diagnostics


@dataclass
class _Walk:
    """One document's models walked: new models, and the diagnostics met."""

    values: Mapping[str, str]
    doc: Document
    found: list[Diagnostic] = field(default_factory=list)
    _sources: dict[Path, list[str] | None] = field(default_factory=dict)

    def model(self, model: M, path: DataPath = ()) -> M:
        kind = type(model)
        replaced, kept = FIELDS.get(kind, frozenset()), NOT_REPLACED.get(kind, frozenset())
        update: dict[str, object] = {}
        for name, info in kind.model_fields.items():
            value = getattr(model, name)
            where = (*path, info.alias or name)
            new = self.value(value, where, replace=name in replaced, warn=name in kept)
            if new is not value:
                update[name] = new
        return model.model_copy(update=update) if update else model

    def value(self, value: object, path: DataPath, *, replace: bool, warn: bool) -> object:
        if isinstance(value, BaseModel):
            return self.model(value, path)
        if isinstance(value, str):
            return self.text(value, path, replace=replace, warn=warn)
        if isinstance(value, list):
            items = [
                self.value(item, (*path, i), replace=replace, warn=warn)
                for i, item in enumerate(value)
            ]
            return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
        if isinstance(value, dict):
            mapping = {
                key: self.value(item, (*path, key), replace=replace, warn=warn)
                for key, item in value.items()
            }
            return mapping if any(mapping[k] is not value[k] for k in value) else value
        return value

    def text(self, text: str, path: DataPath, *, replace: bool, warn: bool) -> str:
        if replace:
            new, misses = replace_placeholders(text, self.values)
            for miss in misses:
                self.found.append(error(self.place(path, text, miss), self.message(path, miss)))
            return text if new == text else new
        if warn and has_placeholder(text):
            message = f"{dotted(path)}: placeholders are not replaced here; write the text out"
            self.found.append(warning(self.doc.at(path), message))
        return text

    def message(self, path: DataPath, miss: Miss) -> str:
        where = dotted(path)
        if miss.name is None:
            return (
                f"{where}: '{miss.shown}' is not a placeholder: write {{{{ name }}}} with a name "
                "of letters, digits and _, or \\{{ to show the braces"
            )
        close = difflib.get_close_matches(miss.name, list(self.values), n=1, cutoff=0.6)
        if close:
            hint = f" (did you mean '{close[0]}'?)"
        elif self.values:
            hint = f"; the vars of this curriculum are {', '.join(sorted(self.values))}"
        else:
            hint = "; declare it under vars: in curriculum.yml, or write \\{{ to show the braces"
        return f"{where}: unknown placeholder '{miss.shown}'{hint}"

    def place(self, path: DataPath, text: str, miss: Miss) -> Position:
        """Where the placeholder is written; the value's position when it cannot be found."""
        start = self.doc.at(path)
        lines = self._lines(start.file)
        if lines is None or start.line > len(lines):
            return start
        before = text[: miss.offset].count(miss.token)
        end = self._end(start)
        line, column = start.line, start.column - 1
        while line <= len(lines) and (line, column + 1) < end:
            found = lines[line - 1].find(miss.token, column)
            if found < 0 or (line, found + 1) >= end:
                line, column = line + 1, 0
                continue
            if before == 0:
                return Position(start.file, line, found + 1)
            before -= 1
            column = found + len(miss.token)
        return start

    def _end(self, start: Position) -> tuple[int, int]:
        """The first key or value of the file after ``start``: where its text must end."""
        known = sorted(
            (p.line, p.column)
            for p in (*self.doc.positions.values(), *self.doc.key_positions.values())
            if p.file == start.file
        )
        after = bisect.bisect_right(known, (start.line, start.column))
        return known[after] if after < len(known) else (1 << 62, 0)

    def _lines(self, file: Path) -> list[str] | None:
        if file not in self._sources:
            try:
                source = file.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                self._sources[file] = None
            else:
                self._sources[file] = _LINE_BREAK.split(source)
        return self._sources[file]
