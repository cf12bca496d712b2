"""The ``berdaya`` command line (click): a thin shell over the pipeline stages.

One function per command; :func:`main` is the one place that turns what went
wrong into an exit code and one line: 0 success, 1 the content has errors (every
diagnostic is listed) or a file cannot be read or written, 2 wrong usage.
``berdaya --debug COMMAND`` shows the Python traceback instead.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from generator.content.check import check, check_folders, select_curricula
from generator.content.diagnostics import has_errors, render, sort_diagnostics
from generator.content.library import Library, plugin_folders, read_layered
from generator.content.messages import diagnostic_language, set_language, translate, use_language
from generator.content.project import find_curricula
from generator.content.schema import SCHEMA_DIR, SCHEMAS, schema_text
from generator.content.standards import check_profile, load_profile, profile_names
from generator.exceptions import (
    BerdayaError,
    ContentError,
    OfflineError,
    ResultsError,
    UsageError,
)
from generator.i18n import Language
from generator.site.scaffold import new_curriculum, new_overlay, new_project

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
CONFIG = Path("mkdocs.yml")
PathType = click.Path(path_type=Path)
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
library_option = click.option(
    "--library",
    "library",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    metavar="DIR",
    help="a content folder where overlays find their bases (repeatable; default: "
    "library_dirs of the berdaya plugin in mkdocs.yml)",
)
config_option = click.option(
    "-f",
    "--config-file",
    type=PathType,
    default=CONFIG,
    show_default=True,
    help="the MkDocs configuration",
)
lang_option = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    expose_value=False,
    callback=lambda _ctx, _param, value: set_language(value),
    help="language of the content's problems: id (Bahasa Indonesia) or en (English); "
    "default: BERDAYA_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG starting with "
    "'id' is Indonesian), else English",
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the ``berdaya`` console script)."""
    args = list(sys.argv[1:] if argv is None else argv)
    return int(cli.main(args=args, prog_name="berdaya", standalone_mode=False))


class Berdaya(click.Group):
    """The ``berdaya`` group: the one place that maps what went wrong to exit codes."""

    def main(  # type: ignore[override] # returns the exit code instead of click's result
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,  # noqa: FBT001, FBT002 - click's own signature
        **extra: Any,  # noqa: ANN401 - passed on to click.Context
    ) -> int:
        """Run a command; exit with its code, or return it when ``standalone_mode`` is off.

        Click's ``CliRunner`` calls this with the defaults, the console script
        through :func:`main` with ``standalone_mode=False``: both see the same
        exit codes and one-line errors.
        """
        args = list(sys.argv[1:] if args is None else args)
        code = self._run(args, prog_name or "berdaya", complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self,
        args: list[str],
        prog_name: str,
        complete_var: str | None,
        **extra: Any,  # noqa: ANN401 - passed on to click.Context
    ) -> int:
        command = next((a for a in args if a in self.commands), "")
        debug = "--debug" in (args[: args.index(command)] if command else args)
        with use_language():  # --lang holds for this run only
            try:
                code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            except click.exceptions.Exit as exc:
                return exc.exit_code
            except (
                click.ClickException,
                BerdayaError,
                OSError,
                KeyboardInterrupt,
                click.Abort,
            ) as exc:
                if debug and isinstance(exc, (BerdayaError, OSError)):
                    raise
                return _report(exc, command)
        return int(code or EXIT_OK)


