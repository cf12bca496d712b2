"""Moodle XML: the question bank as Moodle's own import format (``docs/lms.md``).

Written directly: Moodle wants prose as HTML in CDATA sections
(``<text><![CDATA[...]]></text>``), which ElementTree cannot write, so the
elements are written here with :func:`_text` and :func:`_cdata`; the tests parse
the result back with ElementTree. Every question type has a Moodle type:
``single``/``multiple`` -> ``multichoice``, ``true-false`` -> ``truefalse``,
``text`` -> ``shortanswer``, ``number`` -> ``numerical``, ``match`` ->
``matching``, ``order`` -> ``ordering``. The same content gives the same bytes.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from generator.content.amounts import unit_first
from generator.content.model import (
    Choice,
    MatchQuestion,
    MultipleQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from generator.lms.bank import Category
from generator.lms.markup import to_html, to_inline_html, to_plain
from generator.lms.names import question_name, shortanswer_text
from generator.lms.numbers import moodle_fraction, number_text, objective_tag

_EMPTY_FEEDBACK = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")


def moodle_xml(categories: list[Category]) -> str:
    """The categories and their questions as one Moodle XML document."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for category in categories:
        out += [
            '  <question type="category">',
            f"    <category>{_text(category.path)}</category>",
            f'    <info format="html">{_cdata(escape(category.title))}</info>',
            "  </question>",
        ]
        for item in category.questions:
            out += _question(item.question)
    out.append("</quiz>")
    return "\n".join(out) + "\n"


def _text(value: str) -> str:
    """``<text>`` with plain text, escaped."""
    return f"<text>{escape(value)}</text>"


def _cdata(html: str) -> str:
    """``<text>`` with HTML in a CDATA section (``]]>`` split across two sections)."""
    if not html:
        return "<text></text>"
    return "<text><![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]></text>"


def _html_element(name: str, markdown: str | None, indent: str = "    ") -> str:
    html = to_html(markdown) if markdown else ""
    return f'{indent}<{name} format="html">{_cdata(html)}</{name}>'


def _question(question: Question) -> list[str]:
    qtype = _moodle_type(question)
    out = [
        f'  <question type="{qtype}">',
        f"    <name>{_text(question_name(question))}</name>",
        _html_element("questiontext", question.prompt),
        _html_element("generalfeedback", question.explanation),
        f"    <defaultgrade>{question.points}</defaultgrade>",
        "    <penalty>0</penalty>",
        "    <hidden>0</hidden>",
    ]
    if question.id:
        out.append(f"    <idnumber>{escape(question.id)}</idnumber>")
    out += _body(question)
    if question.hint:
        out.append(_html_element("hint", question.hint))
    if question.objective:
        out.append(f"    <tags><tag>{_text(objective_tag(question.objective))}</tag></tags>")
    out.append("  </question>")
    return out


def _moodle_type(question: Question) -> str:
    return {
        "single": "multichoice",
        "multiple": "multichoice",
        "true-false": "truefalse",
        "text": "shortanswer",
        "number": "numerical",
        "match": "matching",
        "order": "ordering",
    }[question.type]


def _body(question: Question) -> list[str]:
    match question:
        case SingleQuestion() | MultipleQuestion():
            return _multichoice(question)
        case TrueFalseQuestion():
            return [
                _answer("100" if question.answer else "0", _text("true")),
                _answer("0" if question.answer else "100", _text("false")),
            ]
        case TextQuestion():
            return ["    <usecase>0</usecase>"] + [
                _answer("100", _text(shortanswer_text(a))) for a in question.answers
            ]
        case NumberQuestion():
            return _numerical(question)
        case MatchQuestion():
            return _matching(question)
        case OrderQuestion():
            return _ordering(question)
    raise AssertionError(question.type)  # pragma: no cover - the union is closed


def _answer(fraction: str, text: str, feedback: str | None = None, extra: str = "") -> str:
    html = to_html(feedback) if feedback else ""
    return (
        f'    <answer fraction="{fraction}" format="moodle_auto_format">{text}'
        f'<feedback format="html">{_cdata(html)}</feedback>{extra}</answer>'
    )


def _combined_feedback() -> list[str]:
    return [f'    <{n} format="html"><text></text></{n}>' for n in _EMPTY_FEEDBACK] + [
        "    <shownumcorrect/>"
    ]


def _multichoice(question: SingleQuestion | MultipleQuestion) -> list[str]:
    single = isinstance(question, SingleQuestion)
    right = sum(1 for c in question.choices if c.correct)
    out = [
        f"    <single>{'true' if single else 'false'}</single>",
        "    <shuffleanswers>false</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
        "    <showstandardinstruction>0</showstandardinstruction>",
        *_combined_feedback(),
    ]
    out += [_choice(choice, single=single, right=right) for choice in question.choices]
    return out


def _choice(choice: Choice, *, single: bool, right: int) -> str:
    if single:
        fraction = "100" if choice.correct else "0"
    else:
        fraction = moodle_fraction(right, correct=choice.correct)
    feedback = to_html(choice.feedback) if choice.feedback else ""
    return (
        f'    <answer fraction="{fraction}" format="html">{_cdata(to_inline_html(choice.text))}'
        f'<feedback format="html">{_cdata(feedback)}</feedback></answer>'
    )


def _numerical(question: NumberQuestion) -> list[str]:
    tolerance = f"<tolerance>{number_text(question.tolerance)}</tolerance>"
    out = [_answer("100", _text(number_text(question.answer)), extra=tolerance)]
    if question.unit:
        out += [
            (
                "    <units><unit><multiplier>1</multiplier>"
                f"<unit_name>{escape(question.unit)}</unit_name></unit></units>"
            ),
            "    <unitgradingtype>0</unitgradingtype>",
            "    <unitpenalty>0</unitpenalty>",
            "    <showunits>0</showunits>",
            f"    <unitsleft>{int(unit_first(question.unit))}</unitsleft>",
        ]
    else:
        out += [
            "    <unitgradingtype>0</unitgradingtype>",
            "    <unitpenalty>0</unitpenalty>",
            "    <showunits>3</showunits>",
            "    <unitsleft>0</unitsleft>",
        ]
    return out


def _matching(question: MatchQuestion) -> list[str]:
    out = ["    <shuffleanswers>true</shuffleanswers>", *_combined_feedback()]
    out += [
        f'    <subquestion format="html">{_cdata(to_inline_html(pair.left))}'
        f"<answer>{_text(to_plain(pair.right))}</answer></subquestion>"
        for pair in question.pairs
    ]
    return out


def _ordering(question: OrderQuestion) -> list[str]:
    out = [
        "    <layouttype>VERTICAL</layouttype>",
        "    <selecttype>ALL</selecttype>",
        f"    <selectcount>{len(question.items)}</selectcount>",
        "    <gradingtype>ABSOLUTE_POSITION</gradingtype>",
        "    <showgrading>SHOW</showgrading>",
        "    <numberingstyle>none</numberingstyle>",
        *_combined_feedback(),
    ]
    out += [
        f'    <answer fraction="{i}" format="html">{_cdata(to_inline_html(item))}</answer>'
        for i, item in enumerate(question.items, 1)
    ]
    return out
