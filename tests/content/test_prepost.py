"""The pre-test and post-test: every kind of bad ``tests:``, each with its exact diagnostics.

Each case edits the mini curriculum (whose ``tests:`` ask a quiz question by
reference and questions of their own) and compares the whole list of
diagnostics. Then the resolution: each test's questions in order, with the
key ``Q`` of the page contracts (docs/assessment.md).
"""

from __future__ import annotations

import pytest
from support.copies import Case, case

from generator.content.check import read_project
from generator.content.model import SingleQuestion, TrueFalseQuestion
from generator.content.prepost import (
    page_data,
    prepost_keys,
    quiz_modules,
    resolve_tests,
    send_data,
    tally_data,
)
from generator.content.project import CurriculumSource, find_curricula

C = "curriculum.yml"
H = "modules/harga.yml"
K = "modules/catatan.yml"
CURRICULUM = "contoh/curriculum.yml"
HARGA_REF = "      - ref: harga/arti-hpp\n      - id: harga-jual\n"
UNCOVERED_HPP = (
    f"{CURRICULUM}:41:3: warning: tests.pre: no question covers objective 'hitung-hpp' "
    "of module 'harga'"
)
UNCOVERED_PRICE = (
    f"{CURRICULUM}:41:3: warning: tests.pre: no question covers objective 'tentukan-harga' "
    "of module 'harga'"
)


