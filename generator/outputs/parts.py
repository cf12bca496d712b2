"""A site cut into parts that MkDocs builds one by one, in parallel processes.

Each part is a group of curricula; the first part also builds what belongs to
no curriculum (the home page, the theme's and Berdaya's assets, 404.html). Every
part sees all the site's files, so links and the nav resolve as in one build,
but MkDocs reads and writes only the part's own pages: the others are
*excluded* (:meth:`Part.exclude_others`). Because a curriculum's page shows only
its own curriculum's nav (:func:`generator.plugin.curriculum_navs`), the HTML of
a page does not depend on which part built it: the parts, joined by
:mod:`generator.outputs.parallel`, give the same bytes as one ``mkdocs build``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mkdocs.structure.files import Files, InclusionLevel

from generator.site.plan import SitePlan

MOST_PAGES = 800
"""A part holds about this many pages at most: it bounds a process's memory."""


@dataclass(frozen=True)
class Part:
    """The curricula one MkDocs build of a site in parts writes.

    Attributes:
        plan: the whole site's plan, pages without their contexts.
        curricula: the ids of the curricula this part builds.
        every: the ids of all the site's curricula.
        home: this part also builds every file outside the curricula.
    """

    plan: SitePlan
    curricula: frozenset[str]
    every: frozenset[str]
    home: bool

    def builds(self, src_uri: str) -> bool:
        """The file at ``src_uri`` (below the docs folder) is built by this part."""
        top = src_uri.split("/", 1)[0] if "/" in src_uri else ""
        if top in self.curricula:
            return True
        return self.home and top not in self.every

    def exclude_others(self, files: Files) -> None:
        """Mark every file another part builds as excluded: MkDocs neither reads nor copies it.

        Links and nav entries to them still resolve to their addresses.
        """
        for file in files:
            if not self.builds(file.src_uri):
                file.inclusion = InclusionLevel.EXCLUDED


def split(plan: SitePlan, jobs: int, units: list[list[str]] | None = None) -> list[Part]:
    """The plan's curricula in parts of about equal pages, in plan order.

    At least ``jobs`` parts (when there are that many units), and parts of at
    most about :data:`MOST_PAGES` pages; a unit (a curriculum, or one with its
    translations: :attr:`generator.site.generate.Outline.units`) is never split.
    """
    sizes = _pages_per_curriculum(plan)
    units = units if units is not None else [[c] for c in sizes]
    weights = [sum(sizes.get(c, 0) for c in unit) for unit in units]
    total = sum(weights)
    count = max(jobs, math.ceil(total / MOST_PAGES))
    count = min(count, len(units)) or 1
    share = total / count
    groups: list[list[str]] = [[]]
    done = 0
    for unit, pages in zip(units, weights, strict=True):
        if groups[-1] and done + pages / 2 > share * len(groups) and len(groups) < count:
            groups.append([])
        groups[-1].extend(unit)
        done += pages
    every = frozenset(sizes)
    return [Part(plan, frozenset(group), every, home=i == 0) for i, group in enumerate(groups)]


def _pages_per_curriculum(plan: SitePlan) -> dict[str, int]:
    """How many pages each curriculum of the plan has, in plan order."""
    sizes = dict.fromkeys(plan.curricula(), 0)
    for page in plan.pages:
        top = page.path.split("/", 1)[0]
        if top in sizes:
            sizes[top] += 1
    return sizes
