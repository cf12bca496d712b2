"""The wheel works on its own: built, installed into a fresh virtual environment outside
the checkout, and used in an empty folder as a new user would.

`berdaya new demo` must find its templates and write a whole project; validate,
build and both exports must then work there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(out)], out)
    assert built.returncode == 0, built.stderr
    assert "Warning" not in built.stderr, built.stderr
    (found,) = out.glob("berdaya-*.whl")
    return found


def test_the_wheel_carries_every_template_and_asset(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {
        f"generator/templates/{p.relative_to(ROOT / 'templates').as_posix()}"
        for p in (ROOT / "templates").rglob("*.j2")
    }
    assets = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "generator" / "assets").rglob("*")
        if p.is_file()
    }
    assert len(templates) > 20
    assert templates - names == set()
    assert assets - names == set()


def test_a_new_user_with_the_wheel_alone(wheel: Path, tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    installed = run([str(python), "-m", "pip", "install", "-q", str(wheel)], tmp_path)
    assert installed.returncode == 0, installed.stderr
    berdaya = str(environment / "bin" / "berdaya")
    work = tmp_path / "kosong"
    work.mkdir()
    created = run([berdaya, "new", "demo"], work)
    assert created.returncode == 0, created.stderr
    assert (work / "mkdocs.yml").is_file()
    assert "created content/demo/" in created.stdout
    for command in (["validate"], ["build"], ["export"], ["export", "--format", "html"]):
        result = run([berdaya, *command], work)
        assert result.returncode == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr
    assert (work / "site" / "demo" / "index.html").is_file()
    assert (work / "dist" / "berdaya.zip").is_file()
    assert (work / "dist" / "demo.html").is_file()
    where = run([str(python), "-c", "import generator; print(generator.__file__)"], work)
    assert not where.stdout.startswith(str(ROOT)), "the installed package, not the checkout"
