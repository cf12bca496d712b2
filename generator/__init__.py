"""Berdaya: YAML curricula to offline-ready MkDocs training sites.

The public API, one function per pipeline stage:

>>> from generator import check, generate, Options
>>> project, diagnostics = check(Path("content"), Options())   # read and check only
>>> generate(Path("content"), Path("modules"))                  # ... and write the Markdown
"""

from generator.build import Generated, check, generate
from generator.diagnostics import BerdayaError, ContentError, Diagnostic, Position, Severity
from generator.load import Document, load_file
from generator.plan import Options, Page, SitePlan, plan_site
from generator.project import CurriculumSource, ModuleSource, Project, find_curricula, read_project

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
