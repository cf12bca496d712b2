"""``berdaya lms export`` and ``berdaya lms import``: files in, files out, lines to print.

Export writes one file per curriculum, ``<id>.moodle.xml`` or ``<id>.gift`` in
``dist/`` (``-o`` names the folder, or the file when one curriculum is exported),
replacing only a file of the same kind that Berdaya wrote, never inside the
content, docs or templates folder. Import reads a ``.gift`` (or ``.txt``) or
``.xml`` file and appends its questions to a module file (:mod:`generator.lms.merge`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from generator.content.diagnostics import Diagnostic, Position, Severity, display_path, error
from generator.content.load import load_text
from generator.content.project import CurriculumSource
from generator.exceptions import ContentError, UsageError
from generator.lms.bank import Category, categories
from generator.lms.gift import gift
from generator.lms.gift_read import read_gift
from generator.lms.imported import ImportedQuestion, Reading
from generator.lms.merge import merge
from generator.lms.moodle_read import read_moodle_xml
from generator.lms.moodle_xml import moodle_xml
from generator.lms.numbers import MOODLE_SHARES
from generator.outputs.guard import Protected
from generator.site.write import write_atomically

Format = Literal["moodle-xml", "gift"]
SUFFIX: dict[Format, str] = {"moodle-xml": ".moodle.xml", "gift": ".gift"}
GIFT_HEAD = "// Berdaya question bank"
"""The first line of a GIFT file Berdaya writes (a comment, which Moodle skips)."""
_LOSSES = {
    "order": "GIFT has no ordering type: written as a matching of positions to items",
    "unit": "GIFT has no units: the unit is only in a '// berdaya-unit' comment",
    "hint": "GIFT has no hints: the hint is only in a '// berdaya-hint' comment",
    "points": "GIFT has no marks: the points are only in a '// berdaya-points' comment",
}


@dataclass
class ExportedFile:
    """One written file: its curriculum, path, size in bytes and question count."""

    curriculum: str
    path: Path
    size: int
    questions: int


@dataclass
class Exported:
    """The files written and the warning lines to print."""

    files: list[ExportedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def export_bank(
    curricula: list[CurriculumSource], fmt: Format, output: Path | None, folders: Protected
) -> Exported:
    """Write each curriculum's question bank in ``fmt``; nothing is written if any path is refused.

    Raises:
        UsageError: an output path Berdaya may not write.
    """
    targets = _targets(curricula, fmt, output)
    for target in targets.values():
        _check_target(target, fmt, folders)
    done = Exported()
    for source in curricula:
        bank = categories([source])
        done.warnings += _share_warnings(bank)
        if fmt == "moodle-xml":
            text = moodle_xml(bank)
        else:
            written = gift(bank)
            text = f"{GIFT_HEAD}: {source.id}\n\n{written.text}"
            for kind, labels in sorted(written.losses.items()):
                done.warnings.append(
                    f"berdaya lms export: warning: {source.id}: {_LOSSES[kind]} "
                    f"({len(labels)}: {', '.join(labels)})"
                )
        data = text.encode()
        target = targets[source.id]
        write_atomically(target, data)
        count = sum(len(c.questions) for c in bank)
        done.files.append(ExportedFile(source.id, target, len(data), count))
    return done


def _targets(
    curricula: list[CurriculumSource], fmt: Format, output: Path | None
) -> dict[str, Path]:
    suffix = SUFFIX[fmt]
    if output is not None and output.name.endswith(suffix) and not output.is_dir():
        if len(curricula) != 1:
            raise UsageError(
                f"-o {output} names one file, but {len(curricula)} curricula are exported: "
                "name a folder, or one curriculum"
            )
        return {curricula[0].id: output}
    folder = output or Path("dist")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"-o {folder} is a file: name a folder (or a file ending in {suffix})")
    return {c.id: folder / f"{c.id}{suffix}" for c in curricula}


def _check_target(target: Path, fmt: Format, folders: Protected) -> None:
    shown = display_path(target)
    if target.is_dir():
        raise UsageError(f"{shown} is a folder: name the file to write")
    if target.exists():
        with target.open("rb") as stream:
            head = stream.read(4096)
        ours = b"<quiz>" in head if fmt == "moodle-xml" else head.startswith(GIFT_HEAD.encode())
        if not ours:
            raise UsageError(
                f"{shown} exists and is not a question bank Berdaya wrote: not replaced"
            )
    resolved = target.resolve()
    for name, folder in folders.folders()[1:]:
        if resolved.is_relative_to(folder):
            raise UsageError(f"{shown} is inside the {name}: write it elsewhere")


def _share_warnings(bank: list[Category]) -> list[str]:
    """A ``multiple`` question whose 1/k is not one of Moodle's grades."""
    lines = []
    for category in bank:
        for item in category.questions:
            question = item.question
            if question.type != "multiple":
                continue
            right = sum(1 for c in question.choices if c.correct)
            if right not in MOODLE_SHARES:
                lines.append(
                    f"berdaya lms export: warning: {item.label}: {right} right choices: "
                    f"Moodle has no grade of 1/{right}; choose 'nearest grade' when importing"
                )
    return lines


