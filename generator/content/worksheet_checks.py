"""Checks of the activities' worksheets (``worksheet:``), placed at their YAML values.

Errors: a worksheet with neither a ``table`` nor a ``text``; more prefilled rows
than the table's ``rows``; a prefilled row with more cells than the table has
columns.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.diagnostics import Diagnostic, error
from generator.content.errors import dotted
from generator.content.load import DataPath, Document
from generator.content.model import Module


def check_worksheets(doc: Document, model: Module) -> Iterator[Diagnostic]:
    """Every problem of the worksheets of one module's activities."""
    for i, activity in enumerate(model.activities):
        sheet = activity.worksheet
        if sheet is None:
            continue
        where: DataPath = ("activities", i, "worksheet")
        if sheet.table is None and sheet.text is None:
            message = "a worksheet needs a 'table', a 'text' or both"
            yield error(doc.key_at(where), f"{dotted(where)}: {message}")
        if sheet.table is None:
            continue
        table = sheet.table
        prefilled = (*where, "table", "prefilled")
        if len(table.prefilled) > table.rows:
            message = (
                f"{len(table.prefilled)} prefilled rows but the table has rows: {table.rows}; "
                "'rows' counts the prefilled rows too"
            )
            yield error(doc.at(prefilled), f"{dotted(prefilled)}: {message}")
        for j, row in enumerate(table.prefilled):
            if len(row) > len(table.columns):
                at = (*prefilled, j)
                message = f"{len(row)} cells but the table has {len(table.columns)} columns"
                yield error(doc.at(at), f"{dotted(at)}: {message}")
