"""The quiz page: a module's quiz as a semantic HTML form plus its answer data.

The form is plain HTML that reads well without scripts: one ``<fieldset>`` per
question with the prompt as its ``<legend>``, and the answer, per-choice
feedback and explanation behind a collapsed "Lihat jawaban" (``<details>``).
``generator/assets/berdaya-quiz.js`` takes the form over in the browser: it
hides those ``<details>``, checks the answers against the JSON data embedded
in the page and keeps the results in ``localStorage``.

Prose (prompts, choices, feedback, hints, explanations) is Markdown rendered
here with raw HTML escaped, so ``<script>`` in content shows as text. The JSON
has ``<``, ``>`` and ``&`` escaped, so no string can end its ``<script>``.

Each JSON block holds a one-element array, and the script finds it by where it
stands, not by id: Material's instant navigation re-inserts the inline scripts
of a new page without their attributes, so their ``type`` is lost and the
browser runs them; an array literal is a harmless JavaScript expression.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from generator.i18n import STRINGS, Language, t
from generator.model.quiz import (
    Choice,
    MatchQuestion,
    MultipleQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Quiz,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from generator.render import rewrite_media

SCRIPT_STRINGS = ("quiz.", "progress.")
"""Prefixes of the translation keys that the script shows (sent to every page that needs them)."""

CURRENCIES = frozenset({"rp", "rp.", "idr", "$", "us$", "usd", "€", "eur", "£"})
"""Units written before the number (``Rp 9.000``); all others follow it (``2,5 kg``)."""

_SAFE_URL = re.compile(r"^(?:https?:|mailto:|tel:|#|[^:]*$)", re.IGNORECASE)
_SINGLE_PARAGRAPH = re.compile(r"\A<p>((?:(?!<p>).)*)</p>\Z", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_BUTTON = "md-button"
MEDIA_MARK = "data-berdaya-media"
"""Attribute of the quiz's links and images to media files, whose address MkDocs does not fix."""
_MARKED = re.compile(rf"<(?:a|img)\b[^>]*\b{MEDIA_MARK}\b[^>]*>")
_RELATIVE = re.compile(r'\b(src|href)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)')
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


class _SafeUrls(Treeprocessor):
    """Drops addresses with schemes such as ``javascript:``; marks links to media files.

    MkDocs fixes relative links of Markdown, not of raw HTML such as the quiz:
    :func:`rebase_media` (called by the plugin) fixes the marked ones.
    """

    def run(self, root: Element) -> None:
        for element in root.iter():
            for name in ("href", "src"):
                value = element.get(name)
                if value is None:
                    continue
                if not _SAFE_URL.match(value.strip()):
                    element.set(name, "#")
                elif value.startswith("media/"):
                    element.set(MEDIA_MARK, "")


def _markdown() -> markdown.Markdown:
    """A Markdown converter that escapes raw HTML instead of passing it through."""
    md = markdown.Markdown(
        extensions=["tables", "def_list", "sane_lists", "fenced_code", "admonition"],
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeUrls(md), "berdaya_safe_urls", 0)
    return md


_MD = _markdown()


def prose(text: str, media_prefix: str = "") -> str:
    """Markdown as HTML blocks; raw HTML in the text is shown, never interpreted."""
    _MD.reset()
    return rewrite_media(_MD.convert(text), media_prefix)


def inline(text: str, media_prefix: str = "") -> str:
    """Like :func:`prose`, without the ``<p>`` around a single paragraph."""
    html = prose(text, media_prefix)
    match = _SINGLE_PARAGRAPH.match(html)
    return match.group(1) if match else html


def rebase_media(html: str, prefix: str) -> str:
    """Put ``prefix`` before the marked media addresses of raw HTML in ``html``.

    The quiz's addresses are relative to its Markdown file (``m/kuis.md``); with
    directory URLs the page is one folder deeper (``m/kuis/``), so the plugin passes ``../``.
    """
    if not prefix:
        return html

    def rebase(tag: re.Match[str]) -> str:
        return _RELATIVE.sub(lambda a: f'{a.group(1)}="{prefix}', tag.group(0))

    return _MARKED.sub(rebase, html)


def plain(text: str) -> str:
    """Markdown as escaped plain text, for places that take no markup (``<option>``)."""
    return " ".join(_TAG.sub("", inline(text)).split())


def json_script(data: object, css_class: str) -> str:
    """``[data]`` as a ``<script type="application/json">`` that no string can break out of."""
    text = json.dumps([data], ensure_ascii=False, separators=(",", ":"))
    for char, code in _JSON_ESCAPES.items():
        text = text.replace(char, code)
    return f'<script type="application/json" class="{css_class}">{text}</script>'


