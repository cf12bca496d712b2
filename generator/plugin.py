"""The MkDocs plugin: ``plugins: [search, berdaya]`` in mkdocs.yml.

It runs the pipeline before MkDocs reads the docs folder, sets the nav, adds
our assets, and makes ``mkdocs serve`` watch the content and templates. When
the content has errors during ``serve``, the diagnostics are printed and the
last good Markdown stays in place, so the last good site keeps being served.
"""

from __future__ import annotations

import logging
import sys
from contextlib import nullcontext
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any, Literal

import jinja2
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage

from generator import resources
from generator.content.diagnostics import render
from generator.content.load import reusing
from generator.exceptions import ContentError, UsageError
from generator.i18n import Language, t
from generator.outputs import app
from generator.outputs.app_icons import theme_colour
from generator.outputs.guard import Protected, check_docs_folder, check_site_folder, mark
from generator.outputs.incremental import Incremental, QuietDirtyWarning, signature
from generator.outputs.mkdocs_site import content_options
from generator.outputs.parts import Part
from generator.site.figure import with_figures
from generator.site.generate import generate
from generator.site.jinja import (
    DEFAULT_TEMPLATES,
    THEME_BYTECODE,
    html_environment,
    render_html,
)
from generator.site.plan import Page, SitePlan
from generator.site.prose import rebase_media
from generator.site.sanitize import clean
from generator.site.sheet_options import DEFAULT_ROWS

log = logging.getLogger("mkdocs.plugins.berdaya")
ASSETS = resources.ASSETS
ASSET_DIR = "assets/berdaya"
APP_JS = "berdaya-app.js"
APP_CSS = "berdaya-app.css"
THEME_OVERRIDES = ASSETS / "theme"
"""Material's ``partials/language.html`` made per page (the page's ``berdaya_language``)."""


class BerdayaConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs is untyped here
    """Options of the plugin in mkdocs.yml."""

    content_dir = opt.Type(str, default="content")
    """Folder of the curricula, relative to mkdocs.yml."""
    templates_dir = opt.Optional(opt.Type(str))
    """An organisation's template overrides, searched before the bundled templates."""
    language = opt.Choice(("id", "en"), default="id")
    """Language of curricula that do not name one, and of the home page."""
    audience = opt.Choice(("trainer", "learner"), default="trainer")
    """``learner`` leaves out program guides and answer keys."""
    curricula = opt.ListOfItems(opt.Type(str), default=[])
    """Ids of the curricula to build (e.g. for an export); empty: all."""
    quiz_reveal = opt.Type((str, dict), default="after-pass")
    """When quizzes show correct answers, unless a quiz says: ``after-pass``, ``always``,
    ``never`` or ``{after-attempts: N}`` (docs/assessment.md)."""
    sheet_rows = opt.Type(object, default=DEFAULT_ROWS)
    """Blank rows of the printable sheets (attendance, participants, scores, observation)."""
    organisation = opt.Optional(opt.Type(object))
    """``{name: ..., logo: path relative to mkdocs.yml}``: printed on the certificate."""
    library_dirs = opt.ListOfItems(opt.Type(str), default=[])
    """Other content folders where overlays find their base curricula (docs/overlays.md)."""
    trusted_html = opt.Type(bool, default=False)
    """``true`` lets raw HTML of the content through unchanged (scripts included): only for
    content whose every author the organisation trusts."""
    offline_app = opt.Type(bool, default=True)
    """An installable site that keeps each curriculum a learner opens for use offline: a web
    app manifest and a service worker (not in ``serve``, nor in the exports)."""
    translation_links = opt.Type(bool, default=True)
    """Link each page of a curriculum to the same page of its translation (off in the
    single-file export, whose file holds one curriculum)."""


