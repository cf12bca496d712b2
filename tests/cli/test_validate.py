"""``berdaya validate``: exit codes, output formats, and no tracebacks for content problems."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

HARGA = "contoh/modules/harga.yml"
CATATAN = "contoh/modules/catatan.yml"
UNKNOWN_KEY = f"{HARGA}:4:1: error: unknown key 'minuts' (did you mean 'minutes'?)"
UNASSESSED = (
    f"{CATATAN}:6:3: warning: objectives.catat-kas: no question or activity assesses this objective"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def break_harga(mini) -> None:
    mini.edit("modules/harga.yml", "minutes: 60\n", "minuts: 60\n")


def warn_catatan(mini) -> None:
    mini.edit("modules/catatan.yml", "      objective: catat-kas\n", "")


def test_valid_curriculum_exits_0(mini, capsys) -> None:
    code, out, err = run(capsys, "validate", "contoh")
    assert (code, out, err) == (0, "", "ok: 1 curricula, 2 modules\n")


def test_default_path_is_content(mini, capsys) -> None:
    break_harga(mini)
    content = mini.root / "content"
    content.mkdir()
    mini.curriculum.rename(content / "contoh")
    code, out, _ = run(capsys, "validate")
    assert code == 1
    assert out == f"content/{UNKNOWN_KEY}\n"


def test_a_content_root_a_curriculum_or_one_of_its_files(mini, capsys) -> None:
    break_harga(mini)
    for path in (".", "contoh", "contoh/curriculum.yml", "contoh/modules", HARGA, CATATAN):
        code, out, _ = run(capsys, "validate", path)
        assert (code, out) == (1, f"{UNKNOWN_KEY}\n"), path


def test_errors_exit_1_with_one_line_each_on_stdout(mini, capsys) -> None:
    break_harga(mini)
    mini.edit("modules/catatan.yml", "answer: false", "answer: salah")
    code, out, err = run(capsys, "validate", "contoh")
    assert code == 1
    assert out.splitlines() == [
        (
            f"{CATATAN}:18:15: error: quiz.questions[0].answer: expected true or false, "
            "got the text 'salah'"
        ),
        UNKNOWN_KEY,
    ]
    assert err == ""


def test_warnings_alone_exit_0(mini, capsys) -> None:
    warn_catatan(mini)
    code, out, err = run(capsys, "validate", "contoh")
    assert code == 0
    assert out == f"{UNASSESSED}\n"
    assert err == "ok: 1 curricula, 2 modules\n"


def test_strict_turns_warnings_into_exit_1(mini, capsys) -> None:
    warn_catatan(mini)
    code, out, err = run(capsys, "validate", "--strict", "contoh")
    assert code == 1
    assert out == f"{UNASSESSED}\n"
    assert "ok" not in err


def test_strict_on_a_clean_curriculum_exits_0(mini, capsys) -> None:
    assert run(capsys, "validate", "--strict", "contoh")[0] == 0


def test_json_format(mini, capsys) -> None:
    break_harga(mini)
    warn_catatan(mini)
    code, out, err = run(capsys, "validate", "--format", "json", "contoh")
    assert code == 1
    assert err == ""
    assert json.loads(out) == [
        {
            "file": CATATAN,
            "line": 6,
            "column": 3,
            "severity": "warning",
            "message": "objectives.catat-kas: no question or activity assesses this objective",
        },
        {
            "file": HARGA,
            "line": 4,
            "column": 1,
            "severity": "error",
            "message": "unknown key 'minuts' (did you mean 'minutes'?)",
        },
    ]


def test_json_format_keeps_non_ascii_text(mini, capsys) -> None:
    mini.edit("modules/harga.yml", "minutes: 60", "minutes: satu jam—kira-kira")
    _, out, _ = run(capsys, "validate", "--format", "json", "contoh")
    assert "satu jam—kira-kira" in out
    assert json.loads(out)[0]["message"] == (
        "minutes: expected a whole number, got the text 'satu jam—kira-kira'"
    )


def test_json_format_of_a_clean_curriculum_is_an_empty_list(mini, capsys) -> None:
    code, out, err = run(capsys, "validate", "--format", "json", "contoh")
    assert (code, json.loads(out), err) == (0, [], "")


def test_github_format(mini, capsys) -> None:
    break_harga(mini)
    warn_catatan(mini)
    code, out, err = run(capsys, "validate", "--format", "github", "contoh")
    assert code == 1
    assert err == ""
    assert out.splitlines() == [
        (
            f"::warning file={CATATAN},line=6,col=3::objectives.catat-kas: no question or activity "
            "assesses this objective"
        ),
        f"::error file={HARGA},line=4,col=1::unknown key 'minuts' (did you mean 'minutes'?)",
    ]


def test_github_format_escapes_percent(mini, capsys) -> None:
    mini.edit("modules/harga.yml", "minutes: 60", "minutes: 100%")
    _, out, _ = run(capsys, "validate", "--format", "github", "contoh")
    assert out.splitlines() == [
        (
            f"::error file={HARGA},line=4,col=10::minutes: expected a whole number, "
            "got the text '100%25'"
        ),
    ]


def test_a_multi_line_value_gives_a_one_line_diagnostic(mini, capsys) -> None:
    mini.edit("modules/harga.yml", "minutes: 60", "minutes: |\n  satu jam\n  kurang lebih")
    for fmt in ("text", "github"):
        _, out, _ = run(capsys, "validate", "--format", fmt, "contoh")
        assert len(out.splitlines()) == 1, out
    _, out, _ = run(capsys, "validate", "contoh")
    assert (
        out
        == f"{HARGA}:4:10: error: minutes: expected a whole number, got the text 'satu jam...'\n"
    )


def test_non_existent_path_exits_2(mini, capsys) -> None:
    code, out, err = run(capsys, "validate", "contoh", "tidak-ada")
    assert (code, out) == (2, "")
    assert err == "berdaya validate: error: no such file or folder: tidak-ada\n"


def test_unknown_format_exits_2(mini, capsys) -> None:
    assert main(["validate", "--format", "xml", "contoh"]) == 2
    assert capsys.readouterr().err == (
        "berdaya validate: error: Invalid value for '--format': 'xml' is not one of 'text', "
        "'json', 'github' (see berdaya validate --help)\n"
    )


def test_unknown_option_exits_2(mini, capsys) -> None:
    assert main(["validate", "--tegas", "contoh"]) == 2
    assert capsys.readouterr().err == (
        "berdaya validate: error: No such option '--tegas' (see berdaya validate --help)\n"
    )


def test_help_exits_0(capsys) -> None:
    assert main(["validate", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--format" in out
    assert "--strict" in out


BROKEN = {
    "modules/harga.yml": [
        b"",
        b"\xff\xfe\x00t\x00i",
        b"- a\n- b\n",
        b"title: [x\n",
        b"a: &x 1\nb: *x\n",
        b"title: !!python/object:os.system ls\n",
        b"title: " + b"[" * 5000 + b"\n",
        b"quiz:\n  questions:\n    - {type: 7}\n    - [1]\n    - ~\n",
        b"lessons: {a: 1}\nactivities: 5\nsession: {steps: [{}]}\n",
        b"\x00\x01\x02",
    ],
    "curriculum.yml": [
        b"",
        b"modules: harga\n",
        b"title: T\nsummary: S\nmodules: [harga]\nguide: {days: [{start: 7, sessions: [5]}]}\n",
        b"title: T\nsummary: S\nmodules: [[harga]]\n",
    ],
}
CASES = [(name, text) for name, texts in BROKEN.items() for text in texts]


@pytest.mark.parametrize(("name", "text"), CASES)
def test_no_traceback_for_content_problems(mini, capsys, name: str, text: bytes) -> None:
    mini.write(name, text)
    for fmt in ("text", "json", "github"):
        code, out, err = run(capsys, "validate", "--format", fmt, "contoh")
        assert code == 1
        assert out
        assert "Traceback" not in out + err
        assert not re.search(r"[A-Z]\w+(Error|Exception)\b", out + err), out + err


def test_installed_command(mini) -> None:
    command = Path(sys.executable).parent / "berdaya"
    if not command.exists():  # not in a virtualenv: look on PATH
        found = shutil.which("berdaya")
        assert found, "the berdaya command is not installed"
        command = Path(found)
    break_harga(mini)
    mini.write("modules/catatan.yml", b"a: &x 1\nb: *x\n")
    result = subprocess.run(
        [str(command), "validate", "contoh"],
        cwd=mini.root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{CATATAN}:1:4: error: anchors (&name) are not allowed; write values out",
        UNKNOWN_KEY,
    ]
    assert "Traceback" not in result.stderr


def test_a_path_without_curricula_is_a_usage_error(mini, capsys) -> None:
    mini.root.joinpath("README.md").write_text("hello", encoding="utf-8")
    code, out, err = run(capsys, "validate", "README.md")
    assert (code, out) == (2, "")
    assert err == (
        "berdaya validate: error: no curriculum.yml in README.md; start one with 'berdaya new ID'\n"
    )


def test_the_same_curriculum_named_twice_is_checked_once(mini, capsys) -> None:
    break_harga(mini)
    code, out, _err = run(capsys, "validate", "contoh", str(mini.curriculum))
    assert code == 1
    assert out == UNKNOWN_KEY + "\n"
