"""The merge rules of overlays (generator/content/overlay.py), one by one, on YAML texts.

Each test loads a base and an overlay as two files and checks the merged data,
where each value came from (file and line), and the exact diagnostic of each
mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.content.load import Document, load_text
from generator.content.overlay import merge_documents

BASE = Path("base/curriculum.yml")
OVER = Path("overlay/curriculum.yml")


def doc(text: str, path: Path) -> Document:
    loaded, problems = load_text(text, path)
    assert loaded is not None
    assert not problems
    return loaded


def merge(base: str, over: str) -> tuple[Document, list[str]]:
    merged, problems = merge_documents(doc(base, BASE), doc(over, OVER))
    return merged, [p.format() for p in problems]


def data(base: str, over: str) -> dict[str, Any]:
    merged, problems = merge(base, over)
    assert problems == []
    return merged.data


LESSONS = """\
lessons:
  - id: a
    title: A
  - id: b
    title: B
  - id: c
    title: C
"""


def ids(merged: dict[str, Any], key: str = "lessons") -> list[str]:
    return [item["id"] for item in merged[key]]


def test_a_scalar_replaces_and_the_rest_stays() -> None:
    merged = data("title: Lama\nsummary: S\n", "title: Baru\n")
    assert merged == {"title": "Baru", "summary": "S"}


def test_a_value_of_another_kind_replaces() -> None:
    assert data("a: [1, 2]\n", "a: teks\n") == {"a": "teks"}


def test_mappings_merge_by_key_and_null_removes_a_key() -> None:
    base = "objectives:\n  a: A\n  b: B\n"
    merged = data(base, "objectives:\n  b: B2\n  c: C\n  a:\n")
    assert merged["objectives"] == {"b": "B2", "c": "C"}


def test_an_item_with_a_base_id_merges_into_it() -> None:
    merged = data(LESSONS, "lessons:\n  - id: b\n    title: B2\n    minutes: 5\n")
    assert merged["lessons"][1] == {"id": "b", "title": "B2", "minutes": 5}
    assert ids(merged) == ["a", "b", "c"]


def test_a_new_id_is_appended() -> None:
    assert ids(data(LESSONS, "lessons:\n  - id: d\n    title: D\n")) == ["a", "b", "c", "d"]


def test_after_and_before_place_new_and_moved_items() -> None:
    over = """\
lessons:
  - id: d
    after: a
    title: D
  - id: c
    before: a
  - id: e
    before: d
    title: E