class BerdayaPlugin(BasePlugin[BerdayaConfig]):  # type: ignore[no-untyped-call]  # same
    """Generates the Markdown pages from the YAML content."""

    def __init__(self) -> None:
        """Start with no command known (set by ``on_startup``)."""
        self.command = "build"
        self.last_nav: list[Any] | None = None
        self.plan: SitePlan | None = None
        self.files: Files | None = None
        self.environment: jinja2.Environment | None = None
        self.languages: dict[str, Language] = {}
        """The language of each generated page, by its path below the docs folder."""
        self.planned: dict[str, Page] = {}
        """The planned pages of the last generation, by path."""
        self.curricula: set[str] = set()
        self.navs: dict[str, Navigation] = {}
        """Each curriculum's own nav: the home page and that curriculum."""
        self.part: Part | None = None
        """Set by :mod:`generator.outputs.parallel`: build only this part of a planned site."""
        self.dirty = False
        self.incremental = Incremental()
        self.signature = ""
        self.quiet = QuietDirtyWarning()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember the command: during ``serve`` content errors do not stop the server.

        Dirty builds (``berdaya serve``) rebuild only the pages whose Markdown changed,
        made correct by :mod:`generator.outputs.incremental`; it starts empty each run.
        """
        self.command = command
        self.dirty = dirty
        self.incremental = Incremental()
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(self.quiet)

    def on_shutdown(self) -> None:
        """Let MkDocs warn about dirty builds again (another run in this process)."""
        logging.getLogger("mkdocs.commands.build").removeFilter(self.quiet)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Check the folders, generate the Markdown and set the nav before MkDocs reads them.

        MkDocs empties the site folder after this event: a folder that is not
        Berdaya's to replace (the project, the content, one without the marker)
        stops the build here (see :mod:`generator.guard`).
        """
        root = Path(config.config_file_path).resolve().parent
        config.markdown_extensions = with_figures(config.markdown_extensions)
        folders = Protected(
            root, root / self.config.content_dir, Path(config.docs_dir), self._templates_dir(root)
        )
        try:
            check_docs_folder(folders.docs, folders)
            check_site_folder(Path(config.site_dir), folders)
        except UsageError as exc:
            raise _mistake(exc) from exc
        if self.part is not None:  # the parent process generated the Markdown
            return self._use_plan(config, self.part.plan, root)
        try:
            _content, options = content_options(config)
        except UsageError as exc:
            raise _mistake(exc) from exc
        kept = reusing(self.incremental.documents) if self.dirty else nullcontext()
        try:
            with kept:
                generated = generate(
                    root / self.config.content_dir,
                    Path(config.docs_dir),
                    self._templates_dir(root),
                    options,
                    self.incremental.rendered if self.dirty else None,
                )
        except UsageError as exc:  # e.g. an unknown id in the `curricula` option
            raise _mistake(exc) from exc
        except ContentError as exc:
            report = render(exc.diagnostics, "text")
            if self.command != "serve" or self.last_nav is None:
                log.error("berdaya: the content has errors:\n%s", report)  # noqa: TRY400 - no traceback for content
                raise Abort("berdaya: fix the content errors above") from exc
            # Printed, not logged: a logged error would abort the rebuild in strict mode,
            # and the last good Markdown is still in place to be served.
            print(f"{report}\nberdaya: serving the last good version", file=sys.stderr)
            return self._add_assets(config, self.last_nav)
        for line in render(generated.diagnostics, "text").splitlines():
            # Content warnings are listed, not counted as MkDocs warnings: a build fails on
            # them only when asked (berdaya build --strict, berdaya validate --strict).
            log.info("berdaya: %s", line)
        # Only the pages' paths, templates and languages are needed from here on: without
        # their contexts, the models and YAML documents are freed before MkDocs builds.
        plan = SitePlan(
            [replace(page, context={}) for page in generated.plan.pages],
            generated.plan.nav,
            generated.plan.language,
        )
        return self._use_plan(config, plan, root)

    def _use_plan(self, config: MkDocsConfig, plan: SitePlan, root: Path) -> MkDocsConfig:
        """Build the pages of ``plan`` (contexts left out): its nav, languages and assets."""
        self.last_nav = plan.nav
        self.plan = plan
        self.environment = html_environment(self._templates_dir(root))
        self.languages = {page.path: page.language for page in plan.pages}
        self.planned = {page.path: page for page in plan.pages}
        self.curricula = set(plan.curricula())
        config.theme["language"] = plan.language  # Material's own labels and search
        return self._add_assets(config, plan.nav)

    def _add_assets(self, config: MkDocsConfig, nav: list[Any]) -> MkDocsConfig:
        config.nav = html_nav(nav)
        add_theme_overrides(config)
        for name in self._assets("css"):
            config.extra_css.append(f"{ASSET_DIR}/{name}")
        for name in self._assets("js"):
            config.extra_javascript.append(f"{ASSET_DIR}/{name}")
        if self._app_on():
            config.extra_css.append(f"{ASSET_DIR}/{APP_CSS}")
            config.extra_javascript.append(f"{ASSET_DIR}/{APP_JS}")
        self.signature = signature(config, config.nav) if self.dirty else ""
        return config

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Give each curriculum its own nav; in a dirty build, keep the pages not rebuilt."""
        self.navs = curriculum_navs(nav, self.curricula)
        if self.dirty:
            self.incremental.start(config, self.signature, files)
        return nav

    @event_priority(-100)  # after the search plugin indexed the page
    def on_page_context(
        self,
        context: Any,  # noqa: ANN401 - MkDocs' template context
        /,
        *,
        page: Any,  # noqa: ANN401
        config: MkDocsConfig,
        nav: Any,  # noqa: ANN401
    ) -> Any:  # noqa: ANN401
        """Show a curriculum's page with its own nav; in a dirty build, keep what the next needs.

        The home page lists every curriculum; a curriculum's pages list the home page and
        that curriculum only, so the nav each page renders does not grow with the site.
        """
        del nav
        own = self.navs.get(page.file.src_uri.split("/")[0])
        if own is not None:
            context["nav"] = own
        if self.dirty:
            self.incremental.keep(page, config)
        return context

    def _app_on(self) -> bool:
        """The offline app is built: the option is on and this is no ``serve``.

        Under ``serve`` a worker would answer from its caches while the pages are edited;
        a worker a browser kept from a built site on the same address finds no
        ``berdaya-sw.js`` there and removes itself.
        """
        return bool(self.config.offline_app) and self.command != "serve"

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Under ``serve``, keep the theme's compiled templates from one rebuild to the next."""
        del config, files
        if self.dirty:
            env.bytecode_cache = THEME_BYTECODE
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the offline app's files (see :mod:`generator.outputs.app`); mark the site folder.

        The mark says the folder is Berdaya's: the next build may replace it.
        """
        site = Path(config.site_dir)
        if self.part is not None:  # the parent writes them once the parts are joined
            return
        if self._app_on() and self.plan is not None and self.files is not None:
            urls = {file.src_uri: file.url for file in self.files.documentation_pages()}
            app.write_site_app(site, config, self.plan, urls)
        mark(site)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add our scripts and stylesheets to the site."""
        for path in sorted(ASSETS.glob("*")):
            if path.is_file():
                files.append(
                    File(
                        path.name,
                        src_dir=str(ASSETS),
                        dest_dir=str(Path(config.site_dir) / ASSET_DIR),
                        use_directory_urls=False,
                    )
                )
        if self._app_on():
            for name in (APP_CSS, APP_JS):
                files.append(
                    File(
                        name,
                        src_dir=str(app.APP_ASSETS),
                        dest_dir=str(Path(config.site_dir) / ASSET_DIR),
                        use_directory_urls=False,
                    )
                )
        if self.part is not None:
            self.part.exclude_others(files)
        self.files = files
        return files

    @event_priority(100)  # before search indexes the page and other plugins see it
    def on_page_content(
        self,
        html: str,
        /,
        *,
        page: Any,  # noqa: ANN401
        config: MkDocsConfig,
        files: Files,
    ) -> str:
        """Reduce the page to safe HTML; fix media addresses in the quiz's raw HTML.

        Unless ``trusted_html`` is on, everything outside the allow-list of
        :mod:`generator.sanitize` goes: scripts, event handlers, ``javascript:``
        links, frames. MkDocs leaves the addresses of raw HTML alone, so the
        quiz's media links are made relative to the page here.
        """
        del config, files
        language = self.languages.get(page.file.src_uri)
        if language is not None:  # Material's words and <html lang> follow it (THEME_OVERRIDES)
            page.meta["berdaya_language"] = language
        if page.title:  # Material writes `title | striptags` into <title>, which unescapes an
            page.meta["title"] = page.title  # escaped "</title>"; a meta title goes as it is
        if not self.config.trusted_html:
            html = clean(html)
        extra = page.url.count("/") - page.file.src_uri.count("/")
        return rebase_media(html, "../" * extra)

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:  # noqa: ANN401
        """Name the site in every page: quiz results in ``localStorage`` are kept per site.

        Under ``file://`` every site shares one origin, so the script namespaces its
        storage key with this name (``<meta name="berdaya-site">``).
        """
        meta = f'<meta name="berdaya-site" content="{escape(config.site_name)}">'
        if self._app_on():
            meta += "\n" + self._app_head(page, config)
        return output.replace("</head>", f"{meta}\n</head>", 1)

    def _app_head(self, page: Any, config: MkDocsConfig) -> str:  # noqa: ANN401 - a page
        """The manifest link, theme colour and ``berdaya-app`` meta of a page.

        The meta names the site's root relative to the page and the page's curriculum;
        on a curriculum's own page it also carries the words of its offline status line.
        """
        plan, environment = self.plan, self.environment
        if plan is None or environment is None:
            return ""
        src = page.file.src_uri
        planned = self.planned.get(src)
        curriculum = src.split("/")[0] if "/" in src else ""
        if curriculum not in self.curricula:
            curriculum = ""
        language = planned.language if planned is not None else plan.language
        strings = None
        if planned is not None and planned.template == "curriculum.md.j2":
            keys = ("ready", "preparing", "failed")
            strings = {key: t(f"offline.{key}", language) for key in keys}
        context = {
            "root": "../" * page.url.count("/") or "./",
            "colour": theme_colour(config.theme.get("palette")),
            "curriculum": curriculum,
            "strings": strings,
        }
        return render_html("partials/app_head.html.j2", context, environment).strip()

    def on_serve(
        self,
        server: LiveReloadServer,
        /,
        *,
        config: MkDocsConfig,
        builder: Any,  # noqa: ANN401
    ) -> LiveReloadServer:
        """Watch the content and templates; a change regenerates and reloads the browser."""
        del builder
        root = Path(config.config_file_path).resolve().parent
        server.watch(str(root / self.config.content_dir))
        for folder in self.config.library_dirs:
            server.watch(str(root / folder))
        server.watch(str(DEFAULT_TEMPLATES))
        templates = self._templates_dir(root)
        if templates is not None:
            server.watch(str(templates))
        return server

    def _templates_dir(self, root: Path) -> Path | None:
        name = self.config.templates_dir
        return root / name if name else None

    @staticmethod
    def _assets(suffix: str) -> list[str]:
        return sorted(p.name for p in ASSETS.glob(f"*.{suffix}"))


