"""The YAML loader: YAML 1.2 core-schema values, positions, encodings and refusals."""

from __future__ import annotations

import math
import time
from pathlib import Path

import pytest

from generator.content import load as load_module
from generator.content.diagnostics import Position
from generator.content.load import MAX_BYTES, Document, load_file, load_text, resolve_plain

X = Path("x.yml")


def load(text: str) -> Document:
    doc, problems = load_text(text, X)
    assert problems == []
    assert doc is not None
    return doc


def problems_of(text: str) -> list[str]:
    _, problems = load_text(text, X)
    return [d.format() for d in problems]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # times, Indonesian words and dates stay text (YAML 1.1 would change them)
        ("13:00", "13:00"),
        ("08:30", "08:30"),
        ("1:30:00", "1:30:00"),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("n", "n"),
        ("Yes", "Yes"),
        ("NO", "NO"),
        ("ya", "ya"),
        ("tidak", "tidak"),
        ("2024-05-01", "2024-05-01"),
        ("2024-05-01 08:00:00", "2024-05-01 08:00:00"),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
        ("+0x1F", "+0x1F"),
        ("0x", "0x"),
        ("1.2.3", "1.2.3"),
        ("15.000.000", "15.000.000"),
        ("Rp 15.000", "Rp 15.000"),
        ("=", "="),
        (".", "."),
        ("1e", "1e"),
        ("nan", "nan"),
        ("inf", "inf"),
        # only true/false are booleans
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
        # null
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        # integers
        ("0", 0),
        ("42", 42),
        ("-7", -7),
        ("+7", 7),
        ("0777", 777),
        ("0o17", 15),
        ("0x1F", 31),
        ("0xff", 255),
        # floats
        ("2.5", 2.5),
        ("-2.5", -2.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("15.000", 15.0),
        ("1e3", 1000.0),
        ("1.5E-2", 0.015),
        (".inf", math.inf),
        ("+.inf", math.inf),
        ("-.Inf", -math.inf),
        (".INF", math.inf),
    ],
)
def test_core_schema_scalars(text: str, value: object) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)
    loaded = load(f"key: {text}\n").data["key"]
    assert loaded == value
    assert type(loaded) is type(value)


@pytest.mark.parametrize("text", [".nan", ".NaN", ".NAN"])
def test_nan(text: str) -> None:
    assert math.isnan(load(f"key: {text}\n").data["key"])


def test_a_number_too_long_for_python_stays_text() -> None:
    digits = "1" * 5000
    assert load(f"key: {digits}\n").data["key"] == digits


def test_quoted_and_block_scalars_are_always_text() -> None:
    doc = load("a: '13'\nb: \"true\"\nc: |\n  42\nd: >-\n  yes\ne: ''\n")
    assert doc.data == {"a": "13", "b": "true", "c": "42\n", "d": "yes", "e": ""}


def test_empty_value_is_none() -> None:
    assert load("a:\nb: ~\n").data == {"a": None, "b": None}


def test_keys_are_always_text() -> None:
    assert load("1: a\ntrue: b\n13:00: c\nnull: d\n").data == {
        "1": "a",
        "true": "b",
        "13:00": "c",
        "null": "d",
    }


def test_nested_structure() -> None:
    doc = load("a:\n  - b: 1\n    c: [x, 2]\n  - {d: e}\n")
    assert doc.data == {"a": [{"b": 1, "c": ["x", 2]}, {"d": "e"}]}


def test_number_texts_keep_the_source() -> None:
    doc = load("a: 15.000\nb: [1e3, '2']\nc: x\n")
    assert doc.number_texts == {("a",): "15.000", ("b", 0): "1e3"}


SAMPLE = """\
# komentar
title: Harga
quiz:
  questions:
    - type: single
      choices:
        - {text: A, correct: true}
        - text: B
steps: [10, 20]
"""


