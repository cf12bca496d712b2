"""``berdaya new``: a valid starter curriculum to edit, and a project around it if none.

In a folder without ``mkdocs.yml`` (a new user's empty folder), ``berdaya new``
also writes the project around the curriculum: ``mkdocs.yml`` (the bundled
configuration), the docs folder ``modules/`` and the JSON Schemas the YAML
files name for editor completion.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.exceptions import UsageError
from generator.i18n import Language
from generator.content.model import MAX_ID, SLUG_PATTERN
from generator.content.library import Layered
from generator.content.project import CURRICULUM_FILE, MODULES_DIR
from generator.content.schema import SCHEMA_DIR, SCHEMAS, schema_text
from generator.site.jinja import yaml_environment

STARTER_MODULE: dict[Language, str] = {"id": "pengenalan", "en": "introduction"}


def new_curriculum(content_dir: Path, curriculum_id: str, title: str, language: Language) -> Path:
    """Create ``content_dir/<id>/`` with a curriculum and one module; returns the folder.

    Raises:
        UsageError: the id is not a slug, the content folder is a file, or the curriculum
            folder exists already.
    """
    folder = _new_folder(content_dir, curriculum_id)
    env = yaml_environment()
    context = {"title": _yaml_text(title), "lang": language}
    curriculum = env.get_template("new/curriculum.yml.j2").render(context)
    module = env.get_template("new/module.yml.j2").render(context)
    (folder / MODULES_DIR).mkdir(parents=True)
    (folder / "media").mkdir()
    (folder / CURRICULUM_FILE).write_text(curriculum, encoding="utf-8")
    module_file = folder / MODULES_DIR / f"{STARTER_MODULE[language]}.yml"
    module_file.write_text(module, encoding="utf-8")
    return folder


def new_overlay(
    content_dir: Path, curriculum_id: str, base: Layered, title: str | None
) -> Path:
    """Create ``content_dir/<id>/`` as an overlay of ``base``, with commented examples.

    The examples name the base's own ids (its modules, first lesson, quiz question,
    day, test question, glossary term), so uncommenting one gives a working change.

    Raises:
        UsageError: as :func:`new_curriculum`.
    """
    folder = _new_folder(content_dir, curriculum_id)
    data = base.doc.data
    modules = [m for m in data.get("modules", []) if isinstance(m, str)]
    module = modules[0] if modules else "module-id"
    module_data = base.modules[module].data if module in base.modules else {}
    language = "en" if data.get("language") == "en" else "id"
    version = data.get("version")
    context = {
        "lang": language,
        "id": curriculum_id,
        "base": base.folder.name,
        "version": None if version is None else _yaml_text(str(version)),
        "title": None if title is None else _yaml_text(title),
        "modules": modules,
        "module": module,
        "objective": _first_key(data.get("objectives")),
        "lesson": _first_id(module_data.get("lessons")),
        "question": _first_id((module_data.get("quiz") or {}).get("questions")),
        "day": _first_id((data.get("guide") or {}).get("days")),
        "test_question": _first_id(((data.get("tests") or {}).get("pre") or {}).get("questions")),
        "term": _first_term(data.get("glossary")),
    }
    text = yaml_environment().get_template("new/overlay.yml.j2").render(context)
    (folder / MODULES_DIR).mkdir(parents=True)
    (folder / "media").mkdir()
    (folder / CURRICULUM_FILE).write_text(text, encoding="utf-8")
    return folder


def _first_key(value: object) -> str | None:
    return next(iter(value), None) if isinstance(value, dict) else None


def _first_id(items: object) -> str | None:
    """The first ``id`` of a list of items (ids are slugs: safe in a YAML comment)."""
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found: str = item["id"]
            return found if re.match(SLUG_PATTERN, found) else None
    return None


def _first_term(items: object) -> str | None:
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("term"), str):
            return _yaml_text(item["term"])
    return None


def _new_folder(content_dir: Path, curriculum_id: str) -> Path:
    """The folder of a new curriculum (not yet made).

    Raises:
        UsageError: the id is not a slug, the content folder is a file, or the folder exists.
    """
    if not re.match(SLUG_PATTERN, curriculum_id) or len(curriculum_id) > MAX_ID:
        raise UsageError(
            f"'{curriculum_id[:40]}' is not a valid id: use lowercase letters, digits and "
            f"hyphens, at most {MAX_ID} characters"
        )
    if content_dir.exists() and not content_dir.is_dir():
        raise UsageError(f"--content {content_dir} is a file, not the content folder")
    folder = content_dir / curriculum_id
    if folder.exists():
        raise UsageError(f"{folder} exists already; choose another id")
    return folder


def _yaml_text(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (safe for any title)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def new_project(root: Path, title: str, language: Language) -> list[Path]:
    """Write what a project needs around its content, where it is missing; returns what was made."""
    made: list[Path] = []
    config = root / "mkdocs.yml"
    if not config.exists():
        text = yaml_environment().get_template("new/mkdocs.yml.j2").render(
            {"title": _yaml_text(title), "lang": language}
        )
        config.write_text(text, encoding="utf-8")
        made.append(config)
    docs = root / "modules"
    if not docs.exists():
        docs.mkdir()
        (docs / ".gitkeep").write_text("", encoding="utf-8")
        made.append(docs)
    schemas = root / SCHEMA_DIR.name
    if not schemas.exists():
        schemas.mkdir()
        for name in SCHEMAS:
            (schemas / name).write_text(schema_text(name), encoding="utf-8")
        made.append(schemas)
    return made
