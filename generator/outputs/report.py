"""What an export wrote, and the lines ``berdaya export`` prints about it.

The size report names the zip, its largest files and the curricula whose
export is over the size budget; the finding lines list what the built site
would load from the network, errors first, then the external links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.i18n import Language, t
from generator.outputs.archive import Entry
from generator.outputs.offline import Finding

if TYPE_CHECKING:
    from generator.outputs.single import SingleFile

MB = 1_000_000
DEFAULT_BUDGET = 5 * MB
"""Above this size a curriculum's export is too big to share comfortably over chat apps."""


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


def html_lines(files: list[SingleFile], budget: int = DEFAULT_BUDGET) -> list[str]:
    """For each single file: its size, and the message the trainer forwards with it."""
    lines = []
    for file in files:
        lines.append(
            f"wrote {shown(file.path)}: {file.size / 1000:.1f} kB "
            f"({file.gzipped / 1000:.1f} kB gzipped), {file.views} pages"
        )
        lines.append(f"  {t('export.forward_label', file.language)}")
        message = t("export.forward", file.language).format(
            title=file.title, file=file.path.name, size=friendly_size(file.size, file.language)
        )
        lines.append(f"  {message}")  # one line: it is copied into a chat as it is
        if file.unlinked:
            lines.append(
                f"warning: {file.path.name}: {len(file.unlinked)} link(s) lead to pages that are "
                f"not in the file and are kept as text: {', '.join(sorted(set(file.unlinked)))}"
            )
        if file.size > budget:
            lines.append(
                f"warning: {file.path.name} is {megabytes(file.size)}, over the budget of "
                f"{megabytes(budget)}: large media files are the usual cause"
            )
    return lines


def friendly_size(size: int, language: Language) -> str:
    """A size as people say it: ``412 KB``, ``1,2 MB`` (Indonesian) or ``1.2 MB``."""
    if size < MB:
        return f"{max(1, round(size / 1000))} KB"
    text = f"{size / MB:.1f} MB"
    return text.replace(".", ",") if language == "id" else text


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
