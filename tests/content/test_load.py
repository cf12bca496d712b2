"""The YAML loader: YAML 1.2 core-schema values, positions, encodings and refusals."""

from __future__ import annotations

import importlib
import math
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.hostile import BILLION_LAUGHS

from generator.content import load as load_module
from generator.content import yaml_events
from generator.content.diagnostics import Position
from generator.content.load import MAX_BYTES, Document, load_file, load_text, resolve_plain

X = Path("x.yml")
LIBYAML = yaml_events.LIBYAML
PARSERS = ["libyaml", "python"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each test of this file on both parsers, except those that compare the two."""
    if "libyaml" not in metafunc.fixturenames:
        metafunc.parametrize("parser", PARSERS, indirect=True)


@pytest.fixture(autouse=True)
def parser(request, monkeypatch):
    """The parser a test runs on: libyaml, handing texts over as in production, or
    PyYAML's pure-Python parser alone, as when PyYAML has no libyaml.
    """
    name = getattr(request, "param", None)
    if name == "python":
        monkeypatch.setattr(yaml_events, "LIBYAML", None)
    elif name == "libyaml" and LIBYAML is None:
        pytest.skip("PyYAML was built without libyaml")
    return name


@pytest.fixture
def libyaml():
    """libyaml's parser, for tests that compare it with the pure-Python one (run once)."""
    if LIBYAML is None:
        pytest.skip("PyYAML was built without libyaml")
    return LIBYAML


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


@pytest.mark.parametrize("escape", ["\\UFFFFFFFF", "\\U00110000"])
def test_an_escape_beyond_unicode_is_a_diagnostic_not_a_crash(escape: str) -> None:
    """PyYAML's scanner fails with OverflowError or ValueError on these escapes."""
    assert problems_of(f'a: b\nc: "x {escape} y"\n') == [
        "x.yml:2:9: error: an escape names no character: Unicode ends at \\U0010FFFF"
    ]


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


def test_billion_laughs_is_refused_at_the_first_anchor_quickly() -> None:
    started = time.perf_counter()
    found = problems_of(BILLION_LAUGHS)
    assert time.perf_counter() - started < 0.5
    assert found == ["x.yml:3:4: error: anchors (&name) are not allowed; write values out"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in flow collections PyYAML ends an unquoted scalar at "?"; libyaml does not
        (
            "a: {text: Apa?, correct: true}\n",
            "1:14: error: YAML syntax: expected ',' or '}', but got '?'",
        ),
        ("a: [x ?y]\n", "1:7: error: YAML syntax: expected ',' or ']', but got '?'"),
        # PyYAML wants a space between a block scalar's indicator and a comment
        (
            "a: >-#\n  x\n",
            "1:6: error: YAML syntax: expected chomping or indentation indicators, but found '#'",
        ),
        # PyYAML refuses more tabs than libyaml
        ("a:\tb\n", "1:3: error: YAML syntax: found character '\\t' that cannot start any token"),
        ("a: b\tc\n", "1:5: error: YAML syntax: found character '\\t' that cannot start any token"),
        # PyYAML refuses more tag shapes than libyaml
        ("a: !...b!!str x\n", "1:5: error: YAML syntax: expected '!', but found '.'"),
        # libyaml refuses a surrogate escape; PyYAML reads it and we report it
        (
            'a: "\\ud800"\n',
            (
                "1:4: error: a lone surrogate (U+D800) cannot be written to any file; "
                "remove its escape"
            ),
        ),
    ],
)
def test_texts_that_libyaml_reads_otherwise_get_the_pure_python_answer(text, expected) -> None:
    assert problems_of(text) == [f"x.yml:{expected}"]


def test_a_byte_order_mark_inside_the_text_is_a_character() -> None:
    # libyaml would skip one at the start of any line
    assert load("a: 1\n\ufeffb: 2\n").data == {"a": 1, "\ufeffb": 2}
    assert problems_of("a: 1\n\ufeff\nb: 1\n") == [
        "x.yml:3:1: error: YAML syntax: could not find expected ':'"
    ]
    assert load("\ufeff\ufeffa: 1\n").at(("a",)) == Position(X, 1, 4)


def test_a_lone_surrogate_in_the_text_is_not_allowed() -> None:
    # libyaml cannot be given one at all
    assert problems_of("a: \ud800\n") == ["x.yml:1:4: error: character U+D800 is not allowed"]


def test_positions_of_empty_values_at_the_very_end() -> None:
    # libyaml ends a last line that has no line break, which moves these positions
    doc = load("a: 1\n? b")
    assert doc.data == {"a": 1, "b": None}
    assert doc.at(("b",)) == Position(X, 2, 4)


