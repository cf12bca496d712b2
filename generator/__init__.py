"""Berdaya: YAML curricula to offline-ready MkDocs training sites.

The public API, one function per pipeline stage:

>>> from generator import check, generate, Options
>>> project, diagnostics = check(Path("content"))              # read and check only
>>> generate(Path("content"), Path("modules"))                  # ... and write the Markdown
"""

from generator.content.check import check, read_project
from generator.content.diagnostics import Diagnostic, Position, Severity
from generator.content.load import Document, load_file
from generator.content.project import CurriculumSource, ModuleSource, Project, find_curricula
from generator.exceptions import BerdayaError, ContentError
from generator.site.generate import Generated, generate
from generator.site.plan import Options, Page, SitePlan, plan_site

__all__ = [
    "BerdayaError",
    "ContentError",
    "CurriculumSource",
    "Diagnostic",
    "Document",
    "Generated",
    "ModuleSource",
    "Options",
    "Page",
    "Position",
    "Project",
    "Severity",
    "SitePlan",
    "check",
    "find_curricula",
    "generate",
    "load_file",
    "plan_site",
    "read_project",
]
