"""Random damage to a valid curriculum ends in diagnostics or success, never an exception."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.check import read_project
from generator.content.diagnostics import Diagnostic, Severity
from generator.content.load import load_text
from generator.content.project import find_curricula

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
FILES = ["curriculum.yml", "modules/harga.yml", "modules/catatan.yml"]
ORIGINALS = {name: (MINI / "contoh" / name).read_text(encoding="utf-8") for name in FILES}

GARBAGE = st.sampled_from(
    [
        "",
        "~",
        "0",
        "-7",
        "3.5",
        "1e999",
        ".nan",
        "true",
        "no",
        "13:00",
        "15.000",
        "0x1F",
        "[]",
        "{}",
        "[1, [2, {a: b}]]",
        "{type: single}",
        "'quoted'",
        '"\\u00e9"',
        "|\n  block",
        "kuis",
        "Bukan_Slug",
        "- x",
        "&a x",
        "*a",
        "!!int 1",
        "<<: {a: 1}",
        "? x",
        ": :",
        "\t",
        "'unterminated",
    ]
)

YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Where YAML (and so every position) starts a new line."""

SAFE = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, str]:
    """One file of the curriculum with one to three random mutations."""
    name = draw(st.sampled_from(FILES))
    text = ORIGINALS[name]
    for _ in range(draw(st.integers(1, 3))):
        lines = _lines(text)
        kind = draw(st.sampled_from(["delete", "garbage", "insert", "truncate", "indent"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":  # drop a run of lines: keys, items, whole blocks
            del lines[i : i + draw(st.integers(1, 4))]
        elif kind == "garbage":  # replace a value with something of another type
            head, sep, _ = lines[i].partition(": ")
            value = draw(GARBAGE)
            lines[i] = f"{head}{sep}{value}\n" if sep else f"{value}\n"
        elif kind == "insert":  # random characters anywhere
            at = draw(st.integers(0, len(text)))
            junk = draw(st.text(min_size=1, max_size=8))
            lines = _lines(text[:at] + junk + text[at:])
        elif kind == "indent":  # shift a line left or right
            shift = draw(st.sampled_from([-4, -2, 2, 4]))
            line = lines[i]
            if shift > 0:
                lines[i] = " " * shift + line
            else:
                lead = len(line) - len(line.lstrip(" "))
                lines[i] = line[min(-shift, lead) :]
        else:  # truncate the file at a random point
            lines = _lines(text[: draw(st.integers(0, len(text)))])
        text = "".join(lines)
    return name, text


def _check(diagnostics: list[Diagnostic], path: Path, text: str) -> None:
    lines = YAML_LINE_BREAK.split(text)
    for d in diagnostics:
        assert d.position.line >= 1
        assert d.position.column >= 1
        if d.position.file == path:  # the position lies inside the text (or just after it)
            assert d.position.line <= len(lines) + 1
            if d.position.line <= len(lines):
                assert d.position.column <= len(lines[d.position.line - 1]) + 1
        assert d.message
        assert "Traceback" not in d.message
        assert "\n" not in d.format()  # one line per diagnostic
        assert d.severity in (Severity.ERROR, Severity.WARNING)
        d.format()


@SAFE
@given(damaged())
def test_damaged_files_end_in_diagnostics(tmp_path_factory: pytest.TempPathFactory, case) -> None:
    name, text = case
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(MINI, root, dirs_exist_ok=True)
    path = root / "contoh" / name
    path.write_text(text, encoding="utf-8")
    project = read_project(find_curricula([root]))
    _check(project.diagnostics, path, text)
    if not any(d.severity is Severity.ERROR for d in project.diagnostics):
        assert len(project.curricula) == 1


@SAFE
@given(st.text(max_size=300))
def test_any_text_loads_or_reports(text: str) -> None:
    doc, problems = load_text(text, Path("x.yml"))
    _check(problems, Path("x.yml"), text)
    assert doc is not None or problems
