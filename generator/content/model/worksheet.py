"""A worksheet: ``worksheet:`` on an activity, printed as a page of its own.

A table with headings and rows to write in (some cells already written), a text
with blanks (``____``, four or more underscores, is a line to write on), or both.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.content.model.common import Strict, Text

Orientation = Literal["portrait", "landscape"]
DEFAULT_ROWS = 10
MAX_ROWS = 60
"""The most rows a worksheet table may ask for (two A4 pages of handwriting)."""


class WorksheetTable(Strict):
    """A table to fill in by hand."""

    columns: list[Text] = Field(min_length=1, max_length=12)
    rows: int = Field(default=DEFAULT_ROWS, ge=1, le=MAX_ROWS)
    """Rows to write in, the prefilled ones included."""
    prefilled: list[list[Text]] = []
    """The first cells already written, row by row, from the first column."""


class Worksheet(Strict):
    """A sheet the learners fill in during an activity."""

    title: Text | None = None
    """Default: the activity's title."""
    orientation: Orientation = "portrait"
    intro: Text | None = None
    table: WorksheetTable | None = None
    text: Text | None = None
    """Prose with blanks: ``____`` (four or more underscores) is a line to write on."""
