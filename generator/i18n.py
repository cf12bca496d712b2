"""The translation table: every user-visible string, in Bahasa Indonesia and English.

Templates and code look strings up by key with :func:`t` (or the ``t``
filter in templates); nothing user-visible is written elsewhere.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["id", "en"]

STRINGS: dict[str, dict[Language, str]] = {
    # Page addresses (slugs) of generated pages.
    "slug.quiz": {"id": "kuis", "en": "quiz"},
    "slug.guide": {"id": "panduan", "en": "guide"},
    "slug.glossary": {"id": "glosarium", "en": "glossary"},
}

RESERVED_SLUGS = frozenset(
    v for key, row in STRINGS.items() if key.startswith("slug.") for v in row.values()
)
"""Slugs of generated pages; module and lesson ids may not take them."""


def t(key: str, language: Language) -> str:
    """The string ``key`` in ``language``.

    Raises:
        KeyError: the key is not in the table (a bug, caught by the tests).
    """
    return STRINGS[key][language]
