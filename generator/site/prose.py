"""Safe Markdown for raw HTML: prose as HTML with raw HTML escaped, and JSON in attributes.

The quiz is raw HTML in a Markdown page, so MkDocs does not render its prose
(prompts, choices, feedback, hints, explanations): it is rendered here, with
raw HTML in the text escaped, so ``<script>`` in content shows as text, and
addresses with schemes such as ``javascript:`` dropped (entities decoded first).
The quiz's data is JSON in an escaped attribute value.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html import escape, unescape
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from generator.content.media import rewrite_media
from generator.site.figure import NAME

MEDIA_MARK = "data-berdaya-media"
"""Attribute of the quiz's links and images to media files, whose address MkDocs does not fix."""
_SAFE_URL = re.compile(r"^(?:https?:|mailto:|tel:|#|[^:]*$)", re.IGNORECASE)
_SINGLE_PARAGRAPH = re.compile(r"\A<p>((?:(?!<p>).)*)</p>\Z", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_MARKED = re.compile(rf"<(?:a|img)\b[^>]*\b{MEDIA_MARK}\b[^>]*>")
_RELATIVE = re.compile(r'\b(src|href)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)')


class _SafeUrls(Treeprocessor):
    """Drops addresses with schemes such as ``javascript:``; marks links to media files.

    MkDocs fixes relative links of Markdown, not of raw HTML such as the quiz:
    :func:`rebase_media` (called by the plugin) fixes the marked ones.
    """

    def run(self, root: Element) -> None:
        for element in root.iter():
            for name in ("href", "src"):
                value = element.get(name)
                if value is None:
                    continue
                if not _SAFE_URL.match(unescape(value).strip()):
                    if name == "src":  # an image that loads nothing
                        del element.attrib[name]
                    else:
                        element.set(name, "#")
                elif value.startswith("media/"):
                    element.set(MEDIA_MARK, "")


def _markdown() -> markdown.Markdown:
    """A Markdown converter that escapes raw HTML instead of passing it through."""
    md = markdown.Markdown(
        extensions=["tables", "def_list", "sane_lists", "fenced_code", "admonition", NAME],
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeUrls(md), "berdaya_safe_urls", 0)
    return md


_MD = _markdown()


@lru_cache(maxsize=1 << 15)
def prose(text: str, media_prefix: str = "") -> str:
    """Markdown as HTML blocks; raw HTML in the text is shown, never interpreted.

    Remembered: a quiz's texts are shown on several pages (quiz, tests, book, guide).
    """
    _MD.reset()
    return rewrite_media(_MD.convert(text), media_prefix)


def inline(text: str, media_prefix: str = "") -> str:
    """Like :func:`prose`, without the ``<p>`` around a single paragraph."""
    html = prose(text, media_prefix)
    match = _SINGLE_PARAGRAPH.match(html)
    return match.group(1) if match else html


def rebase_media(html: str, prefix: str) -> str:
    """Put ``prefix`` before the marked media addresses of raw HTML in ``html``.

    The quiz's addresses are relative to its Markdown file (``m/kuis.md``); with
    directory URLs the page is one folder deeper (``m/kuis/``), so the plugin passes ``../``.
    """
    if not prefix:
        return html

    def rebase(tag: re.Match[str]) -> str:
        return _RELATIVE.sub(lambda a: f'{a.group(1)}="{prefix}', tag.group(0))

    return _MARKED.sub(rebase, html)


def plain(text: str) -> str:
    """Markdown as escaped plain text, for places that take no markup (``<option>``)."""
    return " ".join(_TAG.sub("", inline(text)).split())


def json_attribute(data: object) -> str:
    """``data`` as JSON for an attribute value, escaped: quoted with ``"``, no string ends it.

    Data goes into attributes, not ``<script>`` elements: the sanitiser removes
    every script, and Material's instant navigation runs re-inserted scripts
    without their ``type``.
    """
    return escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)
