"""Rebuild only the pages whose Markdown changed: the ``serve`` path (``dirty`` builds).

``berdaya serve`` runs MkDocs' dirty builds: a page is rebuilt only when its
Markdown file is newer than its HTML, and :func:`generator.site.write.write_tree`
rewrites only the Markdown whose bytes changed, so saving one lesson rebuilds
the pages made from it (the lesson, its module's pages, the guide, the book),
not the site. MkDocs' dirty builds alone are wrong in two ways, which this
module corrects so that a rebuild gives the same bytes as a full build:

- a page that is not rebuilt is not read either, so it has no title in the nav
  and prev/next links of the pages that are: its title and metadata from its
  last build are put back (:meth:`Incremental.restore`);
- the search index would hold only the rebuilt pages: each page's entries are
  kept, and the index is written from all of them in the order of a full build
  (:meth:`Incremental.keep`).

Anything that changes every page (the nav: a title, a page added or removed;
mkdocs.yml; the theme's templates) changes the :func:`signature`: then the site
folder is emptied and every page is built again. A search plugin other than
Material's (whose entries this module cannot keep) does the same on every build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.content import load
from generator.site.render_cache import RenderCache

NOT_FOUND = "404.html"
"""The theme's page for a missing address, written by every full build."""
DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' warning on every dirty build; strict mode would count it as a failure."""
MOST = 200
"""More changed pages than this: the whole site is built again."""


class QuietDirtyWarning(logging.Filter):
    """Drops MkDocs' warning that dirty builds give wrong navigation: ours do not."""

    def filter(self, record: logging.LogRecord) -> bool:
        """False for the warning, true for every other record."""
        return not record.getMessage().startswith(DIRTY_WARNING)


@dataclass
class Kept:
    """What other pages and the search index need of a page that is not rebuilt."""

    meta: dict[str, Any]
    title: str | None
    entries: list[dict[str, Any]]


@dataclass
class Incremental:
    """The pages of the last build of one site folder, kept between dirty builds."""

    site_dir: str = ""
    signature: str = ""
    pages: dict[str, Kept] = field(default_factory=dict)
    seen: int = 0
    """Search entries already attributed to a page in this build."""
    partial: bool = False
    """This build rebuilds only the pages whose Markdown changed."""
    order: list[str] = field(default_factory=list)
    """The documentation pages of this build, in the order MkDocs builds them."""
    rendered: RenderCache = field(default_factory=RenderCache)
    """The Markdown of each curriculum's pages (:mod:`generator.site.render_cache`)."""
    documents: load.Kept = field(default_factory=dict)
    """The YAML files loaded cleanly, with their bytes (:func:`generator.content.load.reusing`)."""

    def start(self, config: MkDocsConfig, signature: str, files: Files) -> None:
        """Prepare a build: put back the pages that are not rebuilt, or empty the site folder.

        Only pages whose Markdown changed are rebuilt when the signature, the site
        folder and Material's search are those of the last build, every other page
        was kept, and at most :data:`MOST` pages changed (each rebuilt page joins
        the search index again); otherwise every page is built. A partial build keeps
        the last ``404.html``: it shows the whole nav and the site's settings, which the
        signature covers, and costs as much as a large page.
        """
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        unchanged = [f for f in pages if not f.is_modified()]
        plugin, index = search_plugin(config), search_index(config)
        self.partial = (
            index is not None
            and config.site_dir == self.site_dir
            and signature == self.signature
            and len(pages) - len(unchanged) <= MOST
            and all(f.src_uri in self.pages for f in unchanged)
        )
        if plugin is not None:
            plugin.search_index_prev = None  # Material would merge its last index in again
        if not self.partial:
            utils.clean_directory(config.site_dir)
            self.pages.clear()
            self.site_dir, self.signature, self.order, self.seen = config.site_dir, signature, [], 0
            return
        for file in unchanged:
            if file.page is None:  # not in the nav: MkDocs would make its page only now
                Page(None, file, config)
            restore(file.page, self.pages[file.src_uri])
        self.order = [f.src_uri for f in pages]
        self._join(index)
        if (Path(config.site_dir) / NOT_FOUND).is_file():
            config.theme.static_templates.discard(NOT_FOUND)

    def keep(self, page: Any, config: MkDocsConfig) -> None:  # noqa: ANN401 - a page
        """Keep what a built page gives others: title, metadata, its search entries."""
        index = search_index(config)
        entries: list[dict[str, Any]] = []
        if index is not None:
            entries = list(index.entries[self.seen :])
        meta, title = dict(page.meta), page._title_from_render  # noqa: SLF001 - see restore
        self.pages[page.file.src_uri] = Kept(meta, title, entries)
        if self.partial and index is not None:
            self._join(index)
        elif index is not None:
            self.seen = len(index.entries)

    def _join(self, index: Any) -> None:  # noqa: ANN401 - Material's index
        """Every page's entries in the order of a full build, as the index's entries."""
        index.entries = [
            e for uri in self.order if uri in self.pages for e in self.pages[uri].entries
        ]
        self.seen = len(index.entries)


def restore(page: Any, kept: Kept) -> None:  # noqa: ANN401 - a page
    """Give a page that is not rebuilt the title and metadata of its last build.

    MkDocs' ``Page.title`` is None until the page was read; with Markdown (empty
    here: the page is not rendered again), it is the metadata's title or the
    title found when the page was last rendered.
    """
    page.markdown = ""
    page.meta = dict(kept.meta)
    page._title_from_render = kept.title  # noqa: SLF001 - MkDocs has no setter for it


def search_plugin(config: MkDocsConfig) -> Any | None:  # noqa: ANN401 - a plugin
    """Material's search plugin, when the site uses it."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index_prev"):
            return plugin
    return None


def search_index(config: MkDocsConfig) -> Any | None:  # noqa: ANN401 - Material's index
    """The index Material's search plugin fills in this build, if any."""
    plugin = search_plugin(config)
    index = getattr(plugin, "search_index", None)
    return index if isinstance(getattr(index, "entries", None), list) else None


def signature(config: MkDocsConfig, nav: list[Any]) -> str:
    """What every page depends on: the nav, mkdocs.yml and the theme's files (names, times)."""
    digest = hashlib.sha256(json.dumps(nav, sort_keys=True).encode("utf-8"))
    config_file = config.config_file_path
    if config_file:
        digest.update(Path(config_file).read_bytes())
    for folder in config.theme.dirs:
        for top, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # Material's icons
            for name in sorted(names):
                path = Path(top, name)
                digest.update(f"{path}:{path.stat().st_mtime_ns}\n".encode())
    return digest.hexdigest()
