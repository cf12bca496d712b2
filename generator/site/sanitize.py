"""Safe HTML: every page's content reduced to what Berdaya's pages and Markdown need.

Curricula travel between organisations, so content is untrusted by default.
Text fields are escaped where the templates write them (:mod:`generator.text`);
prose is Markdown, in which an author may write raw HTML and attributes
(``{: ... }``). After Markdown, each page's content goes through nh3 (the
maintained Rust sanitiser ammonia) with the allow-list below: no scripts, no
event handlers, no ``style`` but ``text-align``, no ``base``, ``iframe``,
``object``, ``embed`` or ``style`` elements, no form ``action``, and addresses
only of the schemes ``http``, ``https``, ``mailto`` and ``tel`` or relative
(entities decoded first, as a browser would). The quiz's data lives in
``data-`` attributes, not scripts, so it passes.

An organisation that trusts its authors turns this off with the plugin option
``trusted_html: true``.
"""

from __future__ import annotations

import nh3

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_TEXT = {
    "abbr", "b", "br", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
}  # fmt: skip
_BLOCKS = {
    "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "li", "nav", "ol", "p", "pre", "section", "summary", "ul",
}  # fmt: skip
_TABLES = {"caption", "col", "colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr"}
_MEDIA = {"a", "audio", "img", "path", "source", "svg", "track", "video"}
_FORMS = {"button", "fieldset", "form", "input", "label", "legend", "option", "select"}
TAGS = frozenset(_TEXT | _BLOCKS | _TABLES | _MEDIA | _FORMS)
"""What Markdown, Material's extensions and Berdaya's templates and quizzes write."""
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "dir", "hidden", "role"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "audio": {"src", "controls", "preload", "loop"},
    "video": {"src", "controls", "preload", "poster", "width", "height", "loop", "muted"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label"},
    "svg": {"xmlns", "viewBox", "viewbox", "width", "height", "fill", "focusable"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "form": {"novalidate"},
    "label": {"for"},
    "button": {"type", "disabled"},
    "select": {"name", "multiple", "disabled"},
    "option": {"value", "selected", "disabled"},
    "input": {
        "type", "name", "value", "checked", "disabled", "placeholder", "inputmode", "enterkeyhint",
        "autocomplete", "autocapitalize", "spellcheck",
    },
}  # fmt: skip
"""Attributes by tag (``*``: every tag); ``data-`` and ``aria-`` attributes pass everywhere."""


def clean(html: str) -> str:
    """``html`` with everything outside the allow-list removed (comments are kept)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=False,
        filter_style_properties={"text-align"},
    )
