"""Load YAML files into plain data plus the source position of every node.

PyYAML only composes the node tree here; turning nodes into Python values is
ours, so that:

* scalars follow YAML 1.2 core-schema rules (``13:00`` and ``yes`` stay text,
  only ``true``/``false`` are booleans, dates stay text);
* duplicate keys, anchors and aliases, tags, non-UTF-8 bytes, oversized files,
  deep nesting and a top level that is not a mapping are refused with a position;
* every key and value gets a :class:`Position`, stored by its path in the
  data (``("quiz", "questions", 2, "answer")``). Positions carry their own
  file, so data merged from several files keeps pointing at the right one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from generator.content.diagnostics import Diagnostic, Position, error

MAX_BYTES = 2 * 1024 * 1024
"""Largest YAML file accepted; curricula are text, far below this."""

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings accepted; curricula need fewer than ten levels."""

DataPath = tuple[str | int, ...]

_YAML_TAG = "tag:yaml.org,2002:"
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BOM = b"\xef\xbb\xbf"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


@dataclass
class Document:
    """One loaded YAML file: its data and where each part of it came from."""

    path: Path
    data: dict[str, Any]
    positions: dict[DataPath, Position] = field(default_factory=dict)
    key_positions: dict[DataPath, Position] = field(default_factory=dict)
    number_texts: dict[DataPath, str] = field(default_factory=dict)
    """The source text of every unquoted number, e.g. ``15.000`` read as 15.0."""

    def at(self, path: DataPath) -> Position:
        """Position of the value at ``path``, or of its nearest known ancestor."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return Position(self.path)

    def key_at(self, path: DataPath) -> Position:
        """Position of the key that names ``path``; its value's when it has no key."""
        return self.key_positions.get(path) or self.at(path)


class _RefusedError(Exception):
    """A construct that curricula never need; raised while composing."""

    def __init__(self, mark: Any, message: str) -> None:  # noqa: ANN401 - C and Python marks differ
        super().__init__(message)
        self.mark = mark
        self.message = message


class _Resolver(BaseResolver):
    """Resolves nothing implicitly: every plain scalar is composed as text."""


