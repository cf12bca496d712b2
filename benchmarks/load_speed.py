"""How fast YAML files load: libyaml's events against PyYAML's pure-Python parser.

Loads every YAML file of content/ with each parser, side by side in one run,
then runs ``berdaya validate content/`` end to end (a fresh process each time)
with each parser. The pure-Python parser is what every file went through before
libyaml was used; it is still what reads a file when PyYAML has no libyaml.
Reports the minimum and the median of several runs, and checks that both
parsers gave the same documents and problems.

Usage: python benchmarks/load_speed.py [RUNS]   (default: 7)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.content import yaml_events  # noqa: E402
from generator.content.diagnostics import Diagnostic  # noqa: E402
from generator.content.load import Document, load_file  # noqa: E402

CONTENT = ROOT / "content"
LIBYAML = yaml_events.LIBYAML
PARSERS = ["libyaml", "pure Python"]

VALIDATE = """\
import sys
from generator.content import yaml_events
if sys.argv[1] == "pure Python":
    yaml_events.LIBYAML = None
from generator.cli import main
sys.exit(main(["validate", "content/"]))
"""
"""``berdaya validate content/`` in a fresh process, on the parser named by argv[1]."""


@contextmanager
def parser(name: str) -> Iterator[None]:
    """Load YAML with the parser ``name`` while the block runs."""
    yaml_events.LIBYAML = LIBYAML if name == "libyaml" else None
    try:
        yield
    finally:
        yaml_events.LIBYAML = LIBYAML


def load_all(files: list[Path]) -> list[tuple[Document | None, list[Diagnostic]]]:
    """Every file loaded: its document and its problems."""
    return [load_file(path) for path in files]


def comparable(results: list[tuple[Document | None, list[Diagnostic]]]) -> list[object]:
    """Loaded files as values to compare (``repr`` tells 1, 1.0 and True apart)."""
    return [
        (doc and (repr(doc.data), doc.positions, doc.key_positions, doc.number_texts), problems)
        for doc, problems in results
    ]


def time_loads(files: list[Path], runs: int) -> dict[str, list[float]]:
    """Seconds to load all ``files``, per parser, the parsers taking turns run by run."""
    times: dict[str, list[float]] = {name: [] for name in PARSERS}
    for _ in range(runs):
        for name in PARSERS:
            with parser(name):
                started = time.perf_counter()
                load_all(files)
                times[name].append(time.perf_counter() - started)
    return times


def time_validate(runs: int) -> dict[str, list[float]]:
    """Seconds for ``berdaya validate content/`` end to end, per parser."""
    times: dict[str, list[float]] = {name: [] for name in PARSERS}
    for _ in range(runs):
        for name in PARSERS:
            started = time.perf_counter()
            command = [sys.executable, "-c", VALIDATE, name]
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
            times[name].append(time.perf_counter() - started)
    return times


def row(label: str, seconds: list[float]) -> str:
    """One line of the table: minimum and median."""
    return f"{label:<40}{min(seconds):>10.3f}{statistics.median(seconds):>12.3f}"


def main(argv: list[str]) -> int:
    """Time both parsers and print the table; returns the exit code."""
    runs = int(argv[0]) if argv else 7
    if LIBYAML is None:
        print("PyYAML was built without libyaml: there is nothing to compare.")
        return 1
    files = sorted(CONTENT.rglob("*.yml")) + sorted(CONTENT.rglob("*.yaml"))
    size = sum(path.stat().st_size for path in files)
    with parser("libyaml"):
        fast = comparable(load_all(files))
    with parser("pure Python"):
        same = fast == comparable(load_all(files))
    loads = time_loads(files, runs)
    validate = time_validate(runs)

    print(f"{len(files)} YAML files in content/ ({size / 1024:,.0f} KiB), {runs} runs each\n")
    print(f"{'':<40}{'min (s)':>10}{'median (s)':>12}")
    for name in PARSERS:
        print(row(f"load all files, {name}", loads[name]))
    for name in PARSERS:
        print(row(f"berdaya validate content/, {name}", validate[name]))
    load_ratio = statistics.median(loads["pure Python"]) / statistics.median(loads["libyaml"])
    run_ratio = statistics.median(validate["pure Python"]) / statistics.median(validate["libyaml"])
    print(f"\nlibyaml loads {load_ratio:.1f}x faster; validate runs {run_ratio:.1f}x faster")
    print(f"same documents and problems from both parsers: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
