"""Rendered pages kept between runs of one process (``berdaya serve``), curriculum by curriculum.

A curriculum's pages depend on its own validated models, the ids of its
translation's modules and lessons (the translation links), the site options
and the templates. :func:`keys` hashes these for every curriculum; a run
renders again only the pages of curricula whose key changed (and the pages of
no curriculum, such as the home page, every time), so saving one lesson renders
one curriculum, not the site. Nothing is kept unless a :class:`RenderCache` is
passed to :func:`generator.site.generate.generate` (the plugin does during
``serve``); a build renders every page.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from generator.content.project import CurriculumSource
from generator.content.translation import counterparts
from generator.site.jinja import DEFAULT_TEMPLATES
from generator.site.plan import Options


@dataclass
class RenderCache:
    """For each curriculum id: the key its pages were rendered with, and their Markdown."""

    curricula: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)

    def get(self, curriculum: str, key: str) -> dict[str, str]:
        """The pages kept for ``curriculum`` under ``key`` (none when the key changed)."""
        kept = self.curricula.get(curriculum)
        return kept[1] if kept is not None and kept[0] == key else {}

    def keep(self, curriculum: str, key: str, pages: dict[str, str]) -> None:
        """Keep the pages of ``curriculum`` rendered under ``key``."""
        self.curricula[curriculum] = (key, pages)


def keys(
    curricula: list[CurriculumSource], options: Options, templates_dir: Path | None
) -> dict[str, str]:
    """Each curriculum's key: a hash of everything its pages are rendered from."""
    common = hashlib.sha256(repr(options).encode("utf-8"))
    for folder in (templates_dir, DEFAULT_TEMPLATES):
        common.update(_files(folder))
    linked = counterparts(curricula) if options.translation_links else {}
    found = {}
    for c in curricula:
        digest = common.copy()
        digest.update(repr((c.id, c.folder, c.language, c.doc.path, c.bases)).encode("utf-8"))
        digest.update(_dump(c.model))
        for module in c.modules:
            digest.update(repr((module.id, module.doc.path)).encode("utf-8"))
            digest.update(_dump(module.model))
        other = linked.get(c.id)
        if other is not None:
            other_id = (other.curriculum.id, other.curriculum.language)
            digest.update(repr((other_id, other.modules, other.lessons)).encode("utf-8"))
        found[c.id] = digest.hexdigest()
    return found


def _dump(model: BaseModel) -> bytes:
    """A model's values as JSON, each value by its own type (sessions are a union)."""
    return model.model_dump_json(serialize_as_any=True, warnings=False).encode("utf-8")


def _files(folder: Path | None) -> bytes:
    """Names and modification times of the files below ``folder``."""
    if folder is None or not folder.is_dir():
        return b""
    lines = []
    for top, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = Path(top, name)
            lines.append(f"{path}:{path.stat().st_mtime_ns}")
    return "\n".join(lines).encode("utf-8")