"""
    merged = data(LESSONS, over)
    assert ids(merged) == ["c", "a", "e", "d", "b"]
    assert merged["lessons"][0] == {"id": "c", "title": "C"}  # moved, 'before' is not kept


def test_remove_true_removes_the_item() -> None:
    assert ids(data(LESSONS, "lessons:\n  - id: b\n    remove: true\n")) == ["a", "c"]


def test_base_items_without_an_id_stay_in_place() -> None:
    base = "questions:\n  - prompt: P1\n  - id: q\n    prompt: Q\n  - prompt: P3\n"
    merged = data(base, "questions:\n  - id: q\n    prompt: Q2\n  - id: r\n    prompt: R\n")
    prompts = [q["prompt"] for q in merged["questions"]]
    assert prompts == ["P1", "Q2", "P3", "R"]


def test_the_glossary_merges_by_term() -> None:
    base = "glossary:\n  - term: HPP\n    definition: lama\n  - term: BEP\n    definition: x\n"
    over = "glossary:\n  - term: HPP\n    definition: baru\n  - term: BEP\n    remove: true\n"
    assert data(base, over)["glossary"] == [{"term": "HPP", "definition": "baru"}]


def test_a_list_without_ids_replaces_the_base_list() -> None:
    base = "materials: [kertas, spidol]\nmodules: [a, b, c]\n"
    merged = data(base, "materials: [kalkulator]\nmodules: [c, a, d]\n")
    assert merged == {"materials": ["kalkulator"], "modules": ["c", "a", "d"]}


def test_items_with_ids_replace_a_base_list_without_ids() -> None:
    base = "days:\n  - title: Hari 1\n  - title: Hari 2\n"
    assert data(base, "days:\n  - id: satu\n    title: Satu\n") == {
        "days": [{"id": "satu", "title": "Satu"}]
    }


def test_merges_reach_nested_lists() -> None:
    base = "quiz:\n  pass: 70\n  questions:\n    - id: q\n      choices:\n        - text: x\n"
    over = "quiz:\n  questions:\n    - id: q\n      prompt: P\n"
    merged = data(base, over)
    assert merged["quiz"] == {
        "pass": 70,
        "questions": [{"id": "q", "choices": [{"text": "x"}], "prompt": "P"}],
    }


def test_every_value_keeps_the_file_and_line_it_came_from() -> None:
    merged, _ = merge(
        LESSONS + "summary: S\n", "title: T\nlessons:\n  - id: z\n    before: a\n    title: Z\n"
    )
    assert merged.path == OVER
    assert merged.at(("title",)).file == OVER
    assert (merged.at(("summary",)).file, merged.at(("summary",)).line) == (BASE, 8)
    # lesson z is first now: its values come from the overlay, line 5 of it
    assert (merged.at(("lessons", 0, "title")).file, merged.at(("lessons", 0, "title")).line) == (
        OVER,
        5,
    )
    # lesson a moved to index 1: still line 3 of the base
    assert (merged.at(("lessons", 1, "title")).file, merged.at(("lessons", 1, "title")).line) == (
        BASE,
        3,
    )
    assert merged.key_at(("lessons", 1, "title")).file == BASE


def test_numbers_keep_their_source_text() -> None:
    merged, _ = merge("price: 15.000\nother: 2\n", "other: 3\n")
    assert merged.number_texts == {("price",): "15.000", ("other",): "3"}


# Mistakes: one diagnostic each, at the overlay's line.


def test_removing_an_id_that_is_not_there() -> None:
    _, problems = merge(LESSONS, "lessons:\n  - id: bb\n    remove: true\n")
    assert problems == [
        (
            "overlay/curriculum.yml:2:9: error: lessons[0].id: 'bb' is not in the base list, "
            "so it cannot be removed (did you mean 'b'?)"
        )
    ]


def test_remove_must_be_true() -> None:
    _, problems = merge(LESSONS, "lessons:\n  - id: b\n    remove: yes\n")
    assert problems == [
        (
            "overlay/curriculum.yml:3:13: error: lessons[0].remove: write 'remove: true' to "
            "remove the item, got 'yes'"
        )
    ]


def test_a_removed_item_takes_no_other_keys() -> None:
    _, problems = merge(LESSONS, "lessons:\n  - id: b\n    remove: true\n    title: X\n")
    assert problems == [
        "overlay/curriculum.yml:4:5: error: lessons[0]: an item with 'remove: true' takes only 'id'"
    ]


def test_after_an_unknown_id() -> None:
    _, problems = merge(LESSONS, "lessons:\n  - id: d\n    after: x\n    title: D\n")
    assert problems == [
        (
            "overlay/curriculum.yml:3:12: error: lessons[0].after: no item 'x' in the "
            "list; known: a, b, c"
        )
    ]


def test_after_and_before_together() -> None:
    _, problems = merge(LESSONS, "lessons:\n  - id: d\n    after: a\n    before: b\n")
    assert problems == [
        "overlay/curriculum.yml:4:5: error: lessons[0]: an item takes 'after' or 'before', not both"
    ]


def test_an_item_placed_next_to_itself() -> None:
    _, problems = merge(LESSONS, "lessons:\n  - id: a\n    after: a\n")
    assert problems == [
        (
            "overlay/curriculum.yml:3:12: error: lessons[0].after: an item cannot be "
            "placed next to itself"
        )
    ]


def test_an_anchor_that_is_not_an_id() -> None:
    _, problems = merge(LESSONS, "lessons:\n  - id: d\n    after: [a]\n")
    assert problems == [
        (
            "overlay/curriculum.yml:3:12: error: lessons[0].after: expected the id of "
            "another item of the list"
        )
    ]


def test_an_id_twice_in_the_overlay() -> None:
    _, problems = merge(LESSONS, "lessons:\n  - id: d\n    title: D\n  - id: d\n    title: E\n")
    assert problems == [
        "overlay/curriculum.yml:4:9: error: lessons[1].id: id 'd' appears twice (first on line 2)"
    ]


def test_an_item_without_id_in_a_list_merged_by_id() -> None:
    _, problems = merge(LESSONS, "lessons:\n  - id: b\n    remove: true\n  - title: Tanpa id\n")
    assert problems == [
        "overlay/curriculum.yml:4:5: error: lessons[1]: an item of a list merged by 'id' needs 'id'"
    ]


def test_remove_in_a_list_whose_base_items_have_no_id() -> None:
    _, problems = merge("steps:\n  - title: S\n", "steps:\n  - id: s\n    remove: true\n")
    assert problems == [
        (
            "overlay/curriculum.yml:3:5: error: steps[0].remove: 'remove' needs a "
            "base list of items "
            "with 'id'; without it, this list replaces the base list: leave out 'after', 'before' "
            "and 'remove'"
        )
    ]
