"""Read a content tree: every curriculum and module file, loaded and validated.

Pelican's rule: read and check everything before writing anything. This
module only reads; problems come back as diagnostics, never as exceptions.
:mod:`generator.content.check` adds the cross-checks and the media checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ValidationError

from generator.content.diagnostics import Diagnostic, Position, error, warning
from generator.content.errors import diagnostics_from
from generator.content.load import Document, load_file
from generator.content.model import MAX_ID, SLUG_PATTERN, Curriculum, Module

CURRICULUM_FILE = "curriculum.yml"
MODULES_DIR = "modules"
MEDIA_DIR = "media"
RESERVED_CURRICULA = frozenset({"assets", "search", "index"})
"""Folder names of the site itself (the theme's assets, the search index, the home page)."""

Language = Literal["id", "en"]
M = TypeVar("M", bound=BaseModel)


@dataclass
class ModuleSource:
    """A validated module file."""

    id: str
    doc: Document
    model: Module


@dataclass
class CurriculumSource:
    """A validated curriculum with its modules in curriculum order."""

    id: str
    folder: Path
    doc: Document
    model: Curriculum
    language: Language
    modules: list[ModuleSource] = field(default_factory=list)
    module_files: set[str] = field(default_factory=set)
    """Ids of all module files present, valid or not."""

    def module(self, module_id: str) -> ModuleSource | None:
        """The module with this id, if it exists and is valid."""
        return next((m for m in self.modules if m.id == module_id), None)


@dataclass
class Project:
    """Everything read from the content folders."""

    curricula: list[CurriculumSource]
    diagnostics: list[Diagnostic]


def find_curricula(paths: list[Path]) -> list[Path]:
    """Curriculum folders named by ``paths`` (content roots, curricula or their files).

    Raises:
        FileNotFoundError: a path does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(str(path))
        found.extend(_curricula_at(path))
    unique: dict[Path, Path] = {}
    for folder in found:  # the same folder named twice (relative and absolute) counts once
        unique.setdefault(folder.resolve(), folder)
    return sorted(unique.values())


def _curricula_at(path: Path) -> list[Path]:
    if path.is_file():
        parent = path.parent
        folder = parent.parent if parent.name == MODULES_DIR else parent
        return [folder] if (folder / CURRICULUM_FILE).is_file() else []
    if (path / CURRICULUM_FILE).is_file():
        return [path]
    if path.name == MODULES_DIR and (path.parent / CURRICULUM_FILE).is_file():
        return [path.parent]  # a curriculum's modules/ folder: check the curriculum
    return sorted(p for p in path.iterdir() if (p / CURRICULUM_FILE).is_file())


def load_curricula(
    folders: list[Path], default_language: Language = "id"
) -> tuple[list[CurriculumSource], list[Diagnostic]]:
    """Load and validate the curriculum and module files in ``folders``.

    Cross-references are checked by :mod:`generator.content.check`, which calls this.
    """
    curricula: list[CurriculumSource] = []
    diagnostics: list[Diagnostic] = []
    for folder in folders:
        source, problems = _read_curriculum(folder, default_language)
        diagnostics += problems
        if source is not None:
            curricula.append(source)
    return curricula, diagnostics


def _read_curriculum(
    folder: Path, default_language: Language
) -> tuple[CurriculumSource | None, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    path = folder / CURRICULUM_FILE
    if not re.match(SLUG_PATTERN, folder.name) or len(folder.name) > MAX_ID:
        problems.append(error(Position(path), _bad_name("folder", folder.name)))
    elif folder.name in RESERVED_CURRICULA:
        message = f"folder name '{folder.name}' is a folder of the site itself; rename the folder"
        problems.append(error(Position(path), message))
    model, doc, found = _read_model(path, Curriculum)
    problems += found
    modules, found = _read_modules(folder / MODULES_DIR, model)
    problems += found
    if model is None or doc is None:
        return None, problems
    language: Language = model.language or default_language
    source = CurriculumSource(folder.name, folder, doc, model, language)
    source.modules = [modules[m] for m in dict.fromkeys(model.modules) if m in modules]
    source.module_files = {p.stem for p in _yaml_files(folder / MODULES_DIR) if p.suffix == ".yml"}
    return source, problems


def _read_modules(
    folder: Path, curriculum: Curriculum | None
) -> tuple[dict[str, ModuleSource], list[Diagnostic]]:
    problems: list[Diagnostic] = []
    modules: dict[str, ModuleSource] = {}
    files = _yaml_files(folder)
    for path in files:
        if path.suffix == ".yaml":
            problems.append(error(Position(path), "module files end in .yml, not .yaml"))
            continue
        if not re.match(SLUG_PATTERN, path.stem) or len(path.stem) > MAX_ID:
            problems.append(error(Position(path), _bad_name("file", path.stem)))
            continue
        model, doc, found = _read_model(path, Module)
        problems += found
        if curriculum is not None and path.stem not in curriculum.modules:
            message = f"module '{path.stem}' is not listed in {CURRICULUM_FILE} and is not built"
            problems.append(warning(Position(path), message))
        if model is not None and doc is not None:
            modules[path.stem] = ModuleSource(path.stem, doc, model)
    return modules, problems


def _yaml_files(folder: Path) -> list[Path]:
    """The ``.yml`` and ``.yaml`` files of a folder, sorted.

    Hidden files are skipped: macOS leaves ``._harga.yml`` beside every file
    copied to a USB stick, and editors keep ``.harga.yml.swp`` and the like.
    """
    if not folder.is_dir():
        return []
    found = (p for p in folder.iterdir() if p.suffix in (".yml", ".yaml"))
    return sorted(p for p in found if not p.name.startswith(".") and p.is_file())


def _read_model(path: Path, model: type[M]) -> tuple[M | None, Document | None, list[Diagnostic]]:
    doc, problems = load_file(path)
    if doc is None:
        return None, None, problems
    try:
        return model.model_validate(doc.data), doc, problems
    except ValidationError as exc:
        return None, doc, problems + diagnostics_from(exc, doc, model)


def _bad_name(kind: str, name: str) -> str:
    shown = name if len(name) <= 40 else f"{name[:40]}…"
    return (
        f"{kind} name '{shown}' is not a valid id: use lowercase letters, digits and hyphens, "
        f"at most {MAX_ID} characters, e.g. 'harga-jual'"
    )
