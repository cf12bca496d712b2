"""Curriculum folders as loaded YAML, with overlays applied to their bases.

A curriculum whose ``curriculum.yml`` says ``extends: <base-id>`` (or
``extends: {curriculum: <base-id>, version: "<v>"}``) is its base with the
overlay's differences applied (:mod:`generator.content.overlay`). A base is
looked for beside the overlay (the other curricula of its content folder),
then in the ``library_dirs`` in their order; the first found wins. A base may
itself be an overlay. Everything here is data before validation:
:mod:`generator.content.project` validates what comes back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from generator.content.diagnostics import Diagnostic, Position, display_path, error, warning
from generator.content.errors import quoted, suggest
from generator.content.load import Document, load_file
from generator.content.model import MAX_ID, SLUG_PATTERN
from generator.content.overlay import merge_documents

CURRICULUM_FILE = "curriculum.yml"
MODULES_DIR = "modules"
EXTENDS = "extends"


@dataclass(frozen=True)
class BaseRef:
    """What ``extends:`` names: the base curriculum and the version the overlay was written for."""

    curriculum: str
    version: str | None
    position: Position
    """Where the base's id is written (for diagnostics)."""
    version_position: Position | None = None


@dataclass
class Layered:
    """A curriculum folder read as data, its bases applied."""

    folder: Path
    doc: Document
    modules: dict[str, Document] = field(default_factory=dict)
    """Every module file of the curriculum and its bases, merged, by id."""
    own_modules: set[str] = field(default_factory=set)
    """Ids of the module files in the folder itself."""
    bases: list[Path] = field(default_factory=list)
    """The base curricula's folders, nearest first."""
    base: BaseRef | None = None


@dataclass(frozen=True)
class Library:
    """Where base curricula are looked for: beside each overlay, then in ``dirs``."""

    dirs: tuple[Path, ...] = ()

    def find(self, curriculum_id: str, beside: Path) -> Path | None:
        """The folder of the curriculum ``curriculum_id`` for the overlay in ``beside``."""
        for root in (beside.parent, *self.dirs):
            folder = root / curriculum_id
            if (folder / CURRICULUM_FILE).is_file() and not _same(folder, beside):
                return folder
        return None

    def known(self, beside: Path) -> list[str]:
        """Ids of the curricula an overlay in ``beside`` could extend."""
        found: dict[str, None] = {}
        for root in (beside.parent, *self.dirs):
            if root.is_dir():
                for folder in sorted(root.iterdir()):
                    if (folder / CURRICULUM_FILE).is_file() and not _same(folder, beside):
                        found[folder.name] = None
        return list(found)

    def where(self) -> str:
        """The places searched, for messages: ``content folder`` and each library dir."""
        return ", ".join(["the content folder", *(f"{display_path(d)}/" for d in self.dirs)])


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def read_layered(
    folder: Path, library: Library, stack: tuple[Path, ...] = ()
) -> tuple[Layered | None, list[Diagnostic]]:
    """Read the curriculum in ``folder`` and its module files, its base applied.

    ``stack`` holds the overlays being read (to find cycles). Returns None when
    the curriculum file cannot be used (no data, a wrong ``extends``, no base).
    """
    problems: list[Diagnostic] = []
    doc, found = load_file(folder / CURRICULUM_FILE)
    problems += found
    own, found = _module_documents(folder / MODULES_DIR)
    problems += found
    if doc is None:
        return None, problems
    if EXTENDS not in doc.data:
        return Layered(folder, doc, dict(own), set(own)), problems
    base_ref, found = read_extends(doc)
    problems += found
    if base_ref is None:
        return None, problems
    base, found = _read_base(folder, base_ref, library, (*stack, folder))
    problems += found
    if base is None:
        return None, problems
    problems += _version_warnings(base_ref, base)
    merged, found = merge_documents(base.doc, doc)
    problems += found
    modules = dict(base.modules)
    for module_id, module_doc in own.items():
        if module_id in modules:
            modules[module_id], found = merge_documents(modules[module_id], module_doc)
            problems += found
        else:
            modules[module_id] = module_doc
    layered = Layered(folder, merged, modules, set(own), [base.folder, *base.bases], base_ref)
    return layered, problems


def _read_base(
    folder: Path, ref: BaseRef, library: Library, stack: tuple[Path, ...]
) -> tuple[Layered | None, list[Diagnostic]]:
    base_folder = library.find(ref.curriculum, folder)
    if base_folder is None:
        known = library.known(folder)
        hint = suggest(ref.curriculum, known).replace("; allowed keys:", "; known:")
        message = f"no curriculum {quoted(ref.curriculum)} in {library.where()}{hint}"
        return None, [error(ref.position, f"{EXTENDS}: {message}")]
    if any(_same(base_folder, seen) for seen in stack):
        chain = " -> ".join([*(p.name for p in stack), base_folder.name])
        message = f"{quoted(ref.curriculum)} leads back to an overlay it extends ({chain})"
        return None, [error(ref.position, f"{EXTENDS}: {message}")]
    return read_layered(base_folder, library, stack)


def _version_warnings(ref: BaseRef, base: Layered) -> list[Diagnostic]:
    if ref.version is None or ref.version_position is None:
        return []
    version = base.doc.data.get("version")
    have = None if version is None else str(version)
    if have == ref.version:
        return []
    stated = "has no version" if have is None else f"is version {quoted(have)}"
    message = (
        f"{EXTENDS}.version: the base {quoted(ref.curriculum)} {stated}, this overlay was "
        f"written for {quoted(ref.version)}; check what changed (berdaya diff) and update "
        "the version here"
    )
    return [warning(ref.version_position, message)]


