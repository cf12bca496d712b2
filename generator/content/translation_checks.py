"""Checks of ``translation_of``: the original exists, differs in language, every page matches.

Errors: an unknown original, module or lesson; an original in the same
language; an original that is itself a translation; two translations of one
original into the same language; a module or lesson translated twice; a
``translation_of`` in a module or lesson of a curriculum that translates nothing.
Warnings: a module or lesson without a counterpart, on either side (reported in
the translation, whose authors keep the two in step).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.content.diagnostics import Diagnostic, error, warning
from generator.content.errors import dotted
from generator.content.load import DataPath
from generator.content.project import CurriculumSource, ModuleSource
from generator.content.translation import module_target

Lookup = Callable[[str], CurriculumSource | None]
"""Finds a curriculum by id (also one that is not being checked)."""

_LANGUAGES = {"id": "Bahasa Indonesia (id)", "en": "English (en)"}


def check_translations(curricula: list[CurriculumSource], lookup: Lookup) -> list[Diagnostic]:
    """Every ``translation_of`` of ``curricula``; ``lookup`` finds originals by id."""
    found: list[Diagnostic] = []
    claimed: dict[tuple[str, str], str] = {}
    for c in curricula:
        target = c.model.translation_of
        if target is None:
            found += _stray_keys(c)
            continue
        original, problems = _original(c, target, lookup)
        found += problems
        if original is None:
            continue
        key = (original.id, c.language)
        if key in claimed:
            message = (
                f"translation_of: '{claimed[key]}' already translates '{original.id}' "
                f"into {_LANGUAGES[c.language]}"
            )
            found.append(error(c.doc.at(("translation_of",)), message))
            continue
        claimed[key] = c.id
        found += _modules(c, original)
    return found


def _original(
    c: CurriculumSource, target: str, lookup: Lookup
) -> tuple[CurriculumSource | None, list[Diagnostic]]:
    where = c.doc.at(("translation_of",))
    if target == c.id:
        return None, [error(where, "translation_of: a curriculum cannot translate itself")]
    original = lookup(target)
    if original is None:
        return None, [error(where, f"translation_of: unknown curriculum '{target}'")]
    if original.language == c.language:
        message = (
            f"translation_of: '{target}' is also in {_LANGUAGES[c.language]}; "
            "a translation is in another language"
        )
        return None, [error(where, message)]
    if original.model.translation_of is not None:
        message = (
            f"translation_of: '{target}' is itself a translation of "
            f"'{original.model.translation_of}'; name the original"
        )
        return None, [error(where, message)]
    return original, []


def _stray_keys(c: CurriculumSource) -> Iterator[Diagnostic]:
    reason = "the curriculum has no translation_of, so there is no original to name"
    for module in c.modules:
        if module.model.translation_of is not None:
            yield error(module.doc.at(("translation_of",)), f"translation_of: {reason}")
        for i, lesson in enumerate(module.model.lessons):
            if lesson.translation_of is not None:
                where: DataPath = ("lessons", i, "translation_of")
                yield error(module.doc.at(where), f"{dotted(where)}: {reason}")


def _modules(c: CurriculumSource, original: CurriculumSource) -> Iterator[Diagnostic]:
    originals = {m.id: m for m in original.modules}
    taken: dict[str, str] = {}
    for module in c.modules:
        target = module_target(module)
        named = module.model.translation_of is not None
        if target not in originals:
            if named:
                message = f"translation_of: '{original.id}' has no module '{target}'"
                yield error(module.doc.at(("translation_of",)), message)
            else:
                message = (
                    f"module '{module.id}' has no counterpart in '{original.id}'; "
                    "name it with translation_of: <module id>"
                )
                yield warning(module.doc.key_at(("title",)), message)
            continue
        if target in taken:
            where = ("translation_of",) if named else ("title",)
            message = (
                f"module '{target}' of '{original.id}' is already translated by '{taken[target]}'"
            )
            yield error(module.doc.key_at(where), message)
            continue
        taken[target] = module.id
        yield from _lessons(module, originals[target], original.id)
    for original_id in originals:
        if original_id not in taken:
            message = (
                f"translation_of: module '{original_id}' of '{original.id}' has no translation"
            )
            yield warning(c.doc.at(("translation_of",)), message)


def _lessons(module: ModuleSource, original: ModuleSource, curriculum: str) -> Iterator[Diagnostic]:
    doc = module.doc
    known = [lesson.id for lesson in original.model.lessons]
    taken: dict[str, str] = {}
    for i, lesson in enumerate(module.model.lessons):
        target = lesson.translation_of or lesson.id
        if target not in known:
            if lesson.translation_of is not None:
                where: DataPath = ("lessons", i, "translation_of")
                message = f"module '{original.id}' of '{curriculum}' has no lesson '{target}'"
                yield error(doc.at(where), f"{dotted(where)}: {message}")
            else:
                where = ("lessons", i, "id")
                message = (
                    f"lesson '{lesson.id}' has no counterpart in module '{original.id}' "
                    f"of '{curriculum}'; name it with translation_of: <lesson id>"
                )
                yield warning(doc.at(where), f"{dotted(where)}: {message}")
            continue
        if target in taken:
            key = "translation_of" if lesson.translation_of is not None else "id"
            where = ("lessons", i, key)
            message = f"lesson '{target}' is already translated by '{taken[target]}'"
            yield error(doc.at(where), f"{dotted(where)}: {message}")
            continue
        taken[target] = lesson.id
    place = ("translation_of",) if module.model.translation_of is not None else ("lessons",)
    for lesson_id in known:
        if lesson_id not in taken:
            message = (
                f"lesson '{lesson_id}' of module '{original.id}' of '{curriculum}' "
                "has no translation"
            )
            yield warning(doc.key_at(place), message)