def test_positions_of_empty_values_in_flow_collections() -> None:
    doc = load("a: {b: }\nc: {? : x}\n")
    assert doc.data == {"a": {"b": None}, "c": {"": "x"}}
    assert doc.at(("a", "b")) == Position(X, 1, 7)
    assert doc.key_at(("c", "")) == Position(X, 2, 6)


# -- libyaml and the pure-Python parser, side by side ------------------------------------

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "content").rglob("*.yml")) + sorted(
    (ROOT / "tests/fixtures").rglob("*.yml")
)

TRICKY = [
    "",
    "# only a comment\n",
    "---\n",
    "- a\n",
    "[a, b]\n",
    "plain text\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n...\n---\n",
    "a: 1\nb: !!int 2\na: 3\nc: !x y\n<<: {d: 1}\n",
    "a: *nowhere\n",
    "a: &base\n  b: 1\n",
    "--- !kurikulum\na: 1\n",
    "a: ! 12\n",
    "a: 'tidak selesai\n",
    "a:\n  b: 1\n c: 2\n",
    "a: b\x00c\n",
    "a: 1\nb: x\x07",
    "a: 1\r\nb: [x",
    "a: 1\x85b: [x\x85",
    "a: 1\u2028b: x\u2029",
    "a: b\rc: d\r",
    "a: b\r\nc: |\r\n  x\r\n  y\r\n",
    'a: "\\ud800"\n',
    '"\\udc00": 1\n',
    "? [a]\n: b\n",
    "{a: 1}: b\n",
    "? |\n  block key\n: v\n",
    "a: 1\na: 2\n",
    "a:\n  b: 1\n  b: {c: 1, c: 2}\n",
    "a: [{b: 1, b: 2}]\n",
    "x: {a: 1, a: 2}\nx: {b: 1, b: 2}\n",
    "%YAML 1.1\n---\na: 1\n",
    "%YAML 1.2\n---\na: 1\n",
    "%YAML 1.3\n---\na: 1\n",
    "%YAML 2.0\n---\na: 1\n",
    "%TAG !e! tag:x,2000:\n---\na: !e!y 1\n",
    "%FOO bar\n---\na: 1\n",
    "a: !<tag:x,2000:y> 1\n",
    'a: "\\x41\\N\\_\\L\\P\\/\\e\\ \\a\\b\\v\\f\\0"\n',
    'a: "x\\\n  y"\n',
    "a: 'x\n\n  y'\n",
    "a: >\n  x\n\n  y\n",
    "a: >+\n  x\n\n",
    "a: |2-\n    x\n",
    "a: |#\n  x\n",
    "a: | # fine\n  x\n",
    "a: b # comment\nc: d#e\n",
    "a: multi\n  line\n  # not a comment? it is\n  plain\n",
    "a: [http://x, a:b, {c: d}]\n",
    'a: {"b":c}\n',
    "a: {b, c: d}\n",
    "a: [b: c, d]\n",
    "a: [b, ]\n",
    "a: {?\n}\n",
    "a: {? b: c}\n",
    "a: [? b : c]\n",
    "a: {b: c?}\n",
    "a: [?b]\n",
    "q: What is it?\nr: [Why?]\n",
    "a:\n- b\n- c:\n  - d\n",
    "a:\n  -\n  - b\n",
    "? a\n? b\n",
    "?\n",
    "a:",
    "a: 1\n? b",
    "a: [1, 2",
    "a: 1\n\ufeffb: 2\n",
    "a: 1\n\ufeff\nb: 1\n",
    "\ufeff\ufeffa: 1\n",
    "a: [\ufeffb, \ufeffc]\n",
    "a: \ud800\n",
    "a:\tb\n",
    "a: 'x\ty'\n",
    "# \t tab in a comment\na: 1\n",
    "x" * 1030 + ": 1\n",
    "é" * 600 + ": 1\n",
    "a: " + "x" * 1030 + "\n",
    "a: 😀é\u3000\u00a0b\n",
    "a: " + "[" * 49 + "]" * 49 + "\n",
    "a: " + "[" * 50 + "]" * 50 + "\n",
    "a: " + "[\n" * 100 + "]" * 100 + "\n",
    "a: " + "{b: " * 60 + "}" * 60 + "\n",
    "a: 15.000\nb: [1e3, '2', 0x1F, 0o17, .inf, -.5, +7, .nan]\n",
    BILLION_LAUGHS,
]


def outcome(result):
    """A loader's answer in comparable form; ``repr`` tells 1, 1.0 and True apart, and nan."""
    doc, problems = result
    if doc is None:
        return None, problems
    return (doc.path, repr(doc.data), doc.positions, doc.key_positions, doc.number_texts), problems


