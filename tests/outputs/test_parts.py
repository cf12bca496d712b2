"""How a site is cut into parts (generator/outputs/parts.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.outputs.parts import MOST_PAGES, split
from generator.site.plan import Page, SitePlan


def _plan(sizes: dict[str, int]) -> SitePlan:
    """A plan with a home page and curricula of the given numbers of pages."""
    pages = [Page("index.md", "home.md.j2", "id", None, {})]
    for curriculum, count in sizes.items():
        pages.append(Page(f"{curriculum}/index.md", "curriculum.md.j2", "id", None, {}))
        pages += [
            Page(f"{curriculum}/m/l{i}.md", "lesson.md.j2", "id", None, {})
            for i in range(count - 1)
        ]
    return SitePlan(pages, [], "id")


@pytest.mark.parametrize("jobs", [1, 2, 3, 8])
def test_every_curriculum_is_in_exactly_one_part_in_plan_order(jobs: int) -> None:
    plan = _plan({f"c{i}": 10 + i for i in range(7)})
    parts = split(plan, jobs)
    assert [c for part in parts for c in sorted(part.curricula)] == plan.curricula()
    assert len(parts) == min(jobs, 7)
    assert [part.home for part in parts] == [True] + [False] * (len(parts) - 1)


def test_parts_stay_small_and_about_even() -> None:
    plan = _plan({f"c{i:03}": 46 for i in range(350)})
    parts = split(plan, 2)
    sizes = [46 * len(part.curricula) for part in parts]
    assert max(sizes) <= MOST_PAGES + 46
    assert max(sizes) - min(sizes) <= 46
    assert split(plan, 2) == parts  # the same plan, the same parts


def test_a_big_curriculum_is_not_split() -> None:
    parts = split(_plan({"besar": 3 * MOST_PAGES, "kecil": 5}), 2)
    assert [sorted(p.curricula) for p in parts] == [["besar"], ["kecil"]]


def test_a_part_excludes_what_others_build(tmp_path: Path) -> None:
    plan = _plan({"a": 3, "b": 3})
    first, second = split(plan, 2)

    def files() -> Files:
        paths = ["index.md", "a/index.md", "a/media/x.svg", "b/index.md", "assets/x.css"]
        site = str(tmp_path / "site")
        return Files([File(p, str(tmp_path), site, use_directory_urls=False) for p in paths])

    built = {}
    for part in (first, second):
        found = files()
        part.exclude_others(found)
        built[part.home] = [f.src_uri for f in found if f.inclusion != InclusionLevel.EXCLUDED]
    assert built[True] == ["index.md", "a/index.md", "a/media/x.svg", "assets/x.css"]
    assert built[False] == ["b/index.md"]
