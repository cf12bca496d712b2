"""Turn pydantic validation errors into diagnostics at their YAML positions.

A pydantic error location mixes data keys with union tags
(``("quiz", "questions", 0, "single", "choices")``). Walking the model's type
annotations alongside the location tells the two apart, gives the path in the
data (for the position) and the model at that place (for "did you mean").
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel, Tag, ValidationError
from pydantic_core import ErrorDetails

from generator.content.diagnostics import Diagnostic, error
from generator.content.load import DataPath, Document
from generator.content.model.curriculum import ModuleSession
from generator.content.model.module import Module
from generator.content.model.prepost import TEST_TYPES, PrePostTest, QuestionRef
from generator.content.model.quiz import QUESTION_TYPES

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
}

_KEY_HINTS: dict[tuple[type[BaseModel], str], str] = {
    (ModuleSession, "minutes"): "a module session takes its minutes from the module's session",
    (ModuleSession, "title"): "a module session takes its title from the module",
    (Module, "vars"): "vars are declared in curriculum.yml, for the curriculum and all its modules",
}
"""Keys that are wrong in one place for a reason; said instead of a "did you mean"."""
_MODEL_HINTS: dict[type[BaseModel], str] = {
    QuestionRef: "an item with 'ref' asks the question as its module quiz has it",
}
"""Why a model takes no other keys; said instead of a "did you mean"."""


@dataclass(frozen=True)
class _Located:
    path: DataPath
    model: type[BaseModel] | None
    is_key: bool


def diagnostics_from(
    exc: ValidationError, doc: Document, root: type[BaseModel]
) -> list[Diagnostic]:
    """One diagnostic per pydantic error, positioned in ``doc``."""
    return [_diagnostic(detail, doc, root) for detail in exc.errors()]


def _diagnostic(detail: ErrorDetails, doc: Document, root: type[BaseModel]) -> Diagnostic:
    located = _locate(root, detail["loc"])
    path, kind = located.path, detail["type"]
    where = dotted(path)
    if kind == "missing":
        name = detail["loc"][-1]
        return error(
            doc.at(path[:-1]), _prefix(dotted(path[:-1]), f"missing required key '{name}'")
        )
    if kind == "extra_forbidden":
        key = str(path[-1])
        known = _known_keys(located.model)
        hint = (
            _KEY_HINTS.get((located.model, key)) or _MODEL_HINTS.get(located.model)
            if located.model
            else None
        )
        message = f"unknown key {quoted(key)}" + (f": {hint}" if hint else suggest(key, known))
        return error(doc.key_at(path), _prefix(dotted(path[:-1]), message))
    if kind == "union_tag_invalid" and isinstance(detail["input"], dict):
        tag_path = (*path, "type")
        value = detail["input"].get("type")
        if located.model is PrePostTest:
            message = _unknown_test_type(value)
        else:
            message = _unknown_question_type(value)
        return error(doc.at(tag_path), _prefix(dotted(tag_path), message))
    if kind == "union_tag_not_found" and located.model is PrePostTest:
        message = (
            f"missing required key 'type' ({', '.join(TEST_TYPES)}), "
            "or 'ref' to ask a question of a module quiz"
        )
        return error(doc.at(path), _prefix(where, message))
    position = doc.key_at(path) if located.is_key else doc.at(path)
    return error(position, _prefix(where, _message(detail)))


def _message(detail: ErrorDetails) -> str:  # noqa: C901, PLR0911 - one case per error kind reads best
    kind, ctx, value = detail["type"], detail.get("ctx", {}), detail["input"]
    if kind in _TYPE_NAMES:
        return f"expected {_TYPE_NAMES[kind]}, got {describe(value)}"
    if kind == "string_pattern_mismatch":
        return f"{quoted(str(value))} is not a valid id: use lowercase letters, digits and hyphens"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return f"an id has at most {limit} characters; this one has {len(str(value))}"
    if kind == "too_short" and isinstance(value, str):  # a min_length on text after a validator
        return "must not be empty"
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"needs at least {count} item{'s' if count != 1 else ''}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}, got {describe(value)}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}, got {describe(value)}"
    if kind == "literal_error":
        return f"{describe(value)} is not one of {ctx['expected']}"
    if kind == "union_tag_not_found":
        return f"missing required key 'type' ({', '.join(QUESTION_TYPES)})"
    if kind == "union_tag_invalid":
        return f"'{ctx['tag']}' is not a question type; use one of {ctx['expected_tags']}"
    if kind == "value_error":  # the model's own message may quote a multi-line value
        return " ".join(str(detail["msg"]).removeprefix("Value error, ").split())
    return " ".join(str(detail["msg"]).split())


def _unknown_question_type(value: object) -> str:
    """The message for a ``type:`` that names no question type, with the closest one."""
    shown = quoted(value) if isinstance(value, str) else describe(value)
    close = difflib.get_close_matches(str(value).lower(), QUESTION_TYPES, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close and isinstance(value, str) else ""
    return f"{shown} is not a question type{hint}; use one of {', '.join(QUESTION_TYPES)}"


def _unknown_test_type(value: object) -> str:
    """The message for a test question's ``type:`` that a test cannot hold."""
    shown = quoted(value) if isinstance(value, str) else describe(value)
    allowed = ", ".join(TEST_TYPES)
    if value in QUESTION_TYPES:
        reason = "their answers do not fit a results code"
        return f"a test takes no {shown} questions ({reason}); use one of {allowed}"
    close = difflib.get_close_matches(str(value).lower(), TEST_TYPES, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close and isinstance(value, str) else ""
    return f"{shown} is not a question type{hint}; a test takes {allowed}"


def _prefix(where: str, message: str) -> str:
    return f"{where}: {message}" if where else message


def dotted(path: DataPath) -> str:
    """``("quiz", "questions", 2, "answer")`` as ``quiz.questions[2].answer``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def quoted(text: str, limit: int = 40) -> str:
    """``text`` in single quotes, on one line and shortened to ``limit`` characters.

    A diagnostic is one line: a multi-line value (a ``|`` block) shows its
    first line and "...".
    """
    lines = text.splitlines() or [""]
    short = lines[0]
    if len(short) > limit:
        short = short[: limit - 3] + "..."
    elif len(lines) > 1:
        short += "..."
    return f"'{short}'"


def describe(value: object) -> str:
    """A short description of a YAML value for messages."""
    if value is None:
        return "nothing (empty value)"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"  # 60.0, not 60: "expected a whole number, got 60" misleads
    if isinstance(value, str):
        return f"the text {quoted(value)}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def suggest(word: str, known: list[str]) -> str:
    """`` (did you mean 'x'?)`` when a known word is close, else a list of known words."""
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    if known:
        return f"; allowed keys: {', '.join(known)}"
    return ""


def _known_keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _locate(root: type[BaseModel], loc: tuple[int | str, ...]) -> _Located:
    """Walk ``loc`` through the types and the data together."""
    tp: Any = root
    path: list[str | int] = []
    model: type[BaseModel] | None = root
    for item in loc:
        tp = _unwrap(tp)
        if item == "[key]":
            return _Located(tuple(path), model, is_key=True)
        if _is_union(tp):
            tp = _pick(tp, item)
            continue
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            model = tp
            field = _field(tp, str(item))
            tp = field.annotation if field is not None else Any
        elif typing.get_origin(tp) in (list, dict):
            tp = typing.get_args(tp)[-1]
        else:
            tp = Any
        path.append(item)
    return _Located(tuple(path), model, is_key=False)


def _field(model: type[BaseModel], key: str) -> Any:  # noqa: ANN401
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info
    return None


def _unwrap(tp: Any) -> Any:  # noqa: ANN401
    """Strip ``Annotated`` and ``X | None`` down to the type that matters."""
    while True:
        if typing.get_origin(tp) is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if _is_union(tp):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(members) == 1:
                tp = members[0]
                continue
        return tp


def _is_union(tp: Any) -> bool:  # noqa: ANN401
    return typing.get_origin(tp) in (Union, types.UnionType)


def _pick(union: Any, tag: int | str) -> Any:  # noqa: ANN401
    """The member of a tagged union that ``tag`` names."""
    for member in typing.get_args(union):
        if typing.get_origin(member) is typing.Annotated:
            inner, *meta = typing.get_args(member)
            if any(isinstance(m, Tag) and m.tag == tag for m in meta):
                return inner
            member = inner  # noqa: PLW2901 - look inside for a Literal tag
        if isinstance(member, type) and issubclass(member, BaseModel):
            field = member.model_fields.get("type")
            if field is not None and tag in typing.get_args(field.annotation):
                return member
    return Any
