"""Every bundled question through GIFT and through Moodle XML and back: the same question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter
from support.helpers import ROOT

from generator.content.check import check
from generator.content.model import Question
from generator.lms.bank import BankQuestion, Category, categories
from generator.lms.gift import gift
from generator.lms.gift_read import read_gift
from generator.lms.markup import to_plain
from generator.lms.moodle_read import read_moodle_xml
from generator.lms.moodle_xml import moodle_xml

QUESTIONS = TypeAdapter(Question)


@pytest.fixture(scope="module")
def bank() -> list[Category]:
    project, _diagnostics = check(ROOT / "content", "id", ())
    return categories(project.curricula)


def normal(question: Question, *, gift_order: bool = False) -> dict[str, Any]:
    """The question's data; text without the line break YAML's ``|`` ends with.

    GIFT and Moodle trim every text. In GIFT an ``order`` question's items are
    the right-hand side of a matching, which is plain text (docs/lms.md).
    """
    data = question.model_dump()
    for key, value in data.items():
        if isinstance(value, str):
            data[key] = value.strip()
    if gift_order and question.type == "order":
        data["items"] = [to_plain(item) for item in data["items"]]
    return data


@pytest.fixture(scope="module")
def source(bank: list[Category]) -> list[BankQuestion]:
    return [q for c in bank for q in c.questions]


def test_every_bundled_question_is_exported(source: list[BankQuestion]) -> None:
    module_questions = [q for q in source if "/tes-" not in q.label and "-test/" not in q.label]
    assert len(module_questions) >= 271
    assert {q.question.type for q in source} == {
        "single", "multiple", "true-false", "text", "number", "order", "match"
    }  # fmt: skip


def test_moodle_xml_round_trip_keeps_every_question(
    source: list[BankQuestion], bank: list[Category]
) -> None:
    text = moodle_xml(bank)
    reading = read_moodle_xml(Path("bank.xml"), text.encode())
    assert reading.diagnostics == []
    back = [QUESTIONS.validate_python(q.data) for q in reading.questions]
    assert len(back) == len(source)
    for original, imported in zip(source, back, strict=True):
        assert normal(imported) == normal(original.question), original.label


def test_gift_round_trip_keeps_every_question(
    source: list[BankQuestion], bank: list[Category]
) -> None:
    text = gift(bank).text
    reading = read_gift(Path("bank.gift"), text)
    assert reading.diagnostics == []
    back = [QUESTIONS.validate_python(q.data) for q in reading.questions]
    assert len(back) == len(source)
    for original, imported in zip(source, back, strict=True):
        assert normal(imported, gift_order=True) == normal(original.question, gift_order=True)


def test_categories_come_back(bank: list[Category]) -> None:
    cats = bank
    reading = read_gift(Path("bank.gift"), gift(cats).text)
    expected = [c.path for c in cats for _ in c.questions]
    assert [q.category for q in reading.questions] == expected
    assert "$course$/manajemen-usaha-kecil/tes-awal" in expected
    assert "$course$/community-participation/pre-test" in expected