def script_strings(language: Language) -> str:
    """The translated strings the script shows: JSON in a hidden ``.berdaya-strings``."""
    strings = {key: t(key, language) for key in STRINGS if key.startswith(SCRIPT_STRINGS)}
    script = json_script(strings, "berdaya-strings__data")
    return f'<div class="berdaya-strings" hidden>{script}</div>'


def format_number(value: float, language: Language) -> str:
    """``9000`` as ``9.000`` (Indonesian) or ``9,000`` (English); ``2.5`` as ``2,5`` / ``2.5``."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    if language == "id":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def with_unit(number: str, unit: str | None) -> str:
    """A number and its unit: ``Rp 9.000`` but ``2,5 kg``."""
    if not unit:
        return number
    if unit.strip().lower() in CURRENCIES:
        return f"{unit} {number}"
    return f"{number} {unit}"


@dataclass(frozen=True)
class QuizPage:
    """Where a quiz is shown: what its HTML and data need to know besides the quiz."""

    curriculum_id: str
    module_id: str
    language: Language
    media_prefix: str = ""

    def t(self, key: str) -> str:
        """The string ``key`` in the page's language."""
        return t(key, self.language)

    def prose(self, text: str) -> str:
        """Markdown prose of this page as HTML."""
        return prose(text, self.media_prefix)

    def inline(self, text: str) -> str:
        """Short Markdown of this page as inline HTML when it is one paragraph."""
        return inline(text, self.media_prefix)


@dataclass(frozen=True)
class _Slot:
    """One question on the page: its number and the ids derived from it."""

    question: Question
    number: int
    page: QuizPage

    @property
    def id(self) -> str:
        return f"berdaya-q{self.number}"

    @property
    def prompt_id(self) -> str:
        return f"{self.id}-prompt"


def quiz_html(
    curriculum_id: str,
    module_id: str,
    quiz: Quiz,
    language: Language,
    media_prefix: str = "",
) -> str:
    """The quiz as an HTML fragment: the form, the answer key and the JSON data.

    Args:
        curriculum_id: id of the curriculum (namespaces the stored results).
        module_id: id of the module the quiz belongs to.
        quiz: the quiz.
        language: language of the curriculum (labels, number format).
        media_prefix: prefix that makes ``media/`` links in prose reach the curriculum's media.
    """
    page = QuizPage(curriculum_id, module_id, language, media_prefix)
    slots = [_Slot(q, i, page) for i, q in enumerate(quiz.questions, start=1)]
    ids = f'data-curriculum="{escape(curriculum_id)}" data-module="{escape(module_id)}"'
    intro = page.t("quiz.intro").format(count=len(slots), **{"pass": quiz.pass_mark})
    progress = f'<span class="berdaya-progress" {ids}></span>'
    check = escape(page.t("quiz.check"))
    retry = escape(page.t("quiz.retry"))
    primary = f"{_BUTTON} md-button--primary"
    parts = [
        f'<div class="berdaya-quiz" {ids}>',
        f'<p class="berdaya-quiz__intro">{escape(intro)} {progress}</p>',
        '<form class="berdaya-quiz__form" action="#" novalidate>',
        *(_question(slot) for slot in slots),
        '<div class="berdaya-quiz__actions" hidden>',
        f'<button type="submit" class="{primary} berdaya-quiz__check">{check}</button>',
        f'<button type="button" class="{_BUTTON} berdaya-quiz__retry" hidden>{retry}</button>',
        "</div>",
        '<p class="berdaya-quiz__status" role="status"></p>',
        "</form>",
        json_script(quiz_data(curriculum_id, module_id, quiz, language), "berdaya-quiz__data"),
        "</div>",
    ]
    return "\n".join(parts)


def quiz_data(curriculum_id: str, module_id: str, quiz: Quiz, language: Language) -> dict[str, Any]:
    """What the script needs to check the answers and store the result."""
    return {
        "curriculum": curriculum_id,
        "module": module_id,
        "lang": language,
        "pass": quiz.pass_mark,
        "shuffle": quiz.shuffle,
        "questions": [
            {"type": q.type, "points": q.points, **_ANSWERS[q.type](q)} for q in quiz.questions
        ],
    }


def _question(slot: _Slot) -> str:
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
    parts.append(_INPUTS[question.type](slot))
    parts.append('<div class="berdaya-q__result" hidden></div>')
    key = _details("berdaya-q__key success", page.t("quiz.show_answer"), _key(slot))
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


