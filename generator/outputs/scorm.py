"""The SCORM 1.2 export: each curriculum's single file as a package an LMS plays.

``berdaya export --format scorm`` writes ``dist/<id>-scorm.zip`` per curriculum:
``imsmanifest.xml`` (:mod:`generator.outputs.scorm_manifest`) and the learner's
single file as ``index.html``, the package's one SCO. That file is the single
file of ``--format html`` plus ``berdaya-scorm.js`` and its data: inside an LMS
it reports completion, the score and one objective per module through the SCORM
1.2 API (docs/scorm.md); opened anywhere else it is the single file.

As every export: the content is read and checked and the output paths settled
before anything is built; the zip has sorted entries and fixed timestamps (the
same content gives the same bytes) and is written atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.project import CurriculumSource
from generator.exceptions import UsageError
from generator.outputs import mkdocs_site
from generator.outputs.archive import Entry, zip_files
from generator.outputs.export import ExportRequest, prepare
from generator.outputs.guard import check_output_file
from generator.outputs.offline import Finding
from generator.outputs.report import shown
from generator.outputs.scorm_manifest import LAUNCH, MANIFEST, manifest
from generator.outputs.single import build_singles, one_per_curriculum
from generator.site.write import write_atomically


@dataclass(frozen=True)
class Package:
    """One SCORM package written by the export.

    Attributes:
        path: where it was written.
        curriculum: the curriculum's id.
        size: bytes of the zip.
        entries: its files.
    """

    path: Path
    curriculum: str
    size: int
    entries: list[Entry]


@dataclass
class ScormReport:
    """What the export wrote, and the external links it found (warnings)."""

    packages: list[Package]
    warnings: list[Finding]


def export_scorm(request: ExportRequest) -> ScormReport:
    """Write one SCORM 1.2 package per curriculum.

    Raises:
        UsageError: an id names no curriculum, ``-o`` cannot hold the packages, or
            ``--audience trainer`` (a package is the learner's copy).
        ContentError: the content has errors.
        OfflineError: a page would load something from the network or another file.
        mkdocs_site.BuildError: MkDocs failed.
    """
    if request.audience != "learner":
        raise UsageError(
            "--format scorm makes the learner's copy: --audience trainer is not available "
            "(trainers use --format html --audience trainer)"
        )
    prepared = prepare(request)
    curricula = prepared.project.curricula
    targets = output_paths(request.output, curricula)
    for target in targets.values():
        check_output_file(target, "zip", mkdocs_site.protected(prepared.config))
    pages, findings = build_singles(request, prepared, scorm=True)
    zips = {
        c.id: zip_files(
            {MANIFEST: manifest(c).encode("utf-8"), LAUNCH: pages[c.id].html.encode("utf-8")}
        )
        for c in curricula
    }
    packages = []
    for c in curricula:
        data, entries = zips[c.id]
        write_atomically(targets[c.id], data)
        packages.append(Package(targets[c.id], c.id, len(data), entries))
    return ScormReport(packages, findings)


def output_paths(output: Path | None, curricula: list[CurriculumSource]) -> dict[str, Path]:
    """Where each package goes: ``-o FILE.zip`` for one curriculum, else a folder.

    Raises:
        UsageError: ``-o`` names one zip for several curricula, or a file that is no folder.
    """
    return one_per_curriculum(
        output, curricula, lambda c: file_name(c.id), suffixes=(".zip",), files="the packages"
    )


def report_lines(report: ScormReport) -> list[str]:
    """One line per package: its path, size and files."""
    return [
        f"wrote {shown(p.path)}: {p.size / 1000:.1f} kB, SCORM 1.2 package "
        f"({', '.join(e.name for e in p.entries)})"
        for p in report.packages
    ]


def file_name(curriculum: str) -> str:
    """``<id>-scorm.zip``."""
    return f"{curriculum}-scorm.zip"