class _Composer(Composer):
    """Refuses anchors, aliases and deep nesting before they can grow into anything.

    Explicit tags (``!!int``, ``!!str``, ``!custom``) are noted in :attr:`tags`
    so that all of them are reported, each at its place.
    """

    def __init__(self) -> None:
        Composer.__init__(self)
        self.tags: list[tuple[Any, str]] = []
        self.depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]  # a mixin: Parser provides it
        if isinstance(event, yaml.AliasEvent):
            raise _RefusedError(
                event.start_mark, "aliases (*name) are not allowed; write the value out"
            )
        if getattr(event, "anchor", None) is not None:
            raise _RefusedError(
                event.start_mark, "anchors (&name) are not allowed; write values out"
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.tags.append((event.start_mark, tag))
        if self.depth >= MAX_DEPTH:
            raise _RefusedError(
                event.start_mark, f"lists and mappings are nested more than {MAX_DEPTH} levels deep"
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(Reader, Scanner, Parser, _Composer, _Resolver):
    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        _Resolver.__init__(self)


def load_file(path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """Read and load one YAML file.

    Returns:
        The document (None when the file cannot be used at all) and the
        problems found, in the order met.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(Position(path), f"cannot read file: {exc.strerror}")]
    if len(raw) > MAX_BYTES:
        message = f"file is {len(raw):,} bytes; the limit is 2 MB ({MAX_BYTES:,} bytes)"
        return None, [error(Position(path), message)]
    raw = raw.removeprefix(_BOM)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(raw, exc.start)
        return None, [
            error(Position(path, line, column), f"file is not UTF-8 (byte 0x{raw[exc.start]:02x})")
        ]
    return load_text(text, path)


def load_text(text: str, path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """Load YAML ``text`` that came from ``path`` (used in positions).

    Returns:
        The document (None when the text cannot be used at all) and the
        problems found, in the order of their positions.
    """
    text = text.removeprefix("\ufeff")
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except _RefusedError as exc:
        return None, [error(_mark_position(path, exc.mark), exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _mark_position(path, mark) if mark else Position(path)
        return None, [error(where, f"YAML syntax: {_syntax_problem(exc)}")]
    except ReaderError as exc:
        line, column = _text_line_col(text[: exc.position])
        name = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return None, [error(Position(path, line, column), f"character {name} is not allowed")]
    if root is None:
        return None, [error(Position(path), "file is empty; expected a mapping of keys")]
    if not isinstance(root, MappingNode):
        return None, [
            error(_mark_position(path, root.start_mark), "the top level must be a mapping of keys")
        ]
    builder = _Builder(path)
    data = builder.build(root, ())
    doc = Document(path, data, builder.positions, builder.key_positions, builder.number_texts)
    tags = [
        error(_mark_position(path, mark), f"tags such as '{_short_tag(tag)}' are not allowed")
        for mark, tag in loader.tags
    ]
    problems = sorted(tags + builder.problems, key=lambda d: (d.position.line, d.position.column))
    return doc, problems


def _syntax_problem(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's description of a syntax error, whole.

    Most problems stand alone ("mapping values are not allowed here"); a few
    only make sense after their context: "expected a single document in the
    stream, but found another document".
    """
    problem = exc.problem or exc.context or "invalid YAML"
    if exc.context and problem.startswith("but "):
        return f"{exc.context}, {problem}"
    return problem


def _short_tag(tag: str) -> str:
    """A tag as it is written: ``!!int`` rather than ``tag:yaml.org,2002:int``."""
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


class _Builder:
    """Turns composed nodes into plain data and positions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.positions: dict[DataPath, Position] = {}
        self.key_positions: dict[DataPath, Position] = {}
        self.number_texts: dict[DataPath, str] = {}
        self.problems: list[Diagnostic] = []

    def build(self, node: Node, path: DataPath) -> Any:  # noqa: ANN401 - YAML data is untyped
        self.positions[path] = _mark_position(self.path, node.start_mark)
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if not isinstance(node, MappingNode):  # only scalars, sequences and mappings exist
            raise TypeError(type(node).__name__)
        return self._mapping(node, path)

    def _mapping(self, node: MappingNode, path: DataPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            where = _mark_position(self.path, key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                self.problems.append(error(where, "a key must be plain text"))
                continue
            key = key_node.value
            if _SURROGATE.search(key):
                self.problems.append(
                    error(where, "a key holds a lone surrogate; remove its escape")
                )
                continue
            if key == "<<":
                self.problems.append(error(where, "merge keys (<<) are not allowed"))
                continue
            if key in result:
                first = self.key_positions[(*path, key)]
                self.problems.append(
                    error(where, f"duplicate key '{key}' (first defined on line {first.line})")
                )
                continue
            self.key_positions[(*path, key)] = where
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: ScalarNode, path: DataPath) -> Any:  # noqa: ANN401 - YAML data is untyped
        surrogate = _SURROGATE.search(node.value)
        if surrogate:  # "\ud800" in a quoted scalar: no file can hold it
            where = _mark_position(self.path, node.start_mark)
            code = f"U+{ord(surrogate.group(0)):04X}"
            message = f"a lone surrogate ({code}) cannot be written to any file; remove its escape"
            self.problems.append(error(where, message))
            return node.value.encode("utf-8", "replace").decode("utf-8")
        if node.style is not None:  # quoted or block scalar: always text
            return node.value
        value = resolve_plain(node.value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.number_texts[path] = node.value
        return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def resolve_plain(text: str) -> Any:  # noqa: ANN401 - the point is to pick the type
    """The value of an unquoted scalar under YAML 1.2 core-schema rules."""
    if _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    return _number(text)


def _number(text: str) -> int | float | str:
    """A core-schema number (``12``, ``0o14``, ``0xC``, ``1.5e3``, ``.inf``) or the text."""
    try:
        if _INT.fullmatch(text):
            return int(text)
        if _OCT.fullmatch(text) or _HEX.fullmatch(text):
            return int(text, 0)
    except ValueError:  # more digits than Python converts (4300); no curriculum needs them
        return text
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text) or _NAN.fullmatch(text):  # ".inf" -> float("inf")
        return float(text.lstrip("+").replace(".", "", 1))
    return text


def _mark_position(path: Path, mark: Any) -> Position:  # noqa: ANN401 - C and Python marks differ
    if mark is None:
        return Position(path)
    return Position(path, mark.line + 1, mark.column + 1)


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    return _text_line_col(raw[:offset].decode("utf-8", errors="replace"))


def _text_line_col(before: str) -> tuple[int, int]:
    """1-based line and column of the character that follows ``before``.

    Lines end where PyYAML ends them (CR LF, CR, LF, NEL, U+2028, U+2029), so
    these positions agree with those of syntax errors.
    """
    breaks = list(_LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, len(before) - start + 1
