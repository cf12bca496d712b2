"""``--lang id|en``: the content's problems in Bahasa Indonesia or English, on every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support.helpers import project_here

from generator.cli import cli

BERDAYA = Path(sys.executable).parent / "berdaya"
FILE = "content/contoh/modules/harga.yml"
WHERE = f"{FILE}:3:1"
ENGLISH = f"{WHERE}: error: unknown key 'summari' (did you mean 'summary'?)"
INDONESIAN = f"{WHERE}: error: kunci 'summari' tidak dikenal (maksudnya 'summary'?)"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini project with one unknown key in a module."""
    folder = project_here(tmp_path, monkeypatch)
    module = folder / "content" / "contoh" / "modules" / "harga.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("\nsummary:", "\nsummari:", 1), encoding="utf-8")
    return folder


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="berdaya")


def _lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line]


COMMANDS = [["validate"], ["build"], ["export"], ["export", "--format", "html"], ["pdf", "contoh"]]


@pytest.mark.parametrize("args", COMMANDS)
def test_lang_id_translates_the_message_and_keeps_the_prefix(
    project: Path, args: list[str]
) -> None:
    result = invoke(*args, "--lang", "id")
    assert (result.exit_code, _lines(result)) == (
        1,
        [f"{FILE}:2:1: error: kunci wajib 'summary' belum ada", INDONESIAN],
    )
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "modules"]


@pytest.mark.parametrize("args", COMMANDS)
def test_lang_en(project: Path, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BERDAYA_LANG", "id")
    result = invoke(*args, "--lang", "en")
    assert (result.exit_code, _lines(result)) == (
        1,
        [f"{FILE}:2:1: error: missing required key 'summary'", ENGLISH],
    )


def test_the_locale_chooses_by_default(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BERDAYA_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert _lines(invoke("validate"))[-1] == INDONESIAN
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert _lines(invoke("validate"))[-1] == ENGLISH
    monkeypatch.setenv("LC_ALL", "id_ID.UTF-8")
    assert _lines(invoke("validate"))[-1] == INDONESIAN


def test_json_carries_the_translated_message(project: Path) -> None:
    result = invoke("validate", "--format", "json", "--lang", "id")
    assert '"severity": "error",\n    "message": "kunci wajib \'summary\' belum ada"' in (
        result.stdout
    )


def test_a_clean_run_says_ok_in_the_language(project: Path) -> None:
    module = project / "content" / "contoh" / "modules" / "harga.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("\nsummari:", "\nsummary:", 1), encoding="utf-8")
    assert _lines(invoke("validate", "--lang", "id")) == ["ok: 1 kurikulum, 2 modul"]
    assert _lines(invoke("validate", "--lang", "en")) == ["ok: 1 curricula, 2 modules"]


def test_the_choice_does_not_outlive_the_run(project: Path) -> None:
    invoke("validate", "--lang", "id")
    assert _lines(invoke("validate"))[-1] == ENGLISH


def test_a_real_process_in_indonesian(project: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "LANG": "id_ID.UTF-8"}
    done = subprocess.run(
        [BERDAYA, "validate"], capture_output=True, text=True, check=False, cwd=project, env=env
    )
    assert (done.returncode, done.stdout.splitlines()[-1]) == (1, INDONESIAN)
