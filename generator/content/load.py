"""Load YAML files into plain data plus the source position of every node.

PyYAML only parses the text into events here; turning events into Python
values is ours, so that:

* scalars follow YAML 1.2 core-schema rules (``13:00`` and ``yes`` stay text,
  only ``true``/``false`` are booleans, dates stay text);
* duplicate keys, anchors and aliases, tags, non-UTF-8 bytes, oversized files,
  deep nesting and a top level that is not a mapping are refused with a position;
* every key and value gets a :class:`Position`, stored by its path in the
  data (``("quiz", "questions", 2, "answer")``). Positions carry their own
  file, so data merged from several files keeps pointing at the right one.

Events come from libyaml when PyYAML was built with it, and otherwise from
PyYAML's pure-Python parser, several times slower (see
:mod:`generator.content.yaml_events` and ``benchmarks/load_speed.py``); one
:class:`_Walker` turns either into data. The pure-Python parser remains the
reference: libyaml words syntax errors otherwise and reads a few texts
otherwise, so it answers only for a clean document. Any other text (a syntax
error, a refusal, a problem, an empty file, a top level that is not a mapping,
a text libyaml might read otherwise) is read again by the pure-Python parser,
whose answer is the one given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.reader import ReaderError

from generator.content import yaml_events
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
_SURROGATE = re.compile("[\ud800-\udfff]")
_BEYOND_UNICODE = "an escape names no character: Unicode ends at \\U0010FFFF"


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


Kept = dict[Path, tuple[bytes, Document]]
"""Documents loaded cleanly, with the bytes they were loaded from, by file."""
_KEPT: ContextVar[Kept | None] = ContextVar("berdaya_kept_documents", default=None)


@contextmanager
def reusing(kept: Kept) -> Iterator[None]:
    """In the block, a file with the bytes of its last clean load in ``kept`` is not parsed again.

    For ``berdaya serve``, whose rebuilds load every file though one was saved.
    Documents are never changed after they are loaded (overlays merge copies).
    """
    token = _KEPT.set(kept)
    try:
        yield
    finally:
        _KEPT.reset(token)


class _RefusedError(Exception):
    """A construct that curricula never need; raised while reading events."""

    def __init__(self, mark: Any, message: str) -> None:  # noqa: ANN401 - C and Python marks differ
        super().__init__(message)
        self.mark = mark
        self.message = message


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
    kept = _KEPT.get()
    if kept is not None and path in kept and kept[path][0] == raw:
        return kept[path][1], []
    doc, problems = _load_bytes(raw, path)
    if kept is not None and doc is not None and not problems:
        kept[path] = (raw, doc)
    return doc, problems


def _load_bytes(raw: bytes, path: Path) -> tuple[Document | None, list[Diagnostic]]:
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
    return _load_with_libyaml(text, path) or _load_with_python(text, path)


def _load_with_libyaml(text: str, path: Path) -> tuple[Document, list[Diagnostic]] | None:
    """Load ``text`` with libyaml; None when the pure-Python parser must answer instead.

    libyaml answers only for a clean document: a mapping at the top, no
    problem found. Anything else is read again by the pure-Python parser, so
    that every diagnostic is worded and placed as PyYAML does it.
    """
    parser = yaml_events.LIBYAML
    if parser is None or not yaml_events.libyaml_reads_alike(text):
        return None
    events = yaml_events.LibyamlEvents(text, parser)
    walker = _Walker(path, events)
    try:
        root = walker.walk()
    except (_RefusedError, yaml_events.ReadsOtherwiseError, yaml.YAMLError):
        return None
    finally:
        events.dispose()
    if walker.problems() or not isinstance(root, MappingStartEvent):
        return None
    return walker.document(), []


def _load_with_python(text: str, path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """Load ``text`` with PyYAML's pure-Python parser, the reference for every answer."""
    try:
        events = yaml_events.PythonEvents(text)
        walker = _Walker(path, events)
        try:
            root = walker.walk()
        except (ValueError, OverflowError) as exc:  # PyYAML's chr() of "\UFFFFFFFF"
            raise _RefusedError(events.get_mark(), _BEYOND_UNICODE) from exc
        finally:
            events.dispose()
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
    if not isinstance(root, MappingStartEvent):
        return None, [
            error(_mark_position(path, root.start_mark), "the top level must be a mapping of keys")
        ]
    return walker.document(), walker.problems()


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


