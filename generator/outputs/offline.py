"""Find what a built site would load from the network.

An offline copy must make no request to another host. This module reads the
text of built HTML, CSS and JavaScript files and reports every reference that
would load something from the network, the way a browser decides it (scripts,
stylesheets, preloads, images, frames and ``srcdoc`` inside them, media and
posters, SVG images, ``background``, CSS ``url()`` and ``@import``, ``srcset``,
a ``<base>`` that sends every relative address elsewhere) as an error, and every
plain hyperlink to an external site as a warning (a link only needs the network
when the learner follows it). Text, code blocks and the search index are not
loads: an address a lesson mentions is no finding. Nor are the links of the theme's
footer (``<footer class="md-footer">``: Material's "Made with Material for MkDocs",
the site's social links): they are no content's problem (the exports leave Material's
link out, see :func:`generator.outputs.export.make_offline`).

Pure: text in, findings out. Each finding names the page, the URL and, for a
generated page, the YAML file the page came from (read from the comment that
heads every generated page).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from generator.content.diagnostics import one_line
from generator.i18n import STRINGS

REMOTE_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss"})
LINK = "<a href>"
"""The kind of a plain hyperlink: allowed, listed as a warning."""
MERMAID_URL = "https://unpkg.com/mermaid@11/dist/mermaid.min.js"
"""Where Material loads Mermaid from when a page has a diagram and no local copy."""

_LOADING_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
    "body": ("background",),
    "table": ("background",),
    "td": ("background",),
    "th": ("background",),
}
"""Tags and the attributes of theirs that make the browser load a URL."""
_NON_LOADING_RELS = frozenset(
    {
        "alternate",
        "author",
        "bookmark",
        "canonical",
        "external",
        "help",
        "license",
        "me",
        "next",
        "nofollow",
        "noopener",
        "noreferrer",
        "prev",
        "tag",
    }
)
"""``<link rel>`` values that only describe a relation and load nothing."""
_SCRIPT_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
)
_GOOGLE_FONTS = ("fonts.googleapis.com", "fonts.gstatic.com")
_REPOSITORY_HOSTS = ("github.com", "gitlab.com")
"""Material fetches stars and forks of a ``repo_url`` on these hosts from their API."""

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_REFERENCE = re.compile(
    r"""@import\s+(?:url\(\s*)?(?P<quote>["']?)(?P<imported>[^"')\s;]+)(?P=quote)"""
    r"""|url\(\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^)"'\s]*))\s*\)""",
    re.IGNORECASE,
)
_JS_URL = re.compile(
    r"""(?P<quote>["'`])(?P<url>(?:(?:https?|wss?|ftp):)?//[A-Za-z0-9][-A-Za-z0-9.]*\.[A-Za-z]{2,}"""
    r"""(?::\d+)?(?:/[^\s"'`]*)?)(?P=quote)"""
)
_XML_NAMESPACE = re.compile(r"^https?://www\.w3\.org/")
"""Namespace names (``createElementNS``) look like URLs but load nothing."""
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"\s]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One reference to the network in a built file.

    Attributes:
        page: the built file, relative to the site folder (``contoh/harga/hpp.html``).
        kind: what refers to the URL, e.g. ``<img src>`` or ``CSS url()``.
        url: the URL as written.
        source: the YAML file the page was generated from, if it was.
        line: where in ``source`` the URL is written (0: not known).
        column: the column of that place.
        beside: the URL names a file beside the page, which a single file cannot carry.
    """

    page: str
    kind: str
    url: str
    source: str | None = None
    line: int = 0
    column: int = 0
    beside: bool = False

    @property
    def is_error(self) -> bool:
        """Loads are errors; plain hyperlinks are only listed (as warnings)."""
        return self.kind != LINK

    def format(self, elsewhere: int = 0) -> str:
        """The finding as one diagnostic line, headed by the YAML file when known.

        Args:
            elsewhere: on how many other pages the same reference was found.
        """
        where = one_line(self.source or self.page)
        if self.source and self.line:
            where = f"{where}:{self.line}:{self.column}"
        page = f"{self.page}: " if self.source else ""
        also = f" (also on {elsewhere} more page{'s' * (elsewhere > 1)})" if elsewhere else ""
        url = one_line(self.url)
        if not self.is_error:
            return f"{where}: warning: {page}links to {url} (opens only with a connection)"
        if self.beside:
            return (
                f"{where}: error: {page}{self.kind} names {url}, which cannot go into the "
                "single file; put the file in the curriculum's media/ folder"
            )
        return (
            f"{where}: error: {page}{self.kind} loads {url} from the network{also}; {_hint(self)}"
        )


def _hint(finding: Finding) -> str:
    if finding.kind == "mermaid diagram":
        return "add a local mermaid.min.js to extra_javascript, or leave out the diagram"
    if finding.kind == "repository link":
        return "leave out repo_url for offline copies"
    if finding.source:
        return "put the file in the curriculum's media/ folder, or make it a plain link"
    if finding.kind == "<link href>" and urlsplit(finding.url).hostname in _GOOGLE_FONTS:
        return "set 'font: false' under 'theme:' in mkdocs.yml (system fonts)"
    return "use a copy of the file in the site instead"


def is_remote(url: str) -> bool:
    """Whether loading ``url`` would go to the network (``//host`` or an internet scheme)."""
    url = url.strip()
    if url.startswith(("//", "\\\\")):
        return True
    try:
        scheme = urlsplit(url).scheme
    except ValueError:  # e.g. a malformed IPv6 host: not loadable either way
        return False
    return scheme.lower() in REMOTE_SCHEMES


def scan(files: Mapping[str, str], *, skip_scripts: Iterable[str] = ()) -> list[Finding]:
    """Every network reference in the built files, by file name and in file order.

    Args:
        files: built files by path relative to the site folder; ``.html``, ``.css``
            and ``.js`` files are read, others ignored.
        skip_scripts: JavaScript files whose URL strings are not loads (the theme's
            own bundle, whose conditional loads are recognised in the HTML instead).
    """
    skipped = set(skip_scripts)
    findings: list[Finding] = []
    for name in sorted(files):
        text = files[name]
        if name.endswith((".html", ".htm")):
            findings += scan_html(name, text)
        elif name.endswith(".css"):
            findings += scan_css(name, text)
        elif name.endswith((".js", ".mjs")) and name not in skipped:
            findings += scan_js(name, text)
    return findings


def scan_css(page: str, text: str) -> list[Finding]:
    """``url()`` and ``@import`` references to other hosts in a stylesheet."""
    findings = []
    for match in _CSS_REFERENCE.finditer(_CSS_COMMENT.sub("", text)):
        imported = match.group("imported")
        url = imported or next(g for g in match.group("double", "single", "bare") if g is not None)
        if is_remote(url):
            kind = "CSS @import" if imported else "CSS url()"
            findings.append(Finding(page, kind, url))
    return findings


def scan_js(page: str, text: str) -> list[Finding]:
    """String literals of a script that hold a URL of another host (a script may load it)."""
    return [
        Finding(page, "script URL", match.group("url"))
        for match in _JS_URL.finditer(text)
        if not _XML_NAMESPACE.match(match.group("url"))
    ]


def scan_html(page: str, text: str) -> list[Finding]:
    """Network references of one HTML page: tags, inline styles and scripts, theme features.

    References inside the generated content (after the header comment that names
    the YAML source, up to the end of the ``<article>``) carry that source; those
    of the theme around it (header, fonts, footer) do not. Each reference of a
    page is reported once.
    """
    parser = _PageParser(page)
    parser.feed(text)
    parser.close()
    return parser.result()


def source_of(comment: str) -> str | None:
    """The YAML file named by a generated page's header comment, if it is one."""
    text = comment.strip()
    for template in STRINGS["generated.comment"].values():
        before, _, after = template.partition("{source}")
        if text.startswith(before) and text.endswith(after) and len(text) > len(before + after):
            return text[len(before) : len(text) - len(after)]
    return None


def locate(text: str, url: str) -> tuple[int, int] | None:
    """Line and column (from 1) of the first ``url`` in a source file's text."""
    index = text.find(url)
    if index < 0:
        return None
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


class _PageParser(HTMLParser):
    """Collects the network references of one page while html.parser reads it."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.source: str | None = None  # while inside the generated content
        self.findings: dict[Finding, None] = {}  # ordered and without repeats
        self.raw: str | None = None  # "style" or "script" while inside such an element
        self.mermaid: Finding | None = None
        self.local_mermaid = False
        self.footer = False  # inside the theme's footer: its plain links are no finding

    def handle_comment(self, data: str) -> None:
        self.source = self.source or source_of(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "footer" and "md-footer" in values.get("class", "").split():
            self.footer = True
        self._tag(tag, values)
        if "style" in values:
            self._add_all(scan_css(self.page, values["style"]))
        if "mermaid" in values.get("class", "").split() and self.mermaid is None:
            self.mermaid = Finding(self.page, "mermaid diagram", MERMAID_URL, self.source)
        self.raw = tag if tag == "style" or _is_inline_script(tag, values) else None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.raw = None

    def handle_endtag(self, tag: str) -> None:
        self.raw = None
        if tag == "footer":
            self.footer = False
        if tag == "article":  # the end of the page's content: the theme follows
            self.source = None

    def handle_data(self, data: str) -> None:
        if self.raw == "style":
            self._add_all(scan_css(self.page, data))
        elif self.raw == "script":
            self._add_all(scan_js(self.page, data))

    def _add(self, kind: str, url: str) -> None:
        self.findings[Finding(self.page, kind, url, self.source)] = None

    def _add_all(self, findings: list[Finding]) -> None:
        for finding in findings:
            self._add(finding.kind, finding.url)

    def _tag(self, tag: str, values: dict[str, str]) -> None:
        self._special(tag, values)
        for name in _LOADING_ATTRIBUTES.get(tag, ()):
            for url in _urls(name, values.get(name, "")):
                if is_remote(url):
                    self._add(f"<{tag} {name}>", url)
        if tag == "script" and "mermaid" in values.get("src", "").rsplit("/", 1)[-1]:
            self.local_mermaid = True
        self._repository(tag, values)

    def _special(self, tag: str, values: dict[str, str]) -> None:
        """Links, ``<link>``, ``<meta refresh>``, ``<base>`` and ``<iframe srcdoc>``."""
        if tag in {"a", "area"} and is_remote(values.get("href", "")):
            if not self.footer:
                self._add(LINK, values["href"])
        elif tag == "base" and is_remote(values.get("href", "")):
            self._add("<base href>", values["href"])  # every relative address then loads from it
        elif tag == "iframe" and values.get("srcdoc"):
            for finding in scan_html(self.page, values["srcdoc"]):
                if finding.is_error:
                    self._add(f"<iframe srcdoc> {finding.kind}", finding.url)
        elif tag == "link":
            self._link(values)
        elif tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _REFRESH_URL.search(values.get("content", ""))
            if match and is_remote(match.group(1)):
                self._add("<meta refresh>", match.group(1))

    def _link(self, values: dict[str, str]) -> None:
        rels = set(values.get("rel", "").lower().split())
        loads = not rels or not rels <= _NON_LOADING_RELS
        if loads and is_remote(values.get("href", "")):
            self._add("<link href>", values["href"])

    def _repository(self, tag: str, values: dict[str, str]) -> None:
        if tag != "a" or values.get("data-md-component") != "source":
            return
        host = urlsplit(values.get("href", "")).hostname or ""
        if host.endswith(_REPOSITORY_HOSTS):
            self._add("repository link", values["href"])

    def result(self) -> list[Finding]:
        """The findings, with the Mermaid script Material would fetch for a diagram."""
        findings = list(self.findings)
        if self.mermaid and not self.local_mermaid:
            findings.append(self.mermaid)
        return findings


def _is_inline_script(tag: str, values: dict[str, str]) -> bool:
    """A ``<script>`` with JavaScript in it (not JSON data, not a ``src``)."""
    if tag != "script" or "src" in values:
        return False
    return values.get("type", "").lower() in _SCRIPT_TYPES


def _urls(attribute: str, value: str) -> list[str]:
    """The URLs of an attribute: one, or each candidate of a ``srcset``."""
    if attribute != "srcset":
        return [value] if value.strip() else []
    return [part.split()[0] for part in value.split(",") if part.strip()]