def read_extends(doc: Document) -> tuple[BaseRef | None, list[Diagnostic]]:
    """The base named by ``extends:`` in ``doc``; None and the problem when it is wrong."""
    value = doc.data[EXTENDS]
    if isinstance(value, str):
        return _base_ref(doc, (EXTENDS,), None)
    problem = _extends_problem(doc, value)
    if problem is not None:
        return None, [problem]
    version_at = doc.at((EXTENDS, "version")) if "version" in value else None
    version = value.get("version")
    text = None if version is None else doc.number_texts.get((EXTENDS, "version"), str(version))
    ref, problems = _base_ref(doc, (EXTENDS, "curriculum"), text)
    return (replace(ref, version_position=version_at) if ref else None), problems


def _extends_problem(doc: Document, value: object) -> Diagnostic | None:
    """What is wrong with an ``extends:`` that is not an id; None when nothing is."""
    if not isinstance(value, dict):
        message = "expected a curriculum id or {curriculum: ID, version: V}"
        return error(doc.at((EXTENDS,)), f"{EXTENDS}: {message}")
    if extra := [key for key in value if key not in ("curriculum", "version")]:
        hint = suggest(extra[0], ["curriculum", "version"])
        message = f"{EXTENDS}: unknown key {quoted(extra[0])}{hint}"
        return error(doc.key_at((EXTENDS, extra[0])), message)
    if "curriculum" not in value:
        return error(doc.at((EXTENDS,)), f"{EXTENDS}: missing required key 'curriculum'")
    version = value.get("version")
    if isinstance(version, bool) or not isinstance(version, (str, int, float, type(None))):
        return error(doc.at((EXTENDS, "version")), f"{EXTENDS}.version: expected text")
    return None


def _base_ref(
    doc: Document, path: tuple[str, ...], version: str | None
) -> tuple[BaseRef | None, list[Diagnostic]]:
    value, where = doc.data[EXTENDS], doc.at(path)
    value = value if len(path) == 1 else value[path[1]]
    label = ".".join(path)
    if not isinstance(value, str) or not re.match(SLUG_PATTERN, value) or len(value) > MAX_ID:
        shown = quoted(str(value))
        message = f"{label}: {shown} is not a valid id: use lowercase letters, digits and hyphens"
        return None, [error(where, message)]
    return BaseRef(value, version, where), []


def _module_documents(folder: Path) -> tuple[dict[str, Document], list[Diagnostic]]:
    """The module files of a ``modules/`` folder, loaded (not validated), by id."""
    problems: list[Diagnostic] = []
    found: dict[str, Document] = {}
    for path in yaml_files(folder):
        if path.suffix == ".yaml":
            problems.append(error(Position(path), "module files end in .yml, not .yaml"))
            continue
        if not re.match(SLUG_PATTERN, path.stem) or len(path.stem) > MAX_ID:
            problems.append(error(Position(path), bad_name("file", path.stem)))
            continue
        doc, loaded = load_file(path)
        problems += loaded
        if doc is not None:
            found[path.stem] = doc
    return found, problems


def yaml_files(folder: Path) -> list[Path]:
    """The ``.yml`` and ``.yaml`` files of a folder, sorted.

    Hidden files are skipped: macOS leaves ``._harga.yml`` beside every file
    copied to a USB stick, and editors keep ``.harga.yml.swp`` and the like.
    """
    if not folder.is_dir():
        return []
    found = (p for p in folder.iterdir() if p.suffix in (".yml", ".yaml"))
    return sorted(p for p in found if not p.name.startswith(".") and p.is_file())


def bad_name(kind: str, name: str) -> str:
    """The message for a folder or file name that is not an id."""
    shown = name if len(name) <= 40 else f"{name[:40]}…"
    return (
        f"{kind} name '{shown}' is not a valid id: use lowercase letters, digits and hyphens, "
        f"at most {MAX_ID} characters, e.g. 'harga-jual'"
    )


def attribute(diagnostics: list[Diagnostic], overlay: str, folder: Path) -> list[Diagnostic]:
    """Diagnostics about an overlay's merged content that point into a base's files.

    The position stays where the value was written; the message says through
    which overlay it is used, since the base on its own may have no problem.
    """
    inside = folder.resolve()
    return [
        d
        if d.position.file.resolve().is_relative_to(inside)
        else replace(d, message=f"{d.message} (in overlay {quoted(overlay)})")
        for d in diagnostics
    ]


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (``!!python/name:...``, ``!ENV``)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    del loader, suffix, node


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def plugin_folders(config_file: Path) -> tuple[Path, tuple[Path, ...]]:
    """``content_dir`` and ``library_dirs`` of the berdaya plugin in ``config_file``.

    For the commands that need no MkDocs (``validate``, ``diff``, ``new``): read
    as plain YAML; without the file, or without the plugin, ``content`` and no
    library folders.
    """
    root = config_file.parent
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 - a safe loader that drops tags
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return root / "content", ()
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("berdaya"), dict):
            settings = entry["berdaya"]
            content = settings.get("content_dir", "content")
            dirs = settings.get("library_dirs") or []
            names = [d for d in dirs if isinstance(d, str)] if isinstance(dirs, list) else []
            return root / str(content), tuple(root / name for name in names)
    return root / "content", ()
