"""The site as an installable app that keeps each curriculum a learner opens (``offline_app``).

After MkDocs has written the site, :func:`write_app` adds:

- ``manifest.webmanifest``: the web app manifest (name, language, theme colour,
  icons: the theme's logo when it is an SVG or a PNG, and the default icons of
  :mod:`generator.outputs.app_icons`, written to ``assets/berdaya/app/``);
- ``<c>/offline.json`` for every curriculum: the addresses a learner needs to
  use it without a connection (its learner pages, the home page, the files those
  pages load or link to, the search index and worker), its size, and a version
  hashed from their bytes. Trainer pages (guide, sheets, results, printable
  guide) and other curricula are never listed;
- ``berdaya-sw.js``: the service worker (``generator/assets/app/berdaya-sw.js``)
  with every curriculum's version written in, so a changed curriculum changes
  the worker's bytes and browsers install the new one.

The pages link the manifest and load ``berdaya-app.js`` (the plugin adds them),
which registers the worker and asks it to keep the curriculum of the page.
Pure functions over the built folder; the same site gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from generator import resources
from generator.outputs.app_icons import SIZES, icon_png, png_size, theme_colour
from generator.outputs.export import lunr_files, search_languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from generator.site.plan import SitePlan

APP_ASSETS = resources.ASSETS / "app"
"""The scripts of the offline app: ``berdaya-app.js``, ``berdaya-app.css``, ``berdaya-sw.js``."""
WORKER = "berdaya-sw.js"
"""The service worker, at the site's root: its scope is the whole site."""
MANIFEST = "manifest.webmanifest"
BUNDLE = "offline.json"
"""Each curriculum's list of addresses, ``<c>/offline.json``."""
ICON_DIR = "assets/berdaya/app"
SEARCH_INDEX = "search/search_index.json"
LEARNER_TEMPLATES = frozenset(
    {
        "curriculum.md.j2",
        "module.md.j2",
        "lesson.md.j2",
        "quiz.md.j2",
        "test.md.j2",
        "glossary.md.j2",
        "book.md.j2",
    }
)
"""The page templates of a curriculum's learner pages: only these are kept offline."""
_VERSIONS_SLOT = "var VERSIONS = {}; /* each curriculum's version, written in by the build */"
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)['"]""")
_SEARCH_WORKER = re.compile(r'"search":\s*"([^"]+)"')
_SKIPPED = re.compile(r"<!--.*?-->|(<(script|style)\b[^>]*>).*?</\2\s*>", re.DOTALL | re.IGNORECASE)
"""Comments, and the text of scripts and stylesheets (their opening tag is kept)."""
_TAG = re.compile(r"""<[a-zA-Z][^\s/>]*((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(r"""(?:^|\s)([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_LINKING = frozenset({"src", "href", "poster", "data", "xlink:href"})


@dataclass(frozen=True)
class AppSettings:
    """What the manifest says.

    Attributes:
        name: the site's name.
        description: the site's description ('' for none).
        language: the site's language (``id`` or ``en``).
        colour: the theme colour, ``#rrggbb``.
        logo: the theme's logo as a path in the site ('' for none).
    """

    name: str
    description: str
    language: str
    colour: str
    logo: str = ""


@dataclass(frozen=True)
class Bundle:
    """What one curriculum needs offline.

    Attributes:
        curriculum: its id.
        urls: addresses relative to the site's root (``""`` is the home page), sorted.
        size: the bytes of all of them.
        version: a hash of the addresses and their bytes.
    """

    curriculum: str
    urls: tuple[str, ...]
    size: int
    version: str


Run = Callable[[Callable[["Bundling"], list[Bundle]], Sequence["Bundling"]], list[list[Bundle]]]
"""Runs :func:`bundle_all` over its tasks (in worker processes: ``generator.outputs.parallel``)."""


@dataclass(frozen=True)
class Bundling:
    """Some curricula of a built site to bundle, in one process.

    Attributes:
        site: the built site.
        curricula: each curriculum's id and its learner pages' URLs.
        shared: files every curriculum keeps (the manifest, the icons).
        ids: the ids of every curriculum of the site.
    """

    site: Path
    curricula: tuple[tuple[str, tuple[str, ...]], ...]
    shared: tuple[str, ...]
    ids: frozenset[str]


def bundle_all(task: Bundling) -> list[Bundle]:
    """The bundle of each curriculum of ``task``; shared files are read and hashed once."""
    known = Known()
    return [
        bundle(task.site, c, ["", *pages], task.shared, task.ids - {c}, known=known)
        for c, pages in task.curricula
    ]


def write_app(
    site: Path,
    settings: AppSettings,
    curricula: Mapping[str, Iterable[str]],
    *,
    run: Run | None = None,
    tasks: int = 1,
) -> list[Bundle]:
    """Write the manifest, the icons, each curriculum's ``offline.json`` and the worker.

    Args:
        site: the built site.
        settings: what the manifest says.
        curricula: each curriculum's id and the URLs of its learner pages (MkDocs' page URLs).
        run: runs the bundling tasks (default: one after the other, here).
        tasks: how many tasks to share the curricula among.

    Returns:
        Each curriculum's bundle, in the order of ``curricula``.
    """
    icons = write_icons(site, settings)
    (site / MANIFEST).write_text(manifest(settings, icons), encoding="utf-8")
    shared = (MANIFEST, *(icon["src"] for icon in icons))
    items = [(c, tuple(pages)) for c, pages in curricula.items()]
    size = max(1, -(-len(items) // max(1, tasks)))
    work = [
        Bundling(site, tuple(items[i : i + size]), shared, frozenset(curricula))
        for i in range(0, len(items), size)
    ]
    found = (run or _one_by_one)(bundle_all, work)
    bundles = [b for group in found for b in group]
    for each in bundles:
        (site / each.curriculum / BUNDLE).write_text(bundle_json(each), encoding="utf-8")
    versions = {b.curriculum: b.version for b in bundles}
    (site / WORKER).write_text(worker_script(versions), encoding="utf-8")
    return bundles


def _one_by_one(
    step: Callable[[Bundling], list[Bundle]], work: Sequence[Bundling]
) -> list[list[Bundle]]:
    return [step(task) for task in work]


def write_site_app(  # noqa: PLR0913 - the site, what it says, how to share the work
    site: Path,
    config: MkDocsConfig,
    plan: SitePlan,
    urls: Mapping[str, str],
    *,
    run: Run | None = None,
    tasks: int = 1,
) -> list[Bundle]:
    """The offline app of a built site (:func:`write_app`) from its configuration and plan.

    Args:
        site: the built site.
        config: the site's configuration (name, description, palette, logo).
        plan: the site's plan: each curriculum's learner pages, the language.
        urls: the URL of each built page, by its path below the docs folder.
        run: runs the bundling tasks (see :func:`write_app`).
        tasks: how many tasks to share the curricula among.
    """
    pages: dict[str, list[str]] = {curriculum: [] for curriculum in plan.curricula()}
    for page in plan.pages:
        curriculum = page.path.split("/")[0]
        url = urls.get(page.path)
        if curriculum in pages and page.template in LEARNER_TEMPLATES and url is not None:
            pages[curriculum].append(url)
    logo = config.theme.get("logo") or ""
    settings = AppSettings(
        name=config.site_name,
        description=config.site_description or "",
        language=plan.language,
        colour=theme_colour(config.theme.get("palette")),
        logo=logo if isinstance(logo, str) and "://" not in logo else "",
    )
    return write_app(site, settings, pages, run=run, tasks=tasks)


def write_icons(site: Path, settings: AppSettings) -> list[dict[str, str]]:
    """Write the default icons; the manifest's icons, the logo first when it can be one."""
    icons = []
    logo = site / settings.logo if settings.logo else None
    if logo is not None and logo.is_file():
        if logo.suffix.lower() == ".svg":
            icons.append({"src": settings.logo, "sizes": "any", "type": "image/svg+xml"})
        elif (found := png_size(logo.read_bytes())) is not None:
            sizes = f"{found[0]}x{found[1]}"
            icons.append({"src": settings.logo, "sizes": sizes, "type": "image/png"})
    (site / ICON_DIR).mkdir(parents=True, exist_ok=True)
    for purpose in ("any", "maskable"):
        for size in SIZES:
            name = f"{ICON_DIR}/icon-{size}.png"
            if purpose == "any":
                (site / name).write_bytes(icon_png(size, settings.colour))
            icons.append(
                {"src": name, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            )
    return icons


def manifest(settings: AppSettings, icons: list[dict[str, str]]) -> str:
    """The web app manifest as JSON; addresses are relative to it (the site's root)."""
    data: dict[str, object] = {
        "id": "./",
        "name": settings.name,
        "short_name": settings.name,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "lang": settings.language,
        "dir": "ltr",
        "theme_color": settings.colour,
        "background_color": "#ffffff",
        "icons": icons,
    }
    if settings.description:
        data["description"] = settings.description
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@dataclass
class Known:
    """What :func:`bundle` found in a site, kept for the next curriculum of the same build.

    The home page, the search index, the stylesheets and scripts are in every
    curriculum's bundle: each is read, parsed and hashed once.
    """

    assets: dict[str, set[str]] = field(default_factory=dict)
    """Each page's or stylesheet's files, by URL."""
    search: set[str] | None = None
    hashes: dict[str, tuple[int, str]] = field(default_factory=dict)
    """Each file's size and SHA-256, by URL."""
    local: dict[tuple[str, str], str | None] = field(default_factory=dict)
    """The file each reference names from each folder (see :func:`page_assets`)."""


def bundle(  # noqa: PLR0913 - the parts of a bundle, and what is known of the site
    site: Path,
    curriculum: str,
    pages: Iterable[str],
    shared: Iterable[str] = (),
    others: Iterable[str] = (),
    *,
    known: Known | None = None,
) -> Bundle:
    """The addresses one curriculum needs offline, their size and version.

    Args:
        site: the built site.
        curriculum: its id.
        pages: the page URLs to keep (``""``: the home page).
        shared: files every curriculum keeps (the manifest, the icons).
        others: ids of the other curricula: nothing below their folders is kept.
        known: what earlier calls for the same built site found.
    """
    known = known or Known()
    pages = list(pages)
    files: set[str] = {name for name in shared if (site / name).is_file()}
    for url in pages:
        if url not in known.assets:
            path = site / page_file(url)
            text = path.read_text(encoding="utf-8") if path.is_file() else None
            known.assets[url] = page_assets(site, url, text, known.local) if text else set()
        files |= known.assets[url]
    if known.search is None:
        known.search = search_files(site)
    files |= known.search
    for name in sorted(files):
        if name.endswith(".css"):
            if name not in known.assets:
                known.assets[name] = css_assets(site, name)
            files |= known.assets[name]
    excluded = tuple(f"{other}/" for other in others)
    files = {name for name in files if not name.startswith(excluded)}
    urls = sorted({*pages, *files})
    digest = hashlib.sha256()
    size = 0
    for url in urls:
        if url not in known.hashes:
            data = (site / (page_file(url) if url in pages else url)).read_bytes()
            known.hashes[url] = (len(data), hashlib.sha256(data).hexdigest())
        length, sha = known.hashes[url]
        size += length
        digest.update(f"{url}\0{sha}\n".encode())
    return Bundle(curriculum, tuple(urls), size, digest.hexdigest()[:16])


def bundle_json(found: Bundle) -> str:
    """``<c>/offline.json``: what the worker reads to keep a curriculum."""
    data = {
        "curriculum": found.curriculum,
        "version": found.version,
        "size": found.size,
        "urls": [url or "./" for url in found.urls],
    }
    return json.dumps(data, indent=1) + "\n"


def worker_script(versions: Mapping[str, str]) -> str:
    """The service worker with each curriculum's version written in.

    Raises:
        ValueError: the worker's source has lost the line the versions go into.
    """
    source = (APP_ASSETS / WORKER).read_text(encoding="utf-8")
    if source.count(_VERSIONS_SLOT) != 1:
        raise ValueError(f"{WORKER}: the line {_VERSIONS_SLOT!r} must appear once")
    filled = f"var VERSIONS = {json.dumps(dict(sorted(versions.items())))};"
    return source.replace(_VERSIONS_SLOT, filled)


def page_file(url: str) -> str:
    """The file of a page URL: ``""`` and ``a/b/`` end in ``index.html``."""
    return f"{url}index.html" if url == "" or url.endswith("/") else url


def page_assets(
    site: Path, url: str, html: str, seen: dict[tuple[str, str], str | None] | None = None
) -> set[str]:
    """The site's files (not pages) that the page at ``url`` loads or links to.

    ``seen``: the file each reference named from each folder, kept between pages.
    """
    seen = {} if seen is None else seen
    folder = url.rpartition("/")[0]
    found = set()
    for ref in {*page_references(html), *_SEARCH_WORKER.findall(html)}:
        if (folder, ref) not in seen:
            seen[folder, ref] = _local(site, url, ref)
        if (name := seen[folder, ref]) is not None:
            found.add(name)
    return found


def page_references(html: str) -> list[str]:
    """Every address the tags of ``html`` load or link to (``src``, ``href``, ``srcset``, ...).

    Comments and the text of scripts and stylesheets are no tags. Regular
    expressions, not :class:`html.parser.HTMLParser`, whose pure-Python parsing of
    every built page cost a large share of a big site's build; the tests check both
    give the same addresses (``_References`` is kept as that reference).
    """
    references: list[str] = []
    for tag in _TAG.finditer(_SKIPPED.sub(lambda m: m.group(1) or "", html)):
        for found in _ATTRIBUTE.finditer(tag.group(1)):
            name = found.group(1).lower()
            quoted = found.group(2) if found.group(2) is not None else found.group(3)
            value = unescape(quoted if quoted is not None else found.group(4))
            if name in _LINKING:
                references.append(value)
            elif name in {"srcset", "imagesrcset"}:
                references += [item.split()[0] for item in value.split(",") if item.split()]
    return references


def css_assets(site: Path, name: str) -> set[str]:
    """The site's files a stylesheet loads (``url()``, ``@import``)."""
    text = (site / name).read_text(encoding="utf-8", errors="replace")
    found = set()
    for match in _CSS_URL.finditer(text):
        local = _local(site, name, match.group(1) or match.group(2))
        if local is not None:
            found.add(local)
    return found


def search_files(site: Path) -> set[str]:
    """The search index and the lunr languages Material's search worker loads."""
    if not (site / SEARCH_INDEX).is_file():
        return set()
    names = {SEARCH_INDEX, *lunr_files(search_languages(site))}
    return {name for name in names if (site / name).is_file()}


def _local(site: Path, base: str, reference: str) -> str | None:
    """The site's file (not a page) that ``reference`` names from ``base``, or None."""
    parts = urlsplit(urljoin(f"/{base}", reference.strip()))
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    name = unquote(parts.path).lstrip("/")
    if not name or name.endswith(("/", ".html", ".htm")) or ".." in name.split("/"):
        return None
    return name if (site / name).is_file() else None


class _References(HTMLParser):
    """Every address a page loads or links to (``src``, ``href``, ``poster``, ``srcset``, ...)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del tag
        for name, value in attrs:
            if value is None:
                continue
            if name in {"src", "href", "poster", "data", "xlink:href"}:
                self.references.append(value)
            elif name in {"srcset", "imagesrcset"}:
                self.references += [item.split()[0] for item in value.split(",") if item.split()]
