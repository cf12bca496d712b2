"""Content into the generated Markdown: text stays text, prose stays Markdown.

The page templates write Markdown. Every value a template writes is escaped
by default (Jinja's ``finalize`` calls :func:`md_text`): HTML special
characters become entities and Markdown's active characters get a backslash,
so a title, objective, key point, term or guide field is shown exactly as
written and can add neither HTML nor links, images or attributes
(``{: onclick=... }``). Values that are already Markdown or HTML of ours are
:class:`~markupsafe.Markup` and pass as they are: prose (:func:`prose`, raw
HTML in it is reduced later by :mod:`generator.sanitize`), table cells, the
quiz's HTML, the helpers' output.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from markupsafe import Markup

from generator.site import prose as quiz_markdown
from generator.content.media import rewrite_media

_MARKDOWN_ACTIVE = re.compile(r"([\\`*_{}\[\]#|])")
"""Characters that start Markdown syntax anywhere in a line (all in Python-Markdown's escapes)."""
_LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def md_text(value: object) -> Markup:
    """Plain text as Markdown that shows it as written (Markup passes unchanged)."""
    if isinstance(value, Markup):
        return value
    escaped = _MARKDOWN_ACTIVE.sub(r"\\\1", str(value))
    return Markup(html.escape(escaped, quote=True))  # noqa: S704 - escaped just now


def oneline(text: object) -> Markup:
    """Text on one line (newlines folded to spaces), escaped."""
    if isinstance(text, Markup):
        return Markup(" ".join(text.split()))  # noqa: S704 - already Markup
    return md_text(" ".join(str(text).split()))


def prose(text: str, prefix: str = "") -> Markup:
    """Prose as Markdown, its media links made relative to the page (``prefix``).

    Raw HTML in it stays for Markdown and is reduced after rendering by
    :func:`generator.sanitize.clean` unless the organisation trusts its authors.
    """
    return Markup(rewrite_media(text, prefix))  # noqa: S704 - prose is Markdown by design


def prose_line(text: str, prefix: str = "") -> Markup:
    """Prose folded onto one line (a summary in a list)."""
    return prose(" ".join(text.split()), prefix)


def quiz_text(text: str, prefix: str = "") -> Markup:
    """Quiz text (a prompt, choice, answer or explanation) as on the quiz page, on one line.

    Markdown is rendered and raw HTML shown as text (:mod:`generator.prose`), so
    the learner book and the printed guide show quiz text as the quiz page does.
    """
    return Markup(quiz_markdown.inline(" ".join(text.split()), prefix))  # noqa: S704 - escaped


def quiz_prose(text: str, prefix: str = "") -> Markup:
    """Quiz text of one or more paragraphs (a prompt with a picture) as on the quiz page."""
    return Markup(quiz_markdown.inline(text, prefix))  # noqa: S704 - rendered with HTML escaped


def abbr_term(term: str) -> Markup:
    """A glossary term for an abbreviation line ``*[term]: ...``: no brackets or backslashes.

    The abbr extension puts the term and its definition into an element's text
    and ``title``, which it escapes itself; only the line's syntax needs care.
    """
    return Markup(" ".join(re.sub(r"[\[\]\\]", "", term).split()))  # noqa: S704 - see above


def abbr_title(text: str) -> Markup:
    """A definition for an abbreviation line: one line (the extension escapes it)."""
    return Markup(" ".join(text.split()))  # noqa: S704 - see abbr_term


def link_target(url: str) -> Markup:
    """An address for a Markdown link: other schemes than http(s), mailto and tel become ``#``."""
    url = html.unescape(url).strip()
    if _SCHEME.match(url) and not url.lower().startswith(_LINK_SCHEMES):
        return Markup("#")
    return Markup(quote(url, safe="/:@!$&'*+,;=?#%~._-"))  # noqa: S704 - percent-encoded
