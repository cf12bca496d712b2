"""Helpers shared by the tests: projects in temporary folders, real builds, CLI runs."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.outputs.mkdocs_site import build_site

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CONTOH = FIXTURES / "mini" / "contoh"
"""The mini curriculum ``contoh``: small, valid, every kind of page."""
GUIDE = FIXTURES / "guide"
"""Two curricula with full program guides (``usaha-warung``, ``shop-basics``)."""
LATIHAN_VIEWS = [
    "/",
    "/tes-awal/",
    "/dasar/",
    "/dasar/buku-kas/",
    "/dasar/nota/",
    "/dasar/kuis/",
    "/lanjut/",
    "/lanjut/harga-jual/",
    "/lanjut/kuis/",
    "/tes-akhir/",
    "/glosarium/",
]
"""The learner's views of the single-file fixture ``single/latihan``, in reading order."""

requires_pdf = pytest.mark.skipif(
    importlib.util.find_spec("weasyprint") is None,
    reason="WeasyPrint is not installed: pip install -e '.[pdf]' (make test installs it)",
)
"""For tests that print PDFs: the ``pdf`` extra is optional."""


def make_project(target: Path, *curricula: Path, config: Path | None = None) -> Path:
    """A project folder: mkdocs.yml, content/ with copies of ``curricula``, empty modules/."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(config or ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "modules").mkdir(exist_ok=True)
    content = target / "content"
    content.mkdir(exist_ok=True)
    for folder in curricula:
        shutil.copytree(folder, content / folder.name)
    return target


def build(project: Path, *, strict: bool = True) -> Path:
    """Run a real ``mkdocs build --strict`` of ``project``; returns site/."""
    return build_site(project / "mkdocs.yml", project / "site", strict=strict)


def make_web_project(folder: Path, *curricula: str) -> Path:
    """A project configured for the web (fonts, instant navigation, a GitHub repo link).

    The export must turn all of that off; ``curricula`` are copies of the fixture.
    """
    folder.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^  font: false.*$", "  font:\n    text: Roboto", config)
    config = config.replace("  features:\n", "  features:\n    - navigation.instant\n", 1)
    config += "\nrepo_url: https://github.com/example/berdaya\n"
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    (folder / "modules").mkdir()
    for name in curricula or ("contoh",):
        shutil.copytree(FIXTURES / "mini" / "contoh", folder / "content" / name)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def project_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with a copy of ``contoh`` in ``tmp_path/proyek``, the working directory."""
    root = make_project(tmp_path / "proyek", CONTOH)
    monkeypatch.chdir(root)
    return root


def guide_project(root: Path) -> Path:
    """A project in ``root`` whose content/ is a copy of the guide fixture."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "modules").mkdir()
    shutil.copytree(GUIDE, root / "content")
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Run ``berdaya ARGS``: the exit code and the non-blank lines it printed (no traceback)."""
    code = main(args)
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "Traceback" not in text
    return code, [line for line in text.splitlines() if line.strip()]