class _Walker:
    """Turns the events of one YAML stream into plain data, positions and problems.

    Nodes inside a refused key or a refused key's value are walked with the
    path None: their events are still checked (anchors, tags, depth), but
    nothing of them is kept or reported.
    """

    def __init__(self, path: Path, events: yaml_events.Events) -> None:
        self.path = path
        self._events = events
        self.data: Any = None
        self.positions: dict[DataPath, Position] = {}
        self.key_positions: dict[DataPath, Position] = {}
        self.number_texts: dict[DataPath, str] = {}
        self.tags: list[Diagnostic] = []
        self.found: list[Diagnostic] = []

    def walk(self) -> Event | None:
        """Read the whole stream: one document, or none.

        Returns:
            The first event of the top-level node, None for an empty stream.

        Raises:
            _RefusedError: at an anchor, an alias or too deep a nesting.
            ComposerError: when the stream holds a second document.
        """
        self._next()  # the start of the stream
        if isinstance(self._next(), StreamEndEvent):
            return None
        root = self._next()  # the document's start was the event before
        self.data = self._node(root, (), 0)
        self._next()  # the end of the document
        after = self._next()
        if not isinstance(after, StreamEndEvent):
            raise ComposerError(
                "expected a single document in the stream",
                root.start_mark,  # type: ignore[arg-type]  # C and Python marks differ
                "but found another document",
                after.start_mark,  # type: ignore[arg-type]
            )
        return root

    def document(self) -> Document:
        """The document walked (its top level is a mapping)."""
        return Document(self.path, self.data, self.positions, self.key_positions, self.number_texts)

    def problems(self) -> list[Diagnostic]:
        """Tags and the problems found in the data, in the order of their positions."""
        return sorted(self.tags + self.found, key=lambda d: (d.position.line, d.position.column))

    def _next(self) -> Event:
        event = self._events.get_event()
        if event is None:  # never: nothing is read past the end of the stream
            raise yaml.YAMLError("read past the end of the YAML stream")
        return event

    def _at(self, event: Event) -> Position:
        return _mark_position(self.path, event.start_mark)

    def _node(self, event: Event, path: DataPath | None, depth: int) -> Any:  # noqa: ANN401 - YAML data is untyped
        self._admit(event, depth)
        if path is not None:
            self.positions[path] = self._at(event)
        if isinstance(event, ScalarEvent):
            return self._scalar(event, path)
        if isinstance(event, SequenceStartEvent):
            return self._sequence(path, depth)
        return self._mapping(path, depth)

    def _admit(self, event: Event, depth: int) -> None:
        """Refuse aliases, anchors and deep nesting; note tags."""
        if isinstance(event, AliasEvent):
            raise _RefusedError(
                event.start_mark, "aliases (*name) are not allowed; write the value out"
            )
        if not isinstance(event, (ScalarEvent, CollectionStartEvent)):  # the parser's duty
            raise TypeError(f"a node cannot start with {type(event).__name__}")
        if event.anchor is not None:
            raise _RefusedError(
                event.start_mark, "anchors (&name) are not allowed; write values out"
            )
        if event.tag is not None:
            message = f"tags such as '{_short_tag(event.tag)}' are not allowed"
            self.tags.append(error(self._at(event), message))
        if depth >= MAX_DEPTH:
            raise _RefusedError(
                event.start_mark, f"lists and mappings are nested more than {MAX_DEPTH} levels deep"
            )

    def _sequence(self, path: DataPath | None, depth: int) -> list[Any]:
        items: list[Any] = []
        while not isinstance(event := self._next(), SequenceEndEvent):
            item_path = None if path is None else (*path, len(items))
            items.append(self._node(event, item_path, depth + 1))
        return items

    def _mapping(self, path: DataPath | None, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not isinstance(event := self._next(), MappingEndEvent):
            self._node(event, None, depth + 1)  # the key: checked here, kept by _key
            key = None if path is None else self._key(event, path, result)
            if key is None or path is None:
                self._node(self._next(), None, depth + 1)
            else:
                result[key] = self._node(self._next(), (*path, key), depth + 1)
        return result

    def _key(self, event: Event, path: DataPath, result: dict[str, Any]) -> str | None:
        """The text of the key that ``event`` starts; None when it is refused."""
        where = self._at(event)
        if not isinstance(event, ScalarEvent):
            self.found.append(error(where, "a key must be plain text"))
            return None
        key = event.value
        if _SURROGATE.search(key):
            self.found.append(error(where, "a key holds a lone surrogate; remove its escape"))
            return None
        if key == "<<":
            self.found.append(error(where, "merge keys (<<) are not allowed"))
            return None
        if key in result:
            first = self.key_positions[(*path, key)]
            message = f"duplicate key '{key}' (first defined on line {first.line})"
            self.found.append(error(where, message))
            return None
        self.key_positions[(*path, key)] = where
        return key

    def _scalar(self, event: ScalarEvent, path: DataPath | None) -> Any:  # noqa: ANN401 - YAML data is untyped
        if path is None:
            return event.value
        surrogate = _SURROGATE.search(event.value)
        if surrogate:  # "\ud800" in a quoted scalar: no file can hold it
            code = f"U+{ord(surrogate.group(0)):04X}"
            message = f"a lone surrogate ({code}) cannot be written to any file; remove its escape"
            self.found.append(error(self._at(event), message))
            return event.value.encode("utf-8", "replace").decode("utf-8")
        if event.style:  # quoted or block scalar: always text (plain is None or "")
            return event.value
        value = resolve_plain(event.value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.number_texts[path] = event.value
        return value


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