def _report(exc: BaseException, command: str) -> int:
    """Say what went wrong in one line (every diagnostic for content); the exit code."""
    if isinstance(exc, click.ClickException):  # a wrong option or argument, before any work
        where = exc.ctx.command_path if isinstance(exc, click.UsageError) and exc.ctx else "berdaya"
        print(
            f"{where}: error: {exc.format_message().rstrip('.')} (see {where} --help)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if isinstance(exc, ContentError):
        print(render(exc.diagnostics, "text"), file=sys.stderr)
    elif isinstance(exc, OfflineError):
        from generator.outputs.report import finding_lines  # noqa: PLC0415 - only on failure

        lines = [*finding_lines(exc.findings), f"berdaya {command}: error: {exc}"]
        print("\n".join(lines), file=sys.stderr)
    elif isinstance(exc, (BerdayaError, OSError)):
        print(f"berdaya {command}: error: {_describe(exc)}", file=sys.stderr)
    return exc.exit_code if isinstance(exc, BerdayaError) else EXIT_CONTENT


def _describe(exc: BaseException) -> str:
    """One line for an error: an OSError names its file and what the system said."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror} (--debug shows more)"
    return " ".join(str(exc).split())


@click.group(
    cls=Berdaya,
    context_settings=CONTEXT,
    epilog="Quick start: 'berdaya new my-course', edit content/my-course/, "
    "'berdaya validate', 'berdaya serve'. Every command has --help.",
)
@click.option("--debug", is_flag=True, help="show Python tracebacks (when reporting a bug)")
@click.version_option(package_name="berdaya", message="%(prog)s %(version)s")
def cli(*, debug: bool) -> None:
    """Turn YAML curricula into training sites that work offline, with quizzes and
    program guides for trainers.
    """  # noqa: D205 - click shows the docstring as the help text
    del debug  # read by main(), which decides how errors are shown


@cli.command(short_help="start a new curriculum from a valid example")
@click.argument("curriculum_id", metavar="ID")
@click.option("--title", help="the curriculum title (default: from the id)")
@click.option(
    "--language",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="content language",
)
@click.option(
    "--content", type=PathType, default=Path("content"), show_default=True, help="content folder"
)
@click.option(
    "--from",
    "base_id",
    metavar="BASE",
    help="start an overlay of the curriculum BASE (found in the content folder or the "
    "library_dirs of mkdocs.yml): only the changes are written, with commented examples",
)
@library_option
def new(  # noqa: PLR0913 - one argument per option of the command
    curriculum_id: str,
    *,
    title: str | None,
    language: str,
    content: Path,
    base_id: str | None,
    library: tuple[Path, ...],
) -> int:
    """Create content/ID/ with a curriculum and one module that validate, ready to edit.

    ID is the curriculum id: lowercase letters, digits and hyphens. In a folder
    without mkdocs.yml it also writes mkdocs.yml, modules/ and schema/, so that
    'berdaya build' works right away. With --from BASE, content/ID/ is an overlay
    of BASE instead (docs/overlays.md): the same curriculum until you write changes.
    """
    if base_id is not None:
        return _new_overlay(curriculum_id, title, content, base_id, _library(library))
    name = title or curriculum_id.replace("-", " ").capitalize()
    lang: Language = "en" if language == "en" else "id"
    folder = new_curriculum(content, curriculum_id, name, lang)
    if not (content.parent / "mkdocs.yml").exists():
        for made in new_project(content.parent, name, lang):
            click.echo(f"created {made}{'/' if made.is_dir() else ''}")
    click.echo(f"created {folder}/ — edit its YAML files, then run 'berdaya validate {folder}'")
    return EXIT_OK


@cli.command(short_help="report every problem in the content")
@click.argument("paths", nargs=-1, type=PathType, metavar="[PATH]...")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="output format (github: workflow annotations)",
)
@click.option("--strict", is_flag=True, help="warnings fail too (exit 1)")
@library_option
@click.option(
    "--profile",
    type=click.Choice(profile_names()),
    help="also check against a training standard (prakerja: Kartu Prakerja, face-to-face)",
)
@lang_option
def validate(
    paths: tuple[Path, ...],
    output: str,
    library: tuple[Path, ...],
    *,
    strict: bool,
    profile: str | None,
) -> int:
    """Check curricula and report every problem, sorted by file and line.

    PATH: content folders, curricula or files (default: content/).

    With --profile, each criterion of the standard that a curriculum does not
    meet is an error naming it, e.g. [prakerja.min-hours]; docs/trainer-kit.md
    lists the criteria and where their figures come from.
    """
    named = list(paths) or [Path("content")]
    try:
        folders = find_curricula(named)
    except FileNotFoundError as exc:
        raise UsageError(f"no such file or folder: {exc}") from exc
    if not folders:
        shown = " ".join(str(p) for p in named)
        raise UsageError(f"no curriculum.yml in {shown}; start one with 'berdaya new ID'")
    project, diagnostics = check_folders(folders, "id", _library(library))
    if profile is not None:
        standard = load_profile(profile)
        found = [d for c in project.curricula for d in check_profile(c, standard)]
        diagnostics = sort_diagnostics([*diagnostics, *found])
    if diagnostics:
        click.echo(render(diagnostics, output))
    elif output == "json":
        click.echo("[]")
    if has_errors(diagnostics, strict=strict):
        return EXIT_CONTENT
    if output == "text":
        modules = sum(len(c.modules) for c in project.curricula)
        done = f"ok: {len(project.curricula)} curricula, {modules} modules"
        click.echo(translate(done, diagnostic_language()), err=True)
    return EXIT_OK


@cli.command(short_help="generate modules/ and build the site into site/")
@click.option("--strict", is_flag=True, help="warnings (content and MkDocs) fail the build")
@config_option
@click.option(
    "-d", "--site-dir", type=PathType, help="where to build (default: site_dir of mkdocs.yml)"
)
@click.option(
    "--check-offline",
    is_flag=True,
    help="fail when a page loads anything from the network (as 'berdaya export' does)",
)
@click.option(
    "--audience",
    type=click.Choice(["trainer", "learner"]),
    help="learner: no guides, answer keys, sheets or results page, for a public site "
    "(default: the plugin option audience, else trainer)",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="processes building parts of the site at once (default: one per core); "
    "the site is the same",
)
@lang_option
def build(  # noqa: PLR0913 - one parameter per option
    *,
    strict: bool,
    config_file: Path,
    site_dir: Path | None,
    check_offline: bool,
    audience: str | None,
    jobs: int | None,
) -> int:
    """Check the content, generate the Markdown and build the site.

    The site is built next to the old one and swapped in only when the build
    succeeded: a failed build leaves the previous site as it was. When nothing
    changed since the last build (content, docs, mkdocs.yml, options: the stamp
    .berdaya-stamp in the site), it repeats that build's warnings and writes
    nothing. Berdaya replaces only a folder it built (marked with .berdaya-site),
    a new or an empty one. Publish a learner site (--audience learner) and keep the
    trainer site, with its answer keys, in another folder (-d) or host.
    """
    from generator.outputs import mkdocs_site, parallel  # noqa: PLC0415 - MkDocs loads slowly

    mkdocs_site.setup_logging()
    config = mkdocs_site.load(config_file)
    content_dir, options = mkdocs_site.content_options(config)
    if not parallel.splittable(config):  # a build in parts checks first itself
        _project, diagnostics = check(
            content_dir, options.language, options.curricula, options.library_dirs
        )
        if has_errors(diagnostics, strict=strict):  # otherwise the plugin lists the warnings
            raise ContentError(diagnostics)
    role: mkdocs_site.Audience | None = (
        None if audience is None else "learner" if audience == "learner" else "trainer"
    )
    target = mkdocs_site.build_site(
        config_file,
        site_dir,
        strict=strict,
        audience=role,
        jobs=jobs or parallel.cores(),
        strict_content=strict,
    )
    built_for = _audience_line(role or mkdocs_site.audience_of(config))
    click.echo(f"built {target} ({built_for})", err=True)
    return _check_offline(target, content_dir) if check_offline else EXIT_OK


@cli.command(short_help="live preview; editing YAML reloads the browser")
@click.option(
    "-a", "--dev-addr", metavar="IP:PORT", help="address to serve on (default 127.0.0.1:8000)"
)
@config_option
@lang_option
def serve(dev_addr: str | None, config_file: Path) -> int:
    """Serve the site on http://127.0.0.1:8000/ and rebuild when content or templates change."""
    from generator.outputs import mkdocs_site  # noqa: PLC0415 - MkDocs loads slowly
    from generator.outputs.serve import serve_site  # noqa: PLC0415

    mkdocs_site.setup_logging()
    config = mkdocs_site.load(config_file)
    content_dir, options = mkdocs_site.content_options(config)
    _project, diagnostics = check(
        content_dir, options.language, options.curricula, options.library_dirs
    )
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    click.echo(f"serving the {_audience_line(mkdocs_site.audience_of(config))}", err=True)
    serve_site(config_file, dev_addr)
    return EXIT_OK


def _audience_line(audience: str) -> str:
    """Which site a build or a preview is: the words ``build`` and ``serve`` print."""
    if audience == "learner":
        return "learner site: no guides, answer keys, sheets or results page"
    return "trainer site: guides, answer keys, sheets and results page included; keep it private"


@cli.command(
    short_help="offline copy for learners or trainers: a zip, one HTML file or one ZIM per "
    "curriculum"
)
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["zip", "html", "scorm", "zim"]),
    default="zip",
    show_default=True,
    help="zip: the site in a zip, for laptops and USB sticks; html: one file per "
    "curriculum that opens on a phone, sent over WhatsApp, Bluetooth or a USB stick; "
    "scorm: that file as a SCORM 1.2 package per curriculum, for an LMS (Moodle); "
    "zim: one ZIM archive per curriculum for Kiwix readers and kiwix-serve hotspots "
    "(needs the extra berdaya[zim])",
)
@click.option(
    "--audience",
    type=click.Choice(["learner", "trainer"]),
    default="learner",
    show_default=True,
    help="learner leaves out program guides and answer keys; trainer includes them",
)
@click.option(
    "-o",
    "--output",
    type=PathType,
    metavar="PATH",
    help="zip: the zip to write (default: dist/NAME.zip); html and zim: the folder for the "
    "files (default: dist/), or the file itself when writing one file (NAME.html, NAME.zim); "
    "scorm: the folder (default: dist/), or NAME.zip for one curriculum",
)
@click.option(
    "--one-file",
    is_flag=True,
    help="zim: one ZIM holding all the curricula exported (default: one per curriculum)",
)
@click.option(
    "--budget",
    type=float,
    default=5.0,
    show_default=True,
    metavar="MB",
    help="warn when a curriculum's export is larger than this",
)
@config_option
@lang_option
def export(  # noqa: PLR0913 - one argument per option of the command
    *,
    ids: tuple[str, ...],
    output_format: str,
    audience: str,
    output: Path | None,
    one_file: bool,
    budget: float,
    config_file: Path,
) -> int:
    """Build an offline copy that needs no network: search, quizzes and progress work.

    ID: curricula to export (default: all). --format zip (default) zips the site;
    unzipped on a laptop or a USB stick, it opens from index.html. --format html
    writes one file per curriculum, ID.html (ID-pelatih.html or ID-trainer.html for
    trainers), that works on a phone when it is the only file the browser can read;
    for each file it prints its size and a message to forward with it. --format
    scorm packages that file as a SCORM 1.2 zip, ID-scorm.zip, for an LMS (in
    Moodle: add it as a SCORM package activity); it reports the score. --format zim
    writes ID.zim for Kiwix (all curricula in one with --one-file; needs the extra
    berdaya[zim]). Each fails when a page would load anything from another host (a
    remote image, a video iframe); plain links to other sites are listed as a warning.
    """
    import logging  # noqa: PLC0415 - only the export quietens MkDocs

    from generator.outputs import export as exports  # noqa: PLC0415 - MkDocs loads slowly
    from generator.outputs import mkdocs_site, report, single  # noqa: PLC0415

    mkdocs_site.setup_logging()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    if one_file and output_format != "zim":
        raise UsageError(f"--one-file is for --format zim, not --format {output_format}")
    role: exports.Audience = "trainer" if audience == "trainer" else "learner"
    request = exports.ExportRequest(config_file, ids, role, output)
    limit = int(budget * 1e6)
    if output_format == "zim":
        from generator.outputs import zim  # noqa: PLC0415 - MkDocs loads slowly

        archives = zim.export_zim(request, one_file=one_file)
        lines = report.link_lines(archives.warnings) + zim.zim_lines(archives, limit)
        click.echo("\n".join(lines), err=True)
        return EXIT_OK
    if output_format == "html":
        files = single.export_html(request)
        for line in report.link_lines(files.warnings):
            click.echo(line, err=True)
        click.echo("\n".join(report.html_lines(files.files, limit)))
        return EXIT_OK
    if output_format == "scorm":
        from generator.outputs import scorm  # noqa: PLC0415 - MkDocs loads slowly

        packages = scorm.export_scorm(request)
        for line in report.link_lines(packages.warnings):
            click.echo(line, err=True)
        click.echo("\n".join(scorm.report_lines(packages)))
        return EXIT_OK
    written = exports.export(request)
    lines = report.link_lines(written.warnings) + report.size_lines(written, limit)
    click.echo("\n".join(lines), err=True)
    return EXIT_OK


