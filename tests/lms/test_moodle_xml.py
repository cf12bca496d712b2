"""The Moodle XML export: well-formed, the elements each type needs, grades that add up."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter
from support.helpers import ROOT

from generator.content.check import check
from generator.content.model import Question
from generator.lms.bank import BankQuestion, Category, categories
from generator.lms.moodle_read import read_moodle_xml
from generator.lms.moodle_xml import moodle_xml

NEEDS = {
    "multichoice": ["single", "shuffleanswers", "answernumbering", "answer"],
    "truefalse": ["answer"],
    "shortanswer": ["usecase", "answer"],
    "numerical": ["answer", "unitgradingtype", "showunits"],
    "matching": ["shuffleanswers", "subquestion"],
    "ordering": ["layouttype", "selecttype", "gradingtype", "answer"],
}
HEAD = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden"]


@pytest.fixture(scope="module")
def document() -> tuple[str, ET.Element]:
    project, _ = check(ROOT / "content", "id", ())
    text = moodle_xml(categories(project.curricula))
    return text, ET.fromstring(  # noqa: S314 - our own output
        text.encode()
    )


def test_same_content_same_bytes(document: tuple[str, ET.Element]) -> None:
    project, _ = check(ROOT / "content", "id", ())
    assert moodle_xml(categories(project.curricula)) == document[0]


def test_every_question_has_the_elements_of_its_type(document: tuple[str, ET.Element]) -> None:
    root = document[1]
    assert root.tag == "quiz"
    kinds = Counter(q.get("type") for q in root.iter("question"))
    assert set(kinds) == {"category", *NEEDS}
    for question in root.iter("question"):
        qtype = question.get("type")
        if qtype == "category":
            assert question.findtext("category/text", "").startswith("$course$/")
            continue
        for name in [*HEAD, *NEEDS[qtype]]:
            assert question.find(name) is not None, (qtype, name)
        assert question.find("questiontext").get("format") == "html"
        assert question.findtext("questiontext/text", "").startswith("<p>")
        assert int(question.findtext("defaultgrade", "0")) >= 1


def test_grades_add_up(document: tuple[str, ET.Element]) -> None:
    for question in document[1].iter("question"):
        grades = [float(a.get("fraction", "nan")) for a in question.findall("answer")]
        match question.get("type"), question.findtext("single"):
            case "multichoice", "true":
                assert max(grades) == 100
                assert grades.count(100) == 1
                assert all(g == 0 for g in grades if g != 100)
            case "multichoice", "false":
                right = [g for g in grades if g > 0]
                assert abs(sum(right) - 100) < 0.001
                assert all(g == -right[0] for g in grades if g <= 0)
            case "truefalse", _:
                assert sorted(grades) == [0, 100]
            case "ordering", _:
                assert grades == list(range(1, len(grades) + 1))


def test_multiple_is_graded_as_berdaya_grades() -> None:
    """(right chosen - wrong chosen) / right, never below 0: Moodle adds grades, floors at 0."""
    text = moodle_xml(
        _one("""
      - type: multiple
        prompt: Pilih yang benar.
        choices:
          - {text: A, correct: true}
          - {text: B, correct: true}
          - {text: C, correct: true}
          - {text: D}
    """)
    )
    grades = [
        a.get("fraction")
        for a in ET.fromstring(  # noqa: S314 - our own output
            text
        ).iter("answer")
    ]
    assert grades == ["33.33333", "33.33333", "33.33333", "-33.33333"]


def test_cdata_survives_its_end_marker_and_html_is_escaped() -> None:
    text = moodle_xml(
        _one("""
      - type: true-false
        prompt: "Is `]]>` <b>bold</b> & **strong**?"
        answer: true
    """)
    )
    prompt = ET.fromstring(  # noqa: S314 - our own output
        text
    ).findtext(".//questiontext/text")
    assert prompt == (
        "<p>Is <code>]]&gt;</code> &lt;b&gt;bold&lt;/b&gt; &amp; <strong>strong</strong>?</p>"
    )


def test_a_document_type_is_refused(tmp_path: Path) -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x "y">]>\n<quiz></quiz>'
    reading = read_moodle_xml(tmp_path / "q.xml", data)
    assert [d.format() for d in reading.diagnostics] == [
        (
            f"{tmp_path / 'q.xml'}:2:16: error: not well-formed XML: "
            "a document type declaration is not read"
        )
    ]


def test_broken_xml_is_placed(tmp_path: Path) -> None:
    reading = read_moodle_xml(tmp_path / "q.xml", b"<quiz>\n  <question>\n</quiz>")
    assert [d.format() for d in reading.diagnostics] == [
        f"{tmp_path / 'q.xml'}:3:3: error: not well-formed XML: mismatched tag"
    ]


def _one(yaml_items: str) -> list[Category]:
    items = yaml.safe_load(textwrap.dedent(yaml_items))
    questions = [TypeAdapter(Question).validate_python(item) for item in items]
    bank = [BankQuestion(q, f"c/m/{i}") for i, q in enumerate(questions)]
    return [Category("$course$/c/m", "M", bank)]
