"""The single-file export: one HTML file per curriculum, the copy that opens on a phone.

Since Android 11 a browser sees only the one file it was handed (a
``content://`` address): stylesheets, scripts and pages beside it do not load.
``berdaya export --format html`` therefore writes each curriculum as one file
that carries everything:

1. the content is read and checked, and the output paths are settled, before
   anything is built;
2. MkDocs builds the curriculum's pages with a bare theme that writes each page's
   content alone (Material's stylesheets and scripts would be most of the file
   and expect the rest of the site); a small plugin keeps every page's content;
3. the pages are checked for anything that would load from the network, as for
   the zip, with the YAML file and line of each finding;
4. every page becomes a view of one file (:mod:`generator.single_page`), and the
   file is checked once more: nothing in it may refer to another file;
5. only when every file is ready are they written, each atomically.

The same content gives the same bytes.
"""

from __future__ import annotations

import gzip
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from generator import resources
from generator.content.project import CurriculumSource
from generator.exceptions import OfflineError, UsageError
from generator.i18n import Language, t
from generator.outputs import mkdocs_site
from generator.outputs.branding import branding_of
from generator.outputs.export import (
    ExportRequest,
    Prepared,
    build_variant,
    check_site,
    place,
    prepare,
)
from generator.outputs.guard import Protected, check_output_file
from generator.outputs.offline import Finding, scan_html
from generator.outputs.scorm_manifest import scorm_data
from generator.outputs.single_page import (
    KINDS,
    Built,
    SinglePage,
    SiteLook,
    plan_views,
    render_single,
    view_key,
)
from generator.outputs.views import MediaReader, Pages, local_references
from generator.site.plan import Page, plan_site
from generator.site.write import write_atomically

THEME = resources.ASSETS / "single" / "theme"
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class SingleFile:
    """One file written by the export.

    Attributes:
        path: where it was written.
        curriculum: the curriculum's id.
        title: the curriculum's title.
        language: the curriculum's language (of the message to forward).
        size: bytes.
        gzipped: bytes when gzipped (what a chat app or a web server sends).
        views: how many pages it holds.
        unlinked: links kept as text: their target is not in the file.
    """

    path: Path
    curriculum: str
    title: str
    language: Language
    size: int
    gzipped: int
    views: int
    unlinked: list[str] = field(default_factory=list)


@dataclass
class HtmlReport:
    """What the export wrote, and the external links it found (warnings)."""

    files: list[SingleFile]
    warnings: list[Finding]


def export_html(request: ExportRequest) -> HtmlReport:
    """Write one self-contained HTML file per curriculum.

    Raises:
        UsageError: an id names no curriculum, or ``-o`` cannot hold the files.
        ContentError: the content has errors.
        OfflineError: a page would load something from the network or another file.
        mkdocs_site.BuildError: MkDocs failed.
    """
    prepared = prepare(request)
    curricula = prepared.project.curricula
    targets = output_paths(request, curricula)
    check_outputs(targets, mkdocs_site.protected(prepared.config))
    pages, findings = build_singles(request, prepared)
    data = {c.id: pages[c.id].html.encode("utf-8") for c in curricula}
    for c in curricula:
        write_atomically(targets[c.id], data[c.id])
    files = [_written(c, targets[c.id], data[c.id], pages[c.id]) for c in curricula]
    return HtmlReport(files, findings)


def build_singles(
    request: ExportRequest, prepared: Prepared, *, scorm: bool = False
) -> tuple[dict[str, SinglePage], list[Finding]]:
    """Every curriculum's file, checked, by id; and the external links found (warnings).

    Args:
        request: what to export.
        prepared: its checked content (:func:`generator.outputs.export.prepare`).
        scorm: make each file a SCORM package's launch page (``berdaya-scorm.js`` and its data).

    Raises:
        OfflineError: a page would load something from the network or another file.
        mkdocs_site.BuildError: MkDocs failed.
    """
    curricula = prepared.project.curricula
    plan = plan_site(curricula, replace(prepared.options, translation_links=False))
    with tempfile.TemporaryDirectory(prefix="berdaya-export-") as temporary:
        built, folder = build_pages(request, prepared, Path(temporary))
        views = {page.path for page in plan.pages if page.template in KINDS}
        names = sorted(b.url for path, b in built.items() if path in views)
        findings = check_site(folder, prepared.content_dir, names)
        if any(f.is_error for f in findings):
            raise OfflineError(findings)
        reader = _reader(folder)
        pages = {
            c.id: _single(c, plan.pages, built, reader, prepared, scorm=scorm) for c in curricula
        }
    return pages, findings


def output_paths(request: ExportRequest, curricula: list[CurriculumSource]) -> dict[str, Path]:
    """Where each curriculum's file goes: ``-o FILE.html`` for one, else a folder.

    Raises:
        UsageError: ``-o`` names one file for several curricula, or a file that is no folder.
    """
    return one_per_curriculum(
        request.output,
        curricula,
        lambda c: file_name(c, request.audience),
        suffixes=HTML_SUFFIXES,
        files="the HTML files",
    )


