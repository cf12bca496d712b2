"""The ``berdaya`` command line: a thin shell over the pipeline stages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.diagnostics import BerdayaError, ContentError, has_errors, render
from generator.project import find_curricula, read_project
from generator.schema import SCHEMA_DIR, SCHEMAS, schema_text

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except ContentError as exc:
        print(render(exc.diagnostics, "text"), file=sys.stderr)
        return EXIT_CONTENT
    except BerdayaError as exc:
        print(f"berdaya: error: {exc}", file=sys.stderr)
        return EXIT_CONTENT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="berdaya",
        description="Turn YAML curricula into offline-ready training sites with quizzes "
        "and program guides.",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="report every problem in the content", description=_cmd_validate.__doc__
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="content folders, curricula or files (default: content/)",
    )
    validate.add_argument(
        "--format", choices=["text", "json", "github"], default="text", help="output format"
    )
    validate.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    validate.set_defaults(handler=_cmd_validate)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the content files", description=_cmd_schema.__doc__
    )
    schema.add_argument(
        "kind", nargs="?", choices=["curriculum", "module"], help="one file kind (default: both)"
    )
    schema.add_argument(
        "--write", action="store_true", help=f"write the schemas into {SCHEMA_DIR}/"
    )
    schema.set_defaults(handler=_cmd_schema)
    return parser


def _cmd_validate(args: argparse.Namespace) -> int:
    """Check curricula and report every problem, sorted by file and line."""
    paths: list[Path] = args.paths or [Path("content")]
    try:
        folders = find_curricula(paths)
    except FileNotFoundError as exc:
        print(f"berdaya validate: error: no such file or folder: {exc}", file=sys.stderr)
        return EXIT_USAGE
    project = read_project(folders)
    if project.diagnostics:
        print(render(project.diagnostics, args.format))
    elif args.format == "json":
        print("[]")
    if has_errors(project.diagnostics, strict=args.strict):
        return EXIT_CONTENT
    if args.format == "text":
        modules = sum(len(c.modules) for c in project.curricula)
        print(f"ok: {len(project.curricula)} curricula, {modules} modules", file=sys.stderr)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    """Print (or write into schema/) the JSON Schema of curriculum and module files."""
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
