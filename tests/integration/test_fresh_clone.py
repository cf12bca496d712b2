"""A new trainer's first run: a fresh copy of the checkout, `make site`, then `berdaya pdf`.

The copy holds the files git tracks (as they are in the working tree) and no virtual
environment: `make site` must create it and install what `berdaya pdf` needs (the `pdf`
extra; WeasyPrint's system libraries are present where the tests run, see `make test`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    environment["PATH"] = os.pathsep.join(
        p for p in environment.get("PATH", "").split(os.pathsep) if not p.startswith(str(ROOT))
    )
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )


def fresh_copy(target: Path) -> Path:
    """The tracked files of the checkout, copied into ``target``."""
    listed = run(["git", "ls-files", "-z"], ROOT)
    assert listed.returncode == 0, listed.stderr
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_site_then_pdf_from_a_fresh_clone(tmp_path: Path) -> None:
    clone = fresh_copy(tmp_path / "berdaya")
    assert not (clone / ".venv").exists()
    made = run(["make", "site", f"PYTHON={sys.executable}"], clone)
    assert made.returncode == 0, made.stdout + made.stderr
    log = made.stdout + made.stderr
    assert f"Building documentation to directory: {clone / 'site'}\n" in log
    assert ".site-" not in log, "the build log names site/, not the staging folder"
    assert f"built {clone / 'site'} (trainer site: " in log
    assert (clone / "site" / "manajemen-usaha-kecil" / "index.html").is_file()
    printed = run([str(clone / ".venv" / "bin" / "berdaya"), "pdf", "kerajinan-tangan"], clone)
    assert printed.returncode == 0, printed.stderr
    assert "wrote kerajinan-tangan-panduan-cetak.pdf (" in printed.stderr
    assert (clone / "kerajinan-tangan-panduan-cetak.pdf").read_bytes().startswith(b"%PDF-")
