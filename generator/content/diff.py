"""``berdaya diff``: what an overlay changes relative to its base, item by item.

Both sides are the curricula as data, their own bases applied
(:mod:`generator.content.library`): the base as the overlay finds it, and the
overlay merged into it. Lists of items with an ``id`` (``term`` in the
glossary) are compared item by item, as the overlay merges them; other lists
by their values. Pure functions; the command prints :func:`diff_lines`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from generator.content.errors import quoted
from generator.content.library import CURRICULUM_FILE, EXTENDS, MODULES_DIR, Layered
from generator.content.overlay import KEYS_BY_LIST

SHORT = 60
"""Texts up to this length are shown whole when they change."""
Kind = Literal["added", "removed", "changed", "moved"]
Path_ = tuple[str, ...]


@dataclass(frozen=True)
class Change:
    """One difference: what happened, where (a readable path), and the values."""

    kind: Kind
    where: str
    detail: str = ""

    def line(self) -> str:
        """``changed  title: 'A' -> 'B'``."""
        text = f"  {self.kind:<8} {self.where}"
        return f"{text}: {self.detail}" if self.detail else text


@dataclass(frozen=True)
class FileChanges:
    """The changes of one file of the overlay (``curriculum.yml``, ``modules/<id>.yml``)."""

    file: str
    changes: list[Change]


def diff_overlay(overlay: Layered, base: Layered) -> list[FileChanges]:
    """The differences between ``base`` and the merged ``overlay``, file by file."""
    found = [FileChanges(CURRICULUM_FILE, diff_data(base.doc.data, overlay.doc.data))]
    base_list = _modules(base.doc.data)
    new_list = _modules(overlay.doc.data)
    for module_id in sorted(set(base_list) | set(new_list)):
        name = f"{MODULES_DIR}/{module_id}.yml"
        if module_id not in new_list:
            found.append(FileChanges(name, [_whole("removed", base.modules.get(module_id))]))
        elif module_id not in base_list:
            found.append(FileChanges(name, [_whole("added", overlay.modules.get(module_id))]))
        else:
            before = base.modules[module_id].data if module_id in base.modules else {}
            after = overlay.modules[module_id].data if module_id in overlay.modules else {}
            found.append(FileChanges(name, diff_data(before, after)))
    return [item for item in found if item.changes]


def diff_lines(overlay_id: str, base_id: str, files: list[FileChanges]) -> list[str]:
    """The report: a heading, then each file and its changes, one per line."""
    count = sum(len(f.changes) for f in files)
    lines = [f"{overlay_id}: {count} change{'s' if count != 1 else ''} to {base_id}"]
    for item in files:
        lines.append(item.file)
        lines += [change.line() for change in item.changes]
    return lines


def _modules(data: dict[str, Any]) -> list[str]:
    listed = data.get("modules")
    return [m for m in listed if isinstance(m, str)] if isinstance(listed, list) else []


def _whole(kind: Kind, doc: Any) -> Change:  # noqa: ANN401 - a Document or None
    title = doc.data.get("title") if doc is not None else None
    return Change(kind, "module", quoted(str(title)) if title is not None else "")


def diff_data(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Every difference between two curriculum or module files' data."""
    before = {k: v for k, v in before.items() if k != EXTENDS}
    after = {k: v for k, v in after.items() if k != EXTENDS}
    return list(_diff(before, after, (), ()))


def _diff(before: Any, after: Any, path: Path_, shape: Path_) -> list[Change]:  # noqa: ANN401
    if before == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        return _diff_mapping(before, after, path, shape)
    if isinstance(before, list) and isinstance(after, list):
        key = KEYS_BY_LIST.get(shape, "id")
        if _keyed(before, key) and _keyed(after, key):
            return _diff_keyed(before, after, path, shape, key)
        return _diff_plain_list(before, after, path)
    if isinstance(before, str) and isinstance(after, str):
        return [Change("changed", _where(path), _changed_text(before, after))]
    return [Change("changed", _where(path), f"{_show(before)} -> {_show(after)}")]


def _changed_text(before: str, after: str) -> str:
    """Both texts around the place where they start to differ, on one line each."""
    if "\n" not in before + after and max(len(before), len(after)) <= SHORT:
        return f"{quoted(before, SHORT)} -> {quoted(after, SHORT)}"
    pairs = zip(before, after, strict=False)
    same = next((i for i, (a, b) in enumerate(pairs) if a != b), None)
    same = min(len(before), len(after)) if same is None else same
    line_start = before.rfind("\n", 0, same) + 1
    start = max(line_start, same - 10)
    return f"{_excerpt(before, start)} -> {_excerpt(after, start)}"


