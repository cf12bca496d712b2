"""Plan the site: which pages exist, from which template and data, and the nav.

Pure: no I/O. Page paths are relative to the MkDocs ``docs_dir``; links
between generated pages are relative ``.md`` paths that MkDocs resolves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from generator.content.model import DEFAULT_REVEAL, Module, Reveal
from generator.content.prepost import resolve_tests
from generator.content.project import CurriculumSource, ModuleSource
from generator.content.translation import Counterpart, counterparts
from generator.exceptions import UsageError
from generator.i18n import Language, t
from generator.site.sheet_options import PluginSheets, SheetOptions, sheet_options
from generator.site.sheets import plan_sheets, sheets_folder

NavItem = str | dict[str, Any]


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str
    template: str
    language: Language
    source: Path
    context: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class TranslationLink:
    """A link from a page to the same page in the curriculum's other language."""

    href: str
    """Relative to the linking page, to a ``.md`` page that MkDocs resolves."""
    language: Language
    """The language of the page linked to."""


@dataclass
class SitePlan:
    """All pages and the nav that lists them."""

    pages: list[Page]
    nav: list[NavItem]
    language: Language
    """The interface language: the curricula's own when they all share one."""

    def curricula(self) -> list[str]:
        """The ids of the plan's curricula, in its order."""
        return [p.path.split("/")[0] for p in self.pages if p.template == "curriculum.md.j2"]


@dataclass(frozen=True)
class Options:
    """What to include in the site."""

    language: Language = "id"
    include_guides: bool = True
    curricula: tuple[str, ...] = ()
    """Ids of the curricula to include; empty: all."""
    quiz_reveal: Reveal = DEFAULT_REVEAL
    """When quizzes without their own ``reveal`` show the correct answers."""
    sheets: SheetOptions = field(default_factory=SheetOptions)
    """Blank rows and the organisation of the printable sheets."""
    translation_links: bool = True
    """Link a curriculum's pages to its translation's; off for files of one curriculum."""
    library_dirs: tuple[Path, ...] = ()
    """Content folders where overlays find their bases after the content folder."""

    @classmethod
    def from_plugin(  # noqa: PLR0913 - one argument per option of the plugin
        cls,
        language: Language,
        audience: str,
        curricula: list[str],
        quiz_reveal: object,
        settings: PluginSheets | None = None,
    ) -> Options:
        """The options of the ``berdaya`` plugin's settings in mkdocs.yml.

        Raises:
            UsageError: ``quiz_reveal`` is not a reveal policy, or a sheet option is wrong
                (see :func:`generator.site.sheet_options.sheet_options`).
        """
        try:
            reveal = _REVEAL.validate_python(quiz_reveal)
        except ValidationError as exc:
            message = "is not after-pass, always, never or {after-attempts: N}"
            raise UsageError(f"mkdocs.yml: quiz_reveal: {quiz_reveal!r} {message}") from exc
        sheets = sheet_options(settings) if settings is not None else SheetOptions()
        return cls(language, audience == "trainer", tuple(curricula), reveal, sheets)


_REVEAL: TypeAdapter[Reveal] = TypeAdapter(Reveal)


def library_dirs(names: list[str], root: Path) -> tuple[Path, ...]:
    """The plugin's ``library_dirs``, relative to ``root`` (the folder of mkdocs.yml).

    Raises:
        UsageError: a name is not a folder.
    """
    folders = tuple(root / name for name in names)
    for name, folder in zip(names, folders, strict=True):
        if not folder.is_dir():
            raise UsageError(f"mkdocs.yml: library_dirs: no folder {name!r} (relative to {root})")
    return folders


def plan_site(curricula: list[CurriculumSource], options: Options | None = None) -> SitePlan:
    """Every page of the site and its nav, in content order."""
    options = options or Options()
    language = site_language(curricula, options.language)
    home = Page("index.md", "home.md.j2", language, Path("content"), {"curricula": curricula})
    pages = [home]
    nav: list[NavItem] = [{t("site.home", language): "index.md"}]
    linked = counterparts(curricula) if options.translation_links else {}
    for curriculum in curricula:
        c_pages, c_nav = plan_curriculum(curriculum, options, linked.get(curriculum.id))
        pages += c_pages
        nav.append({curriculum.model.title: c_nav})
    return SitePlan(pages, nav, language)


def site_language(curricula: list[CurriculumSource], default: Language) -> Language:
    """The language all ``curricula`` share (an English-only site is English), else ``default``."""
    languages = {c.language for c in curricula}
    return languages.pop() if len(languages) == 1 else default


def _translation(
    counterpart: Counterpart | None, depth: int, module: str | None = None, lesson: str | None = None
) -> TranslationLink | None:
    """The link to the counterpart of a curriculum page, module page or lesson page, if any.

    ``depth``: the number of folders of the linking page below the docs folder.
    """
    if counterpart is None:
        return None
    other = counterpart.curriculum
    path = f"{other.id}/index.md"
    if module is not None:
        other_module = counterpart.modules.get(module)
        if other_module is None:
            return None
        path = f"{other.id}/{other_module}/index.md"
        if lesson is not None:
            other_lesson = counterpart.lessons.get((module, lesson))
            if other_lesson is None:
                return None
            path = f"{other.id}/{other_module}/{other_lesson}.md"
    return TranslationLink("../" * depth + path, other.language)


