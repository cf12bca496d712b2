"""Every command through click's ``CliRunner``, plus real runs of the installed script.

The runner calls the same :class:`generator.cli.Berdaya` group as the console
script, so exit codes and one-line errors are the ones a user sees.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support.helpers import project_here

from generator.cli import cli

COMMANDS = ["new", "validate", "build", "serve", "export", "pdf", "results", "schema"]
BERDAYA = Path(sys.executable).parent / "berdaya"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return project_here(tmp_path, monkeypatch)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="berdaya")


def test_help_lists_every_command_with_a_quick_start() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert f"\n  {command} " in result.stdout, command
    assert "Quick start: 'berdaya new my-course'" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: berdaya {command} [OPTIONS]")


def test_version() -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout) == (0, "berdaya 0.1.0\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bangun"], "berdaya: error: No such command 'bangun' (see berdaya --help)"),
        (
            ["build", "--fast"],
            "berdaya build: error: No such option '--fast' (see berdaya build --help)",
        ),
        (
            ["build", "-j", "0"],
            (
                "berdaya build: error: Invalid value for '-j' / '--jobs': 0 is not in the range "
                "x>=1 (see berdaya build --help)"
            ),
        ),
        (
            ["export", "--format", "epub"],
            (
                "berdaya export: error: Invalid value for '--format': 'epub' is not one of 'zip', "
                "'html', 'scorm', 'zim' (see berdaya export --help)"
            ),
        ),
    ],
)
def test_a_wrong_option_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message + "\n", "")


UNKNOWN = "error: no curriculum 'kebun' in content/ (known: contoh)"


@pytest.mark.parametrize(
    "args",
    [
        ["export", "kebun"],
        ["export", "--format", "html", "kebun"],
        ["export", "--format", "zim", "kebun"],
        ["pdf", "kebun"],
    ],
)
def test_one_selector_one_message_exit_2(project: Path, args: list[str]) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (2, f"berdaya {args[0]}: {UNKNOWN}\n")
    assert not (project / "dist").exists()


def test_the_curricula_option_of_mkdocs_yml_is_selected_the_same_way(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    option = "      content_dir: content\n"
    assert option in text
    config.write_text(text.replace(option, option + "      curricula: [kebun]\n"), "utf-8")
    for command in ("build", "serve"):
        result = invoke(command)
        assert (result.exit_code, result.stderr) == (2, f"berdaya {command}: {UNKNOWN}\n")
    assert not (project / "site").exists()


MISSING = (
    "content/contoh/modules/harga.yml:23:17: error: lessons[1].body: media file "
    "'media/hilang.png' does not exist"
)


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["build"],
        ["serve"],
        ["export"],
        ["export", "--format", "html"],
        ["export", "--format", "zim"],
        ["pdf", "contoh"],
    ],
)
def test_one_checking_stage_the_same_diagnostic_everywhere(project: Path, args: list[str]) -> None:
    """A missing media file: every command says the same and stops before building."""
    module = project / "content" / "contoh" / "modules" / "harga.yml"
    text = module.read_text(encoding="utf-8")
    body = "    body: Harga jual = HPP + margin.\n"
    assert body in text
    module.write_text(text.replace(body, "    body: '![x](media/hilang.png)'\n"), "utf-8")
    result = invoke(*args)
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line] == [MISSING]
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "modules"]


@pytest.mark.parametrize("output_format", ["zip", "html"])
def test_one_file_is_for_zim_only(project: Path, output_format: str) -> None:
    result = invoke("export", "--format", output_format, "--one-file")
    message = f"berdaya export: error: --one-file is for --format zim, not --format {output_format}"
    assert (result.exit_code, result.stderr) == (2, message + "\n")
    assert not (project / "dist").exists()


def test_a_zim_export_without_libzim_names_the_extra(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "libzim", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "libzim.writer", None)
    monkeypatch.delitem(sys.modules, "generator.outputs.zim_writer", raising=False)
    result = invoke("export", "--format", "zim")
    message = (
        "berdaya export: error: libzim is not installed: install the extra with pip install "
        "'berdaya[zim]' (in a checkout: .venv/bin/pip install -e '.[zim]')\n"
    )
    assert (result.exit_code, result.stderr) == (1, message)
    assert not (project / "dist").exists()


def test_a_zim_export_refuses_to_replace_another_kind_of_file(project: Path) -> None:
    (project / "catatan.zim").write_text("my notes\n", encoding="utf-8")
    result = invoke("export", "--format", "zim", "-o", "catatan.zim")
    message = (
        "berdaya export: error: catatan.zim exists and is not a ZIM file: "
        "Berdaya will not replace it\n"
    )
    assert (result.exit_code, result.stderr) == (2, message)
    assert (project / "catatan.zim").read_text(encoding="utf-8") == "my notes\n"


def test_debug_shows_the_traceback_of_a_user_error(project: Path) -> None:
    result = invoke("--debug", "export", "-o", "/proc/berdaya/kursus.zip", "kebun")
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "UsageError"


def test_the_installed_script_exits_2_on_a_usage_error(project: Path) -> None:
    """A real process: the console script, its exit code and its one line."""
    done = subprocess.run(
        [BERDAYA, "pdf", "kebun"], capture_output=True, text=True, check=False, cwd=project
    )
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"berdaya pdf: {UNKNOWN}\n")


def test_the_module_runs_as_a_script(project: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "validate"],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "ok: 1 curricula, 2 modules\n")
