"""Translations: a curriculum that says ``translation_of: <id>`` and its original.

A translation's module is the counterpart of the original's module named by
its ``translation_of``, or of the module with the same id; a lesson likewise
within the two modules. Only the translation names counterparts: the original
stays as it is. :func:`pairs` matches them (pure, no diagnostics);
:mod:`generator.content.translation_checks` reports what does not match.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.project import CurriculumSource, ModuleSource


@dataclass(frozen=True)
class ModulePair:
    """A module of the translation and its original, with their lessons matched."""

    translation: ModuleSource
    original: ModuleSource
    lessons: dict[str, str] = field(default_factory=dict)
    """Lesson id in the translation -> lesson id in the original."""


@dataclass(frozen=True)
class TranslationPair:
    """A translation and the curriculum it translates."""

    translation: CurriculumSource
    original: CurriculumSource
    modules: list[ModulePair] = field(default_factory=list)


@dataclass(frozen=True)
class Counterpart:
    """Where a curriculum's pages are in the other language."""

    curriculum: CurriculumSource
    """The curriculum in the other language."""
    modules: dict[str, str]
    """This curriculum's module id -> the counterpart's module id."""
    lessons: dict[tuple[str, str], str]
    """(module id, lesson id) of this curriculum -> the counterpart's lesson id."""


def module_target(module: ModuleSource) -> str:
    """The id of the original's module that a translation's module translates."""
    return module.model.translation_of or module.id


def pair(translation: CurriculumSource, original: CurriculumSource) -> TranslationPair:
    """Match the modules and lessons of ``translation`` with those of ``original``.

    A module or lesson is matched once: the first one naming a counterpart gets it.
    """
    originals = {m.id: m for m in original.modules}
    taken: set[str] = set()
    modules = []
    for module in translation.modules:
        target = originals.get(module_target(module))
        if target is None or target.id in taken:
            continue
        taken.add(target.id)
        modules.append(ModulePair(module, target, _lessons(module, target)))
    return TranslationPair(translation, original, modules)


def _lessons(module: ModuleSource, original: ModuleSource) -> dict[str, str]:
    known = {lesson.id for lesson in original.model.lessons}
    matched: dict[str, str] = {}
    for lesson in module.model.lessons:
        target = lesson.translation_of or lesson.id
        if target in known and target not in matched.values():
            matched[lesson.id] = target
    return matched


def is_translation_of(translation: CurriculumSource, original: CurriculumSource) -> bool:
    """Whether ``translation`` validly translates ``original`` (another language, an original)."""
    return (
        translation.model.translation_of == original.id
        and translation.id != original.id
        and translation.language != original.language
        and original.model.translation_of is None
    )


def counterparts(curricula: list[CurriculumSource]) -> dict[str, Counterpart]:
    """For each curriculum of ``curricula`` whose counterpart is also there, that counterpart.

    Both directions: the original links to its translation and back. When two
    curricula translate one original into the same language (an error of the
    checks), the first in content order counts.
    """
    by_id = {c.id: c for c in curricula}
    found: dict[str, Counterpart] = {}
    for c in curricula:
        original = by_id.get(c.model.translation_of or "")
        if original is None or not is_translation_of(c, original) or original.id in found:
            continue
        matched = pair(c, original)
        found[c.id] = Counterpart(
            original,
            {p.translation.id: p.original.id for p in matched.modules},
            {
                (p.translation.id, lesson): target
                for p in matched.modules
                for lesson, target in p.lessons.items()
            },
        )
        found[original.id] = Counterpart(
            c,
            {p.original.id: p.translation.id for p in matched.modules},
            {
                (p.original.id, target): lesson
                for p in matched.modules
                for lesson, target in p.lessons.items()
            },
        )
    return found
