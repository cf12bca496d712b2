"""Where Berdaya's own files are: the assets (stylesheets, scripts) and the templates."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ASSETS = PACKAGE / "assets"
"""Stylesheets, scripts, the single file's theme: shipped in the package."""
TEMPLATES = PACKAGE.parent / "templates"
"""The bundled templates (``templates/`` of the project), which organisations may override."""
