"""Berdaya's build, size by size, beside plain MkDocs and Zensical on the same Markdown.

For each size (a number of lessons) it writes a project of synthetic curricula
made from the bundled ones (``content/``: real lessons, quizzes, activities,
guides and tests), each copy renamed and its prose varied so that no two
copies say the same, and measures, every phase in a fresh process (wall time,
peak resident memory from ``wait4``):

- ``validate``: ``berdaya validate`` (load and check);
- ``generate``: load, check, plan, render and write the Markdown, in process;
- ``build``: ``berdaya build`` from an empty docs folder (the whole pipeline);
- ``no-op build``: ``berdaya build`` again, nothing changed (files written in the docs
  and site folders);
- the ``serve`` path: a no-op rebuild and the rebuild after editing one lesson's
  text, as ``berdaya serve`` rebuilds (files written; seconds until the edited
  page is written);
- ``export``: ``berdaya export`` (the offline zip);
- baselines on the Markdown Berdaya generated: plain MkDocs + Material with the
  full nav (no berdaya plugin, no ``navigation.prune``) and Zensical with the
  same configuration, installed by this script into ``benchmarks/.venv-zensical``.

It writes BENCHMARKS.md (machine, versions, date, the table, ratios and the
targets of issue 18). Baselines longer than ``--cap`` seconds are stopped and
reported as "> cap".

Usage: python benchmarks/bench.py [--sizes 100 1000 5000] [--cap 600] [--out BENCHMARKS.md]
       [--work DIR] [--no-zensical] [--no-baselines-above N]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
ZENSICAL_VENV = ROOT / "benchmarks" / ".venv-zensical"
ORDER = [  # the original of a translation comes before it
    "akses-permodalan",
    "kerajinan-tangan",
    "keterampilan-digital",
    "manajemen-usaha-kecil",
    "partisipasi-masyarakat",
    "community-participation",
    "pertanian-berkelanjutan",
]
VARIED = re.compile(
    r"(?<![\w-])(Peserta|Fasilitator|Kelompok|Participants|Facilitator|Group)(?![\w-])"
)
"""Capitalised words of the prose (never in an id) that each copy varies."""
GAPS = """\
## Where the time goes

`berdaya build` works in parts on every core (docs/architecture.md, "The build in
parts"): one process checks all the content and plans the site (the outline), then
each part of about 800 pages is generated and built by MkDocs in its own process, two
at a time here, and the parts are joined. Profiles (pyinstrument, cProfile):

- Generation is Python throughout: Jinja2 rendering of every page (about 65%: the quiz
  page, guide, print guide, book, tests), walking libyaml's events into positioned data,
  pydantic and the checks (about 30%). About 110 lessons per CPU second; the build
  runs it on both cores, but the outline's check of all the content is one process.
  1000 lessons per second would need rendering cached across builds or work moved out
  of Python. As the build got faster, generation's share of it grew.
- A part's MkDocs build is mostly Python-Markdown converting each page. Measured page
  by page on the 100-lesson project (all pages converted with the site's extensions,
  3.9 s in all): the three pages per curriculum that repeat its lessons take 60% of
  it (the printable guide 197 ms for 222 kB of Markdown, the learner book 90 ms, the
  guide 69 ms), a lesson 5 ms, a quiz page 4 ms. The cost follows the size of the
  text (about 0.9 ms per kB, spread over inline patterns, `md_in_html`'s HTML parser,
  block parsing and serialising), so no one extension is the cause. Each page
  renders only its own curriculum's nav, so a page costs the same however many
  curricula the site has.
- After the parts, one process writes the offline app's bundles (each curriculum's
  pages parsed for the files they load and hashed), shared among the cores.
- A no-op `berdaya build` or `serve` rebuild compares the stamp the last build left in
  the site (docs/architecture.md, "The no-op build") and writes nothing. A `serve`
  rebuild after an edit parses again only the YAML files that changed, renders only
  that curriculum and keeps the theme's compiled templates; what is left is MkDocs:
  the edited lesson's pages, among them that curriculum's printable guide, book and
  guide (about 0.3 s of the 0.72 s at 100 lessons), the theme's file list and
  404.html.
