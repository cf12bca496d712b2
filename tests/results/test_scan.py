"""Finding codes in pasted text: the shared vectors, and what the search tolerates."""

from __future__ import annotations

from typing import Any

import pytest
from support.results import case_id, vectors

from generator.results.code import decode
from generator.results.scan import Found, scan


def as_json(found: Found) -> dict[str, Any]:
    return {
        "line": found.line,
        "column": found.column,
        "text": found.text,
        "results": found.results.as_json() if found.results else None,
        "reason": found.reason,
        "name": found.name,
    }


@pytest.mark.parametrize("case", vectors("scan"), ids=case_id)
def test_scanning_finds_what_the_vector_lists(case: dict[str, Any]) -> None:
    assert [as_json(found) for found in scan(case["text"])] == case["found"]


CODE = str(vectors("encode")[0]["code"])


@pytest.mark.parametrize(
    "text",
    [
        CODE.lower(),
        f"“{CODE}”",
        f"*{CODE}*",
        f"kode:{CODE}.",
        f"{CODE[:20]}\r\n{CODE[20:]}",
        f"{CODE[:10]}\u00a0{CODE[10:30]}\u200b{CODE[30:]}",
        f"{CODE[:25]}\u00ad{CODE[25:]}",
        f"12/03/25 10.15 - Siti 🌾: {CODE}\n12/03/25 10.16 - Budi: ok",
    ],
    ids=[
        "lower case",
        "in quotes",
        "between asterisks",
        "glued to punctuation",
        "wrapped with CRLF",
        "no-break and zero-width spaces",
        "a soft hyphen",
        "a chat line with an emoji in the name",
    ],
)
def test_a_code_survives_what_text_apps_do_to_it(text: str) -> None:
    found = scan(text)
    assert [f.results for f in found] == [decode(CODE)]


def test_a_wrapped_code_is_joined_only_when_its_check_matches() -> None:
    found = scan(f"{CODE[:30]}\n{CODE[31:]}")  # a symbol lost at the wrap
    assert [(f.reason, f.text) for f in found] == [("incomplete", CODE[:30])]


def test_a_correct_code_is_not_searched_again_for_a_start() -> None:
    assert len(scan(CODE + " " + CODE)) == 2
    assert [f.line for f in scan(f"{CODE}\n\n{CODE}")] == [1, 3]