def _new_overlay(
    curriculum_id: str, title: str | None, content: Path, base_id: str, library: tuple[Path, ...]
) -> int:
    """``berdaya new ID --from BASE``."""
    lib = Library(library)
    base_folder = lib.find(base_id, content / curriculum_id)
    if base_folder is None:
        known = ", ".join(lib.known(content / curriculum_id)) or "none"
        where = lib.where().replace("the content folder", f"{content}/")
        raise UsageError(f"no curriculum '{base_id}' in {where} (known: {known})")
    base, problems = read_layered(base_folder, lib)
    if base is None or has_errors(problems):
        raise ContentError(problems)
    folder = new_overlay(content, curriculum_id, base, title)
    click.echo(
        f"created {folder}/ — an overlay of {base_id}; write your changes in "
        f"{folder / 'curriculum.yml'}, then run 'berdaya diff {curriculum_id}'"
    )
    return EXIT_OK


def _library(given: tuple[Path, ...]) -> tuple[Path, ...]:
    """The library folders named on the command line, else those of ./mkdocs.yml."""
    return given or plugin_folders(CONFIG)[1]


@cli.command(short_help="what an overlay changes relative to its base")
@click.argument("overlay_id", metavar="ID")
@library_option
@click.option(
    "--content", type=PathType, help="content folder (default: content_dir of mkdocs.yml)"
)
def diff(overlay_id: str, library: tuple[Path, ...], content: Path | None) -> int:
    """Print what the overlay ID changes in the curriculum it extends: each added,
    removed, changed or moved item by its path, file by file.

    Lists of items with an id are compared item by item (lessons[id=...]); the
    base is the one the overlay finds (its content folder, then --library or the
    library_dirs of mkdocs.yml).
    """  # noqa: D205 - click shows the docstring as the help text
    from generator.content.diff import diff_lines, diff_overlay  # noqa: PLC0415

    content_dir, configured = plugin_folders(CONFIG)
    folders = select_curricula(content or content_dir, [overlay_id])
    lib = Library(library or configured)
    overlay, problems = read_layered(folders[0], lib)
    if overlay is not None and overlay.base is None:
        raise UsageError(f"'{overlay_id}' extends no curriculum: it has no 'extends:'")
    if overlay is None or has_errors(problems):
        raise ContentError(problems)
    base, problems = read_layered(overlay.bases[0], lib)
    if base is None or has_errors(problems):
        raise ContentError(problems)
    base_id = overlay.bases[0].name
    version = base.doc.data.get("version")
    shown = base_id if version is None else f"{base_id} (version {version})"
    for line in diff_lines(overlay_id, shown, diff_overlay(overlay, base)):
        click.echo(line)
    return EXIT_OK


