"""Breaking a bundled file the way a trainer might: the diagnostic points at the edit.

Each case edits one place of a copy of the bundled Manajemen Usaha Kecil and
expects exit code 1, one ``path:line:col: error:`` line whose path and line
are those of the edited place, and no traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main

BUNDLED = Path(__file__).resolve().parents[2] / "content" / "manajemen-usaha-kecil"
MODULE = "modules/ide-usaha.yml"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b]\n"


def _replace(text: str, old: str, new: str) -> tuple[str, int]:
    """``text`` with ``old`` (found exactly once) replaced; and the line it was on."""
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new), text[: text.index(old)].count("\n") + 1


CASES = {
    # name: (file, old, new, line offset from the edit, message)
    "unknown key": (
        MODULE,
        "\nminutes: 95\n",
        "\nminuts: 95\n",
        1,
        "unknown key 'minuts' (did you mean 'minutes'?)",
    ),
    "wrong type": (
        MODULE,
        "\nminutes: 95\n",
        "\nminutes: sembilan puluh\n",
        1,
        "minutes: expected a whole number",
    ),
    "missing key": (
        MODULE,
        "\ntitle: Menemukan dan Menguji Ide Usaha\n",
        "\n",
        1,
        "missing required key 'title'",
    ),
    "syntax error": (
        MODULE,
        "\n  pass: 70\n",
        "\n  pass: 70: 80\n",
        1,
        "YAML syntax: mapping values are not allowed here",
    ),
    "duplicate key": (
        MODULE,
        "\nminutes: 95\n",
        "\nminutes: 95\nminutes: 90\n",
        2,
        "duplicate key 'minutes'",
    ),
    "dangling module": (
        "curriculum.yml",
        "\n  - ide-usaha\n",
        "\n  - ide-usaha\n  - tidak-ada\n",
        2,
        "no module file modules/tidak-ada.yml",
    ),
    "two correct": (
        MODULE,
        "        - text: Langsung membeli mesin perajang dan 100 kg pisang supaya hemat.\n",
        (
            "        - text: Langsung membeli mesin perajang dan 100 kg pisang supaya hemat.\n"
            "          correct: true\n"
        ),
        -3,
        "a 'single' question needs exactly one correct choice, found 2",
    ),
}


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(BUNDLED, tmp_path / "content" / BUNDLED.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content" / BUNDLED.name


def _errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["validate"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return [line for line in out.splitlines() if ": error: " in line]


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_edit_is_reported_at_its_place(workspace: Path, capsys, case: str) -> None:
    name, old, new, offset, message = CASES[case]
    target = workspace / name
    text, line = _replace(target.read_text(encoding="utf-8"), old, new)
    target.write_text(text, encoding="utf-8")
    where = f"content/{BUNDLED.name}/{name}:{line + offset}:"
    errors = _errors(capsys)
    assert any(e.startswith(where) and message in e for e in errors), (where, errors)


def test_an_alias_bomb_is_refused(workspace: Path, capsys) -> None:
    (workspace / MODULE).write_text(BOMB, encoding="utf-8")
    errors = _errors(capsys)
    assert (
        f"content/{BUNDLED.name}/{MODULE}:1:4: error: anchors (&name) are not allowed" in errors[0]
    )


def test_a_non_utf8_byte_is_located(workspace: Path, capsys) -> None:
    raw = (workspace / MODULE).read_bytes()
    line = raw[: raw.index(b"Bu Ratna")].count(b"\n") + 1
    (workspace / MODULE).write_bytes(raw.replace(b"Bu Ratna", b"Bu R\xe9tna", 1))
    errors = _errors(capsys)
    assert any(
        e.startswith(f"content/{BUNDLED.name}/{MODULE}:{line}:") and "not UTF-8" in e
        for e in errors
    )


def test_an_empty_file_is_reported(workspace: Path, capsys) -> None:
    (workspace / MODULE).write_text("", encoding="utf-8")
    errors = _errors(capsys)
    assert f"content/{BUNDLED.name}/{MODULE}:1:1: error: file is empty" in errors[0]
