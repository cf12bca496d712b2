"""The HTML of the printable sheets, from the autoescaped templates ``templates/sheets/``.

A sheet is raw HTML in its Markdown page (a table with rows of a fixed height and
a class that names its page size for print), so prose in it (a worksheet's intro
and text) is rendered here with raw HTML escaped (:mod:`generator.site.prose`).
"""

from __future__ import annotations

import re

import jinja2
from markupsafe import Markup

from generator.i18n import Language, t
from generator.site.jinja import render_html
from generator.site.prose import MEDIA_MARK, prose
from generator.site.sheets import Sheet

AGE_GROUPS = ("< 25", "25–44", "≥ 45")
"""The age groups programmes report (the attendance sheet's tick columns)."""
SCALE = (1, 2, 3, 4, 5)
BLANK = re.compile(r"_{4,}")
_BLANK_TOKEN = "\ue000"
"""Stands for a blank while the text goes through Markdown (underscores are emphasis)."""
_BLANK_LINES = re.compile(r"\n\s*\n")


def sheet_html(  # noqa: PLR0913 - what a sheet is shown with
    sheet: Sheet,
    level: int,
    language: Language,
    root_prefix: str = "",
    media_prefix: str = "",
    *,
    env: jinja2.Environment,
) -> Markup:
    """One sheet as an HTML block: its section, heading (``<h{level}>``) and table or form.

    Args:
        sheet: from :func:`generator.site.sheets.plan_sheets`.
        level: the level of its heading (1 on its own page, lower in the printable guide).
        language: the curriculum's language.
        root_prefix: from the Markdown page to the docs folder (the logo's address).
        media_prefix: from the Markdown page to the curriculum folder (media in prose).
        env: the autoescaped HTML environment.
    """
    context = {
        "sheet": sheet,
        "level": level,
        "t": lambda key: t(key, language),
        "age_groups": AGE_GROUPS,
        "scale": SCALE,
        "logo": _logo(sheet, root_prefix),
        "media_mark": MEDIA_MARK,
        "intro": _prose(sheet, "intro", media_prefix),
        "text": _prose(sheet, "text", media_prefix),
    }
    html = render_html("sheets/sheet.html.j2", context, env)
    # A blank line would end the raw HTML block in Markdown: none inside a sheet.
    return Markup(_BLANK_LINES.sub("\n", html).strip())  # noqa: S704 - autoescaped template


def blanks(html: str) -> str:
    """``____`` (four or more underscores) in rendered prose as lines to write on."""
    return html.replace(_BLANK_TOKEN, '<span class="berdaya-blank"></span>')


def _prose(sheet: Sheet, key: str, media_prefix: str) -> Markup | None:
    view = sheet.data.get("worksheet")
    text = getattr(view, key, None) if view is not None else None
    if not text:
        return None
    html = prose(BLANK.sub(_BLANK_TOKEN, text), media_prefix)
    return Markup(blanks(html))  # noqa: S704 - prose() escapes raw HTML


def _logo(sheet: Sheet, root_prefix: str) -> str | None:
    path = sheet.data.get("logo")
    return f"{root_prefix}{path}" if path else None

