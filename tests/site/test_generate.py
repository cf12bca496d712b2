"""Generation of the Markdown: golden files, incremental writes, stale files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.exceptions import ContentError
from generator.site.generate import generate
from generator.site.plan import Options
from generator.site.scaffold import new_curriculum

from support.helpers import FIXTURES, ROOT

GOLDEN = ROOT / "tests" / "golden" / "mini"
UPDATE = os.environ.get("BERDAYA_UPDATE_GOLDEN") == "1"
"""Run ``BERDAYA_UPDATE_GOLDEN=1 pytest tests/site`` (or ``make golden``) to regenerate."""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.md"))
    }


def test_generated_markdown_matches_golden_files(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(content, docs)
    produced = _tree(docs)
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in produced.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    assert produced == _tree(GOLDEN), "run `make golden` if the change is intended"


def test_every_page_names_its_source(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(content, docs)
    lesson = (docs / "contoh" / "harga" / "hpp.md").read_text(encoding="utf-8")
    assert lesson.startswith("<!-- dibuat oleh berdaya dari content/contoh/modules/harga.yml;")
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert home.startswith("---\nhide:"), "front matter must stay first"


def test_second_generation_rewrites_nothing(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = generate(content, docs).report
    assert first.written
    times = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    second = generate(content, docs).report
    assert second.written == []
    assert second.deleted == []
    assert second.unchanged == len(first.written)
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()} == times


def test_removing_a_module_removes_its_pages(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(content, docs)
    assert (docs / "contoh" / "catatan" / "saldo.md").is_file()
    curriculum = content / "contoh" / "curriculum.yml"
    text = curriculum.read_text(encoding="utf-8")
    text = text.replace("  - catatan\n", "", 1).replace("        - module: catatan\n", "", 1)
    text = text.partition("tests:\n")[0]  # the tests ask about catatan too
    curriculum.write_text(text, encoding="utf-8")
    (content / "contoh" / "modules" / "catatan.yml").unlink()
    report = generate(content, docs).report
    assert not (docs / "contoh" / "catatan").exists()
    assert "contoh/catatan/saldo.md" in report.deleted
    assert "catatan" not in str(generate(content, docs).plan.nav)


def test_invalid_content_writes_nothing(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(content, docs)
    before = _tree(docs)
    module = content / "contoh" / "modules" / "harga.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("minutes: 60", "minuts: 60"))
    (content / "contoh" / "modules" / "catatan.yml").unlink()
    with pytest.raises(ContentError) as caught:
        generate(content, docs)
    lines = [d.format() for d in caught.value.diagnostics]
    assert any(
        "harga.yml:4:1: error: unknown key 'minuts' (did you mean 'minutes'?)" in x for x in lines
    )
    assert _tree(docs) == before


def test_nav_is_curriculum_module_lesson(content: Path, tmp_path: Path) -> None:
    plan = generate(content, tmp_path / "docs").plan
    home, curriculum = plan.nav
    assert home == {"Beranda": "index.md"}
    sections = curriculum["Contoh Kurikulum"]
    assert sections[0] == {"Contoh Kurikulum": "contoh/index.md"}
    assert sections[1] == {"Tes awal": "contoh/tes-awal.md"}  # before the modules
    assert sections[4] == {"Tes akhir": "contoh/tes-akhir.md"}  # after them
    assert sections[2]["Harga Jual"][:3] == [
        {"Harga Jual": "contoh/harga/index.md"},
        {"Harga pokok produksi": "contoh/harga/hpp.md"},
        {"Harga jual": "contoh/harga/harga-jual.md"},
    ]


def test_template_override_wins(content: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "lesson.md.j2").write_text("# {{ lesson.title }}\n\nDISESUAIKAN\n")
    docs = tmp_path / "docs"
    generate(content, docs, overrides)
    assert "DISESUAIKAN" in (docs / "contoh" / "harga" / "hpp.md").read_text(encoding="utf-8")
    assert "DISESUAIKAN" not in (docs / "contoh" / "harga" / "index.md").read_text(encoding="utf-8")


def test_english_curriculum_uses_english_slugs_and_labels(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    new_curriculum(content, "intro-course", "Intro course", "en")
    docs = tmp_path / "docs"
    generate(content, docs, options=Options(language="id"))
    module = (docs / "intro-course" / "introduction" / "index.md").read_text(encoding="utf-8")
    assert "## Learning objectives" in module
    assert "(quiz.md)" in module
    assert (docs / "intro-course" / "glossary.md").is_file()
    assert (docs / "intro-course" / "guide.md").is_file()