def one_per_curriculum(
    output: Path | None,
    curricula: list[CurriculumSource],
    name: Callable[[CurriculumSource], str],
    *,
    suffixes: tuple[str, ...],
    files: str,
) -> dict[str, Path]:
    """Where each curriculum's file goes (single files, SCORM packages).

    ``-o`` ending in one of ``suffixes`` names the file of the one curriculum
    exported; otherwise it is the folder (default ``dist/``), each file named by
    ``name``. ``files`` says what the folder holds, in the message of a mistake.

    Raises:
        UsageError: ``-o`` names one file for several curricula, or a file that is no folder.
    """
    if output is not None and output.suffix.lower() in suffixes and not output.is_dir():
        if len(curricula) != 1:
            raise UsageError(
                f"-o {output} names one file, but {len(curricula)} curricula are exported: "
                "name a folder, or one curriculum"
            )
        return {curricula[0].id: output}
    folder = output or Path("dist")
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            f"-o {folder} is a file: name a folder for {files} "
            f"(or a file ending in {suffixes[0]} when exporting one curriculum)"
        )
    return {c.id: folder / name(c) for c in curricula}


def check_outputs(targets: dict[str, Path], folders: Protected) -> None:
    """Refuse output files that would replace a folder, another kind of file or project files.

    Raises:
        UsageError: a file cannot be written where it would go.
    """
    for target in targets.values():
        check_output_file(target, "html", folders)


def file_name(c: CurriculumSource, audience: str) -> str:
    """``<id>.html`` for learners; the trainer's copy says so (``<id>-pelatih.html``)."""
    if audience == "trainer":
        return f"{c.id}-{t('export.trainer', c.language)}.html"
    return f"{c.id}.html"


class _Collector(BasePlugin):  # type: ignore[type-arg,no-untyped-call]  # MkDocs is untyped
    """Keeps the content of every page MkDocs builds, by its Markdown path."""

    def __init__(self) -> None:
        self.pages: dict[str, Built] = {}

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:  # noqa: ANN401
        del config
        self.pages[page.file.src_uri] = Built(page.url, page.content or "")
        return output


def build_pages(
    request: ExportRequest, prepared: Prepared, folder: Path
) -> tuple[dict[str, Built], Path]:
    """Build the pages with the bare theme; returns their content and the built site.

    Raises:
        mkdocs_site.BuildError: MkDocs failed.
    """
    docs, built = folder / "docs", folder / "site"
    docs.mkdir()
    config = mkdocs_site.load(
        request.config_file,
        docs_dir=str(docs),
        site_dir=str(built),
        use_directory_urls=False,
        theme={"name": None, "custom_dir": str(THEME)},
    )
    collector = _Collector()
    config.plugins["berdaya/single"] = collector
    # one curriculum per file: its translation is not beside it to link to (set on this
    # load's config: MkDocs keeps plugin instances from one load to the next)
    config.plugins["berdaya"].config["translation_links"] = False
    build_variant(config, request.audience, prepared.options.curricula)
    return collector.pages, built


def _reader(folder: Path) -> MediaReader:
    """Reads files of the built site, never outside it."""
    root = folder.resolve()

    def read(path: str) -> bytes | None:
        target = (root / path).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return None
        return target.read_bytes()

    return read


def _single(  # noqa: PLR0913 - the pieces of one file, and whether it is a SCORM launch page
    c: CurriculumSource,
    pages: list[Page],
    built: dict[str, Built],
    reader: MediaReader,
    prepared: Prepared,
    *,
    scorm: bool,
) -> SinglePage:
    """The curriculum's file, checked: nothing in it may need another file or host.

    Raises:
        OfflineError: something in it names a file beside the page, or the network.
    """
    own = [page for page in pages if page.path.startswith(f"{c.id}/")]
    keys = {
        built[p.path].url: view_key(p.path, c.id)
        for p in own
        if p.template in KINDS and p.path in built
    }
    views = plan_views(c, own, built, Pages(keys, reader))
    config = prepared.config
    look = SiteLook(config.site_name, mkdocs_site.templates_dir(config), branding_of(config))
    single = render_single(c, views, look, scorm=scorm_data(c) if scorm else None)
    root = prepared.content_dir.resolve().parent
    problems = [place(finding, root) for finding in single.missing]
    name = f"{c.id}.html"
    reported = {finding.url for finding in problems}
    problems += [
        Finding(name, kind, url, beside=True)
        for kind, url in local_references(single.html)
        if url not in reported
    ]
    problems += [f for f in scan_html(name, single.html) if f.is_error]
    if problems:
        raise OfflineError(problems)
    return single


def _written(c: CurriculumSource, path: Path, data: bytes, single: SinglePage) -> SingleFile:
    gzipped = len(gzip.compress(data, compresslevel=9, mtime=0))
    return SingleFile(
        path,
        c.id,
        c.model.title,
        c.language,
        len(data),
        gzipped,
        len(single.views),
        single.unlinked,
    )
