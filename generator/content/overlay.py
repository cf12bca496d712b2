"""Overlays: a curriculum that states only how it differs from a base curriculum.

The merge works on loaded YAML data *before* validation, and keeps where every
value came from: each value of the merged :class:`Document` has the position
(file, line, column) of the base or overlay file that wrote it, so every
diagnostic about the merged curriculum points at the right file and line.

The rules (docs/overlays.md):

* a scalar of the overlay replaces the base's; a value of another kind too;
* mappings merge by key; ``key: null`` (or ``key:`` left empty) removes the key;
* lists of mappings of which the base's have an ``id`` (``term`` in the
  glossary), when every item of the overlay's has one, merge by that key: an
  item with a base id is merged into that item, a new id is appended or placed
  with ``after: <id>`` / ``before: <id>``, and ``{id: x, remove: true}``
  removes an item; the base's items without an id stay where they are;
* other lists (materials, keypoints, prerequisites, ``modules``) replace the
  base list.

Pure functions over data: nothing is read or written here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.content.diagnostics import Diagnostic, Position, error
from generator.content.errors import dotted, quoted, suggest
from generator.content.load import DataPath, Document

AFTER, BEFORE, REMOVE = "after", "before", "remove"
CONTROLS = (AFTER, BEFORE, REMOVE)
"""Keys of an overlay's list item that say where it goes, or that it goes."""
KEYS_BY_LIST: dict[DataPath, str] = {("glossary",): "term"}
"""Lists merged by a key other than ``id``."""


@dataclass
class Node:
    """One value of a document with where it was written.

    ``value`` is a scalar, a ``dict[str, Node]`` or a ``list[Node]``.
    """

    value: Any
    position: Position
    key_position: Position | None = None
    number_text: str | None = None


@dataclass
class _Merge:
    """The state of one merge: the problems found so far."""

    problems: list[Diagnostic] = field(default_factory=list)

    def fail(self, position: Position, path: DataPath, message: str) -> None:
        self.problems.append(error(position, f"{dotted(path)}: {message}"))


def to_node(doc: Document, path: DataPath = ()) -> Node:
    """The subtree of ``doc`` at ``path`` as nodes with their positions."""
    value: Any = doc.data
    for part in path:
        value = value[part]
    return _node(doc, path, value)


def _node(doc: Document, path: DataPath, value: Any) -> Node:  # noqa: ANN401 - YAML data
    if isinstance(value, dict):
        inner: Any = {key: _node(doc, (*path, key), item) for key, item in value.items()}
    elif isinstance(value, list):
        inner = [_node(doc, (*path, i), item) for i, item in enumerate(value)]
    else:
        inner = value
    return Node(inner, doc.at(path), doc.key_positions.get(path), doc.number_texts.get(path))


def to_document(node: Node, file: Position) -> Document:
    """A document of the merged nodes; ``file`` names the file it stands for."""
    doc = Document(file.file, {})
    doc.data = _flatten(node, (), doc)
    return doc


def _flatten(node: Node, path: DataPath, doc: Document) -> Any:  # noqa: ANN401 - YAML data
    doc.positions[path] = node.position
    if node.key_position is not None:
        doc.key_positions[path] = node.key_position
    if node.number_text is not None:
        doc.number_texts[path] = node.number_text
    if isinstance(node.value, dict):
        return {key: _flatten(item, (*path, key), doc) for key, item in node.value.items()}
    if isinstance(node.value, list):
        return [_flatten(item, (*path, i), doc) for i, item in enumerate(node.value)]
    return node.value


def plain(node: Node) -> Any:  # noqa: ANN401 - YAML data
    """The data of ``node``, without positions."""
    if isinstance(node.value, dict):
        return {key: plain(item) for key, item in node.value.items()}
    if isinstance(node.value, list):
        return [plain(item) for item in node.value]
    return node.value


def merge_documents(base: Document, overlay: Document) -> tuple[Document, list[Diagnostic]]:
    """``overlay`` applied to ``base``; the merged document stands for the overlay's file.

    Returns:
        The merged document (positions from both files) and the problems of the
        overlay's list items (unknown ids, misplaced ``after``, ...).
    """
    state = _Merge()
    merged = merge_nodes(to_node(base), to_node(overlay), (), state)
    return to_document(merged, Position(overlay.path)), state.problems


def merge_nodes(base: Node, over: Node, path: DataPath, state: _Merge) -> Node:
    """``over`` applied to ``base`` at ``path`` by the rules of the module docstring."""
    if isinstance(base.value, dict) and isinstance(over.value, dict):
        return _merge_mapping(base, over, path, state)
    if isinstance(base.value, list) and isinstance(over.value, list):
        key = KEYS_BY_LIST.get(_shape(path), "id")
        if _merges_by_key(base.value, over.value, key, path, state):
            return _merge_list(base, over, path, key, state)
    return over


def _shape(path: DataPath) -> DataPath:
    return tuple(part for part in path if isinstance(part, str))


def _merge_mapping(base: Node, over: Node, path: DataPath, state: _Merge) -> Node:
    result: dict[str, Node] = {}
    for key, item in base.value.items():
        if key not in over.value:
            result[key] = item
        elif over.value[key].value is not None:
            result[key] = merge_nodes(item, over.value[key], (*path, key), state)
    added = {k: v for k, v in over.value.items() if k not in base.value and v.value is not None}
    result.update(added)
    return Node(result, over.position, over.key_position or base.key_position)


