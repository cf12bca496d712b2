"""``vars:`` in ``curriculum.yml``: values that ``{{ name }}`` placeholders stand for.

:mod:`generator.content.placeholders` replaces the placeholders; these types
only say what a name and a value may be.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, PlainValidator, WithJsonSchema

VAR_NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
MAX_VAR_NAME = 64
_NAME = re.compile(VAR_NAME_PATTERN)


def _check_name(value: str) -> str:
    if not _NAME.match(value) or len(value) > MAX_VAR_NAME:
        raise ValueError(
            f"'{value[:40]}' is not a valid name: use letters, digits and _, "
            f"not starting with a digit, at most {MAX_VAR_NAME} characters, e.g. harga_beras_kg"
        )
    return value


def _check_value(value: Any) -> str | int | float:  # noqa: ANN401 - a validator sees untyped YAML
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        kind = "true/false" if isinstance(value, bool) else type(value).__name__
        shown = {"list": "a list", "dict": "a mapping", "NoneType": "nothing"}.get(kind, kind)
        raise ValueError(f"a value is one line of text or a number, got {shown}")  # noqa: TRY004 - pydantic reports ValueError only
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("a number here must be finite")
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("must not be empty")
        if "\n" in value or "\r" in value:
            raise ValueError("a value is one line of text: no line breaks")
    return value


VarName = Annotated[
    str,
    AfterValidator(_check_name),
    WithJsonSchema(
        {"type": "string", "pattern": VAR_NAME_PATTERN, "maxLength": MAX_VAR_NAME},
    ),
]
"""A placeholder's name: letters, digits and ``_``, e.g. ``harga_beras_kg``."""

VarValue = Annotated[
    str | int | float,
    PlainValidator(_check_value),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1, "pattern": "^[^\\r\\n]+$"},
                {"type": "number"},
            ],
            "examples": ["kabupaten Anda", "Rp15.000"],
        }
    ),
]
"""What a placeholder stands for: one line of text, or a number (inserted as written)."""