def add_theme_overrides(config: MkDocsConfig) -> None:
    """Put Berdaya's overrides of Material's templates after the site's own ``custom_dir``.

    Only Material's ``partials/language.html``: the interface words and the
    ``<html lang>`` of each page follow the page's curriculum. An organisation's
    ``custom_dir`` still wins; other themes are left alone.
    """
    theme = config.theme
    overrides = str(THEME_OVERRIDES)
    if theme.name != "material" or overrides in theme.dirs:
        return
    theme.dirs.insert(1 if theme.custom_dir else 0, overrides)


def curriculum_navs(nav: Navigation, curricula: set[str]) -> dict[str, Navigation]:
    """Each curriculum's nav: the site's home page, then the curriculum's section.

    A curriculum's pages get their previous and next page in that nav: the first
    page follows the home page and the last one has no next. The home page keeps
    its place in the whole nav, which it shows.
    """
    home = nav.homepage
    navs: dict[str, Navigation] = {}
    for item in nav.items:
        pages = _section_pages(item) if isinstance(item, Section) else []
        curriculum = pages[0].file.src_uri.split("/")[0] if pages else ""
        if curriculum not in curricula:
            continue
        items: list[Any] = [home, item] if home is not None else [item]
        chain: list[Any] = [home, *pages] if home is not None else pages
        for before, page, after in zip([None, *chain[:-1]], chain, [*chain[1:], None], strict=True):
            if page is not home:
                page.previous_page, page.next_page = before, after
        navs[curriculum] = Navigation(items, chain)
    return navs


def _section_pages(section: Section) -> list[MkDocsPage]:
    """The pages of a section and its subsections, in nav order."""
    pages: list[MkDocsPage] = []
    for child in section.children:
        if isinstance(child, Section):
            pages.extend(_section_pages(child))
        elif isinstance(child, MkDocsPage):
            pages.append(child)
    return pages


def html_nav(nav: list[Any]) -> list[Any]:
    """The nav with its titles HTML-escaped: MkDocs themes write nav titles as HTML."""
    return [_html_item(item) for item in nav]


def _html_item(item: Any) -> Any:  # noqa: ANN401 - a nav entry
    if isinstance(item, dict):
        return {
            escape(title): html_nav(value) if isinstance(value, list) else value
            for title, value in item.items()
        }
    return item


def _mistake(exc: UsageError) -> Abort:
    """Log a user's mistake in one line (no traceback); MkDocs stops with the returned Abort."""
    log.error("berdaya: %s", exc)
    return Abort(f"berdaya: {exc}")
