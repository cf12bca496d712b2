"""``reusing``: ``serve`` loads a file again only when its bytes changed, and no stage
changes a loaded document (a kept one must stay what the file says)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.helpers import ROOT

from generator.content.load import Kept, load_file, reusing
from generator.outputs.mkdocs_site import content_options, load, templates_dir
from generator.site.generate import generate

PROJECTS = [ROOT / "mkdocs.yml", ROOT / "examples" / "organisasi" / "mkdocs.yml"]
"""The bundled curricula, and an organisation's overlay of one (library_dirs)."""


def test_a_file_is_parsed_again_only_when_its_bytes_changed(tmp_path: Path) -> None:
    path = tmp_path / "curriculum.yml"
    path.write_text("id: satu\ntitle: Satu\n", encoding="utf-8")
    kept: Kept = {}
    with reusing(kept):
        first, _ = load_file(path)
        again, _ = load_file(path)
        path.write_text("id: satu\ntitle: Dua\n", encoding="utf-8")
        changed, _ = load_file(path)
    assert first is not None
    assert changed is not None
    assert again is first
    assert changed is not first
    assert changed.data["title"] == "Dua"
    assert load_file(path)[0] is not changed, "outside the block nothing is reused"


def test_a_file_with_problems_is_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "curriculum.yml"
    path.write_text("id: satu\nid: dua\n", encoding="utf-8")
    kept: Kept = {}
    with reusing(kept):
        _doc, problems = load_file(path)
        _doc, again = load_file(path)
    assert [p.format() for p in problems] == [p.format() for p in again]
    assert "duplicate key 'id'" in problems[0].format()
    assert kept == {}


@pytest.mark.slow
@pytest.mark.parametrize("config_file", PROJECTS, ids=["bundled", "overlay"])
def test_no_stage_changes_a_kept_document(config_file: Path, tmp_path: Path) -> None:
    config = load(config_file)
    content, options = content_options(config)
    kept: Kept = {}
    with reusing(kept):
        generate(content, tmp_path / "docs", templates_dir(config), options)
        generate(content, tmp_path / "docs", templates_dir(config), options)
    assert len(kept) > 10
    for path, (_raw, doc) in kept.items():
        assert doc == load_file(path)[0], path
