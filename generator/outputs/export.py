"""Offline export: the site as a zip that learners open from the file system.

``berdaya export`` builds a variant of the site that needs no network: system
fonts, no instant navigation, no links the theme adds to other sites (the
repository, Material's "Made with" footer), ``page.html`` addresses instead of folders,
Material's ``offline`` plugin (the search index as a script) and our own
``iframe-worker.js``, which lets the search worker run from ``file://``. The
built files are checked for anything that would load from the network, files
the offline copy does not use are left out, and the rest is zipped with sorted
entries and fixed timestamps, so the same content gives the same bytes
(:mod:`generator.archive`). :mod:`generator.report` says what was written.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import material
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator import resources
from generator.content.check import check, select_curricula
from generator.content.diagnostics import display_path, has_errors
from generator.content.project import Project
from generator.exceptions import BuildError, ContentError, OfflineError
from generator.i18n import t
from generator.outputs import mkdocs_site
from generator.outputs.archive import write_zip
from generator.outputs.guard import check_output_file
from generator.outputs.offline import Finding, locate, scan
from generator.outputs.report import ExportReport
from generator.site.plan import Options

Audience = mkdocs_site.Audience
SHIM = resources.ASSETS / "offline" / "iframe-worker.js"
SHIM_PATH = "assets/berdaya/iframe-worker.js"
"""Where the shim lands in the site; its name must contain "iframe-worker"."""
THEME = Path(material.__file__).resolve().parent / "templates"
LUNR = "assets/javascripts/lunr/"
SEARCH_INDEX = frozenset({"search/search_index.js", "search/search_index.json"})
"""The text of the pages as data: an address mentioned in a lesson is not a load."""
UNUSED_OFFLINE = frozenset(
    {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}
)
"""Files a site opened from disk never reads (file:// search uses search_index.js)."""
log = logging.getLogger("mkdocs.berdaya.export")


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
class Prepared:
    """An export's site configuration and its checked content."""

    config: MkDocsConfig
    content_dir: Path
    options: Options
    project: Project


def prepare(request: ExportRequest) -> Prepared:
    """Load the configuration, select the curricula and check them; nothing is written.

    Raises:
        UsageError: an id names no curriculum.
        ContentError: the content has errors.
    """
    config = mkdocs_site.load(request.config_file)
    content_dir, options = mkdocs_site.content_options(config)
    ids = tuple(folder.name for folder in select_curricula(content_dir, request.curricula))
    options = replace(options, include_guides=request.audience == "trainer", curricula=ids)
    project, diagnostics = check(
        content_dir, options.language, options.curricula, options.library_dirs
    )
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    return Prepared(config, content_dir, options, project)


def export(request: ExportRequest) -> ExportReport:
    """Build the offline site, check it, and zip it.

    Raises:
        UsageError: an id names no curriculum.
        ContentError: the content has errors.
        OfflineError: the site would load something from the network.
        BuildError: MkDocs failed.
    """
    prepared = prepare(request)
    ids = prepared.options.curricula
    target = request.output or Path("dist") / f"{default_name(request, prepared.options)}.zip"
    check_output_file(target, "zip", mkdocs_site.protected(prepared.config))
    with tempfile.TemporaryDirectory(prefix="berdaya-export-") as temporary:
        folder = build_offline(request, ids, Path(temporary))
        names = offline_files(folder)
        findings = check_site(folder, prepared.content_dir, names)
        if any(f.is_error for f in findings):
            raise OfflineError(findings)
        entries = write_zip(folder, names, target, top=target.stem)
    return ExportReport(target, list(ids), entries, findings)


def default_name(request: ExportRequest, options: Options) -> str:
    """``berdaya`` or the ids, with the localised word for trainer copies."""
    name = "-".join(request.curricula) if request.curricula else "berdaya"
    if request.audience == "trainer":
        name = f"{name}-{t('export.trainer', options.language)}"
    return name


def build_offline(request: ExportRequest, ids: tuple[str, ...], folder: Path) -> Path:
    """Build the offline variant into ``folder/site`` (the Markdown goes to ``folder/docs``).

    Raises:
        BuildError: MkDocs failed.
    """
    docs, built = folder / "docs", folder / "site"
    docs.mkdir()
    config = mkdocs_site.load(
        request.config_file, docs_dir=str(docs), site_dir=str(built), use_directory_urls=False
    )
    make_offline(config)
    build_variant(config, request.audience, ids)
    (built / SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
    (built / SHIM_PATH).write_bytes(SHIM.read_bytes())
    return built


def build_variant(config: MkDocsConfig, audience: Audience, ids: tuple[str, ...]) -> None:
    """Build an export's variant of the site: the curricula ``ids`` for ``audience``.

    Exports are opened from files (or a ZIM reader), where a service worker has no
    use: the offline app (``offline_app``) is off.

    Raises:
        BuildError: MkDocs failed.
    """
    mkdocs_site.set_audience(config, audience)
    berdaya = config.plugins["berdaya"]
    berdaya.config["curricula"] = list(ids)
    berdaya.config["offline_app"] = False
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildError(str(exc)) from exc
    finally:
        config.plugins.on_shutdown()


def make_offline(config: MkDocsConfig) -> None:
    """Turn a loaded configuration into the offline variant (see the module docstring)."""
    theme = config.theme
    theme["font"] = False
    features = theme.get("features") or []
    theme["features"] = [f for f in features if not f.startswith("navigation.instant")]
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [*polyfills, SHIM_PATH]
    config.repo_url = config.repo_name = config.edit_uri = None
    config.extra["generator"] = False  # Material's "Made with Material for MkDocs" footer link
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
        if name.endswith((".html", ".htm", ".css", ".js", ".mjs")) and name not in SEARCH_INDEX
    }
    theme_scripts = [name for name in texts if name.endswith(".js") and (THEME / name).is_file()]
    findings = scan(texts, skip_scripts=theme_scripts)
    root = content_dir.resolve().parent
    return [place(finding, root) for finding in findings]


def place(finding: Finding, root: Path) -> Finding:
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