def _check_offline(target: Path, content_dir: Path) -> int:
    """Report what the built site would load from the network; 1 if anything."""
    from generator.outputs import export as exports  # noqa: PLC0415 - MkDocs loads slowly
    from generator.outputs import report  # noqa: PLC0415

    findings = exports.check_site(target, content_dir)
    if findings:
        click.echo("\n".join(report.finding_lines(findings)), err=True)
    if any(finding.is_error for finding in findings):
        return EXIT_CONTENT
    click.echo("offline check: nothing is loaded from the network", err=True)
    return EXIT_OK


@cli.command(short_help="PDF of the printable trainer guide or learner book")
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option(
    "--audience",
    type=click.Choice(["trainer", "learner"]),
    default="trainer",
    show_default=True,
    help="trainer: the whole guide with answer keys; learner: the learner book",
)
@click.option(
    "-o",
    "--output",
    type=PathType,
    metavar="FILE",
    help="the PDF (default: ID-panduan-cetak.pdf or ID-buku-peserta.pdf, named in "
    "the curriculum's language; berdaya-trainer.pdf or berdaya-learner.pdf for "
    "several)",
)
@config_option
@lang_option
def pdf(ids: tuple[str, ...], audience: str, output: Path | None, config_file: Path) -> int:
    """Write one PDF of the printable pages: the trainer guide or the learner book.

    ID: curricula (default: all). Needs the optional extra berdaya[pdf]
    (WeasyPrint). Every curriculum starts on a new page; pages are A4 and numbered.
    """
    from generator.outputs import pdf as pdfs  # noqa: PLC0415 - loads MkDocs and WeasyPrint

    settings = pdfs.read_settings(config_file)
    role: pdfs.Audience = "learner" if audience == "learner" else "trainer"
    printed = pdfs.write_pdf(settings, list(ids), role, output)
    if printed.diagnostics:
        click.echo(render(printed.diagnostics, "text"), err=True)
    click.echo(f"wrote {printed.path} ({printed.pages} pages)", err=True)
    return EXIT_OK


