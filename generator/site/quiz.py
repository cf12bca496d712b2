"""The quiz page: a module's quiz as a semantic HTML form plus its answer data.

The form is plain HTML that reads well without scripts: one ``<fieldset>`` per
question with the prompt as its ``<legend>``. Each question's answer key (the
correct answer, per-choice feedback, the explanation) is sealed into the data
(:mod:`generator.site.seal`), so that the page source does not give it away
before the quiz's reveal policy shows it; a quiz that reveals answers
``always`` also has them in the page behind "Lihat jawaban" (``<details>``).
It comes from the autoescaped templates ``templates/quiz/`` (the quiz, and one
template per question type), which organisations may override like every page;
:mod:`generator.site.quiz_view` prepares what they show.
``generator/assets/berdaya-quiz.js`` takes the form over in the browser: it
checks the answers against the unsealed data, marks them, shows the keys when
the policy allows, and keeps results and last answers in ``localStorage``.

The answer data and the interface strings are JSON in ``data-`` attributes
(``data-quiz``, ``data-strings``): the sanitiser removes every ``<script>``, and
Material's instant navigation would run re-inserted scripts without their ``type``.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

import jinja2
from markupsafe import Markup

from generator.content.model.quiz import DEFAULT_REVEAL, AfterAttempts, Quiz, Reveal
from generator.i18n import STRINGS, Language, t
from generator.site.jinja import html_environment, render_html
from generator.site.prose import json_attribute
from generator.site.quiz_view import QuizPage, answer_data, question_view
from generator.site.sanitize import clean
from generator.site.seal import seal

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
    reveal: Reveal = DEFAULT_REVEAL,
    *,
    env: jinja2.Environment | None = None,
) -> Markup:
    """The quiz as an HTML fragment: the form, the (sealed) answer keys and the data.

    Args:
        curriculum_id: id of the curriculum (namespaces the stored results).
        module_id: id of the module the quiz belongs to.
        quiz: the quiz.
        language: language of the curriculum (labels, number format).
        media_prefix: prefix that makes ``media/`` links in prose reach the curriculum's media.
        reveal: when the quiz shows correct answers (the quiz's own ``reveal`` wins).
        env: the autoescaped HTML environment with the organisation's templates
            (:func:`generator.site.jinja.html_environment`; default: the bundled ones).
    """
    env = env or html_environment()
    page = QuizPage(curriculum_id, module_id, language, media_prefix)
    questions = [question_view(q, i, page) for i, q in enumerate(quiz.questions, start=1)]
    policy = quiz.reveal or reveal
    tr = partial(t, language=language)
    keys = [clean(render_html("quiz/key.html.j2", {"q": q, "t": tr}, env)) for q in questions]
    data = quiz_data(curriculum_id, module_id, quiz, language, policy)
    data["sealed"] = seal(
        {"answers": [answer_data(q) for q in quiz.questions], "keys": keys},
        salt(curriculum_id, module_id),
    )
    intro = t("quiz.intro", language).format(count=len(questions), **{"pass": quiz.pass_mark})
    context = {
        "curriculum_id": curriculum_id,
        "module_id": module_id,
        "data": _json(data),
        "intro": intro,
        "questions": questions,
        "open_key": policy == "always",
        "t": tr,
    }
    html = render_html("quiz/quiz.html.j2", context, env)
    return Markup(html.strip())  # noqa: S704 - rendered by an autoescaped template


def salt(curriculum_id: str, module_id: str) -> str:
    """What a quiz's sealed data is sealed with (the script knows it from the data)."""
    return f"{curriculum_id}/{module_id}"


def quiz_data(
    curriculum_id: str, module_id: str, quiz: Quiz, language: Language, reveal: Reveal
) -> dict[str, Any]:
    """What the script needs besides the sealed answers: the quiz's settings and questions."""
    return {
        "curriculum": curriculum_id,
        "module": module_id,
        "lang": language,
        "pass": quiz.pass_mark,
        "shuffle": quiz.shuffle,
        "reveal": reveal_data(reveal),
        "questions": [{"type": q.type, "points": q.points} for q in quiz.questions],
    }


def reveal_data(reveal: Reveal) -> dict[str, Any]:
    """A reveal policy for the script: ``{"mode": "after-attempts", "attempts": 2}``."""
    if isinstance(reveal, AfterAttempts):
        return {"mode": "after-attempts", "attempts": reveal.after_attempts}
    return {"mode": reveal}


def _json(data: object) -> str:
    """JSON for the template to put into an attribute (it escapes it there)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
