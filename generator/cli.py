"""The ``berdaya`` command line: a thin shell over the pipeline stages.

Exit codes: 0 success, 1 the content has errors, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.check import check, check_folders
from generator.content.diagnostics import has_errors, render
from generator.content.project import find_curricula
from generator.content.schema import SCHEMA_DIR, SCHEMAS, schema_text
from generator.exceptions import BerdayaError, ContentError, OfflineError, UsageError
from generator.site.scaffold import new_curriculum

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
CONFIG = Path("mkdocs.yml")

Handler = Callable[[argparse.Namespace], int]
if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]  # noqa: SLF001 - no public name


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    This is the one place that turns what went wrong into an exit code and one
    line: content errors (1, every diagnostic), usage mistakes (2), a file that
    cannot be read or written (1). ``--debug`` shows the Python traceback instead.
    """
    args = parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except ContentError as exc:
        print(render(exc.diagnostics, "text"), file=sys.stderr)
        return EXIT_CONTENT
    except UsageError as exc:
        if args.debug:
            raise
        print(f"berdaya {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (BerdayaError, OSError) as exc:
        if args.debug:
            raise
        print(f"berdaya {args.command}: error: {_describe(exc)}", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return EXIT_CONTENT


def _describe(exc: BaseException) -> str:
    """One line for an error: an OSError names its file and what the system said."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror} (--debug shows more)"
    return " ".join(str(exc).split())


def parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    root = argparse.ArgumentParser(
        prog="berdaya",
        description="Turn YAML curricula into training sites that work offline, "
        "with quizzes and program guides for trainers.",
        epilog="Quick start: 'berdaya new my-course', edit content/my-course/, "
        "'berdaya validate', 'berdaya serve'. Every command has --help.",
    )
    root.add_argument(
        "--debug", action="store_true", help="show Python tracebacks (when reporting a bug)"
    )
    commands = root.add_subparsers(title="commands", required=True, metavar="COMMAND")
    for register in (_new, _validate, _build, _serve, _export, _pdf, _schema):
        register(commands)
    return root


def _command(
    commands: Commands, name: str, handler: Handler, summary: str
) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=handler.__doc__
    )
    sub.set_defaults(handler=handler, command=name)
    return sub


def _config_file(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "-f", "--config-file", type=Path, default=CONFIG, help="the MkDocs configuration"
    )


def _new(commands: Commands) -> None:
    sub = _command(commands, "new", _cmd_new, "start a new curriculum from a valid example")
    sub.add_argument("id", help="the curriculum id: lowercase letters, digits, hyphens")
    sub.add_argument("--title", help="the curriculum title (default: from the id)")
    sub.add_argument("--language", choices=["id", "en"], default="id", help="content language")
    sub.add_argument("--content", type=Path, default=Path("content"), help="content folder")


def _cmd_new(args: argparse.Namespace) -> int:
    """Create content/ID/ with a curriculum and one module that validate, ready to edit."""
    title = args.title or args.id.replace("-", " ").capitalize()
    folder = new_curriculum(args.content, args.id, title, args.language)
    print(f"created {folder}/ — edit its YAML files, then run 'berdaya validate {folder}'")
    return EXIT_OK


def _validate(commands: Commands) -> None:
    sub = _command(commands, "validate", _cmd_validate, "report every problem in the content")
    sub.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="content folders, curricula or files (default: content/)",
    )
    sub.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="output format (github: workflow annotations)",
    )
    sub.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")


def _cmd_validate(args: argparse.Namespace) -> int:
    """Check curricula and report every problem, sorted by file and line."""
    paths: list[Path] = args.paths or [Path("content")]
    try:
        folders = find_curricula(paths)
    except FileNotFoundError as exc:
        print(f"berdaya validate: error: no such file or folder: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not folders:
        named = " ".join(str(p) for p in paths)
        print(
            f"berdaya validate: error: no curriculum.yml in {named}; "
            "start one with 'berdaya new ID'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    project, diagnostics = check_folders(folders)
    if diagnostics:
        print(render(diagnostics, args.format))
    elif args.format == "json":
        print("[]")
    if has_errors(diagnostics, strict=args.strict):
        return EXIT_CONTENT
    if args.format == "text":
        modules = sum(len(c.modules) for c in project.curricula)
        print(f"ok: {len(project.curricula)} curricula, {modules} modules", file=sys.stderr)
    return EXIT_OK


def _build(commands: Commands) -> None:
    sub = _command(commands, "build", _cmd_build, "generate modules/ and build the site into site/")
    sub.add_argument(
        "--strict", action="store_true", help="warnings (content and MkDocs) fail the build"
    )
    _config_file(sub)
    sub.add_argument(
        "-d", "--site-dir", type=Path, help="where to build (default: site_dir of mkdocs.yml)"
    )
    sub.add_argument(
        "--check-offline",
        action="store_true",
        help="fail when a page loads anything from the network (as 'berdaya export' does)",
    )


def _cmd_build(args: argparse.Namespace) -> int:
    """Check the content, generate the Markdown and build the site.

    The site is built next to the old one and swapped in only when the build
    succeeded: a failed build leaves the previous site as it was.
    """
    from generator.outputs import mkdocs_site  # noqa: PLC0415 - MkDocs loads slowly; only build needs it

    mkdocs_site.setup_logging()
    config = mkdocs_site.load(args.config_file)
    content_dir, options = mkdocs_site.content_options(config)
    _project, diagnostics = check(content_dir, options.language, options.curricula)
    if has_errors(diagnostics, strict=args.strict):  # otherwise the plugin lists the warnings
        print(render(diagnostics, "text"), file=sys.stderr)
        return EXIT_CONTENT
    target = mkdocs_site.build_site(args.config_file, args.site_dir, strict=args.strict)
    print(f"built {target}", file=sys.stderr)
    if args.check_offline:
        return _check_offline(target, content_dir)
    return EXIT_OK


def _serve(commands: Commands) -> None:
    sub = _command(commands, "serve", _cmd_serve, "live preview; editing YAML reloads the browser")
    sub.add_argument(
        "-a", "--dev-addr", metavar="IP:PORT", help="address to serve on (default 127.0.0.1:8000)"
    )
    _config_file(sub)


def _cmd_serve(args: argparse.Namespace) -> int:
    """Serve the site on http://127.0.0.1:8000/ and rebuild when content or templates change."""
    from generator.outputs import mkdocs_site  # noqa: PLC0415 - MkDocs loads slowly; only serve needs it

    mkdocs_site.setup_logging()
    config = mkdocs_site.load(args.config_file)
    content_dir, options = mkdocs_site.content_options(config)
    _project, diagnostics = check(content_dir, options.language, options.curricula)
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    mkdocs_site.serve_site(args.config_file, args.dev_addr)
    return EXIT_OK


def _export(commands: Commands) -> None:
    sub = _command(
        commands,
        "export",
        _cmd_export,
        "offline copy for learners or trainers: a zip, or one HTML file per curriculum",
    )
    sub.add_argument("ids", nargs="*", metavar="ID", help="curricula to export (default: all)")
    sub.add_argument(
        "--format",
        choices=["zip", "html"],
        default="zip",
        help="zip (default): the site in a zip, for laptops and USB sticks; html: one file "
        "per curriculum that opens on a phone, sent over WhatsApp, Bluetooth or a USB stick",
    )
    sub.add_argument(
        "--audience",
        choices=["learner", "trainer"],
        default="learner",
        help="learner (default) leaves out program guides and answer keys; trainer includes them",
    )
    sub.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="zip: the zip to write (default: dist/NAME.zip); html: the folder for the files "
        "(default: dist/), or the file itself when exporting one curriculum (NAME.html)",
    )
    sub.add_argument(
        "--budget",
        type=float,
        default=5.0,
        metavar="MB",
        help="warn when a curriculum's export is larger than this (default: 5 MB)",
    )
    _config_file(sub)


def _cmd_export(args: argparse.Namespace) -> int:
    """Build an offline copy that needs no network: search, quizzes and progress work.

    --format zip (default) zips the site; unzipped on a laptop or a USB stick, it
    opens from index.html. --format html writes one file per curriculum, ID.html
    (ID-pelatih.html or ID-trainer.html for trainers), that works on a phone when it
    is the only file the browser can read; for each file it prints its size and a
    message to forward with it. Either fails when a page would load anything from
    another host (a remote image, a video iframe); plain links to other sites are
    listed as a warning.
    """
    import logging  # noqa: PLC0415 - only the export quietens MkDocs

    from generator.outputs import export, mkdocs_site, report, single  # noqa: PLC0415 - MkDocs loads slowly

    mkdocs_site.setup_logging()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    request = export.ExportRequest(args.config_file, tuple(args.ids), args.audience, args.output)
    budget = int(args.budget * 1e6)
    try:
        if args.format == "html":
            files = single.export_html(request)
            for line in report.link_lines(files.warnings):
                print(line, file=sys.stderr)
            print("\n".join(report.html_lines(files.files, budget)))
            return EXIT_OK
        written = export.export(request)
    except OfflineError as exc:
        print("\n".join(report.finding_lines(exc.findings)), file=sys.stderr)
        print(f"berdaya export: error: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    lines = report.link_lines(written.warnings) + report.size_lines(written, budget)
    print("\n".join(lines), file=sys.stderr)
    return EXIT_OK


def _check_offline(target: Path, content_dir: Path) -> int:
    """Report what the built site would load from the network; 1 if anything."""
    from generator.outputs import export, report  # noqa: PLC0415 - MkDocs loads slowly

    findings = export.check_site(target, content_dir)
    if findings:
        print("\n".join(report.finding_lines(findings)), file=sys.stderr)
    if any(finding.is_error for finding in findings):
        return EXIT_CONTENT
    print("offline check: nothing is loaded from the network", file=sys.stderr)
    return EXIT_OK


def _pdf(commands: Commands) -> None:
    sub = _command(commands, "pdf", _cmd_pdf, "PDF of the printable trainer guide or learner book")
    sub.add_argument("ids", nargs="*", metavar="ID", help="curricula (default: all)")
    sub.add_argument(
        "--audience",
        choices=["trainer", "learner"],
        default="trainer",
        help="trainer: the whole guide with answer keys (default); learner: the learner book",
    )
    sub.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="the PDF (default: ID-panduan-cetak.pdf or ID-buku-peserta.pdf, named in the "
        "curriculum's language; berdaya-trainer.pdf or berdaya-learner.pdf for several)",
    )
    _config_file(sub)


def _cmd_pdf(args: argparse.Namespace) -> int:
    """Write one PDF of the printable pages: the trainer guide or the learner book.

    Needs the optional extra berdaya[pdf] (WeasyPrint). Every curriculum starts
    on a new page; pages are A4 and numbered.
    """
    from generator.outputs import pdf  # noqa: PLC0415 - loads MkDocs and WeasyPrint; only pdf needs them

    settings = pdf.read_settings(args.config_file)
    printed = pdf.write_pdf(settings, args.ids, args.audience, args.output)
    if printed.diagnostics:
        sys.stderr.write(render(printed.diagnostics, "text") + "\n")
    sys.stderr.write(f"wrote {printed.path} ({printed.pages} pages)\n")
    return EXIT_OK


def _schema(commands: Commands) -> None:
    sub = _command(commands, "schema", _cmd_schema, "print the JSON Schema of the content files")
    sub.add_argument(
        "kind", nargs="?", choices=["curriculum", "module"], help="one file kind (default: both)"
    )
    sub.add_argument("--write", action="store_true", help=f"write the schemas into {SCHEMA_DIR}/")


def _cmd_schema(args: argparse.Namespace) -> int:
    """Print (or write into schema/) the JSON Schema of curriculum and module files.

    Editors complete keys from it: the YAML files start with a
    '# yaml-language-server: $schema=...' line.
    """
    names = [f"{args.kind}.schema.json"] if args.kind else list(SCHEMAS)
    for name in names:
        if args.write:
            SCHEMA_DIR.mkdir(exist_ok=True)
            (SCHEMA_DIR / name).write_text(schema_text(name), encoding="utf-8")
            print(f"wrote {SCHEMA_DIR / name}")
        else:
            sys.stdout.write(schema_text(name))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
