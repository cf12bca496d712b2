"""A failed build in a real MkDocs run leaves the old site and no staging folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.helpers import project_here, tree

from generator.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return project_here(tmp_path, monkeypatch)


def test_a_failed_build_leaves_the_old_site_and_no_staging_folder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 0
    before = tree(project / "site")
    module = project / "content" / "contoh" / "modules" / "harga.yml"
    module.write_text(module.read_text().replace("minutes: 60", "minutes: enam puluh"))
    assert main(["build"]) == 1
    assert tree(project / "site") == before
    assert sorted(p.name for p in project.glob(".site*")) == []
    del capsys
