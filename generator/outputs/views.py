"""Built pages as views of the single-file export: ids, links and media rewritten.

The single file holds every page of a curriculum as a view whose address is a
hash mirroring the site's path (``#/harga/hpp/``). A page built by MkDocs
links to other pages by relative ``.html`` addresses, to its own headings by
``#id`` and to media by relative paths. In a view:

- every id gets the view's address in front, so ids stay unique in the one file
  and a heading's address is ``#/harga/hpp/#tujuan``; attributes that name ids
  (``for``, ``aria-labelledby``, ...) follow;
- links to pages of the curriculum become hash links; links to anything else
  beside the site (a printable page, another curriculum) are kept as text;
- media become ``data:`` URIs (SVG percent-encoded, other files base64), and
  links to files that are not pages download them;
- links to other hosts open in a new tab; the generated-page comments and the
  per-page copies of the script strings are dropped (the file has one copy);
- each ``<dt>`` gets an id, so a search result can open a glossary term;
- a quiz's sealed answer keys (``data-quiz``) are unsealed, rewritten the same
  way and sealed again.

Pure: HTML and lookups in, HTML out.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import quote, unquote

from markdown.extensions.toc import slugify

from generator.outputs.offline import source_of
from generator.site.seal import seal, unseal

Attributes = list[tuple[str, str | None]]
MediaReader = Callable[[str], bytes | None]
"""Reads a file of the built site by its path (``contoh/media/koin.svg``); None: no such file."""

ID_LISTS = frozenset(
    {"for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "list"}
)
"""Attributes whose value is one id or a space-separated list of ids."""
SOURCES = {"img", "audio", "video", "source", "track", "input", "embed"}
"""Elements whose ``src`` the browser loads."""
DROPPED_CLASSES = frozenset({"berdaya-strings"})
"""Elements left out of views: the file carries the script strings once."""
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_SVG_SAFE = " !$&'()*+,-./:;=?@_~"
"""Characters an SVG ``data:`` URI keeps as they are (the rest is percent-encoded)."""


@dataclass(frozen=True)
class Pages:
    """What the views of one curriculum need to know of the built site.

    Attributes:
        keys: built page path (``contoh/harga/hpp.html``) -> view address (``/harga/hpp/``).
        read: reads the other files of the built site (media).
    """

    keys: Mapping[str, str]
    read: MediaReader


@dataclass
class View:
    """One page rewritten as a view.

    Attributes:
        html: the page's content, rewritten.
        title: the text of its first ``<h1>``.
        url: the built page it was made from (``contoh/harga/hpp.html``).
        source: the YAML file the page was generated from (its header comment).
        unlinked: addresses of links kept as text (pages not in the file).
        missing: ``(what, address)`` of files that could not be read into the view
            (it still refers to them).
    """

    html: str
    title: str
    url: str
    source: str | None = None
    unlinked: list[str] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)


def make_view(html: str, url: str, key: str, pages: Pages) -> View:
    """Rewrite the built page ``url`` (content only) as the view at address ``key``."""
    rewriter = _Rewriter(url, key, pages)
    rewriter.feed(html)
    rewriter.close()
    out = "".join(rewriter.out)
    return View(
        out, rewriter.title.strip(), url, rewriter.source, rewriter.unlinked, rewriter.missing
    )


def data_uri(name: str, data: bytes) -> str:
    """A ``data:`` URI of a file: SVG as percent-encoded text, anything else as base64."""
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind == "image/svg+xml":
        return f"data:{kind},{quote(data.decode('utf-8', errors='replace'), safe=_SVG_SAFE)}"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def start_tag(tag: str, attrs: Attributes, *, closed: bool = False) -> str:
    """A start tag with its attribute values escaped."""
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{escape(value, quote=True)}"')
    return f"<{' '.join(parts)}{' /' if closed else ''}>"


class _Rewriter(HTMLParser):
    """Copies a page token by token, rewriting the start tags that need it."""

    def __init__(self, url: str, key: str, pages: Pages) -> None:
        super().__init__(convert_charrefs=False)
        self.url, self.key, self.pages = url, key, pages
        self.folder = posixpath.dirname(url)
        self.out: list[str] = []
        self.title = ""
        self.unlinked: list[str] = []
        self.missing: list[tuple[str, str]] = []
        self.source: str | None = None
        self._skip: list[str] = []  # [tag] while inside a dropped element: one entry per level
        self._h1 = 0  # 1 while inside the first <h1>, 2 after it
        self._headerlink = False
        self._dt: tuple[int, list[str]] | None = None  # where the open <dt> tag is, its text
        self._ids: set[str] = set()

    # Tokens.

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: Attributes) -> None:
        self._start(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[0]:  # only its own kind nests: others may be left open
                self._skip.pop()
            return
        if tag == "h1" and self._h1 == 1:
            self._h1 = 2
        elif tag == "a":
            self._headerlink = False
        elif tag == "dt" and self._dt is not None:
            self._close_dt()
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._text(data, data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};", unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};", unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        self.source = self.source or source_of(data)  # the comment itself is left out

    def handle_decl(self, decl: str) -> None:
        if not self._skip:
            self.out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        if not self._skip:
            self.out.append(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        if not self._skip:
            self.out.append(f"<?{data}>")

    # Rewriting.

    def _text(self, raw: str, text: str) -> None:
        if self._skip:
            return
        self.out.append(raw)
        if self._h1 == 1 and not self._headerlink:
            self.title += text
        if self._dt is not None:
            self._dt[1].append(text)

    def _start(self, tag: str, attrs: Attributes, *, closed: bool) -> None:
        if self._skip:
            if tag == self._skip[0] and not closed:
                self._skip.append(tag)
            return
        classes = (dict(attrs).get("class") or "").split()
        if DROPPED_CLASSES.intersection(classes):
            if tag not in _VOID and not closed:
                self._skip.append(tag)
            return
        if tag == "h1" and self._h1 == 0:
            self._h1 = 1
        if tag == "a" and "headerlink" in classes:
            self._headerlink = True
        new = self._attributes(tag, attrs)
        raw = self.get_starttag_text() or start_tag(tag, attrs, closed=closed)
        self.out.append(raw if new == attrs else start_tag(tag, new, closed=closed))
        if tag == "dt" and not closed and not any(name == "id" for name, _ in new):
            self._dt = (len(self.out) - 1, [])

    def _attributes(self, tag: str, attrs: Attributes) -> Attributes:
        new: Attributes = []
        for name, value in attrs:
            if value is None:
                new.append((name, value))
            elif name == "id":
                new.append((name, self._id(value)))
            elif name in ID_LISTS:
                new.append((name, " ".join(self._id(v) for v in value.split())))
            elif name == "href" and tag in {"a", "area"}:
                new += self._link(value)
            elif name == "data-quiz":
                new.append((name, self._quiz(value)))
            elif (name == "src" and tag in SOURCES) or (name == "poster" and tag == "video"):
                new.append((name, self._media(f"<{tag} {name}>", value)))
            elif name != "srcset":  # a srcset would load other files: the src is enough
                new.append((name, value))
        return new

    def _quiz(self, value: str) -> str:
        """A quiz's data with the links and media of its sealed answer keys rewritten too."""
        try:
            data = json.loads(value)
            salt = f"{data['curriculum']}/{data['module']}"
            sealed = unseal(data["sealed"], salt)
        except (ValueError, KeyError, TypeError):
            return value  # not a quiz of ours: left as it is
        if not isinstance(sealed, dict) or not isinstance(sealed.get("keys"), list):
            return value
        views = [make_view(str(html), self.url, self.key, self.pages) for html in sealed["keys"]]
        for view in views:
            self.unlinked += view.unlinked
            self.missing += view.missing
        data["sealed"] = seal({**sealed, "keys": [view.html for view in views]}, salt)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    def _id(self, value: str) -> str:
        new = f"{self.key}#{value}"
        self._ids.add(new)
        return new

    def _link(self, href: str) -> Attributes:
        """The attributes that replace ``href``: a hash link, a download, or none."""
        if href.startswith("#"):
            return [("href", f"#{self.key}{href}" if len(href) > 1 else f"#{self.key}")]
        new = self._external(href) if _EXTERNAL.match(href) else self._internal(href)
        if not new:
            self.unlinked.append(href)
        return new

    @staticmethod
    def _external(href: str) -> Attributes:
        """Other hosts open in a new tab; ``javascript:``, ``data:``, ``file:``: no link."""
        scheme = "https" if href.startswith("//") else href.split(":", 1)[0].lower()
        if scheme in {"http", "https"}:
            return [("href", href), ("target", "_blank"), ("rel", "noopener")]
        return [("href", href)] if scheme in {"mailto", "tel"} else []

    def _internal(self, href: str) -> Attributes:
        """A page of the file becomes its address; another file of the site, a download."""
        path, _, fragment = href.partition("#")
        resolved = self._resolve(unquote(path)) if path else self.url
        if resolved in self.pages.keys:
            target = self.pages.keys[resolved]
            return [("href", f"#{target}#{fragment}" if fragment else f"#{target}")]
        data = None if resolved.endswith((".html", "/")) else self.pages.read(resolved)
        if data is None:
            return []
        name = posixpath.basename(resolved)
        return [("href", data_uri(name, data)), ("download", name)]

    def _media(self, what: str, src: str) -> str:
        if not src or src.startswith(("data:", "#")) or _EXTERNAL.match(src):
            return src  # remote addresses are reported by the offline check; "#" is this page
        path = self._resolve(unquote(src.partition("#")[0].partition("?")[0]))
        data = self.pages.read(path)
        if data is None:
            self.missing.append((what, src))
            return src
        return data_uri(path, data)

    def _resolve(self, path: str) -> str:
        return posixpath.normpath(posixpath.join(self.folder, path)).lstrip("/")

    def _close_dt(self) -> None:
        assert self._dt is not None  # noqa: S101 - called only inside a <dt>
        where, text = self._dt
        self._dt = None
        slug = slugify("".join(text), "-") or "term"
        new, number = f"{self.key}#{slug}", 1
        while new in self._ids:
            number += 1
            new = f"{self.key}#{slug}-{number}"
        self._ids.add(new)
        self.out[where] = self.out[where][:-1] + f' id="{escape(new, quote=True)}">'


