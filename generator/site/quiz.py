"""The quiz page: a module's quiz as a semantic HTML form plus its answer data.

The form is plain HTML that reads well without scripts: one ``<fieldset>`` per
question with the prompt as its ``<legend>``, and the answer, per-choice
feedback and explanation behind a collapsed "Lihat jawaban" (``<details>``).
``generator/assets/berdaya-quiz.js`` takes the form over in the browser: it
hides those ``<details>``, checks the answers against the JSON data embedded
in the page and keeps the results in ``localStorage``.

This module assembles the page; :mod:`generator.quiz_inputs` writes each
question's input and answer key by its type, and :mod:`generator.prose` renders
the prose with raw HTML escaped and embeds the JSON safely.

The answer data and the interface strings are JSON in ``data-`` attributes
(``data-quiz``, ``data-strings``): the sanitiser removes every ``<script>``, and
Material's instant navigation would run re-inserted scripts without their ``type``.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from markupsafe import Markup

from generator.i18n import STRINGS, Language, t
from generator.content.model.quiz import Quiz
from generator.site.prose import json_attribute
from generator.site.quiz_inputs import QuestionSlot, QuizPage, answer_data, input_html, key_html

SCRIPT_STRINGS = ("quiz.", "progress.")
"""Prefixes of the translation keys that the script shows (sent to every page that needs them)."""

_BUTTON = "md-button"


def script_strings(language: Language, prefixes: tuple[str, ...] = SCRIPT_STRINGS) -> Markup:
    """The translated strings the script shows: JSON in a hidden ``.berdaya-strings``."""
    strings = {key: t(key, language) for key in STRINGS if key.startswith(prefixes)}
    data = json_attribute(strings)
    return Markup(f'<div class="berdaya-strings" hidden data-strings="{data}"></div>')  # noqa: S704 - escaped


def quiz_html(
    curriculum_id: str,
    module_id: str,
    quiz: Quiz,
    language: Language,
    media_prefix: str = "",
) -> Markup:
    """The quiz as an HTML fragment: the form, the answer key and the JSON data.

    Args:
        curriculum_id: id of the curriculum (namespaces the stored results).
        module_id: id of the module the quiz belongs to.
        quiz: the quiz.
        language: language of the curriculum (labels, number format).
        media_prefix: prefix that makes ``media/`` links in prose reach the curriculum's media.
    """
    page = QuizPage(curriculum_id, module_id, language, media_prefix)
    slots = [QuestionSlot(q, i, page) for i, q in enumerate(quiz.questions, start=1)]
    ids = f'data-curriculum="{escape(curriculum_id)}" data-module="{escape(module_id)}"'
    data = json_attribute(quiz_data(curriculum_id, module_id, quiz, language))
    intro = page.t("quiz.intro").format(count=len(slots), **{"pass": quiz.pass_mark})
    progress = f'<span class="berdaya-progress" {ids}></span>'
    check = escape(page.t("quiz.check"))
    retry = escape(page.t("quiz.retry"))
    primary = f"{_BUTTON} md-button--primary"
    parts = [
        f'<div class="berdaya-quiz" {ids} data-quiz="{data}">',
        f'<p class="berdaya-quiz__intro">{escape(intro)} {progress}</p>',
        '<form class="berdaya-quiz__form" novalidate>',
        *(_question(slot) for slot in slots),
        '<div class="berdaya-quiz__actions" hidden>',
        f'<button type="submit" class="{primary} berdaya-quiz__check">{check}</button>',
        f'<button type="button" class="{_BUTTON} berdaya-quiz__retry" hidden>{retry}</button>',
        "</div>",
        '<p class="berdaya-quiz__status" role="status"></p>',
        "</form>",
        "</div>",
    ]
    return Markup("\n".join(parts))  # noqa: S704 - built from escaped parts


def quiz_data(curriculum_id: str, module_id: str, quiz: Quiz, language: Language) -> dict[str, Any]:
    """What the script needs to check the answers and store the result."""
    return {
        "curriculum": curriculum_id,
        "module": module_id,
        "lang": language,
        "pass": quiz.pass_mark,
        "shuffle": quiz.shuffle,
        "questions": [
            {"type": q.type, "points": q.points, **answer_data(q)} for q in quiz.questions
        ],
    }


def _question(slot: QuestionSlot) -> str:
    question, page = slot.question, slot.page
    number = f'<span class="berdaya-q__number">{slot.number}.</span>'
    points = ""
    if question.points > 1:
        label = page.t("quiz.points_label").format(points=question.points)
        points = f' <span class="berdaya-q__points">({escape(label)})</span>'
    prompt = page.inline(question.prompt)
    tag = "div" if prompt.startswith("<") and _is_block(prompt) else "span"
    legend = f'{number} <{tag} class="berdaya-q__prompt">{prompt}</{tag}>{points}'
    parts = [
        f'<fieldset class="berdaya-q" id="{slot.id}" data-type="{question.type}">',
        f'<legend id="{slot.prompt_id}">{legend}</legend>',
    ]
    if question.hint:
        parts.append(
            _details("berdaya-q__hint tip", page.t("quiz.hint"), page.prose(question.hint))
        )
    parts.append(input_html(slot))
    parts.append('<div class="berdaya-q__result" hidden></div>')
    key = _details("berdaya-q__key success", page.t("quiz.show_answer"), key_html(slot))
    # The answer key stays out of the search index: a search must not give answers away.
    parts.append(key.replace("<details ", "<details data-search-exclude ", 1))
    parts.append("</fieldset>")
    return "\n".join(parts)


def _is_block(html: str) -> bool:
    return re.match(r"<(?:p|ul|ol|table|pre|div|dl|h\d|blockquote|hr)\b", html) is not None


def _details(css_class: str, summary: str, body: str) -> str:
    return (
        f'<details class="{css_class}">\n<summary>{escape(summary)}</summary>\n{body}\n</details>'
    )
