"""Diagnostics: one problem in the content, with the place it comes from.

Every stage reports problems as :class:`Diagnostic` values instead of raising
them one by one, so that a user sees all problems of a run together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from generator.content.messages import Language, diagnostic_language, translate


class Severity(str, Enum):
    """How bad a problem is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Position:
    """A place in a source file; line and column count from 1."""

    file: Path
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the content."""

    position: Position
    severity: Severity
    message: str

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, line and column, then message."""
        pos = self.position
        return (str(pos.file), pos.line, pos.column, self.message)

    def text(self, language: Language | None = None) -> str:
        """The message in ``language`` (default: :func:`diagnostic_language`)."""
        return translate(self.message, language or diagnostic_language())

    def format(self, language: Language | None = None) -> str:
        """The diagnostic as one line: ``path:line:col: error: message`` (line breaks shown).

        Only the message is translated: the position and ``error``/``warning`` stay.
        """
        pos = self.position
        where = f"{one_line(display_path(pos.file))}:{pos.line}:{pos.column}"
        return f"{where}: {self.severity.value}: {one_line(self.text(language))}"

    def github(self, language: Language | None = None) -> str:
        """The diagnostic as a GitHub Actions workflow annotation, its parts escaped."""
        pos = self.position
        kind = "error" if self.severity is Severity.ERROR else "warning"
        file = _github_escape(display_path(pos.file), property_value=True)
        message = _github_escape(self.text(language), property_value=False)
        return f"::{kind} file={file},line={pos.line},col={pos.column}::{message}"

    def as_dict(self, language: Language | None = None) -> dict[str, str | int]:
        """The diagnostic as a JSON-ready mapping."""
        pos = self.position
        return {
            "file": display_path(pos.file),
            "line": pos.line,
            "column": pos.column,
            "severity": self.severity.value,
            "message": self.text(language),
        }


def one_line(text: str) -> str:
    """``text`` with its line breaks written as backslash-n (a diagnostic is one line)."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _github_escape(text: str, *, property_value: bool) -> str:
    """Escape a workflow command's message, or a property value (also ``:`` and ``,``)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def error(position: Position, message: str) -> Diagnostic:
    """Shorthand for an error diagnostic."""
    return Diagnostic(position, Severity.ERROR, message)


def warning(position: Position, message: str) -> Diagnostic:
    """Shorthand for a warning diagnostic."""
    return Diagnostic(position, Severity.WARNING, message)


def has_errors(diagnostics: list[Diagnostic], *, strict: bool = False) -> bool:
    """Whether the diagnostics fail a run (warnings count when ``strict``)."""
    return any(d.severity is Severity.ERROR or strict for d in diagnostics)


def sort_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file and line, without duplicates."""
    return sorted(set(diagnostics), key=lambda d: d.sort_key)


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it, else as it is."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:  # elsewhere (or another drive on Windows)
        return str(path)


def render(diagnostics: list[Diagnostic], fmt: str, language: Language | None = None) -> str:
    """All diagnostics in one output format: ``text``, ``json`` or ``github``.

    Messages are in ``language``, by default :func:`diagnostic_language`.
    """
    ordered = sort_diagnostics(diagnostics)
    lang = language or diagnostic_language()
    if fmt == "json":
        return json.dumps([d.as_dict(lang) for d in ordered], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(d.github(lang) for d in ordered)
    return "\n".join(d.format(lang) for d in ordered)
