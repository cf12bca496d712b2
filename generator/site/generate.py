"""The pipeline as one straight line: check, plan, render, write.

The CLI and the MkDocs plugin both call :func:`generate`; it writes nothing
unless the content has no errors. A build in parts (:mod:`generator.outputs.parallel`)
runs the same stages in two steps: :func:`outline` checks everything, plans the
site and writes the pages of no curriculum; then each part renders and writes
its own curricula with :func:`generate_curricula`, in its own process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.content.check import check
from generator.content.diagnostics import Diagnostic, has_errors
from generator.content.media import media_files, media_sources
from generator.content.project import CurriculumSource, Project
from generator.exceptions import ContentError
from generator.content.translation import counterparts
from generator.site.plan import Options, Page, SitePlan, plan_curriculum, plan_site
from generator.site.render import environment, render_pages
from generator.site.render_cache import RenderCache, keys
from generator.site.sheets import logo_path, sheets_folder
from generator.site.write import WriteReport, write_files, write_tree


@dataclass
class Generated:
    """What one run of the pipeline produced."""

    project: Project
    plan: SitePlan
    diagnostics: list[Diagnostic]
    report: WriteReport


def generate(
    content_dir: Path,
    docs_dir: Path,
    templates_dir: Path | None = None,
    options: Options | None = None,
    cache: RenderCache | None = None,
) -> Generated:
    """Generate the Markdown site for ``content_dir`` into ``docs_dir``.

    With a ``cache`` (``berdaya serve``), only the curricula whose content, translation,
    options or templates changed since the cache's last run are rendered again.

    Raises:
        ContentError: the content has errors; nothing was written.
        TemplateError: a template is missing or broken; nothing was written.
    """
    options = options or Options()
    project, diagnostics = check(
        content_dir, options.language, options.curricula, options.library_dirs
    )
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    plan = plan_site(project.curricula, options)
    kept = None if cache is None else (cache, keys(project.curricula, options, templates_dir))
    root = content_dir.resolve().parent
    texts = render_pages(plan.pages, environment(templates_dir), root, kept)
    files = _encoded(texts)
    for curriculum in project.curricula:
        files.update(media_files(curriculum))
    files.update(logo_files(plan, project, options))
    report = write_tree(docs_dir, files)
    return Generated(project, plan, diagnostics, report)


@dataclass
class Outline:
    """The whole site without its curricula's pages: the first step of a build in parts.

    Attributes:
        plan: every page (without its context) and the nav.
        diagnostics: the content's warnings.
        units: the curricula that must be rendered together, in plan order: a
            translation with its original (their pages link to each other).
    """

    plan: SitePlan
    diagnostics: list[Diagnostic]
    units: list[list[str]]


def outline(
    content_dir: Path,
    docs_dir: Path,
    templates_dir: Path | None,
    options: Options,
    *,
    strict: bool = False,
    guard: Callable[[], None] | None = None,
) -> Outline:
    """Check all the content, plan the site and write the pages that belong to no curriculum.

    Berdaya's files that the site no longer has are deleted; the curricula's own
    files are left to :func:`generate_curricula`. ``guard`` runs after the check and
    before anything is written (it checks the folders the build will write).

    Raises:
        ContentError: the content has errors (with ``strict``, warnings); nothing was written.
        TemplateError: a template is missing or broken.
    """
    project, diagnostics = check(
        content_dir, options.language, options.curricula, options.library_dirs
    )
    if has_errors(diagnostics, strict=strict):
        raise ContentError(diagnostics)
    if guard is not None:
        guard()
    plan = plan_site(project.curricula, options)
    ids = {c.id for c in project.curricula}
    shared = [page for page in plan.pages if page.path.split("/")[0] not in ids]
    root = content_dir.resolve().parent
    files = _encoded(render_pages(shared, environment(templates_dir), root))
    keep = {page.path for page in plan.pages} | set(logo_files(plan, project, options))
    for curriculum in project.curricula:
        keep.update(media_sources(curriculum))  # written by generate_curricula
    write_tree(docs_dir, files, keep)
    bare = SitePlan([replace(p, context={}) for p in plan.pages], plan.nav, plan.language)
    return Outline(bare, diagnostics, _units(project.curricula))


def generate_curricula(
    content_dir: Path,
    docs_dir: Path,
    templates_dir: Path | None,
    options: Options,
    ids: list[str],
) -> WriteReport:
    """Render and write the pages, media and logos of the curricula ``ids`` only.

    ``ids`` hold every translation with its original (:attr:`Outline.units`);
    :func:`outline` checked the content before.

    Raises:
        ContentError: these curricula alone have errors the whole content did not.
    """
    project, diagnostics = check(content_dir, options.language, ids, options.library_dirs)
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    linked = counterparts(project.curricula) if options.translation_links else {}
    pages: list[Page] = []
    for curriculum in project.curricula:
        pages += plan_curriculum(curriculum, options, linked.get(curriculum.id))[0]
    root = content_dir.resolve().parent
    files = _encoded(render_pages(pages, environment(templates_dir), root))
    for curriculum in project.curricula:
        files.update(media_files(curriculum))
    files.update(logo_files(SitePlan(pages, [], options.language), project, options))
    return write_files(docs_dir, files)


def _encoded(texts: dict[str, str]) -> dict[str, bytes]:
    """The pages as UTF-8; each text is let go as soon as it is encoded."""
    return {path: texts.pop(path).encode("utf-8") for path in list(texts)}


def _units(curricula: list[CurriculumSource]) -> list[list[str]]:
    """The curricula in plan order, each translation in the unit of its original."""
    ids = {c.id for c in curricula}
    units: dict[str, list[str]] = {}
    for curriculum in curricula:
        original = curriculum.model.translation_of
        key = original if original in ids else curriculum.id
        units.setdefault(key or curriculum.id, []).append(curriculum.id)
    return list(units.values())


def logo_files(plan: SitePlan, project: Project, options: Options) -> dict[str, bytes]:
    """The organisation's logo beside the sheets of each curriculum that has them."""
    logo = options.sheets.logo
    if logo is None:
        return {}
    planned = {page.path for page in plan.pages}
    found = {}
    for curriculum in project.curricula:
        target = logo_path(curriculum, options.sheets)
        if target is not None and f"{sheets_folder(curriculum)}/index.md" in planned:
            found[target] = logo.read_bytes()
    return found
