"""An organisation's branding in mkdocs.yml, carried into the single-file export.

The site and the zip get the branding from Material itself (``theme.logo``,
``theme.favicon``, ``theme.palette``, ``extra_css``). The single file is
built with a bare theme of ours, so it takes them here: the logo in its top
bar, the favicon, and the site's own stylesheets inline after Berdaya's. The
single file's stylesheet uses Material's colour variables
(``--md-primary-fg-color``, ...), so a stylesheet that sets them colours the
site, the zip and the single file alike.

Files are looked up in the docs folder and the theme's ``custom_dir``, as
MkDocs finds them; only relative paths inside those folders are read
(``mkdocs.yml`` is the organisation's own, but a path must still name a file
the site has).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from generator.outputs.views import data_uri

OWN_ASSETS = "assets/berdaya/"
"""Where the plugin puts Berdaya's own stylesheets (already in the single file)."""


@dataclass(frozen=True)
class Branding:
    """What the single file shows of the site's branding."""

    logo: str | None = None
    """The logo as a ``data:`` URI."""
    favicon: str | None = None
    """The favicon as a ``data:`` URI."""
    css: str = ""
    """The site's own stylesheets (``extra_css``), in order."""


def branding_of(config: Any) -> Branding:  # noqa: ANN401 - an MkDocsConfig, untyped here
    """The branding of a loaded mkdocs.yml."""
    theme = config.theme
    folders = [Path(config.docs_dir)]
    custom = theme.custom_dir if hasattr(theme, "custom_dir") else None
    if custom:
        folders.append(Path(custom))
    logo = _uri(_file(theme.get("logo"), folders))
    favicon = _uri(_file(theme.get("favicon"), folders))
    sheets = [str(entry) for entry in config.extra_css if not str(entry).startswith(OWN_ASSETS)]
    css = [
        found.read_text(encoding="utf-8")
        for found in (_file(sheet, folders) for sheet in sheets)
        if found is not None
    ]
    return Branding(logo, favicon, "\n".join(css))


def _file(name: object, folders: list[Path]) -> Path | None:
    """The file a relative site path names, in the first folder holding it."""
    if not isinstance(name, str) or not name or ":" in name or name.startswith("/"):
        return None
    relative = PurePosixPath(name)
    if ".." in relative.parts:
        return None
    for folder in folders:
        target = (folder / relative).resolve()
        if target.is_relative_to(folder.resolve()) and target.is_file():
            return target
    return None


def _uri(path: Path | None) -> str | None:
    return None if path is None else data_uri(path.name, path.read_bytes())