# Inputs of each question type.


def _choice(slot: _Slot, kind: str, value: str, label_html: str) -> str:
    return (
        f'<div class="berdaya-choice" data-choice="{value}"><label>'
        f'<input type="{kind}" name="{slot.id}" value="{value}"> '
        f'<span class="berdaya-choice__text">{label_html}</span></label></div>'
    )


def _choices_input(slot: _Slot) -> str:
    question = slot.question
    assert isinstance(question, SingleQuestion | MultipleQuestion)  # noqa: S101 - dispatch by type
    kind = "radio" if question.type == "single" else "checkbox"
    rows = [
        _choice(slot, kind, str(i), slot.page.inline(c.text))
        for i, c in enumerate(question.choices)
    ]
    return _wrap("berdaya-q__choices", rows)


def _true_false_input(slot: _Slot) -> str:
    page = slot.page
    rows = [
        _choice(slot, "radio", "true", escape(page.t("quiz.true"))),
        _choice(slot, "radio", "false", escape(page.t("quiz.false"))),
    ]
    return _wrap("berdaya-q__choices", rows)


def _text_input(slot: _Slot) -> str:
    return (
        '<div class="berdaya-q__field">'
        f'<input class="berdaya-q__input" type="text" id="{slot.id}-input" name="{slot.id}" '
        f'aria-labelledby="{slot.prompt_id}" autocomplete="off" autocapitalize="none" '
        'spellcheck="false"></div>'
    )


def _number_input(slot: _Slot) -> str:
    question = slot.question
    assert isinstance(question, NumberQuestion)  # noqa: S101 - dispatch by type
    unit_id = f"{slot.id}-unit"
    field = (
        f'<input class="berdaya-q__input berdaya-q__input--number" type="text" '
        f'id="{slot.id}-input" name="{slot.id}" inputmode="decimal" autocomplete="off" '
        f'aria-labelledby="{slot.prompt_id}"'
        + (f' aria-describedby="{unit_id}">' if question.unit else ">")
    )
    if not question.unit:
        return f'<div class="berdaya-q__field">{field}</div>'
    unit = f'<span class="berdaya-q__unit" id="{unit_id}">{escape(question.unit)}</span>'
    before = question.unit.strip().lower() in CURRENCIES
    inner = f"{unit} {field}" if before else f"{field} {unit}"
    return f'<div class="berdaya-q__field">{inner}</div>'


def _order_input(slot: _Slot) -> str:
    question = slot.question
    assert isinstance(question, OrderQuestion)  # noqa: S101 - dispatch by type
    order = shuffled(range(len(question.items)), seed=question.prompt)
    items = [
        f'<li class="berdaya-order__item" data-item="{i}">'
        f'<span class="berdaya-order__text">{slot.page.inline(question.items[i])}</span></li>'
        for i in order
    ]
    help_text = escape(slot.page.t("quiz.order_help"))
    return "\n".join(
        [
            f'<p class="berdaya-q__help" id="{slot.id}-help" hidden>{help_text}</p>',
            f'<ol class="berdaya-order" aria-describedby="{slot.id}-help">',
            *items,
            "</ol>",
        ]
    )


def _match_input(slot: _Slot) -> str:
    question = slot.question
    assert isinstance(question, MatchQuestion)  # noqa: S101 - dispatch by type
    order = shuffled(range(len(question.pairs)), seed=question.prompt)
    options = [f'<option value="">{escape(slot.page.t("quiz.choose"))}</option>']
    options += [f'<option value="{i}">{plain(question.pairs[i].right)}</option>' for i in order]
    rows = []
    for i, pair in enumerate(question.pairs):
        select_id = f"{slot.id}-m{i}"
        rows.append(
            f'<div class="berdaya-match__row"><label for="{select_id}">'
            f"{slot.page.inline(pair.left)}</label> "
            f'<select id="{select_id}" name="{select_id}" data-left="{i}">'
            f"{''.join(options)}</select></div>"
        )
    return _wrap("berdaya-match", rows)


def _wrap(css_class: str, rows: Iterable[str]) -> str:
    return "\n".join([f'<div class="{css_class}">', *rows, "</div>"])


_INPUTS: dict[str, Callable[[_Slot], str]] = {
    "single": _choices_input,
    "multiple": _choices_input,
    "true-false": _true_false_input,
    "text": _text_input,
    "number": _number_input,
    "order": _order_input,
    "match": _match_input,
}


# The answer key behind "Lihat jawaban".


