"""The table in Python: the cells and the CSV of the shared vectors, and the text table."""

from __future__ import annotations

from typing import Any

import pytest
from support.results import case_id, tally_spec, vectors

from generator.results.scan import scan
from generator.results.spec import Spec
from generator.results.table import cells, csv_text, header, legend, text_table
from generator.results.tally import Entry, Tally, tally


def tally_of(case: dict[str, Any]) -> tuple[Tally, Spec]:
    spec: Spec = tally_spec()  # type: ignore[assignment]
    return tally([Entry("chat.txt", f) for f in scan(case["text"])], spec), spec


@pytest.mark.parametrize("case", vectors("tally"), ids=case_id)
def test_the_cells_and_the_csv_of_the_vector(case: dict[str, Any]) -> None:
    result, spec = tally_of(case)
    language = case["language"]
    shown = {
        "header": header(spec, language),
        "rows": [cells(row, language) for row in result.rows],
        "legend": legend(spec, language),
    }
    assert shown == case["table"]
    assert csv_text(result, spec, language) == case["csv"]


def test_the_text_table_of_the_chat() -> None:
    result, spec = tally_of(vectors("tally")[0])
    assert text_table(result, spec, "id") == (
        "Kedai Kopi: 2 peserta\n"
        "\n"
        "Nama          Tanggal     Tes awal  Tes akhir  Kenaikan  M1     M2    M3    "
        "Demonstrasi keterampilan\n"
        "BUDI SANTOSO  2025-03-15  38%       88%        +50       100 ✓  80 ✓  85 ✓\n"
        "SITI AMINAH   2025-03-14  63%       100%       +37       90 ✓   65 ✗  —\n"
        "\n"
        "M1: Modal Usaha (lulus ≥ 70%)\n"
        "M2: Catatan Kas (lulus ≥ 70%)\n"
        "M3: Harga Jual (lulus ≥ 80%)\n"
    )


def test_csv_cells_are_quoted_and_never_formulas() -> None:
    spec: Spec = {
        "curriculum": "x",
        "version": "",
        "title": "X",
        "modules": [{"id": "m", "title": '=HYPERLINK("x"), "kas"', "pass": 70}],
        "tests": None,
    }
    head = csv_text(Tally([], []), spec, "en").split("\r\n")[0]
    assert head == (
        "Name,Date,Pre-test (%),Post-test (%),Gain (points),"
        '"\'=HYPERLINK(""x""), ""kas"" (%)","\'=HYPERLINK(""x""), ""kas"": passed",'
        "Skill demonstration"
    )
