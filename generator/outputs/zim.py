"""``berdaya export --format zim``: the offline site as ZIM archives for Kiwix.

Kiwix reads ZIM archives on Android, iOS, desktops and Raspberry Pi hotspots
(``kiwix-serve``), with its own title suggestions and full-text search. Each
ZIM is made from the same offline build as the zip (:mod:`generator.outputs.export`:
system fonts, no instant navigation, ``page.html`` addresses), one build per
ZIM so that its navigation and search name only its own pages:

1. the content is read and checked and the output paths are settled first;
2. libzim (the optional extra ``berdaya[zim]``) must be installed;
3. each ZIM's site is built and checked for anything it would load from the
   network, as for the zip;
4. only then is every ZIM written (:mod:`generator.outputs.zim_writer`): every
   file of the build with its mimetype, plus ``search/search_index.json``, which
   the zip leaves out but Material's search reads when the pages are served
   over HTTP, as Kiwix does; the curriculum page (the home page with
   ``--one-file``) as main entry; titles, metadata and the illustration from
   :mod:`generator.outputs.zim_meta` and :mod:`generator.outputs.zim_icon`;
   a title index and a full-text index of the pages' articles.

The same content gives the same entries, metadata and compressed content given
``SOURCE_DATE_EPOCH``; libzim gives every archive a new random UUID and the
full-text index its own, so two exports differ in those bytes (see
docs/architecture.md).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from generator.content.diagnostics import display_path
from generator.content.project import CurriculumSource
from generator.exceptions import OfflineError, UsageError, ZimError
from generator.i18n import t
from generator.outputs import mkdocs_site
from generator.outputs.export import (
    ExportRequest,
    Prepared,
    build_offline,
    check_site,
    default_name,
    offline_files,
    prepare,
)
from generator.outputs.guard import MARKER, check_output_file
from generator.outputs.offline import Finding
from generator.outputs.report import DEFAULT_BUDGET, megabytes, shown
from generator.outputs.zim_icon import illustration
from generator.outputs.zim_meta import ISO_639_3, Metadata, Site, metadata, page_titles
from generator.site.plan import plan_site

if TYPE_CHECKING:
    from generator.outputs.zim_writer import Archive

INSTALL_HINT = (
    "libzim is not installed: install the extra with pip install 'berdaya[zim]' "
    "(in a checkout: .venv/bin/pip install -e '.[zim]')"
)
SEARCH_JSON = "search/search_index.json"
"""Material's search index as data: read by the search worker when pages come over HTTP."""


@dataclass(frozen=True)
class ZimFile:
    """One ZIM the export wrote."""

    path: Path
    curricula: list[str]
    metadata: Metadata
    main: str
    entries: int
    pages: int

    @property
    def size(self) -> int:
        """The archive's size in bytes."""
        return self.path.stat().st_size


@dataclass
class ZimReport:
    """What the export wrote, the external links it found, and notes (an unusable logo)."""

    files: list[ZimFile]
    warnings: list[Finding]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Planned:
    """One ZIM ready to write."""

    target: Path
    curricula: list[CurriculumSource]
    archive: Archive


@dataclass(frozen=True)
class _Job:
    """What every ZIM of one export is made with."""

    request: ExportRequest
    prepared: Prepared
    site: Site


def export_zim(request: ExportRequest, *, one_file: bool = False) -> ZimReport:
    """Write one ZIM per curriculum, or one for all of them with ``one_file``.

    Raises:
        UsageError: an id names no curriculum, or ``-o`` cannot hold the files.
        ContentError: the content has errors.
        ZimError: libzim is not installed.
        OfflineError: a page would load something from the network.
        BuildError: MkDocs failed.
    """
    prepared = prepare(request)
    curricula = prepared.project.curricula
    groups = [curricula] if one_file else [[c] for c in curricula]
    targets = output_paths(request, groups, prepared)
    protected = mkdocs_site.protected(prepared.config)
    for target in targets:
        check_output_file(target, "zim", protected)
    writer = load_writer()
    job = _Job(request, prepared, _site(prepared, request))
    warnings: list[Finding] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="berdaya-zim-") as temporary:
        planned = []
        for number, (group, target) in enumerate(zip(groups, targets, strict=True)):
            folder = Path(temporary) / str(number)
            folder.mkdir()
            archive, found, note = _prepare_archive(writer, job, group, folder)
            warnings += [f for f in found if f not in warnings]
            if note and note not in notes:
                notes.append(note)
            planned.append(_Planned(target, group, archive))
        for item in planned:
            writer.write(item.archive, item.target)
    files = [_written(item) for item in planned]
    return ZimReport(files, warnings, notes)


def load_writer() -> ModuleType:
    """:mod:`generator.outputs.zim_writer`, which needs libzim.

    Raises:
        ZimError: libzim is not installed.
    """
    try:
        return importlib.import_module("generator.outputs.zim_writer")
    except ImportError as exc:
        if exc.name == "libzim" or (exc.name or "").startswith("libzim."):
            raise ZimError(INSTALL_HINT) from exc
        raise


