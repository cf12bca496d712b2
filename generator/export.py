"""Offline export: the site as a zip that learners open from the file system.

``berdaya export`` builds a variant of the site that needs no network: system
fonts, no instant navigation, ``page.html`` addresses instead of folders,
Material's ``offline`` plugin (the search index as a script) and our own
``iframe-worker.js``, which lets the search worker run from ``file://``. The
built files are checked for anything that would load from the network, files
the offline copy does not use are left out, and the rest is zipped with sorted
entries and fixed timestamps, so the same content gives the same bytes. The
zip is written to a temporary file and renamed into place.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import material
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator import site
from generator.build import check
from generator.diagnostics import BerdayaError, ContentError, display_path, has_errors
from generator.i18n import t
from generator.offline import Finding, locate, scan
from generator.plan import Options
from generator.project import find_curricula

Audience = Literal["learner", "trainer"]
MB = 1_000_000
DEFAULT_BUDGET = 5 * MB
"""Above this size a curriculum's export is too big to share comfortably over chat apps."""
SHIM = Path(__file__).resolve().parent / "assets" / "offline" / "iframe-worker.js"
SHIM_PATH = "assets/berdaya/iframe-worker.js"
"""Where the shim lands in the site; its name must contain "iframe-worker"."""
THEME = Path(material.__file__).resolve().parent / "templates"
LUNR = "assets/javascripts/lunr/"
UNUSED_OFFLINE = frozenset(
    {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}
)
"""Files a site opened from disk never reads (file:// search uses search_index.js)."""
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
log = logging.getLogger("mkdocs.berdaya.export")


class UsageError(BerdayaError):
    """The export was asked for something that does not exist (exit code 2)."""


class OfflineError(BerdayaError):
    """The built site would load something from the network."""

    def __init__(self, findings: list[Finding]) -> None:
        """Keep the findings; the message is their count."""
        self.findings = findings
        errors = sum(f.is_error for f in findings)
        super().__init__(f"{errors} reference(s) to the network; an offline copy cannot load them")


@dataclass(frozen=True)
class ExportRequest:
    """What to export.

    Attributes:
        config_file: the site's mkdocs.yml.
        curricula: ids to export; empty: all.
        audience: ``learner`` leaves out program guides and answer keys.
        output: the zip to write (default: ``dist/<name>.zip``).
    """

    config_file: Path = Path("mkdocs.yml")
    curricula: tuple[str, ...] = ()
    audience: Audience = "learner"
    output: Path | None = None


@dataclass(frozen=True)
class Entry:
    """One file in the zip: its name below the top folder and its sizes in bytes."""

    name: str
    size: int
    compressed: int


@dataclass
class ExportReport:
    """What an export wrote."""

    path: Path
    curricula: list[str]
    entries: list[Entry]
    warnings: list[Finding] = field(default_factory=list)

    @property
    def size(self) -> int:
        """The zip's size in bytes."""
        return self.path.stat().st_size

    def largest(self, count: int = 10) -> list[Entry]:
        """The files that take the most room in the zip."""
        return sorted(self.entries, key=lambda e: (-e.compressed, e.name))[:count]

    def curriculum_sizes(self) -> dict[str, int]:
        """Compressed bytes per curriculum: its own files plus the files all share."""
        own = dict.fromkeys(self.curricula, 0)
        shared = 0
        for entry in self.entries:
            owner = entry.name.split("/", 1)[0]
            if owner in own and "/" in entry.name:
                own[owner] += entry.compressed
            else:
                shared += entry.compressed
        return {c: size + shared for c, size in own.items()}


def export(request: ExportRequest) -> ExportReport:
    """Build the offline site, check it, and zip it.

    Raises:
        UsageError: an id names no curriculum.
        ContentError: the content has errors.
        OfflineError: the site would load something from the network.
        site.BuildError: MkDocs failed.
    """
    config = site.load(request.config_file)
    content_dir, options = site.content_options(config)
    ids = select(content_dir, request.curricula)
    options = replace(options, include_guides=request.audience == "trainer", curricula=ids)
    _project, diagnostics = check(content_dir, options)
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    target = request.output or Path("dist") / f"{default_name(request, options)}.zip"
    with tempfile.TemporaryDirectory(prefix="berdaya-export-") as temporary:
        folder = build_offline(request, ids, Path(temporary))
        names = offline_files(folder)
        findings = check_site(folder, content_dir, names)
        if any(f.is_error for f in findings):
            raise OfflineError(findings)
        entries = write_zip(folder, names, target, top=target.stem)
    return ExportReport(target, list(ids), entries, findings)


