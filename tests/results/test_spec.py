"""The spec of a curriculum: built from the content, and the same as what the pages carry."""

from __future__ import annotations

from pathlib import Path

from support.helpers import FIXTURES
from support.results import RESULTS, tally_spec

from generator.content.check import check
from generator.content.prepost import send_data as page_send_data
from generator.content.prepost import tally_data
from generator.results.code import curriculum_hash, variant_hash
from generator.results.spec import curriculum_spec, results_spec, send_data

ROOT = Path(__file__).resolve().parents[2]


def test_the_spec_of_the_fixture_is_the_spec_of_the_vectors() -> None:
    project, diagnostics = check(RESULTS)
    assert diagnostics == []
    assert curriculum_spec(project.curricula[0]) == tally_spec()


def test_specs_and_send_data_are_those_the_pages_carry() -> None:
    """data-tally and data-send of every curriculum: the pages and the tally hash the same."""
    compared = 0
    for root in (ROOT / "content", FIXTURES / "mini", FIXTURES / "guide", FIXTURES / "single"):
        project, _ = check(root)
        for curriculum in project.curricula:
            spec = curriculum_spec(curriculum)
            assert spec == tally_data(curriculum), curriculum.id
            assert send_data(spec) == page_send_data(curriculum), curriculum.id
            compared += 1
    assert compared >= 10


def test_without_tests_the_spec_has_none_and_modules_without_a_quiz_are_left_out() -> None:
    project, _ = check(FIXTURES / "mini")
    curriculum = project.curricula[0]
    spec = results_spec(curriculum, None)
    assert spec["tests"] is None
    assert [m["id"] for m in spec["modules"]] == [
        m.id for m in curriculum.modules if m.model.quiz is not None
    ]
    assert send_data(spec)["tests"] is None


def test_hashes_tell_curricula_and_their_editions_apart() -> None:
    assert curriculum_hash("kedai") != curriculum_hash("kedai-kopi")
    kedai = variant_hash("1.2", ["modal", "catatan", "harga"], 5, 5)
    assert kedai != variant_hash("1.1", ["modal", "catatan", "harga"], 5, 5)
    assert kedai != variant_hash("1.2", ["modal", "harga", "catatan"], 5, 5)
    assert kedai != variant_hash("1.2", ["modal", "catatan", "harga"], 5, 6)
    assert len(curriculum_hash("x")) == 3
    assert len(kedai) == 2
