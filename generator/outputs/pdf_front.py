"""The front of a PDF: a cover page and a table of contents with page numbers.

Pure: the printable page's HTML body in, the body with an id on every listed
heading and the cover and contents as HTML out. The page numbers are WeasyPrint's
(``target-counter()`` in ``berdaya-print.css``), so they are the pages the
headings land on; the PDF's bookmarks come from the same stylesheet
(``bookmark-level``): the cover's title, then every ``h2`` and ``h3``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from markupsafe import Markup

from generator.content.agenda import agenda, curriculum_minutes
from generator.content.project import CurriculumSource
from generator.i18n import duration, t
from generator.site.jinja import html_environment, render_html

Audience = Literal["trainer", "learner"]
KINDS: dict[Audience, str] = {"trainer": "nav.guide", "learner": "book.title"}
"""What the cover calls the document."""
TOC_LEVELS = (2, 3)
"""The heading levels the contents list (and the PDF's bookmarks nest under the title)."""
_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")
_HEADERLINK = re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_PREFIX = "berdaya-toc-"


@dataclass(frozen=True)
class TocEntry:
    """One line of the contents: a heading's level, its anchor and its text."""

    level: int
    anchor: str
    text: str


@dataclass(frozen=True)
class Cover:
    """What the cover page says."""

    title: str
    kind: str
    """``Panduan pelatih`` or ``Buku peserta``."""
    organisation: str | None
    facts: list[tuple[str, str]]
    """Label and value: the version, the length of the training."""


def contents(body: str) -> tuple[str, list[TocEntry]]:
    """The ``h2`` and ``h3`` headings of ``body``, each given an id when it has none.

    Returns:
        The body with the ids added, and the entries in document order.
    """
    entries: list[TocEntry] = []

    def visit(match: re.Match[str]) -> str:
        level, attributes, inner = int(match.group(1)), match.group(2), match.group(3)
        if level not in TOC_LEVELS:
            return match.group(0)
        found = _ID.search(attributes)
        if found:
            anchor = html.unescape(found.group(1) or found.group(2) or "")
        else:
            anchor = f"{_PREFIX}{len(entries) + 1}"
            attributes = f'{attributes} id="{anchor}"'
        text = " ".join(html.unescape(_TAG.sub("", _HEADERLINK.sub("", inner))).split())
        entries.append(TocEntry(level, anchor, text))
        return f"<h{level}{attributes}>{inner}</h{level}>"

    return _HEADING.sub(visit, body), entries


def cover(source: CurriculumSource, audience: Audience, organisation: str | None) -> Cover:
    """The cover of one curriculum's guide or book: title, kind, organisation, version, length."""
    lang = source.language
    model = source.model
    facts: list[tuple[str, str]] = []
    if model.version:
        facts.append((t("curriculum.version", lang), model.version))
    days = agenda(source)
    if days.days:
        count = len(days.days)
        length = t("guide.one_day", lang) if count == 1 else t("guide.days", lang).format(n=count)
        training = f"{duration(days.training, lang)} {t('guide.training', lang)}"
        facts.append((t("guide.length", lang), f"{length}, {training}"))
    else:
        facts.append((t("curriculum.length", lang), duration(curriculum_minutes(source), lang)))
    return Cover(model.title, t(KINDS[audience], lang), organisation or None, facts)


def front_html(
    source: CurriculumSource,
    audience: Audience,
    organisation: str | None,
    entries: list[TocEntry],
    templates_dir: Path | None = None,
) -> Markup:
    """The cover page and the contents (``templates/partials/pdf_front.html.j2``)."""
    context = {
        "cover": cover(source, audience, organisation),
        "entries": entries,
        "contents_title": t("pdf.contents", source.language),
    }
    env = html_environment(templates_dir)
    return Markup(render_html("partials/pdf_front.html.j2", context, env))  # noqa: S704 - autoescaped
