"""docs/format.md documents exactly the keys of the JSON Schemas, and its examples are valid.

The convention of docs/format.md that these tests read:

- every key table is introduced by a marker line naming the schema objects it
  documents, ``<!-- keys: curriculum -->`` (the top level of
  ``schema/curriculum.schema.json``) or ``<!-- keys: module/Step -->`` (a
  definition under ``$defs``); a table may name several objects
  (``<!-- keys: curriculum/Resource module/Resource -->``), and an object's keys
  may be spread over several tables (the keys every question has, then each type's);
- the marker is followed directly by a table whose header is
  ``| Key | Type | Required | Default | Meaning |``, one key per row, written in
  backticks in the first cell, ``yes`` or ``no`` in the third;
- each question type has a heading ``### `<type>``` followed by the key table of
  its definition;
- the plugin options table is introduced by ``<!-- options: berdaya -->``;
- an example introduced by ``<!-- example: curriculum -->`` or
  ``<!-- example: module -->`` (``... complete -->`` for a whole file) is a YAML
  block that satisfies the schema (a partial example may leave out the required
  top-level keys).

Pure text and JSON: no build, no MkDocs.
"""

from __future__ import annotations

import ast
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.content.load import load_text

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "format.md"
SCHEMAS = ("curriculum", "module")
KEY_HEADER = ["Key", "Type", "Required", "Default", "Meaning"]
OPTION_HEADER = ["Option", "Type", "Default", "Meaning"]

_KEYS_MARKER = re.compile(r"^<!-- keys: (?P<names>[\w/ ]+) -->$")
_OPTIONS_MARKER = re.compile(r"^<!-- options: berdaya -->$")
_EXAMPLE = re.compile(
    r"^<!-- example: (?P<kind>curriculum|module)(?P<complete> complete)? -->\n"
    r"```yaml\n(?P<text>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)
_KEY_CELL = re.compile(r"^`(?P<key>[^`\s]+)`$")
_HEADING = re.compile(r"^(?P<level>#{1,6}) (?P<title>.+)$")


@dataclass(frozen=True)
class Row:
    key: str
    cells: list[str]
    line: int


@dataclass(frozen=True)
class Table:
    names: tuple[str, ...]
    rows: list[Row]
    line: int
    """Line number (from 1) of the marker."""


@functools.cache
def lines() -> list[str]:
    return DOC.read_text(encoding="utf-8").splitlines()


def cells(line: str) -> list[str]:
    assert line.startswith("|"), line
    assert line.endswith("|"), line
    return [cell.strip() for cell in line[1:-1].split("|")]


def table_after(text: list[str], start: int, header: list[str]) -> list[Row]:
    """The rows of the table that begins on line index ``start``, checked against ``header``."""
    assert cells(text[start]) == header, f"line {start + 1}: expected the header {header}"
    assert set(cells(text[start + 1])) == {"---"}, f"line {start + 2}: expected |---|"
    rows = []
    index = start + 2
    while index < len(text) and text[index].startswith("|"):
        row = cells(text[index])
        assert len(row) == len(header), f"line {index + 1}: {len(row)} cells, not {len(header)}"
        match = _KEY_CELL.match(row[0])
        assert match, f"line {index + 1}: the first cell is not one key in backticks: {row[0]}"
        rows.append(Row(match.group("key"), row, index + 1))
        index += 1
    assert rows, f"line {start + 1}: a key table without rows"
    return rows


def key_tables() -> list[Table]:
    text = lines()
    tables = []
    for index, line in enumerate(text):
        match = _KEYS_MARKER.match(line)
        if match:
            names = tuple(match.group("names").split())
            tables.append(Table(names, table_after(text, index + 1, KEY_HEADER), index + 1))
    return tables


@functools.cache
def load_schemas() -> dict[str, dict[str, Any]]:
    found = {}
    for kind in SCHEMAS:
        path = ROOT / "schema" / f"{kind}.schema.json"
        found[kind] = json.loads(path.read_text(encoding="utf-8"))
    return found


def schema_objects() -> dict[str, dict[str, Any]]:
    """Every object with properties: ``curriculum``, ``module`` and ``<kind>/<definition>``."""
    objects = {}
    for kind, schema in load_schemas().items():
        objects[kind] = schema
        for name, definition in schema.get("$defs", {}).items():
            if "properties" in definition:
                objects[f"{kind}/{name}"] = definition
    return objects


def question_types() -> dict[str, str]:
    """The ``type`` discriminator of the module schema: question type -> definition name."""
    found: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            discriminator = node.get("discriminator")
            if isinstance(discriminator, dict) and discriminator.get("propertyName") == "type":
                for value, ref in discriminator["mapping"].items():
                    found[value] = ref.rsplit("/", 1)[-1]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_schemas()["module"])
    return found


def documented() -> dict[str, set[str]]:
    """The keys the doc's tables give each schema object."""
    keys: dict[str, set[str]] = {}
    for table in key_tables():
        for name in table.names:
            keys.setdefault(name, set()).update(row.key for row in table.rows)
    return keys


# The tests read the files they check: a sanity check that there is something to read.


def test_the_doc_has_key_tables_for_both_file_kinds() -> None:
    names = {name for table in key_tables() for name in table.names}
    assert {"curriculum", "module"} <= names
    assert len(schema_objects()) > 10
    assert len(question_types()) == 7


