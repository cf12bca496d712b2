"""The pipeline as one straight line: check, plan, render, write.

The CLI and the MkDocs plugin both call :func:`generate`; it writes nothing
unless the content has no errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.check import check
from generator.content.diagnostics import Diagnostic, has_errors
from generator.content.media import media_files
from generator.content.project import Project
from generator.exceptions import ContentError
from generator.site.plan import Options, SitePlan, plan_site
from generator.site.render import environment, render_pages
from generator.site.render_cache import RenderCache, keys
from generator.site.sheets import logo_path, sheets_folder
from generator.site.write import WriteReport, write_tree


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
    files = {path: text.encode("utf-8") for path, text in texts.items()}
    for curriculum in project.curricula:
        files.update(media_files(curriculum))
    files.update(logo_files(plan, project, options))
    report = write_tree(docs_dir, files)
    return Generated(project, plan, diagnostics, report)


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
