"""``berdaya build`` in parts, on every core: one site, built as MkDocs builds of its parts.

The straight line, each step in fresh worker processes (``jobs`` at a time), so
no process holds the whole site and memory stays bounded as the site grows:

1. **outline**: check all the content, plan the site, write the pages of no
   curriculum (:func:`generator.site.generate.outline`); content errors stop the
   build here, before anything is written;
2. **split** the plan into parts of whole curricula (:func:`generator.outputs.parts.split`);
3. **generate** each part's Markdown (:func:`generator.site.generate.generate_curricula`);
4. **build** each part with MkDocs into its own folder inside the staging folder
   (:func:`build_part`), once every part's Markdown is written; a part's messages
   are collected and logged here in part order, whichever process finished first;
5. **join**: each part's curricula moved into the site, the first part's shared
   files, the search index and sitemap joined in the order of one whole build;
   then the offline app's files, written once over the whole site.

The result has the same bytes as ``mkdocs build`` of the same configuration
(``tests/integration/test_parallel.py``). Sites with plugins other than search
and berdaya are built in one MkDocs build (:func:`splittable`): their plugins
may need every page at once. With ``jobs`` 1 every step runs in this process.
"""

from __future__ import annotations

import gzip
import json
import logging
import multiprocessing
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import InclusionLevel

from generator.content.diagnostics import render
from generator.exceptions import BuildError
from generator.outputs.app import write_site_app
from generator.outputs.guard import Protected
from generator.outputs.mkdocs_site import (
    Audience,
    build_once,
    content_options,
    guard_folders,
    load,
    set_audience,
    staged,
    templates_dir,
)
from generator.outputs.parts import Part, split
from generator.outputs.stamp import Stamp
from generator.site.generate import Outline, generate_curricula, outline
from generator.site.plan import Options

log = logging.getLogger("mkdocs.commands.build")
WATCH_SECONDS = 0.2
"""How often a worker looks whether the build's process is still there."""
SPLITTABLE = frozenset({"search", "material/search", "berdaya"})
"""The plugins a site may use to be built in parts."""
JOINED = ("search", "sitemap.xml", "sitemap.xml.gz")
"""What every part writes for its own pages only: joined from all parts."""
DROPPED = (
    "Cleaning site directory",
    "Building documentation to directory",
    "Documentation built in",
)
"""A part's own lifecycle lines: the whole build says them once."""
_EXCLUDED = re.compile(r"which is excluded from the built site|but this file is excluded")
"""MkDocs' notes on links and nav entries to pages another part builds."""
_URL = re.compile(r"<url>.*?</url>", re.DOTALL)
_LOC = re.compile(r"<loc>(.*?)</loc>")


@dataclass(frozen=True)
class Sources:
    """Where the content is, where its Markdown goes, and the plugin's options."""

    content: Path
    docs: Path
    templates: Path | None
    options: Options


@dataclass(frozen=True)
class Job:
    """One step of a build in parts, for a worker process.

    Attributes:
        config_file: mkdocs.yml.
        folder: the part's own site folder (the outline's: the site folder it checks).
        strict: MkDocs' warnings fail the build.
        audience: overrides the plugin option ``audience``.
        sources: the content, the docs folder, the options.
        part: the part (None: the outline of the whole site).
        folders: the project's folders no build may fill or replace.
        strict_content: content warnings stop the outline.
        environ: the environment to work in (a worker process may have started earlier).
        cwd: the working folder to work in.
    """

    config_file: Path
    folder: Path
    strict: bool
    audience: Audience | None
    sources: Sources
    part: Part | None = None
    folders: Protected | None = None
    strict_content: bool = False
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    cwd: str = field(default_factory=os.getcwd)


@dataclass
class Built:
    """What building a part gave.

    Attributes:
        records: its messages: level, logger name, text.
        urls: the URL of each page it built, by its path below the docs folder.
        order: the URL of every page of the site, in the order one whole build builds them.
        error: why it failed, or None.
    """

    records: list[tuple[int, str, str]]
    urls: dict[str, str]
    order: list[str]
    error: str | None = None


