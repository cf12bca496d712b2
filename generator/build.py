"""The pipeline as one straight line: read, check, plan, render, write.

The CLI and the MkDocs plugin both call :func:`generate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import (
    ContentError,
    Diagnostic,
    Position,
    error,
    has_errors,
    sort_diagnostics,
)
from generator.i18n import Language
from generator.media import check_media, media_files
from generator.plan import Options, SitePlan, plan_site
from generator.project import Project, find_curricula, read_project
from generator.render import environment, render_pages
from generator.write import WriteReport, write_tree


@dataclass
class Generated:
    """What one run of the pipeline produced."""

    project: Project
    plan: SitePlan
    diagnostics: list[Diagnostic]
    report: WriteReport


def check(content_dir: Path, options: Options) -> tuple[Project, list[Diagnostic]]:
    """Read and check everything; nothing is written."""
    folders, diagnostics = select_curricula(
        find_curricula([content_dir]), options.curricula, content_dir
    )
    project, found = check_folders(folders, options.language)
    return project, sort_diagnostics(diagnostics + found)


def check_folders(
    folders: list[Path], language: Language = "id"
) -> tuple[Project, list[Diagnostic]]:
    """The one checking stage: read, validate, cross-check and check the media of curricula.

    ``berdaya validate`` calls it on the folders it is given; every command that
    builds calls it through :func:`check`, so all say the same about the content.
    """
    project = read_project(folders, language)
    diagnostics = list(project.diagnostics)
    for curriculum in project.curricula:
        diagnostics += check_media(curriculum)
    return project, sort_diagnostics(diagnostics)


def select_curricula(
    folders: list[Path], ids: tuple[str, ...], content_dir: Path
) -> tuple[list[Path], list[Diagnostic]]:
    """The curriculum folders named by ``ids`` (all when empty); unknown ids are errors."""
    if not ids:
        return folders, []
    known = {folder.name for folder in folders}
    problems = [
        error(Position(content_dir), f"no curriculum '{name}' (known: {', '.join(sorted(known))})")
        for name in ids
        if name not in known
    ]
    return [folder for folder in folders if folder.name in ids], problems


def generate(
    content_dir: Path,
    docs_dir: Path,
    templates_dir: Path | None = None,
    options: Options | None = None,
) -> Generated:
    """Generate the Markdown site for ``content_dir`` into ``docs_dir``.

    Raises:
        ContentError: the content has errors; nothing was written.
        TemplateError: a template is missing or broken; nothing was written.
    """
    options = options or Options()
    project, diagnostics = check(content_dir, options)
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    plan = plan_site(project.curricula, options)
    texts = render_pages(plan.pages, environment(templates_dir), content_dir.resolve().parent)
    files = {path: text.encode("utf-8") for path, text in texts.items()}
    for curriculum in project.curricula:
        files.update(media_files(curriculum))
    report = write_tree(docs_dir, files)
    return Generated(project, plan, diagnostics, report)
