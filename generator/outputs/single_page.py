"""One curriculum as one HTML page: its views, the menu, and the page around them.

Every page of the curriculum becomes a view (:mod:`generator.views`) in a
``<section>`` whose id is its hash address. The page around them, from the
overridable template ``single.html.j2``, carries everything else inline: the
stylesheets, the scripts (quiz and progress, views, search), the interface
strings, and a Content-Security-Policy that lets nothing load from anywhere and
runs only those scripts (by their hashes).

Pure: the built pages of one curriculum in, the HTML text out.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator import resources
from generator.content.prepost import resolve_tests
from generator.content.project import CurriculumSource
from generator.i18n import t
from generator.outputs.branding import Branding
from generator.outputs.offline import Finding
from generator.outputs.views import Pages, View, make_view
from generator.site.jinja import html_environment, render_html
from generator.site.plan import Page
from generator.site.quiz import SCRIPT_STRINGS, script_strings

ASSETS = resources.ASSETS
STYLESHEETS = (
    "berdaya-theme.css",
    "berdaya-quiz.css",
    "berdaya-test.css",
    "berdaya-print.css",
    "single/berdaya-single.css",
    "berdaya-results.css",
)
RESULTS_SCRIPTS = ("berdaya-qr.js", "berdaya-results.js", "berdaya-send.js", "berdaya-tally.js")
"""The results code and its widgets (berdaya-results.js before the two widgets that use it)."""
DEVICE_SCRIPT = "berdaya-device.js"
"""What is kept on the device, for every script after it."""
SCRIPTS = (
    DEVICE_SCRIPT,
    "berdaya-inflate.js",
    "berdaya-quiz.js",
    "berdaya-test.js",
    "berdaya-print.js",
    "single/berdaya-single.js",
    *RESULTS_SCRIPTS,
)
SCORM_SCRIPT = "berdaya-scorm.js"
"""Reports to an LMS through the SCORM 1.2 API: only in a SCORM package's file, last."""
ONLY_WITH = {"berdaya-tally.js": "tally", "berdaya-print.js": "sheet"}
"""Scripts a file carries only with a view of that kind: the trainer's results page, a sheet."""
HEAD_SCRIPT = 'document.documentElement.className += " js";'
"""Marks the page as scripted before it is shown: the views then follow the script, not CSS."""
KINDS = {
    "curriculum.md.j2": "curriculum",
    "module.md.j2": "module",
    "lesson.md.j2": "lesson",
    "quiz.md.j2": "quiz",
    "glossary.md.j2": "glossary",
    "guide.md.j2": "guide",
    "test.md.j2": "test",
    "tally.md.j2": "tally",
    "sheets.md.j2": "sheets",
    "sheet.md.j2": "sheet",
}
"""The planned pages that become views, by template; printable pages stay out of the file."""
STRING_PREFIXES = (*SCRIPT_STRINGS, "single.", "test.")
_END_TAG = re.compile(r"</(?:script|style)", re.IGNORECASE)


@dataclass(frozen=True)
class Built:
    """A page as MkDocs built it: its address in the site and its content."""

    url: str
    html: str


@dataclass
class ViewPlan:
    """One view of the file: where it is, what it is, and its neighbours in reading order."""

    key: str
    kind: str
    view: View
    module_key: str = ""
    """The address of the module it belongs to (lessons and quizzes), else empty."""
    module_title: str = ""
    """The title of that module."""
    previous: ViewPlan | None = field(default=None, repr=False)
    next: ViewPlan | None = field(default=None, repr=False)

    @property
    def title(self) -> str:
        """The title of the view (its first heading)."""
        return self.view.title


@dataclass
class SinglePage:
    """The file's HTML and what was left out of it."""

    html: str
    views: list[ViewPlan]

    @property
    def unlinked(self) -> list[str]:
        """Links kept as text because their target is not in the file."""
        return [href for plan in self.views for href in plan.view.unlinked]

    @property
    def missing(self) -> list[Finding]:
        """Files the views name that could not be read into the file (one finding each)."""
        return [
            Finding(plan.view.url, what, src, plan.view.source, beside=True)
            for plan in self.views
            for what, src in plan.view.missing
        ]


def view_key(path: str, curriculum_id: str) -> str:
    """The hash address of a planned page: ``contoh/harga/hpp.md`` -> ``/harga/hpp/``."""
    parts = path.removeprefix(f"{curriculum_id}/").removesuffix(".md").split("/")
    if parts[-1] == "index":
        parts.pop()
    return f"/{'/'.join(parts)}/" if parts else "/"


