"""The tally in Python: the shared vectors (the chat, every problem), and the scoring rules."""

from __future__ import annotations

from typing import Any

import pytest
from support.results import case_id, tally_spec, vectors

from generator.results.scan import scan
from generator.results.spec import QuestionKey
from generator.results.tally import Entry, score, tally


@pytest.mark.parametrize("case", vectors("tally"), ids=case_id)
def test_the_tally_of_the_vector(case: dict[str, Any]) -> None:
    result = tally([Entry("chat.txt", f) for f in scan(case["text"])], tally_spec())  # type: ignore[arg-type]
    assert [row.as_json() for row in result.rows] == case["rows"]
    assert [p.as_json() for p in result.problems] == case["problems"]
    assert {p.source for p in result.problems} <= {"chat.txt"}


def test_the_chat_holds_three_learners_and_one_damaged_code() -> None:
    chat = next(case for case in vectors("tally") if case["name"] == "chat")
    found = scan(chat["text"])
    assert [f.results.name if f.results else f.name for f in found] == [
        "SITI-AMINAH",
        "BUDI-SANTOSO",
        "DEWI-LESTARI",
    ]
    assert [f.reason for f in found] == [None, None, "checksum"]
    assert [row["name"] for row in chat["rows"]] == ["BUDI SANTOSO", "SITI AMINAH"]


SINGLE: QuestionKey = {"type": "single", "correct": [1], "points": 1}
MULTIPLE: QuestionKey = {"type": "multiple", "correct": [0, 2], "points": 2}
TRUE: QuestionKey = {"type": "true-false", "correct": True, "points": 1}


@pytest.mark.parametrize(
    ("answers", "percent"),
    [
        ([1, (0, 2), True], 100),
        ([None, None, None], 0),
        ([(1,), (0,), False], 50),  # a single answered as a set of one counts
        ([0, (0, 1), True], 25),  # one right and one wrong choice: 0 of 2 points
        ([1, (0, 1, 2, 3), True], 50),  # two right, two wrong: 0 of 2 points
        ([1, (1, 3), True], 50),  # two wrong, none right: 0, never below 0
        ([1, 0, True], 75),  # a multiple answered as one choice: half its points
        ([True, True, 1], 0),  # answers of the wrong kind earn nothing
    ],
)
def test_test_scores_follow_the_rules_of_the_quizzes(answers: list[Any], percent: int) -> None:
    assert score(answers, [SINGLE, MULTIPLE, TRUE]) == percent


def test_scores_round_half_up_in_whole_numbers() -> None:
    eighths = [{"type": "true-false", "correct": True, "points": 1}] * 8
    assert score([True] * 5 + [False] * 3, eighths) == 63  # 62.5
    assert score([True] * 3 + [False] * 5, eighths) == 38  # 37.5
    thirds: list[QuestionKey] = [{"type": "multiple", "correct": [0, 1, 2], "points": 1}]
    assert score([(0,)], thirds) == 33
    assert score([(0, 1)], thirds) == 67
