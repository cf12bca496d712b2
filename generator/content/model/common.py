"""Types shared by the curriculum and module models."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID = 64
"""The longest id: ids become file and folder names, and addresses."""


def _number_as_text(value: Any) -> Any:  # noqa: ANN401 - a validator sees untyped YAML
    """Unquoted numbers where text is expected (``title: 2024``) are text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_number_as_text), StringConstraints(min_length=1)]
"""A non-empty string; Markdown where the field is prose."""

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_ID)]
"""An id: lowercase letters and digits, words joined by hyphens."""

Minutes = Annotated[int, Field(ge=1, le=24 * 60)]
"""A duration in whole minutes."""


class Strict(BaseModel):
    """Base of every content model: unknown keys are errors, no silent coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Resource(Strict):
    """A further reading, link or worksheet."""

    title: Text
    url: Text | None = None
    file: Text | None = None
    note: Text | None = None