def test_every_marker_is_well_formed() -> None:
    """A mistyped marker would hide its table or example from the checks."""
    markers = (_KEYS_MARKER, _OPTIONS_MARKER, re.compile(r"^<!-- example: \w+( complete)? -->$"))
    for number, line in enumerate(lines(), start=1):
        if line.startswith("<!--"):
            assert any(m.match(line) for m in markers), f"line {number}: unknown marker {line}"
    marked = sum(line.startswith("<!-- example:") for line in lines())
    assert marked == len(examples()), "an example marker is not followed by a yaml block"


def test_every_key_table_is_marked() -> None:
    """A key table without a marker would escape the checks below."""
    text = lines()
    for index, line in enumerate(text):
        if line.startswith("|") and cells(line) == KEY_HEADER:
            marker = text[index - 1] if index else ""
            assert _KEYS_MARKER.match(marker), f"line {index + 1}: a key table without a marker"


@pytest.mark.parametrize("name", sorted(schema_objects()))
def test_every_schema_key_is_documented(name: str) -> None:
    properties = set(schema_objects()[name]["properties"])
    missing = properties - documented().get(name, set())
    assert not missing, f"{name}: keys of the schema missing from docs/format.md: {missing}"


def test_every_documented_key_is_in_the_schema() -> None:
    objects = schema_objects()
    for table in key_tables():
        for name in table.names:
            assert name in objects, f"line {table.line}: no schema object '{name}'"
            properties = set(objects[name]["properties"])
            for row in table.rows:
                assert row.key in properties, (
                    f"line {row.line}: '{row.key}' is not a key of {name} in the schema"
                )


def test_no_key_is_documented_twice_for_an_object() -> None:
    seen: dict[tuple[str, str], int] = {}
    for table in key_tables():
        for name in table.names:
            for row in table.rows:
                first = seen.setdefault((name, row.key), row.line)
                assert first == row.line, f"line {row.line}: {name}.{row.key} is also on {first}"


def test_the_required_column_agrees_with_the_schema() -> None:
    objects = schema_objects()
    for table in key_tables():
        for row in table.rows:
            said = row.cells[2]
            assert said in {"yes", "no"}, f"line {row.line}: Required is '{said}'"
            for name in table.names:
                required = row.key in objects[name].get("required", [])
                assert (said == "yes") == required, (
                    f"line {row.line}: {name}.{row.key} is "
                    f"{'required' if required else 'optional'} in the schema"
                )


def test_every_question_type_has_its_section() -> None:
    text = lines()
    tables = {table.line: table for table in key_tables()}
    types = question_types()
    headed: set[str] = set()
    for index, line in enumerate(text):
        heading = _HEADING.match(line)
        title = heading.group("title") if heading else ""
        match = re.fullmatch(r"`(?P<type>[a-z-]+)`", title)
        if heading is None or heading.group("level") != "###" or match is None:
            continue
        name = match.group("type")
        assert name in types, f"line {index + 1}: '{name}' is not a question type of the schema"
        headed.add(name)
        following = min(number for number in tables if number > index + 1)
        assert tables[following].names == (f"module/{types[name]}",), (
            f"line {index + 1}: the first key table after '{name}' is not {types[name]}'s"
        )
    assert headed == set(types), f"question types without a section: {set(types) - headed}"


def test_the_plugin_options_are_documented() -> None:
    text = lines()
    starts = [index for index, line in enumerate(text) if _OPTIONS_MARKER.match(line)]
    assert len(starts) == 1, "expected one '<!-- options: berdaya -->' table"
    options = {row.key for row in table_after(text, starts[0] + 1, OPTION_HEADER)}
    assert options == plugin_options()


def plugin_options() -> set[str]:
    """The options of ``BerdayaConfig`` in generator/plugin.py, read without importing MkDocs."""
    tree = ast.parse((ROOT / "generator" / "plugin.py").read_text(encoding="utf-8"))
    config = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name == "BerdayaConfig"
    )
    return {
        target.id
        for node in config.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


@dataclass(frozen=True)
class Example:
    line: int
    kind: str
    complete: bool
    text: str


def examples() -> list[Example]:
    """Every marked example, with the line of its marker."""
    text = DOC.read_text(encoding="utf-8")
    return [
        Example(
            text.count("\n", 0, match.start()) + 1,
            match.group("kind"),
            match.group("complete") is not None,
            match.group("text"),
        )
        for match in _EXAMPLE.finditer(text)
    ]


def test_there_are_whole_file_examples() -> None:
    assert {example.kind for example in examples() if example.complete} == set(SCHEMAS)


@pytest.mark.parametrize("example", examples(), ids=lambda example: f"line-{example.line}")
def test_examples_satisfy_the_schema(example: Example) -> None:
    line = example.line
    doc, problems = load_text(example.text, DOC)
    assert problems == [], f"example on line {line}: {[p.message for p in problems]}"
    assert doc is not None
    schema = dict(load_schemas()[example.kind])
    if not example.complete:
        schema.pop("required", None)
    errors = [
        f"{list(error.absolute_path)}: {error.message}"
        for error in Draft202012Validator(schema).iter_errors(doc.data)
    ]
    assert errors == [], f"example on line {line}"
