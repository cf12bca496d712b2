"""Real ``mkdocs build --strict`` of the fixture; the HTML is read back."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest
from support.helpers import FIXTURES, build, make_project

from generator.cli import main

CONTOH = FIXTURES / "mini" / "contoh"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>\n'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("project"), CONTOH)
    return build(project)


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_every_curriculum_module_and_lesson_has_a_page(site: Path) -> None:
    for page in [
        "",
        "contoh",
        "contoh/harga",
        "contoh/harga/hpp",
        "contoh/harga/harga-jual",
        "contoh/harga/kuis",
        "contoh/catatan",
        "contoh/catatan/buku-kas",
        "contoh/catatan/saldo",
        "contoh/glosarium",
        "contoh/panduan",
    ]:
        assert (site / page / "index.html").is_file(), page


def test_pages_show_their_content(site: Path) -> None:
    curriculum = _html(site, "contoh")
    assert re.search(r"<h1[^>]*>Contoh Kurikulum<", curriculum)
    assert "Pelaku usaha mikro" in curriculum
    assert 'href="harga/"' in curriculum
    assert "1 jam 30 menit, 2 modul" in curriculum
    module = _html(site, "contoh/harga")
    assert "Tujuan pembelajaran" in module
    assert 'id="hitung-keripik"' in module
    assert '<details class="success">' in module, "the solution is collapsed"
    lesson = _html(site, "contoh/harga/hpp")
    assert (
        '<abbr title="Harga pokok produksi, semua biaya untuk membuat satu produk.">HPP</abbr>'
        in lesson
    )
    assert 'href="../harga-jual/"' in lesson, "next lesson link"


def test_lesson_nav_is_pruned_to_its_module(site: Path) -> None:
    nav = _html(site, "contoh/harga/hpp").split('class="md-nav__list"', 1)[1]
    nav = nav.split("</nav>", 1)[0]
    links = set(re.findall(r'href="([^"]+)"', nav))
    assert "../harga-jual/" in links, "a sibling lesson is listed"
    assert not any("buku-kas" in link or "saldo" in link for link in links), links


def test_home_has_a_card_per_curriculum(site: Path) -> None:
    home = _html(site, "")
    assert 'class="grid cards"' in home
    assert 'href="contoh/"' in home


def test_same_content_builds_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build(make_project(tmp_path / "a", CONTOH))
    second = build(make_project(tmp_path / "b", CONTOH))
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(
        p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()
    )
    _match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert (mismatch, errors) == ([], [])


def _with_media(tmp_path: Path, reference: str) -> Path:
    project = make_project(tmp_path, CONTOH)
    folder = project / "content" / "contoh"
    (folder / "media").mkdir()
    (folder / "media" / "lembar-kerja.svg").write_bytes(SVG)
    module = folder / "modules" / "harga.yml"
    text = module.read_text(encoding="utf-8")
    text = text.replace(
        "    body: Harga jual = HPP + margin.",
        f"    body: 'Harga jual = HPP + margin. ![Lembar]({reference})'",
    )
    module.write_text(
        text + f"resources:\n  - title: Lembar kerja\n    file: {reference}\n", encoding="utf-8"
    )
    return project


def test_media_is_copied_and_linked(tmp_path: Path) -> None:
    site = build(_with_media(tmp_path, "media/lembar-kerja.svg"))
    assert (site / "contoh" / "media" / "lembar-kerja.svg").read_bytes() == SVG
    assert 'src="../../media/lembar-kerja.svg"' in _html(site, "contoh/harga/harga-jual")
    assert 'href="../media/lembar-kerja.svg"' in _html(site, "contoh/harga")


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("media/hilang.svg", "media file 'media/hilang.svg' does not exist"),
        (
            "media/../../../rahasia.txt",
            "'media/../../../rahasia.txt' is outside the curriculum's media/ folder",
        ),
    ],
)
def test_bad_media_reference_is_an_error_and_site_stays(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    reference: str,
    message: str,
) -> None:
    project = _with_media(tmp_path, reference)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous site")
    monkeypatch.chdir(project)
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert f"content/contoh/modules/harga.yml:23:49: error: lessons[1].body: {message}" in err
    assert f"content/contoh/modules/harga.yml:74:11: error: resources[0].file: {message}" in err
    assert "Traceback" not in err
    assert (project / "site" / "index.html").read_text() == "previous site"


def test_build_command_builds_and_replaces_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path, CONTOH)
    monkeypatch.chdir(project)
    assert main(["build", "--strict"]) == 0
    assert (project / "site" / ".berdaya-site").is_file(), "marked as Berdaya's"
    (project / "site" / "stale.html").write_text("old")
    assert main(["build", "--strict"]) == 0
    assert (project / "site" / "contoh" / "harga" / "hpp" / "index.html").is_file()
    assert not (project / "site" / "stale.html").exists()
    assert not list(project.glob(".site-*")), "no staging folder left behind"