CASES = [
    # --- references -------------------------------------------------------------
    case(
        "ref-to-unknown-module",
        C,
        HARGA_REF,
        HARGA_REF.replace("harga/arti-hpp", "hargaa/arti-hpp"),
        f"{CURRICULUM}:41:3: warning: tests.pre: no question covers objective 'hitung-hpp' "
        "of module 'harga'",
        f"{CURRICULUM}:43:14: error: tests.pre.questions[0].ref: 'hargaa' is not a module of "
        "this curriculum",
    ),
    case(
        "ref-to-unknown-question",
        C,
        HARGA_REF,
        HARGA_REF.replace("harga/arti-hpp", "harga/arti"),
        UNCOVERED_HPP,
        f"{CURRICULUM}:43:14: error: tests.pre.questions[0].ref: module 'harga' has no quiz "
        "question with id 'arti'; ids of its questions: arti-hpp",
    ),
    case(
        "ref-to-a-quiz-without-ids",
        C,
        HARGA_REF,
        HARGA_REF.replace("harga/arti-hpp", "catatan/uang-pribadi"),
        UNCOVERED_HPP,
        f"{CURRICULUM}:43:14: error: tests.pre.questions[0].ref: module 'catatan' has no quiz "
        "question with id 'uang-pribadi'; give the question an 'id' in modules/catatan.yml",
    ),
    case(
        "ref-that-is-not-module-slash-id",
        C,
        HARGA_REF,
        HARGA_REF.replace("harga/arti-hpp", "Harga Arti"),
        f"{CURRICULUM}:43:14: error: tests.pre.questions[0].ref: 'Harga Arti' is not a question "
        "reference: write <module>/<question id>, e.g. harga/arti-hpp",
    ),
    case(
        "ref-with-a-key-of-a-question",
        C,
        HARGA_REF,
        "      - ref: harga/arti-hpp\n        points: 3\n      - id: harga-jual\n",
        f"{CURRICULUM}:44:9: error: tests.pre.questions[0]: unknown key 'points': an item with "
        "'ref' asks the question as its module quiz has it",
    ),
    # --- questions of their own ---------------------------------------------------
    case(
        "own-question-of-unknown-module",
        C,
        "        module: harga\n        objective: tentukan-harga\n        prompt: HPP Rp 9.000",
        "        module: hargaa\n        objective: tentukan-harga\n        prompt: HPP Rp 9.000",
        UNCOVERED_PRICE,
        f"{CURRICULUM}:46:17: error: tests.pre.questions[1].module: 'hargaa' is not a module of "
        "this curriculum",
    ),
    case(
        "own-question-of-unknown-objective",
        C,
        "        objective: tentukan-harga\n        prompt: HPP Rp 9.000",
        "        objective: tentukan\n        prompt: HPP Rp 9.000",
        UNCOVERED_PRICE,
        f"{CURRICULUM}:47:20: error: tests.pre.questions[1].objective: unknown objective "
        "'tentukan' of module 'harga'; objectives of this module: hitung-hpp, tentukan-harga",
    ),
    case(
        "own-question-of-a-type-a-test-cannot-hold",
        C,
        "        type: true-false\n        module: catatan\n        objective: catat-kas\n"
        "        prompt: Uang pribadi",
        "        type: text\n        module: catatan\n        objective: catat-kas\n"
        "        prompt: Uang pribadi",
        f"{CURRICULUM}:56:15: error: tests.pre.questions[2].type: a test takes no 'text' "
        "questions (their answers do not fit a results code); use one of single, multiple, "
        "true-false",
    ),
    case(
        "own-question-of-no-type-at-all",
        C,
        "        type: true-false\n        module: catatan\n        objective: catat-kas\n"
        "        prompt: Uang pribadi",
        "        type: benar-salah\n        module: catatan\n        objective: catat-kas\n"
        "        prompt: Uang pribadi",
        f"{CURRICULUM}:56:15: error: tests.pre.questions[2].type: 'benar-salah' is not a "
        "question type; a test takes single, multiple, true-false",
    ),
    case(
        "own-question-without-type",
        C,
        "      - id: uang-keluar\n        type: multiple\n",
        "      - id: uang-keluar\n",
        f"{CURRICULUM}:61:9: error: tests.pre.questions[3]: missing required key 'type' "
        "(single, multiple, true-false), or 'ref' to ask a question of a module quiz",
    ),
    case(
        "own-question-with-feedback",
        C,
        "          - text: Rp 6.000\n          - text: Rp 9.000\n",
        "          - text: Rp 6.000\n            feedback: Kurang.\n          - text: Rp 9.000\n",
        f"{CURRICULUM}:53:13: error: tests.pre.questions[1].choices[1]: unknown key "
        "'feedback'; allowed keys: text, correct",
    ),
    case(
        "single-with-two-correct-choices",
        C,
        "          - text: Rp 6.000\n          - text: Rp 9.000\n",
        "          - text: Rp 6.000\n            correct: true\n          - text: Rp 9.000\n",
        f"{CURRICULUM}:50:11: error: tests.pre.questions[1].choices: a 'single' question needs "
        "exactly one correct choice, found 2",
    ),
    case(
        "multiple-without-a-correct-choice",
        C,
        "          - text: Membeli bahan\n            correct: true\n"
        "          - text: Membayar sewa\n            correct: true\n",
        "          - text: Membeli bahan\n          - text: Membayar sewa\n",
        f"{CURRICULUM}:68:11: error: tests.pre.questions[3].choices: a 'multiple' question needs "
        "at least one correct choice",
    ),
    case(
        "one-choice-only",
        C,
        "          - text: Rp 6.000\n          - text: Rp 10.000\n            correct: true\n"
        "          - text: Rp 8.000\n",
        "          - text: Rp 10.000\n            correct: true\n",
        f"{CURRICULUM}:84:11: error: tests.post.questions[1].choices: needs at least 2 choices",
    ),
    case(
        "a-choice-twice",
        C,
        "          - text: Rp 6.000\n          - text: Rp 9.000\n",
        "          - text: Rp 6.000\n          - text: Rp 12.000\n",
        f"{CURRICULUM}:53:13: error: tests.pre.questions[1].choices[2]: 'Rp 12.000' appears twice",
    ),
    # --- the same question twice --------------------------------------------------
    case(
        "the-same-id-twice",
        C,
        "      - id: uang-keluar\n",
        "      - id: uang-pribadi\n",
        f"{CURRICULUM}:61:13: error: tests.pre.questions[3].id: 'uang-pribadi' is already "
        "question 3 of this test",
    ),
    case(
        "the-same-reference-twice",
        C,
        "      - id: catat-hari-itu\n",
        "      - ref: harga/arti-hpp\n      - id: catat-hari-itu\n",
        f"{CURRICULUM}:88:14: error: tests.post.questions[2].ref: 'harga/arti-hpp' is already "
        "question 1 of this test",
    ),
    # --- the tests themselves -----------------------------------------------------
    case(
        "post-that-is-not-same-or-a-test",
        C,
        "  post:\n    title: Tes akhir\n",
        "  post: sama\n  unused:\n    title: Tes akhir\n",
        f"{CURRICULUM}:74:9: error: tests.post: the text 'sama' is not one of 'same'",
        f"{CURRICULUM}:75:3: error: tests: unknown key 'unused'; allowed keys: pre, post",
    ),
    case(
        "no-post-test",
        C,
        "  post:\n    title: Tes akhir\n",
        "  after:\n    title: Tes akhir\n",
        f"{CURRICULUM}:41:3: error: tests: missing required key 'post'",
        f"{CURRICULUM}:74:3: error: tests: unknown key 'after'; allowed keys: pre, post",
    ),
    case(
        "a-test-without-questions",
        C,
        "  post:\n    title: Tes akhir\n    questions:\n",
        "  post:\n    title: Tes akhir\n    questions: []\n    old:\n",
        f"{CURRICULUM}:76:16: error: tests.post.questions: needs at least 1 item",
        f"{CURRICULUM}:77:5: error: tests.post: unknown key 'old'; allowed keys: title, shuffle, "
        "questions",
    ),
]


