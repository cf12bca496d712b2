"""The guide pages in a real ``mkdocs build --strict``: clock times read back from the HTML."""

# ruff: noqa: RUF001 - time ranges are written with an en dash, as the pages show them

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support.helpers import guide_project

from generator.cli import main
from generator.outputs.mkdocs_site import build_site

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "tests" / "fixtures" / "guide"

pytestmark = pytest.mark.slow


class Tables(HTMLParser):
    """Every table of a page as rows of cell texts, keyed by the heading above it."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.heading = ""
        self._in_heading = False
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading, self.heading = True, ""
        elif tag == "table":
            self._rows = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in {"td", "th"}:
            self._cell = []
        elif tag == "span" and ("class", "berdaya-box") in attrs and self._cell is not None:
            self._cell.append("[ ]")
        elif tag == "br" and self._cell is not None:
            self._cell.append(" <br> ")

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading = False
        elif tag == "table" and self._rows is not None:
            self.tables[self.heading.strip()] = self._rows
            self._rows = None
        elif tag in {"td", "th"} and self._cell is not None and self._rows:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self.heading += data.replace("¶", "")
        if self._cell is not None:
            self._cell.append(data)


def _project(target: Path, audience: str = "trainer") -> Path:
    target.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if audience != "trainer":
        config = config.replace(
            "content_dir: content", f"content_dir: content\n      audience: {audience}"
        )
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    (target / "modules").mkdir()
    shutil.copytree(GUIDE, target / "content")
    return build_site(target / "mkdocs.yml", target / "site", strict=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("guide") / "project")


def _page(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def _tables(site: Path, page: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(_page(site, page))
    return parser.tables


def test_agenda_shows_clock_times_computed_from_the_yaml(site: Path) -> None:
    tables = _tables(site, "usaha-warung/panduan")
    day1 = tables["Hari 1 — Modal dan harga"]
    assert day1[0] == ["Waktu", "Sesi", "Lama", "Catatan"]
    assert [row[:3] for row in day1[1:]] == [
        ["08:00–08:30", "Pembukaan dan pre-test", "30 menit"],
        ["08:30–09:30", "Modal Warung", "1 jam"],
        ["09:30–09:45", "Istirahat teh", "15 menit"],
        ["09:45–11:30", "Harga Jual", "1 jam 45 menit"],
        ["11:30–12:00", "Waktu kosong", "30 menit"],
        ["12:00–13:00", "Ishoma", "1 jam"],
        ["13:00–14:00", "Catatan Kas", "1 jam"],
        ["14:00–14:15", "Refleksi hari pertama", "15 menit"],
    ]
    assert day1[1][3] == (
        "Perkenalan singkat, lalu pre-test: <br> • soal 1 dan 2 dari kuis Modal <br> "
        "• soal 1 dari kuis Harga"
    )
    day2 = tables["Hari 2"]
    assert [row[0] for row in day2[1:]] == [
        "07:30–07:50",
        "07:50–09:20",
        "09:20–09:30",
        "09:30–10:00",
        "10:00–10:15",
    ]


def test_agenda_totals_per_day_and_for_the_programme(site: Path) -> None:
    totals = _tables(site, "usaha-warung/panduan")["Jadwal"]
    assert totals[1:] == [
        ["Hari 1 — Modal dan harga", "08:00–14:15", "4 jam 30 menit", "3 jam 5 menit (69%)"],
        ["Hari 2", "07:30–10:15", "2 jam 35 menit", "1 jam 35 menit (61%)"],
        ["Total", "", "7 jam 5 menit", "4 jam 40 menit (66%)"],
    ]
    html = _page(site, "usaha-warung/panduan")
    assert "2 hari, 7 jam 5 menit pelatihan (66% praktik)" in html
    assert (
        "<strong>08:00–14:15</strong> · 4 jam 30 menit pelatihan · 1 jam 15 menit istirahat" in html
    )


def test_session_plan_links_its_activities(site: Path) -> None:
    tables = _tables(site, "usaha-warung/panduan")
    plan = tables["Modal Warung"]
    assert plan[0] == ["Waktu", "Kegiatan", "Metode", "Catatan"]
    assert [row[:2] for row in plan[1:]] == [
        ["08:30–08:40", "Cerita warung Bu Sari"],
        ["08:40–09:15", "Menghitung modal warung Bu Sari"],
        ["09:15–09:30", "Pembahasan"],
    ]
    html = _page(site, "usaha-warung/panduan")
    assert '<a href="../modal/#hitung-modal">Menghitung modal warung Bu Sari</a>' in html
    assert 'id="hitung-modal"' in _page(site, "usaha-warung/modal")
    assert '<a href="#plan-modal">Modal Warung</a>' in html


def test_materials_checklist_has_boxes_and_merged_items(site: Path) -> None:
    checklist = _tables(site, "usaha-warung/panduan")["Daftar bahan dan alat"]
    assert checklist[0] == ["Siap", "Bahan atau alat", "Dipakai di"]
    assert checklist[1][:2] == ["[ ]", "Kalkulator"]
    assert checklist[1][2] == (
        "Modal Warung (Hari 1) <br> Modal Warung: Menghitung modal warung Bu Sari (Hari 1) <br> "
        "Harga Jual: Menghitung harga jual gula (Hari 1)"
    )
    assert len(checklist) == 7


def test_answer_keys_and_printable_pages(site: Path) -> None:
    guide = _page(site, "usaha-warung/panduan")
    assert "<strong>Jawaban:</strong> Rp 2.500.000" in guide
    assert "<strong>Tujuan yang diukur:</strong> Menghitung modal awal warung." in guide
    printed = _page(site, "usaha-warung/panduan-cetak")
    assert "Modal awal Rp 2.500.000." in printed, "the trainer print has solutions"
    assert 'href="#modal-hitung-modal"' in printed, "activities are on the same page"
    book = _page(site, "usaha-warung/buku-peserta")
    assert "Modal awal Rp 2.500.000." not in book, "the learner book has no solutions"
    assert "Hitung modal awal warung Bu Sari dari daftar belanja." in book
    assert '<p class="berdaya-answer-line">Jawaban: Rp</p>' in book
    assert "berdaya-print.css" in book


def test_english_curriculum_uses_english_words_and_addresses(site: Path) -> None:
    tables = _tables(site, "shop-basics/guide")
    assert [row[:2] for row in tables["Day 1"][1:]] == [
        ["09:00–09:15", "Welcome"],
        ["09:15–09:45", "Pricing"],
        ["09:45–10:00", "Tea"],
        ["10:00–10:10", "Closing"],
    ]
    assert (site / "shop-basics" / "guide-print" / "index.html").is_file()
    assert (site / "shop-basics" / "learner-book" / "index.html").is_file()


def test_learner_sites_have_the_book_but_no_guide(tmp_path: Path) -> None:
    site = _project(tmp_path / "learner", audience="learner")
    assert (site / "usaha-warung" / "buku-peserta" / "index.html").is_file()
    assert not (site / "usaha-warung" / "panduan").exists()
    assert not (site / "usaha-warung" / "panduan-cetak").exists()


def test_build_audience_learner_leaves_out_every_trainer_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    guide_project(project)
    monkeypatch.chdir(project)
    assert main(["build", "--audience", "learner"]) == 0
    site = (project / "site").resolve()
    assert f"built {site} (learner site: no guides, answer keys, sheets or results page)\n" in (
        capsys.readouterr().err
    )
    assert (site / "usaha-warung" / "buku-peserta" / "index.html").is_file()
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    assert [p for p in pages if "panduan" in p or "guide" in p] == []
    html = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert 'class="berdaya-key' not in html, "no answer keys"
    assert 'class="berdaya-tally' not in html, "no results page"
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "panduan" not in index
    assert main(["build"]) == 0, "without the option: the plugin's audience, trainer"
    assert (site / "usaha-warung" / "panduan" / "index.html").is_file()
    assert f"built {site} (trainer site: " in capsys.readouterr().err
    trainer = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert 'class="berdaya-key' in trainer
    assert 'class="berdaya-tally' in trainer