@cli.command(short_help="the table of the learners' results codes found in text files")
@click.argument(
    "files",
    nargs=-1,
    required=True,
    metavar="FILE...",
    type=click.Path(path_type=Path, exists=True, dir_okay=False, allow_dash=True),
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "csv"]),
    default="text",
    show_default=True,
    help="text: a table for reading; csv: for a spreadsheet (one curriculum at a time)",
)
@click.option(
    "-c",
    "--curriculum",
    "curriculum_id",
    metavar="ID",
    help="only this curriculum (for csv when the codes are of several)",
)
@config_option
def results(
    files: tuple[Path, ...], output: str, curriculum_id: str | None, config_file: Path
) -> int:
    """Find learners' results codes (BDY1/...) in FILEs and print each curriculum's table.

    FILE: any text holding codes, e.g. an exported WhatsApp chat, messages or a CSV; '-' reads
    standard input. The table is the one of the trainer's results page: pre-test and
    post-test scores, the gain, each module's best quiz score and pass, and an empty column
    for the skill demonstration. Codes that are not counted (damaged, of another curriculum
    or version, the same code twice, replaced by a newer code of the same name) are listed
    on standard error, one line each.
    """
    from generator.outputs import mkdocs_site  # noqa: PLC0415 - MkDocs loads slowly
    from generator.results import report, table  # noqa: PLC0415

    config = mkdocs_site.load(config_file)
    content_dir, options = mkdocs_site.content_options(config)
    ids = (curriculum_id,) if curriculum_id else options.curricula
    project, diagnostics = check(content_dir, options.language, ids, options.library_dirs)
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    texts = _read_texts(files)
    found = report.read_results(texts, project.curricula)
    for item in found.problems:
        click.echo(report.problem_line(item), err=True)
    names = ", ".join(name for name, _ in texts)
    if not found.found:
        raise ResultsError(f"no results code (BDY1/...) in {names}")
    if not found.tables:
        count = len(found.problems)
        raise ResultsError(f"none of the {count} results code(s) in {names} can be counted")
    if output == "csv":
        if len(found.tables) > 1:
            several = ", ".join(t.spec["curriculum"] for t in found.tables)
            raise UsageError(
                f"codes of several curricula ({several}): choose one with --curriculum"
            )
        only = found.tables[0]
        click.echo(table.csv_text(only.tally, only.spec, only.language), nl=False)
        return EXIT_OK
    shown = [table.text_table(t.tally, t.spec, t.language) for t in found.tables]
    click.echo("\n".join(shown), nl=False)
    return EXIT_OK