- Memory: each process holds one part (about 800 pages) or the outline (every
  curriculum's models, without rendered pages).
"""
"""Written under the targets: the causes, from the profiles."""
RATIO_LESSONS = 1000
"""The size the targets of the ratios to plain MkDocs and Zensical are set for."""
EDIT = "Catatan pengukuran: paragraf yang ditambahkan saat mengukur."

GENERATE = """\
import json, sys, time
from pathlib import Path
from generator.outputs.mkdocs_site import content_options, load, templates_dir
from generator.content.check import check
from generator.site.generate import generate
from generator.plugin import html_nav
config = load(Path("mkdocs.yml"))
content, options = content_options(config)
started = time.perf_counter()
check(content, options.language, options.curricula, options.library_dirs)
checked = time.perf_counter() - started
started = time.perf_counter()
done = generate(content, Path(config.docs_dir), templates_dir(config), options)
seconds = time.perf_counter() - started
Path("nav.json").write_text(json.dumps(html_nav(done.plan.nav)), encoding="utf-8")
print(json.dumps({"check": checked, "generate": seconds, "pages": len(done.plan.pages),
                  "written": len(done.report.written)}))
"""
"""Times ``check`` and ``generate`` in one process; writes the nav for the baselines."""

SERVE = """\
import json, sys, time, tempfile
from pathlib import Path
from generator.outputs.serve import serve_builder
module, page = sys.argv[1], sys.argv[2]
site = Path(tempfile.mkdtemp(prefix="bench-serve-"))
build = serve_builder(Path("mkdocs.yml"), site)

def snapshot():
    found = {}
    for top in (site, Path("modules")):
        for path in top.rglob("*"):
            if path.is_file():
                stat = path.stat()
                found[str(path)] = (stat.st_mtime_ns, stat.st_ino, stat.st_size)
    return found

def written(before, after):
    return sum(1 for name, value in after.items() if before.get(name) != value)

result = {}
started = time.perf_counter(); build(); result["first"] = time.perf_counter() - started
before = snapshot()
started = time.perf_counter(); build(); result["noop"] = time.perf_counter() - started
result["noop_written"] = written(before, snapshot())
path = Path(module)
text = path.read_text(encoding="utf-8")
marker = "    body: |\\n"
at = text.index(marker) + len(marker)
indent = " " * (len(text[at:]) - len(text[at:].lstrip(" ")))
path.write_text(text[:at] + indent + sys.argv[3] + "\\n\\n" + text[at:], encoding="utf-8")
before = snapshot()
wall = time.time()
started = time.perf_counter(); build(); result["edit"] = time.perf_counter() - started
target = site / page
result["edit_page"] = target.stat().st_mtime - wall
result["edit_written"] = written(before, snapshot())
result["edit_seen"] = sys.argv[3] in target.read_text(encoding="utf-8")
print(json.dumps(result))
"""
"""The ``serve`` path: rebuilds as ``berdaya serve`` runs them, in one process."""


@dataclass
class Run:
    """One phase in a fresh process."""

    seconds: float
    mb: float
    ok: bool
    output: str = ""
    capped: bool = False

    def data(self) -> dict[str, object]:
        """The last line of the output, as JSON."""
        return json.loads(self.output.strip().splitlines()[-1])  # type: ignore[no-any-return]


@dataclass
class Row:
    """The measurements of one size."""

    lessons: int
    curricula: int
    pages: int = 0
    runs: dict[str, Run] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)


def run(command: list[str], cwd: Path, cap: float | None = None) -> Run:
    """Run ``command``; its wall time and peak memory (MB), stopped after ``cap`` seconds.

    The memory is the largest sum of the resident memory of the command and every
    process it started (``berdaya build`` works in several), sampled every 50 ms,
    and at least the command's own peak as ``wait4`` reports it.
    """
    with tempfile.TemporaryFile(mode="w+") as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        capped = False
        peak = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, session_memory(process.pid))
            if cap is not None and time.perf_counter() - started > cap:
                os.killpg(process.pid, signal.SIGKILL)
                capped = True
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    ok = process.returncode == 0 and not capped
    if not ok and not capped:
        print(f"  failed: {' '.join(command)}\n{output[-3000:]}", file=sys.stderr)
    return Run(seconds, max(peak / 2**20, usage.ru_maxrss / 1024), ok, output, capped)


def session_memory(session: int) -> int:
    """The resident bytes of every process of a session (Linux ``/proc``; 0 elsewhere)."""
    total = 0
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else []:
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session:  # the session id, 6th field of stat
                total += int((entry / "statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return total


def make_content(folder: Path, lessons: int) -> tuple[int, int]:
    """Write copies of the bundled curricula holding at least ``lessons`` lessons.

    Returns the lessons and curricula written. Copy ``k`` of curriculum ``c`` is
    ``c-k`` (its translation points at the copy of its original), with some words
    of its prose varied so that no two copies say the same.
    """
    counts = {name: _lessons(CONTENT / name) for name in ORDER}
    total = curricula = copy = 0
    while total < lessons:
        for name in ORDER:
            if total >= lessons:
                break
            _copy(CONTENT / name, folder / f"{name}-{copy}", copy)
            total += counts[name]
            curricula += 1
        copy += 1
    return total, curricula


def _lessons(curriculum: Path) -> int:
    modules = sorted((curriculum / "modules").glob("*.yml"))
    return sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))["lessons"]) for p in modules)


def _copy(source: Path, target: Path, copy: int) -> None:
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".yml":
            shutil.copyfile(path, destination)
            continue
        text = path.read_text(encoding="utf-8")
        text = VARIED.sub(lambda m: f"{m.group(1)}-{copy}", text)
        if path.name == "curriculum.yml":
            text = re.sub(r"(?m)^(translation_of: )(\S+)$", rf"\g<1>\g<2>-{copy}", text)
            text = re.sub(r"(?m)^(title: .*)$", rf"\g<1> {copy}", text, count=1)
        destination.write_text(text, encoding="utf-8")


def make_project(folder: Path, lessons: int) -> tuple[int, int]:
    """A project with the bundled mkdocs.yml and synthetic curricula; (lessons, curricula)."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "modules").mkdir(parents=True)
    shutil.copyfile(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return make_content(folder / "content", lessons)


def plain_config(project: Path) -> Path:
    """mkdocs.yml without the berdaya plugin and ``navigation.prune``, with the full nav."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("    - navigation.prune\n", "")
    text = re.sub(r"  - berdaya:\n(      .*\n)+", "", text)
    text = text.replace("strict: true", "strict: false")
    text = text.replace("site_dir: site", "site_dir: site-plain")
    nav = json.loads((project / "nav.json").read_text(encoding="utf-8"))
    text += "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    config = project / "mkdocs-plain.yml"
    config.write_text(text, encoding="utf-8")
    return config


def zensical() -> Path | None:
    """The ``zensical`` command of its own virtual environment, installed when missing."""
    command = ZENSICAL_VENV / "bin" / "zensical"
    if not command.exists():
        print("installing zensical into", ZENSICAL_VENV, file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(ZENSICAL_VENV)], check=True)
        pip = [str(ZENSICAL_VENV / "bin" / "pip"), "install", "--quiet", "zensical"]
        if subprocess.run(pip, check=False).returncode != 0:
            return None
    return command


def count_pages(site: Path) -> int:
    """Pages in a built site."""
    return sum(1 for _ in site.rglob("index.html"))


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file of ``folder``: modification time and inode."""
    return {
        str(p): (p.stat().st_mtime_ns, p.stat().st_ino) for p in folder.rglob("*") if p.is_file()
    }


def measure(size: int, work: Path, args: argparse.Namespace) -> Row:
    """Every phase for one size."""
    project = work / f"lessons-{size}"
    lessons, curricula = make_project(project, size)
    row = Row(lessons, curricula)
    python, berdaya = sys.executable, str(Path(sys.executable).with_name("berdaya"))
    print(f"{lessons} lessons, {curricula} curricula", file=sys.stderr)

    row.runs["validate"] = run([berdaya, "validate", "content"], project)
    generated = run([python, "-c", GENERATE], project)
    row.runs["generate"] = generated
    if generated.ok:
        data = generated.data()
        row.pages = int(data["pages"])
        row.numbers.update(check=data["check"], generate=data["generate"])
    shutil.rmtree(project / "modules")
    (project / "modules").mkdir()
    row.runs["build"] = run([berdaya, "build"], project)
    row.pages = count_pages(project / "site") or row.pages
    if size > args.build_only_above:
        _baselines(size, project, row, args)
        return row
    if size <= args.skip_noop_build_above:
        before = snapshot(project / "modules") | snapshot(project / "site")
        row.runs["noop build"] = run([berdaya, "build"], project)
        after = snapshot(project / "modules") | snapshot(project / "site")
        written = sum(1 for k, v in after.items() if before.get(k) != v)
        row.numbers["noop written"] = written

    module = min((project / "content" / f"{ORDER[1]}-0" / "modules").glob("*.yml"))
    lesson = _first_lesson(module)
    page = f"{ORDER[1]}-0/{module.stem}/{lesson}/index.html"
    served = run([python, "-c", SERVE, str(module.relative_to(project)), page, EDIT], project)
    row.runs["serve"] = served
    if served.ok:
        data = served.data()
        row.numbers.update({f"serve {k}": float(v) for k, v in data.items()})
    dist = project / "dist"
    row.runs["export"] = run([berdaya, "export", "-o", str(dist / "site.zip")], project)

    _baselines(size, project, row, args)
    return row


def _baselines(size: int, project: Path, row: Row, args: argparse.Namespace) -> None:
    """Plain MkDocs and Zensical on the Markdown of ``project``, unless asked not to."""
    python = sys.executable
    if size <= args.no_baselines_above:
        config = plain_config(project)
        row.runs["mkdocs"] = run(
            [python, "-m", "mkdocs", "build", "-q", "-f", str(config)], project, args.cap
        )
        command = None if args.no_zensical else zensical()
        if command is not None:
            row.runs["zensical"] = run(
                [str(command), "build", "-f", str(config)], project, args.cap
            )


def _first_lesson(module: Path) -> str:
    data = yaml.safe_load(module.read_text(encoding="utf-8"))
    return str(data["lessons"][0]["id"])


def seconds(found: Run | None, cap: float) -> str:
    """A phase's time for the table."""
    if found is None:
        return "-"
    if found.capped:
        return f"> {cap:.0f} s"
    return f"{found.seconds:.1f} s" if found.ok else "failed"


def ratio(mine: Run | None, other: Run | None, cap: float) -> str:
    """``mine`` as a ratio of ``other`` (an upper bound when ``other`` was stopped)."""
    if mine is None or other is None or not mine.ok:
        return "-"
    if other.capped:
        return f"< {mine.seconds / cap:.2f}x"
    return f"{mine.seconds / other.seconds:.2f}x" if other.ok else "-"


def machine() -> str:
    """Cores, memory, CPU model, Python and the versions that matter."""
    cpu = "unknown CPU"
    info = Path("/proc/cpuinfo")
    if info.exists():
        found = re.search(r"model name\s*:\s*(.*)", info.read_text(encoding="utf-8"))
        cpu = found.group(1) if found else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = []
    for name in ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pydantic"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{name} {metadata.version(name)}")
    zensical_python = ZENSICAL_VENV / "bin" / "python"
    if zensical_python.exists():
        found_version = subprocess.run(
            [
                str(zensical_python),
                "-c",
                "import importlib.metadata as m; print(m.version('zensical'))",
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        versions.append(f"zensical {found_version}")
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.1f} GiB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}; " + ", ".join(versions)
    )


