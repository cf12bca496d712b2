"""The ``serve`` path: saving one lesson rebuilds only its pages, with a full build's bytes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.helpers import ROOT, make_project, tree

from generator.exceptions import BuildError
from generator.outputs.serve import serve_builder
from generator.outputs.stamp import NAME as STAMP

ORIGINAL = ROOT / "content" / "partisipasi-masyarakat"
TRANSLATION = ROOT / "content" / "community-participation"
MODULE = "content/community-participation/modules/mapping-assets-and-needs.yml"
ALWAYS = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "404.html", STAMP}
"""Files every build writes, dirty or not: MkDocs' and the stamp of what it was built from."""


def _stamps(site: Path) -> dict[str, int]:
    return {
        p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()
    }


def _written(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, stamp in after.items() if before.get(name) != stamp}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the sitemap's dates
    return make_project(tmp_path / "project", ORIGINAL, TRANSLATION)


def _full_build(project: Path, site: Path) -> dict[str, bytes]:
    """A first build as ``berdaya serve`` makes it: every page."""
    serve_builder(project / "mkdocs.yml", site)()
    return tree(site)


def _edit_body(project: Path, sentence: str) -> None:
    module = project / MODULE
    text = module.read_text(encoding="utf-8")
    at = text.index("    body: |\n") + len("    body: |\n")
    indent = re.match(r" *", text[at:]).group(0)  # type: ignore[union-attr]
    module.write_text(f"{text[:at]}{indent}{sentence}\n\n{text[at:]}", encoding="utf-8")


def test_editing_one_lesson_rebuilds_its_pages_only(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    build = serve_builder(project / "mkdocs.yml", site)
    build()
    pages = {name for name in tree(site) if name.endswith(".html")}
    before = _stamps(site)
    build()  # nothing changed
    assert _written(before, _stamps(site)) == set(), "no build: nothing written"

    _edit_body(project, "A sentence added while serving.")
    before = _stamps(site)
    build()
    written = _written(before, _stamps(site))
    lesson = "community-participation/mapping-assets-and-needs/assets-and-social-map/index.html"
    assert lesson in written
    assert "A sentence added while serving." in (site / lesson).read_text(encoding="utf-8")
    assert "404.html" not in written, "the nav did not change: the 404 page is kept"
    rebuilt = written - ALWAYS
    assert all(name.startswith("community-participation/") for name in rebuilt), rebuilt
    assert len(rebuilt) < len(pages) // 10, sorted(rebuilt)

    assert tree(site) == _full_build(project, tmp_path / "full")


def test_a_new_title_rebuilds_every_page_as_a_full_build(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    build = serve_builder(project / "mkdocs.yml", site)
    build()
    module = project / MODULE
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    build()
    page = site / "community-participation" / "mapping-assets-and-needs" / "index.html"
    assert "Renamed " in page.read_text(encoding="utf-8")
    assert tree(site) == _full_build(project, tmp_path / "full")


def test_a_content_error_keeps_the_last_good_pages(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    build = serve_builder(project / "mkdocs.yml", site)
    build()
    good = tree(site)
    module = project / MODULE
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("    body: |\n", "    bodi: |\n", 1), encoding="utf-8")
    build()
    assert tree(site).keys() == good.keys()
    module.write_text(text, encoding="utf-8")
    build()
    assert tree(site) == good


def test_a_wrong_plugin_option_is_reported_by_the_rebuild(project: Path, tmp_path: Path) -> None:
    build = serve_builder(project / "mkdocs.yml", tmp_path / "served")
    build()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "      content_dir: content\n",
            "      content_dir: content\n      library_dirs: [nope]\n",
        ),
        encoding="utf-8",
    )
    with pytest.raises(BuildError, match="library_dirs: no folder 'nope'"):
        build()