def test_positions_of_values() -> None:
    doc = load(SAMPLE)
    assert doc.at(()) == Position(X, 2, 1)
    assert doc.at(("title",)) == Position(X, 2, 8)
    assert doc.at(("quiz",)) == Position(X, 4, 3)
    assert doc.at(("quiz", "questions")) == Position(X, 5, 5)
    assert doc.at(("quiz", "questions", 0)) == Position(X, 5, 7)
    assert doc.at(("quiz", "questions", 0, "type")) == Position(X, 5, 13)
    assert doc.at(("quiz", "questions", 0, "choices", 0)) == Position(X, 7, 11)
    assert doc.at(("quiz", "questions", 0, "choices", 0, "correct")) == Position(X, 7, 30)
    assert doc.at(("quiz", "questions", 0, "choices", 1, "text")) == Position(X, 8, 17)
    assert doc.at(("steps",)) == Position(X, 9, 8)
    assert doc.at(("steps", 1)) == Position(X, 9, 13)


def test_positions_of_keys() -> None:
    doc = load(SAMPLE)
    assert doc.key_at(("title",)) == Position(X, 2, 1)
    assert doc.key_at(("quiz", "questions")) == Position(X, 4, 3)
    assert doc.key_at(("quiz", "questions", 0, "choices")) == Position(X, 6, 7)
    assert doc.key_at(("quiz", "questions", 0, "choices", 0, "correct")) == Position(X, 7, 21)
    # a list item has no key: its value's position
    assert doc.key_at(("steps", 1)) == Position(X, 9, 13)


def test_position_of_a_missing_path_is_its_nearest_ancestor() -> None:
    doc = load(SAMPLE)
    assert doc.at(("quiz", "questions", 0, "answer")) == Position(X, 5, 7)
    assert doc.at(("quiz", "questions", 9, "answer")) == Position(X, 5, 5)
    assert doc.at(("nowhere", "at", "all")) == Position(X, 2, 1)


def test_columns_count_characters_not_bytes() -> None:
    doc = load("judul: Pelatihan café\nkata: [é, ü, x]\n")
    assert doc.at(("kata", 2)) == Position(X, 2, 14)


def test_positions_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "m.yml"
    path.write_text("a: 1\n", encoding="utf-8")
    doc, problems = load_file(path)
    assert problems == []
    assert doc is not None
    assert doc.path == path
    assert doc.at(("a",)) == Position(path, 1, 4)


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "m.yml"
    path.write_bytes(b"\xef\xbb\xbftitle: Harga\nminutes: 60\n")
    doc, problems = load_file(path)
    assert problems == []
    assert doc is not None
    assert doc.data == {"title": "Harga", "minutes": 60}
    assert doc.at(("title",)) == Position(path, 1, 8)


def test_byte_order_mark_in_text_is_ignored() -> None:
    doc = load("\ufefftitle: Harga\n")
    assert doc.data == {"title": "Harga"}
    assert doc.key_at(("title",)) == Position(X, 1, 1)


def test_windows_line_ends() -> None:
    doc = load("title: Harga\r\nminutes: 60\r\n")
    assert doc.data == {"title": "Harga", "minutes": 60}
    assert doc.at(("minutes",)) == Position(X, 2, 10)


def test_utf16_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "m.yml"
    path.write_bytes("title: Harga\n".encode("utf-16"))
    doc, problems = load_file(path)
    assert doc is None
    assert [d.format() for d in problems] == ["m.yml:1:1: error: file is not UTF-8 (byte 0xff)"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.yml").mkdir()  # a folder cannot be read as a file
    doc, problems = load_file(tmp_path / "m.yml")
    assert doc is None
    assert [d.format() for d in problems] == ["m.yml:1:1: error: cannot read file: Is a directory"]


def test_size_limit_is_2_mb() -> None:
    assert MAX_BYTES == 2 * 1024 * 1024


def test_file_at_the_size_limit_is_accepted_one_byte_more_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load_module, "MAX_BYTES", 100)
    path = tmp_path / "m.yml"
    head = b"title: Harga\n"
    path.write_bytes(head + b"#" * (100 - len(head) - 1) + b"\n")
    doc, problems = load_file(path)
    assert problems == []
    assert doc is not None
    path.write_bytes(path.read_bytes() + b"\n")
    doc, problems = load_file(path)
    assert doc is None
    assert [d.message for d in problems] == ["file is 101 bytes; the limit is 2 MB (100 bytes)"]


