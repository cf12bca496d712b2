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
from generator.content.library import (
    CURRICULUM_FILE,
    MODULES_DIR,
    Library,
    attribute,
    bad_name,
    read_layered,
    yaml_files,
)
from generator.content.load import Document
from generator.content.model import MAX_ID, SLUG_PATTERN, Curriculum, Module

MEDIA_DIR = "media"
__all__ = [
    "CURRICULUM_FILE",
    "MEDIA_DIR",
    "MODULES_DIR",
    "RESERVED_CURRICULA",
    "CurriculumSource",
    "ModuleSource",
    "Project",
    "find_curricula",
    "load_curricula",
]

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
    """Ids of all module files present, valid or not (of its bases too)."""
    bases: list[Path] = field(default_factory=list)
    """For an overlay, the folders of its base curricula, nearest first."""

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
    folders: list[Path], default_language: Language = "id", library: Library | None = None
) -> tuple[list[CurriculumSource], list[Diagnostic]]:
    """Load and validate the curriculum and module files in ``folders``.

    A curriculum that ``extends`` another is merged with its base first
    (:mod:`generator.content.library`); bases are found beside it and in
    ``library``. Cross-references are checked by :mod:`generator.content.check`,
    which calls this.
    """
    curricula: list[CurriculumSource] = []
    diagnostics: list[Diagnostic] = []
    for folder in folders:
        source, problems = _read_curriculum(folder, default_language, library or Library())
        diagnostics += attribute(problems, folder.name, folder)
        if source is not None:
            curricula.append(source)
    return curricula, diagnostics


def _read_curriculum(
    folder: Path, default_language: Language, library: Library
) -> tuple[CurriculumSource | None, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    path = folder / CURRICULUM_FILE
    if not re.match(SLUG_PATTERN, folder.name) or len(folder.name) > MAX_ID:
        problems.append(error(Position(path), bad_name("folder", folder.name)))
    elif folder.name in RESERVED_CURRICULA:
        message = f"folder name '{folder.name}' is a folder of the site itself; rename the folder"
        problems.append(error(Position(path), message))
    layered, found = read_layered(folder, library)
    problems += found
    if layered is None:
        return None, problems
    model, found = _validate(layered.doc, Curriculum)
    problems += found
    listed = set(model.modules) if model is not None else set()
    modules: dict[str, ModuleSource] = {}
    for module_id, doc in layered.modules.items():
        if module_id not in layered.own_modules and module_id not in listed:
            continue  # a module of the base that the overlay leaves out
        module, found = _validate(doc, Module)
        problems += found
        if module is not None:
            modules[module_id] = ModuleSource(module_id, doc, module)
    if model is None:
        return None, problems
    own_files = {p.stem: p for p in yaml_files(folder / MODULES_DIR) if p.suffix == ".yml"}
    for stem, file in own_files.items():
        if stem not in listed and re.match(SLUG_PATTERN, stem) and len(stem) <= MAX_ID:
            message = f"module '{stem}' is not listed in {CURRICULUM_FILE} and is not built"
            problems.append(warning(Position(file), message))
    language: Language = model.language or default_language
    source = CurriculumSource(folder.name, folder, layered.doc, model, language)
    source.modules = [modules[m] for m in dict.fromkeys(model.modules) if m in modules]
    source.module_files = set(own_files) | set(layered.modules)
    source.bases = layered.bases
    return source, problems


def _validate(doc: Document, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, diagnostics_from(exc, doc, model)
