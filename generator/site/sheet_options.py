"""The plugin options of the printable sheets: ``sheet_rows`` and ``organisation``.

Read from mkdocs.yml's ``berdaya`` plugin; a wrong value is a usage error (exit
2) naming mkdocs.yml, like ``quiz_reveal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.exceptions import UsageError

DEFAULT_ROWS = 30
"""Blank rows of a sheet: the class size of the Kartu Prakerja standard."""
MAX_ROWS = 200
LOGO_TYPES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
_ORGANISATION_KEYS = frozenset({"name", "logo"})


@dataclass(frozen=True)
class SheetOptions:
    """What the sheets are printed with."""

    rows: int = DEFAULT_ROWS
    """Blank rows of the attendance sheet, participant list, score sheet and observation grid."""
    organisation: str = ""
    """The organisation's name on the certificate; empty: a line to write it on."""
    logo: Path | None = None
    """The organisation's logo file (resolved), shown on the certificate."""


@dataclass(frozen=True)
class PluginSheets:
    """The raw plugin settings, as MkDocs read them, and the folder of mkdocs.yml."""

    sheet_rows: object
    organisation: object
    root: Path


def sheet_options(settings: PluginSheets) -> SheetOptions:
    """The checked sheet options.

    Raises:
        UsageError: ``sheet_rows`` is not a whole number from 1 to 200, ``organisation``
            is not ``{name: ..., logo: ...}``, or the logo file is missing or not an image.
    """
    rows = settings.sheet_rows
    if isinstance(rows, bool) or not isinstance(rows, int) or not 1 <= rows <= MAX_ROWS:
        message = f"is not a whole number from 1 to {MAX_ROWS}"
        raise UsageError(f"mkdocs.yml: sheet_rows: {rows!r} {message}")
    organisation = settings.organisation
    if organisation is None:
        return SheetOptions(rows)
    if not isinstance(organisation, dict):
        message = f"{organisation!r} is not a mapping {{name: ..., logo: ...}}"
        raise UsageError(f"mkdocs.yml: organisation: {message}")
    unknown = sorted(str(key) for key in organisation if key not in _ORGANISATION_KEYS)
    if unknown:
        message = f"unknown key {unknown[0]!r} (expected name, logo)"
        raise UsageError(f"mkdocs.yml: organisation: {message}")
    name = organisation.get("name", "")
    if not isinstance(name, str) or not name.strip():
        raise UsageError(f"mkdocs.yml: organisation.name: {name!r} is not a name")
    logo = organisation.get("logo")
    return SheetOptions(rows, name.strip(), _logo(logo, settings.root) if logo else None)


def _logo(value: object, root: Path) -> Path:
    """The logo file named by ``organisation.logo``, relative to mkdocs.yml."""
    if not isinstance(value, str):
        raise UsageError(f"mkdocs.yml: organisation.logo: {value!r} is not a file path")
    path = (root / value).resolve()
    if path.suffix.lower() not in LOGO_TYPES:
        kinds = ", ".join(sorted(LOGO_TYPES))
        raise UsageError(f"mkdocs.yml: organisation.logo: {value} is not an image ({kinds})")
    if not path.is_file():
        raise UsageError(f"mkdocs.yml: organisation.logo: no file {value} beside mkdocs.yml")
    return path