@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_bad_tests(mini, bad: Case) -> None:
    mini.edit(bad.file, bad.old, bad.new)
    assert mini.lines() == list(bad.expected)


def test_the_cases_are_all_different() -> None:
    assert len({c.name for c in CASES}) == len(CASES)


def test_a_reference_to_a_question_of_another_type(mini) -> None:
    mini.edit(H, "    - type: number\n", "    - type: number\n      id: hitung\n")
    mini.edit(C, HARGA_REF, HARGA_REF.replace("harga/arti-hpp", "harga/hitung"))
    assert mini.lines() == [
        UNCOVERED_HPP,
        (
            f"{CURRICULUM}:43:14: error: tests.pre.questions[0].ref: 'harga/hitung' is a 'number' "
            "question; a test takes only single, multiple, true-false questions"
        ),
    ]


def test_a_reference_to_a_module_without_a_quiz(mini) -> None:
    text = mini.read(K)
    mini.write(K, text[: text.index("quiz:\n")] + text[text.index("session:\n") :])
    mini.edit(C, HARGA_REF, HARGA_REF.replace("harga/arti-hpp", "catatan/uang"))
    assert mini.lines() == [
        UNCOVERED_HPP,
        f"{CURRICULUM}:43:14: error: tests.pre.questions[0].ref: module 'catatan' has no quiz",
        (
            "contoh/modules/catatan.yml:6:3: warning: objectives.catat-kas: no question or "
            "activity assesses this objective"
        ),
    ]


def test_a_module_with_errors_is_reported_once(mini) -> None:
    """Its file's own error; the tests that name it say nothing more."""
    mini.edit(H, "minutes: 60\n", "minuts: 60\n")
    assert mini.lines() == [
        "contoh/modules/harga.yml:4:1: error: unknown key 'minuts' (did you mean 'minutes'?)"
    ]


def test_a_guide_without_tests_is_warned_about(mini) -> None:
    text = mini.read(C)
    mini.write(C, text[: text.index("tests:\n")])
    assert mini.lines() == [
        (
            f"{CURRICULUM}:22:1: warning: guide: the curriculum has a guide but no 'tests' "
            "(a pre-test and a post-test)"
        )
    ]


def test_no_guide_no_tests_no_warning(mini) -> None:
    text = mini.read(C)
    mini.write(C, text[: text.index("guide:\n")])
    assert mini.lines() == []


def test_every_objective_a_test_leaves_out_is_warned_about(mini) -> None:
    text = mini.read(C)
    post = text.index("  post:\n")
    mini.write(C, text[: text.index("      - id: harga-jual\n")] + text[post:])
    assert mini.lines() == [
        (
            f"{CURRICULUM}:41:3: warning: tests.pre: no question covers objective 'catat-kas' "
            "of module 'catatan'"
        ),
        UNCOVERED_PRICE,
    ]