def plan_views(
    c: CurriculumSource, pages: list[Page], built: Mapping[str, Built], pages_of_site: Pages
) -> list[ViewPlan]:
    """The views of a curriculum in reading order, each rewritten from its built page.

    Args:
        c: the curriculum.
        pages: its planned pages (from :func:`generator.plan.plan_site`).
        built: built pages by their Markdown path.
        pages_of_site: view addresses by built address, and the reader of media.
    """
    plans = []
    for page in pages:
        kind = KINDS.get(page.template)
        if kind is None or page.path not in built:
            continue
        key = view_key(page.path, c.id)
        page_built = built[page.path]
        view = make_view(page_built.html, page_built.url, key, pages_of_site)
        plan = ViewPlan(key, kind, view)
        module = page.context.get("module")
        if kind in {"lesson", "quiz"} and module is not None:
            plan.module_key, plan.module_title = f"/{page.context['module_id']}/", module.title
        plans.append(plan)
    for before, after in itertools.pairwise(plans):
        before.next, after.previous = after, before
    return plans


@dataclass(frozen=True)
class SiteLook:
    """What a file takes from mkdocs.yml: the site's name, template overrides, branding."""

    name: str
    templates_dir: Path | None = None
    branding: Branding = field(default_factory=Branding)


def render_single(
    c: CurriculumSource,
    views: list[ViewPlan],
    site: SiteLook,
    *,
    scorm: Mapping[str, Any] | None = None,
) -> SinglePage:
    """The whole file: the views inside the page of ``single.html.j2``.

    With ``scorm`` (the data of :func:`generator.outputs.scorm_manifest.scorm_data`),
    the file is a SCORM package's launch page: it also carries that data and
    ``berdaya-scorm.js``.
    """
    lang = c.language
    kinds = {plan.kind for plan in views}
    names = [name for name in SCRIPTS if ONLY_WITH.get(name, "any") in {*kinds, "any"}]
    if scorm is not None:
        names.append(SCORM_SCRIPT)
    scripts = [HEAD_SCRIPT, *(_asset(name) for name in names)]
    home = next(plan for plan in views if plan.key == "/")
    context = {
        "c": c,
        "curriculum": c.model,
        "lang": lang,
        "t": lambda key: t(key, lang),
        "site_name": site.name,
        "branding": site.branding,
        "brand_css": Markup(site.branding.css),  # noqa: S704 - mkdocs.yml's own files
        "storage_version": c.model.version or "",
        "home": home,
        "views": [plan for plan in views if plan is not home],
        "menu": _menu(c, views),
        "css": Markup("\n".join(_asset(name) for name in STYLESHEETS)),  # noqa: S704 - our files
        "head_script": Markup(HEAD_SCRIPT),  # noqa: S704 - our own
        "scripts": [Markup(script) for script in scripts[1:]],  # noqa: S704 - our files
        "strings": script_strings(lang, STRING_PREFIXES),
        "csp": content_security_policy(scripts),
        "scorm": _json(scorm) if scorm is not None else "",
    }
    html = render_html("single.html.j2", context, html_environment(site.templates_dir))
    return SinglePage(html, views)


def content_security_policy(scripts: list[str]) -> str:
    """Nothing loads from anywhere; only ``scripts`` run (by their SHA-256 hashes)."""
    hashes = " ".join(f"'sha256-{_sha256(script)}'" for script in scripts)
    return (
        "default-src 'none'; img-src data:; media-src data:; style-src 'unsafe-inline'; "
        f"script-src {hashes}; form-action 'none'; base-uri 'none'"
    )


MenuItem = tuple[str, str]
"""A link of the menu: the view's address and its label."""


@dataclass(frozen=True)
class MenuModule:
    """A module in the menu: its overview's address, its title, its lessons and quiz."""

    key: str
    title: str
    items: list[MenuItem]


def _menu(c: CurriculumSource, views: list[ViewPlan]) -> dict[str, list[Any]]:
    """The modules with their views, then the glossary and the guide."""
    lang = c.language
    labels = {"quiz": t("nav.quiz", lang), "glossary": t("nav.glossary", lang)}
    labels["guide"] = t("nav.guide", lang)
    labels["tally"] = t("guide.results", lang)
    labels["sheets"] = t("nav.sheets", lang)
    modules = [
        MenuModule(
            f"/{module.id}/",
            module.model.title,
            [
                (p.key, labels.get(p.kind, p.title))
                for p in views
                if p.module_key == f"/{module.id}/"
            ],
        )
        for module in c.modules
    ]
    titles = [test.title for test in resolve_tests(c).values()]
    tests = [(p.key, title) for p, title in zip(_tests_of(views), titles, strict=True)]
    menu_kinds = {"glossary", "guide", "sheets", "tally"}
    extra = [(p.key, labels[p.kind]) for p in views if p.kind in menu_kinds]
    return {"modules": modules, "first": tests[:1], "extra": tests[1:] + extra}


def _tests_of(views: list[ViewPlan]) -> list[ViewPlan]:
    """The views of the pre-test and the post-test, in that order."""
    return [p for p in views if p.kind == "test"]


def _asset(name: str) -> str:
    """One of our stylesheets or scripts, to be put inside its element."""
    text = (ASSETS / name).read_text(encoding="utf-8")
    if _END_TAG.search(text):
        raise ValueError(f"{name} contains '</script' or '</style', which would end it early")
    return text.strip()


def _json(data: Mapping[str, Any]) -> str:
    """Compact JSON for a ``data-`` attribute (the template escapes it)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