def table(rows: list[Row], cap: float) -> list[str]:
    """The Markdown table of all sizes."""
    head = [
        "lessons (curricula, pages)",
        "validate",
        "generate (in process)",
        "lessons/s",
        "`berdaya build` (peak)",
        "no-op build (files written)",
        "serve: no-op (files written)",
        "serve: edit one lesson (files written)",
        "export (peak)",
        "plain MkDocs full nav (peak)",
        "Zensical (peak)",
        "build ÷ MkDocs",
        "build ÷ Zensical",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        r, n = row.runs, row.numbers
        build = r.get("build")
        gen = n.get("generate")
        cells = [
            f"{row.lessons} ({row.curricula}, {row.pages})",
            seconds(r.get("validate"), cap),
            f"{gen:.2f} s" if gen is not None else "failed",
            f"{row.lessons / gen:.0f}" if gen else "-",
            _peak(build, cap),
            _noop(r.get("noop build"), n, cap),
            _serve(n, "noop") if "serve" in r else "not run",
            _serve(n, "edit") if "serve" in r else "not run",
            _peak(r.get("export"), cap) if "export" in r else "not run",
            _peak(r.get("mkdocs"), cap),
            _peak(r.get("zensical"), cap),
            ratio(build, r.get("mkdocs"), cap),
            ratio(build, r.get("zensical"), cap),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _noop(found: Run | None, numbers: dict[str, float], cap: float) -> str:
    if found is None:
        return "not run"
    return f"{seconds(found, cap)} ({numbers.get('noop written', 0):.0f})"


def _peak(found: Run | None, cap: float) -> str:
    if found is None or not found.ok:
        return seconds(found, cap)
    return f"{found.seconds:.1f} s ({found.mb:.0f} MB)"


def _serve(numbers: dict[str, float], kind: str) -> str:
    if f"serve {kind}" not in numbers:
        return "failed"
    return f"{numbers[f'serve {kind}']:.2f} s ({numbers[f'serve {kind}_written']:.0f})"


def targets(rows: list[Row], cap: float) -> list[str]:
    """Each target of issue 18: met, or the measured gap."""
    lines = []
    by_size = {row.lessons: row for row in rows}
    for row in rows:
        r, n = row.runs, row.numbers
        build = r.get("build")
        if build is None or not build.ok or "generate" not in n:
            continue
        share = n["generate"] / build.seconds
        rate = row.lessons / n["generate"]
        lines.append(
            f"- {row.lessons} lessons: generation {share:.0%} of the build "
            f"(target < 5%: {_met(ok=share < 0.05)}), {rate:.0f} lessons/s (target ≥ 1000: "
            f"{_met(ok=rate >= 1000)}); peak {build.mb:.0f} MB"
        )
        noop = r.get("noop build")
        if noop is not None and noop.ok:
            lines.append(
                f"  - no-op build: {noop.seconds:.2f} s = {noop.seconds / build.seconds:.1%} of "
                f"the build, {n['noop written']:.0f} files written "
                f"(target 0: {_met(ok=n['noop written'] == 0)})"
            )
        if "serve edit" in n:
            edit = n["serve edit"] / build.seconds
            lines.append(
                f"  - edited lesson back in {n['serve edit']:.2f} s = {edit:.1%} of the build "
                f"(target ≤ 10%: {_met(ok=edit <= 0.10)}); serve no-op wrote "
                f"{n['serve noop_written']:.0f} files; the edit is on the page: "
                f"{'yes' if n.get('serve edit_seen') else '**no**'}"
            )
        for name, limit in (("mkdocs", 0.25), ("zensical", 0.75)):
            other = r.get(name)
            if other is not None and (other.ok or other.capped):
                value = build.seconds / (cap if other.capped else other.seconds)
                bound = "<" if other.capped else ""
                verdict = _ratio_verdict(row.lessons, value, limit, capped=other.capped)
                lines.append(f"  - build ÷ {name}: {bound}{value:.2f} ({verdict})")
    small, large = by_size.get(1000), by_size.get(5000)
    if small and large and small.runs["build"].ok and large.runs["build"].ok:
        growth = large.runs["build"].seconds / small.runs["build"].seconds
        lines.append(
            f"- growth 1000 → 5000 lessons: {growth:.1f}x (target ≤ 6x: {_met(ok=growth <= 6)})"
        )
        peak = large.runs["build"].mb
        lines.append(
            f"- peak memory at 5000: {peak:.0f} MB (target < 1024: {_met(ok=peak < 1024)})"
        )
    return lines


def _ratio_verdict(lessons: int, value: float, limit: float, *, capped: bool) -> str:
    """Whether a ratio to a baseline meets its target, which is set for 1000 lessons."""
    if lessons != RATIO_LESSONS:
        return f"the target ≤ {limit} is for {RATIO_LESSONS} lessons"
    if capped and value > limit:
        return f"target ≤ {limit}: unknown, the baseline was stopped at the cap"
    return f"target ≤ {limit}: {_met(ok=value <= limit)}"


def _met(*, ok: bool) -> str:
    return "met" if ok else "**not met**"


def write_report(rows: list[Row], args: argparse.Namespace) -> None:
    """Print the runs and write BENCHMARKS.md."""
    for row in rows:
        for name, found in row.runs.items():
            line = f"{row.lessons:>6} {name:<12} {found.seconds:8.1f} s {found.mb:7.0f} MB"
            print(f"{line} ok={found.ok}")
    report = [
        "# Benchmarks",
        "",
        "Generated by `python benchmarks/bench.py "
        + " ".join(sys.argv[1:])
        + f"` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        (
            f"Machine: {machine()}, a virtual machine whose speed varies from run to run: "
            "compare the ratios of one run, not seconds across runs."
        ),
        "",
        (
            "Each phase ran in a fresh process (wall time; peak resident memory of that process "
            "and the processes it started, summed: `berdaya build` works in one process per "
            "core). "
            "The synthetic curricula are copies of the bundled ones (real lessons, quizzes, "
            "activities, guides, tests) with varied prose. Baselines built the Markdown Berdaya "
            "generated with the same theme and extensions: plain MkDocs + Material with the full "
            "nav (no berdaya plugin, no `navigation.prune`) and Zensical on the same mkdocs.yml. "
            "`generate` is load, check, plan, render and write in one process (imports excluded); "
            "the serve columns are rebuilds as `berdaya serve` runs them, in one process, with "
            "the files they wrote in the site and docs folders."
        ),
        "",
        *table(rows, args.cap),
        "",
        "## Targets (issue 18)",
        "",
        *targets(rows, args.cap),
        "",
        GAPS,
    ]
    args.out.write_text("\n".join(report), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Measure every size and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--cap", type=float, default=600, help="seconds per baseline build")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument(
        "--work", type=Path, help="folder for the projects (default: a temporary one)"
    )
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical baseline")
    for option, meaning in (
        ("--build-only-above", "above N lessons only validate, generate, build and the baselines"),
        (
            "--skip-noop-build-above",
            "no second `berdaya build` above N lessons (the serve no-op is still measured)",
        ),
        ("--no-baselines-above", "no baselines above N lessons"),
    ):
        parser.add_argument(option, type=int, default=10**9, metavar="N", help=meaning)
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="berdaya-bench-"))
    rows: list[Row] = []
    for size in args.sizes:  # the report is written after each size
        rows.append(measure(size, work, args))
        write_report(rows, args)
    print(f"wrote {args.out}", file=sys.stderr)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(f.ok or f.capped for row in rows for f in row.runs.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