def _merges_by_key(
    base: list[Node], over: list[Node], key: str, path: DataPath, state: _Merge
) -> bool:
    """Whether the two lists merge by ``key``; reports an overlay that cannot be applied."""
    keyed_base = all(isinstance(item.value, dict) for item in base) and any(
        _key_of(item, key) is not None for item in base
    )
    controlled = [item for item in over if isinstance(item.value, dict) and _controls(item)]
    if keyed_base and all(_key_of(item, key) is not None for item in over):
        return True
    if not controlled:
        return False
    first = controlled[0]
    control = next(c for c in CONTROLS if c in first.value)
    where = first.value[control].key_position or first.position
    index = over.index(first)
    if not keyed_base:
        message = (
            f"'{control}' needs a base list of items with '{key}'; "
            "without it, this list replaces the base list: leave out "
            "'after', 'before' and 'remove'"
        )
        state.fail(where, (*path, index, control), message)
    else:
        missing = next(i for i, item in enumerate(over) if _key_of(item, key) is None)
        message = f"an item of a list merged by '{key}' needs '{key}'"
        state.fail(over[missing].position, (*path, missing), message)
    return False


def _key_of(node: Node, key: str) -> str | None:
    if not isinstance(node.value, dict):
        return None
    found = node.value.get(key)
    return found.value if found is not None and isinstance(found.value, str) else None


def _controls(node: Node) -> bool:
    return any(c in node.value for c in CONTROLS)


@dataclass
class _Item:
    key: str
    node: Node


def _merge_list(base: Node, over: Node, path: DataPath, key: str, state: _Merge) -> Node:
    items = [_Item(_key_of(node, key) or "", node) for node in base.value]  # "": no key, stays
    seen: dict[str, Position] = {}
    for index, node in enumerate(over.value):
        item_key = _key_of(node, key) or ""
        here = (*path, index)
        if item_key in seen:
            first = seen[item_key]
            message = f"{key} {quoted(item_key)} appears twice (first on line {first.line})"
            state.fail(node.value[key].position, (*here, key), message)
            continue
        seen[item_key] = node.value[key].position
        _apply_item(items, node, here, key, state)
    return Node([item.node for item in items], over.position, over.key_position)


def _apply_item(items: list[_Item], node: Node, path: DataPath, key: str, state: _Merge) -> None:
    item_key = _key_of(node, key) or ""
    fields: dict[str, Node] = node.value
    known = [item.key for item in items if item.key]
    found = next((i for i, item in enumerate(items) if item.key == item_key), None)
    if REMOVE in fields:
        _remove(items, fields, path, key, state)
        return
    if AFTER in fields and BEFORE in fields:
        where = fields[BEFORE].key_position or fields[BEFORE].position
        state.fail(where, path, "an item takes 'after' or 'before', not both")
        return
    ok, anchor = _anchor(fields, known, item_key, path, state)
    if not ok:
        return
    body = Node(
        {k: v for k, v in fields.items() if k not in CONTROLS}, node.position, node.key_position
    )
    if found is not None:
        merged = merge_nodes(items[found].node, body, path, state)
        if anchor is None:
            items[found] = _Item(item_key, merged)
            return
        del items[found]
        body = merged
    if anchor is None:
        items.append(_Item(item_key, body))
        return
    place, after = anchor
    at = next(i for i, item in enumerate(items) if item.key == place)
    items.insert(at + 1 if after else at, _Item(item_key, body))


def _remove(
    items: list[_Item], fields: dict[str, Node], path: DataPath, key: str, state: _Merge
) -> None:
    flag = fields[REMOVE]
    if flag.value is not True:
        message = f"write 'remove: true' to remove the item, got {quoted(str(flag.value))}"
        state.fail(flag.position, (*path, REMOVE), message)
        return
    extra = [k for k in fields if k not in (key, REMOVE)]
    if extra:
        where = fields[extra[0]].key_position or fields[extra[0]].position
        state.fail(where, path, f"an item with 'remove: true' takes only '{key}'")
        return
    item_key = fields[key].value
    found = next((i for i, item in enumerate(items) if item.key == item_key), None)
    if found is None:
        known = [item.key for item in items if item.key]
        hint = suggest(item_key, known).replace("; allowed keys:", "; known:")
        message = f"{quoted(item_key)} is not in the base list, so it cannot be removed{hint}"
        state.fail(fields[key].position, (*path, key), message)
        return
    del items[found]


def _anchor(
    fields: dict[str, Node], known: list[str], item_key: str, path: DataPath, state: _Merge
) -> tuple[bool, tuple[str, bool] | None]:
    """Whether the place is right, and ``(anchor id, after?)`` (None: no ``after``/``before``)."""
    control = AFTER if AFTER in fields else BEFORE if BEFORE in fields else None
    if control is None:
        return True, None
    anchor = fields[control]
    where = (*path, control)
    if not isinstance(anchor.value, str):
        state.fail(anchor.position, where, "expected the id of another item of the list")
        return False, None
    if anchor.value == item_key:
        state.fail(anchor.position, where, "an item cannot be placed next to itself")
        return False, None
    if anchor.value not in known:
        hint = suggest(anchor.value, known).replace("; allowed keys:", "; known:")
        message = f"no item {quoted(anchor.value)} in the list{hint}"
        state.fail(anchor.position, where, message)
        return False, None
    return True, (anchor.value, control == AFTER)
