"""``berdaya build`` in parts: the same bytes as one ``mkdocs build``, on one core or several."""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

import pytest
from support.helpers import FIXTURES, ROOT, build, make_project, tree

from generator.exceptions import BuildError
from generator.outputs import parallel
from generator.outputs.mkdocs_site import build_once, build_site, load
from generator.outputs.stamp import NAME as STAMP

pytestmark = pytest.mark.slow

CONTENT = ROOT / "content"
BUNDLED = sorted(p for p in CONTENT.iterdir() if (p / "curriculum.yml").is_file())


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled curricula, with a site_url so that the sitemap lists every page."""
    folder = make_project(tmp_path_factory.mktemp("parallel"), *BUNDLED)
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "site_url: https://example.org/berdaya/\n",
        encoding="utf-8",
    )
    return folder


def _one_build(project: Path, site: Path) -> Path:
    """``mkdocs build`` of the project: every page in one MkDocs build, no parts."""
    build_once(load(project / "mkdocs.yml", strict=True, site_dir=str(site)))
    return site


def _differences(first: Path, second: Path) -> tuple[list[str], list[str], list[str]]:
    one, two = tree(first), tree(second)
    names = sorted(set(one) & set(two))
    _same, different, _errors = filecmp.cmpfiles(first, second, names, shallow=False)
    return sorted(set(one) - set(two)), sorted(set(two) - set(one)), different


def test_parts_on_two_processes_give_the_bytes_of_one_build(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    whole = _one_build(project, tmp_path / "whole")
    parts = build_site(project / "mkdocs.yml", tmp_path / "parts", strict=True, jobs=3)
    assert _differences(whole, parts) == ([], [STAMP], []), "berdaya build adds its stamp"
    sitemap = (parts / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<url>") == len(list(parts.rglob("index.html")))
    assert '"location":"kerajinan-tangan/glosarium/"' in (
        parts / "search" / "search_index.json"
    ).read_text(encoding="utf-8")


def test_one_process_builds_the_same_parts(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    two = build_site(project / "mkdocs.yml", tmp_path / "two", strict=True, jobs=2)
    one = build_site(project / "mkdocs.yml", tmp_path / "one", strict=True, jobs=1)
    assert _differences(two, one) == ([], [], [])
    assert not [p for p in one.iterdir() if p.name.startswith(".berdaya-part")]


def test_a_warning_in_a_part_fails_a_strict_build_and_keeps_the_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    two = (CONTENT / "akses-permodalan", CONTENT / "kerajinan-tangan")
    folder = make_project(tmp_path / "p", *two, FIXTURES / "mini" / "contoh")
    site = build(folder)
    before = tree(site)
    # an organisation's own page in a curriculum's folder, with a broken link
    own = folder / "modules" / "contoh" / "catatan.md"
    own.write_text("# Catatan\n\n[lihat](hilang.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"Aborted with 1 warnings in strict mode!"):
        build_site(folder / "mkdocs.yml", site, strict=True, jobs=2)
    assert tree(site) == before
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert [w for w in warnings if "hilang.md" in w], warnings
    assert not list(tmp_path.glob("p/.site-*"))


def test_a_site_with_another_plugin_is_built_in_one_build(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "p", BUNDLED[0])
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - berdaya:\n", "  - tags\n  - berdaya:\n"), encoding="utf-8")
    assert not parallel.splittable(load(config))
    assert parallel.splittable(load(ROOT / "mkdocs.yml"))
    site = build_site(config, folder / "site", strict=True, jobs=2)
    assert (site / BUNDLED[0].name / "index.html").is_file()
    shutil.rmtree(site)


def _nav_links(page: Path) -> set[str]:
    """The addresses in a page's main nav (Material's ``md-nav--primary``)."""
    html = page.read_text(encoding="utf-8")
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>\n</div>", 1)[0]
    return set(re.findall(r'href="([^"#]+)"', nav))


def test_a_curriculum_page_shows_its_own_nav_and_the_home_page_all(
    project: Path, tmp_path: Path
) -> None:
    site = build_site(project / "mkdocs.yml", tmp_path / "site", strict=True, jobs=2)
    ids = [p.name for p in BUNDLED]
    home = _nav_links(site / "index.html")
    assert {f"{c}/" for c in ids} <= home
    lesson = site / "kerajinan-tangan" / "pewarna-alami" / "bahan-pewarna-alami" / "index.html"
    links = _nav_links(lesson)
    assert "../../.." in links, "the home page"
    assert "../" in links, "its module"
    others = [c for c in ids if c != "kerajinan-tangan"]
    assert not [link for link in links if any(c in link for c in others)], links
    first = (site / "kerajinan-tangan" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="prev" href="..">' in first, "the home page comes before it"
    last = (site / "kerajinan-tangan" / "buku-peserta" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="prev"' in last
    assert '<link rel="next"' not in last, "no next page in another curriculum"