@dataclass
class Imported:
    """What an import did: the questions added and the warnings."""

    count: int
    diagnostics: list[Diagnostic]


def import_bank(source: Path, module: Path, category: str | None) -> Imported:
    """Append the questions of ``source`` (GIFT or Moodle XML) to the module file ``module``.

    Raises:
        UsageError: a file that cannot be read as asked.
        ContentError: the source or the result has errors (nothing is written).
    """
    reading = _read(source)
    questions = _in_category(reading, category)
    if not questions and not _errors(reading.diagnostics):
        where = f" in the category '{category}'" if category else ""
        reading.diagnostics.append(error(Position(source), f"no question to import{where}"))
    if _errors(reading.diagnostics):
        raise ContentError(reading.diagnostics)
    original = module.read_text(encoding="utf-8")
    found = reading.diagnostics + _duplicates(module, original, questions)
    if _errors(found):
        raise ContentError(found)
    merged = merge(module, original, questions)
    found += merged.diagnostics
    if _errors(found):
        raise ContentError(found)
    write_atomically(module, merged.text.encode())
    return Imported(len(questions), found)


def _read(source: Path) -> Reading:
    suffix = source.suffix.lower()
    if not source.is_file():
        raise UsageError(f"no file {source}")
    data = source.read_bytes()
    if suffix == ".xml":
        return read_moodle_xml(source, data)
    if suffix in {".gift", ".txt"}:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UsageError(f"{source} is not UTF-8 text") from exc
        return read_gift(source, text)
    raise UsageError(f"{source}: import reads .gift (or .txt) and .xml files")


def _in_category(reading: Reading, category: str | None) -> list[ImportedQuestion]:
    if category is None:
        return reading.questions
    name = category.strip("/")
    return [q for q in reading.questions if q.category == name or q.category.endswith(f"/{name}")]


def _errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def _duplicates(module: Path, original: str, questions: list[ImportedQuestion]) -> list[Diagnostic]:
    """An id already in the module, or twice in the import, is refused."""
    doc, _problems = load_text(original, module)
    existing: set[str] = set()
    quiz = doc.data.get("quiz") if doc is not None else None
    if isinstance(quiz, dict) and isinstance(quiz.get("questions"), list):
        existing = {str(q["id"]) for q in quiz["questions"] if isinstance(q, dict) and q.get("id")}
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for question in questions:
        qid = question.data.get("id")
        if qid is None:
            continue
        if qid in existing:
            message = f"a question with the id '{qid}' is already in {display_path(module)}"
            found.append(error(question.position, message))
        elif qid in seen:
            found.append(error(question.position, f"the id '{qid}' is given twice in this file"))
        seen.add(qid)
    return found