def test_a_post_test_that_is_the_same_is_not_warned_about_twice(mini) -> None:
    text = mini.read(C)
    mini.write(C, text[: text.index("  post:\n")] + "  post: same\n")
    assert mini.lines() == []
    mini.edit(C, "        objective: tentukan-harga\n", "")
    assert mini.lines() == [UNCOVERED_PRICE]


# --- resolution -----------------------------------------------------------------


def contoh(mini) -> CurriculumSource:
    return read_project(find_curricula([mini.root])).curricula[0]


def test_the_tests_resolve_in_order_with_their_modules(mini) -> None:
    tests = resolve_tests(contoh(mini))
    assert list(tests) == ["pre", "post"]
    pre, post = tests["pre"], tests["post"]
    assert (pre.title, post.title) == ("Tes awal", "Tes akhir")
    assert [(q.number, q.module, q.ref, q.objective) for q in pre.questions] == [
        (1, "harga", "harga/arti-hpp", "hitung-hpp"),
        (2, "harga", None, "tentukan-harga"),
        (3, "catatan", None, "catat-kas"),
        (4, "catatan", None, "catat-kas"),
    ]
    referenced = pre.questions[0].question
    assert isinstance(referenced, SingleQuestion)
    assert referenced.prompt == "Apa arti HPP?"
    assert isinstance(pre.questions[2].question, TrueFalseQuestion)
    assert pre.points == 5
    assert [q.where for q in post.questions] == [
        ("tests", "post", "questions", 0),
        ("tests", "post", "questions", 1),
        ("tests", "post", "questions", 2),
    ]
    assert not post.same_as_pre


def test_the_keys_follow_the_page_contract(mini) -> None:
    assert prepost_keys(contoh(mini)) == {
        "pre": [
            {"type": "single", "correct": [0], "points": 1},
            {"type": "single", "correct": [0], "points": 1},
            {"type": "true-false", "correct": False, "points": 1},
            {"type": "multiple", "correct": [0, 1], "points": 2},
        ],
        "post": [
            {"type": "single", "correct": [0], "points": 1},
            {"type": "single", "correct": [1], "points": 1},
            {"type": "true-false", "correct": True, "points": 1},
        ],
    }


def test_post_same_asks_the_pre_test_again(mini) -> None:
    text = mini.read(C)
    mini.write(C, text[: text.index("  post:\n")] + "  post: same\n")
    tests = resolve_tests(contoh(mini))
    assert tests["post"].same_as_pre
    assert tests["post"].title == "Tes akhir"
    assert tests["post"].keys == tests["pre"].keys


def test_english_titles_by_default(mini) -> None:
    mini.edit(C, "level: Dasar\n", "level: Dasar\nlanguage: en\n")
    mini.edit(C, "    title: Tes akhir\n", "")
    tests = resolve_tests(contoh(mini))
    assert (tests["pre"].title, tests["post"].title) == ("Pre-test", "Post-test")


def test_the_data_of_the_pages(mini) -> None:
    c = contoh(mini)
    assert quiz_modules(c) == ["harga", "catatan"]
    assert send_data(c) == {
        "curriculum": "contoh",
        "version": "1.0",
        "modules": ["harga", "catatan"],
        "tests": {"pre": 4, "post": 3},
    }
    tally = tally_data(c)
    assert tally["modules"] == [
        {"id": "harga", "title": "Harga Jual", "pass": 60},
        {"id": "catatan", "title": "Catatan Kas", "pass": 70},
    ]
    assert tally["tests"] == prepost_keys(c)
    assert (tally["curriculum"], tally["version"], tally["title"]) == (
        "contoh",
        "1.0",
        "Contoh Kurikulum",
    )
    assert page_data(c, "pre", with_key=False) == {
        "curriculum": "contoh",
        "kind": "pre",
        "count": 4,
    }
    assert page_data(c, "post", with_key=True)["key"] == prepost_keys(c)["post"]  # type: ignore[index]


def test_without_tests_there_is_no_data(mini) -> None:
    text = mini.read(C)
    mini.write(C, text[: text.index("tests:\n")])
    c = contoh(mini)
    assert resolve_tests(c) == {}
    assert prepost_keys(c) is None
    assert send_data(c)["tests"] is None
    assert tally_data(c)["tests"] is None
