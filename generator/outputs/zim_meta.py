"""What a ZIM says about itself and its entries: metadata, titles, mimetypes, indexed text.

Pure functions, no libzim: :mod:`generator.outputs.zim` writes what they compute.

- **Metadata** as Kiwix libraries require it (https://wiki.openzim.org/wiki/Metadata):
  ``Name``, ``Title`` (at most 30 characters), ``Description`` (at most 80; the
  whole summary goes into ``LongDescription``), ``Language`` (ISO 639-3),
  ``Creator``, ``Publisher``, ``Date``, ``Tags``, ``Scraper``.
- **Titles** name the page and where it belongs (``Kuis: Pembukuan - Manajemen
  Usaha Kecil``, with an en dash), so Kiwix's suggestions and search results tell pages apart; the
  built site's ``<title>`` (``Kuis - Berdaya``) does not.
- **Indexed text** is the page's article only, without Material's navigation,
  which lists every page's title on every page.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from generator.content.project import CurriculumSource
from generator.i18n import Language, t
from generator.site.plan import NavItem, Page, SitePlan

TITLE_MAX = 30
DESCRIPTION_MAX = 80
LONG_DESCRIPTION_MAX = 4000
ISO_639_3: dict[Language, str] = {"id": "ind", "en": "eng"}
MIMETYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".pdf": "application/pdf",
    ".csv": "text/csv",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
}
"""A fixed table, not the system's mime.types: the same files get the same types everywhere."""
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"})
VIDEO_SUFFIXES = frozenset({".mp4", ".webm"})
DASH = "\u2013"
"""Between a page's name and where it belongs: ``Kuis: Pembukuan \u2013 Manajemen Usaha Kecil``."""
ELLIPSIS = "\u2026"
_TITLE_TAG = re.compile(r"<title>.*?</title>", re.DOTALL)


@dataclass(frozen=True)
class Metadata:
    """The metadata of one ZIM, in the order they are written."""

    name: str
    title: str
    description: str
    long_description: str | None
    language: str
    creator: str
    publisher: str
    date: str
    tags: str
    scraper: str

    def items(self) -> list[tuple[str, str]]:
        """``(key, value)`` pairs as libzim takes them; ``LongDescription`` only when needed."""
        pairs = [
            ("Name", self.name),
            ("Title", self.title),
            ("Description", self.description),
            ("Language", self.language),
            ("Creator", self.creator),
            ("Publisher", self.publisher),
            ("Date", self.date),
            ("Tags", self.tags),
            ("Scraper", self.scraper),
        ]
        if self.long_description:
            pairs.insert(3, ("LongDescription", self.long_description))
        return pairs


@dataclass(frozen=True)
class Site:
    """What the metadata is made from, besides the curricula."""

    site_name: str
    site_description: str | None
    publisher: str
    """The plugin option ``organisation: {name}``, else ``site_author``, else ``site_name``."""
    version: str
    """Berdaya's version, for ``Scraper``."""
    trainer: bool = False


def metadata(
    curricula: list[CurriculumSource], site: Site, names: Iterable[str], selection: str
) -> Metadata:
    """The metadata of a ZIM holding ``curricula`` (one, or all with ``--one-file``).

    Args:
        curricula: the curricula in the ZIM.
        site: the site's configuration.
        names: the paths of the ZIM's entries (for the ``_pictures`` tag).
        selection: the last part of ``Name``: the curriculum id, or ``all``.
    """
    languages = list(dict.fromkeys(c.language for c in curricula))
    if len(curricula) == 1:
        title, summary = curricula[0].model.title, curricula[0].model.summary
    else:
        title = site.site_name
        summary = site.site_description or "; ".join(c.model.title for c in curricula)
    summary = " ".join(summary.split())
    description = shorten(summary, DESCRIPTION_MAX)
    long_description = summary[:LONG_DESCRIPTION_MAX] if description != summary else None
    code = languages[0] if len(languages) == 1 else "mul"
    audience = f"_{t('export.trainer', languages[0])}" if site.trainer else ""
    pictures = any(_suffix(n) in IMAGE_SUFFIXES and not n.startswith("assets/") for n in names)
    videos = any(_suffix(n) in VIDEO_SUFFIXES for n in names)
    tags = [
        "berdaya",
        *(t("zim.tag", language) for language in languages),
        "_category:other",
        "_ftindex:yes",
        f"_pictures:{'yes' if pictures else 'no'}",
        f"_videos:{'yes' if videos else 'no'}",
        "_details:yes",
    ]
    return Metadata(
        name=f"{slug(site.site_name)}_{code}_{selection}{audience}",
        title=shorten(title, TITLE_MAX),
        description=description,
        long_description=long_description,
        language=",".join(ISO_639_3[language] for language in languages),
        creator=site.publisher,
        publisher=site.publisher,
        date=zim_date(),
        tags=";".join(dict.fromkeys(tags)),
        scraper=f"Berdaya {site.version}",
    )


