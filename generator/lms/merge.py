"""Imported questions appended to a module file's ``quiz.questions``, the rest untouched.

The file is edited as text: the new items are written as YAML after the last
line of ``quiz.questions`` (or a ``quiz:`` is added at the end of the file), so
every comment, key order and line of the file stays as it was. The result is
read again and checked like any module (model and question rules); problems in
the new lines are reported at the question's place in the imported file.
Nothing is written unless the whole result is valid, and then atomically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from generator.content.check import read_project
from generator.content.checks import check_module
from generator.content.diagnostics import Diagnostic, Position, Severity
from generator.content.errors import diagnostics_from
from generator.content.load import Document, load_text, resolve_plain
from generator.content.model import Module
from generator.content.project import CURRICULUM_FILE, ModuleSource
from generator.lms.imported import ImportedQuestion

_TOP_KEY = re.compile(r"^quiz\s*:")


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented; text that YAML 1.2 would read as another type quoted."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: FBT001, FBT002 - PyYAML's signature
        """Indent a list inside a mapping, as the bundled files do."""
        del indentless
        super().increase_indent(flow, False)  # noqa: FBT003 - PyYAML's signature


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value and not value.startswith((" ", "\n")) and "\n\n\n" not in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    style = '"' if resolve_plain(value) != value or value != value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _float(dumper: yaml.SafeDumper, value: float) -> yaml.ScalarNode:
    if value == int(value):
        return dumper.represent_int(int(value))
    return dumper.represent_scalar("tag:yaml.org,2002:float", repr(value))


_Dumper.add_representer(str, _text)
_Dumper.add_representer(float, _float)


def question_yaml(data: dict[str, Any], indent: str) -> str:
    """One ``quiz.questions`` item as YAML lines, its dash at ``indent``."""
    text = yaml.dump(
        [data], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000, indent=2
    )
    return "".join(
        f"{indent}{line}" if line.strip() else line for line in text.splitlines(keepends=True)
    )


@dataclass
class Merged:
    """The module file's new text, or the problems that stop the import."""

    text: str
    diagnostics: list[Diagnostic]


def merge(path: Path, original: str, questions: list[ImportedQuestion]) -> Merged:
    """``original`` (the module file at ``path``) with ``questions`` appended to its quiz."""
    doc, problems = load_text(original, path)
    if doc is None or any(p.severity is Severity.ERROR for p in problems):
        return Merged(original, problems)
    lines = original.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    quiz = doc.data.get("quiz")
    if isinstance(quiz, dict) and isinstance(quiz.get("questions"), list) and quiz["questions"]:
        at, indent = _end_of_questions(doc, lines)
        head = ""
    else:
        if quiz is not None:
            where = doc.at(("quiz",))
            return Merged(original, [_error(where, "quiz: write it as a mapping with questions")])
        at, indent, head = len(lines), "    ", "quiz:\n  questions:\n"
    spans: list[tuple[int, int, ImportedQuestion]] = []
    added: list[str] = [head] if head else []
    line = at + (2 if head else 0)
    for question in questions:
        block = question_yaml(question.data, indent)
        count = block.count("\n")
        spans.append((line + 1, line + count, question))
        added.append(block)
        line += count
    text = "".join(lines[:at] + added + lines[at:])
    return Merged(text, _check(path, text, spans))


def _end_of_questions(doc: Document, lines: list[str]) -> tuple[int, str]:
    """The line index after the last line of ``quiz.questions`` and its items' indentation."""
    first = doc.at(("quiz", "questions", 0)).line - 1
    dash = lines[first].index("-") if "-" in lines[first] else 0
    last = doc.at(("quiz", "questions", len(doc.data["quiz"]["questions"]) - 1)).line - 1
    end = last + 1
    for number in range(last + 1, len(lines)):
        stripped = lines[number].strip()
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(lines[number]) - len(lines[number].lstrip())
        if depth > dash:
            end = number + 1
        else:
            break
    return end, " " * dash


def _error(position: Position, message: str) -> Diagnostic:
    return Diagnostic(position, Severity.ERROR, message)


def _check(
    path: Path, text: str, spans: list[tuple[int, int, ImportedQuestion]]
) -> list[Diagnostic]:
    """The new text's problems; those in the new lines placed at their question's source."""
    doc, found = load_text(text, path)
    if doc is not None:
        try:
            model = Module.model_validate(doc.data)
        except ValidationError as exc:
            found += diagnostics_from(exc, doc, Module)
        else:
            found += _module_checks(path, doc, model)
    out: list[Diagnostic] = []
    for diagnostic in found:
        line = diagnostic.position.line
        source = next((q for start, end, q in spans if start <= line <= end), None)
        if source is not None and diagnostic.position.file == path:
            out.append(Diagnostic(source.position, diagnostic.severity, diagnostic.message))
        else:
            out.append(diagnostic)
    return out


def _module_checks(path: Path, doc: Document, model: Module) -> list[Diagnostic]:
    """The question rules and references, with the curriculum when the module is in one."""
    folder = path.resolve().parent.parent
    if not (folder / CURRICULUM_FILE).is_file():
        return []
    project = read_project([folder])
    curriculum = next(iter(project.curricula), None)
    if curriculum is None:
        return []
    return check_module(ModuleSource(path.stem, doc, model), curriculum)
