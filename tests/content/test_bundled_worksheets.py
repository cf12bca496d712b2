"""Every sheet a bundled activity hands out to be filled in is a worksheet.

An activity's materials naming a sheet ("Lembar kerja ...", "Lembar pengamat",
"Format notulen", "Monitoring checklist"...) must declare ``worksheet:`` so the
trainer kit prints it. Sheets that are read rather than filled in, or drawn on
flipchart paper, are listed in ``NOT_WORKSHEETS`` with the reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.check import read_project
from generator.content.model import Activity
from generator.content.project import find_curricula

CONTENT = Path(__file__).resolve().parents[2] / "content"
PROJECT = read_project(find_curricula([CONTENT]))

SHEET_ID = re.compile(
    r"^(lembar|formulir|format|ceklis|daftar periksa|kartu stok|kartu pelanggan|tabel 4p)\b",
    re.IGNORECASE,
)
SHEET_EN = re.compile(r"\b(sheets?|forms?|template|checklists?)\b", re.IGNORECASE)
FLIPCHART = re.compile(r"\b(plano|flipchart)\b", re.IGNORECASE)

NOT_WORKSHEETS: dict[str, str] = {
    # The generated observation grid (one row per participant) is this sheet.
    r"^lembar observasi": "the trainer kit's observation grid",
    r"observation sheet": "the trainer kit's observation grid",
    # Handouts to read: their text is in the activity's instructions.
    r"^lembar kasus": "a case handout to read; its text is in the instructions",
    r"^lembar soal": "the exercise's questions; answered in the notebook",
    r'^lembar "ciri pinjol ilegal"': "a handout to read",
    r'^lembar "hak dan kewajiban anggota"': "a handout to read",
    r'^lembar "daftar isi aturan kelompok"': "a list to read; the rules go on flipchart paper",
    r"^lembar aaes": "drawn on flipchart paper",
    r"^lembar pengamatan yang sudah diisi": "the worksheet of the previous activity",
    r"^ceklis hasil kegiatan": "the monitoring checklist filled in the previous activity",
    r"^checklists from the activity": "the monitoring checklist filled in the previous activity",
    r"^lembar rencana usaha 1 halaman": "the worksheet of ide-usaha/pilih-ide, used all along",
}


def _sheets(activity: Activity) -> list[str]:
    named = []
    for item in activity.materials:
        text = str(item)
        if FLIPCHART.search(text) and not SHEET_ID.match(text):
            continue
        if SHEET_ID.match(text) or SHEET_EN.search(text):
            named.append(text)
    return named


def _allowed(item: str) -> bool:
    return any(re.search(pattern, item, re.IGNORECASE) for pattern in NOT_WORKSHEETS)


CASES = [
    (f"{c.id}/{m.id}/{a.id}", a)
    for c in PROJECT.curricula
    for m in c.modules
    for a in m.model.activities
    if _sheets(a)
]


def test_the_rule_sees_the_sheets_it_is_about() -> None:
    ids = {case_id for case_id, _ in CASES}
    assert "keterampilan-digital/jualan-di-marketplace/hitung-harga-marketplace" in ids
    assert "community-participation/running-community-meetings/write-meeting-minutes" in ids
    assert len(CASES) >= 40


@pytest.mark.parametrize(("case_id", "activity"), CASES, ids=[c for c, _ in CASES])
def test_every_sheet_to_fill_in_is_a_worksheet(case_id: str, activity: Activity) -> None:
    missing = [item for item in _sheets(activity) if not _allowed(item)]
    if missing:
        assert activity.worksheet is not None, f"{case_id}: {missing} has no worksheet"


def test_every_allowed_physical_sheet_is_still_named_somewhere() -> None:
    items = [str(i) for _, a in CASES for i in a.materials]
    for pattern in NOT_WORKSHEETS:
        assert any(re.search(pattern, i, re.IGNORECASE) for i in items), pattern


def test_partisipasi_and_its_english_mirror_have_the_same_worksheets() -> None:
    by_id = {c.id: c for c in PROJECT.curricula}
    counts = {
        cid: sorted(
            (len(m.model.activities), sum(a.worksheet is not None for a in m.model.activities))
            for m in by_id[cid].modules
        )
        for cid in ("partisipasi-masyarakat", "community-participation")
    }
    assert counts["partisipasi-masyarakat"] == counts["community-participation"]
