"""Where Berdaya's own files are: the assets (stylesheets, scripts) and the templates.

Both ship in the wheel: the assets inside the package, the templates (kept at the
top of the project, where organisations find them) as the package
``generator.templates``, found with :mod:`importlib.resources`.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ASSETS = PACKAGE / "assets"
"""Stylesheets, scripts, the single file's theme."""


def _templates() -> Path:
    """The bundled templates: installed package data, else the checkout's ``templates/``."""
    try:
        return Path(str(importlib.resources.files("generator.templates")))
    except ModuleNotFoundError:  # run from a checkout that is not installed
        return PACKAGE.parent / "templates"


TEMPLATES = _templates()
"""The bundled templates, which organisations may override."""
