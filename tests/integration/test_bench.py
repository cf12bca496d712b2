"""A smoke run of ``benchmarks/bench.py`` at 50 lessons (the full benchmark is not a test)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from support.helpers import ROOT


def _seconds(cell: str) -> float:
    found = re.match(r"([\d.]+) s", cell)
    assert found, cell
    return float(found.group(1))


def test_bench_writes_a_table_with_sane_numbers(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    command = [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", "50"]
    command += ["--work", str(tmp_path / "work"), "--out", str(out), "--no-zensical"]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=1200)
    assert done.returncode == 0, done.stdout + done.stderr

    report = out.read_text(encoding="utf-8")
    assert re.search(r"Machine: \d+ cores \(.*\), [\d.]+ GiB RAM", report)
    assert "| lessons (curricula, pages) | validate |" in report
    row = next(line for line in report.splitlines() if line.startswith("| 61 (4, "))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    pages = int(re.match(r"61 \(4, (\d+)\)", cells[0]).group(1))  # type: ignore[union-attr]
    assert pages > 150
    validate, generate, build = _seconds(cells[1]), _seconds(cells[2]), _seconds(cells[4])
    assert 0 < validate < build
    assert 0 < generate < build
    assert float(cells[3]) > 0  # lessons per second
    assert cells[5].endswith("(0)"), "a no-op build writes no Markdown file"
    noop = re.match(r"[\d.]+ s \((\d+)\)", cells[6])
    assert noop, cells[6]
    assert int(noop.group(1)) <= 4, cells[6]  # search index, sitemaps, 404 only
    edit = re.match(r"[\d.]+ s \((\d+)\)", cells[7])
    assert edit, cells[7]
    assert 0 < int(edit.group(1)) < pages // 4, cells[7]
    assert re.match(r"[\d.]+ s \(\d+ MB\)", cells[8]), cells[8]  # the export
    assert re.match(r"[\d.]+ s \(\d+ MB\)", cells[9]), cells[9]  # plain MkDocs
    assert cells[10] == "-"  # no Zensical asked
    assert re.match(r"[\d.]+x", cells[11]), cells[11]
    assert "the edit is on the page: yes" in report