def _read_texts(files: tuple[Path, ...]) -> list[tuple[str, str]]:
    """Each file's name and text.

    Raises:
        ResultsError: naming every file that is not text (a picture, a zip, ...).
    """
    from generator.results.report import text_of  # noqa: PLC0415

    texts: list[tuple[str, str]] = []
    not_text: list[str] = []
    for path in files:
        name = "<stdin>" if str(path) == "-" else str(path)
        data = sys.stdin.buffer.read() if name == "<stdin>" else path.read_bytes()
        text = text_of(data)
        if text is None:
            not_text.append(name)
        else:
            texts.append((name, text))
    if not_text:
        shown = ", ".join(not_text)
        raise ResultsError(f"not a text file: {shown} (give an exported chat, messages or a CSV)")
    return texts


@cli.group(short_help="question banks for Moodle: export and import GIFT or Moodle XML")
def lms() -> None:
    """Move quizzes to and from a learning management system such as Moodle.

    'lms export' writes the quizzes and the pre/post tests as Moodle XML or GIFT,
    which Moodle's question bank imports; 'lms import' reads such a file into a
    module's quiz. The mapping of every question type is in docs/lms.md.
    """


@lms.command("export", short_help="write the question banks as Moodle XML or GIFT")
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["moodle-xml", "gift"]),
    default="moodle-xml",
    show_default=True,
    help="moodle-xml: every question type, prose as HTML; gift: plain text, prose as Markdown",
)
@click.option(
    "-o",
    "--output",
    type=PathType,
    metavar="PATH",
    help="the folder (default: dist/), or the file when one curriculum is exported",
)
@config_option
def lms_export(
    ids: tuple[str, ...], output_format: str, output: Path | None, config_file: Path
) -> int:
    """Write each curriculum's question bank: ID.moodle.xml or ID.gift.

    ID: curricula (default: all). One question category per module quiz
    ($course$/ID/MODULE) and per test ($course$/ID/tes-awal, ...). What GIFT
    cannot carry is listed on standard error, question by question.
    """
    from generator.lms import run  # noqa: PLC0415 - only this command needs it
    from generator.outputs import mkdocs_site  # noqa: PLC0415 - MkDocs loads slowly

    config = mkdocs_site.load(config_file)
    content_dir, options = mkdocs_site.content_options(config)
    project, diagnostics = check(content_dir, options.language, ids or options.curricula)
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    fmt: run.Format = "gift" if output_format == "gift" else "moodle-xml"
    done = run.export_bank(project.curricula, fmt, output, mkdocs_site.protected(config))
    for line in done.warnings:
        click.echo(line, err=True)
    for item in done.files:
        click.echo(
            f"wrote {item.path} ({item.size / 1000:.1f} kB, {item.questions} questions)", err=True
        )
    return EXIT_OK