def local_references(html: str) -> list[tuple[str, str]]:
    """Every address in ``html`` that would read another file: ``(what, address)``.

    A single file may hold ``data:`` URIs, ``#`` links and links to other hosts
    (``http(s)``, ``mailto``, ``tel``) only; anything else needs a file beside it.
    """
    finder = _LocalReferences()
    finder.feed(html)
    finder.close()
    return finder.found


_LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_CSS_URL = re.compile(r"url\(\s*['\"]?(?!data:)([^'\")]*)", re.IGNORECASE)


class _LocalReferences(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        self._style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "href" and tag in {"a", "area"}:
                if not value.startswith(("#", "data:")) and not value.lower().startswith(
                    _LINK_SCHEMES
                ):
                    self.found.append((f"<{tag} {name}>", value))
            elif name in {"src", "href", "xlink:href", "poster", "data", "srcset", "action"}:
                if not value.startswith(("data:", "#")):
                    self.found.append((f"<{tag} {name}>", value))
            elif name == "style":
                self._css(value)

    def handle_startendtag(self, tag: str, attrs: Attributes) -> None:
        self.handle_starttag(tag, attrs)
        self._style = False

    def handle_endtag(self, tag: str) -> None:
        self._style = False
        del tag

    def handle_data(self, data: str) -> None:
        if self._style:
            self._css(data)

    def _css(self, text: str) -> None:
        self.found += [("CSS url()", match.group(1)) for match in _CSS_URL.finditer(text)]
