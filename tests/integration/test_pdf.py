"""``berdaya pdf``: real PDFs from the guide fixtures, read back with pdftotext, pdfinfo, pypdf."""

# ruff: noqa: RUF001 - time ranges are written with an en dash, as the pages show them

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from support.helpers import guide_project, requires_pdf

from generator.cli import main

pytestmark = requires_pdf


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return guide_project(tmp_path_factory.mktemp("pdf"))


def _pdf(project: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Path:
    monkeypatch.chdir(project)
    target = project / f"{'-'.join(args)}.pdf"
    assert main(["pdf", *args, "-o", str(target)]) == 0
    return target


def _pages(pdf: Path) -> list[str]:
    """The text of each page, whitespace collapsed."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    assert match, info.stdout
    return int(match.group(1))


def test_trainer_guide_pdf(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = _pdf(project, monkeypatch, "usaha-warung")
    # the cover and the contents (2), overview and agenda (2), four session plans (4),
    # checklist, the skill demonstration rubric (1), answer keys (2), the tests: their
    # introduction, a paper for each test (2), their answer keys, evaluation and follow-up
    # (1), the four modules' content (4), then the sheets (13): their list, the attendance
    # of two days of 30 rows (4), participants (2), scores (2), observation (2), feedback
    # and certificate
    assert _page_count(pdf) == 33
    assert "(33 pages)" in capsys.readouterr().err
    pages = _pages(pdf)
    assert len(pages) == 33
    assert (
        pages[0]
        == "Berdaya PANDUAN PELATIH Usaha Warung Lama pelatihan 2 hari, 7 jam 5 menit pelatihan"
    )
    for number, page in enumerate(pages[1:], start=2):
        assert page.endswith(f"{number} / 33"), "every page but the cover is numbered"
    assert pages[1].startswith("Daftar isi Gambaran umum")
    pages = pages[2:]
    rubric = next(page for page in pages if "Rubrik unjuk keterampilan" in page)
    assert "No. Kriteria belum cukup baik" in rubric
    assert "Syarat lulus: Peserta lulus bila semua kriteria kritis (2)" in rubric
    sheets = pages.index(next(p for p in pages if "Lembar cetak" in p and "Untuk apa" in p))
    # the sheets after the guide have a name line too
    papers = [page for page in pages[:sheets] if "Nama: Tanggal:" in page]
    heads = [page.removeprefix("Panduan pelatih: Usaha Warung ")[:40] for page in papers]
    assert heads == [
        "Tes awal warung: Usaha Warung Nama: Tang",
        "Tes akhir: Usaha Warung Nama: Tanggal: 1",
    ], "each test is a paper of its own, with a line for the name"
    assert "1. Modal awal warung adalah ... Lingkari satu huruf. A. Keuntungan" in papers[0]
    assert "Uang masuk" in papers[0]
    assert "Kunci jawaban" not in papers[0]
    keys = next(page for page in pages if "Kunci jawaban: Tes awal warung" in page)
    assert "1 B 1 Modal Warung: Menghitung modal awal warung." in keys
    first = pages[0]
    assert first.startswith("Panduan pelatih: Usaha Warung")
    assert "Lama pelatihan: 2 hari, 7 jam 5 menit pelatihan (66% praktik)" in first
    assert "08:30–09:30 Modal Warung 1 jam" in first
    assert "11:30–12:00 Waktu kosong 30 menit" in first
    plans = [page for page in pages if "Jadwal: Hari" in page]
    assert [page.count("Jadwal: Hari") for page in plans] == [1, 1, 1, 1], (
        "each session plan has a page of its own"
    )
    assert "Jadwal: Hari 1, 09:45–11:30 · 1 jam 45 menit" in plans[1]
    text = " ".join(pages)
    assert "08:40–09:15 Menghitung modal warung Bu Latihan berpasangan" in text, "a table row"
    assert "Jawaban: Rp 2.500.000" in text
    assert "Modal awal Rp 2.500.000." in text, "solutions are in the trainer guide"


def test_learner_book_pdf(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _pdf(project, monkeypatch, "usaha-warung", "--audience", "learner")
    # the cover, the contents, the title page, then per module its lessons and activities,
    # and its quiz
    assert _page_count(pdf) == 11
    pages = _pages(pdf)
    assert (
        pages[0]
        == "Berdaya BUKU PESERTA Usaha Warung Lama pelatihan 2 hari, 7 jam 5 menit pelatihan"
    )
    assert pages[1].startswith("Daftar isi Tujuan program")
    text = " ".join(pages[2:])
    assert text.startswith("Buku peserta: Usaha Warung")
    assert "Tes awal warung" not in text, "the learner's book holds no test, no key"
    assert "Kunci jawaban" not in text
    assert "Hitung modal awal warung Bu Sari dari daftar belanja." in text
    assert "Nama:" in text
    assert "Jawaban: Rp" in text
    assert "Modal awal Rp 2.500.000." not in text, "no solutions for learners"
    assert "Lingkari: Benar / Salah" in text


# The cover, the contents and the bookmarks ------------------------------------------------

_TOC_LINE = re.compile(r"^(?P<indent> *)(?P<text>.*?)[ .]*\.[ .]*(?P<page>\d+)$")


def _outline(pdf: Path) -> list[tuple[int, str, int]]:
    """The PDF's bookmarks as (level, title, page number), in order."""
    reader = PdfReader(pdf)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return found


def _contents(pdf: Path) -> list[tuple[int, str, int]]:
    """The lines of the contents page (page 2) as (level, text, page number)."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    assert lines[0].strip() == "Daftar isi", lines[0]
    entries = []
    base = len(lines[1]) - len(lines[1].lstrip())
    for line in lines[1:]:
        match = _TOC_LINE.match(line)
        if match is None:
            assert re.fullmatch(r" *\d+ / \d+", line), f"not a contents line: {line!r}"
            continue
        level = 2 if len(match["indent"]) <= base else 3
        entries.append((level, match["text"].strip(), int(match["page"])))
    return entries


def test_bookmarks_and_contents_of_the_trainer_guide(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = _pdf(project, monkeypatch, "usaha-warung")
    outline = _outline(pdf)
    assert outline[:6] == [
        (1, "Usaha Warung", 1),
        (2, "Daftar isi", 2),
        (2, "Gambaran umum", 3),
        (2, "Persiapan sebelum pelatihan", 3),
        (2, "Jadwal", 3),
        (3, "Hari 1 — Modal dan harga", 3),
    ]
    sections = [title for level, title, _ in outline if level == 2]
    assert sections == [
        "Daftar isi",
        "Gambaran umum",
        "Persiapan sebelum pelatihan",
        "Jadwal",
        "Rencana sesi",
        "Daftar bahan dan alat",
        "Rubrik unjuk keterampilan",
        "Kunci jawaban",
        "Tes awal dan tes akhir",
        "Evaluasi",
        "Tindak lanjut",
        "Materi modul",
        "Lembar cetak",
    ]
    assert (3, "Melayani Pembeli", 8) in outline, "the last session plan, on page 8"
    assert (3, "Melayani Pembeli", 20) in outline, "the last module's content"
    assert outline[-1] == (3, "Sertifikat", 33), "the last sheet"
    contents = _contents(pdf)
    assert contents == outline[2:], "the contents' page numbers are the bookmarks' pages"
    pages = _pages(pdf)
    for _, title, page in contents:  # the certificate's title is spaced out in capitals
        squeezed = pages[page - 1].replace(" ", "").casefold()
        assert title.replace(" ", "").casefold() in squeezed, f"{title!r} is on page {page}"


def test_bookmarks_and_contents_of_the_learner_book(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = _pdf(project, monkeypatch, "usaha-warung", "--audience", "learner")
    outline = _outline(pdf)
    assert outline[:4] == [
        (1, "Usaha Warung", 1),
        (2, "Daftar isi", 2),
        (2, "Tujuan program", 3),
        (2, "1. Modal Warung", 4),
    ]
    assert [title for level, title, _ in outline if level == 2][2:] == [
        "1. Modal Warung",
        "2. Harga Jual",
        "3. Catatan Kas",
        "4. Melayani Pembeli",
    ]
    contents = _contents(pdf)
    assert contents == outline[2:]
    pages = _pages(pdf)
    for _, title, page in contents:
        assert title in pages[page - 1], f"{title!r} is on page {page}"