def test_several_problems_in_one_file_are_all_reported_in_order() -> None:
    text = "a: 1\nb: !!int 2\na: 3\nc: !x y\n<<: {d: 1}\n"
    assert problems_of(text) == [
        "x.yml:2:4: error: tags such as '!!int' are not allowed",
        "x.yml:3:1: error: duplicate key 'a' (first defined on line 1)",
        "x.yml:4:4: error: tags such as '!x' are not allowed",
        "x.yml:5:1: error: merge keys (<<) are not allowed",
    ]


def test_duplicate_keys_keep_the_first_value() -> None:
    doc, problems = load_text("a: 1\na: 2\n", X)
    assert doc is not None
    assert doc.data == {"a": 1}
    assert len(problems) == 1


def test_nesting_just_within_the_limit_loads() -> None:
    doc = load("a: " + "[" * 49 + "]" * 49 + "\n")
    value = doc.data["a"]
    depth = 0
    while isinstance(value, list) and value:
        value = value[0]
        depth += 1
    assert value == []
    assert depth == 48


def test_deep_nesting_is_refused_quickly() -> None:
    started = time.perf_counter()
    found = problems_of("a: " + "[\n" * 100_000 + "]" * 100_000 + "\n")
    assert time.perf_counter() - started < 1
    assert found == ["x.yml:50:1: error: lists and mappings are nested more than 50 levels deep"]


def test_deep_nesting_on_one_line_is_refused_in_bounded_time() -> None:
    # PyYAML looks up to 1024 characters ahead for a possible key: the time does not
    # grow with the length of the line.
    started = time.perf_counter()
    found = problems_of("a: " + "[" * 500_000 + "]" * 500_000 + "\n")
    assert time.perf_counter() - started < 5
    assert found == ["x.yml:1:53: error: lists and mappings are nested more than 50 levels deep"]


def test_alias_before_any_anchor() -> None:
    assert problems_of("a: *nowhere\n") == [
        "x.yml:1:4: error: aliases (*name) are not allowed; write the value out"
    ]


def test_anchor_on_a_mapping() -> None:
    assert problems_of("a: &base\n  b: 1\n") == [
        "x.yml:1:4: error: anchors (&name) are not allowed; write values out"
    ]


def test_tag_on_the_whole_document() -> None:
    assert problems_of("--- !kurikulum\na: 1\n") == [
        "x.yml:1:5: error: tags such as '!kurikulum' are not allowed"
    ]


def test_non_specific_tag() -> None:
    assert problems_of("a: ! 12\n") == ["x.yml:1:4: error: tags such as '!' are not allowed"]


def test_unclosed_quote() -> None:
    assert problems_of("a: 'tidak selesai\n") == [
        "x.yml:2:1: error: YAML syntax: found unexpected end of stream"
    ]


def test_bad_indentation() -> None:
    assert problems_of("a:\n  b: 1\n c: 2\n") == [
        "x.yml:3:2: error: YAML syntax: expected <block end>, but found '<block mapping start>'"
    ]


def test_nul_character() -> None:
    assert problems_of("a: b\x00c\n") == ["x.yml:1:5: error: character U+0000 is not allowed"]


def test_explicit_document_markers_are_fine() -> None:
    assert load("---\na: 1\n...\n").data == {"a": 1}


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\x85", "\u2028"])
def test_positions_count_every_yaml_line_break(newline: str) -> None:
    assert problems_of(f"a: 1{newline}b: x\x07") == [
        "x.yml:2:5: error: character U+0007 is not allowed"
    ]
    assert problems_of(f"a: 1{newline}b: [x") == [
        "x.yml:2:6: error: YAML syntax: expected ',' or ']', but got '<stream end>'"
    ]
