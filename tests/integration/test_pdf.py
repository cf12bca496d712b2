"""``berdaya pdf``: real PDFs from the guide fixtures, read back with pdftotext and pdfinfo."""

# ruff: noqa: RUF001 - time ranges are written with an en dash, as the pages show them

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
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
    # overview and agenda (2), four session plans (4), checklist, answer keys (2), the tests:
    # their introduction, a paper for each test (2), their answer keys, evaluation and
    # follow-up (1), the four modules' content (4), then the sheets (13): their list, the
    # attendance of two days of 30 rows (4), participants (2), scores (2), observation (2),
    # feedback and certificate
    assert _page_count(pdf) == 30
    assert "(30 pages)" in capsys.readouterr().err
    pages = _pages(pdf)
    assert len(pages) == 30
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"{number} / 30"), "every page is numbered"
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
    assert "0:10–0:45 Menghitung modal warung Bu Latihan berpasangan" in text, "a table row"
    assert "Jawaban: Rp 2.500.000" in text
    assert "Modal awal Rp 2.500.000." in text, "solutions are in the trainer guide"


def test_learner_book_pdf(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _pdf(project, monkeypatch, "usaha-warung", "--audience", "learner")
    # the title page, then per module its lessons and activities, and its quiz
    assert _page_count(pdf) == 9
    text = " ".join(_pages(pdf))
    assert text.startswith("Buku peserta: Usaha Warung")
    assert "Tes awal warung" not in text, "the learner's book holds no test, no key"
    assert "Kunci jawaban" not in text
    assert "Hitung modal awal warung Bu Sari dari daftar belanja." in text
    assert "Nama:" in text
    assert "Jawaban: Rp" in text
    assert "Modal awal Rp 2.500.000." not in text, "no solutions for learners"
    assert "Lingkari: Benar / Salah" in text