def output_paths(
    request: ExportRequest, groups: list[list[CurriculumSource]], prepared: Prepared
) -> list[Path]:
    """Where each ZIM goes: ``-o FILE.zim`` for one, else a folder (default ``dist/``).

    Raises:
        UsageError: ``-o`` names one file for several ZIMs, or a file that is no folder.
    """
    output = request.output
    if output is not None and output.suffix.lower() == ".zim" and not output.is_dir():
        if len(groups) != 1:
            raise UsageError(
                f"-o {output} names one file, but {len(groups)} ZIM files are written "
                "(one per curriculum): name a folder, one curriculum, or add --one-file"
            )
        return [output]
    folder = output or Path("dist")
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            f"-o {folder} is a file: name a folder for the ZIM files "
            "(or a file ending in .zim for one ZIM)"
        )
    if len(groups) == 1 and len(groups[0]) > 1:
        return [folder / f"{default_name(request, prepared.options)}.zim"]
    return [folder / _file_name(group[0], request) for group in groups]


def _file_name(c: CurriculumSource, request: ExportRequest) -> str:
    """``<id>.zim`` for learners; ``<id>-pelatih.zim`` (``-trainer``) for trainers."""
    if request.audience == "trainer":
        return f"{c.id}-{t('export.trainer', c.language)}.zim"
    return f"{c.id}.zim"


def _site(prepared: Prepared, request: ExportRequest) -> Site:
    config = prepared.config
    site_name = str(config.site_name or "Berdaya")
    publisher = prepared.options.sheets.organisation or config.site_author or site_name
    return Site(
        site_name=site_name,
        site_description=config.site_description or None,
        publisher=str(publisher),
        version=importlib.metadata.version("berdaya"),
        trainer=request.audience == "trainer",
    )


def _prepare_archive(
    writer: ModuleType,
    job: _Job,
    group: list[CurriculumSource],
    folder: Path,
) -> tuple[Archive, list[Finding], str | None]:
    """Build one ZIM's site and gather its entries.

    Returns:
        The archive, the external links (warnings) and a note when the logo could
        not be used.

    Raises:
        OfflineError: a page would load something from the network.
        BuildError: MkDocs failed.
    """
    request, prepared, site = job.request, job.prepared, job.site
    ids = tuple(c.id for c in group)
    built = build_offline(request, ids, folder)
    names = zim_names(built)
    findings = check_site(built, prepared.content_dir, names)
    if any(f.is_error for f in findings):
        raise OfflineError(findings)
    plan = plan_site(group, replace(prepared.options, curricula=ids))
    titles = page_titles(plan, site.site_name)
    front = {path for path in titles if path != "index.html" or len(group) > 1}
    entries = [
        writer.entry(name, (built / name).read_bytes(), titles.get(name, ""), front=name in front)
        for name in names
    ]
    selection = group[0].id if len(group) == 1 else "all"
    meta = metadata(group, site, names, selection)
    icon = illustration(_logo(prepared, built))
    main = f"{group[0].id}/index.html" if len(group) == 1 else "index.html"
    language = ISO_639_3[group[0].language]
    archive: Archive = writer.Archive(entries, meta, main, icon.png, language)
    return archive, [f for f in findings if not f.is_error], icon.note


def zim_names(folder: Path) -> list[str]:
    """The files of the offline build that go into the ZIM: the zip's, and the search index."""
    names = [name for name in offline_files(folder) if name != MARKER]
    if (folder / SEARCH_JSON).is_file():
        names.append(SEARCH_JSON)
    return sorted(names)


def _logo(prepared: Prepared, built: Path) -> Path | None:
    """The organisation's logo (plugin option), else the theme's ``logo`` file of the build."""
    if prepared.options.sheets.logo is not None:
        return prepared.options.sheets.logo
    logo = prepared.config.theme.get("logo")
    if isinstance(logo, str) and logo and "://" not in logo:
        path = (built / logo).resolve()
        if path.is_relative_to(built.resolve()) and path.is_file():
            return path
    return None


def _written(item: _Planned) -> ZimFile:
    archive = item.archive
    pages = sum(1 for e in archive.entries if e.front)
    ids = [c.id for c in item.curricula]
    return ZimFile(item.target, ids, archive.metadata, archive.main, len(archive.entries), pages)


def zim_lines(report: ZimReport, budget: int = DEFAULT_BUDGET) -> list[str]:
    """For each ZIM: its size, entries and title; warnings over ``budget``; the notes."""
    lines = []
    for file in report.files:
        lines.append(
            f"wrote {shown(file.path)}: {megabytes(file.size)}, {file.entries} entries "
            f'({file.pages} pages), "{file.metadata.title}", main page {file.main}'
        )
        if file.size > budget:
            lines.append(
                f"warning: {display_path(file.path)} is {megabytes(file.size)}, over the budget "
                f"of {megabytes(budget)}: large media files are the usual cause"
            )
    lines += [f"note: {note}" for note in report.notes]
    return lines