@lms.command("import", short_help="add the questions of a GIFT or Moodle XML file to a module")
@click.argument("source", metavar="FILE", type=PathType)
@click.option(
    "--module",
    "module",
    required=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    metavar="PATH",
    help="the module file (content/ID/modules/MODULE.yml) whose quiz gets the questions",
)
@click.option(
    "--category",
    metavar="NAME",
    help="only the questions of this category (its path, or its last part)",
)
def lms_import(source: Path, module: Path, category: str | None) -> int:
    """Append the questions of FILE (.gift, .txt or .xml) to the quiz of a module.

    Every comment and line of the module file stays as it was; the questions go
    after its last quiz question (a quiz: is added when it has none). An id
    comes from the question's id number, else from its name (none when the name
    is only the start of the prompt); an id the module already has is refused.
    What Berdaya cannot express is listed as 'FILE:line:col: warning: ...'. The
    file is written only when the whole result is valid.
    """
    from generator.lms import run  # noqa: PLC0415 - only this command needs it

    done = run.import_bank(source, module, category)
    if done.diagnostics:
        click.echo(render(sort_diagnostics(done.diagnostics), "text"), err=True)
    click.echo(f"added {done.count} questions to {module}", err=True)
    return EXIT_OK


@cli.command(short_help="print the JSON Schema of the content files")
@click.argument("kind", required=False, type=click.Choice(["curriculum", "module"]))
@click.option("--write", is_flag=True, help=f"write the schemas into {SCHEMA_DIR}/")
def schema(kind: str | None, *, write: bool) -> int:
    """Print (or write into schema/) the JSON Schema of curriculum and module files.

    KIND: one file kind (default: both). Editors complete keys from it: the YAML
    files start with a '# yaml-language-server: $schema=...' line.
    """
    names = [f"{kind}.schema.json"] if kind else list(SCHEMAS)
    for name in names:
        if write:
            SCHEMA_DIR.mkdir(exist_ok=True)
            (SCHEMA_DIR / name).write_text(schema_text(name), encoding="utf-8")
            click.echo(f"wrote {SCHEMA_DIR / name}")
        else:
            click.echo(schema_text(name), nl=False)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