class _Collect(logging.Handler):
    """Keeps a part's messages for the parent to log, without its lifecycle lines."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[int, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(DROPPED) and not _EXCLUDED.search(message):
            self.records.append((record.levelno, record.name, message))


def cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def splittable(config: MkDocsConfig) -> bool:
    """The site can be built in parts: no plugin but search and berdaya."""
    return set(config.plugins) <= SPLITTABLE


def _enter(job: Job) -> None:
    """Work in the environment and folder of the build that sent ``job``."""
    os.environ.clear()
    os.environ.update(job.environ)
    os.chdir(job.cwd)


def outline_site(job: Job) -> Outline:
    """Step 1, in a worker: check, plan and write the pages of no curriculum.

    Between the check and the first write, the docs and site folders are checked
    (:func:`generator.outputs.mkdocs_site.guard_folders`): content errors come first.
    """
    _enter(job)
    found, folders = job.sources, job.folders

    def guard() -> None:
        if folders is not None:
            guard_folders(job.folder, folders)

    return outline(
        found.content,
        found.docs,
        found.templates,
        found.options,
        strict=job.strict_content,
        guard=guard,
    )


def generate_part(job: Job) -> int:
    """Step 3, in a worker: write the Markdown of the part's curricula; the files written."""
    _enter(job)
    assert job.part is not None  # noqa: S101 - the caller's contract
    found = job.sources
    ids = sorted(job.part.curricula)
    report = generate_curricula(found.content, found.docs, found.templates, found.options, ids)
    return len(report.written)


def build_part(job: Job) -> Built:
    """Step 4, in a worker: build one part into its folder."""
    _enter(job)
    logger = logging.getLogger("mkdocs")
    saved = logger.handlers[:], logger.level, logger.propagate
    collect = _Collect()
    logger.handlers[:], logger.propagate = [collect], False
    logger.setLevel(logging.INFO)
    error = None
    try:
        config = load(job.config_file, strict=job.strict or None, site_dir=str(job.folder))
        if job.audience is not None:
            set_audience(config, job.audience)
        plugin: Any = config.plugins["berdaya"]  # generator.plugin.BerdayaPlugin
        plugin.part = job.part  # MkDocs keeps plugin instances between loads: reset below
        try:
            build_once(config)
        except MkDocsException as exc:
            error = str(exc)
        finally:
            plugin.part = None
    finally:
        logger.handlers[:], logger.level, logger.propagate = saved
    files = plugin.files
    pages = files.documentation_pages(inclusion=lambda _level: True) if files else []
    built = [f for f in pages if f.inclusion != InclusionLevel.EXCLUDED]
    urls = {f.src_uri: f.url for f in built}
    home = job.part is not None and job.part.home
    order = [_page_url(f.url) for f in pages] if home else []
    return Built(collect.records, urls, order, error)


def _page_url(url: str) -> str:
    """A page's URL as MkDocs' ``Page.url`` gives it (the home page's is empty)."""
    return "" if url in (".", "./") else url


def sources(config: MkDocsConfig) -> Sources:
    """The content folder, docs folder, templates and options of a loaded configuration.

    Raises:
        UsageError: an option of the plugin is wrong.
    """
    content, options = content_options(config)
    return Sources(content, Path(config.docs_dir), templates_dir(config), options)


def build_in_parts(  # noqa: PLR0913 - the site, where, and how
    config_file: Path,
    target: Path,
    folders: Protected,
    *,
    strict: bool,
    audience: Audience | None,
    jobs: int,
    strict_content: bool = False,
    stamp: Stamp | None = None,
) -> None:
    """Build the site of ``config_file`` in parts and swap it in at ``target``.

    ``strict`` fails the build on MkDocs' warnings, ``strict_content`` on the content's.
    With a ``stamp``, it is written into the site before the swap.

    Raises:
        ContentError: the content has errors (``strict_content``: warnings); nothing was
            written.
        UsageError: the docs or site folder is not Berdaya's to fill or replace.
        BuildError: a part failed (in strict mode: MkDocs warned); the old site stays.
    """
    started = time.monotonic()
    config = load(config_file, strict=strict or None)
    if audience is not None:
        set_audience(config, audience)
    found = sources(config)
    first = Job(
        config_file, target, strict, audience, found, folders=folders, strict_content=strict_content
    )
    with _workers(jobs) as run:
        [outlined] = run(outline_site, [first])
        for line in render(outlined.diagnostics, "text").splitlines():
            logging.getLogger("mkdocs.plugins.berdaya").info("berdaya: %s", line)
        plan = outlined.plan
        with staged(target, stamp) as site:
            config = load(config_file, strict=strict or None, site_dir=str(site))
            log.info("Building documentation to directory: %s", site)
            parts = split(plan, jobs, outlined.units)
            work = [
                replace(first, folder=site / f".berdaya-part-{i}", part=part)
                for i, part in enumerate(parts)
            ]
            run(generate_part, work)  # every part's Markdown before any part reads the docs
            results = run(build_part, work)
            errors = _report(results)
            if errors:
                raise BuildError(errors[0] if len(errors) == 1 else "; ".join(errors))
            _join(site, list(zip(parts, work, strict=True)), results, config.site_url or "")
            urls = {path: url for result in results for path, url in result.urls.items()}
            if config.plugins["berdaya"].config.offline_app:
                write_site_app(site, config, plan, urls, run=run, tasks=jobs)
    log.info("Documentation built in %.2f seconds", time.monotonic() - started)


