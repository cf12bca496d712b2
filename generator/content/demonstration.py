"""The pass rule of a skill demonstration: who passes, and the rule in words.

A participant passes when every critical criterion is met and at least
``pass.others`` of the other criteria are met; without ``pass``, when every
criterion is met. A yes/no criterion is met when ticked "ya"; a criterion
with a scale when its observed level is the demonstration's met level or
higher (docs/trainer-kit.md). Pure functions of the model.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.content.model import Criterion, Demonstration
from generator.i18n import Language, t

Observation = str | bool | None
"""What the trainer noted for one criterion: a level of the scale, a tick (``True``), or nothing."""


def title(demo: Demonstration, language: Language) -> str:
    """The demonstration's title, or the default ("Unjuk keterampilan")."""
    return demo.title if demo.title is not None else t("demo.title", language)


def critical(demo: Demonstration) -> list[Criterion]:
    """The critical criteria, in order."""
    return [c for c in demo.criteria if c.critical]


def others(demo: Demonstration) -> list[Criterion]:
    """The criteria that are not critical, in order."""
    return [c for c in demo.criteria if not c.critical]


def others_needed(demo: Demonstration) -> int:
    """How many of the non-critical criteria a participant must meet."""
    if demo.pass_rule is None:
        return len(others(demo))
    return demo.pass_rule.others


def is_met(demo: Demonstration, observed: Observation) -> bool:
    """Whether one criterion's observation meets it.

    Args:
        demo: The demonstration (its scale and met level).
        observed: A level name with a scale; ``True`` (ticked "ya") without one.
    """
    level = demo.met_level
    if demo.scale is None or level is None:
        return observed is True
    if not isinstance(observed, str) or observed not in demo.scale:
        return False
    return demo.scale.index(observed) >= demo.scale.index(level)


def passes(demo: Demonstration, observed: Mapping[str, Observation]) -> bool:
    """Whether a participant with these observations (by criterion id) passes.

    A criterion missing from ``observed`` is not met.
    """
    if not all(is_met(demo, observed.get(c.id)) for c in critical(demo)):
        return False
    met = sum(is_met(demo, observed.get(c.id)) for c in others(demo))
    return met >= others_needed(demo)


def pass_rule(demo: Demonstration, language: Language) -> str:
    """The pass rule in words, then when a criterion is met.

    E.g. "Peserta lulus bila semua 3 kriteria kritis dan sekurang-kurangnya 5 dari
    7 kriteria lainnya terpenuhi. Kriteria terpenuhi pada tingkat “cukup” atau lebih
    tinggi."
    """
    return f"{_who_passes(demo, language)} {_when_met(demo, language)}"


def _who_passes(demo: Demonstration, language: Language) -> str:
    n_critical, n_others = len(critical(demo)), len(others(demo))
    needed = others_needed(demo)
    if needed == n_others:
        parts = [_all(len(demo.criteria), "", language)]
    else:
        parts = [_all(n_critical, "_critical", language)] if n_critical else []
        if needed:
            key = "demo.some_others" if n_critical else "demo.some"
            parts.append(t(key, language).format(needed=needed, count=n_others))
    if not parts:
        return t("demo.rule_any", language)
    return t("demo.rule", language).format(parts=t("demo.and", language).join(parts))


def _all(count: int, kind: str, language: Language) -> str:
    if count == 1:
        return t(f"demo.one{kind}", language)
    return t(f"demo.all{kind}", language).format(count=count)


def _when_met(demo: Demonstration, language: Language) -> str:
    level = demo.met_level
    if demo.scale is None or level is None:
        return t("demo.met_check", language).format(yes=t("demo.yes", language))
    key = "demo.met_top" if level == demo.scale[-1] else "demo.met_level"
    return t(key, language).format(level=level)