def select(content_dir: Path, ids: Iterable[str]) -> tuple[str, ...]:
    """The curricula to export, in content order: those named, or all.

    Raises:
        UsageError: an id names no curriculum, or there is none (or no content folder).
    """
    if not content_dir.is_dir():
        raise UsageError(f"no content folder {display_path(content_dir)}/")
    known = [folder.name for folder in find_curricula([content_dir])]
    wanted = list(dict.fromkeys(ids))
    unknown = [name for name in wanted if name not in known]
    if unknown:
        listing = ", ".join(known) or "none"
        raise UsageError(
            f"no curriculum '{unknown[0]}' in {display_path(content_dir)}/ (known: {listing})"
        )
    if not known:
        raise UsageError(f"no curricula in {display_path(content_dir)}/")
    return tuple(name for name in known if not wanted or name in wanted)


def default_name(request: ExportRequest, options: Options) -> str:
    """``berdaya`` or the ids, with the localised word for trainer copies."""
    name = "-".join(request.curricula) if request.curricula else "berdaya"
    if request.audience == "trainer":
        name = f"{name}-{t('export.trainer', options.language)}"
    return name


def build_offline(request: ExportRequest, ids: tuple[str, ...], folder: Path) -> Path:
    """Build the offline variant into ``folder/site`` (the Markdown goes to ``folder/docs``).

    Raises:
        site.BuildError: MkDocs failed.
    """
    docs, built = folder / "docs", folder / "site"
    docs.mkdir()
    config = site.load(
        request.config_file, docs_dir=str(docs), site_dir=str(built), use_directory_urls=False
    )
    make_offline(config, request.audience, ids)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        raise site.BuildError(str(exc)) from exc
    finally:
        config.plugins.on_shutdown()
    (built / SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
    (built / SHIM_PATH).write_bytes(SHIM.read_bytes())
    return built


def make_offline(config: MkDocsConfig, audience: Audience, ids: tuple[str, ...]) -> None:
    """Turn a loaded configuration into the offline variant (see the module docstring)."""
    berdaya = config.plugins["berdaya"]
    berdaya.config["audience"] = audience
    berdaya.config["curricula"] = list(ids)
    theme = config.theme
    theme["font"] = False
    features = theme.get("features") or []
    theme["features"] = [f for f in features if not f.startswith("navigation.instant")]
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [*polyfills, SHIM_PATH]
    config.repo_url = config.repo_name = config.edit_uri = None
    _enable_offline_plugin(config)


def _enable_offline_plugin(config: MkDocsConfig) -> None:
    from material.plugins.offline.plugin import OfflinePlugin  # noqa: PLC0415 - only here

    plugin: Any = config.plugins.get("material/offline") or config.plugins.get("offline")
    if plugin is None:
        plugin = OfflinePlugin()
        plugin.load_config({}, config.config_file_path)
        config.plugins["material/offline"] = plugin
    plugin.config["enabled"] = True


def offline_files(folder: Path) -> list[str]:
    """The built files the offline copy uses, sorted: no source maps, unused lunr files or 404."""
    needed = lunr_files(search_languages(folder))
    names = []
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if not path.is_file() or name in UNUSED_OFFLINE or name.endswith(".map"):
            continue
        if name.startswith(LUNR) and name not in needed:
            continue
        names.append(name)
    return sorted(names)


def search_languages(folder: Path) -> list[str]:
    """The languages of the search index (``[]`` when the site has no search)."""
    index = folder / "search" / "search_index.json"
    if not index.is_file():
        return []
    languages: list[str] = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    return languages


def lunr_files(languages: list[str]) -> set[str]:
    """The lunr files Material's search worker imports for these languages."""
    files = set()
    for language in languages:
        if language == "ja":
            files.add(f"{LUNR}tinyseg.js")
        elif language in {"hi", "th"}:
            files.add(f"{LUNR}wordcut.js")
        if language != "en":
            files.add(f"{LUNR}min/lunr.{language}.min.js")
    if len(languages) > 1:
        files.add(f"{LUNR}min/lunr.multi.min.js")
    if files:
        files.add(f"{LUNR}min/lunr.stemmer.support.min.js")
    return files


def check_site(
    folder: Path, content_dir: Path, names: Iterable[str] | None = None
) -> list[Finding]:
    """Network references in a built site, each placed at its YAML source when known.

    Args:
        folder: the built site.
        content_dir: the content folder (generated pages name their source relative
            to its parent).
        names: the files to check (default: all files of the site).
    """
    if names is None:
        names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    texts = {
        name: (folder / name).read_text(encoding="utf-8", errors="replace")
        for name in names
        if name.endswith((".html", ".htm", ".css", ".js", ".mjs"))
    }
    theme_scripts = [name for name in texts if name.endswith(".js") and (THEME / name).is_file()]
    findings = scan(texts, skip_scripts=theme_scripts)
    root = content_dir.resolve().parent
    return [_place(finding, root) for finding in findings]


def _place(finding: Finding, root: Path) -> Finding:
    """Point a finding at the YAML file and line where its URL is written."""
    if finding.source is None:
        return finding
    path = root / finding.source
    for candidate in _candidates(path):
        try:
            position = locate(candidate.read_text(encoding="utf-8"), finding.url)
        except (OSError, UnicodeDecodeError):
            continue
        if position is not None:
            line, column = position
            return replace(finding, source=display_path(candidate), line=line, column=column)
    return replace(finding, source=display_path(path))


def _candidates(path: Path) -> list[Path]:
    """The page's source first, then the other YAML files of its curriculum.

    A page built from several files (a module's lessons in a learner book) names
    only one of them; the URL may be written in another.
    """
    if path.is_dir():
        return sorted(path.rglob("*.yml"))
    folder = path.parent if (path.parent / "curriculum.yml").is_file() else path.parent.parent
    return [path, *sorted(p for p in folder.rglob("*.yml") if p != path)]


def zip_time() -> tuple[int, int, int, int, int, int]:
    """The timestamp of every zip entry: ``SOURCE_DATE_EPOCH`` if set, else 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ZIP_EPOCH
    stamp = time.gmtime(int(epoch))[:6]
    return max(ZIP_EPOCH, min(stamp, (2107, 12, 31, 23, 59, 58)))  # what zip can store


def write_zip(folder: Path, names: list[str], target: Path, top: str) -> list[Entry]:
    """Zip ``names`` of ``folder`` under ``top/`` into ``target``, atomically.

    The zip is written to a temporary file beside ``target`` and renamed into
    place, so an interrupted export leaves the previous zip as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream, zipfile.ZipFile(stream, "w") as archive:
            for name in sorted(names):
                _add(archive, f"{top}/{name}", (folder / name).read_bytes())
            entries = [_entry(info, top) for info in archive.infolist()]
        Path(temporary).chmod(_file_mode())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return entries


def _file_mode() -> int:
    """The mode of a new file under the current umask (a temporary file is private)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=zip_time())
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever system exports
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    archive.writestr(info, data, compresslevel=9)


def _entry(info: zipfile.ZipInfo, top: str) -> Entry:
    return Entry(info.filename.removeprefix(f"{top}/"), info.file_size, info.compress_size)


def size_lines(report: ExportReport, budget: int = DEFAULT_BUDGET, count: int = 10) -> list[str]:
    """The size report: the zip, its largest files, and curricula over ``budget``."""
    lines = [
        f"wrote {shown(report.path)}: {megabytes(report.size)}, {len(report.entries)} files",
        "largest files (compressed):",
    ]
    lines += [f"  {megabytes(e.compressed):>9}  {e.name}" for e in report.largest(count)]
    for curriculum, size in report.curriculum_sizes().items():
        if size > budget:
            lines.append(
                f"warning: the export of '{curriculum}' is {megabytes(size)}, over the budget of "
                f"{megabytes(budget)}: large media files are the usual cause"
            )
    return lines


def finding_lines(findings: list[Finding]) -> list[str]:
    """The errors, then the external links in one warning.

    Errors in content are listed by YAML file and line; an error of the theme
    (the same on every page) is listed once, with the number of other pages.
    """
    content = sorted(
        (f for f in findings if f.is_error and f.source),
        key=lambda f: (f.source or "", f.line, f.column, f.page),
    )
    theme: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.is_error and not finding.source:
            theme.setdefault((finding.kind, finding.url), []).append(finding)
    lines = list(dict.fromkeys(f.format() for f in content))
    lines += [group[0].format(elsewhere=len(group) - 1) for group in theme.values()]
    return lines + link_lines(findings)


def link_lines(findings: list[Finding]) -> list[str]:
    """One warning listing the external links, each once, with the pages that have it."""
    pages: dict[str, set[str]] = {}
    for finding in findings:
        if not finding.is_error:
            pages.setdefault(finding.url, set()).add(finding.page)
    if not pages:
        return []
    lines = [f"warning: {len(pages)} external link(s) open only with a connection:"]
    for url, where in sorted(pages.items()):
        more = f" and {len(where) - 1} more pages" if len(where) > 2 else ""
        more = " and 1 more page" if len(where) == 2 else more
        lines.append(f"  {url} ({min(where)}{more})")
    return lines


def shown(path: Path) -> str:
    """A path relative to the working directory when below it, else absolute."""
    path = path.resolve()
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


def megabytes(size: int) -> str:
    """A size in MB with one decimal (``0.4 MB``), or kB below 100 kB."""
    if size < 100_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / MB:.1f} MB"
