"""The one checking stage: read, validate, replace placeholders, cross-check, check media.

``berdaya validate``, ``build``, ``serve``, ``export`` and ``pdf`` all check
content through :func:`check_folders`, so all say the same about it. Nothing
is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.content.alt_text import check_alt_text
from generator.content.checks import check_curriculum
from generator.content.diagnostics import Diagnostic, display_path, sort_diagnostics
from generator.content.library import Library, attribute
from generator.content.media import check_media
from generator.content.placeholders import substitute
from generator.content.project import (
    CURRICULUM_FILE,
    CurriculumSource,
    Project,
    find_curricula,
    load_curricula,
)
from generator.content.translation_checks import Lookup, check_translations
from generator.exceptions import UsageError
from generator.i18n import Language


def read_project(
    folders: list[Path], default_language: Language = "id", library_dirs: Iterable[Path] = ()
) -> Project:
    """Load and validate the curricula in ``folders``, replace placeholders, check references.

    An overlay's base is looked for beside it, then in ``library_dirs``.
    Placeholders are replaced once, here, after an overlay is merged into its
    base, so every check and every output sees the replaced text
    (:mod:`generator.content.placeholders`).
    """
    library = Library(tuple(library_dirs))
    loaded, diagnostics = load_curricula(folders, default_language, library)
    curricula = []
    for source in loaded:
        curriculum, found = substitute(source)
        curricula.append(curriculum)
        diagnostics += _attributed(found + check_curriculum(curriculum), curriculum)
    diagnostics += check_translations(curricula, _lookup(curricula, default_language))
    return Project(curricula, sort_diagnostics(diagnostics))


def _lookup(curricula: list[CurriculumSource], default_language: Language) -> Lookup:
    """Find a curriculum by id: one being read, else a folder beside them (read, not checked).

    Checking one translation (``berdaya validate content/<id>``) still finds its original.
    """
    known = {c.id: c for c in curricula}
    parents = list(dict.fromkeys(c.folder.parent for c in curricula))

    def find(curriculum_id: str) -> CurriculumSource | None:
        if curriculum_id in known:
            return known[curriculum_id]
        for parent in parents:
            folder = parent / curriculum_id
            if (folder / CURRICULUM_FILE).is_file():
                found, _problems = load_curricula([folder], default_language)
                return found[0] if found else None
        return None

    return find


def check_folders(
    folders: list[Path], language: Language = "id", library_dirs: Iterable[Path] = ()
) -> tuple[Project, list[Diagnostic]]:
    """Read, validate and cross-check curricula, and check their media and pictures' alt text."""
    project = read_project(folders, language, library_dirs)
    diagnostics = list(project.diagnostics)
    for curriculum in project.curricula:
        diagnostics += _attributed(check_media(curriculum) + check_alt_text(curriculum), curriculum)
    return project, sort_diagnostics(diagnostics)


def _attributed(found: list[Diagnostic], curriculum: CurriculumSource) -> list[Diagnostic]:
    """An overlay's diagnostics, those in its bases' files naming the overlay."""
    return attribute(found, curriculum.id, curriculum.folder) if curriculum.bases else found


def check(
    content_dir: Path,
    language: Language = "id",
    ids: Iterable[str] = (),
    library_dirs: Iterable[Path] = (),
) -> tuple[Project, list[Diagnostic]]:
    """Check the curricula ``ids`` of a content folder (all when empty); nothing is written.

    Overlays find their bases in ``content_dir``, then in ``library_dirs``.

    Raises:
        UsageError: see :func:`select_curricula`.
    """
    return check_folders(select_curricula(content_dir, ids), language, library_dirs)


def select_curricula(content_dir: Path, ids: Iterable[str] = ()) -> list[Path]:
    """The curriculum folders of ``content_dir`` named by ``ids``, in content order; all by default.

    The one curriculum selector: of ``build``, ``serve``, ``export`` and ``pdf``,
    and of the plugin's ``curricula`` option.

    Raises:
        UsageError: there is no such folder, no curriculum in it, or an id names none.
    """
    shown = f"{display_path(content_dir)}/"
    if not content_dir.is_dir():
        raise UsageError(f"no content folder {shown}")
    folders = find_curricula([content_dir])
    known = [folder.name for folder in folders]
    wanted = list(dict.fromkeys(ids))
    if unknown := [name for name in wanted if name not in known]:
        names = ", ".join(f"'{name}'" for name in unknown)
        word = "curriculum" if len(unknown) == 1 else "curricula"
        raise UsageError(f"no {word} {names} in {shown} (known: {', '.join(known) or 'none'})")
    if not folders:
        raise UsageError(f"no curriculum.yml in {shown}; start one with 'berdaya new ID'")
    return [folder for folder in folders if not wanted or folder.name in wanted]
