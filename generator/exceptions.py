"""What goes wrong, for a user: one small hierarchy, each error with its exit code.

The command line maps these to exit codes in one place (:func:`generator.cli.main`):
a :class:`UsageError` is a mistake in how a command was called (2); every other
:class:`BerdayaError` is a problem of the content or of the machine (1). A
:class:`ContentError` carries every diagnostic of the run; an
:class:`OfflineError` every reference an offline copy cannot load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.content.diagnostics import Diagnostic
    from generator.outputs.offline import Finding


class BerdayaError(Exception):
    """Base class of the errors Berdaya reports to users without a traceback."""

    exit_code = 1


class UsageError(BerdayaError):
    """The command was asked for something it cannot do: a wrong id, path or option."""

    exit_code = 2


class ContentError(BerdayaError):
    """The content has errors; carries all diagnostics of the run."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        """Keep the diagnostics; the message is their count."""
        self.diagnostics = diagnostics
        errors = sum(d.severity.value == "error" for d in diagnostics)
        super().__init__(f"{errors} error(s) in the content")

    def __reduce__(self) -> tuple[type[ContentError], tuple[list[Diagnostic]]]:
        """Pickled with its diagnostics: it crosses from a worker process whole."""
        return (ContentError, (self.diagnostics,))


class TemplateError(BerdayaError):
    """A template is missing or broken (the organisation's or ours)."""


class BuildError(BerdayaError):
    """MkDocs could not build the site (or read mkdocs.yml)."""


class PdfError(BerdayaError):
    """No PDF can be made: WeasyPrint or the libraries it needs are missing."""


class ZimError(BerdayaError):
    """No ZIM can be made: libzim (the extra ``berdaya[zim]``) is not installed."""


class ResultsError(BerdayaError):
    """``berdaya results`` has nothing to count: no code, only broken ones, or no text file."""


class OfflineError(BerdayaError):
    """The built site would load something from the network (or, for a single file, beside it)."""

    def __init__(self, findings: list[Finding]) -> None:
        """Keep the findings; the message is their count."""
        self.findings = findings
        network = sum(f.is_error and not f.beside for f in findings)
        beside = sum(f.beside for f in findings)
        parts = []
        if network:
            parts.append(f"{network} reference(s) to the network; an offline copy cannot load them")
        if beside:
            parts.append(f"{beside} reference(s) to files beside the page")
        super().__init__("; ".join(parts))
