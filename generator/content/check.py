"""The one checking stage: read, validate, cross-check, check media.

``berdaya validate``, ``build``, ``serve``, ``export`` and ``pdf`` all check
content through :func:`check_folders`, so all say the same about it. Nothing
is written.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.checks import check_curriculum
from generator.content.diagnostics import Diagnostic, Position, error, sort_diagnostics
from generator.content.media import check_media
from generator.content.project import Project, find_curricula, load_curricula
from generator.i18n import Language


def read_project(folders: list[Path], default_language: Language = "id") -> Project:
    """Load and validate the curricula in ``folders``, then check cross-references."""
    curricula, diagnostics = load_curricula(folders, default_language)
    for curriculum in curricula:
        diagnostics += check_curriculum(curriculum)
    return Project(curricula, sort_diagnostics(diagnostics))


def check_folders(
    folders: list[Path], language: Language = "id"
) -> tuple[Project, list[Diagnostic]]:
    """Read, validate and cross-check curricula, and check their media."""
    project = read_project(folders, language)
    diagnostics = list(project.diagnostics)
    for curriculum in project.curricula:
        diagnostics += check_media(curriculum)
    return project, sort_diagnostics(diagnostics)


def check(
    content_dir: Path, language: Language = "id", ids: tuple[str, ...] = ()
) -> tuple[Project, list[Diagnostic]]:
    """Check the curricula ``ids`` of a content folder (all when empty); nothing is written."""
    folders, diagnostics = select_curricula(find_curricula([content_dir]), ids, content_dir)
    project, found = check_folders(folders, language)
    return project, sort_diagnostics(diagnostics + found)


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