def plan_curriculum(
    c: CurriculumSource, options: Options, counterpart: Counterpart | None = None
) -> tuple[list[Page], list[NavItem]]:
    """The pages of one curriculum and its entry of the nav (``counterpart``: its translation)."""
    lang = c.language
    source = c.doc.path
    base: dict[str, Any] = {"c": c, "curriculum": c.model, "trainer": options.include_guides}
    tests = resolve_tests(c)
    base["tests"] = tests
    base["test_slugs"] = {kind: t(f"slug.{kind}_test", lang) for kind in tests}
    front = {**base, "translation": _translation(counterpart, 1)}
    pages = [Page(f"{c.id}/index.md", "curriculum.md.j2", lang, source, front)]
    nav: list[NavItem] = [{c.model.title: f"{c.id}/index.md"}]
    test_pages = [_test_page(c, kind, options, base) for kind in tests]
    if test_pages:  # the pre-test before the modules
        pages.append(test_pages[0][0])
        nav.append(test_pages[0][1])
    for module in c.modules:
        m_pages, m_nav = _plan_module(c, module, options, counterpart)
        pages += m_pages
        nav.append({module.model.title: m_nav})
    if test_pages:  # the post-test after them
        pages.append(test_pages[1][0])
        nav.append(test_pages[1][1])
    if c.model.glossary:
        path = f"{c.id}/{t('slug.glossary', lang)}.md"
        pages.append(Page(path, "glossary.md.j2", lang, source, base))
        nav.append({t("nav.glossary", lang): path})
    trainer = options.include_guides and c.model.guide is not None
    base["sheets"] = plan_sheets(c, options.sheets) if trainer else []
    base["sheets_link"] = f"{t('slug.guide', lang)}/{t('sheet.slug.index', lang)}/index.md"
    if trainer:
        path = f"{c.id}/{t('slug.guide', lang)}.md"
        pages.append(Page(path, "guide.md.j2", lang, source, base))
        nav.append({t("nav.guide", lang): path})
        s_pages, s_nav = _sheet_pages(c, base)
        pages += s_pages
        nav.append({t("nav.sheets", lang): s_nav})
    if options.include_guides and tests:  # the trainer's tally of the learners' results
        path = f"{c.id}/{t('slug.guide_results', lang)}.md"
        pages.append(Page(path, "tally.md.j2", lang, source, base))
        nav.append({t("guide.results", lang): path})
    for slug, template in _printable(options):
        path = f"{c.id}/{t(f'slug.{slug}', lang)}.md"
        pages.append(Page(path, template, lang, source, base))
        nav.append({t(f"nav.{slug}", lang): path})
    return pages, nav


def _sheet_pages(c: CurriculumSource, base: dict[str, Any]) -> tuple[list[Page], list[NavItem]]:
    """The sheets' index page and one page per sheet, under the guide."""
    folder = sheets_folder(c)
    index = Page(f"{folder}/index.md", "sheets.md.j2", c.language, c.doc.path, base)
    pages: list[Page] = [index]
    nav: list[NavItem] = [index.path]
    for sheet in base["sheets"]:
        path = f"{folder}/{sheet.slug}.md"
        pages.append(Page(path, "sheet.md.j2", c.language, c.doc.path, {**base, "sheet": sheet}))
        nav.append({sheet.title: path})
    return pages, nav


def _test_page(
    c: CurriculumSource, kind: str, options: Options, base: dict[str, Any]
) -> tuple[Page, NavItem]:
    """The page of the pre-test or post-test; trainer builds carry its key."""
    test = base["tests"][kind]
    path = f"{c.id}/{base['test_slugs'][kind]}.md"
    context = {**base, "kind": kind, "test": test, "trainer": options.include_guides}
    return Page(path, "test.md.j2", c.language, c.doc.path, context), {test.title: path}


def _printable(options: Options) -> list[tuple[str, str]]:
    """Single printable pages: the whole guide for trainers, the learner book for all."""
    trainer = [("print_guide", "print_guide.md.j2")] if options.include_guides else []
    return [*trainer, ("book", "book.md.j2")]


def _plan_module(
    c: CurriculumSource, module: ModuleSource, options: Options, counterpart: Counterpart | None
) -> tuple[list[Page], list[NavItem]]:
    lang = c.language
    folder = f"{c.id}/{module.id}"
    source = module.doc.path
    base = {
        "c": c,
        "curriculum": c.model,
        "module_id": module.id,
        "module": module.model,
        "trainer": options.include_guides,
    }
    own = {**base, "translation": _translation(counterpart, 2, module.id)}
    pages = [Page(f"{folder}/index.md", "module.md.j2", lang, source, own)]
    nav: list[NavItem] = [{module.model.title: f"{folder}/index.md"}]
    lessons = module.model.lessons
    for i, lesson in enumerate(lessons):
        context = {
            **base,
            "lesson": lesson,
            "previous": lessons[i - 1] if i > 0 else None,
            "next": lessons[i + 1] if i + 1 < len(lessons) else None,
            "translation": _translation(counterpart, 2, module.id, lesson.id),
        }
        path = f"{folder}/{lesson.id}.md"
        pages.append(Page(path, "lesson.md.j2", lang, source, context))
        nav.append({lesson.title: path})
    if module.model.quiz is not None:
        path = f"{folder}/{t('slug.quiz', lang)}.md"
        reveal = module.model.quiz.reveal or options.quiz_reveal
        pages.append(Page(path, "quiz.md.j2", lang, source, {**base, "reveal": reveal}))
        nav.append({t("nav.quiz", lang): path})
    return pages, nav