def _excerpt(text: str, start: int, limit: int = 40) -> str:
    """``'...part of text...'``: from ``start`` to the end of its line, shortened."""
    line = text[start:].split("\n", 1)[0]
    lead = "..." if start > 0 else ""
    tail = "..." if len(line) > limit or len(text) > start + len(line) + 1 else ""
    return f"'{lead}{line[:limit]}{tail}'"


def _diff_mapping(
    before: dict[str, Any], after: dict[str, Any], path: Path_, shape: Path_
) -> list[Change]:
    found: list[Change] = []
    for key in [*before, *(k for k in after if k not in before)]:
        here, here_shape = (*path, key), (*shape, key)
        if key not in after:
            found.append(Change("removed", _where(here), _show(before[key])))
        elif key not in before:
            found.append(Change("added", _where(here), _show(after[key])))
        else:
            found += _diff(before[key], after[key], here, here_shape)
    return found


def _keyed(items: list[Any], key: str) -> bool:
    """Items compared by ``key``: mappings, some with the key (the others by their place)."""
    return all(isinstance(i, dict) for i in items) and any(
        isinstance(i.get(key), str) for i in items
    )


def _labels(items: list[Any], key: str) -> list[str]:
    """``[id=x]`` for an item with the key, ``[#n]`` for the n-th without (from 1)."""
    labels, count = [], 0
    for item in items:
        if isinstance(item.get(key), str):
            labels.append(f"[{key}={item[key]}]")
        else:
            count += 1
            labels.append(f"[#{count}]")
    return labels


def _diff_keyed(
    before: list[Any], after: list[Any], path: Path_, shape: Path_, key: str
) -> list[Change]:
    old = dict(zip(_labels(before, key), before, strict=True))
    new_labels = _labels(after, key)
    new = dict(zip(new_labels, after, strict=True))
    found: list[Change] = []
    for label, item in old.items():
        if label not in new:
            found.append(Change("removed", _where((*path, label)), _title(item)))
        else:
            found += _diff(item, new[label], (*path, label), shape)
    for index, (label, item) in enumerate(new.items()):
        if label not in old:
            place = f"after {new_labels[index - 1][1:-1]}" if index else "first"
            detail = ", ".join(p for p in (_title(item), place) if p)
            found.append(Change("added", _where((*path, label)), detail))
    common_old = [k for k in old if k in new]
    common_new = [k for k in new if k in old]
    if common_old != common_new:
        shown = ", ".join(k[1:-1] for k in common_new)
        found.append(Change("moved", _where(path), shown))
    return found


def _diff_plain_list(before: list[Any], after: list[Any], path: Path_) -> list[Change]:
    where = _where(path)
    if all(_scalar(i) for i in [*before, *after]):
        gone = [i for i in before if i not in after]
        new = [i for i in after if i not in before]
        found = [Change("removed", where, _show(i)) for i in gone]
        found += [Change("added", where, _show(i)) for i in new]
        if not found:
            found.append(Change("moved", where, ", ".join(str(i) for i in after)))
        return found
    found = []
    for index, (old, new) in enumerate(zip(before, after, strict=False)):
        found += _diff(old, new, (*path, f"[{index}]"), ())
    found += [
        Change("removed", _where((*path, f"[{i}]")), _show(item))
        for i, item in enumerate(before[len(after) :], start=len(after))
    ]
    found += [
        Change("added", _where((*path, f"[{i}]")), _show(item))
        for i, item in enumerate(after[len(before) :], start=len(before))
    ]
    return found


def _scalar(value: Any) -> bool:  # noqa: ANN401
    return not isinstance(value, (dict, list))


def _title(item: dict[str, Any]) -> str:
    for key in ("title", "prompt", "term", "break", "module"):
        if key in item and _scalar(item[key]):
            return quoted(str(item[key]))
    return ""


def _show(value: Any) -> str:  # noqa: ANN401
    if isinstance(value, dict):
        return _title(value) or f"{len(value)} keys"
    if isinstance(value, list):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return quoted(str(value))


def _where(path: Path_) -> str:
    text = ""
    for part in path:
        text += part if part.startswith("[") else (f".{part}" if text else part)
    return text
