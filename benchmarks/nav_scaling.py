"""How build time grows with the number of lessons, with and without nav pruning.

Generates synthetic curricula (10 lessons per module, 10 modules per
curriculum) and runs a real MkDocs build of each size, with the bundled
mkdocs.yml (curriculum -> module -> lesson nav, navigation.prune) and with
pruning switched off, side by side in one run.

Usage: python benchmarks/nav_scaling.py [SIZES...]   (default: 100 200 400 800)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.outputs.mkdocs_site import build_site  # noqa: E402

LESSONS_PER_MODULE = 10
MODULES_PER_CURRICULUM = 10
BODY = "Paragraf pelajaran dengan **teks tebal** dan daftar:\n\n- satu\n- dua\n\n" * 3


def make_content(folder: Path, lessons: int) -> None:
    """Write synthetic curricula holding ``lessons`` lessons in all."""
    modules = lessons // LESSONS_PER_MODULE
    for c in range((modules + MODULES_PER_CURRICULUM - 1) // MODULES_PER_CURRICULUM):
        ids = [f"m{m}" for m in range(c * 10, min(modules, (c + 1) * 10))]
        cur = folder / f"c{c}"
        (cur / "modules").mkdir(parents=True)
        curriculum = {"title": f"Kurikulum {c}", "summary": "Sintetis.", "modules": ids}
        (cur / "curriculum.yml").write_text(yaml.safe_dump(curriculum), encoding="utf-8")
        for mid in ids:
            module = {
                "title": f"Modul {mid}",
                "summary": "Sintetis.",
                "lessons": [
                    {"id": f"l{i}", "title": f"Pelajaran {i}", "body": BODY}
                    for i in range(LESSONS_PER_MODULE)
                ],
            }
            (cur / "modules" / f"{mid}.yml").write_text(yaml.safe_dump(module), encoding="utf-8")


def timed_build(lessons: int, *, prune: bool) -> float:
    """Seconds for one real build of a project with ``lessons`` lessons."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        if not prune:
            config = config.replace("    - navigation.prune\n", "")
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        (project / "modules").mkdir()
        make_content(project / "content", lessons)
        start = time.perf_counter()
        build_site(project / "mkdocs.yml", project / "site")
        return time.perf_counter() - start


def main() -> None:
    """Print a table: lessons, seconds with and without pruning, ms per lesson."""
    sizes = [int(a) for a in sys.argv[1:]] or [100, 200, 400, 800]
    head = ("lessons", "pruned s", "ms/lesson", "full s", "ms/lesson", "full/pruned")
    print(" ".join(f"{h:>11}" for h in head))
    for size in sizes:
        pruned = timed_build(size, prune=True)
        full = timed_build(size, prune=False)
        row = (size, pruned, 1000 * pruned / size, full, 1000 * full / size, full / pruned)
        print(" ".join(f"{x:>11.2f}" if isinstance(x, float) else f"{x:>11}" for x in row))
    shutil.rmtree(ROOT / "benchmarks" / "__pycache__", ignore_errors=True)


if __name__ == "__main__":
    main()