def _not_asked(text: str) -> None:
    raise AssertionError(f"the pure-Python parser was asked to read {text[:60]!r}")


def libyaml_alone(load, *args):
    """``load(*args)`` answered by libyaml alone: the pure-Python parser may not be asked."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_events, "PythonEvents", _not_asked)
        return outcome(load(*args))


def python_alone(load, *args):
    """``load(*args)`` as when PyYAML has no libyaml."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_events, "LIBYAML", None)
        return outcome(load(*args))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_libyaml_alone_reads_every_bundled_and_fixture_file_as_python_does(libyaml, path) -> None:
    fast = libyaml_alone(load_file, path)
    assert fast == python_alone(load_file, path)
    assert fast[0] is not None
    assert fast[1] == []


def test_the_corpus_is_realistic() -> None:
    assert len([p for p in CORPUS if "content" in p.parts]) >= 20
    assert len([p for p in CORPUS if "fixtures" in p.parts]) >= 10


@pytest.mark.parametrize("text", TRICKY, ids=range(len(TRICKY)))
def test_both_parsers_give_the_same_answer(libyaml, text) -> None:
    assert outcome(load_text(text, X)) == python_alone(load_text, text, X)


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE,
        "a: '13'\nb: \"true\"\nc: |\n  42\nd: >-\n  yes\ne: ''\nf:\ng: ~\n",
        "a: 15.000\nb: [1e3, '2', 0x1F, 0o17, .inf, -.5, +7, .nan, 13:00, yes]\n",
        "judul: Pelatihan café\nkata: [é, ü, x]\n",
        "title: Harga\r\nminutes: 60\r\n",
        "? a\n: b\n'c': \"d\"\n",
        "a:\n- b\n- c:\n  - d\n",
        "q: What is it?\nr: [Why, not]\ns: |\n  block?\n",
    ],
)
def test_libyaml_alone_answers_for_clean_documents(libyaml, text) -> None:
    assert libyaml_alone(load_text, text, X) == python_alone(load_text, text, X)


def test_pyyaml_without_libyaml_reads_everything_in_python(libyaml, monkeypatch) -> None:
    try:
        monkeypatch.setattr(yaml, "__with_libyaml__", False)
        assert importlib.reload(yaml_events).LIBYAML is None
        monkeypatch.undo()
        monkeypatch.setitem(sys.modules, "yaml._yaml", None)  # the import fails
        assert importlib.reload(yaml_events).LIBYAML is None
        assert load(SAMPLE).at(("steps", 1)) == Position(X, 9, 13)
    finally:
        monkeypatch.undo()
        importlib.reload(yaml_events)
    assert yaml_events.LIBYAML is libyaml


# Pieces that stress where libyaml and PyYAML part ways: flow collections, "?", ":",
# tabs, comments, block scalar headers, line breaks, tags, anchors, indentation.
PIECES = [*"abc :-?[]{},#&*!|>'\"%@`\\\n\t", "\r\n", "\r", "\x85", "\u2028", "\ufeff", "é"]
PIECES += ["--- ", "...", "\n- ", ": ", "? ", "<<", "!!str ", "1", "0x1", ".5", "~", "true"]
PIECES += ["&a ", "*a ", "!x ", "%YAML 1.1\n", "|2-\n", ">+\n", "\n  ", "\n    ", '"\\ud800"']
SHORT_FILES = [p.read_text(encoding="utf-8") for p in CORPUS if p.stat().st_size < 4000]

DIFFERENTIAL = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def yaml_like(draw: st.DrawFn) -> str:
    """A random text of YAML pieces, or a piece of a real file with pieces put in and cut out."""
    pieces = st.sampled_from(PIECES)
    if draw(st.booleans()):
        text = "".join(draw(st.lists(pieces, max_size=30)))
    else:
        lines = draw(st.sampled_from(SHORT_FILES)).splitlines(keepends=True)
        start = draw(st.integers(0, len(lines) - 1))
        text = "".join(lines[start : start + 20])
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(text)))
            cut = draw(st.sampled_from([0, 0, 1, 3]))
            text = text[:at] + "".join(draw(st.lists(pieces, max_size=3))) + text[at + cut :]
    return text + draw(st.sampled_from(["\n", "\n", ""]))


@DIFFERENTIAL
@given(yaml_like())
def test_both_parsers_agree_on_random_yaml(libyaml, text) -> None:
    assert outcome(load_text(text, X)) == python_alone(load_text, text, X)


@DIFFERENTIAL
@given(st.text(max_size=80).map(lambda t: t + "\n"))
def test_both_parsers_agree_on_any_text(libyaml, text) -> None:
    assert outcome(load_text(text, X)) == python_alone(load_text, text, X)