def zim_date() -> str:
    """``YYYY-MM-DD``: the day of ``SOURCE_DATE_EPOCH`` when set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    else:
        moment = dt.datetime.now(tz=dt.timezone.utc)
    return moment.strftime("%Y-%m-%d")


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut between words with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(f" ,;:.-{DASH}") + ELLIPSIS


def slug(text: str) -> str:
    """Lowercase letters, digits and hyphens (for ``Name``); ``berdaya`` when none are left."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words) or "berdaya"


def mimetype(name: str) -> str:
    """The mimetype of a file of the site, by its suffix."""
    return MIMETYPES.get(_suffix(name), "application/octet-stream")


def _suffix(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return f".{base.rsplit('.', 1)[-1].lower()}" if "." in base else ""


def page_titles(plan: SitePlan, site_name: str) -> dict[str, str]:
    """The title of every planned page, by its address in the offline build (``.html``)."""
    labels = nav_labels(plan.nav)
    return {
        html_path(page.path): page_title(page, labels.get(page.path, ""), site_name)
        for page in plan.pages
    }


def html_path(markdown_path: str) -> str:
    """Where the offline build (``use_directory_urls: false``) writes a page."""
    return f"{markdown_path.removesuffix('.md')}.html"


def nav_labels(nav: list[NavItem], section: str = "") -> dict[str, str]:
    """Each page's label in the nav; a page listed bare takes its section's label."""
    labels: dict[str, str] = {}
    for item in nav:
        if isinstance(item, str):
            labels.setdefault(item, section)
            continue
        for label, value in item.items():
            if isinstance(value, str):
                labels.setdefault(value, label)
            else:
                inner = nav_labels(value, label)
                labels.update({k: v for k, v in inner.items() if k not in labels})
    return labels


def page_title(page: Page, label: str, site_name: str) -> str:
    """A page's title that says where it belongs (see the module docstring)."""
    context = page.context
    source = context.get("c")
    if not isinstance(source, CurriculumSource):
        return site_name
    curriculum = source.model.title
    module, lesson = context.get("module"), context.get("lesson")
    if page.template == "curriculum.md.j2":
        return curriculum
    if lesson is not None and module is not None:
        return f"{lesson.title} {DASH} {module.title}"
    if module is not None and page.template == "module.md.j2":
        return f"{module.title} {DASH} {curriculum}"
    if module is not None:
        return f"{label}: {module.title} {DASH} {curriculum}"
    return f"{label} {DASH} {curriculum}" if label else curriculum


def retitle(page_html: str, title: str) -> str:
    """The page with ``title`` in its ``<title>`` element (escaped)."""
    return _TITLE_TAG.sub(lambda _: f"<title>{html.escape(title)}</title>", page_html, count=1)


def article_text(page_html: str) -> str:
    """The text of the page's ``<article>`` (Material's content), on one line.

    Scripts, styles and the headings' permalinks are left out.
    """
    parser = _ArticleText()
    parser.feed(page_html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


class _ArticleText(HTMLParser):
    _SKIPPED = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0
        self.skipped: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif self.depth and (self._skips(tag, attrs) or self.skipped[-1:] == [tag]):
            self.skipped.append(tag)  # a skipped element, or one nested in its like

    def _skips(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        return tag in self._SKIPPED or _is_permalink(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1
        elif self.skipped and tag == self.skipped[-1]:
            self.skipped.pop()

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipped:
            self.parts.append(data)


def _is_permalink(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    classes = dict(attrs).get("class") or ""
    return tag == "a" and "headerlink" in classes.split()