def _key(slot: _Slot) -> str:
    question, page = slot.question, slot.page
    parts = [
        '<div class="berdaya-q__solution">',
        _solution(slot),
        "</div>",
    ]
    if isinstance(question, SingleQuestion | MultipleQuestion):
        parts.append(_feedbacks(question.choices, page))
    if question.explanation:
        label = f"<p><strong>{escape(page.t('quiz.explanation'))}:</strong></p>"
        parts.append(
            f'<div class="berdaya-q__explanation">{label}\n{page.prose(question.explanation)}</div>'
        )
    return "\n".join(p for p in parts if p)


def _solution(slot: _Slot) -> str:
    question, page = slot.question, slot.page
    label = f"<strong>{escape(page.t('quiz.answer'))}:</strong>"
    if isinstance(question, SingleQuestion | MultipleQuestion):
        right = [page.inline(c.text) for c in question.choices if c.correct]
        return _labelled_list(label, right, "ul")
    if isinstance(question, TrueFalseQuestion):
        return f"<p>{label} {escape(page.t('quiz.true' if question.answer else 'quiz.false'))}</p>"
    if isinstance(question, TextQuestion):
        joined = f" {escape(page.t('quiz.or'))} ".join(escape(a) for a in question.answers)
        return f"<p>{label} {joined}</p>"
    if isinstance(question, NumberQuestion):
        return f"<p>{label} {escape(_number_answer(question, page.language))}</p>"
    if isinstance(question, OrderQuestion):
        return _labelled_list(label, [page.inline(i) for i in question.items], "ol")
    assert isinstance(question, MatchQuestion)  # noqa: S101 - the last of the seven types
    pairs = [f"{page.inline(p.left)} → {page.inline(p.right)}" for p in question.pairs]
    return _labelled_list(label, pairs, "ul")


def _labelled_list(label: str, items: list[str], tag: str) -> str:
    if len(items) == 1 and tag == "ul":
        return f"<p>{label} {items[0]}</p>"
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f"<p>{label}</p>\n<{tag}>{rows}</{tag}>"


def _number_answer(question: NumberQuestion, language: Language) -> str:
    text = with_unit(format_number(question.answer, language), question.unit)
    if question.tolerance:
        text += f" (± {format_number(question.tolerance, language)})"
    return text


def _feedbacks(choices: list[Choice], page: QuizPage) -> str:
    rows = [
        f'<li><span class="berdaya-q__fb-choice">{page.inline(c.text)}</span>'
        f'<div class="berdaya-fb" data-choice="{i}">{page.prose(c.feedback)}</div></li>'
        for i, c in enumerate(choices)
        if c.feedback
    ]
    if not rows:
        return ""
    label = f"<p><strong>{escape(page.t('quiz.feedback'))}:</strong></p>"
    return f'<div class="berdaya-q__feedbacks">{label}\n<ul>{"".join(rows)}</ul></div>'


# Answer data for the script.


def _choice_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, SingleQuestion | MultipleQuestion)  # noqa: S101
    return {"correct": [i for i, c in enumerate(question.choices) if c.correct]}


def _true_false_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, TrueFalseQuestion)  # noqa: S101
    return {"answer": question.answer}


def _text_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, TextQuestion)  # noqa: S101
    return {"answers": list(question.answers)}


def _number_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, NumberQuestion)  # noqa: S101
    return {"answer": question.answer, "tolerance": question.tolerance, "unit": question.unit}


def _order_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, OrderQuestion)  # noqa: S101
    return {"same": _same_as_first(question.items)}


def _match_answers(question: Question) -> dict[str, Any]:
    assert isinstance(question, MatchQuestion)  # noqa: S101
    rights = [p.right for p in question.pairs]
    return {"accept": [[j for j, r in enumerate(rights) if r == right] for right in rights]}


def _same_as_first(items: list[str]) -> list[int]:
    """Per item, the index of the first item with the same text: duplicates are interchangeable."""
    return [items.index(item) for item in items]


_ANSWERS: dict[str, Callable[[Question], dict[str, Any]]] = {
    "single": _choice_answers,
    "multiple": _choice_answers,
    "true-false": _true_false_answers,
    "text": _text_answers,
    "number": _number_answers,
    "order": _order_answers,
    "match": _match_answers,
}


def shuffled(items: Iterable[int], seed: str) -> list[int]:
    """A repeatable shuffle that, for two or more items, never keeps the given order."""
    result = list(items)
    if len(result) < 2:
        return result
    rng = random.Random(seed)  # noqa: S311 - a display order, not a secret
    original = list(result)
    while result == original:
        rng.shuffle(result)
    return result
