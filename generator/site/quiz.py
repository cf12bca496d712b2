"""The quiz page: a module's quiz as a semantic HTML form plus its answer data.

The form is plain HTML that reads well without scripts: one ``<fieldset>`` per
question with the prompt as its ``<legend>``, and the answer, per-choice
feedback and explanation behind a collapsed "Lihat jawaban" (``<details>``).
It comes from the autoescaped templates ``templates/quiz/`` (the quiz, and one
template per question type), which organisations may override like every page;
:mod:`generator.site.quiz_view` prepares what they show.
``generator/assets/berdaya-quiz.js`` takes the form over in the browser: it
hides those ``<details>``, checks the answers against the data and keeps the
results in ``localStorage``.

The answer data and the interface strings are JSON in ``data-`` attributes
(``data-quiz``, ``data-strings``): the sanitiser removes every ``<script>``, and
Material's instant navigation would run re-inserted scripts without their ``type``.
"""

from __future__ import annotations

import json
from typing import Any

import jinja2
from markupsafe import Markup

from generator.content.model.quiz import Quiz
from generator.i18n import STRINGS, Language, t
from generator.site.jinja import html_environment, render_html
from generator.site.prose import json_attribute
from generator.site.quiz_view import QuizPage, answer_data, question_view

SCRIPT_STRINGS = ("quiz.", "progress.", "results.")
"""Prefixes of the translation keys that the scripts show (sent to every page that needs them):
the quiz script's, and the results widgets' (``berdaya-send.js``, ``berdaya-tally.js``)."""


def script_strings(language: Language, prefixes: tuple[str, ...] = SCRIPT_STRINGS) -> Markup:
    """The translated strings the script shows: JSON in a hidden ``.berdaya-strings``."""
    strings = {key: t(key, language) for key in STRINGS if key.startswith(prefixes)}
    return Markup('<div class="berdaya-strings" hidden data-strings="{}"></div>').format(
        Markup(json_attribute(strings))  # noqa: S704 - escaped by json_attribute
    )


def quiz_html(  # noqa: PLR0913 - what a quiz is shown with
    curriculum_id: str,
    module_id: str,
    quiz: Quiz,
    language: Language,
    media_prefix: str = "",
    *,
    env: jinja2.Environment | None = None,
) -> Markup:
    """The quiz as an HTML fragment: the form, the answer key and the data.

    Args:
        curriculum_id: id of the curriculum (namespaces the stored results).
        module_id: id of the module the quiz belongs to.
        quiz: the quiz.
        language: language of the curriculum (labels, number format).
        media_prefix: prefix that makes ``media/`` links in prose reach the curriculum's media.
        env: the autoescaped HTML environment with the organisation's templates
            (:func:`generator.site.jinja.html_environment`; default: the bundled ones).
    """
    page = QuizPage(curriculum_id, module_id, language, media_prefix)
    questions = [question_view(q, i, page) for i, q in enumerate(quiz.questions, start=1)]
    intro = t("quiz.intro", language).format(count=len(questions), **{"pass": quiz.pass_mark})
    context = {
        "curriculum_id": curriculum_id,
        "module_id": module_id,
        "data": _json(quiz_data(curriculum_id, module_id, quiz, language)),
        "intro": intro,
        "questions": questions,
        "t": lambda key: t(key, language),
    }
    html = render_html("quiz/quiz.html.j2", context, env or html_environment())
    return Markup(html.strip())  # noqa: S704 - rendered by an autoescaped template


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


def _json(data: object) -> str:
    """JSON for the template to put into an attribute (it escapes it there)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