T = TypeVar("T")
R = TypeVar("R")


@contextmanager
def _workers(jobs: int) -> Iterator[Callable[[Callable[[T], R], Sequence[T]], list[R]]]:
    """Runs a step over its jobs: in ``jobs`` fresh processes, or here when ``jobs`` is 1.

    Each job gets a process of its own (``max_tasks_per_child``), forked from a
    server that has Berdaya and MkDocs loaded: its memory goes back when it ends.
    """
    if jobs <= 1:
        yield lambda step, items: [step(item) for item in items]
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(
        jobs,
        mp_context=context,
        initializer=_watch,
        initargs=(os.getpid(),),
        max_tasks_per_child=1,
    ) as pool:
        yield lambda step, items: list(pool.map(step, items))


def _watch(build: int) -> None:
    """End this worker as soon as the build's process ``build`` has ended.

    When a build is killed, its workers do not go on writing Markdown or a part
    of a site that nobody will use while the next build starts.
    """

    def watch() -> None:
        while True:
            try:
                os.kill(build, 0)
            except ProcessLookupError:
                os._exit(1)
            time.sleep(WATCH_SECONDS)

    threading.Thread(target=watch, name="berdaya-watch", daemon=True).start()


def _report(results: list[Built]) -> list[str]:
    """Log every part's messages in part order; the parts' errors."""
    for result in results:
        for level, name, message in result.records:
            logging.getLogger(name).log(level, "%s", message)
    errors = [r.error for r in results if r.error]
    strict = re.compile(r"Aborted with (\d+) warnings? in strict mode!")
    counts = [strict.fullmatch(e) for e in errors]
    if errors and all(counts):
        total = sum(int(m.group(1)) for m in counts if m)
        return [f"Aborted with {total} warnings in strict mode!"]
    return errors


def _join(site: Path, work: list[tuple[Part, Job]], results: list[Built], site_url: str) -> None:
    """Move each part's files into ``site``; join the search index and sitemap."""
    order = next(r.order for r, (part, _job) in zip(results, work, strict=True) if part.home)
    rank = {url: i for i, url in enumerate(order)}
    search: list[dict[str, Any]] = []
    sitemap: list[str] = []
    for part, job in work:
        search.extend(_search_docs(job.folder))
        sitemap.extend(_sitemap_urls(job.folder))
        for entry in sorted(job.folder.iterdir()):
            shared = part.home and entry.name not in JOINED and entry.name not in part.every
            if entry.name in part.curricula or shared:
                entry.rename(site / entry.name)
    home = next(job.folder for part, job in work if part.home)
    search.sort(key=lambda doc: rank.get(doc["location"].split("#", 1)[0], len(rank)))
    _write_search(home, site, search)
    locations = {urljoin(site_url, url): i for i, url in enumerate(order)}
    sitemap.sort(key=lambda u: locations.get(_loc(u), len(locations)))
    _write_sitemap(home, site, sitemap)
    for _part, job in work:
        shutil.rmtree(job.folder)


def _search_docs(folder: Path) -> list[dict[str, Any]]:
    index = folder / "search" / "search_index.json"
    if not index.is_file():
        return []
    docs: list[dict[str, Any]] = json.loads(index.read_text(encoding="utf-8"))["docs"]
    return docs


def _write_search(home: Path, site: Path, docs: list[dict[str, Any]]) -> None:
    """The home part's search index with every part's entries (Material's JSON format)."""
    index = home / "search" / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    data["docs"] = docs
    target = site / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, separators=(",", ":"), default=str)
    target.write_bytes(text.encode("utf-8"))
    for other in sorted((home / "search").iterdir()):
        if other.name != index.name:
            other.rename(target.parent / other.name)


def _sitemap_urls(folder: Path) -> list[str]:
    sitemap = folder / "sitemap.xml"
    return _URL.findall(sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else []


def _loc(entry: str) -> str:
    found = _LOC.search(entry)
    return found.group(1) if found else ""


def _write_sitemap(home: Path, site: Path, urls: list[str]) -> None:
    """The home part's sitemap with every part's entries; gzipped as MkDocs does."""
    sitemap = home / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    entries = list(_URL.finditer(text))
    if entries:
        text = text[: entries[0].start()] + "\n    ".join(urls) + text[entries[-1].end() :]
    (site / "sitemap.xml").write_bytes(text.encode("utf-8"))
    packed = home / "sitemap.xml.gz"
    if packed.is_file():
        with gzip.open(packed) as old:
            old.read()
            mtime = old.mtime
        with (
            (site / "sitemap.xml.gz").open("wb") as out,
            gzip.GzipFile(fileobj=out, filename="sitemap.xml.gz", mode="wb", mtime=mtime) as gz,
        ):
            gz.write(text.encode("utf-8"))
